/**
 * What each MIG instance (and whole GPU) does, from NVIDIA's DCGM exporter through Prometheus:
 * engine activity (`DCGM_FI_PROF_GR_ENGINE_ACTIVE`, a 0..1 ratio), framebuffer memory used
 * (`DCGM_FI_DEV_FB_USED`, MiB), which pod holds it, and which allocated slices have been idle.
 *
 * The exporter's labels (NVIDIA/dcgm-exporter 4.5.x, `internal/pkg/rendermetrics`,
 * `internal/pkg/transformation`): `Hostname` (the node; `hostname` on the exporter's main branch),
 * `gpu` (index), `GPU_I_PROFILE` and `GPU_I_ID` on MIG instances, and `pod`, `namespace`,
 * `container` for the pod holding the device. Scraped with `honorLabels: false` those three
 * become `exported_pod`, `exported_namespace`, `exported_container`, and `pod`/`namespace` name
 * the exporter's own pod: the workload is read from `exported_*` first, and a `pod` that is the
 * exporter itself is no workload.
 *
 * Matching to the slice map: the kubelet never says which instance a pod got, and the exporter's
 * `GPU_I_ID` is the driver's number, not a position. So per node and GPU, a series carrying a pod
 * goes to the instance of its profile the page shows that pod on; the rest pair by profile, in
 * `GPU_I_ID` order with the instances in placement order. Pure: no React, no SDK.
 */
import type { GpuNodeView, SliceInstanceView } from './types';

/** Below this engine activity (5 %) a slice counts as idle. */
export const IDLE_ACTIVITY = 0.05;
/** "Idle for more than an hour". */
export const IDLE_WINDOW_MS = 60 * 60 * 1000;

/** One series of a Prometheus answer (the SDK's `PrometheusResult`, without the SDK). */
export interface PromSeries {
  metric: Record<string, string>;
  values?: [number, string][];
  value?: [number, string];
}

/** The pod holding a device, as the exporter names it. */
export interface DevicePod {
  name: string;
  namespace: string;
}

/** One device the exporter reports: a MIG instance (`profile`, `instanceId`) or a whole GPU. */
export interface DeviceUse {
  node: string;
  gpu: number;
  /** `GPU_I_PROFILE`; undefined for a whole GPU. */
  profile?: string;
  /** `GPU_I_ID`, the driver's GPU instance id. */
  instanceId?: string;
  pod?: DevicePod;
  /** Engine activity 0..1 at the last point. */
  activity: number;
  memoryUsedMiB?: number;
  /** Seconds since the epoch: the series' first point in the window, and its last active one. */
  firstSeen: number;
  lastSeen: number;
  lastActive?: number;
}

/** An allocated slice with no engine activity over all the data Prometheus holds for it. */
export interface IdleSlice {
  device: DeviceUse;
  /** Milliseconds idle, as far as the data goes. */
  idleForMs: number;
  /** `hour`: the data covers the hour; `metrics-began`: it is shorter, so "since metrics began". */
  span: 'hour' | 'metrics-began';
}

/** Use per profile (`''` for whole GPUs), for the Overview. */
export interface ProfileUse {
  profile: string;
  devices: number;
  allocated: number;
  /** Allocated and below `IDLE_ACTIVITY` now. */
  idleNow: number;
  /** Mean engine activity over the profile's devices, 0..1. */
  averageActivity: number;
}

export interface InstanceUsageIndex {
  /** By `SliceInstanceView.id`. */
  byInstance: ReadonlyMap<string, DeviceUse>;
  /** By `gpuKey(node, index)`, for GPUs without MIG. */
  byWholeGpu: ReadonlyMap<string, DeviceUse>;
  idle: IdleSlice[];
  profiles: ProfileUse[];
  devices: number;
  /** Milliseconds of data Prometheus holds (the earliest point of any series to now, capped at the window). */
  dataSpanMs: number;
}

export const gpuKey = (node: string, gpu: number) => `${node}/gpu${gpu}`;

const EXPORTER_POD_PREFIX = 'nvidia-dcgm-exporter';

/** The workload holding the device, whichever way the scrape kept the exporter's labels. */
export function workloadPod(labels: Record<string, string>): DevicePod | undefined {
  if (labels.exported_pod) {
    return { name: labels.exported_pod, namespace: labels.exported_namespace ?? '' };
  }
  if (labels.pod && !labels.pod.startsWith(EXPORTER_POD_PREFIX)) {
    return { name: labels.pod, namespace: labels.namespace ?? '' };
  }
  return undefined;
}

/** Node, GPU index and instance id of a series; undefined when it names no node or GPU. */
function deviceOf(labels: Record<string, string>) {
  const node = labels.Hostname ?? labels.hostname;
  const gpu = Number(labels.gpu);
  if (!node || labels.gpu === undefined || !Number.isInteger(gpu) || gpu < 0) return undefined;
  const profile = labels.GPU_I_PROFILE || undefined;
  const instanceId = profile ? labels.GPU_I_ID : undefined;
  return { node, gpu, profile, instanceId, key: `${node}/${gpu}/${instanceId ?? ''}` };
}

const numberOf = (text: string | undefined) => {
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
};

/** Devices from the activity matrix (and instant memory vector), one per device and pod. */
export function readDevices(activity: PromSeries[], memory: PromSeries[] = []): DeviceUse[] {
  const memoryByDevice = new Map<string, number>();
  for (const series of memory) {
    const device = deviceOf(series.metric ?? {});
    const used = numberOf(series.value?.[1]);
    if (device && used !== undefined) memoryByDevice.set(device.key, used);
  }
  const devices: DeviceUse[] = [];
  for (const series of activity) {
    const device = deviceOf(series.metric ?? {});
    const points = (series.values ?? (series.value ? [series.value] : []))
      .map(([time, text]) => [Number(time), numberOf(text)] as const)
      .filter((point): point is readonly [number, number] => point[1] !== undefined);
    if (!device || points.length === 0) continue;
    const active = points.filter(([, value]) => value >= IDLE_ACTIVITY);
    const use: DeviceUse = {
      node: device.node,
      gpu: device.gpu,
      activity: points[points.length - 1][1],
      firstSeen: points[0][0],
      lastSeen: points[points.length - 1][0],
    };
    if (device.profile) use.profile = device.profile;
    if (device.instanceId !== undefined) use.instanceId = device.instanceId;
    const pod = workloadPod(series.metric);
    if (pod) use.pod = pod;
    if (active.length > 0) use.lastActive = active[active.length - 1][0];
    const memoryUsed = memoryByDevice.get(device.key);
    if (memoryUsed !== undefined) use.memoryUsedMiB = memoryUsed;
    devices.push(use);
  }
  return devices;
}

const byInstanceId = (a: DeviceUse, b: DeviceUse) =>
  (numberOf(a.instanceId) ?? 0) - (numberOf(b.instanceId) ?? 0);

/** Pairs one GPU's MIG devices with its drawn instances (see the file comment). */
function matchGpu(
  devices: DeviceUse[],
  instances: SliceInstanceView[],
  into: Map<string, DeviceUse>,
) {
  const free = new Set(instances);
  const rest: DeviceUse[] = [];
  for (const device of devices) {
    const holder = device.pod
      ? instances.find(
          (instance) =>
            free.has(instance) &&
            instance.profile === device.profile &&
            instance.podName === device.pod?.name &&
            instance.podNamespace === device.pod?.namespace,
        )
      : undefined;
    if (holder) {
      into.set(holder.id, device);
      free.delete(holder);
    } else {
      rest.push(device);
    }
  }
  for (const device of rest.sort(byInstanceId)) {
    const next = [...free]
      .filter((instance) => instance.profile === device.profile)
      .sort((a, b) => a.start - b.start)[0];
    if (!next) continue;
    into.set(next.id, device);
    free.delete(next);
  }
}

/** Lists by key, in one pass (`Map.groupBy` is newer than the console's browsers need). */
function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function profileUses(devices: DeviceUse[]): ProfileUse[] {
  const groups = groupBy(devices, (device) => device.profile ?? '');
  return [...groups]
    .map(([profile, list]) => ({
      profile,
      devices: list.length,
      allocated: list.filter((device) => device.pod).length,
      idleNow: list.filter((device) => device.pod && device.activity < IDLE_ACTIVITY).length,
      averageActivity: list.reduce((sum, device) => sum + device.activity, 0) / list.length,
    }))
    .sort((a, b) => a.profile.localeCompare(b.profile, undefined, { numeric: true }));
}

/**
 * Allocated devices with no point at or above `IDLE_ACTIVITY` whose series goes back as far as
 * the data does (a series that began later is a pod that started later: idle for less time than
 * the data holds, so not "more than an hour", and not "since metrics began" either).
 */
function idleSlices(
  devices: DeviceUse[],
  dataStart: number,
  nowSec: number,
  stepSec: number,
): IdleSlice[] {
  const spanMs = (nowSec - dataStart) * 1000;
  return devices
    .filter(
      (device) =>
        device.pod &&
        device.lastActive === undefined &&
        device.firstSeen <= dataStart + 1.5 * stepSec,
    )
    .map((device) => ({
      device,
      idleForMs: (nowSec - device.firstSeen) * 1000,
      span:
        spanMs >= IDLE_WINDOW_MS - 2 * stepSec * 1000
          ? ('hour' as const)
          : ('metrics-began' as const),
    }))
    .sort(
      (a, b) =>
        a.device.node.localeCompare(b.device.node) ||
        a.device.gpu - b.device.gpu ||
        byInstanceId(a.device, b.device),
    );
}

/**
 * The usage index for the page: devices matched to the node views' instances and GPUs. A series
 * that stopped (its pod left, the node is being reconfigured) only tells when the data began.
 */
export function indexInstanceUsage(
  series: DeviceUse[],
  nodes: readonly GpuNodeView[],
  nowSec: number,
  stepSec: number,
): InstanceUsageIndex {
  // A loop, not Math.min(...): a large cluster has more series than a call has arguments.
  let dataStart = nowSec;
  for (const device of series) dataStart = Math.min(dataStart, device.firstSeen);
  const devices = series.filter((device) => device.lastSeen >= nowSec - 2 * stepSec);
  const byNodeGpu = groupBy(devices, (device) => gpuKey(device.node, device.gpu));
  const byInstance = new Map<string, DeviceUse>();
  const byWholeGpu = new Map<string, DeviceUse>();
  for (const node of nodes) {
    for (const gpu of node.gpus) {
      const onGpu = byNodeGpu.get(gpuKey(node.name, gpu.index)) ?? [];
      const whole = onGpu.find((device) => device.profile === undefined);
      if (whole) byWholeGpu.set(gpuKey(node.name, gpu.index), whole);
      matchGpu(
        onGpu.filter((device) => device.profile !== undefined),
        gpu.instances,
        byInstance,
      );
    }
  }
  return {
    byInstance,
    byWholeGpu,
    idle: idleSlices(devices, dataStart, nowSec, stepSec),
    profiles: profileUses(devices),
    devices: devices.length,
    dataSpanMs: Math.min(IDLE_WINDOW_MS, Math.max(0, (nowSec - dataStart) * 1000)),
  };
}

/** Why slice use cannot be shown, from a failed poll: the status the console's fetch kept. */
export type UsageProblem = 'forbidden' | 'unavailable' | 'error';

export function usageProblemOf(error: unknown): UsageProblem {
  const failure = error as { code?: unknown; response?: { status?: unknown } } | null | undefined;
  const status = Number(failure?.code ?? failure?.response?.status);
  if (status === 401 || status === 403) return 'forbidden';
  // No monitoring behind the console's proxy (404), or it cannot reach it (5xx), or no answer.
  if (!Number.isFinite(status) || status === 404 || status >= 500) return 'unavailable';
  return 'error';
}

/** The series of a successful answer; undefined when the answer is not one. */
export function seriesOf(response: unknown): PromSeries[] | undefined {
  const answer = response as { status?: unknown; data?: { result?: unknown } } | null | undefined;
  if (answer?.status !== 'success' || !Array.isArray(answer.data?.result)) return undefined;
  return answer.data.result as PromSeries[];
}
