import { sdkMock } from './__fixtures__/sdkMock';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { a30DisabledNode, viewOf } from '../../cluster/__fixtures__/applyNodes';
import type { FollowTarget } from '../../hooks/useFollowMigChange';
import { MigChangeProgress } from './MigChangeProgress';
import { initTestI18n } from './__fixtures__/i18n';

const {
  consoleFetch,
  k8sPatch,
  resetK8sWatchFixtures,
  setAccessReviewAllowed,
  setK8sWatchFixtures,
} = sdkMock;

jest.mock('yaml', () => jest.requireActual(`${process.cwd()}/node_modules/yaml/dist/index.js`));

const patchMock = k8sPatch as unknown as jest.Mock;
const fetchMock = consoleFetch as unknown as jest.Mock;

const FAILED_LOG = [
  'time="2026-09-01T10:00:00Z" level=info msg="Updating to MIG config: all-balanced"',
  'time="2026-09-01T10:00:05Z" level=error msg="Error setting MIG mode on GPU 0: In use by another client"',
  'time="2026-09-01T10:00:05Z" level=error msg="GPU processes still running in pods: sample-project/train-1"',
  "Changing the 'nvidia.com/mig.config.state' node label to 'failed'",
].join('\n');

const migManagerPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'nvidia-mig-manager-abcde',
    namespace: 'nvidia-gpu-operator',
    labels: { app: 'nvidia-mig-manager' },
  },
  spec: { nodeName: 'worker1', containers: [{ name: 'nvidia-mig-manager' }] },
  status: { phase: 'Running' },
};

const target: FollowTarget = {
  nodeName: 'worker1',
  configName: 'all-balanced',
  startedAt: new Date(Date.now() - 65_000).toISOString(),
  initialState: 'success',
  previousConfig: 'all-disabled',
};

beforeAll(initTestI18n);
afterEach(() => {
  resetK8sWatchFixtures();
  patchMock.mockClear();
  fetchMock.mockClear();
});

const node = (state: string) =>
  viewOf(
    a30DisabledNode('worker1', {
      'nvidia.com/mig.config': 'all-balanced',
      'nvidia.com/mig.config.state': state,
    }),
    'mixed',
  );

describe('MigChangeProgress', () => {
  it('shows pending with the elapsed time', () => {
    render(
      <MigChangeProgress
        targets={[target]}
        views={[node('pending')]}
        namespace="nvidia-gpu-operator"
      />,
    );
    expect(screen.getByText('Pending')).toBeInTheDocument();
    expect(screen.getByText(/^1 min \d+ s$/)).toBeInTheDocument();
  });

  it('explains a failure from the mig-manager log and retries through another value', async () => {
    setK8sWatchFixtures({ objects: [migManagerPod] });
    fetchMock.mockResolvedValue({ text: () => Promise.resolve(FAILED_LOG) });
    render(
      <MigChangeProgress
        targets={[target]}
        views={[node('failed')]}
        namespace="nvidia-gpu-operator"
      />,
    );
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(await screen.findByText('The GPU was in use by another client')).toBeInTheDocument();
    expect(
      screen.getByText('These pods held the GPU: sample-project/train-1.'),
    ).toBeInTheDocument();
    expect(fetchMock.mock.calls[0][0]).toBe(
      '/api/kubernetes/api/v1/namespaces/nvidia-gpu-operator/pods/nvidia-mig-manager-abcde/log?tailLines=200',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry all-balanced' }));
    await waitFor(() => expect(patchMock).toHaveBeenCalledTimes(1));
    expect(patchMock.mock.calls[0][0].data.slice(0, 2)).toEqual([
      { op: 'test', path: '/metadata/labels/nvidia.com~1mig.config', value: 'all-balanced' },
      { op: 'add', path: '/metadata/labels/nvidia.com~1mig.config', value: 'all-disabled' },
    ]);
  });

  it('names likely causes when the log may not be read', async () => {
    setAccessReviewAllowed(false);
    render(
      <MigChangeProgress
        targets={[target]}
        views={[node('failed')]}
        namespace="nvidia-gpu-operator"
      />,
    );
    expect(
      await screen.findByText('The reason is in the mig-manager log, which you may not read'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry all-balanced' })).toBeDisabled();
  });
});
