import { k8sGet, k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { ClusterPolicyModel, type ClusterPolicyKind } from '../cluster/models';
import {
  clusterPolicySnapshot,
  mayRetryStrategyOnFreshResourceVersion,
  strategyPatch,
} from '../cluster/patches';
import type { MigStrategy } from '../geometry/types';
import { sendGuardedWrite } from '../cluster/guardedWrite';
import { statusOfError, type WriteStatus } from '../cluster/writeErrors';

export interface StrategyWriteResult {
  status: WriteStatus;
  message?: string;
}

/**
 * Sets `spec.mig.strategy` on the ClusterPolicy as the preview read it; the patch tests the
 * previewed value, so a concurrent change is refused, not overwritten. With no strategy set, the
 * patch can only test the resourceVersion, which the operator's status updates keep moving: a
 * refusal then re-reads the policy and, while it still has no strategy, retries on the fresh
 * resourceVersion (at most `RESOURCE_VERSION_RETRIES` times).
 */
export async function changeStrategy(
  policy: ClusterPolicyKind,
  strategy: MigStrategy,
  get: (name: string) => Promise<ClusterPolicyKind> = (name) =>
    k8sGet<ClusterPolicyKind>({ model: ClusterPolicyModel, name }),
): Promise<StrategyWriteResult> {
  const previewed = clusterPolicySnapshot(policy);
  try {
    await sendGuardedWrite({
      snapshot: previewed,
      send: (snapshot) =>
        k8sPatch({
          model: ClusterPolicyModel,
          resource: policy,
          data: strategyPatch(snapshot, strategy),
        }),
      guardedByResourceVersion: (snapshot) => snapshot.strategy === undefined,
      reRead: async () => clusterPolicySnapshot(await get(previewed.name)),
      mayRetry: mayRetryStrategyOnFreshResourceVersion,
    });
    return { status: 'written' };
  } catch (error) {
    return statusOfError(error);
  }
}

export const useStrategyChange = (): [
  { running: boolean; result?: StrategyWriteResult },
  (policy: ClusterPolicyKind, strategy: MigStrategy) => Promise<StrategyWriteResult>,
] => {
  const [state, setState] = React.useState<{ running: boolean; result?: StrategyWriteResult }>({
    running: false,
  });
  const run = React.useCallback(async (policy: ClusterPolicyKind, strategy: MigStrategy) => {
    setState({ running: true });
    const result = await changeStrategy(policy, strategy);
    setState({ running: false, result });
    return result;
  }, []);
  return [state, run];
};
