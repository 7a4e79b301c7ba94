import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import {
  Button,
  Card,
  CardBody,
  CardTitle,
  ExpandableSection,
  List,
  ListItem,
  Skeleton,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useMemo, useState } from 'react';
import type {
  ConfigChangeStep,
  ConfigSourceLookup,
  WaitingGpuPod,
} from '../../../cluster/availability';
import {
  explainGpuDemand,
  type ExplainedWaitingPod,
  podKey,
  type ResourceDemand,
} from '../../../cluster/demand';
import { planMakeRoom, type MakeRoomPlan } from '../../../cluster/makeRoom';
import { NamespaceGroupVersionKind, PodGroupVersionKind } from '../../../cluster/models';
import type { GpuNodeView } from '../../../cluster/types';
import type { MigStrategy } from '../../../geometry/types';
import type { PodVisibility } from '../../../hooks/useGpuPods';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { demandText, makeRoomChangeText, waitReasonText } from '../../text/demandText';
import { GpuPodsStayNote, LeftOutNodes, type PreviewSteps, useNameList } from '../shared/PlanNotes';
import { resourcesText } from '../../text/resourceText';

interface WaitingPodsCardProps {
  nodes: GpuNodeView[];
  strategy?: MigStrategy;
  configSources?: ConfigSourceLookup;
  /** Pods no node has taken that ask for GPU resources (`waitingGpuPods`). */
  waitingPods: WaitingGpuPod[];
  /** False while the pods are being listed. */
  loaded: boolean;
  /** False when pods could not be read at all. */
  podsReadable: boolean;
  /** Whose pods were read: only the user's projects' leaves free slices unknown. */
  visibility: PodVisibility;
  /** Opens the apply dialog with the changes: every step of the plan, each its config on its nodes. */
  onPreviewChange?: PreviewSteps;
}

/**
 * "Waiting for GPUs": the pods no node has taken, by the resource they ask for, each with the
 * scheduler's message and our reading of why; then the fewest config changes that let them start
 * ("Make room"), all of them one click from the apply dialog's preview.
 */
export const WaitingPodsCard = (props: WaitingPodsCardProps) => {
  const { t } = usePluginTranslation();
  return (
    <Card data-test="waiting-pods-card">
      <CardTitle component="h2">{t('Waiting for GPUs')}</CardTitle>
      <CardBody>
        <WaitingPodsBody {...props} />
      </CardBody>
    </Card>
  );
};

const WaitingPodsBody = ({
  nodes,
  strategy,
  configSources,
  waitingPods,
  loaded,
  podsReadable,
  visibility,
  onPreviewChange,
}: WaitingPodsCardProps) => {
  const { t } = usePluginTranslation();
  const ownProjectsOnly = visibility.scope === 'namespaces';
  const demand = useMemo(
    () => (ownProjectsOnly ? undefined : explainGpuDemand(nodes, strategy, waitingPods)),
    [ownProjectsOnly, nodes, strategy, waitingPods],
  );
  const plan = useMemo(
    () =>
      ownProjectsOnly || waitingPods.length === 0
        ? undefined
        : planMakeRoom(nodes, strategy, configSources, waitingPods),
    [ownProjectsOnly, nodes, strategy, configSources, waitingPods],
  );
  if (!podsReadable) {
    return <>{t('Pods cannot be read, so pods waiting for GPUs cannot be shown.')}</>;
  }
  if (!loaded) return <Skeleton screenreaderText={t('Loading pods waiting for GPUs')} />;
  if (ownProjectsOnly) {
    return (
      <Stack hasGutter>
        <StackItem>
          {t(
            'Only the pods of your projects are visible: what is free, and what would make room, cannot be worked out without the others.',
          )}
        </StackItem>
        {waitingPods.length > 0 && (
          <StackItem>
            <PodsTable pods={waitingPods} caption={t('Your pods waiting for GPUs')} />
          </StackItem>
        )}
      </Stack>
    );
  }
  if (!demand || demand.pods.length === 0) return <>{t('No pod is waiting for a GPU.')}</>;
  return (
    <Stack hasGutter>
      {demand.byResource.map((entry) => (
        <StackItem key={entry.resourceName}>
          <DemandSection demand={entry} pods={demand.pods} />
        </StackItem>
      ))}
      <StackItem>
        <MakeRoom
          plan={plan}
          pods={demand.pods}
          {...(onPreviewChange ? { onPreviewChange } : {})}
        />
      </StackItem>
    </Stack>
  );
};

/** "2 pods wait for 3g.40gb", expanding to the pods. */
const DemandSection = ({
  demand,
  pods,
}: {
  demand: ResourceDemand;
  pods: ExplainedWaitingPod[];
}) => {
  const { t } = usePluginTranslation();
  const [expanded, setExpanded] = useState(false);
  const asking = pods.filter((pod) => (pod.resources[demand.resourceName] ?? 0) > 0);
  const text = demandText(t, demand);
  return (
    <ExpandableSection
      toggleText={text}
      isExpanded={expanded}
      onToggle={(_event, next) => setExpanded(next)}
    >
      <PodsTable pods={asking} caption={t('Pods: {{demand}}', { demand: text })} />
    </ExpandableSection>
  );
};

/** The pods, the scheduler's message and, when known, our reading of why they wait. */
const PodsTable = ({
  pods,
  caption,
}: {
  pods: Array<WaitingGpuPod & { reasons?: ExplainedWaitingPod['reasons'] }>;
  caption: string;
}) => {
  const { t } = usePluginTranslation();
  const explained = pods.some((pod) => pod.reasons);
  return (
    <Table aria-label={caption} variant="compact">
      <Thead>
        <Tr>
          <Th modifier="wrap" width={20}>
            {t('Pod')}
          </Th>
          <Th modifier="wrap" width={15}>
            {t('Namespace')}
          </Th>
          <Th modifier="wrap" width={10}>
            {t('Asks for')}
          </Th>
          <Th modifier="wrap" width={30}>
            {t('Scheduler')}
          </Th>
          {explained && (
            <Th modifier="wrap" width={25}>
              {t('Why')}
            </Th>
          )}
        </Tr>
      </Thead>
      <Tbody>
        {pods.map((pod) => (
          <Tr key={podKey(pod)}>
            <Td dataLabel={t('Pod')}>
              <ResourceLink
                groupVersionKind={PodGroupVersionKind}
                name={pod.name}
                namespace={pod.namespace}
              />
            </Td>
            <Td dataLabel={t('Namespace')}>
              <ResourceLink groupVersionKind={NamespaceGroupVersionKind} name={pod.namespace} />
            </Td>
            <Td dataLabel={t('Asks for')}>{resourcesText(t, pod.resources) || '—'}</Td>
            <Td dataLabel={t('Scheduler')}>
              {pod.scheduler?.message ?? pod.scheduler?.reason ?? t('Not tried yet')}
            </Td>
            {explained && (
              <Td dataLabel={t('Why')}>
                {pod.reasons?.map((reason) => (
                  <div key={JSON.stringify(reason)}>{waitReasonText(t, reason)}</div>
                ))}
              </Td>
            )}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

/** The changes that let the waiting pods start, and the button that previews them all. */
const MakeRoom = ({
  plan,
  pods,
  onPreviewChange,
}: {
  plan: MakeRoomPlan | undefined;
  pods: ExplainedWaitingPod[];
  onPreviewChange?: PreviewSteps;
}) => {
  const { t } = usePluginTranslation();
  const names = useNameList();
  return (
    <Stack hasGutter>
      <Title headingLevel="h3" size="md">
        {t('Make room')}
      </Title>
      {!plan ? (
        <div>{t('Without the ClusterPolicy’s MIG strategy no change can be predicted.')}</div>
      ) : plan.changes.length === 0 ? (
        <div>
          {plan.remaining.length === 0
            ? t('They fit on what is free now: no change is needed.')
            : pods.some((pod) => pod.reasons.some((reason) => reason.kind === 'coming-with-change'))
              ? t('A MIG change under way makes room: they start once it is applied.')
              : t('No config change on a node that can take one would let them start.')}
        </div>
      ) : (
        <>
          <div>
            {t('{{count}} config change lets {{placed}} of {{waiting}} waiting pods start:', {
              count: plan.changes.length,
              placed: plan.placed.length + plan.fitNow.length,
              waiting: pods.length,
            })}
          </div>
          <Steps plan={plan} />
          {onPreviewChange && <PreviewButton steps={plan.steps} onPreview={onPreviewChange} />}
          {plan.remaining.length > 0 && (
            <div>{t('Still waiting afterwards: {{pods}}', { pods: names(plan.remaining) })}</div>
          )}
          {!plan.minimal && (
            <div>
              {t(
                'Found by taking the change that places most pods first: on a fleet this large, a smaller set was not ruled out.',
              )}
            </div>
          )}
        </>
      )}
      {plan && <LeftOutNodes title={t('Left as they are:')} nodes={plan.leftAlone} />}
    </Stack>
  );
};

/**
 * One Preview for the whole plan: the apply dialog previews every node with its own config and
 * applies them together, so the pods are never left with half the room.
 */
const PreviewButton = ({
  steps: [first, ...more],
  onPreview,
}: {
  steps: ConfigChangeStep[];
  onPreview: PreviewSteps;
}) => {
  const { t } = usePluginTranslation();
  if (!first) return null;
  return (
    <div>
      <Button variant="secondary" size="sm" onClick={() => onPreview(first, ...more)}>
        {t('Preview')}
      </Button>
    </div>
  );
};

/** The changes, by config. */
const Steps = ({ plan }: { plan: MakeRoomPlan }) => {
  const { t } = usePluginTranslation();
  // Said apart: the catalogue extractor misses a t() inside another t()'s values.
  const notSet = t('not set');
  return (
    <List>
      {plan.steps.map((step) => (
        <ListItem key={step.toConfig}>
          {plan.changes
            .filter((change) => step.nodes.includes(change.node))
            .map((change) => (
              <div key={change.node}>
                {t('{{node}}: {{from}} → {{to}}: {{effect}}', {
                  node: change.node,
                  from: change.fromConfig ?? notSet,
                  to: change.toConfig,
                  effect: makeRoomChangeText(t, change),
                })}
                <GpuPodsStayNote pods={change.gpuPods} />
              </div>
            ))}
        </ListItem>
      ))}
    </List>
  );
};
