import { screen, within } from '@testing-library/react';
import { balancedA100, failedH100, invalidH100, unknownModel } from '../__fixtures__/gpuNodeViews';
import { renderWithRouter } from '../__fixtures__/renderWithRouter';
import { NodeGpuDetails } from './NodeGpuDetails';

jest.mock('../../SliceMap', () =>
  jest.requireActual('../__fixtures__/sliceMapStub').sliceMapModuleStub(),
);

const history = [
  { state: 'pending' as const, migConfig: 'all-balanced', observedAt: '2026-11-25T10:00:00Z' },
  { state: 'success' as const, migConfig: 'all-balanced', observedAt: '2026-11-25T10:03:00Z' },
];

describe('NodeGpuDetails', () => {
  it('shows state, resources, slice maps with legend, pods and the observed history', () => {
    renderWithRouter(
      <NodeGpuDetails
        nodeName={balancedA100.name}
        view={{ ...balancedA100, expected: balancedA100.allocatable }}
        loaded
        strategy="mixed"
        configSource={{ kind: 'default', configMapName: 'default-mig-parted-config' }}
        history={history}
      />,
    );
    expect(screen.getByRole('heading', { name: 'MIG state' })).toBeInTheDocument();
    expect(screen.getByText('cluster: mixed, node label: mixed')).toBeInTheDocument();
    expect(screen.getByText('Default ConfigMap default-mig-parted-config')).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Slice map GPU 0' })).toBeInTheDocument();
    expect(screen.getByText('Slice map legend')).toBeInTheDocument();

    const resources = screen.getByRole('grid', {
      name: 'Advertised and expected resources of gpu-a100-balanced',
    });
    const oneG = within(resources).getByText('1g.5gb').closest('tr') as HTMLElement;
    expect(within(oneG).getAllByText('2')).toHaveLength(2); // expected, advertised
    expect(within(oneG).getByText('Yes')).toBeInTheDocument();

    const pods = screen.getByRole('grid', { name: 'Pods using GPUs on gpu-a100-balanced' });
    expect(within(pods).getByText('notebook-0')).toBeInTheDocument();
    expect(within(pods).getByText('1g.5gb ×1')).toBeInTheDocument();
    expect(within(pods).getByText('StatefulSet/notebook')).toBeInTheDocument();

    const states = screen.getByRole('grid', { name: 'MIG config state history' });
    const rows = within(states).getAllByRole('row');
    // The mig-manager's values as written (the page's own states are words like "Applied").
    expect(within(rows[1]).getByText('success')).toBeInTheDocument(); // newest first
    expect(within(rows[2]).getByText('pending')).toBeInTheDocument();
  });

  it('explains a failed node: what it means and where the reason is', () => {
    renderWithRouter(
      <NodeGpuDetails nodeName={failedH100.name} view={failedH100} loaded history={[]} />,
    );
    expect(screen.getByText('Applying MIG configuration all-1g.10gb failed')).toBeInTheDocument();
    expect(
      screen.getByText(/The reason is in the logs of the nvidia-mig-manager pod on this node/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Setting the same value again does not retry/)).toBeInTheDocument();
  });

  it('explains MIG-INVALID under the single strategy and how to fix it', () => {
    renderWithRouter(
      <NodeGpuDetails nodeName={invalidH100.name} view={invalidH100} loaded history={[]} />,
    );
    expect(
      screen.getByText('MIG-INVALID: this node advertises no GPUs at all'),
    ).toBeInTheDocument();
    expect(screen.getByText(/set mig.strategy to mixed in the ClusterPolicy/)).toBeInTheDocument();
  });

  it('says when the plugin cordoned the node for a MIG change', () => {
    const { rerender } = renderWithRouter(
      <NodeGpuDetails
        nodeName={balancedA100.name}
        view={{
          ...balancedA100,
          unschedulable: true,
          cordonedForMigChange: { since: '2026-11-25T10:00:00.000Z' },
        }}
        loaded
        history={[]}
      />,
    );
    const scheduling = () => screen.getByTestId('gpu-partitioning-node-scheduling');
    expect(scheduling()).toHaveTextContent(/^Cordoned for a MIG change \(since .*2026.*\)$/);
    rerender(
      <NodeGpuDetails
        nodeName={balancedA100.name}
        view={{ ...balancedA100, unschedulable: true }}
        loaded
        history={[]}
      />,
    );
    expect(scheduling()).toHaveTextContent(/^Cordoned$/);
    rerender(
      <NodeGpuDetails nodeName={balancedA100.name} view={balancedA100} loaded history={[]} />,
    );
    expect(scheduling()).toHaveTextContent(/^Schedulable$/);
  });

  it('shows an unknown GPU model as such', () => {
    renderWithRouter(
      <NodeGpuDetails nodeName={unknownModel.name} view={unknownModel} loaded history={[]} />,
    );
    expect(screen.getByText('unknown model')).toBeInTheDocument();
    expect(screen.getByText('1 × unknown memory')).toBeInTheDocument();
    expect(
      screen.getByText("GPU model NVIDIA-Mystery-9000 is not in the plugin's catalog"),
    ).toBeInTheDocument();
  });

  it('badges a known GPU without MIG "no MIG", never "unknown model"', () => {
    const l40s = {
      ...unknownModel,
      product: 'NVIDIA-L40S',
      migCapable: false,
      knownWithoutMig: true,
      conditions: [],
    };
    renderWithRouter(<NodeGpuDetails nodeName={l40s.name} view={l40s} loaded history={[]} />);
    expect(screen.getByText('no MIG')).toBeInTheDocument();
    expect(screen.queryByText('unknown model')).not.toBeInTheDocument();
  });

  it('covers loading, forbidden and missing operator', () => {
    const { rerender } = renderWithRouter(
      <NodeGpuDetails nodeName="n" loaded={false} history={[]} />,
    );
    expect(screen.getAllByText('Loading GPU information').length).toBeGreaterThan(0);
    rerender(
      <NodeGpuDetails
        nodeName="n"
        loaded
        history={[]}
        error={{ kind: 'forbidden', resource: 'nodes' }}
      />,
    );
    expect(screen.getByText('You cannot see GPU slice availability')).toBeInTheDocument();
    rerender(<NodeGpuDetails nodeName="n" loaded history={[]} operatorInstalled={false} />);
    expect(screen.getByText('The NVIDIA GPU Operator is not installed')).toBeInTheDocument();
  });
});
