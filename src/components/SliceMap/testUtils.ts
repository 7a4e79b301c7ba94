import { findModel } from '../../geometry/catalog';
import type { GpuModel } from '../../geometry/types';
import type { SliceMapInstance } from './types';

export function model(id: string): GpuModel {
  const found = findModel(id);
  if (!found) throw new Error(`test model ${id} missing from the catalog`);
  return found;
}

/** NVIDIA's A30 `all-balanced`: two 1g.6gb and one 2g.12gb, the 2g held by a pod. */
export const A30_BALANCED: SliceMapInstance[] = [
  { id: 'gi-1', profile: '1g.6gb', start: 0, size: 1, computeSlices: 1, inUse: false },
  { id: 'gi-2', profile: '1g.6gb', start: 1, size: 1, computeSlices: 1, inUse: false },
  {
    id: 'gi-3',
    profile: '2g.12gb',
    start: 2,
    size: 2,
    computeSlices: 2,
    inUse: true,
    podName: 'name',
    podNamespace: 'ns',
  },
];
