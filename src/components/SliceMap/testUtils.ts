import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { findModel } from '../../geometry/catalog';
import type { GpuModel } from '../../geometry/types';
import type { SliceMapInstance } from './types';

/** i18next as the console configures it: English keys, `~` namespaces, no key nesting. */
export async function initTestI18n(): Promise<void> {
  if (i18next.isInitialized) return;
  await i18next.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    resources: {},
    nsSeparator: '~',
    keySeparator: false,
    react: { useSuspense: false },
  });
}

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
