/**
 * The data scientist's question: "can I get N × <profile> right now?" Answers from what nodes
 * advertise (allocatable) minus what pods hold, and when the answer is no, proposes the smallest
 * config change an admin could make: named configs of each node's config source that would add
 * the missing instances, on the fewest nodes, preferring nodes no GPU pod uses (the mig-manager
 * does not evict pods, and a change on a busy GPU fails).
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
import { safeText } from './quantities';
import type { GpuNodeView } from './types';

export interface ConfigSourceLookup {
  forNode(nodeName: string): { config?: MigPartedConfigFile };
}

export interface NodeConfigChange {
  node: string;
  fromConfig?: string;
  toConfig: string;
  /** Instances of the requested resource the node offers after the change (all free). */
  offeredAfter: number;
  /** Free instances of the requested resource the node offers now. */
  freeNow: number;
  /** Other resources the node would stop advertising (resource → how many fewer). */
  lost: Record<string, number>;
  /** True when GPU pods run on the node: they must be drained first, or the change fails. */
  disruptive: boolean;
  gpuPods: number;
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
  /** When not satisfiable: config changes that would make it so (or get closest). */
  suggestion?: {
    changes: NodeConfigChange[];
    /** False when even the best changes fall short. */
    sufficient: boolean;
    /** Plain English, ready to show an admin. */
    summary: string;
  };
  /** Why the request cannot be understood (unknown profile, strategy none …). */
  problems: string[];
  /** The same as data, for the UI's words. */
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

/** A request issue in plain English (CLI, logs, tests); the UI words the issue itself. */
export function profileRequestIssueMessage(issue: ProfileRequestIssue): string {
  switch (issue.kind) {
    case 'not-a-profile':
      return `'${issue.text}' is not a MIG profile (e.g. 1g.10gb) or a GPU resource name`;
    case 'strategy-none':
      return 'The cluster MIG strategy is none: MIG instances are not advertised as resources. Set spec.mig.strategy to mixed (or single) in the ClusterPolicy.';
    default:
      return `ask for a whole number of instances (got ${issue.got})`;
  }
}

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

function freeOn(node: GpuNodeView, resourceName: string): number {
  if (node.unschedulable) return 0;
  return Math.max(0, (node.allocatable[resourceName] ?? 0) - (node.inUse[resourceName] ?? 0));
}

interface Candidate extends NodeConfigChange {
  gain: number;
}

/** The best config for a group of identical nodes (same model, GPU count, config file). */
function bestConfigFor(
  node: GpuNodeView,
  config: MigPartedConfigFile,
  request: ResolvedRequest,
  strategy: MigStrategy,
): { toConfig: string; offered: number; resources: Record<string, number> } | undefined {
  const model = node.model;
  if (!model) return undefined;
  if (request.profile && !findProfile(model, request.profile)) return undefined;
  let best:
    | { toConfig: string; offered: number; resources: Record<string, number>; lost: number }
    | undefined;
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
      })),
    });
    const resources = prediction.advertisement?.resources;
    if (!prediction.applicable || !resources || prediction.advertisement?.invalid) continue;
    if (strategy === 'single' && request.profile) {
      const product = prediction.advertisement?.labels['nvidia.com/gpu.product'] ?? '';
      const single = parseGpuProduct(product).singleStrategyProfile;
      if (!single || profileNameFromDottedForm(single) !== request.profile) continue;
    }
    const offered = resources[request.resourceName] ?? 0;
    if (offered === 0) continue;
    const lost = Object.entries(node.allocatable)
      .filter(([name]) => name !== request.resourceName)
      .reduce((sum, [name, value]) => sum + Math.max(0, value - (resources[name] ?? 0)), 0);
    if (
      !best ||
      offered > best.offered ||
      (offered === best.offered && lost < best.lost) ||
      (offered === best.offered && lost === best.lost && configName < best.toConfig)
    ) {
      best = { toConfig: configName, offered, resources, lost };
    }
  }
  return best;
}

function describeChanges(changes: NodeConfigChange[], request: ResolvedRequest): string {
  return changes
    .map((change) => {
      const drain = change.disruptive
        ? ` (drain its ${change.gpuPods} GPU pod${change.gpuPods === 1 ? '' : 's'} first)`
        : '';
      return `label ${change.node} nvidia.com/mig.config=${change.toConfig} for ${change.offeredAfter} × ${request.resourceName}${drain}`;
    })
    .join('; ');
}

/**
 * Can `count` × the profile (or resource) be had now, and if not, which config changes would make
 * it so. `configSources` gives each node's config file (see `resolveMigConfigSources`).
 */
export function planProfileRequest(
  nodeViews: GpuNodeView[],
  profileOrResource: string,
  count: number,
  strategy: MigStrategy | undefined,
  configSources?: ConfigSourceLookup,
): ProfileRequestPlan {
  const request = resolveRequest(profileOrResource, strategy);
  const requested = Number.isInteger(count) && count > 0 ? count : 0;
  const issues = [...request.issues];
  if (requested === 0) issues.push({ kind: 'bad-count', got: safeText(count) });
  const problems = issues.map(profileRequestIssueMessage);
  const nodes = (Array.isArray(nodeViews) ? nodeViews : [])
    .filter((node) => nodeServesProfile(node, request.profile, strategy))
    .map((node) => ({ name: node.name, free: freeOn(node, request.resourceName) }))
    .filter((node) => node.free > 0)
    .sort((a, b) => b.free - a.free || a.name.localeCompare(b.name));
  const totalFree = nodes.reduce((sum, node) => sum + node.free, 0);
  const plan: ProfileRequestPlan = {
    resourceName: request.resourceName,
    requested,
    satisfiable: problems.length === 0 && totalFree >= requested,
    fitsOnOneNode: problems.length === 0 && (nodes[0]?.free ?? 0) >= requested,
    totalFree,
    nodes,
    problems,
    issues,
  };
  if (request.profile) plan.profile = request.profile;
  if (plan.satisfiable || problems.length > 0 || !configSources || !strategy) return plan;

  // Candidates: every node that could offer more of the resource after a config change. Identical
  // nodes (model, GPU count, config file, current config) are predicted once.
  const deficit = requested - totalFree;
  const groupBest = new Map<string, ReturnType<typeof bestConfigFor>>();
  const candidates: Candidate[] = [];
  for (const node of nodeViews) {
    if (!node.model || node.unschedulable) continue;
    const config = configSources.forNode(node.name).config;
    if (!config) continue;
    const key = `${node.model.id}|${node.gpuCount}|${node.migConfig ?? ''}|${listConfigNames(config).join(',')}`;
    if (!groupBest.has(key)) groupBest.set(key, bestConfigFor(node, config, request, strategy));
    const best = groupBest.get(key);
    if (!best) continue;
    const freeNow = freeOn(node, request.resourceName);
    // Pods holding the requested resource keep it only if the change succeeds around them, which
    // it does not: count the gain against today's free instances.
    const gain = best.offered - freeNow - (node.inUse[request.resourceName] ?? 0);
    if (gain <= 0) continue;
    const gpuPods = node.pods.length;
    const lost: Record<string, number> = {};
    for (const [name, value] of Object.entries(node.allocatable)) {
      const after = best.resources[name] ?? 0;
      if (name !== request.resourceName && value > after) lost[name] = value - after;
    }
    const change: Candidate = {
      node: node.name,
      toConfig: best.toConfig,
      offeredAfter: best.offered,
      freeNow,
      lost,
      disruptive: gpuPods > 0,
      gpuPods,
      gain,
    };
    if (node.migConfig) change.fromConfig = node.migConfig;
    candidates.push(change);
  }
  // Fewest nodes: largest gain first. Least disruption: idle nodes first when they suffice.
  const byGain = (a: Candidate, b: Candidate) => b.gain - a.gain || a.node.localeCompare(b.node);
  const idle = candidates.filter((candidate) => !candidate.disruptive).sort(byGain);
  const idleGain = idle.reduce((sum, candidate) => sum + candidate.gain, 0);
  const pool =
    idleGain >= deficit
      ? idle
      : [...idle, ...candidates.filter((candidate) => candidate.disruptive).sort(byGain)];
  const chosen: Candidate[] = [];
  let covered = 0;
  for (const candidate of pool) {
    if (covered >= deficit) break;
    chosen.push(candidate);
    covered += candidate.gain;
  }
  if (chosen.length === 0) return plan;
  const changes = chosen.map(({ gain: _gain, ...change }) => change);
  const sufficient = covered >= deficit;
  plan.suggestion = {
    changes,
    sufficient,
    summary: `${sufficient ? 'To get' : 'Closest to'} ${requested} × ${request.resourceName} (${totalFree} free now): ${describeChanges(changes, request)}. Placements are predicted from the config; each change restarts the GPU operands on that node.`,
  };
  return plan;
}
