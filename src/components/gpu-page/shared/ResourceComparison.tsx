import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { GPU_RESOURCE } from '../../../geometry/naming';
import { resourceText, type ResourceWording } from '../../text/resourceText';
import { gpuResourceEntries } from './format';

interface ResourceComparisonProps {
  expected?: Record<string, number>;
  advertised: Record<string, number>;
  /** Resources in use by pods; adds a column when given. */
  inUse?: Record<string, number>;
  ariaLabel: string;
  /** How this node's `nvidia.com/gpu` reads (`resourceWordingFor`). */
  wording?: ResourceWording;
}

/**
 * Expected (from the node's mig.config and the cluster strategy) next to advertised (allocatable)
 * resources, one row per resource either side mentions. Differences are marked in words, not only
 * colour, so the drift is readable by everyone.
 */
export const ResourceComparison = ({
  expected,
  advertised,
  inUse,
  ariaLabel,
  wording,
}: ResourceComparisonProps) => {
  const { t } = usePluginTranslation();
  const names = Array.from(
    new Set([
      ...gpuResourceEntries(expected).map(([name]) => name),
      ...gpuResourceEntries(advertised)
        .filter(([name, count]) => count > 0 || expected?.[name] !== undefined)
        .map(([name]) => name),
    ]),
  ).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));

  if (names.length === 0) {
    return <>{t('This node neither advertises nor is expected to advertise GPU resources.')}</>;
  }

  return (
    <Table aria-label={ariaLabel} variant="compact" borders>
      <Thead>
        <Tr>
          <Th>{t('Resource')}</Th>
          <Th>{t('Expected')}</Th>
          <Th>{t('Advertised')}</Th>
          {inUse && <Th>{t('In use')}</Th>}
          <Th>{t('Match')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {names.map((name) => {
          const expectedCount = expected ? (expected[name] ?? 0) : undefined;
          const advertisedCount = advertised[name] ?? 0;
          const matches = expectedCount === undefined || expectedCount === advertisedCount;
          return (
            <Tr key={name}>
              <Td dataLabel={t('Resource')}>
                {name === GPU_RESOURCE ? (
                  resourceText(t, name, wording)
                ) : (
                  <code>{resourceText(t, name, wording)}</code>
                )}
              </Td>
              <Td dataLabel={t('Expected')}>{expectedCount ?? t('Unknown')}</Td>
              <Td dataLabel={t('Advertised')}>{advertisedCount}</Td>
              {inUse && <Td dataLabel={t('In use')}>{inUse[name] ?? 0}</Td>}
              <Td dataLabel={t('Match')}>
                {expectedCount === undefined
                  ? t('No expectation')
                  : matches
                    ? t('Yes')
                    : t('Differs')}
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
