import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { operatorNamespace, readStrategy } from '../cluster/configSource';
import { classifyDataError, type DataError } from '../cluster/errors';
import { ClusterPolicyGroupVersionKind, type ClusterPolicyKind } from '../cluster/models';
import type { MigStrategy } from '../geometry/types';

export interface ClusterPolicyResult {
  /** The policy in force (the oldest when several exist: the operator honours only one). */
  clusterPolicy?: ClusterPolicyKind;
  /** `spec.mig.strategy`, `none` when empty; undefined with no policy or a bad value. */
  strategy?: MigStrategy;
  /** Plain-English problems: several policies, an unknown strategy value. */
  problems: string[];
  /** The operator's namespace (`status.namespace`, else `nvidia-gpu-operator`). */
  namespace: string;
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
    if (policies.length > 1) {
      problems.push(
        `${policies.length} ClusterPolicies exist; the GPU operator uses only one. Showing ${clusterPolicy?.metadata?.name ?? ''} (the oldest).`,
      );
    }
    const strategy = readStrategy(clusterPolicy);
    if (strategy.problem) problems.push(strategy.problem);
    let operatorInstalled: boolean | undefined;
    if (error?.kind === 'no-model') operatorInstalled = false;
    else if (loaded && !error) operatorInstalled = true;
    const result: ClusterPolicyResult = {
      problems,
      namespace: operatorNamespace(clusterPolicy),
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
