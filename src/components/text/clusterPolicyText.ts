/**
 * The words for what is wrong with the cluster's ClusterPolicies (`useClusterPolicy`'s `issues`).
 * Policy names and the strategy value as written stay as they are.
 */
import type { ClusterPolicyIssue } from '../../cluster/clusterPolicy';
import type { Translate } from './translate';

export function clusterPolicyIssueText(t: Translate, issue: ClusterPolicyIssue): string {
  switch (issue.kind) {
    case 'several-policies':
      return t(
        '{{count}} ClusterPolicies exist; the GPU operator uses only one. Showing {{name}} (the oldest).',
        { count: issue.count, name: issue.shown },
      );
    default:
      return t("ClusterPolicy spec.mig.strategy is '{{value}}', not none, single or mixed", {
        value: issue.value,
      });
  }
}
