/**
 * The PromQL subset the sandbox's Prometheus evaluates: the shapes of the console's own queries
 * (Nodes list, node Overview, Pods list) over a fixed set of series, and clear errors otherwise.
 */
import {
  evaluatePromQl,
  parsePromQl,
  PromQlError,
  restrictToNamespace,
  type Sample,
  type SeriesSource,
} from './promql';

const SERIES: Record<string, Sample[]> = {
  node_memory_MemTotal_bytes: [
    { labels: { instance: 'n1', job: 'node-exporter' }, value: 100 },
    { labels: { instance: 'n2', job: 'node-exporter' }, value: 200 },
  ],
  node_memory_MemAvailable_bytes: [
    { labels: { instance: 'n1', job: 'node-exporter' }, value: 40 },
    { labels: { instance: 'n2', job: 'node-exporter' }, value: 150 },
  ],
  node_filesystem_size_bytes: [
    { labels: { instance: 'n1', device: '/dev/sda4', mountpoint: '/var' }, value: 10 },
    { labels: { instance: 'n1', device: '/dev/sda4', mountpoint: '/etc' }, value: 10 },
    { labels: { instance: 'n1', device: '/dev/sda3', mountpoint: '/boot' }, value: 1 },
    { labels: { instance: 'n1', device: 'tmpfs', mountpoint: '/run' }, value: 5 },
  ],
  container_memory_working_set_bytes: [
    { labels: { namespace: 'a', pod: 'p1' }, value: 7 },
    { labels: { namespace: 'a', pod: 'p1', container: 'main' }, value: 7 },
    { labels: { namespace: 'b', pod: 'p2' }, value: 3 },
  ],
  kubelet_running_pods: [{ labels: { instance: '10.0.0.21:10250', node: 'n1' }, value: 9 }],
};

/** A counter growing 2 a second, for rate(). */
const source: SeriesSource = (metric, time) =>
  metric === 'requests_total'
    ? [{ labels: { instance: 'n1' }, value: 2 * time }]
    : (SERIES[metric] ?? []);

const run = (query: string, time = 1000) => evaluatePromQl(parsePromQl(query), time, source);
const vector = (query: string) => {
  const value = run(query);
  if (value.kind !== 'vector') throw new Error('expected a vector');
  return value.samples;
};

test('the Nodes list: used memory by instance, a difference of two gauges', () => {
  expect(
    vector('sum by (instance) (node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes)'),
  ).toEqual([
    { labels: { instance: 'n1' }, value: 60 },
    { labels: { instance: 'n2' }, value: 50 },
  ]);
});

test('filesystem size: each device counted once (max by device), regex matchers, or', () => {
  const query =
    'sum by (instance) (max by (device, instance) (node_filesystem_size_bytes{device=~"/.*"})) or sum by (instance) (max by (volume, instance) (windows_logical_disk_size_bytes))';
  expect(vector(query)).toEqual([{ labels: { instance: 'n1' }, value: 11 }]);
});

test("the Pods list: pod-level series (container='') summed BY after the expression", () => {
  expect(
    vector("sum(container_memory_working_set_bytes{container=''}) BY (pod, namespace)"),
  ).toEqual([
    { labels: { pod: 'p1', namespace: 'a' }, value: 7 },
    { labels: { pod: 'p2', namespace: 'b' }, value: 3 },
  ]);
});

test('a plain selector keeps the metric name; arithmetic drops it', () => {
  expect(vector("kubelet_running_pods{instance=~'10.0.0.21:.*'}")[0].labels.__name__).toBe(
    'kubelet_running_pods',
  );
  expect(vector('node_memory_MemTotal_bytes / 2')[0]).toEqual({
    labels: { instance: 'n1', job: 'node-exporter' },
    value: 50,
  });
  expect(vector('node_memory_MemTotal_bytes > 150').map((sample) => sample.value)).toEqual([200]);
  expect(run('2 * (3 + 1)')).toEqual({ kind: 'scalar', value: 8 });
});

test('rate() over a range selector reads the counter at scrape intervals', () => {
  expect(vector('rate(requests_total[5m])')).toEqual([{ labels: { instance: 'n1' }, value: 2 }]);
  expect(vector('max_over_time(requests_total[1m])')[0].value).toBe(2000);
});

test('the tenancy path restricts every selector to the namespace', () => {
  const expr = restrictToNamespace(
    parsePromQl("sum(container_memory_working_set_bytes{container=''}) by (pod)"),
    'b',
  );
  const value = evaluatePromQl(expr, 1000, source);
  expect(value).toEqual({ kind: 'vector', samples: [{ labels: { pod: 'p2' }, value: 3 }] });
});

test('what is not supported or not PromQL is a parse error naming it', () => {
  expect(() => parsePromQl('histogram_quantile(0.9, x)')).toThrow(
    'function "histogram_quantile" is not supported',
  );
  expect(() => parsePromQl('sum(x')).toThrow(PromQlError);
  expect(() => parsePromQl('x{a=b}')).toThrow('expected string');
  expect(() => parsePromQl('rate(x)')).toThrow('expected type range vector');
  expect(() => parsePromQl('{__name__="x"}')).not.toThrow();
  expect(() => parsePromQl('{job="x"}')).toThrow('needs a metric name');
  expect(() => parsePromQl('')).toThrow('no expression found');
});
