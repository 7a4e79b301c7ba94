import {
  Alert,
  Card,
  CardBody,
  CardTitle,
  Form,
  List,
  ListItem,
  Stack,
} from '@patternfly/react-core';
import { useMemo } from 'react';
import { planByAllocatable, type AllocatableRequestAnswer } from '../../../cluster/availability';
import type { ClusterGpuSummary, GpuNodeView } from '../../../cluster/types';
import type { MigStrategy } from '../../../geometry/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { nodeLeftOutReasonText } from '../../text/profileRequestText';
import {
  ProfileRequestFields,
  RequestIssues,
  useProfileRequest,
} from '../overview/ProfileRequestFields';
import { resourceDisplayName } from '../shared/format';
import { useProfileName } from '../shared/StateLabels';

/** Nodes listed in an answer before "and N more". */
const MAX_LISTED = 5;

interface AllocatableRequestCardProps {
  nodes: GpuNodeView[];
  summary: ClusterGpuSummary;
  strategy?: MigStrategy;
}

/**
 * "Can I get N × profile?" for a user who sees only their own pods: answered from allocatable
 * (what nodes offer) minus the user's pods, an upper bound, and said so. "No" is certain; "yes"
 * is never claimed, because pods of other projects may hold what is left.
 */
export const AllocatableRequestCard = ({
  nodes,
  summary,
  strategy,
}: AllocatableRequestCardProps) => {
  const { t } = usePluginTranslation();
  const request = useProfileRequest(nodes, summary);
  const { profiles, selected, wanted } = request;
  const answer = useMemo(
    () =>
      selected && wanted > 0 ? planByAllocatable(nodes, selected, wanted, strategy) : undefined,
    [nodes, selected, wanted, strategy],
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
            <div aria-live="polite">{answer && <AllocatableAnswer answer={answer} />}</div>
          </Form>
        )}
      </CardBody>
    </Card>
  );
};

const NodeBounds = ({ answer }: { answer: AllocatableRequestAnswer }) => {
  const { t } = usePluginTranslation();
  return (
    <List isPlain>
      {answer.nodes.slice(0, MAX_LISTED).map((node) => (
        <ListItem key={node.name}>
          {node.ownInUse > 0
            ? t('{{node}}: {{allocatable}} allocatable, {{own}} used by your pods', {
                node: node.name,
                allocatable: node.allocatable,
                own: node.ownInUse,
              })
            : t('{{node}}: {{allocatable}} allocatable', {
                node: node.name,
                allocatable: node.allocatable,
              })}
        </ListItem>
      ))}
      {answer.nodes.length > MAX_LISTED && (
        <ListItem>
          {t('and {{more}} more nodes', { more: answer.nodes.length - MAX_LISTED })}
        </ListItem>
      )}
      {answer.notCounted.map((node) => (
        <ListItem key={node.name}>
          {t('{{node}}: not counted, {{reason}}', {
            node: node.name,
            reason: nodeLeftOutReasonText(t, node.why),
          })}
        </ListItem>
      ))}
    </List>
  );
};

const AllocatableAnswer = ({ answer }: { answer: AllocatableRequestAnswer }) => {
  const { t } = usePluginTranslation();
  const profileName = useProfileName();
  const profile = profileName(answer.profile ?? resourceDisplayName(answer.resourceName));
  if (answer.issues.length > 0) return <RequestIssues issues={answer.issues} />;
  const basis = t(
    'Counted from allocatable: nodes offer {{allocatable}} × {{profile}}, your pods use {{own}}. Pods of other projects are not visible to you and may hold the rest.',
    { allocatable: answer.allocatable, profile, own: answer.ownInUse },
  );
  if (!answer.possible) {
    return (
      <Alert
        isInline
        isPlain
        variant="warning"
        title={t('No: at most {{atMost}} × {{profile}}, {{wanted}} wanted', {
          atMost: answer.atMost,
          profile,
          wanted: answer.requested,
        })}
      >
        <Stack hasGutter>
          <div>{basis}</div>
          <NodeBounds answer={answer} />
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert
      isInline
      isPlain
      variant="info"
      title={t('Possibly: up to {{atMost}} × {{profile}}, if other projects leave them free', {
        atMost: answer.atMost,
        profile,
      })}
    >
      <Stack hasGutter>
        <div>{basis}</div>
        <NodeBounds answer={answer} />
        <div>
          {answer.possibleOnOneNode
            ? t(
                'Request it in the pod as {{resource}}: {{wanted}}. If the pod stays Pending, other projects hold them.',
                {
                  resource: answer.resourceName,
                  wanted: answer.requested,
                },
              )
            : t(
                'No single node offers {{wanted}}: run separate pods, each requesting at most {{most}} as {{resource}}.',
                {
                  wanted: answer.requested,
                  most: answer.nodes[0]?.atMost ?? 0,
                  resource: answer.resourceName,
                },
              )}
        </div>
      </Stack>
    </Alert>
  );
};
