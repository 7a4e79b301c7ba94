/**
 * `usePrometheusPoll` as the console implements it (openshift/console
 * `frontend/public/components/graphs/prometheus-poll-hook.ts`, `helpers.ts`,
 * `utils/url-poll-hook.ts`, `poll-hook.ts`): the URL is `/api/prometheus/<endpoint>?...`
 * (`/api/prometheus-tenancy/` with a namespace); a range query gets `start`, `end` and
 * `step = timespan / samples`; the URL is fetched at once and every `delay` ms (default 15 s)
 * while mounted; an empty query fetches nothing. The console's hook returns
 * `[response, error, loading]`; the SDK reorders it to `[response, loaded, error]`. A failed poll
 * is logged with `console.error` and clears the response, as the console does.
 */
import type { PrometheusResponse, UsePrometheusPoll } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { consoleFetchJSON } from './fetch';

export const PROMETHEUS_BASE_PATH = '/api/prometheus';
export const PROMETHEUS_TENANCY_BASE_PATH = '/api/prometheus-tenancy';
const DEFAULT_SAMPLES = 60;
const DEFAULT_TIMESPAN_MS = 60 * 60 * 1000;
const DEFAULT_DELAY_MS = 15_000;
const QUERY_RANGE = 'api/v1/query_range';

type UrlProps = {
  endpoint: string;
  endTime?: number;
  namespace?: string;
  query?: string;
  samples: number;
  timeout?: string;
  timespan: number;
};

/** The console's `getPrometheusURL`. */
export const getPrometheusURL = ({
  endpoint,
  endTime,
  timespan,
  samples,
  ...params
}: UrlProps): string => {
  const search = new URLSearchParams();
  if (endpoint === QUERY_RANGE && timespan) {
    const end = endTime || Date.now();
    search.append('end', `${end / 1000}`);
    search.append('start', `${(end - timespan) / 1000}`);
    search.append('step', `${timespan / samples / 1000}`);
  }
  for (const [key, value] of Object.entries(params)) {
    if (value) search.append(key, String(value));
  }
  const base = params.namespace ? PROMETHEUS_TENANCY_BASE_PATH : PROMETHEUS_BASE_PATH;
  return `${base}/${endpoint}?${search.toString()}`;
};

export const usePrometheusPoll: UsePrometheusPoll = ({
  delay = DEFAULT_DELAY_MS,
  endpoint,
  endTime,
  namespace,
  query,
  samples = DEFAULT_SAMPLES,
  timeout,
  timespan = DEFAULT_TIMESPAN_MS,
}) => {
  const [response, setResponse] = React.useState<PrometheusResponse>();
  const [error, setError] = React.useState<unknown>();
  const [loading, setLoading] = React.useState(true);
  // Each poll fetches the URL of the latest render (a range's end moves when the caller
  // re-renders), and only a new delay, query or timespan polls at once: the console's deps.
  const url = query
    ? getPrometheusURL({ endpoint, endTime, namespace, query, samples, timeout, timespan })
    : '';
  const latestUrl = React.useRef(url);
  latestUrl.current = url;
  React.useEffect(() => {
    let controller: AbortController | undefined;
    let stopped = false;
    const tick = () => {
      const current = latestUrl.current;
      if (!current) {
        setLoading(false);
        return;
      }
      controller?.abort();
      controller = new AbortController();
      (
        consoleFetchJSON(current, 'GET', {
          signal: controller.signal,
        }) as Promise<PrometheusResponse>
      )
        .then((data) => {
          if (stopped) return;
          setResponse(data);
          setError(null);
        })
        .catch((failure: Error) => {
          if (stopped || failure?.name === 'AbortError') return;
          setResponse(undefined);
          setError(failure);
          console.error(`Error polling URL: ${failure}`);
        })
        .finally(() => {
          if (!stopped) setLoading(false);
        });
    };
    tick();
    const timer = delay ? setInterval(tick, delay) : undefined;
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      controller?.abort();
    };
  }, [delay, query, timespan]);
  return [response, !loading, error];
};
