/**
 * What NVIDIA's DCGM exporter would publish for the sandbox's simulated GPUs, and the sandbox's
 * `/metrics` page in the Prometheus text exposition format, for a real Prometheus to scrape.
 *
 * Names and labels follow NVIDIA/dcgm-exporter 4.5.3-4.8.2 (May 2026):
 * - `etc/default-counters.csv` and `etc/dcp-metrics-included.csv`: `DCGM_FI_PROF_GR_ENGINE_ACTIVE`
 *   (gauge, ratio 0..1 "of time the graphics engine is active"), `DCGM_FI_DEV_FB_USED` and
 *   `DCGM_FI_DEV_FB_FREE` (gauges, MiB), `DCGM_FI_DEV_GPU_UTIL` (gauge, %; NVML does not report it
 *   for MIG instances, so only whole GPUs have it).
 * - `internal/pkg/rendermetrics/render_metrics.go`: every GPU series carries `gpu` (index), `UUID`,
 *   `pci_bus_id`, `device` (`nvidia<index>`), `modelName` (the NVML name), and on a MIG instance
 *   `GPU_I_PROFILE` (`1g.6gb`) and `GPU_I_ID` (NVML's GPU instance id), then `Hostname` (the node:
 *   the GPU operator sets `NODE_NAME`, `internal/pkg/hostname/hostname.go`; the exporter's main
 *   branch renamed the label `hostname` after that release).
 * - `internal/pkg/transformation/kubernetes.go`, `const.go`: the pod mapper adds `pod`,
 *   `namespace`, `container` and `pod_uid` to the series of the device a pod holds (MIG devices by
 *   GPU UUID and GPU instance id).
 *
 * Simulated, deterministic: each node's actual GPUs (the operator's hardware state), the
 * instances placed as the geometry engine places them and numbered from 1 in that order, pods
 * given devices as the plugin infers it (oldest pod first, lowest GPU index and placement first).
 * A pod's engine activity is its `sandbox.gpu-partitioning/gpu-utilization` annotation (0..1) or a
 * busy value of its own that drifts slowly; a node whose exporter is paused for a MIG change
 * publishes nothing, as on a cluster.
 */
import { findModel } from '../src/geometry/catalog';
import { GPU_RESOURCE, migResourceName } from '../src/geometry/naming';
import { placeInstances } from '../src/geometry/placement';
import type { GpuModel, MigStrategy, PlacedInstance, ProfileCounts } from '../src/geometry/types';
import { seedOf } from './metrics';
import { gpuRequestsOf } from './gpuRequests';
import type { GpuOperatorSimulation, NodeHardware } from './operator';
import type { Labels, Sample } from './promql';
import type { KubeObject, ObjectStore } from './store';

export const GPU_UTILIZATION_ANNOTATION = 'sandbox.gpu-partitioning/gpu-utilization';
const EXPORTER_DEPLOY_LABEL = 'nvidia.com/gpu.deploy.dcgm-exporter';

export const DCGM_METRICS = {
  DCGM_FI_PROF_GR_ENGINE_ACTIVE: 'Ratio of time the graphics engine is active.',
  DCGM_FI_DEV_FB_USED: 'Framebuffer memory used (in MiB).',
  DCGM_FI_DEV_FB_FREE: 'Framebuffer memory free (in MiB).',
  DCGM_FI_DEV_GPU_UTIL: 'GPU utilization (in %).',
} as const;
export type DcgmMetric = keyof typeof DCGM_METRICS;

interface PodOnDevice {
  namespace: string;
  name: string;
  container: string;
  uid: string;
  /** Engine activity asked for by the annotation, or undefined for the pod's own busy value. */
  activity?: number;
  seed: number;
}

/** One device as the exporter sees it: a whole GPU or one MIG instance. */
export interface Device {
  labels: Labels;
  memoryMiB: number;
  wholeGpu: boolean;
  pod?: PodOnDevice;
}

/** A UUID-shaped identifier from a name, stable across runs (`GPU-` + 8-4-4-4-12 hex). */
function stableUuid(prefix: string, name: string): string {
  const hex = Array.from({ length: 4 }, (_, part) =>
    Math.floor(seedOf(`${name}#${part}`) * 2 ** 32)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  return `${prefix}-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The annotation's ratio, or undefined when absent or not a number from 0 to 1. */
export function annotatedActivity(pod: KubeObject): number | undefined {
  const text = pod.metadata.annotations?.[GPU_UTILIZATION_ANNOTATION];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
}

function podOnDevice(pod: KubeObject): PodOnDevice {
  const namespace = pod.metadata.namespace ?? '';
  const name = pod.metadata.name ?? '';
  const containers = (pod.spec as { containers?: { name?: string }[] } | undefined)?.containers;
  return {
    namespace,
    name,
    container: containers?.[0]?.name ?? '',
    uid: pod.metadata.uid ?? '',
    activity: annotatedActivity(pod),
    seed: seedOf(`${namespace}/${name}`),
  };
}

export type GpuPod = { pod: KubeObject; resources: Record<string, number> };

const podKey = (pod: KubeObject) => `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;

/** Sorts GPU pods oldest first (then by namespace/name), as the plugin orders them. */
export function oldestFirst(pods: GpuPod[]): GpuPod[] {
  return pods.sort(
    (a, b) =>
      (a.pod.metadata.creationTimestamp ?? '').localeCompare(
        b.pod.metadata.creationTimestamp ?? '',
      ) || podKey(a.pod).localeCompare(podKey(b.pod)),
  );
}

/** Running GPU pods by node, each list oldest first (then by namespace/name), as the plugin orders them. */
function gpuPodsByNode(store: ObjectStore): Map<string, GpuPod[]> {
  const byNode = new Map<string, GpuPod[]>();
  store.forEachObject('pods', (pod) => {
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (!nodeName || phase !== 'Running') return;
    const resources = gpuRequestsOf(pod);
    if (Object.keys(resources).length === 0) return;
    const list = byNode.get(nodeName);
    if (list) list.push({ pod, resources });
    else byNode.set(nodeName, [{ pod, resources }]);
  });
  for (const pods of byNode.values()) oldestFirst(pods);
  return byNode;
}

/** Placements per model and counts: every scrape asks again for the same few layouts. */
const layoutCache = new Map<string, PlacedInstance[]>();
function placedInstances(model: GpuModel, counts: ProfileCounts): PlacedInstance[] {
  const key = JSON.stringify([model.id, Object.entries(counts).sort()]);
  let instances = layoutCache.get(key);
  if (!instances) {
    instances = placeInstances(model, counts).instances;
    layoutCache.set(key, instances);
  }
  return instances;
}

/** The devices of one node, each with the resource name the device plugin advertises it under. */
function nodeDevices(
  nodeName: string,
  hardware: NodeHardware,
  strategy: MigStrategy,
): { device: Device; resource: string }[] {
  const model = hardware.modelId ? findModel(hardware.modelId) : undefined;
  const modelName = model?.nvmlNames[0] ?? hardware.product.replace(/-/g, ' ');
  const devices: { device: Device; resource: string }[] = [];
  for (const gpu of hardware.gpus) {
    const gpuLabels: Labels = {
      gpu: String(gpu.index),
      UUID: stableUuid('GPU', `${nodeName}/${gpu.index}`),
      pci_bus_id: `00000000:${(0x17 + 0x20 * gpu.index).toString(16).toUpperCase().padStart(2, '0')}:00.0`,
      device: `nvidia${gpu.index}`,
      modelName,
    };
    if (!gpu.migEnabled || !model) {
      devices.push({
        device: {
          labels: { ...gpuLabels, Hostname: nodeName },
          memoryMiB: hardware.memoryMiB,
          wholeGpu: true,
        },
        resource: GPU_RESOURCE,
      });
      continue;
    }
    placedInstances(model, gpu.counts).forEach((instance, position) => {
      const profile = model.profiles.find((candidate) => candidate.name === instance.profile);
      devices.push({
        device: {
          labels: {
            ...gpuLabels,
            GPU_I_PROFILE: instance.profile,
            GPU_I_ID: String(position + 1),
            Hostname: nodeName,
          },
          memoryMiB: profile?.memoryMiB ?? 0,
          wholeGpu: false,
        },
        resource: strategy === 'single' ? GPU_RESOURCE : migResourceName(instance.profile),
      });
    });
  }
  return devices;
}

/** Every device of the cluster with the pod that holds it, read once per scrape. */
export function exporterDevices(store: ObjectStore, operator: GpuOperatorSimulation): Device[] {
  const strategy = operator.strategy();
  const podsByNode = gpuPodsByNode(store);
  const devices: Device[] = [];
  store.forEachObject('nodes', (node) => {
    const name = node.metadata.name ?? '';
    const hardware = operator.hardwareOf(name);
    const deploy = node.metadata.labels?.[EXPORTER_DEPLOY_LABEL];
    if (!hardware || (deploy !== undefined && deploy !== 'true')) return;
    devices.push(...devicesWithHolders(name, hardware, strategy, podsByNode.get(name) ?? []));
  });
  return devices;
}

/**
 * The node's devices, each with the pod that holds it. The API never says which device a pod got,
 * so the sandbox decides as the plugin infers it: `pods` oldest first (`oldestFirst`), each taking
 * the free devices of its resources from the lowest GPU index and placement up. The exporter's
 * series and the simulated mig-manager's "in use" both come from here, so they agree.
 */
export function devicesWithHolders(
  nodeName: string,
  hardware: NodeHardware,
  strategy: MigStrategy,
  pods: GpuPod[],
): Device[] {
  const onNode = nodeDevices(nodeName, hardware, strategy);
  for (const { pod, resources } of pods) {
    for (const resource of Object.keys(resources).sort()) {
      let wanted = resources[resource];
      for (const entry of onNode) {
        if (wanted <= 0) break;
        if (entry.resource !== resource || entry.device.pod) continue;
        entry.device.pod = podOnDevice(pod);
        wanted -= 1;
      }
    }
  }
  return onNode.map((entry) => entry.device);
}

/** A slow drift of ±amplitude over the period, phased per pod. */
const drift = (time: number, period: number, amplitude: number, phase: number) =>
  amplitude * Math.sin((2 * Math.PI * time) / period + 2 * Math.PI * phase);

/** Engine activity 0..1 at `time`: none without a pod, the annotation's, or a busy 35–85 %. */
export function deviceActivity(device: Device, time: number): number {
  const pod = device.pod;
  if (!pod) return 0;
  if (pod.activity === 0) return 0;
  const base = pod.activity ?? 0.35 + 0.5 * pod.seed;
  return Math.min(
    1,
    Math.max(0, base + drift(time, 600, pod.activity === undefined ? 0.1 : 0.02, pod.seed)),
  );
}

function deviceMemoryUsed(device: Device, time: number): number {
  const pod = device.pod;
  if (!pod) return 0;
  // A loaded model keeps its memory while the engine idles.
  const share = 0.3 + 0.5 * pod.seed + drift(time, 1800, 0.05, pod.seed);
  return Math.round(device.memoryMiB * Math.min(0.95, Math.max(0.05, share)));
}

function deviceLabels(device: Device): Labels {
  if (!device.pod) return device.labels;
  return {
    ...device.labels,
    pod: device.pod.name,
    namespace: device.pod.namespace,
    container: device.pod.container,
    pod_uid: device.pod.uid,
  };
}

/** The series of one DCGM metric at `time` (seconds since the epoch). */
export function dcgmSeries(devices: Device[], metric: DcgmMetric, time: number): Sample[] {
  const samples: Sample[] = [];
  for (const device of devices) {
    const labels = deviceLabels(device);
    switch (metric) {
      case 'DCGM_FI_PROF_GR_ENGINE_ACTIVE':
        samples.push({ labels, value: Math.round(deviceActivity(device, time) * 1e4) / 1e4 });
        break;
      case 'DCGM_FI_DEV_FB_USED':
        samples.push({ labels, value: deviceMemoryUsed(device, time) });
        break;
      case 'DCGM_FI_DEV_FB_FREE':
        samples.push({ labels, value: device.memoryMiB - deviceMemoryUsed(device, time) });
        break;
      case 'DCGM_FI_DEV_GPU_UTIL':
        if (device.wholeGpu) {
          samples.push({ labels, value: Math.round(deviceActivity(device, time) * 100) });
        }
        break;
    }
  }
  return samples;
}

// ------------------------------------------------------------------ text exposition format

/** A label value in the exposition format: backslash, double quote and newline escaped. */
const escapeLabelValue = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** A sample value as Prometheus writes it (`NaN`, `+Inf`, `-Inf`, else the shortest decimal). */
const formatSampleValue = (value: number) =>
  Number.isNaN(value)
    ? 'NaN'
    : value === Infinity
      ? '+Inf'
      : value === -Infinity
        ? '-Inf'
        : String(value);

export interface MetricFamily {
  name: string;
  help: string;
  type: 'gauge' | 'counter' | 'untyped';
  samples: Sample[];
}

/** Families in the Prometheus text exposition format 0.0.4 (`# HELP`, `# TYPE`, one line a sample). */
export function renderExposition(families: MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${family.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`);
    lines.push(`# TYPE ${family.name} ${family.type}`);
    for (const sample of family.samples) {
      const labels = Object.entries(sample.labels)
        .map(([name, value]) => `${name}="${escapeLabelValue(value)}"`)
        .join(',');
      lines.push(`${family.name}${labels ? `{${labels}}` : ''} ${formatSampleValue(sample.value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The exposition format's content type, as Prometheus client libraries send it. */
export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** The DCGM families of the cluster now. */
export function dcgmFamilies(
  store: ObjectStore,
  operator: GpuOperatorSimulation,
  time: number,
): MetricFamily[] {
  const devices = exporterDevices(store, operator);
  return (Object.keys(DCGM_METRICS) as DcgmMetric[]).map((name) => ({
    name,
    help: DCGM_METRICS[name],
    type: 'gauge',
    samples: dcgmSeries(devices, name, time),
  }));
}
