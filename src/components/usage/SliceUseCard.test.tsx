import { render, screen, within } from '@testing-library/react';
import type { PrometheusResponse } from '@openshift-console/dynamic-plugin-sdk';
import type { GpuNodeView, SliceInstanceView } from '../../cluster/types';
import { initTestI18n } from '../../hooks/testing/i18n';
import { sdkMock } from '../../hooks/testing/sdkMock';
import { ACTIVITY_QUERY } from '../../hooks/useMigInstanceUsage';
import { SliceMap } from '../SliceMap';
import { model } from '../SliceMap/testUtils';
import { InstanceUsageProvider } from './InstanceUsageContext';
import { SliceUseCard } from './SliceUseCard';

beforeAll(initTestI18n);
afterEach(() => sdkMock.setPrometheusPollFixture(undefined));

const INSTANCES: SliceInstanceView[] = [
  {
    id: 'n1/gpu0/2g.12gb@2',
    profile: '2g.12gb',
    start: 2,
    size: 2,
    computeSlices: 2,
    resourceName: 'nvidia.com/mig-2g.12gb',
    inUse: true,
    podName: 'notebook',
    podNamespace: 'team',
  },
  {
    id: 'n1/gpu0/1g.6gb@0',
    profile: '1g.6gb',
    start: 0,
    size: 1,
    computeSlices: 1,
    resourceName: 'nvidia.com/mig-1g.6gb',
    inUse: true,
    podName: 'trainer',
    podNamespace: 'team',
  },
];
const NODES = [
  { name: 'n1', gpus: [{ index: 0, migEnabled: true, instances: INSTANCES }] },
] as unknown as GpuNodeView[];

/** Ten minutes of points every 30 s: the notebook idle, the trainer at 62 %. */
const tenMinutes = (end: number, value: number): [number, string][] =>
  Array.from({ length: 21 }, (_, index) => [end - 600 + index * 30, String(value)]);

const withPrometheus = () =>
  sdkMock.setPrometheusPollFixture((props) => {
    const end = (props.endTime ?? Date.now()) / 1000;
    const gpu = { Hostname: 'n1', gpu: '0', modelName: 'NVIDIA A30' };
    if (props.query !== ACTIVITY_QUERY) {
      return [{ status: 'success', data: { resultType: 'vector', result: [] } }, true, undefined];
    }
    const result = [
      {
        metric: {
          ...gpu,
          GPU_I_PROFILE: '2g.12gb',
          GPU_I_ID: '1',
          pod: 'notebook',
          namespace: 'team',
        },
        values: tenMinutes(end, 0),
      },
      {
        metric: {
          ...gpu,
          GPU_I_PROFILE: '1g.6gb',
          GPU_I_ID: '2',
          pod: 'trainer',
          namespace: 'team',
        },
        values: tenMinutes(end, 0.62),
      },
    ];
    return [
      { status: 'success', data: { resultType: 'matrix', result } } as PrometheusResponse,
      true,
      undefined,
    ];
  });

const page = () =>
  render(
    <InstanceUsageProvider nodes={NODES}>
      <SliceUseCard />
      <SliceMap model={model('a30-24gb')} gpuIndex={0} instances={INSTANCES} migEnabled />
    </InstanceUsageProvider>,
  );

test('the idle slice is listed honestly, use per profile is shown, and the slice map says the activity', () => {
  withPrometheus();
  page();
  const idle = screen.getByRole('grid', { name: 'Allocated but idle for more than an hour' });
  const rows = within(idle).getAllByRole('row').slice(1);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toHaveTextContent('notebook');
  expect(within(rows[0]).getByText('since metrics began (10 min)')).toBeInTheDocument();
  expect(screen.getByText(/Prometheus holds less than an hour of data/)).toBeInTheDocument();

  const perProfile = screen.getByRole('grid', { name: 'Use per profile' });
  expect(within(perProfile).getByRole('row', { name: /1g\.6gb/ })).toHaveTextContent('62%');

  // Colour is never the only signal: the words are in the block and in its description.
  expect(screen.getByText('0% active')).toBeInTheDocument();
  expect(screen.getByText('62% active')).toBeInTheDocument();
  expect(screen.getAllByText(/team\/notebook.*engine active 0%/).length).toBeGreaterThan(0);
});

test.each([
  [sdkMock.mockHttpError(403), /refused the request \(403 Forbidden\)/],
  [sdkMock.mockHttpError(404), /the console has no Prometheus to ask/],
  [new TypeError('Failed to fetch'), /the console has no Prometheus to ask/],
])('a failed poll (%s) is one line, and the slice map draws as before', (error, line) => {
  sdkMock.setPrometheusPollFixture(() => [undefined, true, error]);
  page();
  expect(screen.getByTestId('slice-use-unavailable')).toHaveTextContent(line);
  expect(screen.queryByRole('grid', { name: 'Use per profile' })).not.toBeInTheDocument();
  expect(screen.queryByText(/% active/)).not.toBeInTheDocument();
});

test('Prometheus without DCGM exporter series: one line naming the metric', () => {
  sdkMock.setPrometheusPollFixture(() => [
    { status: 'success', data: { resultType: 'matrix', result: [] } },
    true,
    undefined,
  ]);
  page();
  expect(screen.getByTestId('slice-use-unavailable')).toHaveTextContent(
    /holds no DCGM exporter metrics \(DCGM_FI_PROF_GR_ENGINE_ACTIVE\)/,
  );
});

test('outside the page (no provider) the slice map draws as before', () => {
  withPrometheus();
  render(<SliceMap model={model('a30-24gb')} gpuIndex={0} instances={INSTANCES} migEnabled />);
  expect(screen.queryByText(/% active/)).not.toBeInTheDocument();
});
