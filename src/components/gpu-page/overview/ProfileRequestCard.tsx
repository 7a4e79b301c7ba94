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
import type { ClusterGpuSummary, GpuNodeView } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';

interface ProfileRequestCardProps {
  nodes: GpuNodeView[];
  summary: ClusterGpuSummary;
}

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
export const ProfileRequestCard = ({ nodes, summary }: ProfileRequestCardProps) => {
  const { t } = usePluginTranslation();
  const profiles = useMemo(() => requestableProfiles(nodes, summary), [nodes, summary]);
  const [count, setCount] = useState<number | ''>(1);
  const [profile, setProfile] = useState<string>(profiles[0] ?? '');
  const selected = profiles.includes(profile) ? profile : (profiles[0] ?? '');
  const wanted = typeof count === 'number' && count > 0 ? count : 0;

  const availability = summary.profiles.find((candidate) => candidate.profile === selected);
  const nodesWithFree = (availability?.nodes ?? [])
    .filter((node) => node.free > 0)
    .sort((a, b) => b.free - a.free);
  const free = availability?.free ?? 0;

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
                      <FormSelectOption key={name} value={name} label={name} />
                    ))}
                  </FormSelect>
                </FormGroup>
              </SplitItem>
            </Split>
            <div aria-live="polite">
              {wanted > 0 && free >= wanted ? (
                <Alert
                  isInline
                  isPlain
                  variant="success"
                  title={t('Yes: {{free}} × {{profile}} free now', { free, profile: selected })}
                >
                  <List isPlain>
                    {nodesWithFree.slice(0, 5).map((node) => (
                      <ListItem key={node.name}>
                        {t('{{node}}: {{count}} free', { node: node.name, count: node.free })}
                      </ListItem>
                    ))}
                  </List>
                </Alert>
              ) : (
                wanted > 0 && (
                  <Alert
                    isInline
                    isPlain
                    variant="warning"
                    title={t('No: {{free}} × {{profile}} free now, {{wanted}} wanted', {
                      free,
                      profile: selected,
                      wanted,
                    })}
                  />
                )
              )}
            </div>
          </Form>
        )}
      </CardBody>
    </Card>
  );
};
