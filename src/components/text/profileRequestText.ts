/**
 * The words for the "can I get N × profile?" answer (src/cluster/availability.ts): why a request
 * cannot be answered (`ProfileRequestPlan.issues`) and why a node is left out of the free count or
 * the suggested changes. What the user typed stays as it is.
 */
import type { NodeLeftOutReason, ProfileRequestIssue } from '../../cluster/availability';
import type { Translate } from './translate';

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

/** Why a node is not counted as free, or not offered a change: short, after the node names. */
export function nodeLeftOutReasonText(t: Translate, why: NodeLeftOutReason): string {
  switch (why) {
    case 'cordoned':
      return t('cordoned');
    case 'failed':
      return t('its last MIG change failed');
    case 'changing':
      return t('a MIG change is under way');
    default:
      return t('a change would reconfigure GPUs that pods may be using');
  }
}
