/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// The page for a user who reads nodes but only their own pods, and for one who reads nothing.
import { screen, waitFor, within } from '@testing-library/react';
import { sdkMock } from '../../hooks/testing/sdkMock';
import { balancedA100, summary } from './__fixtures__/gpuNodeViews';
import { renderWithRouter } from './__fixtures__/renderWithRouter';
import { GpuPartitioningView, type GpuPageData } from './GpuPartitioningView';

const ownUsage: GpuPageData = {
  nodes: [balancedA100],
  summary,
  loaded: true,
  podVisibility: { scope: 'namespaces', namespaces: ['team-a'] },
};

afterEach(() => sdkMock.resetK8sWatchFixtures());

describe('pods of other projects not readable', () => {
  it('says so in one line and shows allocatable and the own pods, never a free count', () => {
    renderWithRouter(<GpuPartitioningView data={ownUsage} />);
    expect(
      screen.getByText(
        'Pods of other projects are not visible to you: the numbers below are what nodes offer (allocatable), not what is free.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Used by your pods counts the pods in team-a.')).toBeInTheDocument();
    const table = screen.getByRole('grid', { name: 'Allocatable GPU resources' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Profile', 'Allocatable', 'Used by your pods', 'Offered by']);
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
    expect(screen.queryByText(/free now/)).not.toBeInTheDocument();
  });

  it('draws the own pod in use and every other slice as "In use or free"', () => {
    renderWithRouter(<GpuPartitioningView data={ownUsage} />);
    const map = screen.getByRole('figure', { name: /GPU 0/ });
    expect(within(map).getByText('In use')).toBeInTheDocument();
    expect(within(map).getAllByText('In use or free')).toHaveLength(3);
    expect(within(map).queryByText('Free')).not.toBeInTheDocument();
  });

  it('answers "Can I get N × profile?" from allocatable, and says so', async () => {
    renderWithRouter(<GpuPartitioningView data={ownUsage} />);
    expect(
      await screen.findByText('Possibly: up to 1 × 1g.5gb, if other projects leave them free'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Counted from allocatable: nodes offer 2 × 1g.5gb, your pods use 1. Pods of other projects are not visible to you and may hold the rest.',
      ),
    ).toBeInTheDocument();
  });
});

describe('nothing readable', () => {
  it("names the missing permission and the exact binding for the user's group", async () => {
    (sdkMock.k8sCreate as jest.Mock).mockResolvedValueOnce({
      status: {
        userInfo: {
          username: 'sandbox-data-scientist',
          groups: ['data-scientists', 'system:authenticated'],
        },
      },
    });
    renderWithRouter(
      <GpuPartitioningView
        data={{
          ...ownUsage,
          nodes: [],
          error: {
            kind: 'forbidden',
            resource: 'nodes',
          },
        }}
      />,
    );
    expect(screen.getByText('You cannot see GPU slice availability')).toBeInTheDocument();
    expect(
      screen.getByText('Missing permission: get, list and watch nodes at the cluster scope.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.getByDisplayValue(
          'oc adm policy add-cluster-role-to-group gpu-partitioning-plugin-availability-reader data-scientists',
        ),
      ).toBeInTheDocument(),
    );
    expect(
      screen.getByDisplayValue(
        'oc adm policy add-cluster-role-to-user gpu-partitioning-plugin-availability-reader sandbox-data-scientist',
      ),
    ).toBeInTheDocument();
  });
});
