/**
 * Which mig-parted config the mig-manager uses for each node, read from the ClusterPolicy and the
 * ConfigMaps we could read (geometry notes sections 1.10 and 8):
 *   1. `spec.migManager.config.name` set (and not `default-mig-parted-config`): that custom
 *      ConfigMap (key `config.yaml`) for every node;
 *   2. otherwise the per-node `<node>-mig-config` the mig-manager generates (operator v26.3.0+);
 *   3. otherwise `default-mig-parted-config`;
 *   4. when the ConfigMap that applies cannot be read (forbidden, not found, invalid): the built-in
 *      copy of NVIDIA's default, with the reason, so predictions stay possible but are flagged.
 */
import {
  DEFAULT_MIG_PARTED_CONFIG_MAP,
  MIG_PARTED_CONFIG_DATA_KEY,
  PER_NODE_CONFIG_MAP_NODE_LABEL,
  PER_NODE_CONFIG_MAP_SUFFIX,
  resolveConfigSource,
  type ConfigSource,
} from '../geometry/configSource';
import { DEFAULT_MIG_PARTED_CONFIG_YAML } from '../geometry/defaultMigPartedConfig';
import {
  parseMigPartedConfig,
  type ConfigIssue,
  type MigPartedConfigFile,
  type MigPartedParseResult,
} from '../geometry/migParted';
import type { MigStrategy } from '../geometry/types';
import { classifyDataError, type DataError } from './errors';
import type { ClusterPolicyKind, ConfigMapKind } from './models';
import { safeText } from './quantities';
import type { ConfigFallbackFacts, MigConfigSourceView } from './types';

/** The operator namespace on OpenShift (OperatorHub install); used when the policy does not say. */
export const DEFAULT_OPERATOR_NAMESPACE = 'nvidia-gpu-operator';

/**
 * The operator's namespace: the ClusterPolicy is cluster-scoped, but the operator writes its own
 * namespace into `status.namespace`; operands and mig-parted ConfigMaps live there.
 */
export function operatorNamespace(policy: ClusterPolicyKind | undefined): string {
  const namespace = policy?.status?.namespace;
  return typeof namespace === 'string' && namespace !== '' ? namespace : DEFAULT_OPERATOR_NAMESPACE;
}

export interface StrategyReading {
  /** The strategy in force; `none` when the policy leaves it empty (the plugins' own default). */
  strategy?: MigStrategy;
  /** The value of `spec.mig.strategy` when it is none of the three (as short text). */
  unknownValue?: string;
}

export function readStrategy(policy: ClusterPolicyKind | undefined): StrategyReading {
  if (!policy) return {};
  const raw: unknown = policy.spec?.mig?.strategy;
  if (raw === undefined || raw === null || raw === '') {
    return { strategy: 'none' };
  }
  if (raw === 'none' || raw === 'single' || raw === 'mixed') return { strategy: raw };
  return { unknownValue: safeText(raw) };
}

/** The config a node's predictions are based on, and where it came from. */
export interface ResolvedMigConfigSource {
  /** Undefined only when even the built-in copy is unusable (never in practice). */
  config?: MigPartedConfigFile;
  view: MigConfigSourceView;
  /** Parse issues of the file in use. */
  issues: ConfigIssue[];
}

export interface ClusterMigConfigSources {
  namespace: string;
  /** Set when the operator namespace's ConfigMaps could not be listed. */
  error?: DataError;
  /** Source for a node (custom, its generated one, the default, or the built-in copy). */
  forNode(nodeName: string): ResolvedMigConfigSource;
  /** Source when no node is given (custom or default): for cluster-wide planning text. */
  shared: ResolvedMigConfigSource;
}

// Parsing is by text: identical generated configs on many nodes parse once.
const PARSE_CACHE_LIMIT = 64;
const parseCache = new Map<string, MigPartedParseResult>();

export function parseConfigText(text: string): MigPartedParseResult {
  const cached = parseCache.get(text);
  if (cached) return cached;
  const parsed = parseMigPartedConfig(text);
  if (parseCache.size >= PARSE_CACHE_LIMIT) {
    const oldest = parseCache.keys().next().value;
    if (oldest !== undefined) parseCache.delete(oldest);
  }
  parseCache.set(text, parsed);
  return parsed;
}

export function builtInMigConfig(): MigPartedConfigFile | undefined {
  return parseConfigText(DEFAULT_MIG_PARTED_CONFIG_YAML).config;
}

function viewOf(source: ConfigSource, fallback?: ConfigFallbackFacts): MigConfigSourceView {
  const view: MigConfigSourceView = { kind: source.kind, namespace: source.namespace };
  if (source.configMapName !== undefined) view.configMapName = source.configMapName;
  if (fallback !== undefined) view.fallback = fallback;
  return view;
}

/** The built-in copy instead of the ConfigMap `source` names, and why. */
function builtInFallback(
  source: ConfigSource,
  fallback: ConfigFallbackFacts,
  issues: ConfigIssue[] = [],
): ResolvedMigConfigSource {
  return {
    config: builtInMigConfig(),
    view: { ...viewOf(source, fallback), kind: 'built-in' },
    issues,
  };
}

/** Reads and parses the ConfigMap a `ConfigSource` names, falling back with the reason. */
function loadSource(
  source: ConfigSource,
  byName: Map<string, ConfigMapKind> | undefined,
  listError: DataError | undefined,
): ResolvedMigConfigSource {
  if (source.kind === 'built-in' || source.configMapName === undefined) {
    return builtInFallback(source, {
      kind: 'no-config-map',
      ...(source.builtInWhy ? { why: source.builtInWhy } : {}),
      ...(listError ? { error: listError } : {}),
    });
  }
  const at = { namespace: source.namespace, configMap: source.configMapName };
  if (listError) return builtInFallback(source, { kind: 'unreadable', ...at, error: listError });
  const configMap = byName?.get(source.configMapName);
  if (!configMap) return builtInFallback(source, { kind: 'missing', ...at });
  const text = configMap.data?.[source.dataKey];
  if (typeof text !== 'string') {
    return builtInFallback(source, { kind: 'no-key', ...at, key: source.dataKey });
  }
  const parsed = parseConfigText(text);
  if (!parsed.accepted || !parsed.config) {
    const first = parsed.issues.find((issue) => issue.rejectsFile) ?? parsed.issues[0];
    const facts: ConfigFallbackFacts = {
      kind: 'invalid',
      ...at,
      ...(first ? { issue: first } : {}),
    };
    return builtInFallback(source, facts, parsed.issues);
  }
  return { config: parsed.config, view: viewOf(source), issues: parsed.issues };
}

export interface ResolveMigConfigSourcesInput {
  clusterPolicy?: ClusterPolicyKind;
  /** ConfigMaps listed in the operator namespace (undefined when not listed). */
  configMaps?: ConfigMapKind[];
  /** The list's error (403, …), if any. */
  configMapsError?: unknown;
}

/**
 * Resolves the config source of every node (lazily, memoised per node). Pure; never throws. The
 * per-node ConfigMap is found by name (`<node>-mig-config`) or by the mig-manager's
 * `nvidia.com/node-name` label.
 */
export function resolveMigConfigSources(
  input: ResolveMigConfigSourcesInput,
): ClusterMigConfigSources {
  const namespace = operatorNamespace(input.clusterPolicy);
  const customConfigName = input.clusterPolicy?.spec?.migManager?.config?.name ?? '';
  const error = classifyDataError(input.configMapsError, { kind: 'config-maps', namespace });
  let byName: Map<string, ConfigMapKind> | undefined;
  if (!error && Array.isArray(input.configMaps)) {
    byName = new Map();
    for (const configMap of input.configMaps) {
      const name = configMap?.metadata?.name;
      if (typeof name !== 'string') continue;
      if (
        configMap.metadata?.namespace !== undefined &&
        configMap.metadata.namespace !== namespace
      ) {
        continue;
      }
      byName.set(name, configMap);
      const nodeLabel = configMap.metadata?.labels?.[PER_NODE_CONFIG_MAP_NODE_LABEL];
      const byLabel =
        typeof nodeLabel === 'string' ? `${nodeLabel}${PER_NODE_CONFIG_MAP_SUFFIX}` : undefined;
      if (byLabel && !byName.has(byLabel)) byName.set(byLabel, configMap);
    }
  }
  // One Set for every node: resolving 1,000 nodes must not scan a 1,000-name list each time.
  const existingConfigMaps = byName ? new Set(byName.keys()) : undefined;
  const resolve = (nodeName?: string) =>
    loadSource(
      resolveConfigSource({
        customConfigName,
        namespace,
        existingConfigMaps,
        ...(nodeName ? { nodeName } : {}),
      }),
      byName,
      error,
    );
  const shared = resolve();
  const perNode = new Map<string, ResolvedMigConfigSource>();
  return {
    namespace,
    ...(error ? { error } : {}),
    shared,
    forNode(nodeName: string) {
      let resolved = perNode.get(nodeName);
      if (!resolved) {
        resolved = resolve(nodeName);
        perNode.set(nodeName, resolved);
      }
      return resolved;
    },
  };
}

export { DEFAULT_MIG_PARTED_CONFIG_MAP, MIG_PARTED_CONFIG_DATA_KEY };
