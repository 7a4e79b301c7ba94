import {
  Alert,
  Card,
  CardBody,
  CardTitle,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  List,
  ListItem,
  NumberInput,
  Split,
  SplitItem,
} from '@patternfly/react-core';
import { useMemo, useState } from 'react';
import {
  type ConfigSourceLookup,
  type NodeConfigChange,
  planProfileRequest,
} from '../../../cluster/availability';
import type { ClusterGpuSummary, GpuNodeView } from '../../../cluster/types';
import type { MigStrategy } from '../../../geometry/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { formatResourcesCompact, resourceDisplayName } from '../shared/format';
import { useProfileName } from '../shared/StateLabels';
import { profileRequestIssueText } from '../../text/profileRequestText';

interface ProfileRequestCardProps {
  nodes: GpuNodeView[];
  summary: ClusterGpuSummary;
  strategy?: MigStrategy;
  /** The mig-parted configs each node can switch to, for the "what would make it yes" hint. */
  configSources?: ConfigSourceLookup;
}

/** How many answers to list before "and N more". */
const MAX_LISTED = 5;

/** Profiles worth asking about: those advertised, then those the fleet's GPU models offer. */
const requestableProfiles = (nodes: GpuNodeView[], summary: ClusterGpuSummary): string[] => {
  const advertised = summary.profiles.map((profile) => profile.profile);
  const offered = new Set<string>();
  nodes.forEach((node) => node.model?.profiles.forEach((profile) => offered.add(profile.name)));
  const extra = Array.from(offered)
    .filter((profile) => !advertised.includes(profile))
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  return [...advertised, ...extra];
};

/**
 * "Can I get N × profile?": answers from what is advertised and free now, names the nodes, and
 * when the answer is no, hints at the smallest change an admin could make.
 */
export const ProfileRequestCard = ({
  nodes,
  summary,
  strategy,
  configSources,
}: ProfileRequestCardProps) => {
  const { t } = usePluginTranslation();
  const profileName = useProfileName();
  const profiles = useMemo(() => requestableProfiles(nodes, summary), [nodes, summary]);
  const [count, setCount] = useState<number | ''>(1);
  const [profile, setProfile] = useState<string>(profiles[0] ?? '');
  const selected = profiles.includes(profile) ? profile : (profiles[0] ?? '');
  const wanted = typeof count === 'number' && count > 0 ? count : 0;

  const plan = useMemo(
    () =>
      selected && wanted > 0
        ? planProfileRequest(nodes, selected, wanted, strategy, configSources)
        : undefined,
    [nodes, selected, wanted, strategy, configSources],
  );

  return (
    <Card isFullHeight>
      <CardTitle component="h2">{t('Can I get a MIG slice?')}</CardTitle>
      <CardBody>
        {profiles.length === 0 ? (
          t('No GPU in the cluster offers MIG profiles.')
        ) : (
          <Form onSubmit={(event) => event.preventDefault()}>
            <Split hasGutter>
              <SplitItem>
                <FormGroup label={t('How many')} fieldId="gpu-partitioning-request-count">
                  <NumberInput
                    id="gpu-partitioning-request-count"
                    value={count}
                    min={1}
                    onMinus={() => setCount(Math.max(1, (Number(count) || 1) - 1))}
                    onPlus={() => setCount((Number(count) || 0) + 1)}
                    onChange={(event) => {
                      const value = (event.target as HTMLInputElement).value;
                      setCount(value === '' ? '' : Math.max(0, Math.floor(Number(value)) || 0));
                    }}
                    inputAriaLabel={t('Number of instances')}
                    minusBtnAriaLabel={t('Fewer')}
                    plusBtnAriaLabel={t('More')}
                    widthChars={3}
                  />
                </FormGroup>
              </SplitItem>
              <SplitItem isFilled>
                <FormGroup label={t('Profile')} fieldId="gpu-partitioning-request-profile">
                  <FormSelect
                    id="gpu-partitioning-request-profile"
                    value={selected}
                    onChange={(_event, value) => setProfile(value)}
                  >
                    {profiles.map((name) => (
                      <FormSelectOption key={name} value={name} label={profileName(name)} />
                    ))}
                  </FormSelect>
                </FormGroup>
              </SplitItem>
            </Split>
            <div aria-live="polite">{plan && <PlanAnswer plan={plan} />}</div>
          </Form>
        )}
      </CardBody>
    </Card>
  );
};

type Plan = ReturnType<typeof planProfileRequest>;

/** One suggested change, phrased as something an admin can do. */
const ChangeHint = ({ change, profile }: { change: NodeConfigChange; profile: string }) => {
  const { t } = usePluginTranslation();
  // Said apart: the catalogue extractor misses a t() inside another t()'s values.
  const notSet = t('not set');
  const lost = formatResourcesCompact(change.lost);
  return (
    <>
      {t(
        'Label {{node}} with nvidia.com/mig.config={{to}} (now {{from}}): {{offered}} × {{profile}}',
        {
          node: change.node,
          to: change.toConfig,
          from: change.fromConfig ?? notSet,
          offered: change.offeredAfter,
          profile,
        },
      )}
      {lost && <div>{t('It would stop advertising {{lost}}.', { lost })}</div>}
      {change.disruptive && (
        <div>
          {t(
            '{{pods}} GPU pods run there: drain them first, the mig-manager does not evict pods and the change fails on a busy GPU.',
            { pods: change.gpuPods },
          )}
        </div>
      )}
    </>
  );
};

const PlanAnswer = ({ plan }: { plan: Plan }) => {
  const { t } = usePluginTranslation();
  const profileName = useProfileName();
  const profile = profileName(plan.profile ?? resourceDisplayName(plan.resourceName));
  if (plan.issues.length > 0) {
    return (
      <Alert isInline isPlain variant="info" title={t('This request cannot be answered')}>
        <List>
          {plan.issues.map((issue) => (
            <ListItem key={issue.kind}>{profileRequestIssueText(t, issue)}</ListItem>
          ))}
        </List>
      </Alert>
    );
  }
  if (plan.satisfiable) {
    return (
      <Alert
        isInline
        isPlain
        variant="success"
        title={t('Yes: {{free}} × {{profile}} free now', { free: plan.totalFree, profile })}
      >
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
        {!plan.fitsOnOneNode && plan.requested > 1 && (
          <div>
            {t(
              'No single node has {{wanted}} free: one pod asking for all of them would not be scheduled; separate pods would.',
              { wanted: plan.requested },
            )}
          </div>
        )}
        <div>
          {t('Request it in the pod as {{resource}}: {{wanted}}.', {
            resource: plan.resourceName,
            wanted: plan.requested,
          })}
        </div>
      </Alert>
    );
  }
  const suggestion = plan.suggestion;
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
      {suggestion && suggestion.changes.length > 0 ? (
        <>
          <div>
            {suggestion.sufficient
              ? t('An administrator could make it yes:')
              : t('Even these changes would not be enough, but they come closest:')}
          </div>
          <List>
            {suggestion.changes.map((change) => (
              <ListItem key={change.node}>
                <ChangeHint change={change} profile={profile} />
              </ListItem>
            ))}
          </List>
        </>
      ) : (
        t('No configuration of the GPUs in this cluster offers {{profile}}.', { profile })
      )}
    </Alert>
  );
};
