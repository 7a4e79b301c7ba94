import { Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router-dom-v5-compat';
import type { ProfileAvailability } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { useProfileName } from '../shared/StateLabels';

interface ProfileAvailabilityTableProps {
  profiles: ProfileAvailability[];
  /** Link to the Nodes tab filtered to nodes with a free instance of the profile. */
  nodesWithFreeHref: (profile: string) => string;
}

/** The chart's numbers as a table (screen readers, copy-paste), with a link to the nodes. */
export const ProfileAvailabilityTable = ({
  profiles,
  nodesWithFreeHref,
}: ProfileAvailabilityTableProps) => {
  const { t } = usePluginTranslation();
  const profileName = useProfileName();
  return (
    <Table aria-label={t('MIG instances per profile')} variant="compact">
      <Thead>
        <Tr>
          <Th>{t('Profile')}</Th>
          <Th>{t('Allocatable')}</Th>
          <Th>{t('In use')}</Th>
          <Th>{t('Free')}</Th>
          <Th modifier="wrap">{t('Nodes with free')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {profiles.map((profile) => {
          const nodesWithFree = profile.nodes.filter((node) => node.free > 0).length;
          return (
            <Tr key={profile.resourceName}>
              <Td dataLabel={t('Profile')}>
                {profile.profile === 'gpu' ? profileName('gpu') : <code>{profile.profile}</code>}
              </Td>
              <Td dataLabel={t('Allocatable')}>{profile.allocatable}</Td>
              <Td dataLabel={t('In use')}>{profile.inUse}</Td>
              <Td dataLabel={t('Free')}>
                {profile.free > 0 ? (
                  <Label isCompact color="green">
                    {t('{{free}} free', { free: profile.free })}
                  </Label>
                ) : (
                  <Label isCompact color="grey">
                    {t('None free')}
                  </Label>
                )}
              </Td>
              <Td dataLabel={t('Nodes with free')}>
                {nodesWithFree > 0 ? (
                  <Link to={nodesWithFreeHref(profile.profile)}>{nodesWithFree}</Link>
                ) : (
                  '0'
                )}
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
