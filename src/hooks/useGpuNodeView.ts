import * as React from 'react';
import type { ClusterMigConfigSources } from '../cluster/configSource';
import type { DataError } from '../cluster/errors';
import type { NodeKind } from '../cluster/models';
import { ownPodsOnly } from '../cluster/ownUsage';
import type { GpuNodeView } from '../cluster/types';
import type { MigStrategy } from '../geometry/types';
import { useClusterPolicy } from './useClusterPolicy';
import { useNode } from './useGpuNodes';
import { useGpuPods } from './useGpuPods';
import { useMigConfigSource } from './useMigConfigSource';
import { useNodeViewCache } from './useGpuNodeViews';
import { useNow } from './useNow';

export interface GpuNodeViewResult {
  /** Undefined until the node is loaded (or when it does not exist). */
  view?: GpuNodeView;
  strategy?: MigStrategy;
  configSource: ClusterMigConfigSources;
  operatorInstalled?: boolean;
  podsAvailable: boolean;
  loaded: boolean;
  error?: DataError;
  errors: DataError[];
  forbidden: boolean;
}

/**
 * One node's view, for the Node → GPU tab. Pass the `obj` the console gives the tab (kept live by
 * watching the node by name) or just a name. Pods are watched on that node only.
 */
export const useGpuNodeView = (node: NodeKind | string | undefined): GpuNodeViewResult => {
  const name = typeof node === 'string' ? node : node?.metadata?.name;
  const watched = useNode(name);
  const current = watched.data ?? (typeof node === 'object' ? node : undefined);
  const nodeNames = React.useMemo(() => (name ? [name] : []), [name]);
  const pods = useGpuPods(nodeNames);
  const clusterPolicy = useClusterPolicy();
  const { sources, loaded: sourcesLoaded } = useMigConfigSource(clusterPolicy.clusterPolicy);
  const now = useNow();
  const nodes = React.useMemo(() => (current ? [current] : []), [current]);
  const [built] = useNodeViewCache(nodes, pods.data, clusterPolicy.strategy, sources, now);
  // Only the user's own pods are known: the slices they do not hold are not free.
  const ownOnly = pods.visibility.scope === 'namespaces';
  const view = React.useMemo(
    () => (built && ownOnly ? ownPodsOnly(built) : built),
    [built, ownOnly],
  );
  const errors = [watched.error, pods.error, clusterPolicy.error, sources.error].filter(
    (error): error is DataError => error !== undefined,
  );
  const result: GpuNodeViewResult = {
    configSource: sources,
    podsAvailable: pods.error === undefined,
    loaded:
      (watched.loaded || watched.error !== undefined || current !== undefined) &&
      clusterPolicy.loaded &&
      (pods.loaded || pods.error !== undefined) &&
      sourcesLoaded,
    errors,
    forbidden: errors.some((error) => error.kind === 'forbidden'),
  };
  if (view) result.view = view;
  if (clusterPolicy.strategy) result.strategy = clusterPolicy.strategy;
  if (clusterPolicy.operatorInstalled !== undefined) {
    result.operatorInstalled = clusterPolicy.operatorInstalled;
  }
  if (watched.error && !current) result.error = watched.error;
  return result;
};
