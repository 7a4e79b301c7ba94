import * as React from 'react';
import type { ClusterMigConfigSources, ResolvedMigConfigSource } from '../cluster/configSource';
import { waitingGpuPods, type WaitingGpuPod } from '../cluster/availability';
import type { DataError } from '../cluster/errors';
import { readGpuLabels } from '../cluster/labels';
import type { NodeKind, PodKind } from '../cluster/models';
import { buildGpuNodeView } from '../cluster/nodeView';
import { groupGpuPodsByNode } from '../cluster/pods';
import { migStateHistory } from '../cluster/stateHistory';
import { summarizeCluster } from '../cluster/summary';
import type { ClusterGpuSummary, GpuNodeView, GpuPodUsage } from '../cluster/types';
import type { MigStrategy } from '../geometry/types';
import { useClusterPolicy, type ClusterPolicyResult } from './useClusterPolicy';
import { useGpuNodes } from './useGpuNodes';
import { useGpuPods, type PodVisibility } from './useGpuPods';
import { useMigConfigSource } from './useMigConfigSource';
import { useNow } from './useNow';

export interface GpuNodeViewsResult {
  nodes: GpuNodeView[];
  summary: ClusterGpuSummary;
  /** From the ClusterPolicy; undefined when none could be read. */
  strategy?: MigStrategy;
  configSource: ClusterMigConfigSources;
  clusterPolicy: ClusterPolicyResult;
  /** False when the ClusterPolicy CRD is missing; undefined until known. */
  operatorInstalled?: boolean;
  /** False when pods could not be read: "in use" and "free" then assume no pod holds anything. */
  podsAvailable: boolean;
  /** Whose pods `inUse` counts: everyone's, or only the user's own namespaces (`useGpuPods`). */
  podVisibility: PodVisibility;
  /** Pods no node has taken yet that ask for GPU resources. */
  waitingPods: WaitingGpuPod[];
  loaded: boolean;
  /** The error that blocks the page (nodes unreadable), if any. */
  error?: DataError;
  /** Every error met (nodes, pods, ClusterPolicy, ConfigMaps), for inline warnings. */
  errors: DataError[];
  /** True when any read was forbidden; each error says which ClusterRole would allow it. */
  forbidden: boolean;
}

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;
function objectId(value: object): number {
  let id = objectIds.get(value);
  if (id === undefined) {
    id = nextObjectId;
    nextObjectId += 1;
    objectIds.set(value, id);
  }
  return id;
}

function podsKey(pods: GpuPodUsage[] | undefined): string {
  if (!pods) return '';
  return pods
    .map((pod) => `${pod.namespace}/${pod.name}:${pod.phase}:${JSON.stringify(pod.resources)}`)
    .join(',');
}

interface CachedView {
  key: string;
  view: GpuNodeView;
}

/**
 * Builds node views, reusing the previous view of a node while its inputs are unchanged (same
 * resourceVersion, same GPU pods, same config source and strategy): a 1,000-node refresh rebuilds
 * only the nodes that changed.
 */
export function useNodeViewCache(
  nodes: NodeKind[],
  pods: PodKind[],
  strategy: MigStrategy | undefined,
  sources: ClusterMigConfigSources,
  now: Date,
): GpuNodeView[] {
  const cache = React.useRef(new Map<string, CachedView>());
  const podsByNode = React.useMemo(() => groupGpuPodsByNode(pods), [pods]);
  const minute = Math.floor(now.getTime() / 60_000);
  const views = React.useMemo(() => {
    const next = new Map<string, CachedView>();
    const result: GpuNodeView[] = [];
    for (const node of nodes) {
      if (!node || typeof node !== 'object') continue;
      const name = node.metadata?.name ?? '';
      const nodePods = podsByNode.get(name) ?? [];
      const source: ResolvedMigConfigSource = sources.forNode(name);
      const state = readGpuLabels(node).values.migConfigState;
      const firstSeenPending =
        state === 'pending'
          ? (migStateHistory.pendingSince(name) ?? new Date(minute * 60_000).toISOString())
          : undefined;
      const key = [
        node.metadata?.resourceVersion ?? `object${objectId(node)}`,
        podsKey(nodePods),
        // By content: a new ConfigMap list or policy object with the same config text keeps the view.
        `${source.config ? objectId(source.config) : 'none'}|${JSON.stringify(source.view)}`,
        strategy ?? '',
        state === 'pending' ? `${minute}|${firstSeenPending ?? ''}` : '',
      ].join('\u0000');
      const cached = cache.current.get(name);
      const view =
        cached && cached.key === key
          ? cached.view
          : buildGpuNodeView({
              node,
              pods: nodePods,
              ...(strategy ? { strategy } : {}),
              configSource: source,
              now: new Date(minute * 60_000),
              ...(firstSeenPending ? { firstSeenPending } : {}),
            });
      next.set(name, { key, view });
      result.push(view);
    }
    cache.current = next;
    return result.sort((a, b) => a.name.localeCompare(b.name));
  }, [nodes, podsByNode, strategy, sources, minute]);

  // Record state transitions after render (the store notifies subscribers).
  React.useEffect(() => {
    const observedAt = new Date();
    for (const view of views) {
      migStateHistory.observe(view.name, view.migConfigState, view.migConfig, observedAt);
    }
  }, [views]);
  return views;
}

/** Everything the overview needs, combined and memoised. */
export const useGpuNodeViews = (): GpuNodeViewsResult => {
  const nodes = useGpuNodes();
  const pods = useGpuPods();
  const clusterPolicy = useClusterPolicy();
  const { sources, loaded: sourcesLoaded } = useMigConfigSource(clusterPolicy.clusterPolicy);
  const now = useNow();
  const views = useNodeViewCache(nodes.data, pods.data, clusterPolicy.strategy, sources, now);
  const summary = React.useMemo(
    () => summarizeCluster(views, clusterPolicy.strategy),
    [views, clusterPolicy.strategy],
  );
  const waitingPods = React.useMemo(() => waitingGpuPods(pods.data), [pods.data]);
  return React.useMemo(() => {
    const errors = [nodes.error, pods.error, clusterPolicy.error, sources.error].filter(
      (error): error is DataError => error !== undefined,
    );
    const result: GpuNodeViewsResult = {
      nodes: views,
      summary,
      configSource: sources,
      clusterPolicy,
      podsAvailable: pods.error === undefined,
      podVisibility: pods.visibility,
      waitingPods,
      // Pods and ConfigMaps are optional: the page renders without them and says so.
      loaded:
        (nodes.loaded || nodes.error !== undefined) &&
        clusterPolicy.loaded &&
        (pods.loaded || pods.error !== undefined) &&
        sourcesLoaded,
      errors,
      forbidden: errors.some((error) => error.kind === 'forbidden'),
    };
    if (clusterPolicy.strategy) result.strategy = clusterPolicy.strategy;
    if (clusterPolicy.operatorInstalled !== undefined) {
      result.operatorInstalled = clusterPolicy.operatorInstalled;
    }
    if (nodes.error) result.error = nodes.error;
    return result;
  }, [views, summary, sources, clusterPolicy, nodes, pods, sourcesLoaded, waitingPods]);
};
