/**
 * The shim's Prometheus URLs are the console's (`frontend/public/components/graphs/helpers.ts`,
 * release-4.19): `/api/prometheus/<endpoint>`, the tenancy path with a namespace, a range's
 * `end`, `start` and `step` (timespan / samples) in seconds, empty parameters left out.
 */
import { getPrometheusURL } from './prometheus';

test('an instant query: the query alone, under /api/prometheus', () => {
  expect(
    getPrometheusURL({ endpoint: 'api/v1/query', query: 'up', samples: 60, timespan: 3_600_000 }),
  ).toBe('/api/prometheus/api/v1/query?query=up');
});

test('a range query: end, start and step in seconds, before the query', () => {
  const url = new URL(
    getPrometheusURL({
      endpoint: 'api/v1/query_range',
      query: 'max_over_time(DCGM_FI_PROF_GR_ENGINE_ACTIVE[30s])',
      endTime: 1_800_000_000_000,
      samples: 120,
      timespan: 3_600_000,
    }),
    'http://console',
  );
  expect(url.pathname).toBe('/api/prometheus/api/v1/query_range');
  expect([...url.searchParams.keys()]).toEqual(['end', 'start', 'step', 'query']);
  expect(url.searchParams.get('end')).toBe('1800000000');
  expect(url.searchParams.get('start')).toBe('1799996400');
  expect(url.searchParams.get('step')).toBe('30');
});

test('with a namespace: the tenancy path, and the namespace as a parameter', () => {
  expect(
    getPrometheusURL({
      endpoint: 'api/v1/query',
      query: 'up',
      namespace: 'team-a',
      samples: 60,
      timespan: 0,
    }),
  ).toBe('/api/prometheus-tenancy/api/v1/query?query=up&namespace=team-a');
});
