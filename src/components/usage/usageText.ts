/** Words for slice use (DCGM exporter readings through Prometheus). */
import type { DeviceUse, IdleSlice, UsageProblem } from '../../cluster/instanceUsage';
import { durationText } from '../text/timeText';
import type { Translate } from '../text/translate';

/** `42%`: engine activity as a whole percentage. */
export const activityPercent = (activity: number): number =>
  Math.round(Math.min(1, Math.max(0, activity)) * 100);

/** What a slice map cell adds to its description: `engine active 42%, 3.1 GiB memory used`. */
export function instanceUseText(t: Translate, use: DeviceUse): string {
  const engine = t('engine active {{percent}}%', { percent: activityPercent(use.activity) });
  return use.memoryUsedMiB === undefined
    ? engine
    : t('{{engine}}, {{memory}} MiB memory used', {
        engine,
        memory: Math.round(use.memoryUsedMiB),
      });
}

/** The one line the page shows when slice use cannot be shown. */
export function usageProblemText(t: Translate, problem: UsageProblem | 'no-metrics'): string {
  switch (problem) {
    case 'forbidden':
      return t(
        'Slice use is not shown: Prometheus refused the request (403 Forbidden). Reading cluster metrics needs the cluster-monitoring-view role.',
      );
    case 'unavailable':
      return t('Slice use is not shown: the console has no Prometheus to ask, or cannot reach it.');
    case 'no-metrics':
      return t(
        'Slice use is not shown: Prometheus holds no DCGM exporter metrics (DCGM_FI_PROF_GR_ENGINE_ACTIVE). Enable the GPU operator’s DCGM exporter and its ServiceMonitor.',
      );
    default:
      return t('Slice use is not shown: Prometheus answered with an error.');
  }
}

/** "more than an hour", or "since metrics began (12 min)" when Prometheus holds less. */
export function idleForText(t: Translate, idle: IdleSlice): string {
  return idle.span === 'hour'
    ? t('more than an hour')
    : t('since metrics began ({{duration}})', { duration: durationText(t, idle.idleForMs) });
}
