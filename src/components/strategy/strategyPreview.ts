/**
 * What every GPU node advertises after a change of the ClusterPolicy's `spec.mig.strategy`: the
 * GPUs keep their layouts (the mig-manager is not involved); only the device plugin and GFD
 * re-advertise them. Pure.
 */
import { GPU_RESOURCE, MIG_RESOURCE_PREFIX } from '../../geometry/naming';
import {
  predictNodeAdvertisement,
  diffResources,
  type ResourceChange,
  type SingleStrategyInvalid,
} from '../../geometry/prediction';
import type { MigStrategy } from '../../geometry/types';
import type { GpuNodeView } from '../../cluster/types';

export interface NodeStrategyPreview {
  nodeName: string;
  migConfig?: string;
  migEnabledGpus: number;
  before: Record<string, number>;
  /** Undefined when the GPU model is unknown (nothing can be predicted). */
  after?: Record<string, number>;
  changes: ResourceChange[];
  /** Set when `single` cannot express the layout: MIG-INVALID, no GPUs advertised. */
  invalid?: SingleStrategyInvalid;
}

const gpuOnly = (resources: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(resources).filter(
      ([name]) => name === GPU_RESOURCE || name.startsWith(MIG_RESOURCE_PREFIX),
    ),
  );

export function previewStrategy(
  nodes: GpuNodeView[],
  strategy: MigStrategy,
): NodeStrategyPreview[] {
  return nodes.map((node) => {
    const before = gpuOnly(node.allocatable);
    const preview: NodeStrategyPreview = {
      nodeName: node.name,
      migEnabledGpus: node.gpus.filter((gpu) => gpu.migEnabled).length,
      before,
      changes: [],
    };
    if (node.migConfig !== undefined) preview.migConfig = node.migConfig;
    if (!node.model) return preview;
    const advertisement = predictNodeAdvertisement({
      product: node.product,
      strategy,
      gpus: node.gpus.map((gpu) => ({
        index: gpu.index,
        model: node.model,
        migEnabled: gpu.migEnabled,
        counts: gpu.requestedCounts ?? {},
      })),
    });
    preview.after = gpuOnly(advertisement.resources);
    preview.changes = diffResources(before, preview.after);
    if (advertisement.invalid) preview.invalid = advertisement.invalid;
    return preview;
  });
}
