import { Alert, AlertActionLink, Content, Stack, StackItem } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import type { GpuNodeView, NodeGpuCondition, ObservedTime } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import type { Translate } from '../../text/translate';
import { conditionDetail, conditionTitle } from '../../text/conditionText';
import { clockTime, durationText, elapsedSince } from '../../text/timeText';
import { resourceWordingFor } from '../../text/resourceText';
import { ResourceComparison } from './ResourceComparison';
import { stateDurationText } from './StateLabels';

interface ConditionText {
  title: string;
  /** What it means and what to do, in the GPU operator's words. */
  body?: ReactNode;
  /** False when `body` already says what the cluster layer's `detail` says. */
  showDetail?: boolean;
  /** The one-click fix: opens the apply preview (with this config chosen, when there is one). */
  fix?: { label: string; config?: string };
}

/** "Pending for 12 min, since 14:02." — or, when only this page saw it start, a lower bound. */
const pendingTimeText = (t: Translate, since: ObservedTime): string => {
  const duration = durationText(t, elapsedSince(since.at) ?? 0);
  const time = clockTime(since.at);
  return since.from === 'cluster'
    ? t('Pending for {{duration}}, since {{time}}.', { duration, time })
    : t(
        'This page first saw it pending at {{time}} ({{duration}} ago); the cluster recorded no time for it.',
        { duration, time },
      );
};

/**
 * The page's own words for each condition kind (translated), with the cluster layer's detail
 * (worded by `conditionDetail`) carrying the node-specific facts. Other kinds use the cluster
 * layer's title, worded by `conditionTitle`.
 */
const useConditionText = (node: GpuNodeView) => {
  const { t } = usePluginTranslation();
  const config = node.migConfig ?? t('(not set)');
  const retry = t(
    'Setting the same value again does not retry: set nvidia.com/mig.config to another value and back, or restart the nvidia-mig-manager pod on this node.',
  );
  return (condition: NodeGpuCondition): ConditionText => {
    switch (condition.kind) {
      case 'pending':
        return {
          title: t('Applying MIG configuration {{config}}', { config }),
          body: (
            <>
              {node.stateSince && <p>{pendingTimeText(t, node.stateSince)}</p>}
              {t(
                'The mig-manager is reconfiguring the GPUs. The device plugin, GPU Feature Discovery and DCGM are paused on this node until it finishes. Pods still using a GPU are not evicted and make the change fail: drain them first.',
              )}
            </>
          ),
          showDetail: false,
        };
      case 'stuck-pending': {
        // The detail gives the likely cause; the title, how long, from the same time as the labels.
        const facts = condition.facts?.code === 'stuck-pending' ? condition.facts : undefined;
        const since: ObservedTime | undefined = facts
          ? { at: facts.since, from: facts.firstSeenByPage ? 'page' : 'cluster' }
          : undefined;
        return {
          title: since
            ? stateDurationText(t, t('Pending'), since).text
            : conditionTitle(t, condition),
          body: retry,
        };
      }
      case 'failed':
        return {
          title: t('Applying MIG configuration {{config}} failed', { config }),
          body: (
            <>
              {t(
                'nvidia.com/mig.config.state is failed: the last reconfiguration stopped with an error and the GPUs may be partly configured. The reason is in the logs of the nvidia-mig-manager pod on this node (GPU operator namespace). Common causes: the configuration name is not in the mig-parted ConfigMap, a process still uses the GPU ("In use by another client"), or a MIG mode change that needs a reboot.',
              )}{' '}
              {retry}
            </>
          ),
          showDetail: false,
        };
      case 'drifted':
        return {
          title: t('Advertised resources differ from {{config}}', { config }),
          body: (
            <Stack hasGutter>
              <StackItem>
                {t(
                  'The node does not advertise what its configuration and the cluster strategy predict. The mig-manager reports success even when it skips a GPU, and edits to a custom ConfigMap only take effect when the label value changes.',
                )}
              </StackItem>
              <StackItem>
                <ResourceComparison
                  expected={node.expected}
                  advertised={node.allocatable}
                  wording={resourceWordingFor(node)}
                  ariaLabel={t('Expected and advertised resources of {{node}}', {
                    node: node.name,
                  })}
                />
              </StackItem>
            </Stack>
          ),
          showDetail: false,
        };
      case 'single-invalid':
        return {
          title: t('MIG-INVALID: this node advertises no GPUs at all'),
          body: t(
            'The cluster uses the single MIG strategy, which needs every GPU on the node MIG-enabled with one identical profile. This layout mixes profiles or leaves GPUs without MIG, so GPU Feature Discovery labels the product MIG-INVALID and the device plugin does not start. To fix it, set mig.strategy to mixed in the ClusterPolicy, or label the node with a single-profile configuration (for example all-1g.10gb).',
          ),
        };
      case 'mig-under-strategy-none':
        return {
          title: t('MIG is enabled but the cluster MIG strategy is none'),
          body: t(
            'Under strategy none the device plugin advertises each physical GPU as nvidia.com/gpu and ignores its MIG instances. Set mig.strategy to single or mixed in the ClusterPolicy.',
          ),
          showDetail: false,
        };
      case 'gpu-not-covered':
        return {
          title: t('Some GPUs are not covered by {{config}}', { config }),
          body: t(
            'No entry of this configuration matches these GPUs, so mig-parted leaves them unchanged and still reports success. Use a configuration with an entry for this GPU model (or one without a device filter).',
          ),
        };
      case 'unknown-config':
        // A config that exists but cannot be created on these GPUs: the detail says why.
        if (condition.facts?.code === 'config-cannot-apply') {
          return { title: conditionTitle(t, condition) };
        }
        return missingConfigText(t, condition, config);
      case 'missing-capacity':
        return condition.facts?.code === 'no-gpu-resources' && node.expected
          ? {
              title: conditionTitle(t, condition),
              body: (
                <ResourceComparison
                  expected={node.expected}
                  advertised={node.allocatable}
                  wording={resourceWordingFor(node)}
                  ariaLabel={t('Expected and advertised resources of {{node}}', {
                    node: node.name,
                  })}
                />
              ),
            }
          : { title: conditionTitle(t, condition) };
      default:
        // Rebooting, paused operands, unknown model, malformed labels, unread quantities and
        // predicted layouts: the cluster layer's title and detail are specific to the case.
        return { title: conditionTitle(t, condition) };
    }
  };
};

/**
 * A config name the source does not have: one alert, with the nearest name the node can take
 * and the fix through the usual preview. Retrying the name could only fail again.
 */
function missingConfigText(t: Translate, condition: NodeGpuCondition, config?: string) {
  const suggestion =
    condition.facts?.code === 'config-not-found' ? condition.facts.suggestion : undefined;
  const failed = t(
    'The mig-manager failed on it, and setting the same name again fails again. Choose a config that exists (or add this one to a custom ConfigMap set in the ClusterPolicy: the operator reverts edits to default-mig-parted-config).',
  );
  return {
    title: suggestion
      ? t('{{config}} is not in the mig-parted config: did you mean {{suggestion}}?', {
          config,
          suggestion,
        })
      : t('{{config}} is not in the mig-parted config', { config }),
    body: failed,
    showDetail: false,
    fix: suggestion
      ? { label: t('Preview {{config}}…', { config: suggestion }), config: suggestion }
      : { label: t('Choose a config…') },
  };
}

interface NodeConditionAlertsProps {
  node: GpuNodeView;
  /** Leave out informational conditions (for the compact expanded row). */
  hideInfo?: boolean;
  /** Opens the apply preview for this node, with `config` chosen when given (an alert's fix). */
  onApplyConfig?: (config?: string) => void;
}

const SEVERITY_ORDER: Record<NodeGpuCondition['severity'], number> = {
  danger: 0,
  warning: 1,
  info: 2,
};

/** A node's conditions as inline alerts, most severe first; each says what it means and what to do. */
export const NodeConditionAlerts = ({
  node,
  hideInfo,
  onApplyConfig,
}: NodeConditionAlertsProps) => {
  const { t } = usePluginTranslation();
  const textFor = useConditionText(node);
  const conditions = node.conditions
    .filter((condition) => !hideInfo || condition.severity !== 'info')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  if (conditions.length === 0) return null;
  return (
    <Stack hasGutter>
      {conditions.map((condition, index) => {
        const text = textFor(condition);
        const detail = conditionDetail(t, condition);
        return (
          <StackItem key={`${condition.kind}-${index}`}>
            <Alert
              isInline
              isPlain={false}
              variant={condition.severity}
              title={text.title}
              {...(text.fix && onApplyConfig
                ? {
                    actionLinks: (
                      <AlertActionLink onClick={() => onApplyConfig(text.fix?.config)}>
                        {text.fix.label}
                      </AlertActionLink>
                    ),
                  }
                : {})}
            >
              {detail && text.showDetail !== false && <Content component="p">{detail}</Content>}
              {text.body && <div>{text.body}</div>}
            </Alert>
          </StackItem>
        );
      })}
    </Stack>
  );
};
