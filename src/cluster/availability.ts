/**
 * The data scientist's question: "can I get N × <profile> right now?" Answers from what nodes
 * advertise (allocatable) minus what pods hold, on nodes that can take a pod (not cordoned, not
 * failed, not mid-change), and when the answer is no, proposes the config changes an admin could
 * make: named configs of each node's config source that raise the asked profile, on nodes that
 * can take a change, leaving every GPU a pod may use as it is (the mig-manager does not evict
 * pods, and a change on a busy GPU fails); fewest nodes first, then fewest pods on them.
 */
import { findProfile } from '../geometry/catalog';
import { listConfigNames, type MigPartedConfigFile } from '../geometry/migParted';
import {
  GPU_RESOURCE,
  migResourceName,
  parseMigResourceName,
  profileNameFromDottedForm,
} from '../geometry/naming';
import { predictNodeAfterConfig } from '../geometry/predictConfig';
import type { MigStrategy } from '../geometry/types';
import { parseGpuProduct } from './labels';
import type { PodKind } from './models';
import { podGpuRequests } from './pods';
import { safeText } from './quantities';
import type { GpuNodeView, PodResourceIssue } from './types';

export interface ConfigSourceLookup {
  forNode(nodeName: string): { config?: MigPartedConfigFile };
}

export interface NodeConfigChange {
  node: string;
  fromConfig?: string;
  toConfig: string;
  /** Instances of the requested resource the node offers after the change. */
  offeredAfter: number;
  /** Free instances of the requested resource the node offers now. */
  freeNow: number;
  /** How many more instances of the requested resource the node offers after the change. */
  gain: number;
  /** Other resources the node would stop advertising (resource → how many fewer). */
  lost: Record<string, number>;
  /**
   * GPU pods on the node. The change leaves their GPUs as they are, but the mig-manager restarts
   * the node's GPU operands (device plugin, GFD …) around them.
   */
  gpuPods: number;
}

/** One apply: the same config on a set of nodes (what the apply dialog takes). */
export interface ConfigChangeStep {
  toConfig: string;
  nodes: string[];
}

/** Why a node is not counted as free now, or not offered a change. */
export type NodeLeftOutReason =
  /** Cordoned: the scheduler places no new pod there. */
  | 'cordoned'
  /** The last MIG change failed, or the config name is unknown: what it advertises may not hold. */
  | 'failed'
  /** A MIG change is under way (pending, rebooting): what it advertises is about to change. */
  | 'changing'
  /** Every config that would raise the profile also reconfigures a GPU a pod may be using. */
  | 'gpus-in-use';

export interface NodeLeftOut {
  name: string;
  why: NodeLeftOutReason;
  /** Free instances it advertises (for nodes left out of the free count). */
  free?: number;
}

/** A pod no node has taken yet that asks for the requested resource. */
export interface WaitingGpuPod {
  name: string;
  namespace: string;
  /** GPU resources it asks for (resource → count). */
  resources: Record<string, number>;
  createdAt?: string;
  /** The scheduler's word on it: its `PodScheduled=False` condition (reason, message). */
  scheduler?: { reason?: string; message?: string };
  /** GPU requests that are not counts (they are left out of `resources`). */
  issues?: PodResourceIssue[];
}

export interface ProfileRequestPlan {
  /** The resource pods must request (`nvidia.com/mig-1g.10gb`, or `nvidia.com/gpu`). */
  resourceName: string;
  /** The MIG profile, when the request is for one. */
  profile?: string;
  requested: number;
  /** True when `requested` single-instance pods fit on the nodes' free instances. */
  satisfiable: boolean;
  /** True when one pod asking for all `requested` fits on a single node. */
  fitsOnOneNode: boolean;
  totalFree: number;
  /** Nodes that can serve now, most free first. */
  nodes: Array<{ name: string; free: number }>;
  /** Nodes advertising free instances that are not counted (cordoned, failed, mid-change). */
  notCounted: NodeLeftOut[];
  /** Pods not yet scheduled that ask for the same resource (they compete for it). */
  waiting: WaitingGpuPod[];
  /** When not satisfiable: config changes that would make it so (or get closest). */
  suggestion?: {
    changes: NodeConfigChange[];
    /** The changes by config, in order: each is one apply. */
    steps: ConfigChangeStep[];
    /** False when even the best changes fall short. */
    sufficient: boolean;
  };
  /** When not satisfiable: nodes whose model offers the profile but that cannot take a change now. */
  notSuggested: NodeLeftOut[];
  /** Why the request cannot be understood (unknown profile, strategy none …). */
  issues: ProfileRequestIssue[];
}

/** Why a "can I get N × profile" request cannot be answered. */
export type ProfileRequestIssue =
  /** `text` names neither a MIG profile nor a GPU resource. */
  | { kind: 'not-a-profile'; text: string }
  /** The cluster strategy is none: MIG instances are not advertised. */
  | { kind: 'strategy-none' }
  /** The count is not a whole number above 0 (`got`, as short text). */
  | { kind: 'bad-count'; got: string };

interface ResolvedRequest {
  resourceName: string;
  profile?: string;
  issues: ProfileRequestIssue[];
}

function resolveRequest(
  profileOrResource: string,
  strategy: MigStrategy | undefined,
): ResolvedRequest {
  const text = typeof profileOrResource === 'string' ? profileOrResource.trim() : '';
  if (text === GPU_RESOURCE || text === 'gpu') return { resourceName: GPU_RESOURCE, issues: [] };
  const profile = parseMigResourceName(text) ?? profileNameFromDottedForm(text);
  if (!profile) {
    return {
      resourceName: text,
      issues: [{ kind: 'not-a-profile', text }],
    };
  }
  if (strategy === 'none') {
    return {
      resourceName: migResourceName(profile),
      profile,
      issues: [{ kind: 'strategy-none' }],
    };
  }
  // Under `single`, a MIG device is requested as nvidia.com/gpu on nodes labelled with that profile.
  return {
    resourceName: strategy === 'single' ? GPU_RESOURCE : migResourceName(profile),
    profile,
    issues: [],
  };
}

function nodeServesProfile(node: GpuNodeView, profile: string | undefined, strategy?: MigStrategy) {
  if (strategy !== 'single' || !profile) return true;
  const single = parseGpuProduct(node.product).singleStrategyProfile;
  return single !== undefined && profileNameFromDottedForm(single) === profile;
}

export function freeOn(node: GpuNodeView, resourceName: string): number {
  return Math.max(0, (node.allocatable[resourceName] ?? 0) - (node.inUse[resourceName] ?? 0));
}

/** Why a node can take neither a new pod nor a change now; undefined when it can. */
export function unavailableBecause(node: GpuNodeView): NodeLeftOutReason | undefined {
  if (node.migConfigState === 'failed' || node.primaryState === 'failed') return 'failed';
  const changing = node.conditions.some((condition) =>
    ['pending', 'stuck-pending', 'rebooting'].includes(condition.kind),
  );
  if (node.migConfigState === 'pending' || node.migConfigState === 'rebooting' || changing) {
    return 'changing';
  }
  return node.unschedulable ? 'cordoned' : undefined;
}

/**
 * GPUs a pod may be using. The API says which resources a pod holds, never which GPU: every GPU
 * offering one of them may be the one (MIG instances by resource, whole GPUs when MIG is off).
 */
export function possiblyBusyGpus(node: GpuNodeView): Set<number> {
  const held = new Set(node.pods.flatMap((pod) => Object.keys(pod.resources)));
  const offersOf = (gpu: GpuNodeView['gpus'][number]) =>
    gpu.migEnabled ? gpu.instances.map((instance) => instance.resourceName) : [GPU_RESOURCE];
  const placed = new Set(node.gpus.flatMap(offersOf));
  // A pod holding what no GPU is predicted to offer (drift, unknown model) may be on any GPU.
  const anywhere = node.pods.length > 0 && [...held].some((resource) => !placed.has(resource));
  const busy = new Set<number>();
  for (const gpu of node.gpus) {
    const offers = offersOf(gpu);
    if (anywhere || offers.some((resource) => held.has(resource))) busy.add(gpu.index);
  }
  return busy;
}

/** A named config a node could switch to, as predicted for its model and GPU count. */
export interface NodeConfigOption {
  toConfig: string;
  /** What the node would advertise afterwards (resource → count). */
  resources: Record<string, number>;
  /** GPUs mig-parted reconfigures (an entry of the config matches them). */
  touched: number[];
  /** `nvidia.com/gpu.product` afterwards (under `single`, it names the profile). */
  product: string;
}

/** A config option for one requested resource. */
interface ConfigOption extends NodeConfigOption {
  offered: number;
  /** Instances of other resources the node stops advertising, in all. */
  lostTotal: number;
}

/**
 * Every named config of `config` other than the node's own that mig-parted would apply to its
 * GPUs and that the device plugin advertises validly under `strategy`, by name.
 */
export function nodeConfigOptions(
  node: GpuNodeView,
  config: MigPartedConfigFile,
  strategy: MigStrategy,
): NodeConfigOption[] {
  const model = node.model;
  if (!model) return [];
  const options: NodeConfigOption[] = [];
  for (const configName of listConfigNames(config)) {
    if (configName === node.migConfig) continue;
    const prediction = predictNodeAfterConfig({
      config,
      configName,
      strategy,
      product: parseGpuProduct(node.product).base,
      gpus: node.gpus.map((gpu) => ({
        index: gpu.index,
        deviceId: gpu.deviceId ?? model.pciDeviceIds[0] ?? '',
        model,
        current: { migEnabled: gpu.migEnabled, counts: gpu.requestedCounts ?? {} },
      })),
    });
    const resources = prediction.advertisement?.resources;
    if (!prediction.applicable || !resources || prediction.advertisement?.invalid) continue;
    options.push({
      toConfig: configName,
      resources,
      touched: prediction.gpus.filter((gpu) => !gpu.untouched).map((gpu) => gpu.index),
      product: prediction.advertisement?.labels['nvidia.com/gpu.product'] ?? '',
    });
  }
  return options.sort((a, b) => a.toConfig.localeCompare(b.toConfig));
}

/** Configs of `config` that offer the requested resource on `node`, most offered first. */
function configOptionsFor(
  node: GpuNodeView,
  config: MigPartedConfigFile,
  request: ResolvedRequest,
  strategy: MigStrategy,
): ConfigOption[] {
  const model = node.model;
  if (!model) return [];
  if (request.profile && !findProfile(model, request.profile)) return [];
  const options: ConfigOption[] = [];
  for (const option of nodeConfigOptions(node, config, strategy)) {
    if (strategy === 'single' && request.profile) {
      const single = parseGpuProduct(option.product).singleStrategyProfile;
      if (!single || profileNameFromDottedForm(single) !== request.profile) continue;
    }
    const offered = option.resources[request.resourceName] ?? 0;
    if (offered === 0) continue;
    const lostTotal = Object.entries(node.allocatable)
      .filter(([name]) => name !== request.resourceName)
      .reduce((sum, [name, value]) => sum + Math.max(0, value - (option.resources[name] ?? 0)), 0);
    options.push({ ...option, offered, lostTotal });
  }
  return options.sort(
    (a, b) =>
      b.offered - a.offered || a.lostTotal - b.lostTotal || a.toConfig.localeCompare(b.toConfig),
  );
}

/** Identical nodes (model, GPUs and their state, config file, current config) share predictions. */
export function predictionGroupKey(node: GpuNodeView, config: MigPartedConfigFile): string {
  const gpus = node.gpus
    .map(
      (gpu) => `${gpu.index}:${gpu.migEnabled ? JSON.stringify(gpu.requestedCounts ?? {}) : '-'}`,
    )
    .join(',');
  return [node.model?.id, gpus, node.migConfig ?? '', listConfigNames(config).join(',')].join('|');
}

/** The change this node can take: the best option that raises the offer and spares busy GPUs. */
function changeFor(
  node: GpuNodeView,
  options: ConfigOption[],
  resourceName: string,
): NodeConfigChange | 'gpus-in-use' | undefined {
  // The node offers this much now, or will once its current config is in place.
  const offeredNow = Math.max(
    node.allocatable[resourceName] ?? 0,
    node.expected?.[resourceName] ?? 0,
  );
  const raising = options.filter((option) => option.offered > offeredNow);
  if (raising.length === 0) return undefined;
  const busy = possiblyBusyGpus(node);
  const option = raising.find((candidate) => candidate.touched.every((gpu) => !busy.has(gpu)));
  if (!option) return 'gpus-in-use';
  const lost: Record<string, number> = {};
  for (const [name, value] of Object.entries(node.allocatable)) {
    const after = option.resources[name] ?? 0;
    if (name !== resourceName && value > after) lost[name] = value - after;
  }
  const change: NodeConfigChange = {
    node: node.name,
    toConfig: option.toConfig,
    offeredAfter: option.offered,
    freeNow: freeOn(node, resourceName),
    gain: option.offered - offeredNow,
    lost,
    gpuPods: node.pods.length,
  };
  if (node.migConfig) change.fromConfig = node.migConfig;
  return change;
}

const sumGain = (changes: NodeConfigChange[]) =>
  changes.reduce((sum, change) => sum + change.gain, 0);

/**
 * The fewest changes that cover `deficit`, and among as few, those on nodes with the fewest GPU
 * pods: the count is the k largest gains; each slot then takes the node with the fewest pods
 * that still lets the remaining slots cover the rest. All of them when even all fall short.
 */
export function chooseChanges(candidates: NodeConfigChange[], deficit: number): NodeConfigChange[] {
  const byGain = [...candidates].sort((a, b) => b.gain - a.gain || a.node.localeCompare(b.node));
  let count = 0;
  for (let covered = 0; count < byGain.length && covered < deficit; count += 1) {
    covered += byGain[count].gain;
  }
  if (sumGain(byGain.slice(0, count)) < deficit) return byGain;
  const byPods = [...candidates].sort(
    (a, b) => a.gpuPods - b.gpuPods || b.gain - a.gain || a.node.localeCompare(b.node),
  );
  const chosen: NodeConfigChange[] = [];
  let remaining = deficit;
  for (let slot = count - 1; slot >= 0; slot -= 1) {
    const rest = byGain.filter((change) => !chosen.includes(change));
    const pick = byPods.find((change) => {
      if (chosen.includes(change)) return false;
      const others = rest.filter((other) => other !== change).slice(0, slot);
      return change.gain + sumGain(others) >= remaining;
    });
    if (!pick) break;
    chosen.push(pick);
    remaining -= pick.gain;
  }
  return chosen.sort((a, b) => b.gain - a.gain || a.node.localeCompare(b.node));
}

/** The changes by config, one apply each, the config bringing the most first. */
export function stepsOf(
  changes: Array<Pick<NodeConfigChange, 'node' | 'toConfig'>>,
): ConfigChangeStep[] {
  const steps = new Map<string, ConfigChangeStep>();
  for (const change of changes) {
    const step = steps.get(change.toConfig) ?? { toConfig: change.toConfig, nodes: [] };
    step.nodes.push(change.node);
    steps.set(change.toConfig, step);
  }
  return [...steps.values()];
}

/** The pod's `PodScheduled=False` condition, as the scheduler wrote it (text kept as is). */
function schedulerCondition(pod: PodKind): WaitingGpuPod['scheduler'] {
  const conditions = Array.isArray(pod.status?.conditions) ? pod.status.conditions : [];
  const condition = conditions.find(
    (entry) => entry?.type === 'PodScheduled' && entry.status === 'False',
  );
  if (!condition) return undefined;
  const scheduler: NonNullable<WaitingGpuPod['scheduler']> = {};
  if (typeof condition.reason === 'string') scheduler.reason = condition.reason;
  if (typeof condition.message === 'string') scheduler.message = condition.message;
  return scheduler;
}

/**
 * Pods no node has taken yet (no `spec.nodeName`, not finished) that ask for GPU resources: they
 * wait for what the question is about.
 */
export function waitingGpuPods(pods: PodKind[] | undefined): WaitingGpuPod[] {
  const waiting: WaitingGpuPod[] = [];
  for (const pod of Array.isArray(pods) ? pods : []) {
    if (!pod || typeof pod !== 'object' || pod.spec?.nodeName) continue;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    const { resources, issues } = podGpuRequests(pod);
    if (Object.keys(resources).length === 0 && issues.length === 0) continue;
    const entry: WaitingGpuPod = {
      name: pod.metadata?.name ?? '(unnamed pod)',
      namespace: pod.metadata?.namespace ?? '',
      resources,
    };
    if (pod.metadata?.creationTimestamp) entry.createdAt = pod.metadata.creationTimestamp;
    const scheduler = schedulerCondition(pod);
    if (scheduler) entry.scheduler = scheduler;
    if (issues.length > 0) entry.issues = issues;
    waiting.push(entry);
  }
  return waiting.sort(
    (a, b) =>
      (a.createdAt ?? '').localeCompare(b.createdAt ?? '') ||
      `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`),
  );
}

/** What the nodes offer now: nodes that can serve, and those advertising free that cannot. */
function freeNow(nodes: GpuNodeView[], request: ResolvedRequest, strategy?: MigStrategy) {
  const serving: Array<{ name: string; free: number }> = [];
  const notCounted: NodeLeftOut[] = [];
  for (const node of nodes) {
    if (!nodeServesProfile(node, request.profile, strategy)) continue;
    const free = freeOn(node, request.resourceName);
    if (free === 0) continue;
    const why = unavailableBecause(node);
    if (why) notCounted.push({ name: node.name, why, free });
    else serving.push({ name: node.name, free });
  }
  serving.sort((a, b) => b.free - a.free || a.name.localeCompare(b.name));
  return { serving, notCounted };
}

/** Changes on nodes that can take one; nodes whose model would help but cannot, and why. */
function candidateChanges(
  nodes: GpuNodeView[],
  request: ResolvedRequest,
  strategy: MigStrategy,
  configSources: ConfigSourceLookup,
) {
  const optionsByGroup = new Map<string, ConfigOption[]>();
  const candidates: NodeConfigChange[] = [];
  const notSuggested: NodeLeftOut[] = [];
  for (const node of nodes) {
    const config = node.model ? configSources.forNode(node.name).config : undefined;
    if (!config) continue;
    const key = predictionGroupKey(node, config);
    if (!optionsByGroup.has(key)) {
      optionsByGroup.set(key, configOptionsFor(node, config, request, strategy));
    }
    const options = optionsByGroup.get(key) ?? [];
    if (options.length === 0) continue;
    const why = unavailableBecause(node);
    const change = why ? undefined : changeFor(node, options, request.resourceName);
    if (why) notSuggested.push({ name: node.name, why });
    else if (change === 'gpus-in-use') notSuggested.push({ name: node.name, why: change });
    else if (change) candidates.push(change);
  }
  return { candidates, notSuggested };
}

/**
 * Can `count` × the profile (or resource) be had now, and if not, which config changes would make
 * it so. `configSources` gives each node's config file (see `resolveMigConfigSources`);
 * `waitingPods` the pods not yet scheduled (see `waitingGpuPods`).
 */
export function planProfileRequest(
  nodeViews: GpuNodeView[],
  profileOrResource: string,
  count: number,
  strategy: MigStrategy | undefined,
  configSources?: ConfigSourceLookup,
  waitingPods: WaitingGpuPod[] = [],
): ProfileRequestPlan {
  const request = resolveRequest(profileOrResource, strategy);
  const requested = Number.isInteger(count) && count > 0 ? count : 0;
  const issues = [...request.issues];
  if (requested === 0) issues.push({ kind: 'bad-count', got: safeText(count) });
  const views = Array.isArray(nodeViews) ? nodeViews : [];
  const { serving, notCounted } = freeNow(views, request, strategy);
  const totalFree = serving.reduce((sum, node) => sum + node.free, 0);
  const plan: ProfileRequestPlan = {
    resourceName: request.resourceName,
    requested,
    satisfiable: issues.length === 0 && totalFree >= requested,
    fitsOnOneNode: issues.length === 0 && (serving[0]?.free ?? 0) >= requested,
    totalFree,
    nodes: serving,
    notCounted,
    waiting: (Array.isArray(waitingPods) ? waitingPods : []).filter(
      (pod) => (pod.resources[request.resourceName] ?? 0) > 0,
    ),
    notSuggested: [],
    issues,
  };
  if (request.profile) plan.profile = request.profile;
  if (plan.satisfiable || issues.length > 0 || !configSources || !strategy) return plan;

  const { candidates, notSuggested } = candidateChanges(views, request, strategy, configSources);
  plan.notSuggested = notSuggested;
  const deficit = requested - totalFree;
  const changes = chooseChanges(candidates, deficit);
  if (changes.length === 0) return plan;
  plan.suggestion = {
    changes,
    steps: stepsOf(changes),
    sufficient: sumGain(changes) >= deficit,
  };
  return plan;
}

/**
 * "Can I get N × profile?" for a user who cannot see other projects' pods (`PodVisibility`
 * `namespaces`): answered in allocatable terms. The node views' `inUse` then counts the user's
 * own pods only, so `allocatable − own` is an upper bound of what is free, never the free count.
 */
export interface AllocatableRequestAnswer {
  resourceName: string;
  profile?: string;
  requested: number;
  /** Allocatable on the nodes that can take a pod now (not cordoned, failed or changing). */
  allocatable: number;
  /** Held by the user's own pods on those nodes. */
  ownInUse: number;
  /** `allocatable − ownInUse`: at most this many are free (others' pods may hold some). */
  atMost: number;
  /** False: certainly not, even if nobody else held any. True: only if others leave enough. */
  possible: boolean;
  /** One node's upper bound covers the whole request. */
  possibleOnOneNode: boolean;
  /** Nodes that can serve now, largest upper bound first. */
  nodes: Array<{ name: string; allocatable: number; ownInUse: number; atMost: number }>;
  /** Nodes advertising the resource that cannot take a pod now (`free`: their allocatable). */
  notCounted: NodeLeftOut[];
  issues: ProfileRequestIssue[];
}

export function planByAllocatable(
  nodeViews: GpuNodeView[],
  profileOrResource: string,
  count: number,
  strategy: MigStrategy | undefined,
): AllocatableRequestAnswer {
  const request = resolveRequest(profileOrResource, strategy);
  const requested = Number.isInteger(count) && count > 0 ? count : 0;
  const issues = [...request.issues];
  if (requested === 0) issues.push({ kind: 'bad-count', got: safeText(count) });
  const nodes: AllocatableRequestAnswer['nodes'] = [];
  const notCounted: NodeLeftOut[] = [];
  for (const node of Array.isArray(nodeViews) ? nodeViews : []) {
    if (!nodeServesProfile(node, request.profile, strategy)) continue;
    const allocatable = node.allocatable[request.resourceName] ?? 0;
    if (allocatable === 0) continue;
    const why = unavailableBecause(node);
    const ownInUse = Math.min(allocatable, node.inUse[request.resourceName] ?? 0);
    if (why) notCounted.push({ name: node.name, why, free: allocatable });
    else nodes.push({ name: node.name, allocatable, ownInUse, atMost: allocatable - ownInUse });
  }
  nodes.sort((a, b) => b.atMost - a.atMost || a.name.localeCompare(b.name));
  const allocatable = nodes.reduce((sum, node) => sum + node.allocatable, 0);
  const ownInUse = nodes.reduce((sum, node) => sum + node.ownInUse, 0);
  const answer: AllocatableRequestAnswer = {
    resourceName: request.resourceName,
    requested,
    allocatable,
    ownInUse,
    atMost: allocatable - ownInUse,
    possible: issues.length === 0 && allocatable - ownInUse >= requested,
    possibleOnOneNode: issues.length === 0 && (nodes[0]?.atMost ?? 0) >= requested,
    nodes,
    notCounted,
    issues,
  };
  if (request.profile) answer.profile = request.profile;
  return answer;
}
