/**
 * The plugin's own mig-parted ConfigMap: layouts designed in the console saved as named configs.
 *
 * Pointing the ClusterPolicy at a custom ConfigMap replaces *every* config the mig-manager knew
 * (geometry notes sections 7–8: no generated per-node config, no default fallback), so the file
 * written here always carries the named configs in use today, and the configs nodes are labelled
 * with, besides the new one. Pure: the hook sends the objects with the console SDK.
 */
import type { Patch } from '@openshift-console/dynamic-plugin-sdk';
import { MIG_PARTED_CONFIG_DATA_KEY } from '../geometry/configSource';
import {
  entriesForPlannedLayouts,
  listConfigNames,
  mergeNamedConfigs,
  serializeMigPartedConfig,
  setOwn,
  MIG_PARTED_SPEC_VERSION,
  type ConfigIssue,
  type MigPartedConfigFile,
  type MigPartedEntry,
} from '../geometry/migParted';
import { labelValueProblem, type LabelValueProblem } from '../geometry/naming';
import type { GpuModel, ProfileCounts } from '../geometry/types';
import { parseConfigText } from './configSource';
import type { ClusterPolicyKind, ConfigMapKind } from './models';
import type { MigConfigSourceView } from './types';
import { escapeJsonPointerSegment, MissingPreconditionError } from './patches';
import { classifyWriteError, type WriteError } from './writeErrors';

/** The ConfigMap the plugin writes its configs to, in the operator namespace. */
export const PLUGIN_MIG_CONFIG_MAP = 'gpu-partitioning-mig-config';
export const PLUGIN_MANAGED_BY_LABEL = {
  key: 'app.kubernetes.io/managed-by',
  value: 'gpu-partitioning-plugin',
};
// ---------------------------------------------------------------------------------------------
// The designed layout → entries of one named config

/** One GPU of the design: its index on the node and the instances asked for. */
export interface DesignedGpu {
  index: number;
  counts: ProfileCounts;
}

/**
 * Entries that give each designed GPU its layout. `sameOnAll` → one `devices: all` entry (every
 * GPU of the model, however many a node has); otherwise one entry per distinct layout listing its
 * GPU indices. Every entry is limited to the model's PCI ids, so the config leaves other GPU
 * models of a mixed node alone instead of failing on profiles they lack.
 */
export function designedEntries(
  model: GpuModel,
  gpus: DesignedGpu[],
  sameOnAll: boolean,
): MigPartedEntry[] {
  const deviceFilter =
    model.pciDeviceIds.length === 1 ? model.pciDeviceIds[0] : [...model.pciDeviceIds];
  const planned = (sameOnAll ? gpus.slice(0, 1) : gpus).map((gpu) => ({
    index: gpu.index,
    migEnabled: true,
    counts: gpu.counts,
  }));
  if (planned.length === 0) return [];
  const indices = gpus.map((gpu) => gpu.index).sort((a, b) => a - b);
  return entriesForPlannedLayouts(planned).map((entry) => ({
    ...entry,
    deviceFilter,
    // Per GPU, indices stay explicit even when the layouts agree: a node may have more GPUs.
    devices: sameOnAll ? 'all' : entry.devices === 'all' ? indices : entry.devices,
  }));
}

// ---------------------------------------------------------------------------------------------
// Name validation

export interface ConfigNameCheck {
  /**
   * Why the name cannot be used at all: it becomes the value of the node label
   * `nvidia.com/mig.config`, so it must be a label value (`labelValueProblem`).
   */
  problem?: LabelValueProblem;
  /** The name exists in the file that will be written: saving replaces it (needs confirmation). */
  clashes: boolean;
  /** Nodes labelled with this name today (replacing it does not re-apply on them: see notes 9). */
  usedByNodes: string[];
}

export function checkConfigName(
  name: string,
  existingNames: readonly string[],
  nodes: ReadonlyArray<{ name: string; migConfig?: string }> = [],
): ConfigNameCheck {
  const usedByNodes = nodes.filter((node) => node.migConfig === name).map((node) => node.name);
  const clashes = existingNames.includes(name);
  const problem = labelValueProblem(name);
  return { ...(problem ? { problem } : {}), clashes, usedByNodes };
}

// ---------------------------------------------------------------------------------------------
// The file to write: configs in use + the plugin's earlier configs + configs nodes use + the new one

export interface NodeConfigUse {
  name: string;
  /** The node's `nvidia.com/mig.config` label. */
  migConfig?: string;
  /** The config the node's mig-manager reads today (its generated per-node config, or shared). */
  config?: MigPartedConfigFile;
}

export interface CustomConfigInput {
  /** The config the mig-manager uses cluster-wide today (custom, default or the built-in copy). */
  inUse?: MigPartedConfigFile;
  /** The ConfigMap (`namespace/name`) `inUse` comes from; absent for the built-in copy. */
  inUseConfigMap?: string;
  /** The plugin's ConfigMap as read (absent when it does not exist yet). */
  ownConfigMap?: ConfigMapKind;
  nodes: NodeConfigUse[];
  name: string;
  entries: MigPartedEntry[];
  /** Comment written above the new config. */
  comment?: string;
}

export interface CustomConfigPlan {
  config: MigPartedConfigFile;
  yaml: string;
  /** The new config's name when it did not exist, else empty. */
  added: string[];
  /** The new config's name when it replaced one of that name. */
  replaced: string[];
  /** Every other named config, kept unchanged. */
  kept: string[];
  /** Configs taken from a node's generated per-node config because the node's label names them. */
  fromNodes: string[];
  /** Things the user should know before writing (codes: the component words them). */
  warnings: CustomConfigWarning[];
  /** Names in the file before the new config was merged (for the name clash check). */
  baseNames: string[];
}

function sameEntries(a: MigPartedEntry[], b: MigPartedEntry[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Why the plugin's existing ConfigMap cannot be read: no `key`, or not a valid mig-parted file. */
export type OwnConfigProblem =
  | { code: 'missing-key'; configMap: string; key: string }
  | {
      code: 'invalid-file';
      configMap: string;
      issues: ConfigIssue[];
    };

/**
 * What the user should know before writing, as codes with parameters (worded by the component):
 * - `fallback`: the config source fell back to the built-in copy (`source`, with its `fallback`);
 * - `in-use-unreadable`: the config in use (`configMap`, absent = built-in copy) could not be read;
 * - `own-config-map-replaced`: the plugin's ConfigMap is unreadable (`problem`); its content is replaced;
 * - `label-undefined`: `node` is labelled with `name`, which no config in use defines;
 * - `node-configs-differ`: `kept` and `other` use `name` from their generated configs, differently;
 * - `replaced-in-use`: `nodes` already use `name`, so they keep their layout until re-applied.
 */
export type CustomConfigWarning =
  | { code: 'fallback'; source: MigConfigSourceView }
  | { code: 'in-use-unreadable'; configMap?: string }
  | { code: 'own-config-map-replaced'; problem: OwnConfigProblem }
  | { code: 'label-undefined'; node: string; name: string }
  | { code: 'node-configs-differ'; kept: string; other: string; name: string }
  | { code: 'replaced-in-use'; nodes: string[]; name: string };

/** The named configs of the plugin's existing ConfigMap (undefined when absent or unreadable). */
export function ownConfigOf(configMap: ConfigMapKind | undefined): {
  config?: MigPartedConfigFile;
  problem?: OwnConfigProblem;
} {
  const text = configMap?.data?.[MIG_PARTED_CONFIG_DATA_KEY];
  if (configMap === undefined) return {};
  if (typeof text !== 'string') {
    return {
      problem: {
        code: 'missing-key',
        configMap: PLUGIN_MIG_CONFIG_MAP,
        key: MIG_PARTED_CONFIG_DATA_KEY,
      },
    };
  }
  const parsed = parseConfigText(text);
  if (!parsed.config) {
    return {
      problem: {
        code: 'invalid-file',
        configMap: PLUGIN_MIG_CONFIG_MAP,
        issues: parsed.issues,
      },
    };
  }
  return { config: parsed.config };
}

/** The file without the new config: what the cluster relies on, so nothing of it disappears. */
export function baseConfig(input: Omit<CustomConfigInput, 'name' | 'entries' | 'comment'>): {
  config: MigPartedConfigFile;
  fromNodes: string[];
  warnings: CustomConfigWarning[];
} {
  const warnings: CustomConfigWarning[] = [];
  let config: MigPartedConfigFile = input.inUse ?? {
    version: MIG_PARTED_SPEC_VERSION,
    migConfigs: {},
  };
  if (!input.inUse) {
    warnings.push({
      code: 'in-use-unreadable',
      ...(input.inUseConfigMap ? { configMap: input.inUseConfigMap } : {}),
    });
  }
  const own = ownConfigOf(input.ownConfigMap);
  if (own.problem) warnings.push({ code: 'own-config-map-replaced', problem: own.problem });
  if (own.config) {
    // Earlier designs stay; where the config in use has the same name, the one in use wins.
    const onlyOwn: Record<string, MigPartedEntry[]> = {};
    for (const name of listConfigNames(own.config)) {
      if (!Object.prototype.hasOwnProperty.call(config.migConfigs, name)) {
        setOwn(onlyOwn, name, own.config.migConfigs[name]);
      }
    }
    config = mergeNamedConfigs(config, onlyOwn).config;
  }
  const fromNodes: string[] = [];
  const fromNodeEntries = new Map<string, { node: string; entries: MigPartedEntry[] }>();
  for (const node of input.nodes) {
    const name = node.migConfig;
    if (!name || Object.prototype.hasOwnProperty.call(config.migConfigs, name)) continue;
    const entries = node.config?.migConfigs[name];
    const earlier = fromNodeEntries.get(name);
    if (!entries || !Object.prototype.hasOwnProperty.call(node.config?.migConfigs ?? {}, name)) {
      if (!earlier) {
        warnings.push({ code: 'label-undefined', node: node.name, name });
      }
      continue;
    }
    if (earlier) {
      if (!sameEntries(earlier.entries, entries)) {
        warnings.push({ code: 'node-configs-differ', kept: earlier.node, other: node.name, name });
      }
      continue;
    }
    fromNodeEntries.set(name, { node: node.name, entries });
  }
  if (fromNodeEntries.size > 0) {
    const additions: Record<string, MigPartedEntry[]> = {};
    for (const [name, { entries }] of fromNodeEntries) {
      setOwn(additions, name, entries);
      fromNodes.push(name);
    }
    config = mergeNamedConfigs(config, additions).config;
  }
  return { config, fromNodes, warnings };
}

/** The full file to write and what changes against what the cluster relies on. */
export function planCustomConfig(input: CustomConfigInput): CustomConfigPlan {
  const base = baseConfig(input);
  const baseNames = listConfigNames(base.config);
  const addition: MigPartedConfigFile = {
    version: MIG_PARTED_SPEC_VERSION,
    migConfigs: {},
  };
  setOwn(addition.migConfigs, input.name, input.entries);
  if (input.comment) addition.comments = { [input.name]: [input.comment] };
  const merged = mergeNamedConfigs(base.config, addition);
  const warnings = [...base.warnings];
  const usedBy = input.nodes.filter((node) => node.migConfig === input.name);
  if (merged.replaced.length > 0 && usedBy.length > 0) {
    warnings.push({
      code: 'replaced-in-use',
      nodes: usedBy.map((node) => node.name),
      name: input.name,
    });
  }
  return {
    config: merged.config,
    yaml: serializeMigPartedConfig(merged.config),
    added: merged.added,
    replaced: merged.replaced,
    kept: baseNames.filter((name) => !merged.replaced.includes(name)),
    fromNodes: base.fromNodes,
    warnings,
    baseNames,
  };
}

// ---------------------------------------------------------------------------------------------
// The ConfigMap in use, guarded by its resourceVersion

/**
 * The ConfigMap the preview copied the configs in use from, as the preview read it. Repointing
 * the ClusterPolicy away from it drops whatever it holds that the written file does not, so the
 * save goes ahead only while it is unchanged.
 */
export interface InUseSource {
  namespace: string;
  name: string;
  /** Its resourceVersion when previewed; absent when it did not exist then. */
  resourceVersion?: string;
}

/** How the ConfigMap in use changed since the preview. */
export type InUseSourceChange =
  { kind: 'changed'; from: string; to: string } | { kind: 'deleted' } | { kind: 'created' };

/** The change of the ConfigMap in use between the preview and `fresh` (re-read), if any. */
export function inUseSourceChange(
  previewed: InUseSource,
  fresh: ConfigMapKind | undefined,
): InUseSourceChange | undefined {
  if (previewed.resourceVersion === undefined) return fresh ? { kind: 'created' } : undefined;
  if (!fresh) return { kind: 'deleted' };
  const now = fresh.metadata?.resourceVersion;
  return now === previewed.resourceVersion
    ? undefined
    : { kind: 'changed', from: previewed.resourceVersion, to: typeof now === 'string' ? now : '' };
}

/**
 * The configs in use and the ConfigMap they come from, both read from one listed object so the
 * guard's resourceVersion is the one of the content copied. `shared` is the cluster-wide config
 * source; `configMaps` the operator namespace's ConfigMaps as listed (undefined when they could
 * not be read: then there is nothing to guard by, and the plan warns that the config in use is
 * unreadable).
 */
export function readInUse(
  shared: { config?: MigPartedConfigFile; view: MigConfigSourceView },
  configMaps: readonly ConfigMapKind[] | undefined,
): { inUse?: MigPartedConfigFile; source?: InUseSource } {
  const { configMapName: name, namespace } = shared.view;
  const fallback = shared.config ? { inUse: shared.config } : {};
  if (!name || !namespace || !configMaps) return fallback;
  const object = configMaps.find((configMap) => configMap?.metadata?.name === name);
  const resourceVersion = object?.metadata?.resourceVersion;
  const source: InUseSource = {
    namespace,
    name,
    ...(object
      ? { resourceVersion: typeof resourceVersion === 'string' ? resourceVersion : '' }
      : {}),
  };
  const text = object?.data?.[MIG_PARTED_CONFIG_DATA_KEY];
  const parsed = typeof text === 'string' ? parseConfigText(text) : undefined;
  // An unreadable file keeps the fallback the config source chose (and its warning).
  return parsed?.accepted && parsed.config
    ? { inUse: parsed.config, source }
    : { ...fallback, source };
}

// ---------------------------------------------------------------------------------------------
// Objects and patches to write

/**
 * The ConfigMap to create, or the existing one with only `config.yaml` changed (other keys,
 * labels and the resourceVersion kept: the update fails with 409 when it changed since the preview).
 */
export function configMapToWrite(
  namespace: string,
  yaml: string,
  existing?: ConfigMapKind,
): ConfigMapKind {
  if (existing) {
    return {
      ...existing,
      data: { ...(existing.data ?? {}), [MIG_PARTED_CONFIG_DATA_KEY]: yaml },
    };
  }
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: PLUGIN_MIG_CONFIG_MAP,
      namespace,
      labels: { [PLUGIN_MANAGED_BY_LABEL.key]: PLUGIN_MANAGED_BY_LABEL.value },
    },
    data: { [MIG_PARTED_CONFIG_DATA_KEY]: yaml },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Points `spec.migManager.config.name` at `configMapName`. With a name present: test it, then
 * replace. Absent: test the resourceVersion (JSON Patch cannot test for a missing member) and add
 * the first missing object on the path.
 */
export function migConfigNamePatch(policy: ClusterPolicyKind, configMapName: string): Patch[] {
  const spec: unknown = policy.spec;
  const migManager: unknown = isObject(spec) ? spec.migManager : undefined;
  const config: unknown = isObject(migManager) ? migManager.config : undefined;
  const current: unknown = isObject(config) ? config.name : undefined;
  const path = ['spec', 'migManager', 'config', 'name'];
  const pointer = (segments: string[]) =>
    `/${segments.map((segment) => escapeJsonPointerSegment(segment)).join('/')}`;
  if (typeof current === 'string') {
    return [
      { op: 'test', path: pointer(path), value: current },
      { op: 'replace', path: pointer(path), value: configMapName },
    ];
  }
  const resourceVersion = policy.metadata?.resourceVersion;
  if (!resourceVersion) {
    throw new MissingPreconditionError(`ClusterPolicy ${policy.metadata?.name ?? ''}`);
  }
  const guard: Patch = { op: 'test', path: '/metadata/resourceVersion', value: resourceVersion };
  if (isObject(config)) return [guard, { op: 'add', path: pointer(path), value: configMapName }];
  if (isObject(migManager)) {
    return [guard, { op: 'add', path: pointer(path.slice(0, 3)), value: { name: configMapName } }];
  }
  if (isObject(spec)) {
    return [
      guard,
      {
        op: 'add',
        path: pointer(path.slice(0, 2)),
        value: { config: { name: configMapName } },
      },
    ];
  }
  return [
    guard,
    { op: 'add', path: '/spec', value: { migManager: { config: { name: configMapName } } } },
  ];
}

/** The ClusterPolicy's current `spec.migManager.config.name` ('' when unset). */
export function currentConfigMapName(policy: ClusterPolicyKind | undefined): string {
  const name = policy?.spec?.migManager?.config?.name;
  return typeof name === 'string' ? name : '';
}

// ---------------------------------------------------------------------------------------------
// Errors of writes

/** How a write of the save failed: conflict (409, or a failed `test`), invalid (another 422), … */
export type WriteFailure = WriteError;

export const describeWriteFailure = (error: unknown): WriteFailure => classifyWriteError(error);
