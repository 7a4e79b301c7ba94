/**
 * Which pods hold GPU resources, and how many. A pod counts when it is scheduled
 * (`spec.nodeName`), not finished (phase not Succeeded/Failed) and asks for `nvidia.com/gpu` or
 * `nvidia.com/mig-*`. The effective request follows the scheduler's rule: app containers (and
 * sidecar init containers) add up; a plain init container runs alone, so the pod needs the
 * larger of the two.
 */
import { GPU_RESOURCE, MIG_RESOURCE_PREFIX } from '../geometry/naming';
import type { ContainerKind, PodKind } from './models';
import { parseCount } from './quantities';
import type { GpuPodUsage, PodResourceIssue } from './types';

/** `nvidia.com/gpu` or `nvidia.com/mig-…` (the only resources a MIG layout serves). */
export function isGpuResourceName(name: string): boolean {
  return name === GPU_RESOURCE || name.startsWith(MIG_RESOURCE_PREFIX);
}

const FINISHED_PHASES = new Set(['Succeeded', 'Failed']);

function containerGpuRequests(
  container: ContainerKind | undefined,
  where: Pick<PodResourceIssue, 'container' | 'init'>,
  issues: PodResourceIssue[],
): Record<string, number> {
  const result: Record<string, number> = {};
  const resources = container?.resources;
  if (!resources || typeof resources !== 'object') return result;
  const requests = (resources.requests ?? {}) as Record<string, unknown>;
  const limits = (resources.limits ?? {}) as Record<string, unknown>;
  const names = new Set([...Object.keys(requests), ...Object.keys(limits)]);
  for (const name of names) {
    if (!isGpuResourceName(name)) continue;
    // Extended resources cannot be overcommitted: a limit alone implies the same request.
    const raw = requests[name] ?? limits[name];
    const parsed = parseCount(raw);
    if (parsed.value === undefined) {
      issues.push({
        ...where,
        resource: name,
        ...(parsed.issue ? { quantity: parsed.issue } : {}),
      });
    } else if (parsed.value > 0) {
      result[name] = parsed.value;
    }
  }
  return result;
}

function addInto(target: Record<string, number>, source: Record<string, number>): void {
  for (const [name, value] of Object.entries(source)) target[name] = (target[name] ?? 0) + value;
}

function maxInto(target: Record<string, number>, source: Record<string, number>): void {
  for (const [name, value] of Object.entries(source)) {
    target[name] = Math.max(target[name] ?? 0, value);
  }
}

function containerList(value: unknown): ContainerKind[] {
  return Array.isArray(value) ? (value as ContainerKind[]) : [];
}

/** The GPU resources a pod's containers ask for, whatever its state. Never throws. */
export function podGpuRequests(pod: PodKind | undefined | null): {
  resources: Record<string, number>;
  issues: PodResourceIssue[];
} {
  const issues: PodResourceIssue[] = [];
  const running: Record<string, number> = {};
  const initPeak: Record<string, number> = {};
  const sidecars: Record<string, number> = {};
  containerList(pod?.spec?.initContainers).forEach((container, index) => {
    const where = { container: container?.name ?? `#${index}`, init: true };
    const requests = containerGpuRequests(container, where, issues);
    if (container?.restartPolicy === 'Always') {
      // A sidecar keeps running beside everything started after it.
      addInto(sidecars, requests);
    } else {
      const peak = { ...sidecars };
      addInto(peak, requests);
      maxInto(initPeak, peak);
    }
  });
  containerList(pod?.spec?.containers).forEach((container, index) => {
    addInto(
      running,
      containerGpuRequests(
        container,
        { container: container?.name ?? `#${index}`, init: false },
        issues,
      ),
    );
  });
  addInto(running, sidecars);
  maxInto(running, initPeak);
  return { resources: running, issues };
}

/**
 * The pod's hold on GPU resources: undefined when it is not scheduled, finished, or asks for no
 * GPU resource.
 */
export function gpuPodUsage(pod: PodKind | undefined | null): GpuPodUsage | undefined {
  if (!pod || typeof pod !== 'object') return undefined;
  const nodeName = pod.spec?.nodeName;
  if (typeof nodeName !== 'string' || nodeName === '') return undefined;
  const phase = typeof pod.status?.phase === 'string' ? pod.status.phase : 'Unknown';
  if (FINISHED_PHASES.has(phase)) return undefined;
  const { resources, issues } = podGpuRequests(pod);
  if (Object.keys(resources).length === 0 && issues.length === 0) return undefined;
  const usage: GpuPodUsage = {
    name: pod.metadata?.name ?? '(unnamed pod)',
    namespace: pod.metadata?.namespace ?? '',
    nodeName,
    phase,
    resources,
  };
  const owners = pod.metadata?.ownerReferences;
  const owner = Array.isArray(owners)
    ? (owners.find((reference) => reference?.controller) ?? owners[0])
    : undefined;
  if (owner && typeof owner.kind === 'string' && typeof owner.name === 'string') {
    usage.owner = { kind: owner.kind, name: owner.name };
  }
  if (issues.length > 0) usage.issues = issues;
  if (pod.metadata?.creationTimestamp) usage.createdAt = pod.metadata.creationTimestamp;
  return usage;
}

/** GPU pods grouped by node name, each list sorted by creation time then name (stable). */
export function groupGpuPodsByNode(pods: PodKind[] | undefined): Map<string, GpuPodUsage[]> {
  const byNode = new Map<string, GpuPodUsage[]>();
  for (const pod of Array.isArray(pods) ? pods : []) {
    const usage = gpuPodUsage(pod);
    if (!usage) continue;
    const list = byNode.get(usage.nodeName) ?? [];
    list.push(usage);
    byNode.set(usage.nodeName, list);
  }
  for (const list of byNode.values()) list.sort(comparePods);
  return byNode;
}

interface CachedUsage {
  resourceVersion: unknown;
  usage: GpuPodUsage | undefined;
}

// Per pod object: the console hands out the same object while the pod is unchanged. The
// resourceVersion guards against an object changed in place.
const usageByPod = new WeakMap<object, CachedUsage>();

function cachedGpuPodUsage(pod: PodKind | undefined | null): GpuPodUsage | undefined {
  if (!pod || typeof pod !== 'object') return undefined;
  const resourceVersion = pod.metadata?.resourceVersion;
  const cached = usageByPod.get(pod);
  if (cached && cached.resourceVersion === resourceVersion) return cached.usage;
  const usage = gpuPodUsage(pod);
  usageByPod.set(pod, { resourceVersion, usage });
  return usage;
}

const usageKeys = new WeakMap<GpuPodUsage, string>();
const usageKey = (usage: GpuPodUsage): string => {
  let key = usageKeys.get(usage);
  if (key === undefined) {
    key = JSON.stringify(usage);
    usageKeys.set(usage, key);
  }
  return key;
};

const samePodLists = (a: GpuPodUsage[], b: GpuPodUsage[]): boolean =>
  a.length === b.length &&
  a.every((pod, index) => pod === b[index] || usageKey(pod) === usageKey(b[index]));

/**
 * `groupGpuPodsByNode` for a list that changes a little at a time (a watch): each pod is read once
 * per version, a node's list keeps its identity while its GPU pods are the same, and the whole
 * map keeps its identity when no GPU pod changed. A list that grew by a page, or had a few pods
 * replaced in place (the console keeps each pod's position), costs what changed, not 9,000 pods.
 * A grouping per watched list.
 */
export class GpuPodGrouping {
  private pods: readonly PodKind[] = [];
  private byNode = new Map<string, GpuPodUsage[]>();

  group(pods: readonly PodKind[] | undefined): ReadonlyMap<string, GpuPodUsage[]> {
    const list = Array.isArray(pods) ? (pods as readonly PodKind[]) : [];
    if (list === this.pods) return this.byNode;
    const next = this.patched(list) ?? this.regrouped(list);
    this.pods = list;
    this.byNode = next;
    return next;
  }

  /** Every pod read again (from the cache): the first list, or one that changed too much. */
  private regrouped(pods: readonly PodKind[]): Map<string, GpuPodUsage[]> {
    const next = new Map<string, GpuPodUsage[]>();
    for (const pod of pods) {
      const usage = cachedGpuPodUsage(pod);
      if (!usage) continue;
      const list = next.get(usage.nodeName);
      if (list) list.push(usage);
      else next.set(usage.nodeName, [usage]);
    }
    for (const [nodeName, list] of next) {
      list.sort(comparePods);
      const previous = this.byNode.get(nodeName);
      if (previous && samePodLists(previous, list)) next.set(nodeName, previous);
    }
    return next;
  }

  /**
   * The previous grouping with the pods at changed positions swapped, or undefined when the
   * lists differ in too many places (a deletion shifts every later pod) to be worth it.
   */
  private patched(pods: readonly PodKind[]): Map<string, GpuPodUsage[]> | undefined {
    const previous = this.pods;
    if (previous.length === 0) return undefined;
    const removed: GpuPodUsage[] = [];
    const added: GpuPodUsage[] = [];
    const limit = Math.max(MAX_PATCHED_PODS, pods.length - previous.length);
    let changes = 0;
    const longest = Math.max(previous.length, pods.length);
    for (let index = 0; index < longest; index++) {
      const before = previous[index];
      const after = pods[index];
      if (before === after) continue;
      if (++changes > limit) return undefined;
      const gone = index < previous.length ? cachedGpuPodUsage(before) : undefined;
      const come = index < pods.length ? cachedGpuPodUsage(after) : undefined;
      if (gone) removed.push(gone);
      if (come) added.push(come);
    }
    if (removed.length === 0 && added.length === 0) return this.byNode;
    const next = new Map(this.byNode);
    const touched = new Set([...removed, ...added].map((usage) => usage.nodeName));
    for (const nodeName of touched) {
      const current = next.get(nodeName) ?? [];
      const kept = current.filter((usage) => !removed.includes(usage));
      // A pod changed in place under the same object: its old reading is not in the list.
      const gone = removed.filter((usage) => usage.nodeName === nodeName);
      if (current.length - kept.length !== gone.length) return undefined;
      const list = [...kept, ...added.filter((usage) => usage.nodeName === nodeName)];
      list.sort(comparePods);
      if (list.length === 0) next.delete(nodeName);
      else next.set(nodeName, samePodLists(current, list) ? current : list);
    }
    return next;
  }
}

/** Beyond this many pods changed in place, regrouping the whole list is as cheap. */
const MAX_PATCHED_PODS = 256;

/** Oldest first, then namespace/name: the order used to assign pods to predicted instances. */
export function comparePods(a: GpuPodUsage, b: GpuPodUsage): number {
  const byTime = (a.createdAt ?? '').localeCompare(b.createdAt ?? '');
  if (byTime !== 0) return byTime;
  return `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`);
}

/** Sum of resources over pods. */
export function sumPodResources(pods: GpuPodUsage[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const pod of pods) addInto(total, pod.resources);
  return total;
}
