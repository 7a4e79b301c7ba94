import { Content, Label, Stack, type LabelProps } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { GpuNodeView } from '../../cluster/types';
import type { MigStrategy } from '../../geometry/types';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import { resourcesText, resourceWordingFor } from '../text/resourceText';
import type { Translate } from '../text/translate';
import { advertisedText } from './StrategyPreviewTable';
import { strategyOutcome, type NodeStrategyPreview, type StrategyOutcome } from './strategyPreview';

const OUTCOME_STATUS: Record<StrategyOutcome, LabelProps['status'] | undefined> = {
  're-advertised': 'success',
  unchanged: undefined,
  'mig-invalid': 'danger',
  waiting: 'info',
  differs: 'warning',
};

const outcomeText = (t: Translate, outcome: StrategyOutcome) =>
  ({
    're-advertised': t('Re-advertised as predicted'),
    unchanged: t('Unchanged'),
    'mig-invalid': t('Advertises nothing: MIG-INVALID'),
    waiting: t('Still waiting'),
    differs: t('Advertises other than predicted'),
  })[outcome];

/**
 * Each node's real outcome after the switch, from its labels and allocatable as they come in,
 * compared with the preview the switch was confirmed on.
 */
export const StrategyOutcomeTable = ({
  nodes,
  strategy,
  preview,
}: {
  nodes: GpuNodeView[];
  strategy: MigStrategy;
  preview: NodeStrategyPreview[];
}) => {
  const { t } = usePluginTranslation();
  const outcomes = nodes.map((node) => {
    const previewed = preview.find((candidate) => candidate.nodeName === node.name);
    return { node, previewed, outcome: strategyOutcome(node, strategy, previewed) };
  });
  const count = (outcome: StrategyOutcome) =>
    outcomes.filter((entry) => entry.outcome === outcome).length;
  const summary = (Object.keys(OUTCOME_STATUS) as StrategyOutcome[])
    .filter((outcome) => count(outcome) > 0)
    .map((outcome) => `${outcomeText(t, outcome)}: ${count(outcome)}`)
    .join(' · ');
  return (
    <Stack hasGutter>
      <Content component="p" data-test="strategy-outcome-summary">
        {summary}
      </Content>
      <Table variant="compact" aria-label={t('Nodes re-advertising')}>
        <Thead>
          <Tr>
            <Th>{t('Node')}</Th>
            <Th>{t('Strategy label')}</Th>
            <Th>{t('Advertised (allocatable)')}</Th>
            <Th>{t('Outcome')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {outcomes.map(({ node, previewed, outcome }) => (
            <Tr key={node.name}>
              <Td dataLabel={t('Node')}>{node.name}</Td>
              <Td dataLabel={t('Strategy label')}>{node.strategyLabel ?? t('none')}</Td>
              <Td dataLabel={t('Advertised (allocatable)')}>
                {resourcesText(t, node.allocatable, resourceWordingFor(node)) || '—'}
              </Td>
              <Td dataLabel={t('Outcome')}>
                <Label status={OUTCOME_STATUS[outcome]}>{outcomeText(t, outcome)}</Label>
                {outcome === 'differs' && previewed?.after && (
                  <Content component="small">
                    {t('Predicted: {{resources}}', {
                      resources: advertisedText(
                        t,
                        previewed.after,
                        strategy,
                        previewed.migEnabledGpus,
                      ),
                    })}
                  </Content>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Stack>
  );
};
