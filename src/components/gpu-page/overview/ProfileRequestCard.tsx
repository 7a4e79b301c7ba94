import {
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Form,
  List,
  ListItem,
  Stack,
} from '@patternfly/react-core';
import { useMemo } from 'react';
import {
  type ConfigChangeStep,
  type ConfigSourceLookup,
  planProfileRequest,
  type WaitingGpuPod,
} from '../../../cluster/availability';
import { roomForProfile } from '../../../cluster/fragmentation';
import type { ClusterGpuSummary, GpuNodeView } from '../../../cluster/types';
import { findProfile } from '../../../geometry/catalog';
import type { MigStrategy } from '../../../geometry/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { resourceDisplayName } from '../shared/format';
import { resourcesText } from '../../text/resourceText';
import { useProfileName } from '../shared/StateLabels';
import { ProfileRequestFields, RequestIssues, useProfileRequest } from './ProfileRequestFields';
import { GpuPodsStayNote, LeftOutNodes, MAX_LISTED, type PreviewSteps } from '../shared/PlanNotes';
import { profileRoomText } from '../../text/fragmentationText';

interface ProfileRequestCardProps {
  nodes: GpuNodeView[];
  summary: ClusterGpuSummary;
  strategy?: MigStrategy;
  /** The mig-parted configs each node can switch to, for the "what would make it yes" hint. */
  configSources?: ConfigSourceLookup;
  /** Pods not yet scheduled that ask for GPU resources (`waitingGpuPods`). */
  waitingPods?: WaitingGpuPod[];
  /** Opens the apply dialog with the suggested changes: every step, each its config on its nodes. */
  onPreviewChange?: PreviewSteps;
}

/**
 * "Can I get N × profile?": answers from what is advertised and free now, names the nodes, and
 * when the answer is no, hints at the smallest change an admin could make.
 */
export const ProfileRequestCard = ({
  nodes,
  summary,
  strategy,
  configSources,
  waitingPods,
  onPreviewChange,
}: ProfileRequestCardProps) => {
  const { t } = usePluginTranslation();
  const request = useProfileRequest(nodes, summary);
  const { profiles, selected, wanted } = request;

  const plan = useMemo(
    () =>
      selected && wanted > 0
        ? planProfileRequest(nodes, selected, wanted, strategy, configSources, waitingPods)
        : undefined,
    [nodes, selected, wanted, strategy, configSources, waitingPods],
  );

  return (
    <Card isFullHeight>
      <CardTitle component="h2">{t('Can I get a MIG slice?')}</CardTitle>
      <CardBody>
        {profiles.length === 0 ? (
          t('No GPU in the cluster offers MIG profiles.')
        ) : (
          <Form onSubmit={(event) => event.preventDefault()}>
            <ProfileRequestFields request={request} />
            <div aria-live="polite">
              {plan && (
                <PlanAnswer
                  plan={plan}
                  nodes={nodes}
                  {...(onPreviewChange ? { onPreviewChange } : {})}
                />
              )}
            </div>
          </Form>
        )}
      </CardBody>
    </Card>
  );
};

type Plan = ReturnType<typeof planProfileRequest>;
type Change = NonNullable<Plan['suggestion']>['changes'][number];

/** One suggested change, phrased as something an admin can do. */
const ChangeHint = ({ change, profile }: { change: Change; profile: string }) => {
  const { t } = usePluginTranslation();
  // Said apart: the catalogue extractor misses a t() inside another t()'s values.
  const notSet = t('not set');
  const lost = resourcesText(t, change.lost);
  return (
    <>
      {t(
        'Label {{node}} with nvidia.com/mig.config={{to}} (now {{from}}): {{gain}} more {{profile}}, {{offered}} in all',
        {
          node: change.node,
          to: change.toConfig,
          from: change.fromConfig ?? notSet,
          gain: change.gain,
          offered: change.offeredAfter,
          profile,
        },
      )}
      {lost && <div>{t('It would stop advertising {{lost}}.', { lost })}</div>}
      <GpuPodsStayNote pods={change.gpuPods} />
    </>
  );
};

/** The changes of a suggestion that share a config. */
const StepItem = ({
  step,
  changes,
  profile,
}: {
  step: ConfigChangeStep;
  changes: Change[];
  profile: string;
}) => {
  return (
    <ListItem>
      {changes
        .filter((change) => step.nodes.includes(change.node))
        .map((change) => (
          <div key={change.node}>
            <ChangeHint change={change} profile={profile} />
          </div>
        ))}
    </ListItem>
  );
};

/** Pods the scheduler has not placed that ask for the same resource. */
const Waiting = ({ plan, profile }: { plan: Plan; profile: string }) => {
  const { t } = usePluginTranslation();
  if (plan.waiting.length === 0) return null;
  return (
    <div>
      {t('{{count}} pod is already waiting for {{profile}}:', {
        count: plan.waiting.length,
        profile,
      })}
      <List isPlain>
        {plan.waiting.slice(0, MAX_LISTED).map((pod) => (
          <ListItem key={`${pod.namespace}/${pod.name}`}>
            {t('{{namespace}}/{{name}} asks for {{count}}', {
              namespace: pod.namespace,
              name: pod.name,
              count: pod.resources[plan.resourceName] ?? 0,
            })}
          </ListItem>
        ))}
        {plan.waiting.length > MAX_LISTED && (
          <ListItem>
            {t('and {{more}} more pods', { more: plan.waiting.length - MAX_LISTED })}
          </ListItem>
        )}
      </List>
    </div>
  );
};

const YesAnswer = ({ plan, profile }: { plan: Plan; profile: string }) => {
  const { t } = usePluginTranslation();
  const mostOnOneNode = plan.nodes[0]?.free ?? 0;
  return (
    <Alert
      isInline
      isPlain
      variant="success"
      title={t('Yes: {{free}} × {{profile}} free now', { free: plan.totalFree, profile })}
    >
      <Stack hasGutter>
        <List isPlain>
          {plan.nodes.slice(0, MAX_LISTED).map((node) => (
            <ListItem key={node.name}>
              {t('{{node}}: {{free}} free', { node: node.name, free: node.free })}
            </ListItem>
          ))}
          {plan.nodes.length > MAX_LISTED && (
            <ListItem>
              {t('and {{more}} more nodes', { more: plan.nodes.length - MAX_LISTED })}
            </ListItem>
          )}
        </List>
        {plan.fitsOnOneNode ? (
          <div>
            {t('Request it in the pod as {{resource}}: {{wanted}}.', {
              resource: plan.resourceName,
              wanted: plan.requested,
            })}
          </div>
        ) : (
          <div>
            {t(
              'No single node has {{wanted}} free, so one pod cannot get them all: run separate pods, each requesting at most {{most}} as {{resource}}.',
              { wanted: plan.requested, most: mostOnOneNode, resource: plan.resourceName },
            )}
          </div>
        )}
        <LeftOutNodes title={t('Not counted:')} nodes={plan.notCounted} />
        <Waiting plan={plan} profile={profile} />
      </Stack>
    </Alert>
  );
};

const NoAnswer = ({
  plan,
  profile,
  offeredByFleet,
  room,
  onPreviewChange,
}: {
  plan: Plan;
  profile: string;
  /** Whether any GPU model of the cluster offers the profile at all. */
  offeredByFleet: boolean;
  /** Room for a new instance beside the existing ones, fragmented space (`profileRoomText`). */
  room?: string;
  onPreviewChange?: PreviewSteps;
}) => {
  const { t } = usePluginTranslation();
  const suggestion = plan.suggestion;
  const [first, ...more] = suggestion?.steps ?? [];
  return (
    <Alert
      isInline
      isPlain
      variant="warning"
      title={t('No: {{free}} × {{profile}} free now, {{wanted}} wanted', {
        free: plan.totalFree,
        profile,
        wanted: plan.requested,
      })}
    >
      <Stack hasGutter>
        {suggestion ? (
          <>
            <div>
              {suggestion.sufficient
                ? t('An administrator could make it yes:')
                : t('Even these changes would not be enough, but they come closest:')}
            </div>
            <List>
              {suggestion.steps.map((step) => (
                <StepItem
                  key={step.toConfig}
                  step={step}
                  changes={suggestion.changes}
                  profile={profile}
                />
              ))}
            </List>
            {onPreviewChange && first && (
              // One preview for all the steps: the dialog applies each node's config together.
              <div>
                <Button variant="link" isInline onClick={() => onPreviewChange(first, ...more)}>
                  {more.length === 0 ? t('Preview this change') : t('Preview these changes')}
                </Button>
              </div>
            )}
          </>
        ) : (
          <div>
            {offeredByFleet
              ? t('No config change on a node that can take one would offer more {{profile}}.', {
                  profile,
                })
              : t('No configuration of the GPUs in this cluster offers {{profile}}.', { profile })}
          </div>
        )}
        {room && <div>{room}</div>}
        <LeftOutNodes title={t('Not counted:')} nodes={plan.notCounted} />
        <LeftOutNodes
          title={t('Left as they are:')}
          // A node not counted is left alone for the same reason: said once.
          nodes={plan.notSuggested.filter(
            (node) => !plan.notCounted.some((counted) => counted.name === node.name),
          )}
        />
        <Waiting plan={plan} profile={profile} />
      </Stack>
    </Alert>
  );
};

const PlanAnswer = ({
  plan,
  nodes,
  onPreviewChange,
}: {
  plan: Plan;
  nodes: GpuNodeView[];
  onPreviewChange?: PreviewSteps;
}) => {
  const { t } = usePluginTranslation();
  const profileName = useProfileName();
  const profile = profileName(plan.profile ?? resourceDisplayName(plan.resourceName));
  if (plan.issues.length > 0) return <RequestIssues issues={plan.issues} />;
  if (plan.satisfiable) return <YesAnswer plan={plan} profile={profile} />;
  const wanted = plan.profile;
  const offeredByFleet =
    !wanted || nodes.some((node) => node.model && findProfile(node.model, wanted));
  const room = wanted ? profileRoomText(t, roomForProfile(nodes, wanted)) : undefined;
  return (
    <NoAnswer
      plan={plan}
      profile={profile}
      offeredByFleet={offeredByFleet}
      {...(room ? { room } : {})}
      {...(onPreviewChange ? { onPreviewChange } : {})}
    />
  );
};
