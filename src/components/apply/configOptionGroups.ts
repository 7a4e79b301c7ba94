/**
 * The configs a node cannot take, sorted into a few groups with one short reason each, so the
 * Apply dialog's config list shows the usable configs first and the dozens made for other GPUs
 * folded away (NVIDIA's default file has about 80 configs for every MIG GPU there is).
 */
import type { ConfigOption, ConfigOptionReason } from '../../cluster/applyPlan';
import type { Translate } from '../text/translate';

/**
 * `other-models`: the config names profiles or GPUs these nodes do not have; `not-in-config`: a
 * node's config source does not have it; `does-not-fit`: it is for these GPUs, but cannot be made.
 */
export type UnavailableGroup = 'other-models' | 'not-in-config' | 'does-not-fit';

const GROUP_ORDER: UnavailableGroup[] = ['does-not-fit', 'not-in-config', 'other-models'];

/** The layout problem of a reason, when it is one. */
const layoutProblemOf = (reason: ConfigOptionReason) =>
  reason.kind === 'issue' && reason.issue?.facts?.kind === 'layout'
    ? reason.issue.facts.problem
    : undefined;

const isForOtherModels = (reason: ConfigOptionReason) =>
  reason.kind === 'issue' &&
  (reason.issue?.facts?.kind === 'gpu-not-covered' ||
    layoutProblemOf(reason)?.code === 'unknown-profile');

export function unavailableGroupOf(option: ConfigOption): UnavailableGroup {
  if (option.why.some((reason) => reason.kind === 'not-in-config')) return 'not-in-config';
  if (option.why.length > 0 && option.why.every(isForOtherModels)) return 'other-models';
  return 'does-not-fit';
}

/** The unavailable configs by group, in a fixed order, empty groups left out. */
export function groupUnavailable(
  options: ConfigOption[],
): Array<{ group: UnavailableGroup; options: ConfigOption[] }> {
  const unavailable = options.filter((option) => !option.available);
  return GROUP_ORDER.map((group) => ({
    group,
    options: unavailable.filter((option) => unavailableGroupOf(option) === group),
  })).filter((entry) => entry.options.length > 0);
}

export function groupLabel(t: Translate, group: UnavailableGroup, count: number): string {
  switch (group) {
    case 'other-models':
      return t('Made for other GPU models ({{count}})', { count });
    case 'not-in-config':
      return t('Not in the config a selected node uses ({{count}})', { count });
    default:
      return t('Do not fit these GPUs ({{count}})', { count });
  }
}

function reasonWords(t: Translate, reason: ConfigOptionReason): string {
  if (reason.kind === 'not-in-config') return t('not in the config this node uses');
  const problem = layoutProblemOf(reason);
  if (problem?.code === 'unknown-profile' && problem.profile) {
    return t('no {{profile}} on this GPU model', { profile: problem.profile });
  }
  switch (reason.issue?.facts?.kind) {
    case 'gpu-not-covered':
      return t('no entry for this GPU model');
    case 'not-mig-capable':
      return t('this GPU has no MIG');
    case 'layout':
      return problem?.profile
        ? t('{{profile}} does not fit as asked', { profile: problem.profile })
        : t('the layout does not fit');
    default:
      return t('not valid for these GPUs');
  }
}

/**
 * One short reason: the first (of the group's kind), with its node unless every one of the
 * `selectedNodes` says the same.
 */
export function shortReasonText(t: Translate, option: ConfigOption, selectedNodes = 1): string {
  const candidates =
    unavailableGroupOf(option) === 'not-in-config'
      ? option.why.filter((candidate) => candidate.kind === 'not-in-config')
      : option.why;
  const reason = candidates[0];
  if (!reason) return t('not valid for these GPUs');
  const words = reasonWords(t, reason);
  const allAlike =
    new Set(option.why.map((other) => other.node)).size === selectedNodes &&
    option.why.every((other) => reasonWords(t, other) === words);
  return reason.node === undefined || allAlike
    ? words
    : t('{{node}}: {{reason}}', { node: reason.node, reason: words });
}
