import { Card, CardBody, CardTitle } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { isGpuResourceName } from '../../cluster/pods';
import { DEFAULT_APPLICATIONS_NAMESPACE } from '../../cluster/openshiftAi';
import type { ClusterGpuSummary } from '../../cluster/types';
import { parseMigResourceName } from '../../geometry/naming';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { useUsableHardwareProfiles } from '../../hooks/useUsableHardwareProfiles';

/**
 * The OpenShift AI profiles a project-scoped user can pick, each with the GPU slice it asks for
 * and how many of those the nodes offer: read where the user may (OpenShift AI's applications
 * namespace, their projects). Nothing when OpenShift AI is not installed.
 */
export const UsableHardwareProfiles = ({ summary }: { summary: ClusterGpuSummary }) => {
  const { t } = usePluginTranslation();
  const usable = useUsableHardwareProfiles();
  if (usable.installed === false || !usable.loaded) return null;
  const allocatable = new Map(summary.profiles.map((row) => [row.resourceName, row.allocatable]));
  const rows = usable.profiles.flatMap((profile) =>
    profile.identifiers
      .filter(isGpuResourceName)
      .map((resource) => ({ profile, resource, slice: parseMigResourceName(resource) })),
  );
  return (
    <Card>
      <CardTitle component="h2">{t('OpenShift AI hardware profiles you can use')}</CardTitle>
      <CardBody>
        {usable.readableNamespaces.length === 0 ? (
          t(
            'You may not read OpenShift AI hardware profiles in {{applications}} or your projects.',
            {
              applications: DEFAULT_APPLICATIONS_NAMESPACE,
            },
          )
        ) : rows.length === 0 ? (
          t('No hardware profile you can read asks for a GPU ({{namespaces}}).', {
            namespaces: usable.readableNamespaces.join(', '),
          })
        ) : (
          <Table variant="compact" aria-label={t('OpenShift AI hardware profiles you can use')}>
            <Thead>
              <Tr>
                <Th modifier="wrap">{t('Profile')}</Th>
                <Th modifier="wrap">{t('Offered in')}</Th>
                <Th modifier="wrap">{t('GPU slice')}</Th>
                <Th modifier="wrap">{t('Allocatable')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map(({ profile, resource, slice }) => (
                <Tr key={`${profile.kind}/${profile.namespace}/${profile.name}/${resource}`}>
                  <Td dataLabel={t('Profile')}>{profile.displayName}</Td>
                  <Td dataLabel={t('Offered in')}>
                    {profile.namespace === DEFAULT_APPLICATIONS_NAMESPACE
                      ? t('every project')
                      : t('project {{project}}', { project: profile.namespace })}
                  </Td>
                  <Td dataLabel={t('GPU slice')}>
                    {slice ?? t('whole GPU')} <small>({resource})</small>
                  </Td>
                  <Td dataLabel={t('Allocatable')}>
                    {allocatable.get(resource) ?? t('none advertised')}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </CardBody>
    </Card>
  );
};
