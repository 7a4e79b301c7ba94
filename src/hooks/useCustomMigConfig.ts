import {
  k8sCreate,
  k8sPatch,
  k8sUpdate,
  useAccessReview,
  useK8sWatchResource,
} from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import {
  configMapToWrite,
  currentConfigMapName,
  describeWriteFailure,
  migConfigNamePatch,
  planCustomConfig,
  PLUGIN_MIG_CONFIG_MAP,
  type CustomConfigPlan,
  type WriteFailure,
} from '../cluster/customConfig';
import { classifyDataError, type DataError } from '../cluster/errors';
import {
  ClusterPolicyModel,
  ConfigMapGroupVersionKind,
  ConfigMapModel,
  type ClusterPolicyKind,
  type ConfigMapKind,
} from '../cluster/models';
import type { MigPartedEntry } from '../geometry/migParted';
import { useGpuNodeViews } from './useGpuNodeViews';

/** What a save preview was computed from; the writes test against exactly this. */
export interface SavePreview {
  plan: CustomConfigPlan;
  name: string;
  namespace: string;
  /** The plugin's ConfigMap as the preview read it (update with its resourceVersion). */
  ownConfigMap?: ConfigMapKind;
  clusterPolicy?: ClusterPolicyKind;
  /** The ClusterPolicy's `spec.migManager.config.name` at preview time. */
  previousConfigMapName: string;
}

export type WriteStepStatus = 'done' | 'failed' | 'skipped' | 'not-attempted';

export interface WriteStep {
  what: 'configmap' | 'clusterpolicy';
  /** ConfigMap step: created (else updated). */
  created?: boolean;
  /** ClusterPolicy step: no ClusterPolicy exists. */
  noPolicy?: boolean;
  status: WriteStepStatus;
  failure?: WriteFailure;
}

export interface SaveOutcome {
  ok: boolean;
  /** True when the ConfigMap changed since the preview: the user must re-preview. */
  conflict: boolean;
  steps: WriteStep[];
}

export interface CustomMigConfigResult {
  namespace: string;
  loaded: boolean;
  ownConfigMap?: ConfigMapKind;
  ownError?: DataError;
  clusterPolicy?: ClusterPolicyKind;
  access: {
    writeConfigMap: boolean;
    patchClusterPolicy: boolean;
    loading: boolean;
  };
  /** The full file for a new named config, and what it carries over. */
  preview(name: string, entries: MigPartedEntry[], comment?: string): SavePreview;
  save(preview: SavePreview): Promise<SaveOutcome>;
  nodes: ReturnType<typeof useGpuNodeViews>['nodes'];
}

/**
 * Saving designed layouts: the plugin's ConfigMap (`gpu-partitioning-mig-config`, operator
 * namespace) carrying the configs in use plus the new one, and the ClusterPolicy pointed at it.
 */
export const useCustomMigConfig = (): CustomMigConfigResult => {
  const views = useGpuNodeViews();
  const namespace = views.configSource.namespace;
  const clusterPolicy = views.clusterPolicy.clusterPolicy;
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
  const ownConfigMap = own?.metadata?.name && !ownProblem ? own : undefined;
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
    (name: string, entries: MigPartedEntry[], comment?: string): SavePreview => {
      const shared = views.configSource.shared;
      const plan = planCustomConfig({
        ...(shared.config ? { inUse: shared.config } : {}),
        ...(shared.view.configMapName
          ? { inUseConfigMap: `${namespace}/${shared.view.configMapName}` }
          : {}),
        ...(ownConfigMap ? { ownConfigMap } : {}),
        nodes: views.nodes.map((node) => {
          const config = views.configSource.forNode(node.name).config;
          return {
            name: node.name,
            ...(node.migConfig ? { migConfig: node.migConfig } : {}),
            ...(config ? { config } : {}),
          };
        }),
        name,
        entries,
        ...(comment ? { comment } : {}),
      });
      if (shared.view.fallbackReason) {
        plan.warnings.unshift({
          code: 'fallback',
          reason: shared.view.fallbackReason,
          source: shared.view,
        });
      }
      return {
        plan,
        name,
        namespace,
        ...(ownConfigMap ? { ownConfigMap } : {}),
        ...(clusterPolicy ? { clusterPolicy } : {}),
        previousConfigMapName: currentConfigMapName(clusterPolicy),
      };
    },
    [views, namespace, ownConfigMap, clusterPolicy],
  );

  const save = React.useCallback(async (basis: SavePreview): Promise<SaveOutcome> => {
    const steps: WriteStep[] = [];
    const data = configMapToWrite(basis.namespace, basis.plan.yaml, basis.ownConfigMap);
    try {
      if (basis.ownConfigMap) await k8sUpdate({ model: ConfigMapModel, data });
      else await k8sCreate({ model: ConfigMapModel, data });
      steps.push({ what: 'configmap', status: 'done', created: !basis.ownConfigMap });
    } catch (error) {
      const failure = describeWriteFailure(error);
      steps.push({
        what: 'configmap',
        status: 'failed',
        failure,
      });
      steps.push({
        what: 'clusterpolicy',
        status: 'not-attempted',
      });
      return { ok: false, conflict: failure.kind === 'conflict', steps };
    }
    const policy = basis.clusterPolicy;
    if (!policy) {
      steps.push({
        what: 'clusterpolicy',
        status: 'failed',
        noPolicy: true,
      });
      return { ok: false, conflict: false, steps };
    }
    if (basis.previousConfigMapName === PLUGIN_MIG_CONFIG_MAP) {
      steps.push({
        what: 'clusterpolicy',
        status: 'skipped',
      });
      return { ok: true, conflict: false, steps };
    }
    try {
      await k8sPatch({
        model: ClusterPolicyModel,
        resource: policy,
        data: migConfigNamePatch(policy, PLUGIN_MIG_CONFIG_MAP),
      });
      steps.push({
        what: 'clusterpolicy',
        status: 'done',
      });
      return { ok: true, conflict: false, steps };
    } catch (error) {
      const failure = describeWriteFailure(error);
      steps.push({
        what: 'clusterpolicy',
        status: 'failed',
        failure,
      });
      return { ok: false, conflict: false, steps };
    }
  }, []);

  return {
    namespace,
    loaded: views.loaded && (ownLoaded || ownLoadError !== undefined),
    ...(ownConfigMap ? { ownConfigMap } : {}),
    ...(ownProblem && ownProblem.kind !== 'not-found' ? { ownError: ownProblem } : {}),
    ...(clusterPolicy ? { clusterPolicy } : {}),
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
