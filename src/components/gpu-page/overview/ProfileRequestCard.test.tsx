/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// The geometry engine's YAML parser ships an ESM-only browser build; load its CommonJS build.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_MIG_PARTED_CONFIG_YAML } from '../../../geometry/defaultMigPartedConfig';
import { parseMigPartedConfig } from '../../../geometry/migParted';
import { balancedA100, fleet, makeNode, summary } from '../__fixtures__/gpuNodeViews';
import { renderWithRouter } from '../__fixtures__/renderWithRouter';
import { ProfileRequestCard } from './ProfileRequestCard';

const builtIn = parseMigPartedConfig(DEFAULT_MIG_PARTED_CONFIG_YAML).config;
const configSources = { forNode: () => ({ config: builtIn }) };

const ask = async (count: number, profile: string) => {
  const input = screen.getByRole('spinbutton', { name: 'Number of instances' });
  await userEvent.clear(input);
  await userEvent.type(input, String(count));
  await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Profile' }), profile);
};

const renderMixedFleetCard = (
  extra: Partial<React.ComponentProps<typeof ProfileRequestCard>> = {},
) =>
  renderWithRouter(
    <ProfileRequestCard
      nodes={fleet}
      summary={summary}
      strategy="mixed"
      configSources={configSources}
      {...extra}
    />,
  );

describe('ProfileRequestCard', () => {
  it('answers yes with the nodes that have the free instances', async () => {
    renderMixedFleetCard();
    await ask(2, '1g.5gb');
    expect(screen.getByText('Yes: 4 × 1g.5gb free now')).toBeInTheDocument();
    expect(screen.getByText('gpu-a100-drifted: 3 free')).toBeInTheDocument();
    expect(
      screen.getByText('Request it in the pod as nvidia.com/mig-1g.5gb: 2.'),
    ).toBeInTheDocument();
  });

  it('answers no and names the smallest config change that would make it yes', async () => {
    renderMixedFleetCard();
    await ask(3, '3g.20gb');
    expect(screen.getByText('No: 1 × 3g.20gb free now, 3 wanted')).toBeInTheDocument();
    expect(screen.getByText('An administrator could make it yes:')).toBeInTheDocument();
    expect(
      screen.getAllByText(/^Label gpu-a100-.* with nvidia.com\/mig.config=/).length,
    ).toBeGreaterThan(0);
  });

  it('explains that strategy none advertises no MIG instances', async () => {
    renderWithRouter(
      <ProfileRequestCard nodes={[balancedA100]} summary={summary} strategy="none" />,
    );
    await ask(1, '1g.5gb');
    expect(screen.getByText('This request cannot be answered')).toBeInTheDocument();
    expect(screen.getByText(/The cluster MIG strategy is none/)).toBeInTheDocument();
  });

  it('offers each suggested change as a preview in the apply dialog', async () => {
    const onPreviewChange = jest.fn();
    renderMixedFleetCard({ onPreviewChange });
    await ask(3, '3g.20gb');
    expect(
      screen.getByText(
        'Label gpu-a100-drifted with nvidia.com/mig.config=all-3g.20gb (now all-1g.5gb): 2 more 3g.20gb, 2 in all',
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Preview this change' }));
    expect(onPreviewChange).toHaveBeenCalledWith({
      toConfig: 'all-3g.20gb',
      nodes: ['gpu-a100-drifted'],
    });
    // The busy node and the node mid-change are left alone, and the card says why.
    expect(
      screen.getByText('gpu-a100-balanced: a change would reconfigure GPUs that pods may be using'),
    ).toBeInTheDocument();
    expect(screen.getByText('gpu-a100-pending: a MIG change is under way')).toBeInTheDocument();
  });

  it('does not tell one pod to ask for more than any node has free', async () => {
    renderMixedFleetCard();
    await ask(4, '1g.5gb');
    expect(screen.getByText('Yes: 4 × 1g.5gb free now')).toBeInTheDocument();
    expect(
      screen.getByText(
        'No single node has 4 free, so one pod cannot get them all: run separate pods, each requesting at most 3 as nvidia.com/mig-1g.5gb.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Request it in the pod as/)).not.toBeInTheDocument();
  });

  it('does not count whole GPUs of failed or cordoned nodes, and shows pods waiting', async () => {
    const wholeGpus = { 'nvidia.com/gpu': 4 };
    const nodes = [
      makeNode({
        name: 'whole-ok',
        allocatable: { 'nvidia.com/gpu': 2 },
        migConfig: 'all-disabled',
      }),
      makeNode({
        name: 'whole-failed',
        allocatable: wholeGpus,
        migConfig: 'all-balanced',
        migConfigState: 'failed',
        primaryState: 'failed',
      }),
      makeNode({ name: 'whole-cordoned', allocatable: wholeGpus, unschedulable: true }),
    ];
    const gpuRow = {
      resourceName: 'nvidia.com/gpu',
      profile: 'gpu',
      allocatable: 10,
      inUse: 0,
      free: 10,
      nodes: [],
    };
    renderWithRouter(
      <ProfileRequestCard
        nodes={nodes}
        summary={{ ...summary, profiles: [gpuRow] }}
        strategy="mixed"
        configSources={configSources}
        waitingPods={[
          { name: 'trainer', namespace: 'research', resources: { 'nvidia.com/gpu': 2 } },
          { name: 'other', namespace: 'research', resources: { 'nvidia.com/mig-7g.80gb': 1 } },
        ]}
      />,
    );
    await ask(3, 'Whole GPU');
    expect(screen.getByText('No: 2 × Whole GPU free now, 3 wanted')).toBeInTheDocument();
    expect(screen.getByText('whole-failed: its last MIG change failed')).toBeInTheDocument();
    expect(screen.getByText('whole-cordoned: cordoned')).toBeInTheDocument();
    expect(screen.getByText('1 pod is already waiting for Whole GPU:')).toBeInTheDocument();
    expect(screen.getByText('research/trainer asks for 2')).toBeInTheDocument();
    expect(screen.queryByText(/research\/other/)).not.toBeInTheDocument();
  });
});
