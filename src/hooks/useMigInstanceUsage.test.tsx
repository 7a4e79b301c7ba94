import { render } from '@testing-library/react';
import type {
  PrometheusPollProps,
  PrometheusResponse,
} from '@openshift-console/dynamic-plugin-sdk';
import type { GpuNodeView } from '../cluster/types';
import { sdkMock } from './testing/sdkMock';
import { ACTIVITY_QUERY, MEMORY_QUERY, useMigInstanceUsage } from './useMigInstanceUsage';

const NODES = [
  {
    name: 'n1',
    gpus: [
      {
        index: 0,
        migEnabled: true,
        state: 'applied',
        notCovered: false,
        instances: [
          {
            id: 'n1/gpu0/1g.6gb@0',
            profile: '1g.6gb',
            start: 0,
            size: 1,
            computeSlices: 1,
            resourceName: 'nvidia.com/mig-1g.6gb',
            inUse: true,
            podName: 'nb',
            podNamespace: 'team',
          },
        ],
      },
    ],
  },
] as unknown as GpuNodeView[];

const calls: PrometheusPollProps[] = [];

/** The hook's latest value, rendered in a probe component (effects and their re-renders done). */
const renderHook = <T,>(useHook: () => T) => {
  const result = { current: undefined as unknown as T };
  const Probe = () => {
    result.current = useHook();
    return null;
  };
  render(<Probe />);
  return { result };
};

const answer = (result: unknown[]): PrometheusResponse =>
  ({ status: 'success', data: { resultType: 'matrix', result } }) as PrometheusResponse;

afterEach(() => {
  sdkMock.setPrometheusPollFixture(undefined);
  calls.length = 0;
});

test('asks for the last hour of engine activity and the memory in use, and matches them', () => {
  sdkMock.setPrometheusPollFixture((props) => {
    calls.push(props);
    const end = (props.endTime ?? Date.now()) / 1000;
    const labels = { Hostname: 'n1', gpu: '0', GPU_I_PROFILE: '1g.6gb', GPU_I_ID: '1' };
    if (props.query === ACTIVITY_QUERY) {
      return [
        answer([
          {
            metric: { ...labels, pod: 'nb', namespace: 'team' },
            values: [
              [end - 60, '0'],
              [end, '0'],
            ],
          },
        ]),
        true,
        undefined,
      ];
    }
    return [
      {
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: labels, value: [end, '2048'] }] },
      },
      true,
      undefined,
    ];
  });
  const { result } = renderHook(() => useMigInstanceUsage(NODES));
  expect(calls.map((call) => [call.endpoint, call.query])).toEqual([
    ['api/v1/query_range', ACTIVITY_QUERY],
    ['api/v1/query', MEMORY_QUERY],
  ]);
  expect(calls[0]).toMatchObject({ timespan: 3_600_000, samples: 120 });
  expect(ACTIVITY_QUERY).toBe('max_over_time(DCGM_FI_PROF_GR_ENGINE_ACTIVE[30s])');
  const usage = result.current;
  if (usage.status !== 'ready') throw new Error(`not ready: ${usage.status}`);
  expect(usage.index.byInstance.get('n1/gpu0/1g.6gb@0')).toMatchObject({
    activity: 0,
    memoryUsedMiB: 2048,
    pod: { name: 'nb', namespace: 'team' },
  });
  expect(usage.index.idle).toHaveLength(1);
});

test('an answer without DCGM series: no metrics', () => {
  sdkMock.setPrometheusPollFixture(() => [answer([]), true, undefined]);
  const { result } = renderHook(() => useMigInstanceUsage(NODES));
  expect(result.current).toEqual({ status: 'no-metrics' });
});

test('a 403 is forbidden and slows the poll down; no answer yet is loading', () => {
  sdkMock.setPrometheusPollFixture((props) => {
    calls.push(props);
    return [undefined, true, sdkMock.mockHttpError(403)];
  });
  const { result } = renderHook(() => useMigInstanceUsage(NODES));
  expect(result.current).toEqual({ status: 'forbidden', message: 'Forbidden' });
  // After the failure the activity poll waits 5 min and the memory poll stops.
  const last = calls.slice(-2);
  expect(last[0].delay).toBe(300_000);
  expect(last[1].query).toBe('');

  sdkMock.setPrometheusPollFixture(() => [undefined, false, undefined]);
  const loading = renderHook(() => useMigInstanceUsage(NODES));
  expect(loading.result.current).toEqual({ status: 'loading' });
});

test('no Prometheus behind the console (404) is unavailable', () => {
  sdkMock.setPrometheusPollFixture(() => [undefined, true, sdkMock.mockHttpError(404)]);
  const { result } = renderHook(() => useMigInstanceUsage(NODES));
  expect(result.current.status).toBe('unavailable');
});

test("a node's GPU tab asks for that node's series only, under either spelling of the label", () => {
  sdkMock.setPrometheusPollFixture((props) => {
    calls.push(props);
    return [answer([]), true, undefined];
  });
  renderHook(() => useMigInstanceUsage(NODES, 'gpu-node-2'));
  expect(calls.slice(0, 2).map((call) => call.query)).toEqual([
    'max_over_time(DCGM_FI_PROF_GR_ENGINE_ACTIVE{Hostname="gpu-node-2"}[30s]) or max_over_time(DCGM_FI_PROF_GR_ENGINE_ACTIVE{hostname="gpu-node-2"}[30s])',
    'DCGM_FI_DEV_FB_USED{Hostname="gpu-node-2"} or DCGM_FI_DEV_FB_USED{hostname="gpu-node-2"}',
  ]);
});
