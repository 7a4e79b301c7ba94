/**
 * What every GPU node advertises after a change of the ClusterPolicy's `spec.mig.strategy`: the
 * GPUs keep their layouts (the mig-manager is not involved); only the device plugin and GFD
 * re-advertise them. Which running pods ask for resources their node will stop advertising, and,
 * once written, what each node really advertises. Pure.
 */
import { parseGpuProduct } from '../../cluster/labels';
import type { GpuNodeView, MigConfigState } from '../../cluster/types';
import { GPU_RESOURCE, MIG_RESOURCE_PREFIX } from '../../geometry/naming';
import {
  predictNodeAdvertisement,
  diffResources,
  type ResourceChange,
  type SingleStrategyInvalid,
} from '../../geometry/prediction';
import type { MigStrategy } from '../../geometry/types';

/**
 * `changes`: the node advertises other resources; `unchanged`: the same (no MIG instance on it);
 * `invalid`: nothing (single cannot express its layout: MIG-INVALID); `unknown`: not predictable.
 */
export type NodeStrategyEffect = 'changes' | 'unchanged' | 'invalid' | 'unknown';

/** A running pod asking for resources its node will no longer advertise. */
export interface AffectedPod {
  namespace: string;
  name: string;
  nodeName: string;
  /** The requested resources the node stops advertising. */
  resources: string[];
}

export interface NodeStrategyPreview {
  nodeName: string;
  migConfig?: string;
  migEnabledGpus: number;
  before: Record<string, number>;
  /** Undefined when it cannot be predicted (unknown GPU model that may have MIG instances). */
  after?: Record<string, number>;
  changes: ResourceChange[];
  effect: NodeStrategyEffect;
  /** Set when `single` cannot express the layout: MIG-INVALID, no GPUs advertised. */
  invalid?: SingleStrategyInvalid;
  /** The node's MIG change has not succeeded: its GPUs may not have the config's layout yet. */
  unsettledState?: Exclude<MigConfigState, 'success' | 'absent'>;
  affectedPods: AffectedPod[];
}

const gpuOnly = (resources: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(resources).filter(
      ([name, count]) =>
        (name === GPU_RESOURCE || name.startsWith(MIG_RESOURCE_PREFIX)) && count > 0,
    ),
  );

/**
 * Whether an unknown model's node has MIG instances, from what GFD and the device plugin say:
 * under `none` they hide them, so it cannot be told.
 */
function advertisesMig(node: GpuNodeView): boolean | undefined {
  if (!node.migCapable) return false;
  if (node.strategy !== 'mixed' && node.strategy !== 'single') return undefined;
  return (
    Object.keys(node.labelCounts).length > 0 ||
    Object.keys(gpuOnly(node.allocatable)).some((name) => name.startsWith(MIG_RESOURCE_PREFIX)) ||
    parseGpuProduct(node.product).singleStrategyProfile !== undefined ||
    parseGpuProduct(node.product).migInvalid
  );
}

/** What the node will advertise under `strategy`; undefined when it cannot be predicted. */
function predictAfter(node: GpuNodeView, strategy: MigStrategy, before: Record<string, number>) {
  if (!node.model) {
    // Whole GPUs are advertised alike under every strategy.
    return advertisesMig(node) === false ? { resources: before } : undefined;
  }
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
  return {
    resources: gpuOnly(advertisement.resources),
    ...(advertisement.invalid ? { invalid: advertisement.invalid } : {}),
  };
}

function affectedPods(node: GpuNodeView, after: Record<string, number>): AffectedPod[] {
  return node.pods.flatMap((pod) => {
    const resources = Object.entries(pod.resources)
      .filter(([name, count]) => count > 0 && (after[name] ?? 0) === 0)
      .map(([name]) => name);
    return resources.length > 0
      ? [{ namespace: pod.namespace, name: pod.name, nodeName: node.name, resources }]
      : [];
  });
}

export function previewNodeStrategy(node: GpuNodeView, strategy: MigStrategy): NodeStrategyPreview {
  const before = gpuOnly(node.allocatable);
  const predicted = predictAfter(node, strategy, before);
  const changes = predicted ? diffResources(before, predicted.resources) : [];
  let effect: NodeStrategyEffect = 'unknown';
  if (predicted?.invalid) effect = 'invalid';
  else if (predicted) effect = changes.length > 0 ? 'changes' : 'unchanged';
  const preview: NodeStrategyPreview = {
    nodeName: node.name,
    migEnabledGpus: node.gpus.filter((gpu) => gpu.migEnabled).length,
    before,
    changes,
    effect,
    affectedPods: predicted ? affectedPods(node, predicted.resources) : [],
  };
  if (node.migConfig !== undefined) preview.migConfig = node.migConfig;
  if (predicted) preview.after = predicted.resources;
  if (predicted?.invalid) preview.invalid = predicted.invalid;
  if (node.model && node.migConfigState !== 'success' && node.migConfigState !== 'absent') {
    preview.unsettledState = node.migConfigState;
  }
  return preview;
}

export function previewStrategy(
  nodes: GpuNodeView[],
  strategy: MigStrategy,
): NodeStrategyPreview[] {
  return nodes.map((node) => previewNodeStrategy(node, strategy));
}

/**
 * What a node really does after the switch: `waiting` until GFD labels the new strategy and the
 * device plugin re-advertises; then `re-advertised` (as predicted), `unchanged`, `mig-invalid`
 * (advertises no GPU: GFD's MIG-INVALID) or `differs` (neither what it had nor the prediction).
 */
export type StrategyOutcome = 're-advertised' | 'unchanged' | 'mig-invalid' | 'waiting' | 'differs';

const sameResources = (a: Record<string, number>, b: Record<string, number>) =>
  diffResources(gpuOnly(a), gpuOnly(b)).length === 0;

export function strategyOutcome(
  node: GpuNodeView,
  strategy: MigStrategy,
  preview: NodeStrategyPreview | undefined,
): StrategyOutcome {
  // GFD writes no strategy label under `none`.
  const labelled = (node.strategyLabel ?? 'none') === strategy;
  if (!labelled) return 'waiting';
  const now = gpuOnly(node.allocatable);
  const migInvalid =
    parseGpuProduct(node.product).migInvalid ||
    node.conditions.some((condition) => condition.kind === 'single-invalid');
  if (Object.keys(now).length === 0 && (migInvalid || preview?.effect === 'invalid')) {
    return 'mig-invalid';
  }
  if (!preview) return 'differs';
  const sameAsBefore = sameResources(now, preview.before);
  if (preview.after && sameResources(now, preview.after)) {
    return sameAsBefore ? 'unchanged' : 're-advertised';
  }
  if (sameAsBefore) {
    // A settled node still advertising as before: the device plugin restarts after GFD relabels.
    // A node whose MIG change is pending or failed may not have the layout predicted from.
    return preview.after && !preview.unsettledState ? 'waiting' : 'unchanged';
  }
  return preview.after ? 'differs' : 're-advertised';
}
