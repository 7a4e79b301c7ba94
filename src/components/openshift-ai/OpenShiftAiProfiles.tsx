import {
  Alert,
  Button,
  CodeBlock,
  CodeBlockCode,
  Content,
  EmptyState,
  EmptyStateBody,
  Flex,
  FlexItem,
  Label,
  Skeleton,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import * as React from 'react';
import { stringify } from 'yaml';
import type { MigResourceRow } from '../../cluster/openshiftAi';
import {
  useOpenShiftAiProfiles,
  type OpenShiftAiProfilesResult,
  type ProfileCreateResult,
} from '../../hooks/useOpenShiftAiProfiles';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { dataErrorText } from '../text/dataErrorText';
import { ProfileScheduling } from './ProfileScheduling';

/** The OpenShift AI section with live data. */
export const OpenShiftAiProfilesSection = () => {
  const profiles = useOpenShiftAiProfiles();
  return <OpenShiftAiProfiles profiles={profiles} />;
};

/**
 * The article's "create accelerator profiles" step in one action: each MIG resource the nodes
 * advertise, the profiles exposing it, the missing ones to select, a YAML preview, then create.
 * Also flags profiles whose resource no node offers any more.
 */
export const OpenShiftAiProfiles = ({ profiles }: { profiles: OpenShiftAiProfilesResult }) => {
  const { t } = usePluginTranslation();
  const [selected, setSelected] = React.useState<string[]>([]);
  const [previewing, setPreviewing] = React.useState(false);
  const [creating, setCreating] = React.useState(false);
  const [results, setResults] = React.useState<ProfileCreateResult[]>();
  const { analysis, targetKind, namespace } = profiles;

  if (profiles.installed === false) {
    return (
      <EmptyState titleText={t('OpenShift AI is not installed')} headingLevel="h3">
        <EmptyStateBody>
          {t(
            'Neither HardwareProfiles (infrastructure.opendatahub.io) nor AcceleratorProfiles (dashboard.opendatahub.io) exist on this cluster, so there are no OpenShift AI profiles to create for MIG slices.',
          )}
        </EmptyStateBody>
      </EmptyState>
    );
  }
  if (!profiles.loaded) return <Skeleton height="120px" screenreaderText={t('Loading')} />;

  const creatable = (row: MigResourceRow) => row.missing && !row.nameTakenBy;
  const missing = analysis.rows.filter(creatable);
  const chosen = analysis.rows.filter((row) => selected.includes(row.resource) && creatable(row));
  const toggle = (resource: string, on: boolean) =>
    setSelected((current) =>
      on ? [...new Set([...current, resource])] : current.filter((r) => r !== resource),
    );
  const create = async () => {
    setCreating(true);
    try {
      const outcome = await profiles.create(chosen);
      setResults(outcome);
      setSelected([]);
      setPreviewing(false);
    } finally {
      setCreating(false);
    }
  };
  const yaml = chosen.map((row) => stringify(profiles.objectFor(row))).join('---\n');
  const kindLabel =
    targetKind === 'AcceleratorProfile' ? t('AcceleratorProfile') : t('HardwareProfile');

  return (
    <Stack hasGutter>
      <StackItem>
        <Content component="p">
          {t(
            'OpenShift AI users pick MIG slices through profiles. New profiles are created as {{kind}} in {{namespace}}, one per MIG resource. They tolerate only taints that reserve nodes for GPUs (keys under nvidia.com/, or a key or value with the word gpu), never a cordon, an unreachable node or a node role.',
            { kind: kindLabel, namespace },
          )}
        </Content>
        {targetKind === 'AcceleratorProfile' && (
          <Alert
            isInline
            isPlain
            variant="info"
            title={t(
              'This OpenShift AI has no HardwareProfile API; AcceleratorProfiles are deprecated in newer releases.',
            )}
          />
        )}
      </StackItem>
      {profiles.errors.map((error) => (
        <StackItem key={error.resource}>
          <Alert isInline variant="warning" title={dataErrorText(t, error)} />
        </StackItem>
      ))}
      {analysis.stale.length > 0 && (
        <StackItem>
          <Alert
            isInline
            variant="warning"
            title={t('Profiles that ask for MIG slices no node offers')}
            data-test="openshift-ai-stale"
          >
            <Content component="p">
              {t(
                'Workloads using them stay Pending until a node advertises the resource again (after a MIG layout change, for example).',
              )}
            </Content>
            <ul>
              {analysis.stale.map(({ profile, identifiers }) => (
                <li key={`${profile.kind}/${profile.namespace}/${profile.name}`}>
                  {t('{{kind}} {{namespace}}/{{name}}: {{identifiers}}', {
                    kind: profile.kind,
                    namespace: profile.namespace,
                    name: profile.name,
                    identifiers: identifiers.join(', '),
                  })}
                </li>
              ))}
            </ul>
          </Alert>
        </StackItem>
      )}
      {analysis.rows.length === 0 ? (
        <StackItem>
          <Alert
            isInline
            variant="info"
            title={t('No node advertises a MIG resource (nvidia.com/mig-…)')}
          >
            {t(
              'Profiles are offered for MIG resources under the mixed strategy. Under the single strategy MIG slices are advertised as nvidia.com/gpu, and a whole-GPU profile covers them.',
            )}
          </Alert>
        </StackItem>
      ) : (
        <StackItem>
          <Table aria-label={t('MIG resources and OpenShift AI profiles')} variant="compact">
            <Thead>
              <Tr>
                <Th screenReaderText={t('Select')} />
                <Th>{t('MIG resource')}</Th>
                <Th>{t('Allocatable')}</Th>
                <Th>{t('Profiles exposing it')}</Th>
                <Th>{t('Status')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {analysis.rows.map((row, rowIndex) => (
                <Tr key={row.resource} data-test={`openshift-ai-row-${row.proposedName}`}>
                  <Td
                    select={{
                      rowIndex,
                      onSelect: (_event, isSelecting) => toggle(row.resource, isSelecting),
                      isSelected: selected.includes(row.resource),
                      isDisabled: !creatable(row),
                    }}
                  />
                  <Td dataLabel={t('MIG resource')}>{row.resource}</Td>
                  <Td dataLabel={t('Allocatable')}>
                    {t('{{total}} on {{nodes}}', {
                      total: row.total,
                      nodes: row.nodes.join(', '),
                    })}
                  </Td>
                  <Td dataLabel={t('Profiles exposing it')}>
                    {row.exposedBy.length === 0
                      ? t('None')
                      : row.exposedBy
                          .map(
                            (profile) =>
                              `${profile.displayName} (${profile.kind}${profile.enabled ? '' : `, ${t('disabled')}`})`,
                          )
                          .join(', ')}
                  </Td>
                  <Td dataLabel={t('Status')}>
                    {row.nameTakenBy ? (
                      <Label color="orange">
                        {t('Name {{name}} taken by another profile', { name: row.proposedName })}
                      </Label>
                    ) : row.missing ? (
                      <Label color="orange">{t('No {{kind}}', { kind: kindLabel })}</Label>
                    ) : (
                      <Label color="green">{t('Exposed')}</Label>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </StackItem>
      )}
      {analysis.rows.length > 0 && (
        <StackItem>
          <Flex>
            <FlexItem>
              <Button
                variant="secondary"
                isDisabled={missing.length === 0}
                onClick={() => setSelected(missing.map((row) => row.resource))}
              >
                {t('Select all missing ({{count}})', { count: missing.length })}
              </Button>
            </FlexItem>
            <FlexItem>
              <Button
                variant="primary"
                isDisabled={chosen.length === 0}
                onClick={() => {
                  setResults(undefined);
                  setPreviewing(true);
                }}
              >
                {t('Preview {{count}} profiles', { count: chosen.length })}
              </Button>
            </FlexItem>
          </Flex>
        </StackItem>
      )}
      {previewing && chosen.length > 0 && (
        <StackItem>
          <Stack hasGutter>
            <StackItem>
              <ProfileScheduling rows={chosen} />
            </StackItem>
            <StackItem>
              <CodeBlock>
                <CodeBlockCode id="openshift-ai-preview-yaml">{yaml}</CodeBlockCode>
              </CodeBlock>
            </StackItem>
            {!profiles.canCreate.loading && !profiles.canCreate.allowed && (
              <StackItem>
                <Alert
                  isInline
                  variant="warning"
                  title={t('You are not allowed to create {{kind}}s in {{namespace}}.', {
                    kind: kindLabel,
                    namespace,
                  })}
                />
              </StackItem>
            )}
            <StackItem>
              <Flex>
                <Button
                  variant="primary"
                  isLoading={creating}
                  isAriaDisabled={creating || !profiles.canCreate.allowed}
                  onClick={() => void create()}
                >
                  {t('Create {{count}} profiles', { count: chosen.length })}
                </Button>
                <Button variant="link" onClick={() => setPreviewing(false)}>
                  {t('Cancel')}
                </Button>
              </Flex>
            </StackItem>
          </Stack>
        </StackItem>
      )}
      {results && (
        <StackItem>
          <Alert
            isInline
            data-test="openshift-ai-results"
            variant={results.every((result) => result.ok) ? 'success' : 'danger'}
            title={t('{{created}} of {{total}} profiles created', {
              created: results.filter((result) => result.ok).length,
              total: results.length,
            })}
          >
            <ul>
              {results.map((result) => (
                <li key={result.name}>
                  {result.ok
                    ? t('Created {{kind}} {{namespace}}/{{name}} for {{resource}}.', {
                        kind: kindLabel,
                        namespace,
                        name: result.name,
                        resource: result.resource,
                      })
                    : t('{{name}} was not created: {{reason}}', {
                        name: result.name,
                        reason: result.failure?.message ?? '',
                      })}
                </li>
              ))}
            </ul>
          </Alert>
        </StackItem>
      )}
    </Stack>
  );
};
