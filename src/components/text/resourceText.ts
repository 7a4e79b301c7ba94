/**
 * The page's one way of naming GPU resources and listing amounts of them: a whole GPU is
 * "Whole GPU" everywhere (never `gpu`), a MIG resource is its profile (`1g.10gb+me`). Under the
 * single strategy a MIG-enabled node advertises its MIG devices as `nvidia.com/gpu`: "MIG device".
 */
import type { GpuNodeView } from '../../cluster/types';
import { GPU_RESOURCE } from '../../geometry/naming';
import type { Translate } from './translate';
import { gpuResourceEntries, resourceDisplayName } from '../gpu-page/shared/format';

export interface ResourceWording {
  /** `nvidia.com/gpu` counts MIG devices (single strategy, MIG enabled), not whole GPUs. */
  gpuIsMigDevice?: boolean;
}

/** How a node's `nvidia.com/gpu` reads: MIG devices on a MIG-enabled node under `single`. */
export function resourceWordingFor(node: Pick<GpuNodeView, 'strategy' | 'gpus'>): ResourceWording {
  return { gpuIsMigDevice: node.strategy === 'single' && node.gpus.some((gpu) => gpu.migEnabled) };
}

/** The profile of a summary row or request: `gpu` (the `nvidia.com/gpu` row) is a whole GPU. */
export function profileText(t: Translate, profile: string): string {
  return profile === 'gpu' ? t('Whole GPU') : profile;
}

/** `nvidia.com/gpu` → "Whole GPU" (or "MIG device"), `nvidia.com/mig-1g.10gb` → `1g.10gb`. */
export function resourceText(
  t: Translate,
  resourceName: string,
  { gpuIsMigDevice = false }: ResourceWording = {},
): string {
  if (resourceName !== GPU_RESOURCE) return resourceDisplayName(resourceName);
  return gpuIsMigDevice ? t('MIG device') : t('Whole GPU');
}

/**
 * `Whole GPU ×4, 1g.10gb ×7`: GPU resources only, whole GPUs first. Zero counts are left out (the
 * kubelet keeps resources it once saw at 0); empty when nothing is left.
 */
export function resourcesText(
  t: Translate,
  resources: Record<string, number> | undefined,
  wording: ResourceWording = {},
): string {
  return gpuResourceEntries(resources)
    .filter(([, count]) => count > 0)
    .map(([name, count]) =>
      t('{{resource}} ×{{count}}', { resource: resourceText(t, name, wording), count }),
    )
    .join(', ');
}
