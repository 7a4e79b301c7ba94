import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { seedCluster } from '../apply/__fixtures__/cluster';
import { initTestI18n } from '../apply/__fixtures__/i18n';
import { sdkMock } from '../apply/__fixtures__/sdkMock';
import { StrategyModal } from './StrategyModal';

jest.mock('yaml', () => jest.requireActual(`${process.cwd()}/node_modules/yaml/dist/index.js`));

const { k8sPatch, resetK8sWatchFixtures, setK8sWatchFixtures, setAccessReviewAllowed } = sdkMock;

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
});
