import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { ClusterGpuSummary } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { useProfileName } from '../shared/StateLabels';

/**
 * Per profile, what the nodes offer (allocatable) and what the user's own pods hold: no "free"
 * column, since pods of other projects are not visible to the user. The summary's `inUse` counts
 * only the pods the user can read.
 */
export const AllocatableTable = ({ summary }: { summary: ClusterGpuSummary }) => {
  const { t } = usePluginTranslation();
  const profileName = useProfileName();
  if (summary.profiles.length === 0) {
    return <>{t('No node advertises GPU resources.')}</>;
  }
  return (
    <Table variant="compact" aria-label={t('Allocatable GPU resources')}>
      <Thead>
        <Tr>
          <Th modifier="wrap">{t('Profile')}</Th>
          <Th modifier="wrap">{t('Allocatable')}</Th>
          <Th modifier="wrap">{t('Used by your pods')}</Th>
          <Th modifier="wrap">{t('Offered by')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {summary.profiles.map((row) => (
          <Tr key={row.resourceName}>
            <Td dataLabel={t('Profile')}>
              {profileName(row.profile)}
              <div>
                <small>{row.resourceName}</small>
              </div>
            </Td>
            <Td dataLabel={t('Allocatable')}>{row.allocatable}</Td>
            <Td dataLabel={t('Used by your pods')}>{row.inUse}</Td>
            <Td dataLabel={t('Offered by')}>
              {t('{{count}} node', {
                count: row.nodes.filter((node) => node.allocatable > 0).length,
              })}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
