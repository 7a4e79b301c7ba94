import {
  Alert,
  AlertActionLink,
  Button,
  Checkbox,
  Content,
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
import * as React from 'react';
import {
  ALL_DISABLED_CONFIG,
  configOptions,
  planApply,
  type ApplyPlan,
} from '../../cluster/applyPlan';
import { MIG_CONFIG_LABEL, MIG_CONFIG_STATE_LABEL, nodeLabels } from '../../cluster/labels';
import type { NodeKind } from '../../cluster/models';
import type { GpuNodeView } from '../../cluster/types';
import type { MigStrategy } from '../../geometry/types';
import type { ApplyOutcome } from '../../cluster/applyOutcome';
import { useApplyMigConfig } from '../../hooks/useApplyMigConfig';
import { useGpuNodes } from '../../hooks/useGpuNodes';
import { useGpuNodeViews } from '../../hooks/useGpuNodeViews';
import { useNodePatchAccess } from '../../hooks/useMigWriteAccess';
import { useOpenShiftAiProfileList } from '../../hooks/useOpenShiftAiProfiles';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { ClusterEffectAlert } from './ClusterEffectAlert';
import { ConfigSelect } from './ConfigSelect';
import { MigChangeProgress, type FollowTarget } from './MigChangeProgress';
import { NodePlanCard } from './NodePlanCard';
import { WriteResults } from './WriteResults';
import './apply.css';

export interface ApplyMigConfigModalProps {
  isOpen: boolean;
  onClose: () => void;
  /** Nodes to change (names of GPU nodes). */
  nodeNames: string[];
  /** Preselected config: `all-disabled` for "Disable MIG". */
  initialConfig?: string;
}

/** The data a preview was computed from; every write tests against it. */
interface PreviewBasis {
  configName: string;
  views: GpuNodeView[];
  nodes: NodeKind[];
  strategy?: MigStrategy;
  /** Every GPU node, for what the change costs the cluster. */
  clusterViews: GpuNodeView[];
}

/** What of a node, if changed after the preview, makes the preview stale. */
const nodeFingerprint = (node: NodeKind | undefined) => {
  const labels = nodeLabels(node);
  return [labels[MIG_CONFIG_LABEL], labels[MIG_CONFIG_STATE_LABEL], node?.spec?.unschedulable]
    .map(String)
    .join('|');
};

/**
 * Apply a named MIG config to nodes: choose among the configs valid for their GPUs, see per node
 * and GPU what changes (slice maps, resources, pods, blocking errors, warnings to acknowledge),
 * write `nvidia.com/mig.config` with patches that test the previewed values, then follow the
 * mig-manager until it succeeds or fails, with the reason and a recovery.
 */
export const ApplyMigConfigModal = ({
  isOpen,
  onClose,
  nodeNames,
  initialConfig,
}: ApplyMigConfigModalProps) => {
  const { t } = usePluginTranslation();
  const data = useGpuNodeViews();
  const rawNodes = useGpuNodes();
  const access = useNodePatchAccess();
  const openShiftAi = useOpenShiftAiProfileList();
  const [applyState, applyControls] = useApplyMigConfig();
  const [configName, setConfigName] = React.useState<string | undefined>(initialConfig);
  const [basis, setBasis] = React.useState<PreviewBasis>();
  const [cordon, setCordon] = React.useState<string[]>([]);
  const [acknowledged, setAcknowledged] = React.useState(false);
  /** An apply that wrote no node: why, above the refreshed preview. */
  const [unwritten, setUnwritten] = React.useState<ApplyOutcome>();
  const [followed, setFollowed] = React.useState<ApplyOutcome>();

  const nameKey = nodeNames.join('\n');
  const selectedViews = React.useMemo(
    () => data.nodes.filter((view) => nodeNames.includes(view.name)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- nameKey stands for nodeNames
    [data.nodes, nameKey],
  );
  const selectedNodes = React.useMemo(
    () => rawNodes.data.filter((node) => nodeNames.includes(node.metadata?.name ?? '')),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- nameKey stands for nodeNames
    [rawNodes.data, nameKey],
  );
  const sources = data.configSource;
  const sourceFor = React.useCallback((name: string) => sources.forNode(name), [sources]);
  const options = React.useMemo(
    () => configOptions(selectedViews, sourceFor),
    [selectedViews, sourceFor],
  );
  const ready = data.loaded && rawNodes.loaded && selectedViews.length > 0;

  const takePreview = React.useCallback(
    (name: string) => {
      setBasis({
        configName: name,
        views: selectedViews,
        nodes: selectedNodes,
        ...(data.strategy ? { strategy: data.strategy } : {}),
        clusterViews: data.nodes,
      });
      setAcknowledged(false);
    },
    [selectedViews, selectedNodes, data.strategy, data.nodes],
  );

  // The preview is frozen when computed: later changes show as "changed since the preview"
  // instead of silently altering what the user is about to confirm.
  React.useEffect(() => {
    if (ready && configName && basis?.configName !== configName) takePreview(configName);
  }, [ready, configName, basis?.configName, takePreview]);

  const plan: ApplyPlan | undefined = React.useMemo(
    () =>
      basis
        ? planApply({
            nodes: basis.views,
            configName: basis.configName,
            ...(basis.strategy ? { strategy: basis.strategy } : {}),
            sourceFor,
            withReboot: data.clusterPolicy.withReboot,
            clusterNodes: basis.clusterViews,
            openShiftAiProfiles: openShiftAi.profiles,
          })
        : undefined,
    [basis, sourceFor, data.clusterPolicy.withReboot, openShiftAi.profiles],
  );

  const changedSincePreview = React.useMemo(() => {
    if (!basis) return [];
    return basis.nodes
      .filter((node) => {
        const live = selectedNodes.find((n) => n.metadata?.name === node.metadata?.name);
        return nodeFingerprint(live) !== nodeFingerprint(node);
      })
      .map((node) => node.metadata?.name ?? '');
  }, [basis, selectedNodes]);

  const writes = plan?.writes ?? [];
  const disabledReason = (() => {
    if (!access.loading && !access.allowed) {
      return t(
        'You are not allowed to patch nodes, so you can preview but not apply. Ask a cluster administrator.',
      );
    }
    if (!plan) return t('Choose a config to see the preview.');
    if (plan.blocked) return t('Resolve the errors shown in the preview first.');
    if (writes.length === 0) return t('Every selected node already has this config.');
    if (plan.needsAcknowledgement && !acknowledged) return t('Acknowledge the warnings first.');
    return undefined;
  })();

  const apply = async () => {
    if (!plan || !basis) return;
    setUnwritten(undefined);
    const outcome = await applyControls.run({
      configName: plan.configName,
      nodes: basis.nodes.filter((node) => writes.includes(node.metadata?.name ?? '')),
      cordon: cordon.filter((name) => writes.includes(name)),
    });
    const written = outcome.results.some((result) => result.status === 'written');
    if (written) {
      setFollowed(outcome);
    } else {
      // Nothing was written: show why and re-preview from the current state.
      setUnwritten(outcome);
      takePreview(plan.configName);
    }
  };

  const followTargets: FollowTarget[] = React.useMemo(
    () =>
      (followed?.results ?? [])
        .filter((result) => result.status === 'written')
        .map((result) => {
          const target: FollowTarget = {
            nodeName: result.nodeName,
            configName: followed?.configName ?? '',
            startedAt: followed?.startedAt ?? new Date().toISOString(),
            initialState:
              basis?.views.find((view) => view.name === result.nodeName)?.migConfigState ??
              'unknown',
            cordonedByPlugin: result.cordoned,
          };
          if (result.previousConfig !== undefined) target.previousConfig = result.previousConfig;
          return target;
        }),
    // The targets are fixed at apply time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [followed],
  );

  // While the labels are written the dialog stays: closing it (Cancel, Esc, ×) stops after the
  // node being written, and the dialog then says which nodes were written and which were not.
  const writing = applyState.running;
  const title = initialConfig === ALL_DISABLED_CONFIG ? t('Disable MIG') : t('Apply MIG config');
  const nodeCount = nodeNames.length;

  return (
    <Modal
      variant="large"
      isOpen={isOpen}
      onClose={writing ? applyControls.stop : onClose}
      aria-labelledby="gpu-partitioning-apply-title"
      aria-describedby="gpu-partitioning-apply-description"
    >
      <ModalHeader
        title={title}
        labelId="gpu-partitioning-apply-title"
        descriptorId="gpu-partitioning-apply-description"
        description={t(
          'Sets the nvidia.com/mig.config label on {{count}} node. The NVIDIA mig-manager on each node then repartitions its GPUs.',
          { count: nodeCount },
        )}
      />
      <ModalBody>
        {followed ? (
          <Stack hasGutter>
            <StackItem>
              <WriteResults outcome={followed} />
            </StackItem>
            <StackItem>
              <MigChangeProgress
                targets={followTargets}
                views={data.nodes}
                namespace={data.clusterPolicy.namespace}
              />
            </StackItem>
          </Stack>
        ) : (
          <Stack hasGutter>
            {!ready && (
              <StackItem>
                <Spinner size="lg" aria-label={t('Loading GPU nodes')} />
              </StackItem>
            )}
            {unwritten && (
              <StackItem>
                <WriteResults outcome={unwritten} />
              </StackItem>
            )}
            <StackItem>
              <Form onSubmit={(event) => event.preventDefault()}>
                <FormGroup label={t('MIG config')} fieldId="gpu-partitioning-apply-config">
                  <ConfigSelect
                    options={options}
                    nodeCount={selectedViews.length}
                    {...(configName ? { selected: configName } : {})}
                    onSelect={setConfigName}
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
            {data.strategy && (
              <StackItem>
                <Content component="small">
                  {t('Cluster MIG strategy: {{strategy}}', { strategy: data.strategy })}
                </Content>
              </StackItem>
            )}
            {changedSincePreview.length > 0 && (
              <StackItem>
                <Alert
                  isInline
                  variant="warning"
                  title={t('Changed since this preview: {{nodes}}', {
                    nodes: changedSincePreview.join(', '),
                  })}
                  actionLinks={
                    <AlertActionLink onClick={() => configName && takePreview(configName)}>
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
                  configName={plan.configName}
                  cordon={cordon.includes(nodePlan.nodeName)}
                  canCordon={access.allowed}
                  onCordonChange={(checked) =>
                    setCordon((current) =>
                      checked
                        ? [...current, nodePlan.nodeName]
                        : current.filter((name) => name !== nodePlan.nodeName),
                    )
                  }
                />
              </StackItem>
            ))}
            {plan?.needsAcknowledgement && !plan.blocked && (
              <StackItem>
                <Checkbox
                  id="gpu-partitioning-apply-acknowledge"
                  label={t('I have read the warnings above and want to apply anyway')}
                  isChecked={acknowledged}
                  onChange={(_event, checked) => setAcknowledged(checked)}
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
              onClick={() => void apply()}
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
                : plan
                  ? t('Apply {{label}}={{config}} on {{count}} node', {
                      label: MIG_CONFIG_LABEL,
                      config: plan.configName,
                      count: writes.length,
                    })
                  : t('Apply')}
            </Button>
            {writing ? (
              <Button
                variant="link"
                onClick={applyControls.stop}
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

export default ApplyMigConfigModal;
