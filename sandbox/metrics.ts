/**
 * The metrics cluster monitoring would hold for the sandbox's nodes and pods: node-exporter's
 * memory and filesystem gauges and the recording rules the console reads (CPU, network), the
 * kubelet's running-pod count, cAdvisor's memory working set, the scheduler's resource requests
 * and limits. Usage is simulated and deterministic: each running pod uses a share of what it
 * requests (or a typical amount: a GPU job several cores and GiBs, an operand a fraction of a core)
 * that drifts slowly, and a node adds its system overhead. Objects are taken as they are now,
 * with series from their creation on (a fresh sandbox has a short history, as a new cluster).
 */
import { parseQuantity } from '../src/cluster/quantities';
import type { Labels, Sample, SeriesSource } from './promql';
import type { KubeObject, ObjectStore } from './store';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

interface PodUsage {
  labels: { namespace: string; pod: string; node: string; instance: string };
  containers: { name: string; image: string }[];
  since: number;
  cpuCores: number;
  memoryBytes: number;
  phase: number;
  requests: Record<string, number>;
  limits: Record<string, number>;
}

interface NodeUsage {
  name: string;
  kubelet: string;
  since: number;
  cores: number;
  memoryBytes: number;
  filesystemBytes: number;
  seed: number;
  pods: PodUsage[];
}

/** A stable number in [0, 1) from a name (FNV-1a). */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32;
}

/** A slow drift around 1: ±amplitude over the period, phased per object. */
function drift(time: number, periodSeconds: number, amplitude: number, phase: number): number {
  return 1 + amplitude * Math.sin((2 * Math.PI * time) / periodSeconds + 2 * Math.PI * phase);
}

function quantity(text: unknown, fallback: number): number {
  const parsed = parseQuantity(text);
  return parsed.value ?? fallback;
}

function secondsOf(timestamp: string | undefined): number {
  const parsed = Date.parse(timestamp ?? '');
  return Number.isNaN(parsed) ? 0 : parsed / 1000;
}

type Containers = {
  name: string;
  image?: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}[];

function resourceSum(containers: Containers, field: 'requests' | 'limits'): Record<string, number> {
  const total: Record<string, number> = {};
  for (const container of containers) {
    for (const [resource, text] of Object.entries(container.resources?.[field] ?? {})) {
      total[resource] = (total[resource] ?? 0) + quantity(text, 0);
    }
  }
  return total;
}

function podUsage(pod: KubeObject, node: string, instance: string): PodUsage {
  const containers = ((pod.spec as { containers?: Containers } | undefined)?.containers ??
    []) as Containers;
  const requests = resourceSum(containers, 'requests');
  const limits = resourceSum(containers, 'limits');
  const namespace = pod.metadata.namespace ?? '';
  const name = pod.metadata.name ?? '';
  const seed = seedOf(`${namespace}/${name}`);
  const usesGpu = Object.keys(requests).some((resource) => resource.startsWith('nvidia.com/'));
  const cpuCores =
    requests.cpu !== undefined
      ? requests.cpu * (0.4 + 0.5 * seed)
      : usesGpu
        ? 1.5 + 4.5 * seed
        : 0.01 + 0.09 * seed;
  const memoryBytes =
    requests.memory !== undefined
      ? requests.memory * (0.5 + 0.4 * seed)
      : usesGpu
        ? (6 + 26 * seed) * GiB
        : (40 + 260 * seed) * MiB;
  return {
    labels: { namespace, pod: name, node, instance },
    containers: containers.map((container) => ({
      name: container.name,
      image: container.image ?? '',
    })),
    since: secondsOf(pod.metadata.creationTimestamp),
    cpuCores,
    memoryBytes,
    phase: seedOf(`${name}#phase`),
    requests,
    limits,
  };
}

function nodeUsage(node: KubeObject): NodeUsage {
  const status = (node.status ?? {}) as {
    capacity?: Record<string, string>;
    addresses?: { type: string; address: string }[];
  };
  const ip = status.addresses?.find((address) => address.type === 'InternalIP')?.address ?? '';
  const name = node.metadata.name ?? '';
  return {
    name,
    kubelet: `${ip}:10250`,
    since: secondsOf(node.metadata.creationTimestamp),
    cores: quantity(status.capacity?.cpu, 4),
    memoryBytes: quantity(status.capacity?.memory, 16 * GiB),
    filesystemBytes: quantity(status.capacity?.['ephemeral-storage'], 120 * GiB),
    seed: seedOf(name),
    pods: [],
  };
}

/** Nodes with their running pods, read once per query (a range query asks for many times). */
function snapshot(store: ObjectStore): NodeUsage[] {
  const nodes = new Map<string, NodeUsage>();
  store.forEachObject('nodes', (node) => nodes.set(node.metadata.name ?? '', nodeUsage(node)));
  store.forEachObject('pods', (pod) => {
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    const node = nodeName ? nodes.get(nodeName) : undefined;
    if (node && phase === 'Running') node.pods.push(podUsage(pod, node.name, node.kubelet));
  });
  return [...nodes.values()];
}

const podCpu = (pod: PodUsage, time: number) => pod.cpuCores * drift(time, 1800, 0.25, pod.phase);
const podMemory = (pod: PodUsage, time: number) =>
  pod.memoryBytes * drift(time, 3600, 0.04, pod.phase);

function nodeFigures(node: NodeUsage, time: number) {
  const pods = node.pods.filter((pod) => pod.since <= time);
  const cpu = Math.min(
    node.cores,
    (0.4 + 0.015 * node.cores) * drift(time, 900, 0.1, node.seed) +
      pods.reduce((sum, pod) => sum + podCpu(pod, time), 0),
  );
  const memory = Math.min(
    node.memoryBytes * 0.97,
    2.2 * GiB + 0.02 * node.memoryBytes + pods.reduce((sum, pod) => sum + podMemory(pod, time), 0),
  );
  const filesystemUsed = Math.min(
    node.filesystemBytes * 0.9,
    (14 + 10 * node.seed) * GiB + pods.length * 150 * MiB,
  );
  const receive = (150_000 + 400_000 * cpu) * drift(time, 600, 0.3, node.seed);
  return { pods, cpu, memory, filesystemUsed, receive, transmit: receive * 0.6 };
}

const NODE_EXPORTER = {
  job: 'node-exporter',
  namespace: 'openshift-monitoring',
  service: 'node-exporter',
};
/** RHCOS: the root partition is mounted at several places; /boot is its own. */
const FILESYSTEMS = [
  { device: '/dev/sda4', mountpoints: ['/sysroot', '/var', '/etc'], share: 1 },
  { device: '/dev/sda3', mountpoints: ['/boot'], share: 0 },
];

function nodeSeries(metric: string, node: NodeUsage, time: number): Sample[] {
  const figures = nodeFigures(node, time);
  const instance = { instance: node.name };
  const exporter = (value: number, extra: Labels = {}): Sample => ({
    labels: { ...instance, ...NODE_EXPORTER, ...extra },
    value,
  });
  const filesystems = (value: (size: number, used: number) => number): Sample[] =>
    FILESYSTEMS.flatMap(({ device, mountpoints, share }) => {
      const size = share ? node.filesystemBytes : 350 * MiB;
      const used = share ? figures.filesystemUsed : 110 * MiB;
      return mountpoints.map((mountpoint) =>
        exporter(value(size, used), { device, mountpoint, fstype: 'xfs' }),
      );
    });
  switch (metric) {
    case 'node_memory_MemTotal_bytes':
      return [exporter(node.memoryBytes)];
    case 'node_memory_MemAvailable_bytes':
      return [exporter(node.memoryBytes - figures.memory)];
    case 'node_filesystem_size_bytes':
      return filesystems((size) => size);
    case 'node_filesystem_free_bytes':
      return filesystems((size, used) => size - used);
    case 'node_filesystem_avail_bytes':
      return filesystems((size, used) => size * 0.95 - used);
    case 'instance:node_cpu:rate:sum':
      return [{ labels: instance, value: figures.cpu }];
    case 'instance:node_num_cpu:sum':
      return [{ labels: instance, value: node.cores }];
    case 'instance:node_network_receive_bytes:rate:sum':
      return [{ labels: instance, value: figures.receive }];
    case 'instance:node_network_transmit_bytes:rate:sum':
      return [{ labels: instance, value: figures.transmit }];
    case 'kubelet_running_pods':
      return [
        {
          labels: {
            instance: node.kubelet,
            node: node.name,
            job: 'kubelet',
            service: 'kubelet',
            metrics_path: '/metrics',
          },
          value: figures.pods.length,
        },
      ];
    default:
      return [];
  }
}

function podSeries(metric: string, pod: PodUsage, time: number): Sample[] {
  const cadvisor = { ...pod.labels, job: 'kubelet', metrics_path: '/metrics/cadvisor' };
  switch (metric) {
    case 'container_memory_working_set_bytes': {
      const total = podMemory(pod, time);
      const share = total / Math.max(1, pod.containers.length);
      return [
        { labels: cadvisor, value: total },
        ...pod.containers.map((container) => ({
          labels: { ...cadvisor, container: container.name, image: container.image },
          value: share,
        })),
      ];
    }
    case 'pod:container_cpu_usage:sum':
      return [
        {
          labels: { namespace: pod.labels.namespace, pod: pod.labels.pod },
          value: podCpu(pod, time),
        },
      ];
    case 'kube_pod_resource_request':
    case 'kube_pod_resource_limit': {
      const amounts = metric === 'kube_pod_resource_request' ? pod.requests : pod.limits;
      return Object.entries(amounts).map(([resource, value]) => ({
        labels: {
          namespace: pod.labels.namespace,
          pod: pod.labels.pod,
          node: pod.labels.node,
          resource,
          unit: resource === 'cpu' ? 'cores' : resource === 'memory' ? 'bytes' : 'integer',
          scheduler: 'default-scheduler',
          priority: '',
        },
        value,
      }));
    }
    default:
      return [];
  }
}

const NODE_METRICS = new Set([
  'node_memory_MemTotal_bytes',
  'node_memory_MemAvailable_bytes',
  'node_filesystem_size_bytes',
  'node_filesystem_free_bytes',
  'node_filesystem_avail_bytes',
  'instance:node_cpu:rate:sum',
  'instance:node_num_cpu:sum',
  'instance:node_network_receive_bytes:rate:sum',
  'instance:node_network_transmit_bytes:rate:sum',
  'kubelet_running_pods',
]);
const POD_METRICS = new Set([
  'container_memory_working_set_bytes',
  'pod:container_cpu_usage:sum',
  'kube_pod_resource_request',
  'kube_pod_resource_limit',
]);

/** Every metric name served (the others have no series, as in a Prometheus that never scraped them). */
export const METRIC_NAMES = [...NODE_METRICS, ...POD_METRICS];

/** The metrics of the store's current objects; no samples before an object existed or after now. */
export function clusterMetrics(
  store: ObjectStore,
  now: () => number = () => Date.now() / 1000,
): SeriesSource {
  const nodes = snapshot(store);
  return (metric, time) => {
    if (time > now() + 1) return [];
    const existing = nodes.filter((node) => node.since <= time);
    if (NODE_METRICS.has(metric)) return existing.flatMap((node) => nodeSeries(metric, node, time));
    if (!POD_METRICS.has(metric)) return [];
    return existing.flatMap((node) =>
      node.pods.filter((pod) => pod.since <= time).flatMap((pod) => podSeries(metric, pod, time)),
    );
  };
}
