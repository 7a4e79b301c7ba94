import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import {
  operatorNamespace,
  resolveMigConfigSources,
  type ClusterMigConfigSources,
} from '../cluster/configSource';
import {
  ConfigMapGroupVersionKind,
  type ClusterPolicyKind,
  type ConfigMapKind,
} from '../cluster/models';

export interface MigConfigSourceResult {
  sources: ClusterMigConfigSources;
  loaded: boolean;
}

/**
 * The mig-parted config(s) in use, for the given ClusterPolicy (from `useClusterPolicy`). One
 * watch lists the ConfigMaps of the operator namespace: it holds the custom or default ConfigMap
 * *and* every per-node `<node>-mig-config`, so one websocket covers all nodes and tells which
 * ConfigMaps exist. Errors (403…) land in `sources.error`, and nodes fall back to the built-in
 * config with the reason in `view.fallback`.
 */
export const useMigConfigSource = (
  clusterPolicy: ClusterPolicyKind | undefined,
): MigConfigSourceResult => {
  const [configMaps, loaded, loadError] = useK8sWatchResource<ConfigMapKind[]>({
    groupVersionKind: ConfigMapGroupVersionKind,
    namespace: operatorNamespace(clusterPolicy),
    isList: true,
  });
  const sources = React.useMemo(
    () =>
      resolveMigConfigSources({
        ...(clusterPolicy ? { clusterPolicy } : {}),
        ...(Array.isArray(configMaps) ? { configMaps } : {}),
        configMapsError: loadError,
      }),
    [clusterPolicy, configMaps, loadError],
  );
  return { sources, loaded: loaded || loadError !== undefined };
};
