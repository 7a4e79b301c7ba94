/**
 * The words for a node's GPU conditions (`NodeGpuCondition.facts`, src/cluster/nodeView.ts): the
 * title and the node-specific detail. Node data (config, profile and operand names, label values,
 * counts, times) stays as it is inside the translated sentences.
 */
import type { GpuCountGuess, NodeGpuCondition, ResourceDrift } from '../../cluster/types';
import type { Translate } from './translate';
import { configIssueText } from './configIssueText';
import { configFallbackText } from './configSourceText';
import { layoutWarningText, singleStrategyInvalidText } from './layoutText';
import { labelProblemText, resourceListIssueText } from './readingText';

const driftText = (t: Translate, drift: ResourceDrift[]): string =>
  drift
    .map((entry) => {
      const values = {
        resource: entry.resourceName,
        expected: entry.expected,
        allocatable: entry.allocatable,
      };
      return entry.labelCount !== undefined
        ? t(
            '{{resource}}: expected {{expected}}, allocatable {{allocatable}}, GFD label {{label}}',
            {
              ...values,
              label: entry.labelCount,
            },
          )
        : t('{{resource}}: expected {{expected}}, allocatable {{allocatable}}', values);
    })
    .join('; ');

const gpuCountGuessText = (t: Translate, guess: GpuCountGuess): string => {
  if (guess.why === 'single-counts-mig-devices') {
    return t(
      'under the single strategy nvidia.com/gpu.count ({{labelCount}}) counts MIG devices, not GPUs, and the config does not tell how many GPUs that is.',
      { labelCount: guess.labelCount },
    );
  }
  const why =
    guess.why === 'mig-invalid'
      ? t('GFD writes nvidia.com/gpu.count=0 with MIG-INVALID')
      : guess.why === 'count-missing'
        ? t('nvidia.com/gpu.count is missing')
        : t('nvidia.com/gpu.count is 0');
  return guess.from === 'capacity'
    ? t('{{why}}; the count is taken from capacity nvidia.com/gpu.', { why })
    : t('{{why}}; one GPU is assumed.', { why });
};

/** MIG-INVALID's node-specific facts: GFD's label, and the reason GFD and the device plugin log. */
const singleInvalidText = (
  t: Translate,
  { predicted, product }: NonNullable<NodeGpuCondition['singleInvalid']>,
): string | undefined => {
  const why = predicted && singleStrategyInvalidText(t, predicted);
  if (!product) return why;
  const noPlugin = t('The device plugin does not start, so no GPU resources are advertised.');
  return t('GFD labelled the product {{product}}. {{why}}', { product, why: why ?? noPlugin });
};

/** The condition's title as the cluster layer states it, in the page's language. */
export function conditionTitle(t: Translate, condition: NodeGpuCondition): string {
  const facts = condition.facts;
  switch (facts.code) {
    case 'malformed-label':
      return t('Label {{label}} has a value the plugin cannot read', {
        label: facts.problem.label,
      });
    case 'unreadable-quantity':
      return t('A GPU resource quantity on the node cannot be read');
    case 'gfd-not-labelled':
      return t('GPU Feature Discovery has not labelled this node yet');
    case 'model-not-in-catalog':
      return t("GPU model {{product}} is not in the plugin's catalog", { product: facts.product });
    case 'gpu-count-guess':
      return t('GPU count assumed to be {{count}}', { count: facts.count });
    case 'built-in-config':
      return t('Predictions use the built-in config, not the cluster’s');
    case 'config-not-found':
      return t("Config '{{config}}' is not in the mig-parted config in use", {
        config: facts.config,
      });
    case 'config-cannot-apply':
      return t("Config '{{config}}' cannot be applied to this node", { config: facts.config });
    case 'config-without-mig':
      return t('nvidia.com/mig.config={{config}} has no effect on this node', {
        config: facts.config,
      });
    case 'gpu-not-covered':
      return t("No entry of '{{config}}' matches GPU {{gpus}}", {
        config: facts.config,
        gpus: facts.gpus.join(', '),
      });
    case 'single-invalid':
      return t('Single strategy cannot express this layout: the node advertises no GPUs');
    case 'mig-under-strategy-none':
      return t('MIG is enabled but the cluster strategy is none');
    case 'stuck-pending':
      return t("Pending longer than the mig-manager's timeouts");
    case 'pending':
      return t("Applying '{{config}}'", { config: facts.config });
    case 'rebooting':
      return t('Rebooting to change MIG mode');
    case 'failed':
      return t("Applying '{{config}}' failed", { config: facts.config });
    case 'operands-paused':
      return t('GPU operands paused for a MIG change: {{operands}}', {
        operands: facts.operands.join(', '),
      });
    case 'drifted':
      return t('The node advertises different GPU resources than its config predicts');
    case 'no-gpu-resources':
      return t('The node advertises no GPU resources');
    default:
      return t('Slice positions are predicted');
  }
}

/** The condition's node-specific detail in the page's language, when it has one. */
export function conditionDetail(t: Translate, condition: NodeGpuCondition): string | undefined {
  const facts = condition.facts;
  switch (facts.code) {
    case 'malformed-label':
      return t('{{problem}}. The value is ignored.', {
        problem: labelProblemText(t, facts.problem),
      });
    case 'unreadable-quantity':
      return t('{{problem}}. It is treated as absent.', {
        problem: resourceListIssueText(t, facts.issue),
      });
    case 'gfd-not-labelled':
      return t(
        'nvidia.com/gpu.product is missing (GFD not running yet, or paused for a MIG change), so the GPU model and its MIG geometry are unknown.',
      );
    case 'model-not-in-catalog':
      return t(
        'Slice maps and predictions need the model geometry; resources are shown as the node advertises them.',
      );
    case 'gpu-count-guess':
      return gpuCountGuessText(t, facts.guess);
    case 'built-in-config':
      return configFallbackText(t, facts.source);
    case 'config-not-found':
      return facts.issue
        ? configIssueText(t, facts.issue)
        : t('the mig-manager fails with "selected mig-config not present".');
    case 'config-cannot-apply':
      return configIssueText(t, facts.issue);
    case 'config-without-mig':
      return facts.byGfd
        ? t(
            'GPU Feature Discovery reports no MIG on the {{product}} (nvidia.com/mig.capable=false), so the GPU operator runs no mig-manager on this node and nothing applies the label: its GPUs are served whole.',
            { product: facts.product },
          )
        : t(
            'The {{product}} has no MIG, so the GPU operator runs no mig-manager on this node and nothing applies the label: its GPUs are served whole.',
            { product: facts.product },
          );
    case 'gpu-not-covered': {
      const model = facts.model ?? t('model');
      return t(
        "mig-parted leaves this GPU as it is and still reports success. (Matching uses the {{model}}'s PCI id: GFD labels do not carry one.)",
        { count: facts.gpus.length, model },
      );
    }
    case 'single-invalid':
      return condition.singleInvalid && singleInvalidText(t, condition.singleInvalid);
    case 'mig-under-strategy-none':
      return t(
        'The device plugin advertises each MIG-enabled GPU whole as nvidia.com/gpu; its MIG instances are not schedulable.',
      );
    case 'stuck-pending':
      return facts.operandsPaused
        ? t(
            "Longer than the mig-manager's own timeouts (5 minutes per paused operand). It writes no new state when operand pods do not stop, so this node may stay pending with its GPU operands paused. Check the nvidia-mig-manager pod's logs.",
          )
        : t(
            "Longer than the mig-manager's own timeouts (5 minutes per paused operand). It writes no new state when operand pods do not stop, so this node may stay pending. Check the nvidia-mig-manager pod's logs.",
          );
    case 'pending':
      if (facts.since === undefined) return t('Pending; the start time is unknown.');
      return facts.firstSeenByPage
        ? t('Pending since {{since}} (first seen by this page).', { since: facts.since })
        : t('Pending since {{since}}.', { since: facts.since });
    case 'rebooting':
      return t('The GPU reset could not be done in place; the state is re-evaluated after boot.');
    case 'failed':
      return t(
        'The reason is in the nvidia-mig-manager pod logs. Setting the same value again does not retry.',
      );
    case 'operands-paused':
      return facts.state === 'pending'
        ? t('The node advertises no GPUs until the change completes.')
        : t(
            'The state is {{state}}, yet the deploy labels still read paused-for-mig-change: the mig-manager stopped without restoring them.',
            { state: facts.state },
          );
    case 'drifted':
      return driftText(t, facts.drift);
    case 'no-gpu-resources':
      return facts.expected
        ? t(
            'status.allocatable has no nvidia.com/gpu or nvidia.com/mig-* entry, though its config predicts some: the device plugin is not running or not registered.',
          )
        : t(
            'status.allocatable has no nvidia.com/gpu or nvidia.com/mig-* entry: the device plugin is not running or not registered.',
          );
    default: {
      const base = t(
        'mig-parted lets the driver choose where each instance starts, and pods are matched to instances by resource only (inferred).',
      );
      const warnings = facts.warnings.map((warning) => layoutWarningText(t, warning));
      return [base, ...warnings].join(' ');
    }
  }
}
