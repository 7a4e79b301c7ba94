/** Building named configs: merging files, and entries that give planned GPUs their layouts. */
import type { ProfileCounts } from '../types';
import {
  commentOf,
  getNamedConfig,
  hasOwn,
  listConfigNames,
  nonZeroCounts,
  setOwn,
} from './configFile';
import { carrySourceText } from './source';
import { MIG_PARTED_SPEC_VERSION, type MigPartedConfigFile, type MigPartedEntry } from './types';

export interface MergeResult {
  config: MigPartedConfigFile;
  /** Names only `additions` had. */
  added: string[];
  /** Names both had; the addition replaced the base config of that name. */
  replaced: string[];
}

/**
 * The base file's named configs (order kept), with `additions` added after them; an addition with
 * a name the base already has replaces it in place. Used to write a custom ConfigMap that keeps the
 * configs a cluster already uses; written out, it keeps the base file's text and comments.
 */
export function mergeNamedConfigs(
  base: MigPartedConfigFile,
  additions: MigPartedConfigFile | Record<string, MigPartedEntry[]>,
): MergeResult {
  const extra: MigPartedConfigFile =
    'migConfigs' in additions && 'version' in additions
      ? (additions as MigPartedConfigFile)
      : {
          version: MIG_PARTED_SPEC_VERSION,
          migConfigs: additions as Record<string, MigPartedEntry[]>,
        };
  const migConfigs: Record<string, MigPartedEntry[]> = {};
  const comments: Record<string, string[]> = {};
  const added: string[] = [];
  const replaced: string[] = [];
  const take = (file: MigPartedConfigFile, name: string) => {
    setOwn(migConfigs, name, file.migConfigs[name]);
    const comment = commentOf(file, name);
    if (comment) setOwn(comments, name, comment);
  };
  for (const name of listConfigNames(base)) {
    const replacing = getNamedConfig(extra, name) !== undefined;
    if (replacing) replaced.push(name);
    take(replacing ? extra : base, name);
  }
  for (const name of listConfigNames(extra)) {
    if (hasOwn(migConfigs, name)) continue;
    added.push(name);
    take(extra, name);
  }
  const config: MigPartedConfigFile = { version: MIG_PARTED_SPEC_VERSION, migConfigs };
  if (Object.keys(comments).length > 0) config.comments = comments;
  carrySourceText(base, config);
  return { config, added, replaced };
}

/** A GPU's desired state, for building a named config from a plan. */
export interface PlannedGpuLayout {
  index: number;
  migEnabled: boolean;
  counts: ProfileCounts;
}

/**
 * Entries of a named config that give every GPU its planned layout: one `devices: all` entry when
 * all GPUs share a layout, otherwise one entry per distinct layout listing its GPU indices.
 */
export function entriesForPlannedLayouts(gpus: PlannedGpuLayout[]): MigPartedEntry[] {
  const groups = new Map<string, { entry: MigPartedEntry; indices: number[] }>();
  for (const gpu of [...gpus].sort((a, b) => a.index - b.index)) {
    const counts = nonZeroCounts(gpu.counts);
    const sorted = Object.fromEntries(
      Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)),
    );
    const key = JSON.stringify([gpu.migEnabled, gpu.migEnabled ? sorted : {}]);
    const group = groups.get(key);
    if (group) {
      group.indices.push(gpu.index);
    } else {
      const entry: MigPartedEntry = { devices: [], migEnabled: gpu.migEnabled };
      if (gpu.migEnabled) entry.migDevices = sorted;
      groups.set(key, { entry, indices: [gpu.index] });
    }
  }
  const list = [...groups.values()];
  if (list.length === 1) return [{ ...list[0].entry, devices: 'all' }];
  return list.map(({ entry, indices }) => ({ ...entry, devices: indices }));
}
