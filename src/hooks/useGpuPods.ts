import {
  useAccessReview,
  useK8sWatchResource,
  useK8sWatchResources,
} from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { classifyDataError, forbiddenDataError, type DataError } from '../cluster/errors';
import { PodGroupVersionKind, type PodKind } from '../cluster/models';
import type { DataResult } from './types';
import { useUserNamespaces } from './useUserNamespaces';

/**
 * Pods that can hold a GPU: running or about to (the API server drops Succeeded and Failed pods,
 * which are most pods on a batch cluster). The API cannot filter on resource requests, so
 * `gpuPodUsage` picks GPU pods client-side.
 */
export const ACTIVE_POD_FIELD_SELECTOR = 'status.phase!=Succeeded,status.phase!=Failed';

/**
 * Up to this many nodes are watched one by one (`spec.nodeName=<node>`, what the kubelet itself
 * watches): cheap for the node tab. Beyond it, one cluster-wide watch of active pods costs less
 * than hundreds of websockets.
 */
export const PER_NODE_POD_WATCH_LIMIT = 5;

const EMPTY: PodKind[] = [];

function podWatch(nodeName?: string, namespace?: string) {
  return {
    groupVersionKind: PodGroupVersionKind,
    isList: true,
    ...(namespace ? { namespace } : {}),
    fieldSelector: nodeName
      ? `spec.nodeName=${nodeName},${ACTIVE_POD_FIELD_SELECTOR}`
      : ACTIVE_POD_FIELD_SELECTOR,
  };
}

/**
 * Whose pods the data holds: every namespace's, or (for a user who may not list pods
 * cluster-wide) only those of the namespaces listed, the user's own. Slices held by other pods
 * are then unknown, neither in use nor free.
 */
export type PodVisibility = { scope: 'cluster' } | { scope: 'namespaces'; namespaces: string[] };

export interface GpuPodsResult extends DataResult<PodKind[]> {
  visibility: PodVisibility;
}

const CLUSTER: PodVisibility = { scope: 'cluster' };

/**
 * The active pods of the user's own namespaces (projects, the active namespace), when `enabled`;
 * namespaces whose pods the user may not read either are left out of `namespaces`.
 */
const useOwnNamespacePods = (enabled: boolean, nodeNames: string[] | undefined): GpuPodsResult => {
  const user = useUserNamespaces(enabled);
  const key = user.namespaces.join('\n');
  const watches = React.useMemo(() => {
    const result: Record<string, ReturnType<typeof podWatch>> = {};
    // One node (the node tab) keeps its field selector; more are filtered below.
    const nodeName = nodeNames?.length === 1 ? nodeNames[0] : undefined;
    if (key)
      key.split('\n').forEach((namespace) => {
        result[namespace] = podWatch(nodeName, namespace);
      });
    return result;
  }, [key, nodeNames]);
  const results = useK8sWatchResources<Record<string, PodKind[]>>(watches);
  return React.useMemo(() => {
    const readable = Object.keys(watches).filter((namespace) => !results[namespace]?.loadError);
    const wanted = nodeNames ? new Set(nodeNames) : undefined;
    const data = readable
      .flatMap((namespace) => {
        const pods = results[namespace]?.data;
        return Array.isArray(pods) ? pods : EMPTY;
      })
      .filter((pod) => !wanted || wanted.has(pod.spec?.nodeName ?? ''));
    return {
      data: data.length > 0 ? data : EMPTY,
      loaded:
        user.loaded &&
        Object.keys(watches).every(
          (namespace) => results[namespace]?.loaded || results[namespace]?.loadError,
        ),
      visibility: { scope: 'namespaces', namespaces: readable },
    };
  }, [watches, results, nodeNames, user.loaded]);
};

/**
 * Active pods on the given nodes (all nodes when `nodeNames` is undefined). Pods of other nodes
 * are filtered out. `[]` watches nothing. A user who may not list pods cluster-wide gets the pods
 * of their own namespaces instead (`visibility`), with the forbidden error kept.
 */
export const useGpuPods = (nodeNames?: string[]): GpuPodsResult => {
  const [mayListAll, reviewing] = useAccessReview({ group: '', resource: 'pods', verb: 'list' });
  const denied = !reviewing && !mayListAll;
  const clusterWide = useClusterPods(denied ? [] : nodeNames, denied);
  const forbidden = denied || clusterWide.error?.kind === 'forbidden';
  const fallback = useOwnNamespacePods(forbidden, nodeNames);
  if (!forbidden) return { ...clusterWide, visibility: CLUSTER };
  return { ...fallback, error: clusterWide.error ?? forbiddenDataError('pods') };
};

/** The cluster-wide (or per-node) watches; `skip` watches nothing. */
const useClusterPods = (nodeNames: string[] | undefined, skip: boolean): DataResult<PodKind[]> => {
  const perNode = nodeNames !== undefined && nodeNames.length <= PER_NODE_POD_WATCH_LIMIT;
  const key = nodeNames ? [...nodeNames].sort().join('\n') : undefined;
  const perNodeWatches = React.useMemo(() => {
    const watches: Record<string, ReturnType<typeof podWatch>> = {};
    if (perNode && key !== undefined && key !== '') {
      key.split('\n').forEach((name, index) => {
        watches[`node${index}`] = podWatch(name);
      });
    }
    return watches;
  }, [perNode, key]);
  const perNodeResults = useK8sWatchResources<Record<string, PodKind[]>>(perNodeWatches);
  const [allPods, allLoaded, allError] = useK8sWatchResource<PodKind[]>(
    perNode || skip ? null : podWatch(),
  );

  return React.useMemo(() => {
    if (perNode) {
      const results = Object.values(perNodeResults);
      const data = results.flatMap((result) => (Array.isArray(result.data) ? result.data : []));
      const firstError = results.find((result) => result.loadError)?.loadError;
      const error: DataError | undefined = classifyDataError(firstError, 'pods');
      return {
        data: data.length > 0 ? data : EMPTY,
        loaded: results.every((result) => result.loaded),
        ...(error ? { error } : {}),
      };
    }
    const wanted = key !== undefined ? new Set(key.split('\n')) : undefined;
    const pods = Array.isArray(allPods) ? allPods : EMPTY;
    const data = wanted ? pods.filter((pod) => wanted.has(pod.spec?.nodeName ?? '')) : pods;
    const error = classifyDataError(allError, 'pods');
    return { data, loaded: allLoaded, ...(error ? { error } : {}) };
  }, [perNode, perNodeResults, allPods, allLoaded, allError, key]);
};
