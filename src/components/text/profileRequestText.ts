/**
 * The words for why a "can I get N × profile?" request cannot be answered
 * (`ProfileRequestPlan.issues`, src/cluster/availability.ts). What the user typed stays as it is.
 */
import type { ProfileRequestIssue } from '../../cluster/availability';
import type { Translate } from '../apply/planIssueText';

export function profileRequestIssueText(t: Translate, issue: ProfileRequestIssue): string {
  switch (issue.kind) {
    case 'not-a-profile':
      return t("'{{text}}' is not a MIG profile (e.g. 1g.10gb) or a GPU resource name", {
        text: issue.text,
      });
    case 'strategy-none':
      return t(
        'The cluster MIG strategy is none: MIG instances are not advertised as resources. Set spec.mig.strategy to mixed (or single) in the ClusterPolicy.',
      );
    default:
      return t('ask for a whole number of instances (got {{got}})', { got: issue.got });
  }
}
