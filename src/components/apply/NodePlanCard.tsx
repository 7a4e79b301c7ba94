import {
  Alert,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Checkbox,
  Content,
  Flex,
  FlexItem,
  Label,
} from '@patternfly/react-core';
import { ArrowRightIcon } from '@patternfly/react-icons';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import {
  groupGpuPlans,
  type GpuPlan,
  type GpuPlanGroup,
  type NodeApplyPlan,
  type PlanIssue,
} from '../../cluster/applyPlan';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { SliceMap } from '../SliceMap';
import type { SliceMapInstance } from '../SliceMap';
import { gpuRangeText, planIssueDetails, planIssueText } from '../text/planIssueText';
import type { Translate } from '../text/translate';

interface NodePlanCardProps {
  plan: NodeApplyPlan;
  configName: string;
  cordon: boolean;
  onCordonChange: (cordon: boolean) => void;
  /** Cordoning is a node patch too: offered only when the user may patch nodes. */
  canCordon: boolean;
}

const ALERT_VARIANT = { error: 'danger', warning: 'warning', info: 'info' } as const;

function afterInstances(nodeName: string, gpu: GpuPlan): SliceMapInstance[] {
  return (gpu.after.layout?.instances ?? []).map((instance) => ({
    ...instance,
    id: `${nodeName}/gpu${gpu.index}/after/${instance.profile}@${instance.start}`,
  }));
}

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

const IssueAlert = ({ issue, configName }: { issue: PlanIssue; configName: string }) => {
  const { t } = usePluginTranslation();
  const text = planIssueText(t, issue, configName);
  const details = planIssueDetails(t, issue);
  return (
    <Alert
      isInline
      isPlain={issue.severity === 'info'}
      variant={ALERT_VARIANT[issue.severity]}
      title={text.title}
      className="gpu-partitioning-apply__issue"
    >
      {text.body && <p>{text.body}</p>}
      {issue.code !== 'gpu-pods' && details.length > 0 && (
        <ul>
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
};

/** One before → after pair for GPUs that are previewed alike. */
const GpuGroupRow = ({
  nodeName,
  group,
  t,
}: {
  nodeName: string;
  group: GpuPlanGroup;
  t: Translate;
}) => {
  const { gpu, indices } = group;
  const gpus = gpuRangeText(t, indices);
  return (
    <Flex
      className="gpu-partitioning-apply__gpu"
      alignItems={{ default: 'alignItemsCenter' }}
      flexWrap={{ default: 'nowrap' }}
    >
      <FlexItem flex={{ default: 'flex_1' }}>
        <SliceMap
          compact
          model={gpu.model}
          gpuIndex={gpu.index}
          migEnabled={gpu.before.migEnabled}
          instances={gpu.before.instances}
          wholeGpuInUse={gpu.before.wholeGpuInUse ?? false}
          title={t('{{gpus}} now', { gpus })}
        />
      </FlexItem>
      <FlexItem>
        <ArrowRightIcon aria-label={t('becomes')} />
      </FlexItem>
      <FlexItem flex={{ default: 'flex_1' }}>
        <SliceMap
          compact
          model={gpu.model}
          gpuIndex={gpu.index}
          migEnabled={gpu.after.migEnabled}
          instances={afterInstances(nodeName, gpu)}
          highlightInstanceIds={gpu.changedInstanceIds}
          highlightLabel={t('New')}
          title={
            gpu.after.untouched ? t('{{gpus}} unchanged', { gpus }) : t('{{gpus}} after', { gpus })
          }
        />
      </FlexItem>
    </Flex>
  );
};

/** The GPUs before → after, alike GPUs once; how many whole GPUs pods hold, said once. */
const GpuMaps = ({ plan, t }: { plan: NodeApplyPlan; t: Translate }) => {
  const use = plan.wholeGpusInUse;
  return (
    <div className="gpu-partitioning-apply__gpus">
      {use && use.inUse < use.of && (
        <Content component="p" data-test="apply-whole-gpus-in-use">
          {t(
            'Pods hold {{inUse}} of the {{of}} whole GPUs now; the kubelet does not say which, so none is drawn in use.',
            { inUse: use.inUse, of: use.of },
          )}
        </Content>
      )}
      {groupGpuPlans(plan.gpus).map((group) => (
        <GpuGroupRow key={group.gpu.index} nodeName={plan.nodeName} group={group} t={t} />
      ))}
    </div>
  );
};

/** The GPU pods the change waits for, and the choice to cordon the node first. */
const PodsAndCordon = ({
  plan,
  cordon,
  onCordonChange,
  canCordon,
}: Pick<NodePlanCardProps, 'plan' | 'cordon' | 'onCordonChange' | 'canCordon'>) => {
  const { t } = usePluginTranslation();
  return (
    <div className="gpu-partitioning-apply__pods">
      <Table variant="compact" aria-label={t('GPU pods on {{node}}', { node: plan.nodeName })}>
        <Thead>
          <Tr>
            <Th>{t('Pod')}</Th>
            <Th>{t('Namespace')}</Th>
            <Th>{t('Owner')}</Th>
            <Th>{t('GPU resources')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {plan.pods.map((pod) => (
            <Tr key={`${pod.namespace}/${pod.name}`}>
              <Td dataLabel={t('Pod')}>{pod.name}</Td>
              <Td dataLabel={t('Namespace')}>{pod.namespace}</Td>
              <Td dataLabel={t('Owner')}>
                {pod.owner ? `${pod.owner.kind}/${pod.owner.name}` : t('none')}
              </Td>
              <Td dataLabel={t('GPU resources')}>
                {Object.entries(pod.resources)
                  .map(([name, count]) => `${name}: ${count}`)
                  .join(', ')}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {plan.unschedulable ? (
        <Content component="p">{t('This node is already cordoned.')}</Content>
      ) : (
        <Checkbox
          id={`gpu-partitioning-cordon-${plan.nodeName}`}
          label={t('Cordon {{node}} first', { node: plan.nodeName })}
          description={
            canCordon
              ? t(
                  'Marks the node unschedulable so no new pods start on it. Running pods keep running: stop or move them yourself. Uncordon it when the change is done.',
                )
              : t('You are not allowed to patch nodes.')
          }
          isChecked={cordon}
          isDisabled={!canCordon}
          onChange={(_event, checked) => onCordonChange(checked)}
        />
      )}
    </div>
  );
};

/** One node of the apply preview: errors, pods and cordon, warnings, slice maps, resources. */
export const NodePlanCard = ({
  plan,
  configName,
  cordon,
  onCordonChange,
  canCordon,
}: NodePlanCardProps) => {
  const { t } = usePluginTranslation();
  const titleId = `gpu-partitioning-apply-node-${plan.nodeName}`;
  // Errors first; then the pods and the cordon choice (what the admin must act on); then the rest.
  const errors = plan.issues.filter((issue) => issue.severity === 'error');
  const podsIssue = plan.issues.find((issue) => issue.code === 'gpu-pods');
  const others = plan.issues.filter(
    (issue) => issue.severity !== 'error' && issue.code !== 'gpu-pods',
  );
  return (
    <Card isCompact className="gpu-partitioning-apply__node" aria-labelledby={titleId}>
      <CardHeader>
        <CardTitle id={titleId}>
          <Flex
            spaceItems={{ default: 'spaceItemsSm' }}
            alignItems={{ default: 'alignItemsCenter' }}
          >
            <FlexItem>{plan.nodeName}</FlexItem>
            <FlexItem>
              <Label isCompact>
                {plan.currentConfig ?? t('no config')} → {configName}
              </Label>
            </FlexItem>
            {plan.blocked && (
              <FlexItem>
                <Label isCompact status="danger">
                  {t('Blocked')}
                </Label>
              </FlexItem>
            )}
            {plan.skip && (
              <FlexItem>
                <Label isCompact status="info">
                  {t('Skipped')}
                </Label>
              </FlexItem>
            )}
          </Flex>
        </CardTitle>
      </CardHeader>
      <CardBody>
        {errors.map((issue) => (
          <IssueAlert key={issue.code} issue={issue} configName={configName} />
        ))}
        {podsIssue && <IssueAlert issue={podsIssue} configName={configName} />}
        {!plan.skip && plan.pods.length > 0 && (
          <PodsAndCordon
            plan={plan}
            cordon={cordon}
            onCordonChange={onCordonChange}
            canCordon={canCordon}
          />
        )}
        {others.map((issue) => (
          <IssueAlert key={issue.code} issue={issue} configName={configName} />
        ))}

        {!plan.skip && plan.gpus.length > 0 && <GpuMaps plan={plan} t={t} />}

        {!plan.skip && (
          <Table
            variant="compact"
            aria-label={t('Resources of {{node}} before and after', { node: plan.nodeName })}
          >
            <Thead>
              <Tr>
                <Th>{t('Resource')}</Th>
                <Th>{t('Now')}</Th>
                <Th>{t('After')}</Th>
                <Th>{t('Change')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {plan.changes.length === 0 && (
                <Tr>
                  <Td colSpan={4}>
                    {plan.resourcesAfter
                      ? t('The node advertises the same GPU resources afterwards.')
                      : t('What the node advertises afterwards cannot be predicted.')}
                  </Td>
                </Tr>
              )}
              {plan.changes.map((change) => (
                <Tr key={change.resource}>
                  <Td dataLabel={t('Resource')}>
                    <code>{change.resource}</code>
                  </Td>
                  <Td dataLabel={t('Now')}>{change.before}</Td>
                  <Td dataLabel={t('After')}>{change.after}</Td>
                  <Td dataLabel={t('Change')}>{signed(change.delta)}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </CardBody>
    </Card>
  );
};
