/**
 * Pure formatting of view-model values for tables and labels. No React, no translation: callers
 * pass the words; these helpers only shape numbers and resource names.
 */
import { GPU_RESOURCE, MIG_RESOURCE_PREFIX, parseMigResourceName } from '../../../geometry/naming';

/**
 * Short display name of an extended resource: `nvidia.com/mig-1g.10gb.me` → `1g.10gb+me`,
 * `nvidia.com/gpu` → `gpu`. A malformed MIG name is shown as written, minus the prefix, so garbage
 * stays visible instead of disappearing.
 */
export const resourceDisplayName = (resourceName: string): string => {
  if (resourceName === GPU_RESOURCE) return 'gpu';
  const profile = parseMigResourceName(resourceName);
  if (profile) return profile;
  if (resourceName.startsWith(MIG_RESOURCE_PREFIX)) {
    return resourceName.slice(MIG_RESOURCE_PREFIX.length);
  }
  return resourceName.replace(/^nvidia\.com\//, '');
};

/** GPU resources only (`nvidia.com/gpu`, `nvidia.com/mig-*`), sorted: whole GPUs first, then by name. */
export const gpuResourceEntries = (
  resources: Record<string, number> | undefined,
): Array<[string, number]> =>
  Object.entries(resources ?? {})
    .filter(
      ([name, count]) =>
        (name === GPU_RESOURCE || name.startsWith(MIG_RESOURCE_PREFIX)) && Number.isFinite(count),
    )
    .sort(([a], [b]) => {
      if (a === GPU_RESOURCE) return -1;
      if (b === GPU_RESOURCE) return 1;
      return a.localeCompare(b, undefined, { numeric: true });
    });

/** MiB as GiB with one decimal when needed (`81559` → `79.6 GiB`), or undefined when unknown. */
export const formatMiB = (mib: number | undefined): string | undefined => {
  if (mib === undefined || !Number.isFinite(mib) || mib <= 0) return undefined;
  const gib = mib / 1024;
  return `${Number.isInteger(gib) ? gib : gib.toFixed(1)} GiB`;
};
