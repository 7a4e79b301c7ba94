/**
 * A Prometheus HTTP API under `/prometheus` (the port's Kubernetes paths stay as they are), for the
 * real console's `--thanos http://HOST:PORT/prometheus`: the bridge proxies the browser's
 * `/api/prometheus/api/v1/...` and `/api/prometheus-tenancy/...` there with the user's token.
 * `query` and `query_range` evaluate the PromQL subset of `promql.ts` over the simulated metrics of
 * `metrics.ts`; `rules` and `alerts` are empty (no alerting rules fire in the sandbox). Answers and
 * errors have Prometheus's shapes (`{"status":"success","data":...}`, `bad_data` with 400).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clusterMetrics } from './metrics';
import {
  evaluatePromQl,
  parsePromQl,
  PromQlError,
  restrictToNamespace,
  type Labels,
  type PromQlExpr,
  type SeriesSource,
} from './promql';
import type { ObjectStore } from './store';

export const PROMETHEUS_PREFIX = '/prometheus';

/** Prometheus refuses range queries with more points a series than this. */
const MAX_POINTS = 11_000;

class BadData extends Error {}

function send(response: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Go's float formatting in Prometheus answers: `NaN`, `+Inf`, `-Inf`, else the shortest decimal. */
function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function parseTime(name: string, text: string | null, fallback: number): number {
  if (text === null || text === '') return fallback;
  const seconds = /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : Date.parse(text) / 1000;
  if (!Number.isFinite(seconds)) {
    throw new BadData(`invalid parameter "${name}": cannot parse "${text}" to a valid timestamp`);
  }
  return seconds;
}

function parseStep(text: string | null): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text ?? '');
  if (!match) {
    throw new BadData(`invalid parameter "step": cannot parse "${text ?? ''}" to a valid duration`);
  }
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[match[2] ?? 's'] ?? 1;
  return Number(match[1]) * unit;
}

function parseQuery(parameters: URLSearchParams): PromQlExpr {
  const query = parameters.get('query');
  if (!query)
    throw new BadData(
      'invalid parameter "query": unknown position: parse error: no expression found in input',
    );
  const expr = parsePromQl(query);
  const namespace = parameters.get('namespace');
  return namespace ? restrictToNamespace(expr, namespace) : expr;
}

function instantQuery(parameters: URLSearchParams, source: SeriesSource, now: number) {
  const expr = parseQuery(parameters);
  const time = parseTime('time', parameters.get('time'), now);
  const value = evaluatePromQl(expr, time, source);
  if (value.kind === 'scalar')
    return { resultType: 'scalar', result: [time, formatValue(value.value)] };
  return {
    resultType: 'vector',
    result: value.samples.map((sample) => ({
      metric: sample.labels,
      value: [time, formatValue(sample.value)],
    })),
  };
}

function rangeQuery(parameters: URLSearchParams, source: SeriesSource, now: number) {
  const expr = parseQuery(parameters);
  const start = parseTime('start', parameters.get('start'), NaN);
  const end = parseTime('end', parameters.get('end'), NaN);
  if (Number.isNaN(start) || Number.isNaN(end))
    throw new BadData('invalid parameter "start" or "end": missing');
  if (end < start) throw new BadData('end timestamp must not be before start time');
  const step = parseStep(parameters.get('step'));
  if (step <= 0) {
    throw new BadData(
      'zero or negative query resolution step widths are not accepted. Try a positive integer',
    );
  }
  if ((end - start) / step > MAX_POINTS) {
    throw new BadData(
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
  }
  const series = new Map<string, { metric: Labels; values: [number, string][] }>();
  for (let index = 0; start + index * step <= Math.min(end, now + step); index += 1) {
    const time = Math.round((start + index * step) * 1000) / 1000;
    const value = evaluatePromQl(expr, time, source);
    const samples = value.kind === 'scalar' ? [{ labels: {}, value: value.value }] : value.samples;
    for (const sample of samples) {
      const key = JSON.stringify(Object.entries(sample.labels).sort());
      const entry = series.get(key) ?? { metric: sample.labels, values: [] };
      entry.values.push([time, formatValue(sample.value)]);
      series.set(key, entry);
    }
  }
  return { resultType: 'matrix', result: [...series.values()] };
}

async function readParameters(request: IncomingMessage, url: URL): Promise<URLSearchParams> {
  const parameters = new URLSearchParams(url.searchParams);
  if (request.method !== 'POST') return parameters;
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  for (const [name, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) {
    parameters.append(name, value);
  }
  return parameters;
}

/** Answers a request under `/prometheus` (the caller has authenticated it). */
export async function answerPrometheus(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  store: ObjectStore,
): Promise<void> {
  const endpoint = url.pathname.slice(PROMETHEUS_PREFIX.length).replace(/\/+$/, '');
  const now = Date.now() / 1000;
  try {
    const parameters = await readParameters(request, url);
    switch (endpoint) {
      case '/api/v1/query':
        return send(response, 200, {
          status: 'success',
          data: instantQuery(parameters, clusterMetrics(store), now),
        });
      case '/api/v1/query_range':
        return send(response, 200, {
          status: 'success',
          data: rangeQuery(parameters, clusterMetrics(store), now),
        });
      case '/api/v1/rules':
        return send(response, 200, { status: 'success', data: { groups: [] } });
      case '/api/v1/alerts':
        return send(response, 200, { status: 'success', data: { alerts: [] } });
      default:
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('404 page not found\n');
    }
  } catch (error) {
    if (!(error instanceof BadData || error instanceof PromQlError)) throw error;
    send(response, 400, { status: 'error', errorType: 'bad_data', error: error.message });
  }
}
