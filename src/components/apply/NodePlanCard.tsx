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
import type { GpuPlan, NodeApplyPlan } from '../../cluster/applyPlan';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { SliceMap } from '../SliceMap';
import type { SliceMapInstance } from '../SliceMap';
import { planIssueDetails, planIssueText } from './planIssueText';

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

/** One node of the apply preview: slice maps before → after, resources, issues, pods. */
export const NodePlanCard = ({
  plan,
  configName,
  cordon,
  onCordonChange,
  canCordon,
}: NodePlanCardProps) => {
  const { t } = usePluginTranslation();
  const titleId = `gpu-partitioning-apply-node-${plan.nodeName}`;
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
        {plan.issues.map((issue) => {
          const text = planIssueText(t, issue, configName);
          const details = planIssueDetails(t, issue);
          return (
            <Alert
              key={issue.code}
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
        })}

        {!plan.skip && plan.gpus.length > 0 && (
          <div className="gpu-partitioning-apply__gpus">
            {plan.gpus.map((gpu) => (
              <Flex
                key={gpu.index}
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
                    wholeGpuInUse={!gpu.before.migEnabled && plan.pods.length > 0}
                    title={t('GPU {{index}} now', { index: gpu.index })}
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
                    instances={afterInstances(plan.nodeName, gpu)}
                    highlightInstanceIds={gpu.changedInstanceIds}
                    highlightLabel={t('New')}
                    title={
                      gpu.after.untouched
                        ? t('GPU {{index}} unchanged', { index: gpu.index })
                        : t('GPU {{index}} after', { index: gpu.index })
                    }
                  />
                </FlexItem>
              </Flex>
            ))}
          </div>
        )}

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

        {!plan.skip && plan.pods.length > 0 && (
          <div className="gpu-partitioning-apply__pods">
            <Table
              variant="compact"
              aria-label={t('GPU pods on {{node}}', { node: plan.nodeName })}
            >
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
        )}
      </CardBody>
    </Card>
  );
};
