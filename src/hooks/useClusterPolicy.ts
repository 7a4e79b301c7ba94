import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { operatorNamespace, readStrategy, type ClusterPolicyIssue } from '../cluster/configSource';
import { classifyDataError, type DataError } from '../cluster/errors';
import { readWithReboot, type WithRebootReading } from '../cluster/migManagerReboot';
import { ClusterPolicyGroupVersionKind, type ClusterPolicyKind } from '../cluster/models';
import type { MigStrategy } from '../geometry/types';

export interface ClusterPolicyResult {
  /** The policy in force (the oldest when several exist: the operator honours only one). */
  clusterPolicy?: ClusterPolicyKind;
  /** `spec.mig.strategy`, `none` when empty; undefined with no policy or a bad value. */
  strategy?: MigStrategy;
  /** Plain-English problems: several policies, an unknown strategy value. */
  problems: string[];
  /** The same as data, for the UI's words. */
  issues: ClusterPolicyIssue[];
  /** The operator's namespace (`status.namespace`, else `nvidia-gpu-operator`). */
  namespace: string;
  /** `WITH_REBOOT` in `spec.migManager.env`: whether a failed MIG mode change reboots the node. */
  withReboot: WithRebootReading;
  /** False when the ClusterPolicy CRD is absent (GPU operator not installed); undefined until known. */
  operatorInstalled?: boolean;
  loaded: boolean;
  error?: DataError;
}

/** Lists ClusterPolicies (the name is not hard-coded: `gpu-cluster-policy` is only the default). */
export const useClusterPolicy = (): ClusterPolicyResult => {
  const [data, loaded, loadError] = useK8sWatchResource<ClusterPolicyKind[]>({
    groupVersionKind: ClusterPolicyGroupVersionKind,
    isList: true,
  });
  return React.useMemo(() => {
    const error = classifyDataError(loadError, 'ClusterPolicies (nvidia.com/v1)');
    const policies = (Array.isArray(data) ? data : []).slice().sort((a, b) => {
      const byTime = (a.metadata?.creationTimestamp ?? '').localeCompare(
        b.metadata?.creationTimestamp ?? '',
      );
      return byTime !== 0 ? byTime : (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
    });
    const clusterPolicy = policies[0];
    const problems: string[] = [];
    const issues: ClusterPolicyIssue[] = [];
    if (policies.length > 1) {
      const shown = clusterPolicy?.metadata?.name ?? '';
      problems.push(
        `${policies.length} ClusterPolicies exist; the GPU operator uses only one. Showing ${shown} (the oldest).`,
      );
      issues.push({ kind: 'several-policies', count: policies.length, shown });
    }
    const strategy = readStrategy(clusterPolicy);
    if (strategy.problem) problems.push(strategy.problem);
    if (strategy.unknownValue !== undefined) {
      issues.push({ kind: 'unknown-strategy', value: strategy.unknownValue });
    }
    let operatorInstalled: boolean | undefined;
    if (error?.kind === 'no-model') operatorInstalled = false;
    else if (loaded && !error) operatorInstalled = true;
    const result: ClusterPolicyResult = {
      problems,
      issues,
      namespace: operatorNamespace(clusterPolicy),
      withReboot: readWithReboot(clusterPolicy),
      loaded: loaded || error !== undefined,
    };
    if (clusterPolicy) result.clusterPolicy = clusterPolicy;
    if (strategy.strategy) result.strategy = strategy.strategy;
    if (operatorInstalled !== undefined) result.operatorInstalled = operatorInstalled;
    // A missing CRD is a state ("operator not installed"), not an error to show.
    if (error && error.kind !== 'no-model') result.error = error;
    return result;
  }, [data, loaded, loadError]);
};
