/**
 * Saving a designed config as data and one loop: the plugin's ConfigMap written, then the
 * ClusterPolicy pointed at it, each write guarded by what the preview read. The API calls are the
 * caller's (`useCustomMigConfig` gives the console SDK's), so this runs without a cluster.
 */
import type { Patch } from '@openshift-console/dynamic-plugin-sdk';
import type { MigPartedConfigFile, MigPartedEntry } from '../geometry/migParted';
import type { ClusterMigConfigSources } from './configSource';
import {
  configMapToWrite,
  currentConfigMapName,
  describeWriteFailure,
  inUseSourceChange,
  migConfigNamePatch,
  planCustomConfig,
  PLUGIN_MIG_CONFIG_MAP,
  type CustomConfigPlan,
  type InUseSource,
  type InUseSourceChange,
  type WriteFailure,
} from './customConfig';
import type { ClusterPolicyKind, ConfigMapKind } from './models';
import type { GpuNodeView } from './types';

/** What a save preview was computed from; the writes test against exactly this. */
export interface SavePreview {
  plan: CustomConfigPlan;
  name: string;
  namespace: string;
  /** The plugin's ConfigMap as the preview read it (update with its resourceVersion). */
  ownConfigMap?: ConfigMapKind;
  clusterPolicy?: ClusterPolicyKind;
  /** The ClusterPolicy's `spec.migManager.config.name` at preview time. */
  previousConfigMapName: string;
  /** The ConfigMap the configs in use were copied from, at its previewed resourceVersion. */
  inUseSource?: InUseSource;
}

export type WriteStepStatus = 'done' | 'failed' | 'skipped' | 'not-attempted';

export interface WriteStep {
  /** `source`: the check that the ConfigMap in use is as previewed (before writing, and again
   * before repointing the ClusterPolicy: `beforeRepoint`). */
  what: 'source' | 'configmap' | 'clusterpolicy';
  /** Source step: how it changed since the preview (the save stopped). */
  change?: InUseSourceChange;
  /** Source step: the re-check just before the ClusterPolicy write. */
  beforeRepoint?: boolean;
  /** ConfigMap step: created (else updated). */
  created?: boolean;
  /** ClusterPolicy step: no ClusterPolicy exists. */
  noPolicy?: boolean;
  status: WriteStepStatus;
  failure?: WriteFailure;
}

export interface SaveOutcome {
  ok: boolean;
  /** True when something the preview read changed since: the user must re-preview. */
  conflict: boolean;
  steps: WriteStep[];
  /** The objects as written (the API's responses), to show before the watches catch up. */
  written?: { configMap?: ConfigMapKind; clusterPolicy?: ClusterPolicyKind };
}

/** The API calls of a save (the console SDK's; tests give their own). */
export interface SaveApi {
  /** The ConfigMap, or undefined when it does not exist (404). */
  getConfigMap: (namespace: string, name: string) => Promise<ConfigMapKind | undefined>;
  createConfigMap: (data: ConfigMapKind) => Promise<unknown>;
  updateConfigMap: (data: ConfigMapKind) => Promise<unknown>;
  patchClusterPolicy: (policy: ClusterPolicyKind, data: Patch[]) => Promise<unknown>;
}

/** Re-reads the ConfigMap in use: a failed step when it changed since the preview or cannot be read. */
async function checkInUseSource(
  previewed: InUseSource,
  api: SaveApi,
  beforeRepoint: boolean,
): Promise<WriteStep> {
  const at = beforeRepoint ? { beforeRepoint } : {};
  try {
    const change = inUseSourceChange(
      previewed,
      await api.getConfigMap(previewed.namespace, previewed.name),
    );
    return change
      ? { what: 'source', status: 'failed', change, ...at }
      : { what: 'source', status: 'done', ...at };
  } catch (error) {
    return { what: 'source', status: 'failed', failure: describeWriteFailure(error), ...at };
  }
}

const notAttempted = (what: WriteStep['what']): WriteStep => ({ what, status: 'not-attempted' });

const isNamedObject = (value: unknown): value is { metadata: { name: string } } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { metadata?: { name?: unknown } }).metadata?.name === 'string';

/** The ConfigMap the API answered with, else the one sent (a response may be empty). */
const writtenConfigMap = (response: unknown, sent: ConfigMapKind): ConfigMapKind =>
  isNamedObject(response) && response.metadata.name === sent.metadata?.name
    ? (response as ConfigMapKind)
    : sent;

/** The ClusterPolicy the API answered with when it points at the plugin's ConfigMap, else the
 * previewed one with that change. */
function repointedPolicy(response: unknown, previewed: ClusterPolicyKind): ClusterPolicyKind {
  if (isNamedObject(response)) {
    const answered = response as ClusterPolicyKind;
    if (currentConfigMapName(answered) === PLUGIN_MIG_CONFIG_MAP) return answered;
  }
  const spec = (previewed.spec ?? {}) as { migManager?: { config?: Record<string, unknown> } };
  return {
    ...previewed,
    spec: {
      ...spec,
      migManager: {
        ...spec.migManager,
        config: { ...spec.migManager?.config, name: PLUGIN_MIG_CONFIG_MAP },
      },
    },
  };
}

/**
 * Writes the plugin's ConfigMap, then points the ClusterPolicy at it, as `basis` previewed. The
 * ConfigMap in use is re-read first and again just before the ClusterPolicy write: if it changed
 * since the preview, repointing would drop that edit, so the save stops there (a conflict: preview
 * again). Its own ConfigMap is written with the previewed resourceVersion (409 when it changed)
 * and the ClusterPolicy patch tests the previewed name.
 */
export async function saveCustomConfig(basis: SavePreview, api: SaveApi): Promise<SaveOutcome> {
  const steps: WriteStep[] = [];
  // The plugin's own ConfigMap in use is guarded by its own write's resourceVersion.
  const guarded =
    basis.inUseSource && basis.inUseSource.name !== PLUGIN_MIG_CONFIG_MAP
      ? basis.inUseSource
      : undefined;
  if (guarded) {
    const check = await checkInUseSource(guarded, api, false);
    steps.push(check);
    if (check.status === 'failed') {
      steps.push(notAttempted('configmap'), notAttempted('clusterpolicy'));
      return { ok: false, conflict: check.change !== undefined, steps };
    }
  }
  const data = configMapToWrite(basis.namespace, basis.plan.yaml, basis.ownConfigMap);
  let configMap: ConfigMapKind;
  try {
    const response = basis.ownConfigMap
      ? await api.updateConfigMap(data)
      : await api.createConfigMap(data);
    configMap = writtenConfigMap(response, data);
    steps.push({ what: 'configmap', status: 'done', created: !basis.ownConfigMap });
  } catch (error) {
    const failure = describeWriteFailure(error);
    steps.push({ what: 'configmap', status: 'failed', failure }, notAttempted('clusterpolicy'));
    return { ok: false, conflict: failure.kind === 'conflict', steps };
  }
  const policy = basis.clusterPolicy;
  const written = { configMap };
  if (!policy) {
    steps.push({ what: 'clusterpolicy', status: 'failed', noPolicy: true });
    return { ok: false, conflict: false, steps, written };
  }
  if (basis.previousConfigMapName === PLUGIN_MIG_CONFIG_MAP) {
    steps.push({ what: 'clusterpolicy', status: 'skipped' });
    return { ok: true, conflict: false, steps, written };
  }
  if (guarded) {
    const recheck = await checkInUseSource(guarded, api, true);
    if (recheck.status === 'failed') {
      steps.push(recheck, notAttempted('clusterpolicy'));
      return { ok: false, conflict: recheck.change !== undefined, steps, written };
    }
  }
  try {
    const response = await api.patchClusterPolicy(
      policy,
      migConfigNamePatch(policy, PLUGIN_MIG_CONFIG_MAP),
    );
    steps.push({ what: 'clusterpolicy', status: 'done' });
    return {
      ok: true,
      conflict: false,
      steps,
      written: { ...written, clusterPolicy: repointedPolicy(response, policy) },
    };
  } catch (error) {
    const failure = describeWriteFailure(error);
    steps.push({ what: 'clusterpolicy', status: 'failed', failure });
    return { ok: false, conflict: failure.kind === 'conflict', steps, written };
  }
}

/** What a save preview reads: the cluster's config sources and nodes, the objects it will write. */
export interface SavePreviewInput {
  namespace: string;
  sources: ClusterMigConfigSources;
  /** The configs in use and the ConfigMap they come from (`readInUse`). */
  inUse: { inUse?: MigPartedConfigFile; source?: InUseSource };
  nodes: GpuNodeView[];
  ownConfigMap?: ConfigMapKind;
  clusterPolicy?: ClusterPolicyKind;
  name: string;
  entries: MigPartedEntry[];
  comment?: string;
}

/** The full file for a new named config, what it carries over, and what the save will test. */
export function savePreview(input: SavePreviewInput): SavePreview {
  const { namespace, sources, inUse, ownConfigMap, clusterPolicy, name, entries, comment } = input;
  const shared = sources.shared;
  const plan = planCustomConfig({
    ...(inUse.inUse ? { inUse: inUse.inUse } : {}),
    ...(shared.view.configMapName
      ? { inUseConfigMap: `${namespace}/${shared.view.configMapName}` }
      : {}),
    ...(ownConfigMap ? { ownConfigMap } : {}),
    nodes: input.nodes.map((node) => {
      const config = sources.forNode(node.name).config;
      return {
        name: node.name,
        ...(node.migConfig ? { migConfig: node.migConfig } : {}),
        ...(config ? { config } : {}),
      };
    }),
    name,
    entries,
    ...(comment ? { comment } : {}),
  });
  if (shared.view.fallback) plan.warnings.unshift({ code: 'fallback', source: shared.view });
  return {
    plan,
    name,
    namespace,
    ...(ownConfigMap ? { ownConfigMap } : {}),
    ...(clusterPolicy ? { clusterPolicy } : {}),
    previousConfigMapName: currentConfigMapName(clusterPolicy),
    ...(inUse.source ? { inUseSource: inUse.source } : {}),
  };
}

/** What the last save wrote, and the resourceVersions its preview read (the watches' "before"). */
export interface WrittenState {
  configMap?: ConfigMapKind;
  clusterPolicy?: ClusterPolicyKind;
  configMapFrom?: string;
  clusterPolicyFrom?: string;
}

export const versionOf = (object: { metadata?: { resourceVersion?: string } } | undefined) =>
  object?.metadata?.resourceVersion;

/**
 * The objects to show: while a watch that answers still has the version the save's preview read,
 * it has not caught up, and the object as written stands in for it.
 */
export function newestOf(
  written: WrittenState | undefined,
  watched: {
    configMap?: ConfigMapKind;
    /** The plugin's ConfigMap as each answering watch sees it (undefined: absent). */
    configMapViews: Array<ConfigMapKind | undefined>;
    clusterPolicy?: ClusterPolicyKind;
  },
) {
  const configMapBehind =
    written?.configMap !== undefined &&
    watched.configMapViews.some((seen) => versionOf(seen) === written.configMapFrom);
  const policyBehind =
    written?.clusterPolicy !== undefined &&
    versionOf(watched.clusterPolicy) === written.clusterPolicyFrom;
  return {
    configMap: configMapBehind ? written?.configMap : watched.configMap,
    clusterPolicy: policyBehind ? written?.clusterPolicy : watched.clusterPolicy,
    catchingUp: configMapBehind || policyBehind,
  };
}
