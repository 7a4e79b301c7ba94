import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';

export interface AccessResult {
  allowed: boolean;
  loading: boolean;
}

/**
 * May the user patch nodes (the `nvidia.com/mig.config` label, cordon)? The console answers
 * "allowed" when the review itself fails, so writes still handle 403.
 */
export const useNodePatchAccess = (): AccessResult => {
  const [allowed, loading] = useAccessReview({ group: '', resource: 'nodes', verb: 'patch' });
  return { allowed, loading };
};

/** May the user patch ClusterPolicies (`spec.mig.strategy`)? */
export const useClusterPolicyPatchAccess = (): AccessResult => {
  const [allowed, loading] = useAccessReview({
    group: 'nvidia.com',
    resource: 'clusterpolicies',
    verb: 'patch',
  });
  return { allowed, loading };
};

/** May the user read pod logs in the operator namespace (the mig-manager's reasons)? */
export const useMigManagerLogAccess = (namespace: string): AccessResult => {
  const [allowed, loading] = useAccessReview({
    group: '',
    resource: 'pods',
    subresource: 'log',
    verb: 'get',
    namespace,
  });
  return { allowed, loading };
};
