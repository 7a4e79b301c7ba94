/**
 * Cluster-wide totals for the overview: per schedulable resource (each MIG profile, and whole or
 * single-strategy GPUs) how much is allocatable, in use and free, with the per-node breakdown.
 */
import { GPU_RESOURCE, parseMigResourceName } from '../geometry/naming';
import type { MigStrategy } from '../geometry/types';
import type {
  ClusterGpuSummary,
  GpuHealthState,
  GpuNodeView,
  MigConfigState,
  ProfileAvailability,
} from './types';

/** `profile` of the `nvidia.com/gpu` row: a whole GPU, or one MIG device under `single`. */
export const WHOLE_GPU_PROFILE = 'gpu';

function isSchedulableGpuResource(name: string): boolean {
  return name === GPU_RESOURCE || parseMigResourceName(name) !== undefined;
}

type NodeAvailability = ProfileAvailability['nodes'][number];

/** What one node adds to the summary. */
interface NodeContribution {
  migEnabledGpus: number;
  resources: Array<{ resourceName: string; profile: string; entry: NodeAvailability }>;
}

function contributionOf(node: GpuNodeView): NodeContribution {
  const names = new Set(
    [...Object.keys(node.allocatable), ...Object.keys(node.inUse)].filter(isSchedulableGpuResource),
  );
  const resources: NodeContribution['resources'] = [];
  for (const resourceName of names) {
    const allocatable = node.allocatable[resourceName] ?? 0;
    const inUse = node.inUse[resourceName] ?? 0;
    if (allocatable === 0 && inUse === 0) continue;
    // An unschedulable (cordoned) node still counts as allocatable but offers nothing new.
    const free = node.unschedulable ? 0 : Math.max(0, allocatable - inUse);
    resources.push({
      resourceName,
      profile: parseMigResourceName(resourceName) ?? WHOLE_GPU_PROFILE,
      entry: { name: node.name, allocatable, inUse, free },
    });
  }
  return { migEnabledGpus: node.gpus.filter((gpu) => gpu.migEnabled).length, resources };
}

// The default collator is what `localeCompare` uses; one instance spares creating it per call.
const byName = new Intl.Collator();
const byResourceName = new Intl.Collator(undefined, { numeric: true });

const compareRows = (a: ProfileAvailability, b: ProfileAvailability) =>
  a.resourceName === GPU_RESOURCE
    ? -1
    : b.resourceName === GPU_RESOURCE
      ? 1
      : byResourceName.compare(a.resourceName, b.resourceName);

const sortedByName = (entries: NodeAvailability[]) =>
  entries.every(
    (entry, index) => index === 0 || byName.compare(entries[index - 1].name, entry.name) <= 0,
  );

function summarize(
  nodes: readonly GpuNodeView[],
  strategy: MigStrategy | undefined,
  contribution: (node: GpuNodeView) => NodeContribution,
  sortedNodes: boolean,
): ClusterGpuSummary {
  const nodesByState: Record<MigConfigState, number> = {
    success: 0,
    pending: 0,
    rebooting: 0,
    failed: 0,
    absent: 0,
    unknown: 0,
  };
  const nodesByHealth: Record<GpuHealthState, number> = {
    applied: 0,
    pending: 0,
    failed: 0,
    drifted: 0,
    invalid: 0,
    disabled: 0,
  };
  const profiles = new Map<string, ProfileAvailability>();
  let totalGpus = 0;
  let migEnabledGpus = 0;
  // Array.isArray narrows a readonly array to any[]: keep the element type.
  const views: readonly GpuNodeView[] = Array.isArray(nodes) ? nodes : [];
  for (const node of views) {
    nodesByState[node.migConfigState] += 1;
    nodesByHealth[node.primaryState] += 1;
    totalGpus += node.gpuCount;
    const adds = contribution(node);
    migEnabledGpus += adds.migEnabledGpus;
    for (const { resourceName, profile, entry } of adds.resources) {
      let row = profiles.get(resourceName);
      if (!row) {
        row = { resourceName, profile, allocatable: 0, inUse: 0, free: 0, nodes: [] };
        profiles.set(resourceName, row);
      }
      row.allocatable += entry.allocatable;
      row.inUse += entry.inUse;
      row.free += entry.free;
      row.nodes.push(entry);
    }
  }
  const rows = [...profiles.values()].sort(compareRows);
  // Views sorted by name give rows sorted by name: nothing to sort.
  for (const row of rows) {
    if (!sortedNodes && !sortedByName(row.nodes)) {
      row.nodes.sort((a, b) => byName.compare(a.name, b.name));
    }
  }
  const summary: ClusterGpuSummary = {
    totalGpus,
    migEnabledGpus,
    nodesByState,
    nodesByHealth,
    profiles: rows,
  };
  if (strategy) summary.strategy = strategy;
  return summary;
}

/** Aggregates node views. Allocatable comes from `status.allocatable`; in use from pod requests. */
export function summarizeCluster(nodes: GpuNodeView[], strategy?: MigStrategy): ClusterGpuSummary {
  return summarize(nodes, strategy, contributionOf, false);
}

/**
 * `summarizeCluster` for views that are never changed after they are built, given sorted by name
 * (those of `NodeViewIndex`): each view's share is read once, so summarizing 1,000 views again
 * after one changed is a sum, not a re-read of every node's resources.
 */
export class ClusterSummaryBuilder {
  private readonly contributions = new WeakMap<GpuNodeView, NodeContribution>();

  private last?: ClusterGpuSummary;

  /** The previous summary object when the figures are the same (charts and tables keep still). */
  summarize(sortedByName: readonly GpuNodeView[], strategy?: MigStrategy): ClusterGpuSummary {
    const contribution = (node: GpuNodeView) => {
      let known = this.contributions.get(node);
      if (!known) {
        known = contributionOf(node);
        this.contributions.set(node, known);
      }
      return known;
    };
    const next = summarize(sortedByName, strategy, contribution, true);
    if (!this.last || !sameSummary(this.last, next)) this.last = next;
    return this.last;
  }
}

const sameCounts = <K extends string>(a: Record<K, number>, b: Record<K, number>) =>
  (Object.keys(a) as K[]).every((key) => a[key] === b[key]);

const sameNodeEntries = (a: NodeAvailability[], b: NodeAvailability[]) =>
  a.length === b.length &&
  a.every(
    (entry, index) =>
      entry === b[index] ||
      (entry.name === b[index].name &&
        entry.allocatable === b[index].allocatable &&
        entry.inUse === b[index].inUse &&
        entry.free === b[index].free),
  );

/** Same figures, row by row and node by node. */
export function sameSummary(a: ClusterGpuSummary, b: ClusterGpuSummary): boolean {
  return (
    a.strategy === b.strategy &&
    a.totalGpus === b.totalGpus &&
    a.migEnabledGpus === b.migEnabledGpus &&
    sameCounts(a.nodesByState, b.nodesByState) &&
    sameCounts(a.nodesByHealth, b.nodesByHealth) &&
    a.profiles.length === b.profiles.length &&
    a.profiles.every((row, index) => {
      const other = b.profiles[index];
      return (
        row.resourceName === other.resourceName &&
        row.profile === other.profile &&
        row.allocatable === other.allocatable &&
        row.inUse === other.inUse &&
        row.free === other.free &&
        sameNodeEntries(row.nodes, other.nodes)
      );
    })
  );
}
