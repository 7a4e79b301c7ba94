import {
  k8sCreate,
  k8sGet,
  k8sPatch,
  k8sUpdate,
  useAccessReview,
  useK8sWatchResource,
} from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import {
  describeWriteFailure,
  PLUGIN_MIG_CONFIG_MAP,
  readInUse,
  type InUseSource,
} from '../cluster/customConfig';
import {
  newestOf,
  saveCustomConfig,
  savePreview,
  versionOf,
  type SaveApi,
  type SaveOutcome,
  type SavePreview,
  type WrittenState,
} from '../cluster/customConfigSave';
import { classifyDataError, type DataError } from '../cluster/errors';
import {
  ClusterPolicyModel,
  ConfigMapGroupVersionKind,
  ConfigMapModel,
  type ClusterPolicyKind,
  type ConfigMapKind,
} from '../cluster/models';
import type { MigPartedEntry } from '../geometry/migParted';
import type { GpuNodeViewsResult } from './useGpuNodeViews';

export type {
  SaveApi,
  SaveOutcome,
  SavePreview,
  WriteStep,
  WriteStepStatus,
} from '../cluster/customConfigSave';

/** The console SDK's API calls for a save. */
const sdkSaveApi: SaveApi = {
  getConfigMap: async (namespace, name) => {
    try {
      return await k8sGet<ConfigMapKind>({ model: ConfigMapModel, ns: namespace, name });
    } catch (error) {
      if (describeWriteFailure(error).kind === 'not-found') return undefined;
      throw error;
    }
  },
  createConfigMap: (data) => k8sCreate({ model: ConfigMapModel, data }),
  updateConfigMap: (data) => k8sUpdate({ model: ConfigMapModel, data }),
  patchClusterPolicy: (policy, data) =>
    k8sPatch({ model: ClusterPolicyModel, resource: policy, data }),
};

export interface CustomMigConfigResult {
  namespace: string;
  loaded: boolean;
  /**
   * A save was written and a watch has not shown it yet: `ownConfigMap` and `clusterPolicy` are
   * the objects as written until then.
   */
  catchingUp: boolean;
  ownConfigMap?: ConfigMapKind;
  ownError?: DataError;
  clusterPolicy?: ClusterPolicyKind;
  /** The ConfigMap in use as it is now (to tell that a preview's copy of it is stale). */
  inUseSource?: InUseSource;
  access: {
    writeConfigMap: boolean;
    patchClusterPolicy: boolean;
    loading: boolean;
  };
  /** The full file for a new named config, and what it carries over. */
  preview(name: string, entries: MigPartedEntry[], comment?: string): SavePreview;
  save(preview: SavePreview): Promise<SaveOutcome>;
  nodes: GpuNodeViewsResult['nodes'];
}

/**
 * Saving designed layouts: the plugin's ConfigMap (`gpu-partitioning-mig-config`, operator
 * namespace) carrying the configs in use plus the new one, and the ClusterPolicy pointed at it.
 * `views`: every GPU node's view (the page's, not built again here).
 */
export const useCustomMigConfig = (views: GpuNodeViewsResult): CustomMigConfigResult => {
  const namespace = views.configSource.namespace;
  const [written, setWritten] = React.useState<WrittenState>();
  const [own, ownLoaded, ownLoadError] = useK8sWatchResource<ConfigMapKind>({
    groupVersionKind: ConfigMapGroupVersionKind,
    namespace,
    name: PLUGIN_MIG_CONFIG_MAP,
  });
  const ownProblem = classifyDataError(ownLoadError, {
    kind: 'config-map',
    namespace,
    name: PLUGIN_MIG_CONFIG_MAP,
  });
  const watchedOwn = own?.metadata?.name && !ownProblem ? own : undefined;
  // The same list useMigConfigSource watches (one shared watch): the ConfigMap in use, read here
  // as one object so the preview's copy and the resourceVersion guarding it agree.
  const [listed, listedLoaded, listError] = useK8sWatchResource<ConfigMapKind[]>({
    groupVersionKind: ConfigMapGroupVersionKind,
    namespace,
    isList: true,
  });
  const configMaps = listedLoaded && !listError && Array.isArray(listed) ? listed : undefined;
  const byNameAnswers =
    (ownLoaded || ownLoadError !== undefined) && (!ownProblem || ownProblem.kind === 'not-found');
  const newest = newestOf(written, {
    configMap: watchedOwn,
    configMapViews: [
      ...(byNameAnswers ? [watchedOwn] : []),
      ...(configMaps
        ? [configMaps.find((configMap) => configMap.metadata?.name === PLUGIN_MIG_CONFIG_MAP)]
        : []),
    ],
    clusterPolicy: views.clusterPolicy.clusterPolicy,
  });
  const ownConfigMap = newest.configMap;
  const clusterPolicy = newest.clusterPolicy;
  const shared = views.configSource.shared;
  const inUse = React.useMemo(() => readInUse(shared, configMaps), [shared, configMaps]);
  const ownExists = ownConfigMap !== undefined;
  const [cmAllowed, cmLoading] = useAccessReview({
    group: '',
    resource: 'configmaps',
    verb: ownExists ? 'update' : 'create',
    namespace,
  });
  const [policyAllowed, policyLoading] = useAccessReview({
    group: ClusterPolicyModel.apiGroup,
    resource: ClusterPolicyModel.plural,
    verb: 'patch',
  });

  const preview = React.useCallback(
    (name: string, entries: MigPartedEntry[], comment?: string): SavePreview =>
      savePreview({
        namespace,
        sources: views.configSource,
        inUse,
        nodes: views.nodes,
        ...(ownConfigMap ? { ownConfigMap } : {}),
        ...(clusterPolicy ? { clusterPolicy } : {}),
        name,
        entries,
        ...(comment ? { comment } : {}),
      }),
    [views, inUse, namespace, ownConfigMap, clusterPolicy],
  );

  const save = React.useCallback(async (basis: SavePreview) => {
    const outcome = await saveCustomConfig(basis, sdkSaveApi);
    if (outcome.written) {
      const from = {
        configMapFrom: versionOf(basis.ownConfigMap),
        clusterPolicyFrom: versionOf(basis.clusterPolicy),
      };
      setWritten({ ...outcome.written, ...from });
    }
    return outcome;
  }, []);

  return {
    namespace,
    loaded: views.loaded && (ownLoaded || ownLoadError !== undefined),
    catchingUp: newest.catchingUp,
    ...(ownConfigMap ? { ownConfigMap } : {}),
    ...(ownProblem && ownProblem.kind !== 'not-found' ? { ownError: ownProblem } : {}),
    ...(clusterPolicy ? { clusterPolicy } : {}),
    ...(inUse.source ? { inUseSource: inUse.source } : {}),
    access: {
      writeConfigMap: cmAllowed,
      patchClusterPolicy: policyAllowed,
      loading: cmLoading || policyLoading,
    },
    preview,
    save,
    nodes: views.nodes,
  };
};
