import {
  Alert,
  FormGroup,
  List,
  ListItem,
  FormSelect,
  FormSelectOption,
  NumberInput,
  Split,
  SplitItem,
} from '@patternfly/react-core';
import { useMemo, useState } from 'react';
import type { ProfileRequestIssue } from '../../../cluster/availability';
import type { ClusterGpuSummary, GpuNodeView } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { profileRequestIssueText } from '../../text/profileRequestText';
import { useProfileName } from '../shared/StateLabels';

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

/** "N × profile" as the user sets it; `wanted` is 0 until the count is a whole number above 0. */
export const useProfileRequest = (nodes: GpuNodeView[], summary: ClusterGpuSummary) => {
  const profiles = useMemo(() => requestableProfiles(nodes, summary), [nodes, summary]);
  const [count, setCount] = useState<number | ''>(1);
  const [profile, setProfile] = useState<string>(profiles[0] ?? '');
  const selected = profiles.includes(profile) ? profile : (profiles[0] ?? '');
  const wanted = typeof count === 'number' && count > 0 ? count : 0;
  return { profiles, count, setCount, selected, setProfile, wanted };
};

/** How many, and which profile: the fields of the "Can I get a MIG slice?" cards. */
export const ProfileRequestFields = ({
  request,
}: {
  request: ReturnType<typeof useProfileRequest>;
}) => {
  const { t } = usePluginTranslation();
  const profileName = useProfileName();
  const { count, setCount, selected, setProfile, profiles } = request;
  return (
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
  );
};

/** Why a request cannot be answered (an unknown profile, strategy none, a bad count). */
export const RequestIssues = ({ issues }: { issues: ProfileRequestIssue[] }) => {
  const { t } = usePluginTranslation();
  return (
    <Alert isInline isPlain variant="info" title={t('This request cannot be answered')}>
      <List>
        {issues.map((issue) => (
          <ListItem key={issue.kind}>{profileRequestIssueText(t, issue)}</ListItem>
        ))}
      </List>
    </Alert>
  );
};
