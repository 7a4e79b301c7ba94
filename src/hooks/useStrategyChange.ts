import { k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { ClusterPolicyModel, type ClusterPolicyKind } from '../cluster/models';
import { clusterPolicySnapshot, strategyPatch } from '../cluster/patches';
import type { MigStrategy } from '../geometry/types';
import { statusOfError, type WriteStatus } from './useApplyMigConfig';

export interface StrategyWriteResult {
  status: WriteStatus;
  message?: string;
}

/**
 * Sets `spec.mig.strategy` on the ClusterPolicy as the preview read it; the patch tests the
 * previewed value (or resourceVersion), so a concurrent change is refused, not overwritten.
 */
export async function changeStrategy(
  policy: ClusterPolicyKind,
  strategy: MigStrategy,
): Promise<StrategyWriteResult> {
  try {
    await k8sPatch({
      model: ClusterPolicyModel,
      resource: policy,
      data: strategyPatch(clusterPolicySnapshot(policy), strategy),
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
