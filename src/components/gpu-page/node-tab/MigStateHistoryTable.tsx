import { Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { MigStateTransition } from '../../../cluster/stateHistory';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { MigManagerState } from '../shared/StateLabels';

/**
 * `nvidia.com/mig.config.state` as observed by this browser tab: the mig-manager keeps no
 * history, so this starts when the page was opened. Newest first.
 */
export const MigStateHistoryTable = ({ transitions }: { transitions: MigStateTransition[] }) => {
  const { t } = usePluginTranslation();
  if (transitions.length === 0) {
    return <>{t('No state observed yet.')}</>;
  }
  return (
    <Table aria-label={t('MIG config state history')} variant="compact">
      <Thead>
        <Tr>
          <Th>{t('Observed')}</Th>
          <Th>{t('mig-manager state')}</Th>
          <Th>{t('MIG config')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {[...transitions].reverse().map((transition) => (
          <Tr key={`${transition.observedAt}-${transition.state}-${transition.migConfig ?? ''}`}>
            <Td dataLabel={t('Observed')}>
              <Timestamp timestamp={transition.observedAt} />
            </Td>
            <Td dataLabel={t('mig-manager state')}>
              <MigManagerState state={transition.state} />
            </Td>
            <Td dataLabel={t('MIG config')}>
              {transition.migConfig ? <code>{transition.migConfig}</code> : t('Not set')}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
