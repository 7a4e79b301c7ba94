import { useK8sWatchResource, useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { classifyDataError, type DataError } from '../cluster/errors';
import { PodGroupVersionKind, type PodKind } from '../cluster/models';
import type { DataResult } from './types';

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

function podWatch(nodeName?: string) {
  return {
    groupVersionKind: PodGroupVersionKind,
    isList: true,
    fieldSelector: nodeName
      ? `spec.nodeName=${nodeName},${ACTIVE_POD_FIELD_SELECTOR}`
      : ACTIVE_POD_FIELD_SELECTOR,
  };
}

/**
 * Active pods on the given nodes (all nodes when `nodeNames` is undefined). Pods of other nodes
 * are filtered out. `[]` watches nothing.
 */
export const useGpuPods = (nodeNames?: string[]): DataResult<PodKind[]> => {
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
    perNode ? null : podWatch(),
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
