/**
 * The words for what the mig-parted checks say about a named config on a node's GPUs
 * (`ConfigIssue.facts`, src/geometry/migParted.ts and predictConfig.ts). Config names, entry
 * numbers, GPU indices and device ids stay as they are. File-level issues (YAML syntax, fields)
 * have no facts: their English message quotes the file and is shown as it is.
 */
import type { ConfigOptionReason } from '../../cluster/applyPlan';
import type { ConfigIssue } from '../../geometry';
import type { Translate } from '../apply/planIssueText';
import {
  advertisementWarningText,
  layoutProblemText,
  layoutWarningText,
  singleStrategyInvalidText,
} from './layoutText';

/** `GPU 2` or `GPUs 0, 1`. */
export const gpuIndexListText = (t: Translate, indices: number[]): string =>
  indices.length === 1
    ? t('GPU {{index}}', { index: indices[0] })
    : t('GPUs {{indices}}', { indices: indices.join(', ') });

export function configIssueText(t: Translate, issue: ConfigIssue): string {
  const { facts } = issue;
  const config = issue.configName ?? '';
  const entry = issue.entryIndex;
  const where = (device: string) =>
    t("config '{{config}}', entry #{{entry}}, GPU {{gpu}} ({{device}})", {
      config,
      entry,
      gpu: issue.gpuIndex,
      device,
    });
  switch (facts?.kind) {
    case 'config-not-found':
      return facts.suggestion !== undefined
        ? t(
            "config '{{config}}' is not in the file ({{count}} named config); mig-parted fails with \"selected mig-config not present\" and the node state becomes failed. Did you mean '{{suggestion}}'?",
            { config, count: facts.configCount, suggestion: facts.suggestion },
          )
        : t(
            'config \'{{config}}\' is not in the file ({{count}} named config); mig-parted fails with "selected mig-config not present" and the node state becomes failed.',
            { config, count: facts.configCount },
          );
    case 'gpu-not-covered':
      return t(
        "config '{{config}}': no entry matches GPU {{gpu}} ({{device}}); mig-parted leaves this GPU as it is and the node still reports success",
        { config, gpu: issue.gpuIndex, device: facts.device },
      );
    case 'entry-overridden':
      return t(
        "config '{{config}}', entry #{{entry}} is overridden by entry #{{by}} on {{gpus}}: mig-parted applies both in order, so only entry #{{by}} takes effect",
        { config, entry, by: facts.by, gpus: gpuIndexListText(t, facts.gpus) },
      );
    case 'device-index-absent':
      return t(
        "config '{{config}}', entry #{{entry}} names {{gpus}}, which this node does not have (it has {{present}})",
        {
          config,
          entry,
          gpus: gpuIndexListText(t, facts.gpus),
          present: gpuIndexListText(t, facts.present),
        },
      );
    case 'not-mig-capable':
      return t(
        '{{where}}: the entry names this GPU explicitly with mig-enabled: true, but it does not support MIG; mig-parted fails',
        { where: where(facts.device) },
      );
    case 'unknown-device':
      return t(
        '{{where}}: device id {{deviceId}} is not in the MIG catalog, so profiles and placements cannot be checked',
        { where: where(facts.device), deviceId: facts.deviceId },
      );
    case 'empty-mig-layout':
      return t(
        '{{where}}: MIG is enabled with no instances, so this {{model}} advertises no GPU resource (the single strategy treats it as invalid)',
        { where: where(facts.device), model: facts.model },
      );
    case 'placements-unknown':
      return t(
        '{{where}}: placements of {{profiles}} on {{model}} are not known from any NVIDIA source, so whether the instances fit cannot be decided offline',
        { where: where(facts.device), profiles: facts.profiles.join(', '), model: facts.model },
      );
    case 'layout':
      return t('{{where}}: {{problem}}', {
        where: where(facts.device),
        problem: layoutProblemText(t, facts.problem),
      });
    case 'layout-warning':
      return t('{{where}}: {{warning}}', {
        where: where(facts.device),
        warning: layoutWarningText(t, facts.warning),
      });
    case 'current-state-unknown':
      return t(
        'GPU {{gpu}}: its current MIG state was not given; the prediction assumes MIG is off on it.',
        { gpu: issue.gpuIndex },
      );
    case 'advertisement':
      return advertisementWarningText(t, facts.warning);
    case 'single-strategy-invalid':
      return t(
        "config '{{config}}' under the single strategy: GFD labels the node {{product}}. {{why}} Use the mixed strategy, or give every GPU the same single profile.",
        {
          config,
          product: facts.product ?? 'MIG-INVALID',
          why: singleStrategyInvalidText(t, facts.invalid),
        },
      );
    default:
      return issue.message;
  }
}

/** Why a config cannot be chosen for a node, with the node's name when several are selected. */
export function configOptionReasonText(t: Translate, reason: ConfigOptionReason): string {
  const text =
    reason.kind === 'not-in-config'
      ? t('not in the mig-parted config this node uses')
      : reason.issue
        ? configIssueText(t, reason.issue)
        : reason.message;
  return reason.node === undefined
    ? text
    : t('{{node}}: {{reason}}', { node: reason.node, reason: text });
}
