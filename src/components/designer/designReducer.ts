/**
 * The layout designer's state and every change to it, as a reducer (no React): what the design is
 * for (a catalog model, or a node it started from), the GPUs with their instances, and whether one
 * layout is shared by all GPUs. Each change keeps every GPU a legal layout (see designerState).
 */
import { designedEntries } from '../../cluster/customConfig';
import type { GpuNodeView } from '../../cluster/types';
import {
  listModels,
  MIG_PARTED_SPEC_VERSION,
  serializeMigPartedConfig,
  type GpuModel,
  type MigPartedEntry,
} from '../../geometry';
import {
  addInstance,
  countsOf,
  fromLayout,
  removeInstance,
  type DesignedGpuState,
} from './designerState';

export const MAX_DESIGNED_GPUS = 16;
/** The model designed for when neither the caller nor the fleet names one. */
export const FALLBACK_MODEL_ID = 'a30-24gb';

export type DesignSource = 'model' | 'node';

export interface LayoutDesign {
  source: DesignSource;
  /** The catalog model designed for: the one picked, or the chosen node's. */
  modelId: string;
  /** Set when someone chose the model: the fleet's most common model no longer replaces it. */
  modelChosen: boolean;
  /** The node the design started from (node mode); none until one is chosen. */
  nodeName?: string;
  gpus: DesignedGpuState[];
  sameOnAll: boolean;
}

export type DesignAction =
  | { type: 'design-for-model' }
  /** Start from a node's GPUs and current layout; ignored for a node whose model is unknown. */
  | { type: 'design-for-node'; node: GpuNodeView }
  | { type: 'choose-model'; modelId: string }
  /** The fleet's most common model: taken only while no one chose a model and the design is empty. */
  | { type: 'fleet-model'; modelId: string }
  | { type: 'set-gpu-count'; count: number }
  | { type: 'set-same-on-all'; same: boolean }
  | { type: 'add-instance'; position: number; profile: string }
  | { type: 'remove-instance'; position: number; id: string }
  | { type: 'clear' };

const emptyGpus = (count: number): DesignedGpuState[] =>
  Array.from({ length: count }, (_, index) => ({ index, instances: [] }));

export const initialDesign = (modelId?: string): LayoutDesign => ({
  source: 'model',
  modelId: modelId ?? FALLBACK_MODEL_ID,
  modelChosen: modelId !== undefined,
  gpus: emptyGpus(1),
  sameOnAll: true,
});

export const modelOf = (design: LayoutDesign): GpuModel | undefined =>
  listModels().find((model) => model.id === design.modelId);

/** The GPUs whose layouts the user edits: the first only while one layout is shared. */
export const editedGpus = (design: LayoutDesign): DesignedGpuState[] =>
  design.sameOnAll ? design.gpus.slice(0, 1) : design.gpus;

const isEmpty = (design: LayoutDesign) =>
  editedGpus(design).every((gpu) => gpu.instances.length === 0);

function startFromNode(design: LayoutDesign, node: GpuNodeView): LayoutDesign {
  if (!node.model) return design;
  const gpus = node.gpus.map((gpu) => ({
    index: gpu.index,
    instances: gpu.migEnabled ? fromLayout(gpu.instances) : [],
  }));
  const layouts = new Set(gpus.map((gpu) => JSON.stringify(countsOf(gpu.instances))));
  return {
    ...design,
    source: 'node',
    nodeName: node.name,
    modelId: node.model.id,
    gpus: gpus.length > 0 ? gpus : emptyGpus(Math.max(node.gpuCount, 1)),
    sameOnAll: layouts.size <= 1,
  };
}

function withGpuCount(design: LayoutDesign, count: number): DesignedGpuState[] {
  const bounded = Math.min(Math.max(Math.trunc(count) || 1, 1), MAX_DESIGNED_GPUS);
  const shared = design.sameOnAll ? design.gpus[0] : undefined;
  return Array.from(
    { length: bounded },
    (_, index) =>
      design.gpus[index] ?? { index, instances: shared ? fromLayout(shared.instances) : [] },
  );
}

// Leaving "same on all": every GPU starts from the shared layout, then can differ.
function withSameOnAll(design: LayoutDesign, same: boolean): LayoutDesign {
  const shared = design.gpus[0]?.instances ?? [];
  const gpus = same
    ? design.gpus
    : design.gpus.map((gpu, i) => (i === 0 ? gpu : { ...gpu, instances: fromLayout(shared) }));
  return { ...design, sameOnAll: same, gpus };
}

function updateGpu(
  design: LayoutDesign,
  position: number,
  change: (gpu: DesignedGpuState) => DesignedGpuState,
): LayoutDesign {
  return { ...design, gpus: design.gpus.map((gpu, i) => (i === position ? change(gpu) : gpu)) };
}

export function designReducer(design: LayoutDesign, action: DesignAction): LayoutDesign {
  switch (action.type) {
    case 'design-for-model':
      // The layout stays: a design started from a node can go on as a model's.
      return { ...design, source: 'model' };
    case 'design-for-node':
      return startFromNode(design, action.node);
    case 'choose-model':
      return {
        ...design,
        modelId: action.modelId,
        modelChosen: true,
        gpus: emptyGpus(design.gpus.length),
      };
    case 'fleet-model':
      return design.modelChosen || design.source !== 'model' || !isEmpty(design)
        ? design
        : { ...design, modelId: action.modelId };
    case 'set-gpu-count':
      return { ...design, gpus: withGpuCount(design, action.count) };
    case 'set-same-on-all':
      return withSameOnAll(design, action.same);
    case 'add-instance': {
      const model = modelOf(design);
      if (!model) return design;
      return updateGpu(design, action.position, (gpu) => ({
        ...gpu,
        instances: addInstance(model, gpu.instances, action.profile) ?? gpu.instances,
      }));
    }
    case 'remove-instance':
      return updateGpu(design, action.position, (gpu) => ({
        ...gpu,
        instances: removeInstance(gpu.instances, action.id),
      }));
    case 'clear':
      return { ...design, gpus: emptyGpus(design.gpus.length) };
    default:
      return design;
  }
}

/** The fleet's most common catalog model (ties: the first seen), to design for by default. */
export function fleetModelId(nodes: GpuNodeView[]): string | undefined {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    if (node.model) counts.set(node.model.id, (counts.get(node.model.id) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [id, count] of counts) if (best === undefined || count > counts.get(best)!) best = id;
  return best;
}

/** A config name from the design: `custom-a30-24gb-2x1g.6gb-1x2g.12gb`, a valid label value. */
export function suggestName(model: GpuModel, gpus: DesignedGpuState[]): string {
  const counts = countsOf(gpus.flatMap((gpu) => gpu.instances));
  const parts = Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([profile, count]) => `${count}x${profile.replace(/[^a-z0-9.]+/gi, '-')}`);
  return `custom-${model.id}${parts.length ? `-${parts.join('-')}` : ''}`
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .slice(0, 63)
    .replace(/[-.]+$/, '');
}

export interface DesignOutput {
  entries: MigPartedEntry[];
  name: string;
  /** The design as a mig-parted config file with that one config. */
  yaml: string;
  empty: boolean;
}

/** What the design writes: the mig-parted entries, a suggested name and their YAML. */
export function designOutput(design: LayoutDesign, model: GpuModel): DesignOutput {
  const entries = designedEntries(
    model,
    design.gpus.map((gpu) => ({ index: gpu.index, counts: countsOf(gpu.instances) })),
    design.sameOnAll,
  );
  const name = suggestName(model, editedGpus(design));
  const yaml = serializeMigPartedConfig({
    version: MIG_PARTED_SPEC_VERSION,
    migConfigs: { [name]: entries },
  });
  return { entries, name, yaml, empty: isEmpty(design) };
}
