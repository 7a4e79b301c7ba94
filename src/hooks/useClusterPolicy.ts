import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { readClusterPolicies, type ClusterPolicyReading } from '../cluster/clusterPolicy';
import { classifyDataError, type DataError } from '../cluster/errors';
import { ClusterPolicyGroupVersionKind, type ClusterPolicyKind } from '../cluster/models';

export interface ClusterPolicyResult extends ClusterPolicyReading {
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
    let operatorInstalled: boolean | undefined;
    if (error?.kind === 'no-model') operatorInstalled = false;
    else if (loaded && !error) operatorInstalled = true;
    const result: ClusterPolicyResult = {
      ...readClusterPolicies(data),
      loaded: loaded || error !== undefined,
    };
    if (operatorInstalled !== undefined) result.operatorInstalled = operatorInstalled;
    // A missing CRD is a state ("operator not installed"), not an error to show.
    if (error && error.kind !== 'no-model') result.error = error;
    return result;
  }, [data, loaded, loadError]);
};
