import { sdkMock } from '../../hooks/testing/sdkMock';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { a30DisabledNode, viewOf } from '../../cluster/__fixtures__/applyNodes';
import type { FollowTarget } from '../../hooks/useFollowMigChange';
import { MigChangeProgress } from './MigChangeProgress';
import { initTestI18n } from '../../hooks/testing/i18n';

const {
  consoleFetch,
  k8sGet,
  k8sPatch,
  mockHttpError,
  resetK8sWatchFixtures,
  setAccessReviewAllowed,
  setK8sWatchFixtures,
} = sdkMock;

const patchMock = k8sPatch as unknown as jest.Mock;
const fetchMock = consoleFetch as unknown as jest.Mock;
const getMock = k8sGet as unknown as jest.Mock;

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
  patchMock.mockReset();
  patchMock.mockImplementation(({ resource }: { resource: unknown }) => Promise.resolve(resource));
  fetchMock.mockClear();
  getMock.mockReset();
  jest.useRealTimers();
});

const node = (state: string, config = 'all-balanced') =>
  viewOf(
    a30DisabledNode('worker1', {
      'nvidia.com/mig.config': config,
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
    expect(screen.getByTestId('mig-progress-time')).toHaveTextContent(/^for 1 min$/);
  });

  it('stops the clock when the change settles, and says when it did', () => {
    jest.useFakeTimers();
    const progress = (view: ReturnType<typeof node>) => (
      <MigChangeProgress targets={[target]} views={[view]} namespace="nvidia-gpu-operator" />
    );
    const { rerender } = render(progress(node('pending')));
    rerender(progress(node('success')));
    expect(screen.getByTestId('mig-progress-phase')).toHaveTextContent('Applied');
    const settled = screen.getByTestId('mig-progress-time').textContent;
    expect(settled).toMatch(/^at /);
    act(() => {
      jest.advanceTimersByTime(5 * 60_000);
    });
    expect(screen.getByTestId('mig-progress-time')).toHaveTextContent(settled ?? '');
  });

  it('offers no retry for a config name the config source lacks: it can only fail again', () => {
    render(
      <MigChangeProgress
        targets={[{ ...target, configName: 'all-balancd' }]}
        views={[node('failed', 'all-balancd')]}
        namespace="nvidia-gpu-operator"
      />,
    );
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Retry/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to all-disabled' })).toBeInTheDocument();
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

  it("never calls an object older than its own write someone else's change", () => {
    const justWritten: FollowTarget = { ...target, startedAt: new Date().toISOString() };
    const progress = (view: ReturnType<typeof node>) => (
      <MigChangeProgress targets={[justWritten]} views={[view]} namespace="nvidia-gpu-operator" />
    );
    // The PATCH answered; the console's view still delivers the node from before it.
    const { rerender } = render(progress(node('success', 'all-disabled')));
    expect(screen.queryByText('Label changed by someone else')).not.toBeInTheDocument();
    expect(screen.getByText('Waiting for the mig-manager')).toBeInTheDocument();
    expect(
      screen.getByText(/has not received the changed node yet \(it still shows all-disabled/),
    ).toBeInTheDocument();
    rerender(progress(node('pending')));
    expect(screen.getByText('Pending')).toBeInTheDocument();
    // After the view showed the write, another value is someone else's.
    rerender(progress(node('pending', 'all-1g.6gb')));
    expect(screen.getByText('Label changed by someone else')).toBeInTheDocument();
    expect(screen.getByText(/now reads all-1g.6gb/)).toBeInTheDocument();
    expect(getMock).not.toHaveBeenCalled();
  });

  it('asks the API server when the view never shows the write', async () => {
    getMock.mockResolvedValue(
      a30DisabledNode('worker1', { 'nvidia.com/mig.config': 'all-1g.6gb' }),
    );
    render(
      <MigChangeProgress
        targets={[target]}
        views={[node('success', 'all-disabled')]}
        namespace="nvidia-gpu-operator"
      />,
    );
    expect(await screen.findByText(/now reads all-1g.6gb/)).toBeInTheDocument();
    expect(getMock).toHaveBeenCalledTimes(1);
  });

  it('sends step 2 of a retry once, shows its refusal and the interim value, and retries on a click', async () => {
    jest.useFakeTimers();
    patchMock.mockRejectedValue(mockHttpError(500, 'etcdserver: request timed out'));
    const stepOne: FollowTarget = {
      nodeName: 'worker1',
      configName: 'all-disabled',
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      initialState: 'failed',
      thenApply: 'all-balanced',
    };
    render(
      <MigChangeProgress
        targets={[stepOne]}
        views={[node('success', 'all-disabled')]}
        namespace="nvidia-gpu-operator"
      />,
    );
    await act(async () => {
      jest.advanceTimersByTime(5_000);
      await Promise.resolve();
    });
    expect(patchMock).toHaveBeenCalledTimes(1);
    expect(patchMock.mock.calls[0][0].data[1]).toEqual({
      op: 'add',
      path: '/metadata/labels/nvidia.com~1mig.config',
      value: 'all-balanced',
    });
    expect(
      screen.getByText('The retry stopped at step 2: all-balanced was not set again'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'worker1 is now labelled all-disabled, the interim value of the retry: MIG is disabled on its GPUs.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('etcdserver: request timed out')).toBeInTheDocument();
    expect(screen.queryByText(/Retry, step 1 of 2/)).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Set all-balanced again' }));
    await act(async () => {
      jest.advanceTimersByTime(3_000);
      await Promise.resolve();
    });
    expect(patchMock).toHaveBeenCalledTimes(2);
  });

  it('keeps a retry under way when the owner re-targets the node at the interim value', async () => {
    setK8sWatchFixtures({ objects: [migManagerPod] });
    fetchMock.mockResolvedValue({ text: () => Promise.resolve(FAILED_LOG) });
    const { rerender } = render(
      <MigChangeProgress
        targets={[target]}
        views={[node('failed')]}
        namespace="nvidia-gpu-operator"
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry all-balanced' }));
    expect(await screen.findByText(/Retry, step 1 of 2/)).toBeInTheDocument();
    // The GPU tab follows the node's current value: it now offers the interim value as a target.
    const interim: FollowTarget = {
      nodeName: 'worker1',
      configName: 'all-disabled',
      startedAt: new Date().toISOString(),
      initialState: 'unknown',
    };
    rerender(
      <MigChangeProgress
        targets={[interim]}
        views={[node('pending', 'all-disabled')]}
        namespace="nvidia-gpu-operator"
      />,
    );
    expect(screen.getByText(/Retry, step 1 of 2/)).toBeInTheDocument();
  });
});
