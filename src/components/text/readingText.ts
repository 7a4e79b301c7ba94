/**
 * The words for values the plugin could not read: Kubernetes quantities (`quantities.ts`) and GPU
 * labels (`labels.ts`). The values themselves (label names, what was found) stay as they are.
 */
import type { LabelProblem } from '../../cluster/labels';
import type { QuantityIssue, ResourceListIssue } from '../../cluster/quantities';
import type { PodResourceIssue } from '../../cluster/types';
import type { Translate } from './translate';

/**
 * A value with no known reason. (Words used inside another t() call's values are said in a function
 * of their own: the catalogue extractor does not see a t() nested in another's arguments.)
 */
export const unreadableText = (t: Translate): string => t('unreadable');

/** Why a text is not a usable quantity or count. */
export function quantityIssueText(t: Translate, { kind, found }: QuantityIssue): string {
  switch (kind) {
    case 'not-finite':
      return t('{{found}} is not finite', { found });
    case 'not-text':
      return t('expected a quantity such as 2 or 500m, found {{found}}', { found });
    case 'not-a-quantity':
      return t('{{found}} is not a Kubernetes quantity (expected e.g. 2, 500m, 1k, 1Gi)', {
        found,
      });
    case 'too-large':
      return t('{{found}} is too large', { found });
    case 'negative':
      return t('{{found}} is negative; a count cannot be', { found });
    default:
      return t('{{found}} is not a whole number; device counts are integers', { found });
  }
}

/** One malformed entry of `allocatable`, `capacity` or a container's requests. */
export function resourceListIssueText(t: Translate, issue: ResourceListIssue): string {
  const { where, resource, quantity } = issue;
  if (resource === undefined) return t('{{where}} is not a map of resources', { where });
  return t('{{where}} {{resource}}: {{problem}}', {
    where,
    resource,
    problem: quantity ? quantityIssueText(t, quantity) : unreadableText(t),
  });
}

/** A container's GPU request (or limit) that is not a count. */
export function podResourceIssueText(t: Translate, issue: PodResourceIssue): string {
  const values = {
    container: issue.container,
    resource: issue.resource,
    problem: issue.quantity ? quantityIssueText(t, issue.quantity) : unreadableText(t),
  };
  return issue.init
    ? t('init container {{container}} {{resource}}: {{problem}}', values)
    : t('container {{container}} {{resource}}: {{problem}}', values);
}

/** Why a GPU label's value is ignored. */
export function labelProblemText(t: Translate, { label, value, facts }: LabelProblem): string {
  switch (facts.kind) {
    case 'not-boolean':
      return t("{{label}}='{{value}}' is neither 'true' nor 'false'", { label, value });
    case 'not-whole-number':
      return facts.quantity
        ? t("{{label}}='{{value}}' is not a whole number ({{problem}})", {
            label,
            value,
            problem: quantityIssueText(t, facts.quantity),
          })
        : t("{{label}}='{{value}}' is not a whole number", { label, value });
    case 'empty':
      return t('{{label}} is empty', { label });
    case 'unknown-state':
      return t(
        "{{label}}='{{value}}' is not a state the mig-manager writes (pending, rebooting, success, failed)",
        { label, value },
      );
    case 'unknown-strategy':
      return t("{{label}}='{{value}}' is not 'single' or 'mixed'", { label, value });
    default:
      return t('{{label}} does not name a MIG profile', { label });
  }
}
