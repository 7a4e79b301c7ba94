import { Alert, Content, Label, List, ListItem, Stack } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { usePluginTranslation } from '../../hooks/usePluginTranslation';
import type { MigStrategy } from '../../geometry/types';
import { resourcesText } from '../text/resourceText';
import type { Translate } from '../text/translate';
import type { NodeStrategyPreview } from './strategyPreview';

/**
 * What a node advertises in the page's words (`1g.5gb ×8, Whole GPU ×2`), `—` for nothing. Under
 * `single` a node with MIG enabled advertises its MIG devices as `nvidia.com/gpu`.
 */
export const advertisedText = (
  t: Translate,
  resources: Record<string, number>,
  strategy: MigStrategy | undefined,
  migEnabledGpus: number,
) =>
  resourcesText(t, resources, { gpuIsMigDevice: strategy === 'single' && migEnabledGpus > 0 }) ||
  '—';

const unsettledText = (t: Translate, state: NodeStrategyPreview['unsettledState']) => {
  switch (state) {
    case 'pending':
    case 'rebooting':
      return t('Its MIG change is still under way: predicted for the config it is getting.');
    case 'failed':
      return t("Its last MIG change failed: its GPUs may not have the config's layout.");
    case 'unknown':
      return t("Its MIG state is unknown: its GPUs may not have the config's layout.");
    default:
      return undefined;
  }
};

interface AfterCellProps {
  node: NodeStrategyPreview;
  chosen: MigStrategy | undefined;
  t: Translate;
}

const AfterCell = ({ node, chosen, t }: AfterCellProps) => {
  switch (node.effect) {
    case 'invalid':
      return <Label status="danger">{t('MIG-INVALID: no GPUs')}</Label>;
    case 'unchanged':
      return <>{t('Unchanged')}</>;
    case 'unknown':
      return <>{t('Cannot be predicted: the GPU model is not in the catalog')}</>;
    default:
      return <>{advertisedText(t, node.after ?? {}, chosen, node.migEnabledGpus)}</>;
  }
};

/** How many nodes change, stay, break or cannot be told, in one sentence. */
const summaryText = (t: Translate, preview: NodeStrategyPreview[]) => {
  const count = (effect: NodeStrategyPreview['effect']) =>
    preview.filter((node) => node.effect === effect).length;
  return [
    t('{{count}} node changes what it advertises', { count: count('changes') }),
    t('{{count}} node is unchanged', { count: count('unchanged') }),
    ...(count('invalid') > 0
      ? [t('{{count}} node advertises nothing (MIG-INVALID)', { count: count('invalid') })]
      : []),
    ...(count('unknown') > 0
      ? [t('{{count}} node cannot be predicted', { count: count('unknown') })]
      : []),
  ].join(' · ');
};

/** Running pods whose requested resources their node stops advertising. */
const AffectedPods = ({ preview, t }: { preview: NodeStrategyPreview[]; t: Translate }) => {
  const pods = preview.flatMap((node) => node.affectedPods);
  if (pods.length === 0) return null;
  return (
    <Alert
      isInline
      variant="warning"
      data-test="strategy-affected-pods"
      title={t('{{count}} running pod asks for resources its node will no longer advertise', {
        count: pods.length,
      })}
    >
      <p>
        {t(
          'They keep the devices they hold while they run; once they end or are rescheduled, pods asking for the same resources stay Pending on these nodes.',
        )}
      </p>
      <List>
        {pods.map((pod) => (
          <ListItem key={`${pod.namespace}/${pod.name}`}>
            {t('{{pod}} on {{node}}: {{resources}}', {
              pod: `${pod.namespace}/${pod.name}`,
              node: pod.nodeName,
              resources: pod.resources.join(', '),
            })}
          </ListItem>
        ))}
      </List>
    </Alert>
  );
};

interface StrategyPreviewTableProps {
  preview: NodeStrategyPreview[];
  /** The strategy now and the one chosen: under `single`, nvidia.com/gpu are MIG devices. */
  current?: MigStrategy;
  chosen?: MigStrategy;
}

/** The preview of a strategy switch: the pods it strands, then what each node advertises. */
export const StrategyPreviewTable = ({ preview, current, chosen }: StrategyPreviewTableProps) => {
  const { t } = usePluginTranslation();
  return (
    <Stack hasGutter>
      <AffectedPods preview={preview} t={t} />
      <Content component="p" data-test="strategy-preview-summary">
        {summaryText(t, preview)}
      </Content>
      <Table variant="compact" aria-label={t('What each node advertises afterwards')}>
        <Thead>
          <Tr>
            <Th>{t('Node')}</Th>
            <Th>{t('MIG config')}</Th>
            <Th>{t('Now')}</Th>
            <Th>{t('After')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {preview.map((node) => {
            const unsettled = unsettledText(t, node.unsettledState);
            return (
              <Tr key={node.nodeName}>
                <Td dataLabel={t('Node')}>{node.nodeName}</Td>
                <Td dataLabel={t('MIG config')}>{node.migConfig ?? '—'}</Td>
                <Td dataLabel={t('Now')}>
                  {advertisedText(t, node.before, current, node.migEnabledGpus)}
                </Td>
                <Td dataLabel={t('After')}>
                  <AfterCell node={node} chosen={chosen} t={t} />
                  {unsettled && <Content component="small">{unsettled}</Content>}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </Stack>
  );
};
