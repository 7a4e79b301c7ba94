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

/** Aggregates node views. Allocatable comes from `status.allocatable`; in use from pod requests. */
export function summarizeCluster(nodes: GpuNodeView[], strategy?: MigStrategy): ClusterGpuSummary {
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
  for (const node of Array.isArray(nodes) ? nodes : []) {
    nodesByState[node.migConfigState] += 1;
    nodesByHealth[node.primaryState] += 1;
    totalGpus += node.gpuCount;
    migEnabledGpus += node.gpus.filter((gpu) => gpu.migEnabled).length;
    const names = new Set(
      [...Object.keys(node.allocatable), ...Object.keys(node.inUse)].filter(
        isSchedulableGpuResource,
      ),
    );
    for (const resourceName of names) {
      const allocatable = node.allocatable[resourceName] ?? 0;
      const inUse = node.inUse[resourceName] ?? 0;
      if (allocatable === 0 && inUse === 0) continue;
      // An unschedulable (cordoned) node still counts as allocatable but offers nothing new.
      const free = node.unschedulable ? 0 : Math.max(0, allocatable - inUse);
      const row = profiles.get(resourceName) ?? {
        resourceName,
        profile: parseMigResourceName(resourceName) ?? WHOLE_GPU_PROFILE,
        allocatable: 0,
        inUse: 0,
        free: 0,
        nodes: [],
      };
      row.allocatable += allocatable;
      row.inUse += inUse;
      row.free += free;
      row.nodes.push({ name: node.name, allocatable, inUse, free });
      profiles.set(resourceName, row);
    }
  }
  const rows = [...profiles.values()].sort((a, b) =>
    a.resourceName === GPU_RESOURCE
      ? -1
      : b.resourceName === GPU_RESOURCE
        ? 1
        : a.resourceName.localeCompare(b.resourceName, undefined, { numeric: true }),
  );
  for (const row of rows) row.nodes.sort((a, b) => a.name.localeCompare(b.name));
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
