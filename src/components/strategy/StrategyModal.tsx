import {
  Alert,
  Button,
  Checkbox,
  Content,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Radio,
  Spinner,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import * as React from 'react';
import type { ClusterPolicyKind } from '../../cluster/models';
import type { MigStrategy } from '../../geometry/types';
import type { GpuNodeViewsResult } from '../../hooks/useGpuNodeViews';
import { useClusterPolicyPatchAccess } from '../../hooks/useMigWriteAccess';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { useStrategyChange } from '../../hooks/useStrategyChange';
import { previewStrategy, type NodeStrategyPreview } from './strategyPreview';
import { StrategyOutcomeTable } from './StrategyOutcomeTable';
import { StrategyPreviewTable } from './StrategyPreviewTable';
import { clusterPolicyIssueText } from '../text/clusterPolicyText';
import { WithGpuNodeViews } from '../gpu-page/shared/WithGpuNodeViews';

export interface StrategyModalProps {
  isOpen: boolean;
  onClose: () => void;
}

const STRATEGIES: MigStrategy[] = ['single', 'mixed', 'none'];

/**
 * Switch the ClusterPolicy's MIG strategy with a preview of what each GPU node advertises
 * afterwards (and which layouts `single` cannot express), a guarded patch, and the nodes
 * re-advertising live afterwards.
 */
export const StrategyModal = (props: StrategyModalProps) => (
  <WithGpuNodeViews>{(data) => <StrategyDialog {...props} data={data} />}</WithGpuNodeViews>
);

const StrategyDialog = ({
  isOpen,
  onClose,
  data,
}: StrategyModalProps & { data: GpuNodeViewsResult }) => {
  const { t } = usePluginTranslation();
  // Said apart: the catalogue extractor misses a t() inside another t()'s values.
  const unknown = t('unknown');
  const access = useClusterPolicyPatchAccess();
  const [writeState, write] = useStrategyChange();
  const policy = data.clusterPolicy.clusterPolicy;
  const current = data.strategy;
  const [chosen, setChosen] = React.useState<MigStrategy>();
  const [basis, setBasis] = React.useState<ClusterPolicyKind>();
  const [acknowledged, setAcknowledged] = React.useState(false);
  /** The strategy written, and the preview it was confirmed on (what each node should do). */
  const [written, setWritten] = React.useState<{
    strategy: MigStrategy;
    preview: NodeStrategyPreview[];
  }>();

  const choose = (strategy: MigStrategy) => {
    setChosen(strategy);
    setBasis(policy);
    setAcknowledged(false);
  };

  const preview = React.useMemo(
    () => (chosen ? previewStrategy(data.nodes, chosen) : []),
    [chosen, data.nodes],
  );
  const invalidNodes = preview.filter((node) => node.invalid);
  const strandsPods = preview.some((node) => node.affectedPods.length > 0);
  const needsAck = chosen === 'none' || invalidNodes.length > 0 || strandsPods;
  const policyName = policy?.metadata?.name ?? '';

  const disabledReason = (() => {
    if (!access.loading && !access.allowed) {
      return t('You are not allowed to patch ClusterPolicies, so you can preview but not apply.');
    }
    if (!policy)
      return t('No ClusterPolicy was found: the GPU operator is not installed or not readable.');
    if (!chosen) return t('Choose a strategy to see the preview.');
    if (chosen === current) return t('This is the current strategy.');
    if (needsAck && !acknowledged) return t('Acknowledge the warnings first.');
    return undefined;
  })();

  const apply = async () => {
    if (!basis || !chosen) return;
    const result = await write(basis, chosen);
    if (result.status === 'written') setWritten({ strategy: chosen, preview });
    else if (result.status === 'conflict') setBasis(policy);
  };

  const strategyLabel = (strategy: MigStrategy) =>
    ({
      single: t('single: every GPU offers one MIG profile, as nvidia.com/gpu'),
      mixed: t('mixed: each MIG profile is its own resource, nvidia.com/mig-<profile>'),
      none: t('none: MIG instances are not advertised; each GPU is offered whole'),
    })[strategy];

  return (
    <Modal
      variant="large"
      isOpen={isOpen}
      onClose={onClose}
      aria-labelledby="gpu-partitioning-strategy-title"
    >
      <ModalHeader
        title={t('Change the MIG strategy')}
        labelId="gpu-partitioning-strategy-title"
        description={t(
          'The strategy decides how the device plugin advertises MIG instances on every GPU node. It is spec.mig.strategy of ClusterPolicy {{name}}.',
          { name: policyName },
        )}
      />
      <ModalBody>
        <Stack hasGutter>
          {!data.loaded && (
            <StackItem>
              <Spinner size="lg" aria-label={t('Loading')} />
            </StackItem>
          )}
          {data.clusterPolicy.issues.map((issue) => (
            <StackItem key={issue.kind}>
              <Alert isInline variant="warning" title={clusterPolicyIssueText(t, issue)} />
            </StackItem>
          ))}
          {written ? (
            <>
              <StackItem>
                <Alert
                  isInline
                  variant="success"
                  title={t('spec.mig.strategy set to {{strategy}}', { strategy: written.strategy })}
                  data-test="strategy-written"
                >
                  {t(
                    'The operator now rolls the device plugin and GFD on every GPU node; nodes re-advertise their GPUs within a few minutes. ClusterPolicy state: {{state}}.',
                    { state: policy?.status?.state ?? unknown },
                  )}
                </Alert>
              </StackItem>
              <StackItem>
                <StrategyOutcomeTable
                  nodes={data.nodes}
                  strategy={written.strategy}
                  preview={written.preview}
                />
              </StackItem>
            </>
          ) : (
            <>
              <StackItem>
                <Content component="p">
                  {t('Current strategy: {{strategy}}', { strategy: current ?? unknown })}
                </Content>
                {STRATEGIES.map((strategy) => (
                  <Radio
                    key={strategy}
                    id={`gpu-partitioning-strategy-${strategy}`}
                    name="gpu-partitioning-strategy"
                    label={strategyLabel(strategy)}
                    isChecked={chosen === strategy}
                    onChange={() => choose(strategy)}
                  />
                ))}
              </StackItem>
              {chosen === 'none' && (
                <StackItem>
                  <Alert isInline variant="danger" title={t('none turns off MIG advertising')}>
                    {t(
                      'The device plugin then advertises each GPU whole as nvidia.com/gpu, even GPUs in MIG mode: pods asking for nvidia.com/mig-* resources stop scheduling, and a pod given a MIG-enabled GPU whole cannot use it.',
                    )}
                  </Alert>
                </StackItem>
              )}
              {invalidNodes.length > 0 && (
                <StackItem>
                  <Alert
                    isInline
                    variant="danger"
                    title={t('{{count}} node cannot be expressed under single', {
                      count: invalidNodes.length,
                    })}
                  >
                    {t(
                      'Their layouts mix MIG profiles: GFD labels them MIG-INVALID and the device plugin advertises no GPUs at all. Change their config first, or use mixed.',
                    )}
                  </Alert>
                </StackItem>
              )}
              {chosen && (
                <StackItem>
                  <StrategyPreviewTable
                    preview={preview}
                    {...(current ? { current } : {})}
                    {...(chosen ? { chosen } : {})}
                  />
                </StackItem>
              )}
              {needsAck && chosen !== current && (
                <StackItem>
                  <Checkbox
                    id="gpu-partitioning-strategy-acknowledge"
                    label={t(
                      'I understand which nodes and pods lose the resources they advertise or use',
                    )}
                    isChecked={acknowledged}
                    onChange={(_event, checked) => setAcknowledged(checked)}
                  />
                </StackItem>
              )}
              {writeState.result && writeState.result.status !== 'written' && (
                <StackItem>
                  <Alert
                    isInline
                    variant="danger"
                    title={
                      writeState.result.status === 'conflict'
                        ? t(
                            'The ClusterPolicy changed since the preview; nothing was overwritten. Review the refreshed preview and confirm again.',
                          )
                        : writeState.result.status === 'invalid'
                          ? t(
                              'The API server refused the strategy as invalid input (not a conflict); nothing was changed. Its message:',
                            )
                          : writeState.result.status === 'forbidden'
                            ? t('You are not allowed to patch the ClusterPolicy.')
                            : t('The strategy was not changed.')
                    }
                  >
                    {writeState.result.message}
                  </Alert>
                </StackItem>
              )}
            </>
          )}
        </Stack>
      </ModalBody>
      <ModalFooter>
        {written ? (
          <Button variant="primary" onClick={onClose}>
            {t('Close')}
          </Button>
        ) : (
          <>
            <Button
              variant={chosen === 'none' ? 'danger' : 'primary'}
              isDisabled={disabledReason !== undefined || writeState.running}
              isLoading={writeState.running}
              onClick={() => void apply()}
            >
              {chosen
                ? t('Set spec.mig.strategy={{strategy}} on {{name}}', {
                    strategy: chosen,
                    name: policyName,
                  })
                : t('Change strategy')}
            </Button>
            <Button variant="link" onClick={onClose}>
              {t('Cancel')}
            </Button>
            {disabledReason && (
              <HelperText>
                <HelperTextItem>{disabledReason}</HelperTextItem>
              </HelperText>
            )}
          </>
        )}
      </ModalFooter>
    </Modal>
  );
};

export default StrategyModal;
