/**
 * The sandbox's `/metrics` page, for a real Prometheus to scrape (host/prometheus.ts): the DCGM
 * exporter's series for every node's GPUs (dcgmExporter.ts) and, so that the console's own Nodes
 * and Pods charts keep working when the console's `--thanos` points at that Prometheus, the
 * current values of the cluster-monitoring series `/prometheus` serves (metrics.ts). Scraped
 * with `honor_labels: true`, as a federation endpoint is, so their `instance`, `job` and
 * `namespace` labels stay as written.
 */
import { dcgmFamilies, renderExposition, type MetricFamily } from './dcgmExporter';
import { clusterMetrics, METRIC_NAMES } from './metrics';
import type { GpuOperatorSimulation } from './operator';
import type { ObjectStore } from './store';

export function metricsPage(
  store: ObjectStore,
  operator: GpuOperatorSimulation,
  now: number = Date.now() / 1000,
): string {
  const cluster = clusterMetrics(store, () => now);
  const monitoring: MetricFamily[] = METRIC_NAMES.map((name) => ({
    name,
    help: `${name} as cluster monitoring would hold it (simulated).`,
    type: 'gauge',
    samples: cluster(name, now),
  }));
  return renderExposition([...dcgmFamilies(store, operator, now), ...monitoring]);
}
