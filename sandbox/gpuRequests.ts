// Shared by the scheduler, the simulated mig-manager and the DCGM exporter, so that the two last
// need not import each other.
import type { KubeObject } from './store';

/** Whether a pod holds a GPU or a MIG device (requests or limits of nvidia.com/gpu or nvidia.com/mig-*). */
export function gpuRequestsOf(pod: KubeObject): Record<string, number> {
  const result: Record<string, number> = {};
  const containers = ((pod.spec as { containers?: unknown[] } | undefined)?.containers ?? []) as {
    resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  }[];
  for (const container of containers) {
    const merged = {
      ...(container.resources?.limits ?? {}),
      ...(container.resources?.requests ?? {}),
    };
    for (const [resource, value] of Object.entries(merged)) {
      if (resource === 'nvidia.com/gpu' || resource.startsWith('nvidia.com/mig-')) {
        result[resource] = (result[resource] ?? 0) + (Number(value) || 0);
      }
    }
  }
  return result;
}
