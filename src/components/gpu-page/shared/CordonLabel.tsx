import { Label, Tooltip } from '@patternfly/react-core';
import { BanIcon } from '@patternfly/react-icons';
import type { GpuNodeView } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { clockTime } from '../../text/timeText';

/**
 * A cordoned node, saying whose cordon it is: the plugin's for a MIG change (its mark, with
 * since when) or someone else's, which the plugin never undoes. Nothing for a schedulable node.
 */
export const CordonLabel = ({ node }: { node: GpuNodeView }) => {
  const { t } = usePluginTranslation();
  if (!node.unschedulable) return null;
  const mark = node.cordonedForMigChange;
  if (!mark) {
    return (
      <Tooltip content={t('Cordoned by someone else; the plugin never uncordons it.')}>
        <Label isCompact color="grey" icon={<BanIcon />} tabIndex={0}>
          {t('Cordoned')}
        </Label>
      </Tooltip>
    );
  }
  // The time beside the label, not in it: a label does not wrap, and a long one is cut.
  return (
    <span>
      <Tooltip
        content={t(
          'The plugin cordoned this node before changing its MIG config, so no new pods start on it. Uncordon it when the change is done.',
        )}
      >
        <Label isCompact color="orange" icon={<BanIcon />} tabIndex={0}>
          {t('Cordoned for a MIG change')}
        </Label>
      </Tooltip>
      {mark.since && (
        <>
          {' '}
          <small>{t('(since {{time}})', { time: clockTime(mark.since) })}</small>
        </>
      )}
    </span>
  );
};
