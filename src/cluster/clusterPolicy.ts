/** The ClusterPolicies as the page reads them: the one in force, its strategy and what is wrong. */
import type { MigStrategy } from '../geometry/types';
import { operatorNamespace, readStrategy } from './configSource';
import { readWithReboot, type WithRebootReading } from './migManagerReboot';
import type { ClusterPolicyKind } from './models';

/** Something wrong with the ClusterPolicies, as data. */
export type ClusterPolicyIssue =
  /** `count` policies exist; the page shows `shown`, the oldest. */
  | { kind: 'several-policies'; count: number; shown: string }
  /** `spec.mig.strategy` is `value`, not none, single or mixed. */
  | { kind: 'unknown-strategy'; value: string };

export interface ClusterPolicyReading {
  /** The policy in force (the oldest when several exist: the operator honours only one). */
  clusterPolicy?: ClusterPolicyKind;
  /** `spec.mig.strategy`, `none` when empty; undefined with no policy or a bad value. */
  strategy?: MigStrategy;
  /** What is wrong: several policies, an unknown strategy value. */
  issues: ClusterPolicyIssue[];
  /** The operator's namespace (`status.namespace`, else `nvidia-gpu-operator`). */
  namespace: string;
  /** `WITH_REBOOT` in `spec.migManager.env`: whether a failed MIG mode change reboots the node. */
  withReboot: WithRebootReading;
}

/** Oldest first, then by name: the order in which the operator honours one policy. */
const byAge = (a: ClusterPolicyKind, b: ClusterPolicyKind) => {
  const byTime = (a.metadata?.creationTimestamp ?? '').localeCompare(
    b.metadata?.creationTimestamp ?? '',
  );
  return byTime !== 0 ? byTime : (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
};

/** Reads the listed ClusterPolicies (`data` as the watch gives it, maybe not yet a list). */
export function readClusterPolicies(data: unknown): ClusterPolicyReading {
  const policies = (Array.isArray(data) ? (data as ClusterPolicyKind[]) : []).slice().sort(byAge);
  const clusterPolicy = policies[0];
  const issues: ClusterPolicyIssue[] = [];
  if (policies.length > 1) {
    const shown = clusterPolicy?.metadata?.name ?? '';
    issues.push({ kind: 'several-policies', count: policies.length, shown });
  }
  const strategy = readStrategy(clusterPolicy);
  if (strategy.unknownValue !== undefined) {
    issues.push({ kind: 'unknown-strategy', value: strategy.unknownValue });
  }
  const reading: ClusterPolicyReading = {
    issues,
    namespace: operatorNamespace(clusterPolicy),
    withReboot: readWithReboot(clusterPolicy),
  };
  if (clusterPolicy) reading.clusterPolicy = clusterPolicy;
  if (strategy.strategy) reading.strategy = strategy.strategy;
  return reading;
}
