import { Label, Tooltip } from '@patternfly/react-core';
import type { GpuHealthState, MigConfigState, ObservedTime } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import type { Translate } from '../../text/translate';
import { profileText } from '../../text/resourceText';
import { configStateText, HEALTH_STATE_STATUS, healthStateText } from '../../text/stateText';
import { clockTime, durationText, elapsedSince } from '../../text/timeText';

/**
 * How long a state has lasted, and where that time comes from: a time the cluster recorded is
 * exact; one this page saw is only a lower bound, and says so ("seen for").
 */
export function stateDurationText(
  t: Translate,
  stateText: string,
  since: ObservedTime,
  now: number = Date.now(),
): { text: string; source: string } {
  const duration = durationText(t, elapsedSince(since.at, now) ?? 0);
  return since.from === 'cluster'
    ? {
        text: t('{{state}} for {{duration}}', { state: stateText, duration }),
        source: t('Since {{time}}, as the cluster recorded it.', { time: clockTime(since.at) }),
      }
    : {
        text: t('{{state}} (seen for {{duration}})', { state: stateText, duration }),
        source: t(
          'Timed from when this page first saw it ({{time}}): the cluster recorded no time for it.',
          { time: clockTime(since.at) },
        ),
      };
}

interface HealthStateLabelProps {
  state: GpuHealthState;
  /** When the node entered its current mig-manager state; shown for `pending`. */
  since?: ObservedTime;
}

/** The page's state of a node (or GPU) as a label; pending says for how long, and since when. */
export const HealthStateLabel = ({ state, since }: HealthStateLabelProps) => {
  const { t } = usePluginTranslation();
  const text = healthStateText(t, state);
  const timed = state === 'pending' && since ? stateDurationText(t, text, since) : undefined;
  const label = (
    <Label
      isCompact
      status={HEALTH_STATE_STATUS[state]}
      variant={state === 'disabled' ? 'outline' : 'filled'}
      {...(timed ? { tabIndex: 0 } : {})}
    >
      {timed?.text ?? text}
    </Label>
  );
  return timed ? <Tooltip content={timed.source}>{label}</Tooltip> : label;
};

interface MigManagerStateProps {
  state: MigConfigState;
  rawValue?: string;
  since?: ObservedTime;
}

/** `nvidia.com/mig.config.state` as the value it is, with when it was set if the cluster says. */
export const MigManagerState = ({ state, rawValue, since }: MigManagerStateProps) => {
  const { t } = usePluginTranslation();
  const value = configStateText(t, state, rawValue);
  return (
    <>
      {state === 'absent' ? value : <code>{value}</code>}
      {since?.from === 'cluster' && (
        <>
          {' '}
          <small>{t('(since {{time}})', { time: clockTime(since.at) })}</small>
        </>
      )}
    </>
  );
};

/** A profile as people read it; whole GPUs (`nvidia.com/gpu`, profile `gpu`) get words. */
export const useProfileName = () => {
  const { t } = usePluginTranslation();
  return (profile: string) => profileText(t, profile);
};
