import {
  IDLE_WINDOW_MS,
  indexInstanceUsage,
  readDevices,
  seriesOf,
  usageProblemOf,
  workloadPod,
  type PromSeries,
} from './instanceUsage';
import type { GpuNodeView, SliceInstanceView } from './types';

const NOW = 1_800_000_000;
const STEP = 30;

const instance = (
  node: string,
  profile: string,
  start: number,
  pod?: string,
): SliceInstanceView => ({
  id: `${node}/gpu0/${profile}@${start}`,
  profile,
  start,
  size: 1,
  computeSlices: 1,
  resourceName: `nvidia.com/mig-${profile}`,
  inUse: Boolean(pod),
  ...(pod ? { podName: pod, podNamespace: 'team', assignmentInferred: true } : {}),
});

const node = (name: string, instances: SliceInstanceView[], migEnabled = true): GpuNodeView =>
  ({
    name,
    gpus: [{ index: 0, migEnabled, instances, state: 'applied', notCovered: false }],
  }) as unknown as GpuNodeView;

/** A range-query series of `minutes` of points every 30 s up to NOW, valued by `value(t)`. */
const series = (
  labels: Record<string, string>,
  minutes: number,
  value: (time: number) => number,
): PromSeries => {
  const values: [number, string][] = [];
  for (let time = NOW - minutes * 60; time <= NOW; time += STEP)
    values.push([time, String(value(time))]);
  return { metric: labels, values };
};

const mig = (id: string, profile: string, extra: Record<string, string> = {}) => ({
  Hostname: 'n1',
  gpu: '0',
  GPU_I_PROFILE: profile,
  GPU_I_ID: id,
  modelName: 'NVIDIA A30',
  ...extra,
});

test('a series with a pod goes to the instance showing that pod; the rest pair in GPU_I_ID order', () => {
  const view = node('n1', [
    instance('n1', '1g.6gb', 0, 'first'),
    instance('n1', '1g.6gb', 1, 'second'),
    instance('n1', '2g.12gb', 2),
  ]);
  const devices = readDevices([
    // The exporter says `second` holds GI 3 and GI 4 is free; the page drew `second` at start 1.
    series(mig('3', '1g.6gb', { pod: 'second', namespace: 'team' }), 10, () => 0.7),
    series(mig('4', '1g.6gb'), 10, () => 0),
    series(mig('1', '2g.12gb'), 10, () => 0.2),
  ]);
  const index = indexInstanceUsage(devices, [view], NOW, STEP);
  expect(index.byInstance.get('n1/gpu0/1g.6gb@1')?.activity).toBe(0.7);
  expect(index.byInstance.get('n1/gpu0/1g.6gb@0')?.instanceId).toBe('4');
  expect(index.byInstance.get('n1/gpu0/2g.12gb@2')?.activity).toBe(0.2);
});

test('allocated slices idle over all the data are listed, honestly when there is under an hour', () => {
  const devices = readDevices([
    series(mig('1', '1g.6gb', { pod: 'idle', namespace: 'team' }), 20, () => 0),
    series(mig('2', '1g.6gb', { pod: 'busy', namespace: 'team' }), 20, () => 0.6),
    // Free slices are idle but not allocated: never listed.
    series(mig('3', '1g.6gb'), 20, () => 0),
    // Busy until 10 minutes ago: idle for 10 minutes only.
    series(mig('4', '1g.6gb', { pod: 'stopped', namespace: 'team' }), 20, (t) =>
      t < NOW - 600 ? 0.9 : 0,
    ),
  ]);
  const index = indexInstanceUsage(devices, [], NOW, STEP);
  expect(index.idle.map((slice) => slice.device.pod?.name)).toEqual(['idle']);
  expect(index.idle[0].span).toBe('metrics-began');
  expect(index.idle[0].idleForMs).toBe(20 * 60 * 1000);
  expect(index.dataSpanMs).toBe(20 * 60 * 1000);
});

test('with an hour of data, idle the whole hour is "more than an hour"; a pod that began later is not listed', () => {
  const devices = readDevices([
    series(mig('1', '1g.6gb', { pod: 'idle', namespace: 'team' }), 60, () => 0.01),
    series(mig('2', '1g.6gb', { pod: 'new', namespace: 'team' }), 15, () => 0),
  ]);
  const index = indexInstanceUsage(devices, [], NOW, STEP);
  expect(index.idle).toHaveLength(1);
  expect(index.idle[0]).toMatchObject({ span: 'hour', device: { pod: { name: 'idle' } } });
  expect(index.dataSpanMs).toBe(IDLE_WINDOW_MS);
});

test('a series that stopped (its pod left) counts for when data began, not as a device', () => {
  const ended: PromSeries = {
    metric: mig('1', '1g.6gb', { pod: 'gone', namespace: 'team' }),
    values: [
      [NOW - 1800, '0'],
      [NOW - 1770, '0'],
    ],
  };
  const devices = readDevices([ended, series(mig('1', '1g.6gb'), 10, () => 0)]);
  const index = indexInstanceUsage(devices, [], NOW, STEP);
  expect(index.devices).toBe(1);
  expect(index.idle).toEqual([]);
  expect(index.dataSpanMs).toBe(1800 * 1000);
});

test('use per profile: devices, allocated, idle now and the mean activity; whole GPUs under ""', () => {
  const devices = readDevices([
    series(mig('1', '1g.6gb', { pod: 'a', namespace: 'team' }), 5, () => 0.5),
    series(mig('2', '1g.6gb', { pod: 'b', namespace: 'team' }), 5, () => 0),
    series({ Hostname: 'n2', gpu: '0', pod: 'c', namespace: 'team' }, 5, () => 0.3),
  ]);
  const index = indexInstanceUsage(devices, [node('n2', [], false)], NOW, STEP);
  expect(index.profiles).toEqual([
    { profile: '', devices: 1, allocated: 1, idleNow: 0, averageActivity: 0.3 },
    { profile: '1g.6gb', devices: 2, allocated: 2, idleNow: 1, averageActivity: 0.25 },
  ]);
  expect(index.byWholeGpu.get('n2/gpu0')?.pod?.name).toBe('c');
});

test('memory in use joins by node, GPU and instance; the lower-case hostname label is read too', () => {
  const devices = readDevices(
    [series({ hostname: 'n1', gpu: '1', GPU_I_PROFILE: '3g.40gb', GPU_I_ID: '2' }, 5, () => 0)],
    [
      {
        metric: { hostname: 'n1', gpu: '1', GPU_I_PROFILE: '3g.40gb', GPU_I_ID: '2' },
        value: [NOW, '1234'],
      },
    ],
  );
  expect(devices).toEqual([
    expect.objectContaining({
      node: 'n1',
      gpu: 1,
      profile: '3g.40gb',
      instanceId: '2',
      memoryUsedMiB: 1234,
    }),
  ]);
});

test('series without a node or GPU, or without numbers, are left out', () => {
  expect(
    readDevices([
      series({ gpu: '0' }, 5, () => 0),
      series({ Hostname: 'n1', gpu: 'x' }, 5, () => 0),
      { metric: { Hostname: 'n1', gpu: '0' }, values: [[NOW, 'NaN-ish']] },
    ]),
  ).toEqual([]);
});

test("the workload pod: exported_* when the scrape kept the exporter's own labels", () => {
  expect(workloadPod({ pod: 'nb', namespace: 'team' })).toEqual({ name: 'nb', namespace: 'team' });
  expect(
    workloadPod({
      pod: 'nvidia-dcgm-exporter-x1',
      namespace: 'nvidia-gpu-operator',
      exported_pod: 'nb',
      exported_namespace: 'team',
    }),
  ).toEqual({ name: 'nb', namespace: 'team' });
  expect(
    workloadPod({ pod: 'nvidia-dcgm-exporter-x1', namespace: 'nvidia-gpu-operator' }),
  ).toBeUndefined();
});

test('failed polls: 403 forbidden, no Prometheus or unreachable, anything else an error', () => {
  expect(usageProblemOf({ code: 403 })).toBe('forbidden');
  expect(usageProblemOf({ response: { status: 401 } })).toBe('forbidden');
  expect(usageProblemOf({ code: 404 })).toBe('unavailable');
  expect(usageProblemOf({ code: 502 })).toBe('unavailable');
  expect(usageProblemOf(new TypeError('Failed to fetch'))).toBe('unavailable');
  expect(usageProblemOf({ code: 400 })).toBe('error');
  expect(seriesOf({ status: 'error', error: 'bad_data' })).toBeUndefined();
  expect(seriesOf({ status: 'success', data: { resultType: 'matrix', result: [] } })).toEqual([]);
});
