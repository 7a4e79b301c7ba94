import { PrometheusEndpoint, usePrometheusPoll } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import {
  IDLE_WINDOW_MS,
  indexInstanceUsage,
  readDevices,
  seriesOf,
  usageProblemOf,
  type InstanceUsageIndex,
  type UsageProblem,
} from '../cluster/instanceUsage';
import type { GpuNodeView } from '../cluster/types';
import { useNow } from './useNow';

/** Points over the hour: one every 30 s, each the highest activity of its 30 s. */
const SAMPLES = 120;
const STEP_SECONDS = IDLE_WINDOW_MS / SAMPLES / 1000;
export const ACTIVITY_QUERY = `max_over_time(DCGM_FI_PROF_GR_ENGINE_ACTIVE[${STEP_SECONDS}s])`;
export const MEMORY_QUERY = 'DCGM_FI_DEV_FB_USED';

/**
 * The queries for one node only (its GPU tab): the exporter names the node `Hostname`, or
 * `hostname` on its main branch, so both selectors, joined with `or`.
 */
export function nodeQueries(node: string): { activity: string; memory: string } {
  const selectors = ['Hostname', 'hostname'].map((label) => `{${label}=${JSON.stringify(node)}}`);
  return {
    activity: selectors
      .map(
        (selector) => `max_over_time(DCGM_FI_PROF_GR_ENGINE_ACTIVE${selector}[${STEP_SECONDS}s])`,
      )
      .join(' or '),
    memory: selectors.map((selector) => `DCGM_FI_DEV_FB_USED${selector}`).join(' or '),
  };
}
const POLL_MS = 30_000;
/** After a failure the console's hook logs an error per poll: ask again only every 5 min. */
const RETRY_MS = 300_000;

export type InstanceUsage =
  | { status: 'loading' }
  /** Prometheus answered, without any DCGM exporter series. */
  | { status: 'no-metrics' }
  | { status: UsageProblem; message?: string }
  | { status: 'ready'; index: InstanceUsageIndex };

/**
 * Per-MIG-instance use from the DCGM exporter, through the console's Prometheus
 * (`usePrometheusPoll`, `/api/prometheus/`): the last hour of engine activity and the memory in
 * use now, matched to the node views' instances (`src/cluster/instanceUsage.ts`).
 */
export const useMigInstanceUsage = (
  nodes: readonly GpuNodeView[],
  /** Ask only for this node's series (the node's GPU tab). */
  onlyNode?: string,
): InstanceUsage => {
  const queries = React.useMemo(
    () => (onlyNode ? nodeQueries(onlyNode) : { activity: ACTIVITY_QUERY, memory: MEMORY_QUERY }),
    [onlyNode],
  );
  const [failed, setFailed] = React.useState(false);
  const now = useNow(failed ? RETRY_MS : POLL_MS);
  // The range ends at the page's clock: the console computes a range's end when it renders.
  const endTime = now.getTime();
  const [activity, activityLoaded, activityError] = usePrometheusPoll({
    endpoint: PrometheusEndpoint.QUERY_RANGE,
    query: queries.activity,
    timespan: IDLE_WINDOW_MS,
    samples: SAMPLES,
    endTime,
    delay: failed ? RETRY_MS : POLL_MS,
  });
  const [memory] = usePrometheusPoll({
    endpoint: PrometheusEndpoint.QUERY,
    query: failed ? '' : queries.memory,
    delay: POLL_MS,
  });
  const hasError = Boolean(activityError);
  React.useEffect(() => setFailed(hasError), [hasError]);
  return React.useMemo((): InstanceUsage => {
    if (activityError) {
      const message = (activityError as { message?: unknown }).message;
      return {
        status: usageProblemOf(activityError),
        ...(typeof message === 'string' && message ? { message } : {}),
      };
    }
    // Loaded without an answer only happens before the first poll ends (or with polling off).
    if (!activityLoaded || !activity) return { status: 'loading' };
    const series = seriesOf(activity);
    if (!series) return { status: 'error' };
    const devices = readDevices(series, seriesOf(memory) ?? []);
    if (devices.length === 0) return { status: 'no-metrics' };
    return {
      status: 'ready',
      index: indexInstanceUsage(devices, nodes, endTime / 1000, STEP_SECONDS),
    };
  }, [activity, activityLoaded, activityError, memory, nodes, endTime]);
};
