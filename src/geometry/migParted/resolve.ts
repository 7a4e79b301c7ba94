/**
 * Which entry of a named config applies to which GPU, as `nvidia-mig-parted apply` walks it:
 * entries in order, and a later entry that matches a GPU overrides an earlier one.
 */
import type { ProfileCounts } from '../types';
import { deviceFilterList, getNamedConfig, listConfigNames, nonZeroCounts } from './configFile';
import { parsePciId } from './pciId';
import type { ConfigIssue, MigPartedConfigFile, MigPartedEntry } from './types';

/** A GPU as the resolver sees it: its index on the node and its PCI ids. */
export interface GpuIdentity {
  index: number;
  /** `0xDDDDVVVV` (any case or base mig-parted accepts). */
  deviceId: string;
  subsystemId?: string;
}

/** Whether an entry's device filter selects this GPU (mig-parted `MatchesDeviceFilter`). */
export function entryMatchesDevice(entry: MigPartedEntry, gpu: GpuIdentity): boolean {
  const filters = deviceFilterList(entry);
  if (filters.length === 0) return true;
  const hardware = parsePciId(gpu.deviceId);
  if (!hardware) return false;
  const hardwareSubsystem = gpu.subsystemId ? parsePciId(gpu.subsystemId)?.deviceId : undefined;
  return filters.some((text) => {
    const filter = parsePciId(text);
    if (!filter || filter.deviceId !== hardware.deviceId) return false;
    return filter.subsystemId === undefined || filter.subsystemId === hardwareSubsystem;
  });
}

/** Whether an entry selects this GPU by filter and by index (mig-parted's walk). */
export function entryMatchesGpu(entry: MigPartedEntry, gpu: GpuIdentity): boolean {
  if (!entryMatchesDevice(entry, gpu)) return false;
  return entry.devices === 'all' || entry.devices.includes(gpu.index);
}

/** What a named config does to one GPU. */
export interface GpuConfigResolution {
  index: number;
  deviceId: string;
  subsystemId?: string;
  /** The entry that finally applies (the last matching one); undefined when no entry matches. */
  entryIndex?: number;
  /** Undefined when no entry matches (mig-parted leaves the GPU as it is). */
  migEnabled?: boolean;
  /** Requested instances, zero counts dropped (mig-parted skips them). */
  counts: ProfileCounts;
  /** Earlier entries that matched this GPU too; mig-parted applied them, then the later one won. */
  overriddenEntries: number[];
}

export interface ConfigResolution {
  configName: string;
  found: boolean;
  gpus: GpuConfigResolution[];
  issues: ConfigIssue[];
}

/** A GPU to resolve against; `migCapable: false` marks a GPU mig-parted skips under `devices: all`. */
export interface ConfigGpu extends GpuIdentity {
  migCapable?: boolean;
}

/** The GPU's device id as mig-parted logs it (`0x20B710DE`). */
export function gpuDevice(gpu: GpuIdentity): string {
  return parsePciId(gpu.deviceId)?.deviceId ?? gpu.deviceId;
}

function identityOf(gpu: GpuIdentity): GpuIdentity {
  const identity: GpuIdentity = { index: gpu.index, deviceId: gpu.deviceId };
  if (gpu.subsystemId !== undefined) identity.subsystemId = gpu.subsystemId;
  return identity;
}

function configNotFound(config: MigPartedConfigFile, configName: string): ConfigIssue {
  const names = listConfigNames(config);
  const near = names.filter(
    (name) =>
      name.toLowerCase() === configName.toLowerCase() || name.replace(/\+/g, '.') === configName,
  );
  return {
    severity: 'error',
    code: 'config-not-found',
    rejectsFile: false,
    configName,
    facts: {
      kind: 'config-not-found',
      configCount: names.length,
      ...(near.length > 0 ? { suggestion: near[0] } : {}),
    },
  };
}

/** Entries overridden on some GPUs, keyed `overridden>winner`. */
type Overrides = Map<string, { overridden: number; by: number; gpus: number[] }>;

/** The last entry that selects the GPU wins; the earlier ones it overrides are recorded. */
function resolveGpu(
  entries: MigPartedEntry[],
  gpu: ConfigGpu,
  overrides: Overrides,
): GpuConfigResolution {
  const matching = entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entryMatchesGpu(entry, gpu))
    // mig-parted skips GPUs without MIG support when the entry says `devices: all`.
    .filter(({ entry }) => !(gpu.migCapable === false && entry.devices === 'all'));
  const base = { ...identityOf(gpu), overriddenEntries: [] as number[] };
  if (matching.length === 0) return { ...base, counts: {} };
  const winner = matching[matching.length - 1];
  const overridden = matching.slice(0, -1).map(({ index }) => index);
  for (const index of overridden) {
    const key = `${index}>${winner.index}`;
    const record = overrides.get(key) ?? { overridden: index, by: winner.index, gpus: [] };
    record.gpus.push(gpu.index);
    overrides.set(key, record);
  }
  return {
    ...base,
    entryIndex: winner.index,
    migEnabled: winner.entry.migEnabled,
    counts: winner.entry.migEnabled ? nonZeroCounts(winner.entry.migDevices) : {},
    overriddenEntries: overridden,
  };
}

function notCoveredIssues(
  configName: string,
  resolved: GpuConfigResolution[],
  gpus: ConfigGpu[],
): ConfigIssue[] {
  return resolved
    .filter((gpu) => {
      const input = gpus.find((candidate) => candidate.index === gpu.index);
      return gpu.entryIndex === undefined && input?.migCapable !== false;
    })
    .map((gpu): ConfigIssue => ({
      severity: 'error',
      code: 'gpu-not-covered',
      rejectsFile: false,
      configName,
      gpuIndex: gpu.index,
      facts: { kind: 'gpu-not-covered', device: gpuDevice(gpu) },
    }));
}

function overriddenIssues(configName: string, overrides: Overrides): ConfigIssue[] {
  return [...overrides.values()].map((record): ConfigIssue => ({
    severity: 'warning',
    code: 'entry-overridden',
    rejectsFile: false,
    configName,
    entryIndex: record.overridden,
    facts: { kind: 'entry-overridden', by: record.by, gpus: record.gpus },
  }));
}

/** Entries that name GPU indices the node does not have. */
function absentIndexIssues(
  configName: string,
  entries: MigPartedEntry[],
  gpus: ConfigGpu[],
): ConfigIssue[] {
  const presentIndices = new Set(gpus.map((gpu) => gpu.index));
  const issues: ConfigIssue[] = [];
  entries.forEach((entry, entryIndex) => {
    if (entry.devices === 'all') return;
    const absent = entry.devices.filter((index) => !presentIndices.has(index));
    if (absent.length === 0 || gpus.length === 0) return;
    const present = [...presentIndices].sort((a, b) => a - b);
    issues.push({
      severity: 'warning',
      code: 'device-index-absent',
      rejectsFile: false,
      configName,
      entryIndex,
      facts: { kind: 'device-index-absent', gpus: absent, present },
    });
  });
  return issues;
}

/**
 * Which entry of a named config applies to each GPU, as `nvidia-mig-parted apply` walks it: entries
 * in order, each one applied to every GPU its filter and `devices` select, so a later entry
 * overrides an earlier one. GPUs no entry selects are reported: mig-parted skips them silently and
 * the node still reports `success`.
 */
export function resolveMigConfigForGpus(
  config: MigPartedConfigFile,
  configName: string,
  gpus: ConfigGpu[],
): ConfigResolution {
  const entries = getNamedConfig(config, configName);
  if (!entries) {
    return {
      configName,
      found: false,
      gpus: gpus.map((gpu) => ({ ...identityOf(gpu), counts: {}, overriddenEntries: [] })),
      issues: [configNotFound(config, configName)],
    };
  }
  const overrides: Overrides = new Map();
  const resolved = gpus.map((gpu) => resolveGpu(entries, gpu, overrides));
  const issues = [
    ...notCoveredIssues(configName, resolved, gpus),
    ...overriddenIssues(configName, overrides),
    ...absentIndexIssues(configName, entries, gpus),
  ];
  return { configName, found: true, gpus: resolved, issues };
}
