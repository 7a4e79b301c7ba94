import * as React from 'react';
import type { ClusterMigConfigSources } from '../cluster/configSource';
import { waitingGpuPods, type WaitingGpuPod } from '../cluster/availability';
import type { DataError } from '../cluster/errors';
import type { NodeKind, PodKind } from '../cluster/models';
import { NodeViewIndex, type NodeViews } from '../cluster/nodeViewIndex';
import { migStateHistory } from '../cluster/stateHistory';
import type { ClusterGpuSummary, GpuNodeView } from '../cluster/types';
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

/**
 * A batch of views larger than this is built in slices of about `SLICE_BUDGET_MS`, each in its own
 * task, so the page stays responsive while 1,000 nodes arrive or change at once.
 */
const SLICE_MIN_BUILDS = 100;
const SLICE_BUDGET_MS = 25;

const NO_WAITING_PODS: WaitingGpuPod[] = [];

const firstSeenPending = (nodeName: string) => migStateHistory.pendingSince(nodeName);

/**
 * Node views and their summary from the watched lists, through a `NodeViewIndex` kept for the
 * component's life: an update rebuilds only the nodes whose inputs changed, and keeps the views
 * array and summary objects when nothing did. With `slices`, a large batch is built over several
 * renders (the rest of the nodes keep their previous view meanwhile); `complete` says when none
 * is left.
 */
export function useNodeViewIndex(
  nodes: NodeKind[],
  pods: PodKind[],
  strategy: MigStrategy | undefined,
  sources: ClusterMigConfigSources,
  now: Date,
  { slices = false }: { slices?: boolean } = {},
): NodeViews & { complete: boolean } {
  const index = React.useRef<NodeViewIndex>();
  index.current ??= new NodeViewIndex();
  const [, continueBuilding] = React.useReducer((count: number) => count + 1, 0);
  const result = index.current.update(
    { nodes, pods, ...(strategy ? { strategy } : {}), sources, now, firstSeenPending },
    slices ? { deadline: performance.now() + SLICE_BUDGET_MS, minBuilds: SLICE_MIN_BUILDS } : {},
  );
  const complete = result.outdated === 0 && result.missing === 0;
  React.useEffect(() => {
    if (complete) return undefined;
    // A task of its own: the browser paints and handles input between slices.
    const timer = setTimeout(continueBuilding, 0);
    return () => clearTimeout(timer);
  }, [result, complete]);

  // Record state transitions after render (the store notifies subscribers).
  const { views } = result;
  React.useEffect(() => {
    const observedAt = new Date();
    for (const view of views) {
      migStateHistory.observe(view.name, view.migConfigState, view.migConfig, observedAt);
    }
  }, [views]);
  return React.useMemo(() => ({ ...result, complete }), [result, complete]);
}

/** The views of the given nodes (one node for the node tab), sorted by name. */
export function useNodeViewCache(
  nodes: NodeKind[],
  pods: PodKind[],
  strategy: MigStrategy | undefined,
  sources: ClusterMigConfigSources,
  now: Date,
): GpuNodeView[] {
  return useNodeViewIndex(nodes, pods, strategy, sources, now).views;
}

/** Everything the overview needs, combined and memoised. */
export const useGpuNodeViews = (): GpuNodeViewsResult => {
  const nodes = useGpuNodes();
  const pods = useGpuPods();
  const clusterPolicy = useClusterPolicy();
  const { sources, loaded: sourcesLoaded } = useMigConfigSource(clusterPolicy.clusterPolicy);
  const now = useNow();
  const { views, summary, complete } = useNodeViewIndex(
    nodes.data,
    pods.data,
    clusterPolicy.strategy,
    sources,
    now,
    { slices: true },
  );
  // Until the first build is complete (in slices on a large cluster) the page shows it loading,
  // not a part of the fleet; later batches update the views in place.
  const wasComplete = React.useRef(false);
  if (complete) wasComplete.current = true;
  const viewsReady = wasComplete.current;
  // The same list while its pods are the same: every page or event of the pod list gives new
  // objects, and the cards that plan for waiting pods (make room) recompute on a new list.
  const lastWaiting = React.useRef<{ list: WaitingGpuPod[]; text: string }>({
    list: NO_WAITING_PODS,
    text: '[]',
  });
  const waitingPods = React.useMemo(() => {
    const waiting = waitingGpuPods(pods.data);
    const text = JSON.stringify(waiting);
    if (text !== lastWaiting.current.text) lastWaiting.current = { list: waiting, text };
    return lastWaiting.current.list;
  }, [pods.data]);
  // The parts the result is made of, not the watch answers: a page of pods that changes no view
  // must not re-render the page.
  const { error: nodesError, loaded: nodesLoaded } = nodes;
  const { error: podsError, loaded: podsLoaded, visibility } = pods;
  return React.useMemo(() => {
    const errors = [nodesError, podsError, clusterPolicy.error, sources.error].filter(
      (error): error is DataError => error !== undefined,
    );
    const result: GpuNodeViewsResult = {
      nodes: views,
      summary,
      configSource: sources,
      clusterPolicy,
      podsAvailable: podsError === undefined,
      podVisibility: visibility,
      waitingPods,
      // Pods and ConfigMaps are optional: the page renders without them and says so.
      loaded:
        (nodesLoaded || nodesError !== undefined) &&
        clusterPolicy.loaded &&
        (podsLoaded || podsError !== undefined) &&
        sourcesLoaded &&
        viewsReady,
      errors,
      forbidden: errors.some((error) => error.kind === 'forbidden'),
    };
    if (clusterPolicy.strategy) result.strategy = clusterPolicy.strategy;
    if (clusterPolicy.operatorInstalled !== undefined) {
      result.operatorInstalled = clusterPolicy.operatorInstalled;
    }
    if (nodesError) result.error = nodesError;
    return result;
  }, [
    views,
    summary,
    sources,
    clusterPolicy,
    nodesError,
    nodesLoaded,
    podsError,
    podsLoaded,
    visibility,
    sourcesLoaded,
    waitingPods,
    viewsReady,
  ]);
};
