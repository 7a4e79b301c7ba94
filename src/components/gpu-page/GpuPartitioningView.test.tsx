import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fleet, summary } from './__fixtures__/gpuNodeViews';
import { renderWithRouter } from './__fixtures__/renderWithRouter';
import { GpuPartitioningView, type GpuPageData } from './GpuPartitioningView';

jest.mock('../SliceMap', () =>
  jest.requireActual('./__fixtures__/sliceMapStub').sliceMapModuleStub(),
);

const loadedData: GpuPageData = { nodes: fleet, summary, loaded: true };
const emptySummary = { ...summary, totalGpus: 0, migEnabledGpus: 0, profiles: [] };

describe('GpuPartitioningView', () => {
  it('shows a skeleton while loading', () => {
    renderWithRouter(<GpuPartitioningView data={{ ...loadedData, nodes: [], loaded: false }} />);
    expect(screen.getAllByText('Loading GPU information').length).toBeGreaterThan(0);
  });

  it('tells a user without access which ClusterRole would let them see the page', () => {
    renderWithRouter(
      <GpuPartitioningView
        data={{
          ...loadedData,
          nodes: [],
          error: { kind: 'forbidden', resource: 'nodes' },
        }}
      />,
    );
    expect(screen.getByText('You cannot see GPU slice availability')).toBeInTheDocument();
    // The chart's roles: the minimal ClusterRole, or the viewer's ClusterRole plus its Role in
    // the GPU operator's namespace (ConfigMaps are never granted cluster-wide); the user's group
    // is unknown here (the SelfSubjectReview answered nothing).
    for (const command of [
      'oc adm policy add-cluster-role-to-group gpu-partitioning-plugin-availability-reader <group>',
      'oc adm policy add-cluster-role-to-user gpu-partitioning-plugin-availability-reader <user>',
      'oc adm policy add-cluster-role-to-group gpu-partitioning-plugin-viewer <group>',
      'oc adm policy add-role-to-group gpu-partitioning-plugin-viewer <group> -n nvidia-gpu-operator --role-namespace=nvidia-gpu-operator',
    ]) {
      expect(screen.getByDisplayValue(command)).toBeInTheDocument();
    }
  });

  it('shows the read-only notice above the tabs', () => {
    renderWithRouter(
      <GpuPartitioningView data={loadedData} notice={<div>Read-only: nothing to change</div>} />,
      '/gpu-partitioning?tab=nodes',
    );
    const notice = screen.getByText('Read-only: nothing to change');
    const tabs = screen.getByRole('tab', { name: /^Overview/ });
    expect(notice.compareDocumentPosition(tabs) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says the GPU operator is missing when the ClusterPolicy kind does not exist', () => {
    renderWithRouter(
      <GpuPartitioningView
        data={{
          ...loadedData,
          nodes: [],
          operatorInstalled: false,
        }}
      />,
    );
    expect(screen.getByText('The NVIDIA GPU Operator is not installed')).toBeInTheDocument();
  });

  it('shows an error it cannot classify as it is', () => {
    renderWithRouter(
      <GpuPartitioningView
        data={{
          ...loadedData,
          nodes: [],
          error: { kind: 'other', resource: 'nodes', reason: 'boom' },
        }}
      />,
    );
    expect(screen.getByText('GPU information could not be loaded')).toBeInTheDocument();
    expect(screen.getByText('Could not read nodes: boom')).toBeInTheDocument();
  });

  it('explains an empty fleet', () => {
    renderWithRouter(
      <GpuPartitioningView data={{ ...loadedData, nodes: [], summary: emptySummary }} />,
    );
    expect(screen.getByText('No GPU nodes')).toBeInTheDocument();
  });

  it('says how to start when no GPU is in MIG mode', () => {
    renderWithRouter(
      <GpuPartitioningView data={{ ...loadedData, summary: { ...summary, migEnabledGpus: 0 } }} />,
    );
    expect(screen.getByText('MIG is not enabled on any GPU')).toBeInTheDocument();
    expect(screen.getByText(/set mig.strategy \(single or mixed\)/)).toBeInTheDocument();
  });

  it('opens on the Overview and keeps the selected tab in the URL', async () => {
    const { currentUrl } = renderWithRouter(<GpuPartitioningView data={loadedData} />);
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(screen.getByRole('tab', { name: /Nodes/ }));
    expect(currentUrl()).toContain('tab=nodes');
    expect(screen.getByRole('grid', { name: 'GPU nodes' })).toBeInTheDocument();
  });

  it('shows the profile table at once and the chart, loaded on demand, after it', async () => {
    const { container } = renderWithRouter(<GpuPartitioningView data={loadedData} />);
    expect(screen.getByRole('grid', { name: 'MIG instances per profile' })).toBeInTheDocument();
    await waitFor(() =>
      expect(container.querySelector('svg title')?.textContent).toBe(
        'MIG instances in use and free, per profile',
      ),
    );
  });

  it('links node counts by state to the filtered Nodes tab', async () => {
    const { currentUrl } = renderWithRouter(<GpuPartitioningView data={loadedData} />);
    await userEvent.click(screen.getByRole('link', { name: 'Nodes in state Failed: 1' }));
    expect(currentUrl()).toContain('health=failed');
    const table = screen.getByRole('grid', { name: 'GPU nodes' });
    expect(within(table).getByText('gpu-h100-failed')).toBeInTheDocument();
    expect(within(table).queryByText('gpu-a100-balanced')).not.toBeInTheDocument();
  });

  it('opens the Nodes tab from a shared link', () => {
    renderWithRouter(
      <GpuPartitioningView data={loadedData} />,
      '/gpu-partitioning?tab=nodes&health=drifted',
    );
    const table = screen.getByRole('grid', { name: 'GPU nodes' });
    expect(within(table).getByText('gpu-a100-drifted')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(2); // header + one node
  });

  it('tells when predictions use the built-in config copy', () => {
    renderWithRouter(
      <GpuPartitioningView
        data={{
          ...loadedData,
          configSource: {
            kind: 'built-in',
            configMapName: 'default-mig-parted-config',
            namespace: 'nvidia-gpu-operator',
            fallback: {
              kind: 'missing',
              namespace: 'nvidia-gpu-operator',
              configMap: 'default-mig-parted-config',
            },
          },
        }}
      />,
    );
    expect(
      screen.getByText("Using the plugin's built-in copy of NVIDIA's default MIG configurations"),
    ).toBeInTheDocument();
  });
});
