/**
 * Node → `GpuNodeView`: what the node's `nvidia.com/mig.config` should produce (predicted with the
 * config source in use and the cluster strategy), what the node actually advertises (allocatable
 * and GFD's count labels), which predicted instances pods hold, and every condition worth telling
 * an admin. Pure and total: any node object, however broken, gives a view plus conditions.
 */
import { findModelByProduct, shortModelName } from '../geometry/catalog';
import { configsValidForGpus, type MigPartedConfigFile } from '../geometry/migParted';
import { nearestName } from '../geometry/nearestName';
import { isKnownGpuWithoutMig } from '../geometry/nonMigProducts';
import { GPU_RESOURCE, MIG_RESOURCE_PREFIX, migResourceName } from '../geometry/naming';
import { predictNodeAfterConfig, type ConfigPrediction } from '../geometry/predictConfig';
import type { GpuModel, LayoutWarningFacts, MigStrategy } from '../geometry/types';
import {
  MIG_CONFIG_LABEL,
  MIG_CONFIG_STATE_LABEL,
  readGpuLabels,
  type GpuLabelValues,
  type ParsedGpuProduct,
} from './labels';
import { labelSetAt } from './managedFields';
import type { NodeKind } from './models';
import { comparePods, sumPodResources } from './pods';
import { parseNvidiaResourceList } from './quantities';
import type {
  GpuCountGuess,
  GpuHealthState,
  GpuNodeView,
  GpuPodUsage,
  GpuView,
  MigConfigSourceView,
  NodeGpuCondition,
  ObservedTime,
  ResourceDrift,
  SliceInstanceView,
} from './types';

/**
 * After this long in `pending` the node is called stuck. The mig-manager waits up to 5 minutes for
 * each of the four operands it pauses (device plugin, GFD, dcgm-exporter, dcgm: 20 minutes) and
 * gives up *without* writing a state; add a few minutes for the apply itself.
 */
export const STUCK_PENDING_AFTER_MS = 25 * 60 * 1000;

export interface NodeConfigSource {
  config?: MigPartedConfigFile;
  view: MigConfigSourceView;
}

export interface BuildGpuNodeViewInput {
  node: NodeKind;
  /** GPU pods; only those with `nodeName` equal to this node are used. */
  pods: GpuPodUsage[];
  /** Cluster strategy from the ClusterPolicy; undefined when unknown (no policy readable). */
  strategy?: MigStrategy;
  configSource: NodeConfigSource;
  now: Date;
  /**
   * When the plugin first saw this node in `pending` (state history), ISO: used only when the
   * cluster recorded no time for it.
   */
  firstSeenPending?: string;
}

const STATE_RANK: Record<GpuHealthState, number> = {
  invalid: 0,
  failed: 1,
  pending: 2,
  drifted: 3,
  disabled: 4,
  applied: 5,
};

function isGpuResource(name: string): boolean {
  return name === GPU_RESOURCE || name.startsWith(MIG_RESOURCE_PREFIX);
}

interface GpuCountReading {
  count: number;
  /** Why the count is a guess, when it is. */
  guess?: GpuCountGuess;
}

/**
 * Physical GPU count. `gpu.count` counts physical GPUs except under `single`, where it counts MIG
 * devices (and is 0 with MIG-INVALID); then we derive it from the config or the stale capacity.
 */
function physicalGpuCount(
  labels: GpuLabelValues,
  capacity: Record<string, number>,
  model: GpuModel | undefined,
  source: NodeConfigSource,
  strategy: MigStrategy | undefined,
): GpuCountReading {
  const product = labels.product;
  if (product?.singleStrategyProfile && labels.count !== undefined) {
    if (model && source.config && labels.migConfig && strategy) {
      const perGpu = cachedPrediction(
        source.config,
        labels.migConfig,
        'single',
        product.base,
        model,
        1,
      ).advertisement?.resources[GPU_RESOURCE];
      if (perGpu && perGpu > 0 && labels.count % perGpu === 0) {
        return { count: labels.count / perGpu };
      }
    }
    return {
      count: Math.max(1, labels.count),
      guess: { why: 'single-counts-mig-devices', labelCount: labels.count },
    };
  }
  if (product?.migInvalid || labels.count === undefined || labels.count === 0) {
    // The kubelet keeps the whole-GPU resource it saw before MIG: a fair guess of physical GPUs.
    const stale = capacity[GPU_RESOURCE];
    const why = product?.migInvalid
      ? 'mig-invalid'
      : labels.count === undefined
        ? 'count-missing'
        : 'count-zero';
    return stale && stale > 0
      ? { count: stale, guess: { why, from: 'capacity' } }
      : { count: 1, guess: { why, from: 'assumed' } };
  }
  return { count: labels.count };
}

// Identical nodes (same model, GPU count, config name, strategy and config file) get the same
// prediction: on a large homogeneous fleet this turns 1,000 predictions into a handful.
const predictionCache = new WeakMap<MigPartedConfigFile, Map<string, ConfigPrediction>>();
const PREDICTIONS_PER_CONFIG = 500;

function cachedPrediction(
  config: MigPartedConfigFile,
  configName: string,
  strategy: MigStrategy,
  product: string,
  model: GpuModel,
  gpuCount: number,
): ConfigPrediction {
  let byKey = predictionCache.get(config);
  if (!byKey) {
    byKey = new Map();
    predictionCache.set(config, byKey);
  }
  const key = JSON.stringify([configName, strategy, product, model.id, gpuCount]);
  let prediction = byKey.get(key);
  if (!prediction) {
    // GFD labels carry no PCI id: every GPU gets the model's first id (one product label per node).
    const deviceId = model.pciDeviceIds[0] ?? '';
    prediction = predictNodeAfterConfig({
      config,
      configName,
      strategy,
      product,
      gpus: Array.from({ length: gpuCount }, (_, index) => ({ index, deviceId, model })),
    });
    if (byKey.size >= PREDICTIONS_PER_CONFIG) byKey.clear();
    byKey.set(key, prediction);
  }
  return prediction;
}

function healthForCondition(kind: NodeGpuCondition['kind']): GpuHealthState | undefined {
  switch (kind) {
    case 'single-invalid':
      return 'invalid';
    case 'failed':
    case 'unknown-config':
      return 'failed';
    case 'pending':
    case 'stuck-pending':
    case 'rebooting':
      return 'pending';
    case 'drifted':
    case 'gpu-not-covered':
    case 'mig-under-strategy-none':
      return 'drifted';
    default:
      return undefined;
  }
}

/** Spreads pods over predicted instances: oldest pod first, lowest GPU index and start first. */
function assignPods(gpus: GpuView[], pods: GpuPodUsage[]): void {
  if (pods.length === 0) return;
  const byResource = new Map<string, SliceInstanceView[]>();
  for (const gpu of gpus) {
    for (const instance of gpu.instances) {
      const list = byResource.get(instance.resourceName) ?? [];
      list.push(instance);
      byResource.set(instance.resourceName, list);
    }
  }
  for (const pod of [...pods].sort(comparePods)) {
    for (const resource of Object.keys(pod.resources).sort()) {
      let wanted = pod.resources[resource];
      for (const instance of byResource.get(resource) ?? []) {
        if (wanted <= 0) break;
        if (instance.inUse) continue;
        instance.inUse = true;
        instance.podName = pod.name;
        instance.podNamespace = pod.namespace;
        instance.assignmentInferred = true;
        wanted -= 1;
      }
    }
  }
}

function compareAdvertisement(
  expected: Record<string, number>,
  allocatable: Record<string, number>,
  labelCounts: Record<string, number>,
  strategy: MigStrategy | undefined,
): ResourceDrift[] {
  const names = new Set<string>([
    ...Object.keys(expected),
    ...Object.keys(allocatable).filter(isGpuResource),
    ...(strategy === 'mixed' ? Object.keys(labelCounts) : []),
  ]);
  const drift: ResourceDrift[] = [];
  for (const name of [...names].sort()) {
    const want = expected[name] ?? 0;
    const have = allocatable[name] ?? 0;
    const label = name.startsWith(MIG_RESOURCE_PREFIX) ? labelCounts[name] : undefined;
    const labelDisagrees = strategy === 'mixed' && label !== undefined && label !== want;
    if (want !== have || labelDisagrees) {
      const entry: ResourceDrift = { resourceName: name, expected: want, allocatable: have };
      if (label !== undefined) entry.labelCount = label;
      drift.push(entry);
    }
  }
  return drift;
}

/**
 * When the node's mig-manager state took its value. The cluster's record first: the managedFields
 * time of the state label; for `pending`, failing that, the config label's time or the plugin's
 * changed-at annotation (the change began then). Only then, and only for `pending`, when this page
 * first saw it.
 */
function stateSinceOf(
  node: NodeKind,
  labels: GpuLabelValues,
  firstSeenPending: string | undefined,
): ObservedTime | undefined {
  const state = labels.migConfigState;
  const stateSetAt = labelSetAt(node, MIG_CONFIG_STATE_LABEL);
  if (state !== 'pending') return stateSetAt ? { at: stateSetAt, from: 'cluster' } : undefined;
  const cluster = stateSetAt ?? labelSetAt(node, MIG_CONFIG_LABEL) ?? labels.migConfigChangedAt;
  if (cluster) return { at: cluster, from: 'cluster' };
  return firstSeenPending ? { at: firstSeenPending, from: 'page' } : undefined;
}

/** The config a missing name most likely meant, among those the source has that suit the node. */
function suggestConfig(
  config: MigPartedConfigFile,
  missing: string,
  model: GpuModel,
  gpuCount: number,
): string | undefined {
  const deviceId = model.pciDeviceIds[0] ?? '';
  const gpus = Array.from({ length: gpuCount }, (_, index) => ({ index, deviceId, model }));
  const valid = configsValidForGpus(config, gpus)
    .filter((choice) => choice.verdict === 'valid')
    .map((choice) => choice.name);
  return nearestName(missing, valid);
}

type AddCondition = (condition: NodeGpuCondition) => void;

/** Step 1, reading: what the node object says, read robustly (bad values become conditions). */
interface NodeReading {
  name: string;
  labels: GpuLabelValues;
  allocatable: Record<string, number>;
  capacity: Record<string, number>;
  product?: ParsedGpuProduct;
  model?: GpuModel;
  /** A product known to have no MIG (T4, L40S…): served whole, nothing wrong. */
  knownWithoutMig: boolean;
  /** This node's GPU pods. */
  pods: GpuPodUsage[];
}

function readNode(input: BuildGpuNodeViewInput, add: AddCondition): NodeReading {
  const { node } = input;
  const name = typeof node?.metadata?.name === 'string' ? node.metadata.name : '(unnamed node)';
  const { values: labels, problems } = readGpuLabels(node);
  for (const problem of problems) {
    add({
      kind: 'malformed-label',
      severity: 'warning',
      facts: { code: 'malformed-label', problem },
    });
  }

  const status = node?.status && typeof node.status === 'object' ? node.status : {};
  const allocatableRead = parseNvidiaResourceList(status.allocatable, 'allocatable');
  const capacityRead = parseNvidiaResourceList(status.capacity, 'capacity');
  for (const issue of [...allocatableRead.issues, ...capacityRead.issues]) {
    add({
      kind: 'missing-capacity',
      severity: 'warning',
      facts: { code: 'unreadable-quantity', issue },
    });
  }

  const product = labels.product;
  const model = product ? findModelByProduct(product.base) : undefined;
  const knownWithoutMig = !model && product !== undefined && isKnownGpuWithoutMig(product.base);
  addModelConditions(labels, product, model, knownWithoutMig, add);
  const pods = (Array.isArray(input.pods) ? input.pods : []).filter(
    (pod) => pod && pod.nodeName === name,
  );
  return {
    name,
    labels,
    allocatable: allocatableRead.values,
    capacity: capacityRead.values,
    ...(product ? { product } : {}),
    ...(model ? { model } : {}),
    knownWithoutMig,
    pods,
  };
}

/** No product label yet, or a product the catalog does not know. */
function addModelConditions(
  labels: GpuLabelValues,
  product: ParsedGpuProduct | undefined,
  model: GpuModel | undefined,
  knownWithoutMig: boolean,
  add: AddCondition,
): void {
  if (!product) {
    add({
      kind: 'unknown-model',
      severity: 'info',
      facts: { code: 'gfd-not-labelled' },
    });
  } else if (!model && (labels.migCapable === false || knownWithoutMig)) {
    // A GPU without MIG (T4, L40S…) is served whole; nothing to predict and nothing wrong.
  } else if (!model) {
    add({
      kind: 'unknown-model',
      severity: 'warning',
      facts: { code: 'model-not-in-catalog', product: product.base },
    });
  }
}

/** Step 2, prediction: what the node's config gives each GPU under the cluster strategy. */
interface NodePrediction {
  gpuCount: GpuCountReading;
  migConfig?: string;
  /** Only with a known model, a config name and a readable config. */
  prediction?: ConfigPrediction;
  /** The config name is not in the config source. */
  configMissing: boolean;
  gpus: GpuView[];
}

function predictNode(
  reading: NodeReading,
  input: BuildGpuNodeViewInput,
  add: AddCondition,
): NodePrediction {
  const { strategy, configSource } = input;
  const { labels, product, model } = reading;
  const gpuCount = physicalGpuCount(labels, reading.capacity, model, configSource, strategy);
  const migConfig = labels.migConfig;
  const prediction =
    model && migConfig && configSource.config
      ? cachedPrediction(
          configSource.config,
          migConfig,
          strategy ?? 'none',
          product?.base ?? '',
          model,
          gpuCount.count,
        )
      : undefined;
  const predicted: NodePrediction = {
    gpuCount,
    ...(migConfig !== undefined ? { migConfig } : {}),
    ...(prediction ? { prediction } : {}),
    configMissing: prediction !== undefined && !prediction.found,
    gpus: [],
  };
  addConfigConditions(reading, predicted, configSource, add);
  predicted.gpus = predictedGpus(reading, predicted, strategy);
  addLayoutConditions(reading, predicted, add);
  return predicted;
}

/**
 * A guessed GPU count, the built-in config standing in, a config name the source lacks, a config
 * on a GPU without MIG.
 */
function addConfigConditions(
  reading: NodeReading,
  { gpuCount, migConfig, prediction, configMissing }: NodePrediction,
  configSource: NodeConfigSource,
  add: AddCondition,
): void {
  const { labels, product, model, knownWithoutMig } = reading;
  if (gpuCount.guess && model) {
    add({
      kind: 'unverified-layout',
      severity: 'info',
      facts: { code: 'gpu-count-guess', count: gpuCount.count, guess: gpuCount.guess },
    });
  }
  if (configSource.view.fallback) {
    add({
      kind: 'unverified-layout',
      severity: 'warning',
      facts: { code: 'built-in-config', source: configSource.view },
    });
  }
  if (configMissing && model && migConfig && configSource.config) {
    const issue = prediction?.errors.find((error) => error.code === 'config-not-found');
    const suggestion = suggestConfig(configSource.config, migConfig, model, gpuCount.count);
    add({
      kind: 'unknown-config',
      severity: 'danger',
      facts: {
        code: 'config-not-found',
        config: migConfig,
        ...(issue ? { issue } : {}),
        ...(suggestion ? { suggestion } : {}),
      },
    });
  }
  if (migConfig && migConfig !== 'all-disabled' && product && !model) {
    if (labels.migCapable === false || knownWithoutMig) {
      add({
        kind: 'config-without-mig',
        severity: 'warning',
        facts: {
          code: 'config-without-mig',
          config: migConfig,
          product: product.base,
          byGfd: labels.migCapable === false,
        },
      });
    }
  }
}

/** Per-GPU views from the prediction: each GPU's predicted layout and instances (no pods yet). */
function predictedGpus(
  { name, model }: NodeReading,
  { gpuCount, prediction }: NodePrediction,
  strategy: MigStrategy | undefined,
): GpuView[] {
  const resourceFor = (profile: string) =>
    strategy === 'single' ? GPU_RESOURCE : migResourceName(profile);
  const gpus: GpuView[] = [];
  for (let index = 0; index < gpuCount.count; index += 1) {
    const predicted = prediction?.found
      ? prediction.gpus.find((gpu) => gpu.index === index)
      : undefined;
    const instances: SliceInstanceView[] = (predicted?.layout?.instances ?? []).map((instance) => ({
      profile: instance.profile,
      start: instance.start,
      size: instance.size,
      computeSlices: instance.computeSlices,
      id: `${name}/gpu${index}/${instance.profile}@${instance.start}`,
      resourceName: resourceFor(instance.profile),
      inUse: false,
    }));
    const gpu: GpuView = {
      index,
      migEnabled: predicted?.migEnabled ?? false,
      instances,
      state: 'applied',
      notCovered: predicted?.untouched ?? false,
    };
    if (model) {
      gpu.model = model;
      gpu.deviceId = model.pciDeviceIds[0];
      gpu.deviceIdFromModel = true;
    }
    if (predicted?.layout) gpu.layout = predicted.layout;
    if (predicted) gpu.requestedCounts = predicted.counts;
    gpus.push(gpu);
  }
  return gpus;
}

/** GPUs no entry of the config matches, and the config's other errors on this node. */
function addLayoutConditions(
  { model }: NodeReading,
  { migConfig, prediction, gpus }: NodePrediction,
  add: AddCondition,
): void {
  const uncovered = gpus.filter((gpu) => gpu.notCovered).map((gpu) => gpu.index);
  if (uncovered.length > 0) {
    add({
      kind: 'gpu-not-covered',
      severity: 'warning',
      facts: {
        code: 'gpu-not-covered',
        config: migConfig ?? '',
        gpus: uncovered,
        ...(model ? { model: shortModelName(model) } : {}),
      },
    });
  }
  for (const issue of prediction?.errors ?? []) {
    if (['config-not-found', 'gpu-not-covered', 'single-strategy-invalid'].includes(issue.code)) {
      continue;
    }
    add({
      kind: 'unknown-config',
      severity: 'danger',
      facts: { code: 'config-cannot-apply', config: migConfig ?? '', issue },
    });
  }
}

/**
 * Step 3, reconciliation: the prediction against the strategy, the mig-manager's state and what
 * the node advertises.
 */
interface NodeReconciliation {
  stateSince?: ObservedTime;
  /** What the node should advertise, when predicted. */
  expected?: Record<string, number>;
  drift: ResourceDrift[];
}

function reconcileNode(
  reading: NodeReading,
  predicted: NodePrediction,
  input: BuildGpuNodeViewInput,
  add: AddCondition,
): NodeReconciliation {
  addStrategyConditions(reading, predicted, input.strategy, add);
  const stateSince = stateSinceOf(input.node, reading.labels, input.firstSeenPending);
  addMigManagerConditions(reading.labels, predicted, stateSince, input.now, add);
  const expected = predicted.prediction?.advertisement?.resources;
  const drift = reconcileAdvertisement(reading, predicted, expected, input.strategy, add);
  addPredictedSlicesCondition(predicted, add);
  return { ...(stateSince ? { stateSince } : {}), ...(expected ? { expected } : {}), drift };
}

/** Single strategy that cannot express the layout (observed or predicted); MIG under `none`. */
function addStrategyConditions(
  { labels, product }: NodeReading,
  { prediction, gpus }: NodePrediction,
  strategy: MigStrategy | undefined,
  add: AddCondition,
): void {
  const predictedInvalid = prediction?.advertisement?.invalid;
  if (product?.migInvalid || (strategy === 'single' && predictedInvalid)) {
    add({
      kind: 'single-invalid',
      severity: 'danger',
      singleInvalid: {
        ...(predictedInvalid ? { predicted: predictedInvalid } : {}),
        ...(product?.migInvalid ? { product: product.raw } : {}),
      },
      facts: { code: 'single-invalid' },
    });
  }

  if (
    strategy === 'none' &&
    (gpus.some((gpu) => gpu.migEnabled) || Object.keys(labels.migProfileCounts).length > 0)
  ) {
    add({
      kind: 'mig-under-strategy-none',
      severity: 'warning',
      facts: { code: 'mig-under-strategy-none' },
    });
  }
}

/** The mig-manager's state: pending (or stuck), rebooting, failed; operands left paused. */
function addMigManagerConditions(
  labels: GpuLabelValues,
  { migConfig, configMissing }: NodePrediction,
  stateSince: ObservedTime | undefined,
  now: Date,
  add: AddCondition,
): void {
  const state = labels.migConfigState;
  if (state === 'pending') {
    addPendingCondition(labels, migConfig, stateSince, now, add);
  } else if (state === 'rebooting') {
    add({
      kind: 'rebooting',
      severity: 'info',
      facts: { code: 'rebooting' },
    });
  } else if (state === 'failed' && !configMissing) {
    // A missing config is the reason, said once by its own condition.
    add({
      kind: 'failed',
      severity: 'danger',
      facts: { code: 'failed', config: migConfig ?? '' },
    });
  }

  if (labels.pausedOperands.length > 0) {
    add({
      kind: 'operands-paused',
      severity: state === 'pending' ? 'info' : 'warning',
      facts: { code: 'operands-paused', operands: labels.pausedOperands, state },
    });
  }
}

/** Pending, or stuck pending once longer than the mig-manager's own timeouts. */
function addPendingCondition(
  labels: GpuLabelValues,
  migConfig: string | undefined,
  stateSince: ObservedTime | undefined,
  now: Date,
  add: AddCondition,
): void {
  const since = stateSince?.at;
  const firstSeenByPage = stateSince?.from === 'page';
  const elapsed = since ? now.getTime() - Date.parse(since) : undefined;
  if (since && elapsed !== undefined && elapsed > STUCK_PENDING_AFTER_MS) {
    add({
      kind: 'stuck-pending',
      severity: 'danger',
      facts: {
        code: 'stuck-pending',
        since,
        firstSeenByPage,
        operandsPaused: labels.pausedOperands.length > 0,
      },
    });
  } else {
    add({
      kind: 'pending',
      severity: 'info',
      facts: {
        code: 'pending',
        config: migConfig ?? '',
        ...(since ? { since } : {}),
        firstSeenByPage,
      },
    });
  }
}

/**
 * The prediction against what the node advertises. Only a settled node can drift: during a
 * change, and with MIG-INVALID (already explained), the difference is expected.
 */
function reconcileAdvertisement(
  { labels, product, allocatable }: NodeReading,
  { prediction }: NodePrediction,
  expected: Record<string, number> | undefined,
  strategy: MigStrategy | undefined,
  add: AddCondition,
): ResourceDrift[] {
  const state = labels.migConfigState;
  const predictedInvalid = prediction?.advertisement?.invalid;
  let drift: ResourceDrift[] = [];
  const settled = state === 'success' || state === 'absent';
  if (expected && settled && !product?.migInvalid && !predictedInvalid) {
    drift = compareAdvertisement(expected, allocatable, labels.migProfileCounts, strategy);
    if (drift.length > 0) {
      add({
        kind: 'drifted',
        severity: 'warning',
        facts: { code: 'drifted', drift },
      });
    }
  }
  const hasGpuAllocatable = Object.keys(allocatable).some(isGpuResource);
  if (!hasGpuAllocatable && settled && labels.pausedOperands.length === 0 && !product?.migInvalid) {
    add({
      kind: 'missing-capacity',
      severity: 'warning',
      facts: { code: 'no-gpu-resources', ...(expected ? { expected } : {}) },
    });
  }
  return drift;
}

/** Slice positions are predicted; the layouts' warnings (GPUs of one model share them) once each. */
function addPredictedSlicesCondition(
  { prediction, gpus }: NodePrediction,
  add: AddCondition,
): void {
  if (!prediction?.found || !gpus.some((gpu) => gpu.instances.length > 0)) return;
  const seen = new Map<string, LayoutWarningFacts>();
  for (const gpu of gpus) {
    for (const warning of gpu.layout?.warnings ?? []) seen.set(JSON.stringify(warning), warning);
  }
  add({
    kind: 'unverified-layout',
    severity: 'info',
    facts: { code: 'predicted-slices', warnings: [...seen.values()] },
  });
}

/**
 * The node's state is its most urgent condition's; a GPU no config entry covers is drifted, the
 * others take the node's state when it is drifted or worse, else their own (applied or disabled).
 */
function settleStates(conditions: NodeGpuCondition[], gpus: GpuView[]): GpuHealthState {
  let primaryState: GpuHealthState = gpus.some((gpu) => gpu.migEnabled) ? 'applied' : 'disabled';
  for (const condition of conditions) {
    const health = healthForCondition(condition.kind);
    if (health && STATE_RANK[health] < STATE_RANK[primaryState]) primaryState = health;
  }
  for (const gpu of gpus) {
    if (gpu.notCovered) gpu.state = 'drifted';
    else if (STATE_RANK[primaryState] <= STATE_RANK.drifted) gpu.state = primaryState;
    else gpu.state = gpu.migEnabled ? 'applied' : 'disabled';
  }
  return primaryState;
}

/** Builds the view of one GPU node: reading, prediction, reconciliation, states. Never throws. */
export function buildGpuNodeView(input: BuildGpuNodeViewInput): GpuNodeView {
  const conditions: NodeGpuCondition[] = [];
  const add: AddCondition = (condition) => conditions.push(condition);
  const reading = readNode(input, add);
  const predicted = predictNode(reading, input, add);
  const reconciled = reconcileNode(reading, predicted, input, add);
  const primaryState = settleStates(conditions, predicted.gpus);
  assignPods(predicted.gpus, reading.pods);
  return nodeViewOf(input, reading, predicted, reconciled, conditions, primaryState);
}

function nodeViewOf(
  { node, strategy, configSource }: BuildGpuNodeViewInput,
  { name, labels, product, model, allocatable, capacity, pods, knownWithoutMig }: NodeReading,
  { gpuCount, gpus, migConfig }: NodePrediction,
  { stateSince, expected, drift }: NodeReconciliation,
  conditions: NodeGpuCondition[],
  primaryState: GpuHealthState,
): GpuNodeView {
  const view: GpuNodeView = {
    name,
    product: product?.raw ?? '',
    gpuCount: gpuCount.count,
    migCapable: labels.migCapable ?? model !== undefined,
    migConfigState: labels.migConfigState,
    unschedulable: node?.spec?.unschedulable === true,
    allocatable,
    capacity,
    gpus,
    pods,
    inUse: sumPodResources(pods),
    conditions,
    primaryState,
    labelCounts: labels.migProfileCounts,
    drift,
    pausedOperands: labels.pausedOperands,
    configSource: configSource.view,
  };
  if (model) view.model = model;
  if (labels.memoryMiB !== undefined && !product?.singleStrategyProfile) {
    view.gpuMemoryMiB = labels.memoryMiB;
  }
  if (migConfig !== undefined) view.migConfig = migConfig;
  if (labels.migStrategy !== undefined) view.strategyLabel = labels.migStrategy;
  if (expected) view.expected = expected;
  if (stateSince) view.stateSince = stateSince;
  const configSetAt = labelSetAt(node, MIG_CONFIG_LABEL);
  if (configSetAt) view.configSetAt = configSetAt;
  if (knownWithoutMig) view.knownWithoutMig = true;
  if (strategy) view.strategy = strategy;
  const cordonMark = labels.cordonedForMigChangeMark;
  if (view.unschedulable && cordonMark !== undefined) {
    view.cordonedForMigChange = Number.isNaN(Date.parse(cordonMark)) ? {} : { since: cordonMark };
  }
  const resourceVersion = node?.metadata?.resourceVersion;
  if (typeof resourceVersion === 'string') view.resourceVersion = resourceVersion;
  return view;
}
