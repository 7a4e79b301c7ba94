import { Alert, Content, Stack, StackItem } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import type { GpuNodeView, NodeGpuCondition } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { ResourceComparison } from './ResourceComparison';

interface ConditionText {
  title: string;
  /** What it means and what to do, in the GPU operator's words. */
  body?: ReactNode;
}

/**
 * The page's own words for each condition kind (translated), with the cluster layer's `detail`
 * carrying the node-specific facts. Unknown kinds fall back to the cluster layer's title.
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
          body: t(
            'The mig-manager is reconfiguring the GPUs. The device plugin, GPU Feature Discovery and DCGM are paused on this node until it finishes. Pods still using a GPU are not evicted and make the change fail: drain them first.',
          ),
        };
      case 'stuck-pending':
        return {
          title: t('Stuck in pending'),
          body: (
            <>
              {t(
                'The mig-manager has not finished. It writes no new state when the GPU operand pods do not stop within 5 minutes, so the node can stay pending, with operands paused. Check the logs of the nvidia-mig-manager pod on this node.',
              )}{' '}
              {retry}
            </>
          ),
        };
      case 'rebooting':
        return {
          title: t('Rebooting to change MIG mode'),
          body: t(
            'Enabling or disabling MIG needs a GPU reset that could not be done in place, so the mig-manager is rebooting the node. The state is re-evaluated after boot.',
          ),
        };
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
                  ariaLabel={t('Expected and advertised resources of {{node}}', {
                    node: node.name,
                  })}
                />
              </StackItem>
            </Stack>
          ),
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
        };
      case 'gpu-not-covered':
        return {
          title: t('Some GPUs are not covered by {{config}}', { config }),
          body: t(
            'No entry of this configuration matches these GPUs, so mig-parted leaves them unchanged and still reports success. Use a configuration with an entry for this GPU model (or one without a device filter).',
          ),
        };
      case 'operands-paused':
        return {
          title: t('GPU operands are paused for a MIG change'),
          body: t(
            'nvidia.com/gpu.deploy.* labels are set to paused-for-mig-change: the device plugin, GPU Feature Discovery and DCGM are stopped, so the node advertises no GPUs until the change completes.',
          ),
        };
      case 'unknown-model':
        return {
          title: t('GPU model not in the catalog'),
          body: t(
            'This plugin does not know the geometry of {{product}}. Slice maps and predictions are not available; resources are shown as the node advertises them.',
            { product: node.product || t('this GPU') },
          ),
        };
      case 'unknown-config':
        return {
          title: t('Configuration {{config}} is not in the mig-parted config', { config }),
          body: t(
            'The mig-manager fails with a name it cannot find. Use a name from the ConfigMap, or add it to a custom ConfigMap set in the ClusterPolicy (the operator reverts edits to default-mig-parted-config).',
          ),
        };
      case 'malformed-label':
        return { title: t('A GPU label has a value this plugin does not understand') };
      case 'missing-capacity':
        return { title: t('The node reports no GPU capacity') };
      case 'unverified-layout':
        return {
          title: t('Slice positions are predicted'),
          body: t(
            'mig-parted lets the driver choose where each instance starts; the slice maps show the likely placement.',
          ),
        };
      default:
        return { title: condition.title };
    }
  };
};

interface NodeConditionAlertsProps {
  node: GpuNodeView;
  /** Leave out informational conditions (for the compact expanded row). */
  hideInfo?: boolean;
}

const SEVERITY_ORDER: Record<NodeGpuCondition['severity'], number> = {
  danger: 0,
  warning: 1,
  info: 2,
};

/** A node's conditions as inline alerts, most severe first; each says what it means and what to do. */
export const NodeConditionAlerts = ({ node, hideInfo }: NodeConditionAlertsProps) => {
  const textFor = useConditionText(node);
  const conditions = node.conditions
    .filter((condition) => !hideInfo || condition.severity !== 'info')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  if (conditions.length === 0) return null;
  return (
    <Stack hasGutter>
      {conditions.map((condition, index) => {
        const text = textFor(condition);
        return (
          <StackItem key={`${condition.kind}-${index}`}>
            <Alert isInline isPlain={false} variant={condition.severity} title={text.title}>
              {condition.detail && <Content component="p">{condition.detail}</Content>}
              {text.body && <div>{text.body}</div>}
            </Alert>
          </StackItem>
        );
      })}
    </Stack>
  );
};
