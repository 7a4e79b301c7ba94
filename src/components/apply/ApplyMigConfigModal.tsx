import {
  Alert,
  AlertActionLink,
  Button,
  Checkbox,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Form,
  FormGroup,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Spinner,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { ALL_DISABLED_CONFIG } from '../../cluster/applyPlan';
import type { ConfigChangeStep } from '../../cluster/availability';
import { MIG_CONFIG_LABEL } from '../../cluster/labels';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { planHeading, type StepsPurpose } from '../text/applyPlanText';
import { WithGpuNodeViews } from '../gpu-page/shared/WithGpuNodeViews';
import { ClusterEffectAlert } from './ClusterEffectAlert';
import { ConfigSelect } from './ConfigSelect';
import { MigChangeProgress } from './MigChangeProgress';
import { NodePlanCard } from './NodePlanCard';
import { useApplyDialogState, type ApplyDialogData } from './useApplyDialogState';
import { WriteResults } from './WriteResults';
import './apply.css';

export interface ApplyMigConfigModalProps {
  isOpen: boolean;
  onClose: () => void;
  /** Nodes to change (names of GPU nodes). */
  nodeNames: string[];
  /** Preselected config: `all-disabled` for "Disable MIG". */
  initialConfig?: string;
  /**
   * A plan of several configs instead of one config for `nodeNames`: each step's config on its
   * nodes, previewed and applied together; no config is chosen. `purpose` says whose plan it is.
   */
  plan?: ApplyStepsPlan;
}

/** Steps the page worked out: the changes that make room for waiting pods, or a request's. */
export interface ApplyStepsPlan {
  steps: ConfigChangeStep[];
  purpose: StepsPurpose;
}

/**
 * Apply a named MIG config to nodes (or a plan of several, each node its step's config): choose
 * among the configs valid for their GPUs, see per node
 * and GPU what changes (slice maps, resources, pods, blocking errors, warnings to acknowledge),
 * write `nvidia.com/mig.config` with patches that test the previewed values, then follow the
 * mig-manager until it succeeds or fails, with the reason and a recovery. On the page it uses
 * the page's node views.
 */
export const ApplyMigConfigModal = (props: ApplyMigConfigModalProps) => (
  <WithGpuNodeViews>{(data) => <ApplyMigConfigDialog {...props} data={data} />}</WithGpuNodeViews>
);

/** The dialog's markup; its state lives in `useApplyDialogState`. */
const ApplyMigConfigDialog = ({
  isOpen,
  onClose,
  nodeNames,
  initialConfig,
  plan: stepsPlan,
  data,
}: ApplyMigConfigModalProps & { data: ApplyDialogData }) => {
  const { t } = usePluginTranslation();
  const dialog = useApplyDialogState(data, nodeNames, initialConfig, stepsPlan?.steps);
  const { state, plan, writes, applyState, actions } = dialog;
  const { configName, followed, unwritten } = state;
  const disabledReason =
    dialog.block &&
    {
      'not-allowed': t(
        'You are not allowed to patch nodes, so you can preview but not apply. Ask a cluster administrator.',
      ),
      'no-config': t('Choose a config to see the preview.'),
      'plan-blocked': t('Resolve the errors shown in the preview first.'),
      'nothing-to-write': stepsPlan
        ? t('Every node of the plan already has its config.')
        : t('Every selected node already has this config.'),
      unacknowledged: t('Acknowledge the warnings first.'),
    }[dialog.block];

  // While the labels are written the dialog stays: closing it (Cancel, Esc, ×) stops after the
  // node being written, and the dialog then says which nodes were written and which were not.
  const writing = applyState.running;
  const heading = stepsPlan
    ? planHeading(t, stepsPlan)
    : {
        title: initialConfig === ALL_DISABLED_CONFIG ? t('Disable MIG') : t('Apply MIG config'),
        description: t(
          'Sets the nvidia.com/mig.config label on {{count}} node. The NVIDIA mig-manager on each node then repartitions its GPUs.',
          { count: nodeNames.length },
        ),
      };

  return (
    <Modal
      variant="large"
      isOpen={isOpen}
      onClose={writing ? actions.stop : onClose}
      aria-labelledby="gpu-partitioning-apply-title"
      aria-describedby="gpu-partitioning-apply-description"
    >
      <ModalHeader
        title={heading.title}
        labelId="gpu-partitioning-apply-title"
        descriptorId="gpu-partitioning-apply-description"
        description={heading.description}
      />
      <ModalBody>
        {followed ? (
          <Stack hasGutter>
            <StackItem>
              <WriteResults outcome={followed.outcome} />
            </StackItem>
            <StackItem>
              <MigChangeProgress
                targets={followed.targets}
                views={data.nodes}
                namespace={data.clusterPolicy.namespace}
              />
            </StackItem>
          </Stack>
        ) : (
          <Stack hasGutter>
            {!dialog.ready && (
              <StackItem>
                <Spinner size="lg" aria-label={t('Loading GPU nodes')} />
              </StackItem>
            )}
            {unwritten && (
              <StackItem>
                <WriteResults outcome={unwritten} />
              </StackItem>
            )}
            {stepsPlan ? (
              plan &&
              'steps' in plan && (
                <StackItem>
                  <PlanSteps steps={plan.steps} />
                </StackItem>
              )
            ) : (
              <StackItem>
                <Form onSubmit={(event) => event.preventDefault()}>
                  <FormGroup label={t('MIG config')} fieldId="gpu-partitioning-apply-config">
                    <ConfigSelect
                      options={dialog.options}
                      nodeCount={dialog.selectedCount}
                      {...(configName ? { selected: configName } : {})}
                      onSelect={actions.choose}
                    />
                    <HelperText>
                      <HelperTextItem>
                        {t(
                          'Only configs whose layouts fit the GPUs of every selected node can be chosen; the others say why not.',
                        )}
                      </HelperTextItem>
                    </HelperText>
                  </FormGroup>
                </Form>
              </StackItem>
            )}
            {data.strategy && (
              <StackItem>
                <Content component="small">
                  {t('Cluster MIG strategy: {{strategy}}', { strategy: data.strategy })}
                </Content>
              </StackItem>
            )}
            {dialog.changedSincePreview.length > 0 && (
              <StackItem>
                <Alert
                  isInline
                  variant="warning"
                  title={t('Changed since this preview: {{nodes}}', {
                    nodes: dialog.changedSincePreview.join(', '),
                  })}
                  actionLinks={
                    <AlertActionLink onClick={actions.refreshPreview}>
                      {t('Refresh the preview')}
                    </AlertActionLink>
                  }
                >
                  {t(
                    'Applying now would be refused for these nodes, because every write checks the values this preview was made from.',
                  )}
                </Alert>
              </StackItem>
            )}
            {plan?.clusterEffect && (
              <StackItem>
                <ClusterEffectAlert effect={plan.clusterEffect} />
              </StackItem>
            )}
            {plan?.nodes.map((nodePlan) => (
              <StackItem key={nodePlan.nodeName}>
                <NodePlanCard
                  plan={nodePlan}
                  configName={nodePlan.configName}
                  cordon={state.cordon.includes(nodePlan.nodeName)}
                  canCordon={dialog.canCordon}
                  onCordonChange={(checked) => actions.cordon(nodePlan.nodeName, checked)}
                />
              </StackItem>
            ))}
            {plan?.needsAcknowledgement && !plan.blocked && (
              <StackItem>
                <Checkbox
                  id="gpu-partitioning-apply-acknowledge"
                  label={t('I have read the warnings above and want to apply anyway')}
                  isChecked={state.acknowledged}
                  onChange={(_event, checked) => actions.acknowledge(checked)}
                />
              </StackItem>
            )}
          </Stack>
        )}
      </ModalBody>
      <ModalFooter>
        {followed ? (
          <Button variant="primary" onClick={onClose}>
            {t('Close')}
          </Button>
        ) : (
          <>
            <Button
              variant="primary"
              onClick={() => void actions.apply()}
              isDisabled={disabledReason !== undefined || writing}
              isLoading={writing}
              aria-describedby={disabledReason ? 'gpu-partitioning-apply-disabled' : undefined}
            >
              {writing && applyState.progress
                ? t('Writing {{node}} ({{index}} of {{total}})…', {
                    node: applyState.progress.nodeName,
                    index: applyState.progress.index,
                    total: applyState.progress.total,
                  })
                : plan && 'configName' in plan
                  ? t('Apply {{label}}={{config}} on {{count}} node', {
                      label: MIG_CONFIG_LABEL,
                      config: plan.configName,
                      count: writes.length,
                    })
                  : plan
                    ? t('Apply the plan on {{count}} node', { count: writes.length })
                    : t('Apply')}
            </Button>
            {writing ? (
              <Button
                variant="link"
                onClick={actions.stop}
                isDisabled={applyState.stopRequested}
                data-test="apply-stop"
              >
                {applyState.stopRequested
                  ? t('Stopping after the node being written…')
                  : t('Stop after this node')}
              </Button>
            ) : (
              <Button variant="link" onClick={onClose}>
                {t('Cancel')}
              </Button>
            )}
            {writing && (
              <HelperText>
                <HelperTextItem>{t('Nodes not yet written stay unchanged.')}</HelperTextItem>
              </HelperText>
            )}
            {!writing && disabledReason && (
              <HelperText id="gpu-partitioning-apply-disabled">
                <HelperTextItem>{disabledReason}</HelperTextItem>
              </HelperText>
            )}
          </>
        )}
      </ModalFooter>
    </Modal>
  );
};

/** In place of the config selector: the plan's configs, each with its nodes (not chosen here). */
const PlanSteps = ({ steps }: { steps: ConfigChangeStep[] }) => {
  const { t } = usePluginTranslation();
  return (
    <Stack>
      <Content component="p" id="gpu-partitioning-apply-steps">
        {t('Each node gets the MIG config of its step:')}
      </Content>
      <DescriptionList isCompact isHorizontal aria-labelledby="gpu-partitioning-apply-steps">
        {steps.map((step) => (
          <DescriptionListGroup key={step.toConfig}>
            <DescriptionListTerm>
              <code>{step.toConfig}</code>
            </DescriptionListTerm>
            <DescriptionListDescription>{step.nodes.join(', ')}</DescriptionListDescription>
          </DescriptionListGroup>
        ))}
      </DescriptionList>
    </Stack>
  );
};

export default ApplyMigConfigModal;
