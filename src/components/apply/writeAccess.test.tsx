import { sdkMock } from '../../hooks/testing/sdkMock';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ActionsColumn } from '@patternfly/react-table';
import { a30DisabledNode, viewOf } from '../../cluster/__fixtures__/applyNodes';
import { seedCluster } from './__fixtures__/cluster';
import { initTestI18n } from '../../hooks/testing/i18n';
import { NodeGpuActions } from './NodeGpuActions';
import { useGpuWriteActions, type GpuWriteActions } from './useGpuWriteActions';
import { ReadOnlyNotice } from './writeAccess';

const { resetK8sWatchFixtures, setAccessReviewAllowed, setK8sWatchFixtures } = sdkMock;

// jsdom resolves `yaml` to its ESM browser build, which Jest cannot load; use the CommonJS build.
jest.mock('../SliceMap', () =>
  jest.requireActual('../gpu-page/__fixtures__/sliceMapStub').sliceMapModuleStub(),
);

const NODE_DENIED = 'You cannot patch nodes (verb patch on nodes). Ask a cluster administrator.';
const POLICY_DENIED =
  'You cannot patch ClusterPolicies (verb patch on clusterpolicies.nvidia.com). Ask a cluster administrator.';

beforeAll(initTestI18n);
afterEach(() => {
  setAccessReviewAllowed(true);
  resetK8sWatchFixtures();
});

const worker = viewOf(a30DisabledNode('worker1'), 'mixed');

/** The Nodes tab's write slots and the page's modals, as the page renders them. */
const WriteSlots = ({ expose }: { expose?: (actions: GpuWriteActions) => void }) => {
  const actions = useGpuWriteActions();
  expose?.(actions);
  return (
    <>
      {actions.readOnlyNotice}
      {actions.nodes.toolbarActions([worker])}
      <ActionsColumn items={actions.nodes.rowActions(worker)} />
      {actions.modals}
    </>
  );
};

describe('ReadOnlyNotice', () => {
  it('names each missing permission and what it would allow', () => {
    render(<ReadOnlyNotice nodesDenied policiesDenied />);
    expect(
      screen.getByText('Read-only: you cannot patch nodes or ClusterPolicies'),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Missing: verb patch on nodes\./)).toBeInTheDocument();
    expect(
      screen.getByText(/^Missing: verb patch on clusterpolicies\.nvidia\.com\./),
    ).toBeInTheDocument();
  });

  it('says only what is missing, and nothing when all is allowed', () => {
    const { rerender, container } = render(<ReadOnlyNotice nodesDenied={false} policiesDenied />);
    expect(screen.getByText('You cannot patch ClusterPolicies')).toBeInTheDocument();
    expect(screen.queryByText(/verb patch on nodes/)).not.toBeInTheDocument();
    rerender(<ReadOnlyNotice nodesDenied={false} policiesDenied={false} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('useGpuWriteActions', () => {
  it('disables the toolbar and row actions for a user who may not patch, saying why', async () => {
    setAccessReviewAllowed(false);
    render(<WriteSlots />);
    expect(
      screen.getByText('Read-only: you cannot patch nodes or ClusterPolicies'),
    ).toBeInTheDocument();
    for (const [name, reason] of [
      ['Change strategy', POLICY_DENIED],
      ['Apply MIG config to 1 node…', NODE_DENIED],
      ['Disable MIG on 1 node…', NODE_DENIED],
    ]) {
      const button = screen.getByRole('button', { name });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      await userEvent.click(button);
      // Its tooltip says why.
      expect((await screen.findAllByText(reason)).length).toBeGreaterThan(0);
    }
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Kebab toggle' }));
    const menu = screen.getByRole('menu');
    for (const name of [/^Apply MIG config…/, /^Disable MIG/]) {
      const item = within(menu).getByRole('menuitem', { name });
      expect(item).toHaveAttribute('aria-disabled', 'true');
      expect(item).toHaveTextContent(NODE_DENIED);
    }
  });

  it('leaves the actions enabled and shows no notice for a user who may patch', () => {
    render(<WriteSlots />);
    expect(screen.queryByText(/^Read-only/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply MIG config to 1 node…' })).not.toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('opens the apply dialog with a suggested change selected', async () => {
    setK8sWatchFixtures({ objects: seedCluster() });
    let actions: GpuWriteActions | undefined;
    render(<WriteSlots expose={(value) => (actions = value)} />);
    act(() => actions?.openApply(['worker1', 'worker2'], 'all-balanced'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'MIG config' })).toHaveTextContent(
      'all-balanced',
    );
    expect(
      await within(dialog).findByRole('grid', { name: 'Resources of worker2 before and after' }),
    ).toBeInTheDocument();
  });
});

describe('useGpuWriteActions().openPlan', () => {
  const open = async (steps: Array<{ toConfig: string; nodes: string[] }>) => {
    setK8sWatchFixtures({ objects: seedCluster() });
    let actions: GpuWriteActions | undefined;
    render(<WriteSlots expose={(value) => (actions = value)} />);
    act(() => actions?.openPlan({ steps, purpose: 'make-room' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('grid', { name: 'Resources of worker1 before and after' });
    return dialog;
  };

  it('opens one step as the usual dialog, its config chosen', async () => {
    const dialog = await open([{ toConfig: 'all-balanced', nodes: ['worker1'] }]);
    expect(within(dialog).getByRole('heading', { name: 'Apply MIG config' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'MIG config' })).toHaveTextContent(
      'all-balanced',
    );
  });

  it('opens several steps as one plan, each node with its config and no config to choose', async () => {
    const dialog = await open([
      { toConfig: 'all-balanced', nodes: ['worker1'] },
      { toConfig: 'all-1g.6gb', nodes: ['worker2'] },
    ]);
    expect(
      within(dialog).getByRole('heading', { name: 'Make room: apply the plan' }),
    ).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'MIG config' })).not.toBeInTheDocument();
    expect(within(dialog).getByText('all-disabled → all-1g.6gb')).toBeInTheDocument();
  });
});

describe('NodeGpuActions', () => {
  it('disables Apply and Disable MIG on the GPU tab when the user may not patch nodes', async () => {
    setAccessReviewAllowed(false);
    render(<NodeGpuActions view={worker} history={[]} namespace="nvidia-gpu-operator" />);
    expect(screen.getByText('Read-only: you cannot patch nodes')).toBeInTheDocument();
    for (const name of ['Apply MIG config…', 'Disable MIG']) {
      const button = screen.getByRole('button', { name });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      await userEvent.click(button);
    }
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect((await screen.findAllByText(NODE_DENIED)).length).toBeGreaterThan(0);
  });

  it('keeps them enabled for a user who may patch nodes', () => {
    render(<NodeGpuActions view={worker} history={[]} namespace="nvidia-gpu-operator" />);
    expect(screen.queryByText(/^Read-only/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Disable MIG' })).not.toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });
});
