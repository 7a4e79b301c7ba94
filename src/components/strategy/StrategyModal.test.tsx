import { reAdvertisedUnderSingle } from './__fixtures__/reAdvertised';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from '@testing-library/react';
import { a30DisabledNode } from '../../cluster/__fixtures__/applyNodes';
import { a30AllBalancedNode, clusterPolicy, gpuPod } from '../../cluster/__fixtures__/nodes';
import { defaultConfigMap, seedCluster } from '../apply/__fixtures__/cluster';
import { initTestI18n } from '../../hooks/testing/i18n';
import { sdkMock } from '../../hooks/testing/sdkMock';
import { StrategyModal } from './StrategyModal';

const {
  k8sPatch,
  resetK8sWatchFixtures,
  setK8sWatchFixtures,
  setAccessReviewAllowed,
  updateK8sWatchFixtures,
} = sdkMock;

beforeAll(initTestI18n);
afterEach(() => {
  resetK8sWatchFixtures();
  k8sPatch.mockClear();
});

const balanced = { 'nvidia.com/mig.config': 'all-balanced' };

describe('StrategyModal', () => {
  it('previews what each node advertises and patches with a test of the previous value', async () => {
    setK8sWatchFixtures({ objects: seedCluster({ strategy: 'single' }) });
    render(<StrategyModal isOpen onClose={jest.fn()} />);
    await userEvent.click(await screen.findByRole('radio', { name: /^mixed/ }));
    expect(
      screen.getByRole('grid', { name: 'What each node advertises afterwards' }),
    ).toHaveTextContent('worker1');
    const confirm = screen.getByRole('button', {
      name: 'Set spec.mig.strategy=mixed on gpu-cluster-policy',
    });
    await userEvent.click(confirm);
    await waitFor(() => expect(k8sPatch).toHaveBeenCalledTimes(1));
    expect(k8sPatch.mock.calls[0][0].data).toEqual([
      { op: 'test', path: '/spec/mig/strategy', value: 'single' },
      { op: 'replace', path: '/spec/mig/strategy', value: 'mixed' },
    ]);
    expect(await screen.findByText('spec.mig.strategy set to mixed')).toBeInTheDocument();
  });

  it('names the nodes single cannot express and asks to acknowledge', async () => {
    setK8sWatchFixtures({
      objects: seedCluster({ strategy: 'mixed', labels: { worker1: balanced } }),
    });
    render(<StrategyModal isOpen onClose={jest.fn()} />);
    await userEvent.click(await screen.findByRole('radio', { name: /^single/ }));
    expect(screen.getByText('1 node cannot be expressed under single')).toBeInTheDocument();
    expect(screen.getByText('MIG-INVALID: no GPUs')).toBeInTheDocument();
    const confirm = screen.getByRole('button', { name: /Set spec.mig.strategy=single/ });
    expect(confirm).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: /I understand/ }));
    expect(confirm).toBeEnabled();
  });

  it('warns strongly about none and disables confirming without access', async () => {
    setK8sWatchFixtures({ objects: seedCluster({ strategy: 'mixed' }) });
    setAccessReviewAllowed(false);
    render(<StrategyModal isOpen onClose={jest.fn()} />);
    await userEvent.click(await screen.findByRole('radio', { name: /^none/ }));
    expect(screen.getByText('none turns off MIG advertising')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Set spec.mig.strategy=none/ })).toBeDisabled();
    expect(screen.getByText(/not allowed to patch ClusterPolicies/)).toBeInTheDocument();
  });

  it('shows a validation 422 as invalid input with the API server message, not as a conflict', async () => {
    setK8sWatchFixtures({ objects: seedCluster({ strategy: 'single' }) });
    const message =
      'ClusterPolicy.nvidia.com "gpu-cluster-policy" is invalid: spec.mig.strategy: Unsupported value: "mixed"';
    k8sPatch.mockRejectedValueOnce(
      Object.assign(sdkMock.mockHttpError(422, 'Error "Unsupported value"'), {
        json: { kind: 'Status', code: 422, reason: 'Invalid', message },
      }),
    );
    render(<StrategyModal isOpen onClose={jest.fn()} />);
    await userEvent.click(await screen.findByRole('radio', { name: /^mixed/ }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Set spec.mig.strategy=mixed on gpu-cluster-policy' }),
    );
    expect(
      await screen.findByText(/refused the strategy as invalid input \(not a conflict\)/),
    ).toBeInTheDocument();
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.queryByText(/changed since the preview/)).not.toBeInTheDocument();
  });

  it('previews the pods single strands, then reports a node advertising nothing as MIG-INVALID', async () => {
    const balanced = a30AllBalancedNode();
    const worker2 = a30DisabledNode('worker2', { 'nvidia.com/mig.strategy': 'mixed' });
    const pod = gpuPod('llm-small-0', 'worker1.redhat.com', { 'nvidia.com/mig-1g.6gb': '1' });
    const others = [clusterPolicy('mixed'), defaultConfigMap, pod];
    setK8sWatchFixtures({ objects: [balanced, worker2, ...others] });
    render(<StrategyModal isOpen onClose={jest.fn()} />);
    await userEvent.click(await screen.findByRole('radio', { name: /^single/ }));
    expect(screen.getByTestId('strategy-affected-pods')).toHaveTextContent(
      'sample-project/llm-small-0 on worker1.redhat.com: nvidia.com/mig-1g.6gb',
    );
    // (No catalogue here: plurals read as their keys.)
    expect(screen.getByTestId('strategy-preview-summary')).toHaveTextContent(
      '1 node is unchanged · 1 node advertises nothing (MIG-INVALID)',
    );
    const preview = screen.getByRole('grid', { name: 'What each node advertises afterwards' });
    expect(within(preview).getByRole('row', { name: /worker2/ })).toHaveTextContent('Unchanged');
    await userEvent.click(screen.getByRole('checkbox', { name: /I understand/ }));
    await userEvent.click(screen.getByRole('button', { name: /Set spec.mig.strategy=single/ }));
    expect(await screen.findByText('spec.mig.strategy set to single')).toBeInTheDocument();
    act(() =>
      updateK8sWatchFixtures({
        objects: [
          reAdvertisedUnderSingle(balanced, 'NVIDIA-A30-MIG-INVALID', {
            'nvidia.com/gpu': '0',
            'nvidia.com/mig-1g.6gb': '0',
            'nvidia.com/mig-2g.12gb': '0',
          }),
          reAdvertisedUnderSingle(worker2, 'NVIDIA-A30', { 'nvidia.com/gpu': '1' }),
          ...others,
        ],
      }),
    );
    const outcome = screen.getByRole('grid', { name: 'Nodes re-advertising' });
    expect(within(outcome).getByRole('row', { name: /worker1/ })).toHaveTextContent(
      'Advertises nothing: MIG-INVALID',
    );
    expect(within(outcome).getByRole('row', { name: /worker2/ })).toHaveTextContent('Unchanged');
    expect(within(outcome).queryByText(/Re-advertised/)).not.toBeInTheDocument();
  });
});
