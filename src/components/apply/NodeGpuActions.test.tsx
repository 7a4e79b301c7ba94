import { sdkMock } from '../../hooks/testing/sdkMock';
import { render, screen } from '@testing-library/react';
import { a30DisabledNode, viewOf } from '../../cluster/__fixtures__/applyNodes';
import type { NodeKind } from '../../cluster/models';
import { initTestI18n } from '../../hooks/testing/i18n';
import { NodeGpuActions } from './NodeGpuActions';

const { resetK8sWatchFixtures } = sdkMock;

// jsdom resolves `yaml` to its ESM browser build, which Jest cannot load; use the CommonJS build.

beforeAll(initTestI18n);
afterEach(() => {
  resetK8sWatchFixtures();
  jest.restoreAllMocks();
});

const withLabels = (labels: Record<string, string>, stateWrittenAt?: string): NodeKind => {
  const node = a30DisabledNode('worker1', labels);
  if (stateWrittenAt) {
    node.metadata!.managedFields = [
      {
        manager: 'nvidia-mig-manager',
        operation: 'Update',
        time: stateWrittenAt,
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:labels': { 'f:nvidia.com/mig.config.state': {} } } },
      },
    ];
  }
  return node;
};

describe('NodeGpuActions', () => {
  it('follows a pending node from the time the cluster recorded, not from this page', () => {
    // 30 minutes ago, as a reload would find it: past the mig-manager's timeouts.
    const written = new Date(Date.now() - 30 * 60_000).toISOString();
    const view = viewOf(
      withLabels(
        { 'nvidia.com/mig.config': 'all-balanced', 'nvidia.com/mig.config.state': 'pending' },
        written,
      ),
      'mixed',
    );
    render(<NodeGpuActions view={view} history={[]} namespace="nvidia-gpu-operator" />);
    expect(screen.getByTestId('mig-progress-phase')).toHaveTextContent('Stuck in pending');
    expect(screen.getByTestId('mig-progress-time')).toHaveTextContent('for 30 min');
  });

  it('offers no follow panel and no retry for a config name the source lacks', () => {
    const view = viewOf(
      withLabels({
        'nvidia.com/mig.config': 'all-balancd',
        'nvidia.com/mig.config.state': 'failed',
      }),
      'mixed',
    );
    render(<NodeGpuActions view={view} history={[]} namespace="nvidia-gpu-operator" />);
    expect(screen.queryByTestId('mig-progress-worker1')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Retry/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply MIG config…' })).toBeInTheDocument();
  });
});
