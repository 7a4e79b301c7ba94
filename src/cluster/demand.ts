/**
 * Why pods wait for GPUs. The pods no node has taken (`waitingGpuPods`) add up to a demand per
 * resource ("2 pods wait for 3g.40gb"); each gets our reading of why it waits, as data the UI
 * words, beside the scheduler's own message: the strategy advertises other names, no GPU model
 * here makes that profile, only cordoned / failed / changing nodes have it, it is all in use, no
 * config in place offers it, or pods that waited longer take what is free. Pods are tried oldest
 * first, each on the node it fits tightest, on what the nodes that can take a pod have free.
 */
import { findProfile, shortModelName } from '../geometry/catalog';
import { GPU_RESOURCE, parseMigResourceName, parseProfileName } from '../geometry/naming';
import type { GpuModel, MigStrategy } from '../geometry/types';
import { freeOn, type NodeLeftOut, unavailableBecause, type WaitingGpuPod } from './availability';
import type { GpuNodeView, PodResourceIssue } from './types';

/** What the waiting pods ask for, per resource. */
export interface ResourceDemand {
  resourceName: string;
  /** The MIG profile of a `nvidia.com/mig-*` resource. */
  profile?: string;
  /** Pods asking for it. */
  pods: number;
  /** Instances they ask for in all. */
  instances: number;
}

/** Why a pod waits, as we read the cluster (the scheduler's message is kept beside it). */
export type WaitReason =
  /** A GPU request is not a count: the scheduler cannot place it as written. */
  | { kind: 'unreadable-request'; issues: PodResourceIssue[] }
  /** A MIG resource under strategy `none`: no node advertises MIG resources at all. */
  | { kind: 'mig-under-strategy-none'; resourceName: string }
  /** A mixed-strategy name under `single`, which advertises every MIG device as `nvidia.com/gpu`. */
  | { kind: 'mig-name-under-single'; resourceName: string; profile: string }
  /** `nvidia.com/gpu` under `mixed` while every GPU is MIG-partitioned: no whole GPU is offered. */
  | { kind: 'whole-gpu-all-partitioned' }
  /**
   * No GPU model in the cluster makes the profile (`profile` absent: not a profile name).
   * `models`: the models here; `similar`: their profiles with as many compute slices.
   */
  | {
      kind: 'profile-not-made-here';
      resourceName: string;
      profile?: string;
      models: string[];
      similar: string[];
    }
  /** A MIG change under way on these nodes will offer it (their config predicts enough). */
  | { kind: 'coming-with-change'; resourceName: string; nodes: string[] }
  /** Only nodes that take no pod now (cordoned, failed, mid-change) have it free. */
  | { kind: 'only-unavailable-nodes'; resourceName: string; nodes: NodeLeftOut[] }
  /** Nodes that can take a pod advertise it, and pods hold all of it. */
  | { kind: 'all-in-use'; resourceName: string; allocatable: number }
  /** No node offers it under the configs in place; a model here can make it (make room). */
  | { kind: 'not-offered'; resourceName: string }
  /** Enough is free in all, but no one node has as many as the pod asks for. */
  | { kind: 'too-many-for-one-node'; resourceName: string; wanted: number; mostOnOneNode: number }
  /** Each resource is free somewhere, but no node has all the pod asks for. */
  | { kind: 'no-node-has-all' }
  /** It is free, but pods that have waited longer take it first (`ahead` of them ask for it). */
  | { kind: 'taken-by-earlier-pods'; resourceName: string; free: number; ahead: number }
  /** It fits, but a scheduling gate keeps the scheduler from trying it (`SchedulingGated`). */
  | { kind: 'scheduling-gated' }
  /**
   * It fits on what is free now: the scheduler has not retried yet, or something else keeps it
   * out (taints, node selectors, other resources: see the scheduler's message).
   */
  | { kind: 'fits-now' };

export interface ExplainedWaitingPod extends WaitingGpuPod {
  reasons: WaitReason[];
}

export interface GpuDemand {
  /** Oldest first. */
  pods: ExplainedWaitingPod[];
  /** Most pods first. */
  byResource: ResourceDemand[];
}

/** `namespace/name`, a waiting pod's key. */
export const podKey = (pod: { namespace: string; name: string }) => `${pod.namespace}/${pod.name}`;

/** Free resources per node, for the resources in `wanted`. */
export type FreeByNode = Map<string, Record<string, number>>;

/** What the nodes that can take a pod have free of the wanted resources (nodes by name). */
export function freeOnAvailableNodes(nodes: GpuNodeView[], wanted: Set<string>): FreeByNode {
  const free: FreeByNode = new Map();
  for (const node of [...nodes].sort((a, b) => a.name.localeCompare(b.name))) {
    if (unavailableBecause(node)) continue;
    const resources: Record<string, number> = {};
    for (const resource of wanted) {
      const count = freeOn(node, resource);
      if (count > 0) resources[resource] = count;
    }
    if (Object.keys(resources).length > 0) free.set(node.name, resources);
  }
  return free;
}

/**
 * Which pods get a node, trying them in order (oldest first) on the node they fit tightest (the
 * least left over; the first by name on a tie). The tightest fit keeps larger gaps for later pods,
 * and makes the answer the same whichever of two alike nodes a change goes to. `free` is left as
 * it is. Pods with unreadable requests never get a node.
 */
export function placePods(pods: WaitingGpuPod[], free: FreeByNode): Map<string, string> {
  // What the pods placed so far take, per node: `free` is read, never copied (1,000 nodes).
  const taken = new Map<string, Record<string, number>>();
  const placed = new Map<string, string>();
  // The nodes with some of each resource free: a pod is tried only where its first one is.
  const offering = new Map<string, Array<[string, Record<string, number>]>>();
  for (const entry of free) {
    for (const resource of Object.keys(entry[1])) {
      const list = offering.get(resource);
      if (list) list.push(entry);
      else offering.set(resource, [entry]);
    }
  }
  for (const pod of pods) {
    if (pod.issues?.length) continue;
    const asked = Object.entries(pod.resources);
    if (asked.length === 0) continue;
    let best: string | undefined;
    let bestLeft = Infinity;
    for (const [node, counts] of offering.get(asked[0][0]) ?? []) {
      const used = taken.get(node);
      let left = 0;
      for (const [resource, count] of asked) {
        const have = (counts[resource] ?? 0) - (used?.[resource] ?? 0);
        left = have < count ? -1 : left + have - count;
        if (left < 0) break;
      }
      if (left < 0) continue;
      if (left < bestLeft || (left === bestLeft && best !== undefined && node < best)) {
        best = node;
        bestLeft = left;
      }
    }
    if (best === undefined) continue;
    const used = taken.get(best) ?? {};
    for (const [resource, count] of asked) used[resource] = (used[resource] ?? 0) + count;
    taken.set(best, used);
    placed.set(podKey(pod), best);
  }
  return placed;
}

/** Every resource the pods ask for. */
export function wantedResources(pods: WaitingGpuPod[]): Set<string> {
  return new Set(pods.flatMap((pod) => Object.keys(pod.resources)));
}

function demandByResource(pods: WaitingGpuPod[]): ResourceDemand[] {
  const byResource = new Map<string, ResourceDemand>();
  for (const pod of pods) {
    for (const [resourceName, count] of Object.entries(pod.resources)) {
      const entry = byResource.get(resourceName) ?? { resourceName, pods: 0, instances: 0 };
      const profile = parseMigResourceName(resourceName);
      if (profile) entry.profile = profile;
      entry.pods += 1;
      entry.instances += count;
      byResource.set(resourceName, entry);
    }
  }
  return [...byResource.values()].sort(
    (a, b) => b.pods - a.pods || a.resourceName.localeCompare(b.resourceName),
  );
}

interface ClusterFacts {
  nodes: GpuNodeView[];
  strategy?: MigStrategy;
  models: GpuModel[];
  initialFree: FreeByNode;
}

const most = (free: FreeByNode, resource: string) =>
  Math.max(0, ...[...free.values()].map((counts) => counts[resource] ?? 0));
const total = (free: FreeByNode, resource: string) =>
  [...free.values()].reduce((sum, counts) => sum + (counts[resource] ?? 0), 0);

/** Why the cluster cannot serve `resourceName` at all as it is named, or undefined. */
function namingReason(facts: ClusterFacts, resourceName: string): WaitReason | undefined {
  const { strategy, models, nodes } = facts;
  if (resourceName === GPU_RESOURCE) {
    const wholeGpus = nodes.reduce((sum, node) => sum + (node.allocatable[GPU_RESOURCE] ?? 0), 0);
    const partitioned = nodes.some((node) => node.gpus.some((gpu) => gpu.migEnabled));
    return strategy === 'mixed' && wholeGpus === 0 && partitioned
      ? { kind: 'whole-gpu-all-partitioned' }
      : undefined;
  }
  const profile = parseMigResourceName(resourceName);
  if (profile && strategy === 'none') return { kind: 'mig-under-strategy-none', resourceName };
  if (profile && strategy === 'single') {
    return { kind: 'mig-name-under-single', resourceName, profile };
  }
  if (profile && models.some((model) => findProfile(model, profile))) return undefined;
  const slices = profile ? parseProfileName(profile)?.computeSlices : undefined;
  const similar = models
    .flatMap((model) => model.profiles)
    .filter((candidate) => slices !== undefined && candidate.computeSlices === slices)
    .map((candidate) => candidate.name);
  return {
    kind: 'profile-not-made-here',
    resourceName,
    ...(profile ? { profile } : {}),
    models: models.map(shortModelName),
    similar: [...new Set(similar)].sort(),
  };
}

/** Why `count` × `resourceName` is short for a pod, given what earlier pods left (`left`). */
function shortageReason(
  facts: ClusterFacts,
  resourceName: string,
  count: number,
  left: FreeByNode,
  ahead: number,
): WaitReason | undefined {
  if (most(left, resourceName) >= count) return undefined;
  const named = namingReason(facts, resourceName);
  if (named) return named;
  const { initialFree, nodes } = facts;
  if (most(initialFree, resourceName) >= count) {
    return {
      kind: 'taken-by-earlier-pods',
      resourceName,
      free: total(initialFree, resourceName),
      ahead,
    };
  }
  if (total(initialFree, resourceName) >= count) {
    return {
      kind: 'too-many-for-one-node',
      resourceName,
      wanted: count,
      mostOnOneNode: most(initialFree, resourceName),
    };
  }
  const coming = nodes
    .filter(
      (node) =>
        unavailableBecause(node) === 'changing' &&
        (node.expected?.[resourceName] ?? 0) - (node.inUse[resourceName] ?? 0) >= count,
    )
    .map((node) => node.name);
  if (coming.length > 0) return { kind: 'coming-with-change', resourceName, nodes: coming };
  const elsewhere: NodeLeftOut[] = [];
  let allocatable = 0;
  for (const node of nodes) {
    const why = unavailableBecause(node);
    const free = freeOn(node, resourceName);
    if (why && free > 0) elsewhere.push({ name: node.name, why, free });
    if (!why) allocatable += node.allocatable[resourceName] ?? 0;
  }
  if (elsewhere.length > 0)
    return { kind: 'only-unavailable-nodes', resourceName, nodes: elsewhere };
  if (allocatable > 0) return { kind: 'all-in-use', resourceName, allocatable };
  return { kind: 'not-offered', resourceName };
}

/**
 * The demand of the waiting pods and why each waits. `nodes` must count every pod (not a
 * project-scoped view: free counts would be upper bounds).
 */
export function explainGpuDemand(
  nodes: GpuNodeView[],
  strategy: MigStrategy | undefined,
  waiting: WaitingGpuPod[],
): GpuDemand {
  const views = Array.isArray(nodes) ? nodes : [];
  const pods = Array.isArray(waiting) ? waiting : [];
  const byId = new Map<string, GpuModel>();
  for (const node of views) if (node.model) byId.set(node.model.id, node.model);
  const models = [...byId.values()];
  const initialFree = freeOnAvailableNodes(views, wantedResources(pods));
  const facts: ClusterFacts = { nodes: views, strategy, models, initialFree };
  const placed = placePods(pods, initialFree);
  // What each pod finds: the free resources minus what the pods before it took.
  const left: FreeByNode = new Map([...initialFree].map(([node, counts]) => [node, { ...counts }]));
  const explained = pods.map((pod, index) => {
    const node = placed.get(podKey(pod));
    if (node) {
      const counts = left.get(node) ?? {};
      for (const [resource, count] of Object.entries(pod.resources)) counts[resource] -= count;
      // A gated pod is not tried at all, room or not (a queue such as Kueue admits it later).
      const why: WaitReason =
        pod.scheduler?.reason === 'SchedulingGated'
          ? { kind: 'scheduling-gated' }
          : { kind: 'fits-now' };
      return { ...pod, reasons: [why] };
    }
    const reasons: WaitReason[] = [];
    if (pod.issues?.length) reasons.push({ kind: 'unreadable-request', issues: pod.issues });
    for (const [resourceName, count] of Object.entries(pod.resources)) {
      const ahead = pods
        .slice(0, index)
        .filter((earlier) => (earlier.resources[resourceName] ?? 0) > 0).length;
      const reason = shortageReason(facts, resourceName, count, left, ahead);
      if (reason) reasons.push(reason);
    }
    if (reasons.length === 0) reasons.push({ kind: 'no-node-has-all' });
    return { ...pod, reasons };
  });
  return { pods: explained, byResource: demandByResource(pods) };
}
