import { sdkMock } from '../../hooks/testing/sdkMock';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ConfigChangeStep } from '../../cluster/availability';
import { ApplyMigConfigModal, type ApplyStepsPlan } from './ApplyMigConfigModal';
import { a30AllBalancedNode, clusterPolicy } from '../../cluster/__fixtures__/nodes';
import { a30DisabledNode } from '../../cluster/__fixtures__/applyNodes';
import { defaultConfigMap, seedCluster } from './__fixtures__/cluster';
import { initTestI18n } from '../../hooks/testing/i18n';

const {
  k8sPatch,
  mockHttpError,
  resetK8sWatchFixtures,
  setAccessReviewAllowed,
  setK8sWatchFixtures,
} = sdkMock;

jest.mock('../SliceMap', () =>
  jest.requireActual('../gpu-page/__fixtures__/sliceMapStub').sliceMapModuleStub(),
);

const patchMock = k8sPatch as unknown as jest.Mock;

beforeAll(initTestI18n);
afterEach(() => {
  resetK8sWatchFixtures();
  patchMock.mockClear();
});

const renderModal = (props: { nodeNames?: string[]; initialConfig?: string } = {}) =>
  render(
    <ApplyMigConfigModal
      isOpen
      onClose={jest.fn()}
      nodeNames={props.nodeNames ?? ['worker1', 'worker2']}
      {...(props.initialConfig ? { initialConfig: props.initialConfig } : {})}
    />,
  );

const applyButton = () => screen.getByRole('button', { name: /^Apply/ });

/** Keeps the next patch under way until the returned function is called. */
const holdNextWrite = () => {
  let finish: () => void = () => undefined;
  patchMock.mockImplementationOnce(
    (options: { resource: unknown }) =>
      new Promise((resolve) => {
        finish = () => resolve(options.resource);
      }),
  );
  return () => finish();
};

describe('ApplyMigConfigModal', () => {
  it('offers valid configs and lists the others disabled with the reason', async () => {
    setK8sWatchFixtures({ objects: seedCluster() });
    renderModal();
    await userEvent.click(screen.getByRole('button', { name: 'MIG config' }));
    expect(screen.getByRole('option', { name: /^all-balanced/ })).toBeEnabled();
    // The configs made for other GPUs are folded away, then listed with one short reason each.
    expect(screen.queryByRole('option', { name: /^all-1g\.10gb\s/ })).toBeNull();
    await userEvent.click(
      screen.getByRole('option', { name: /^Show: Made for other GPU models \(\d+\)/ }),
    );
    const h100 = screen.getByRole('option', { name: /^all-1g\.10gb\s/ });
    expect(h100).toBeDisabled();
    // Both selected nodes say the same, so neither is named.
    expect(h100).toHaveTextContent(/^all-1g\.10gbno entry for this GPU model$/);
    expect(screen.getByRole('option', { name: /^all-7g\.80gb\s/ })).toHaveTextContent(
      'no 7g.80gb on this GPU model',
    );
  });

  it('previews every node and states exactly what Apply writes', async () => {
    setK8sWatchFixtures({ objects: seedCluster() });
    renderModal({ initialConfig: 'all-balanced' });
    expect(
      await screen.findByRole('grid', { name: 'Resources of worker1 before and after' }),
    ).toHaveTextContent(/nvidia\.com\/gpu\s*10-1/);
    expect(
      screen.getByRole('grid', { name: 'Resources of worker2 before and after' }),
    ).toHaveTextContent(/nvidia\.com\/mig-1g\.6gb\s*02\+2/);
    expect(screen.getAllByLabelText('Slice map GPU 0')).toHaveLength(4);
    expect(applyButton()).toHaveTextContent('Apply nvidia.com/mig.config=all-balanced on 2 node');
    expect(applyButton()).toBeEnabled();
    await userEvent.click(applyButton());
    await waitFor(() => expect(patchMock).toHaveBeenCalledTimes(2));
    expect(patchMock.mock.calls[0][0].data).toEqual([
      { op: 'test', path: '/metadata/labels/nvidia.com~1mig.config', value: 'all-disabled' },
      { op: 'add', path: '/metadata/labels/nvidia.com~1mig.config', value: 'all-balanced' },
      expect.objectContaining({ op: 'add' }),
    ]);
    expect(await screen.findByText('The label was written on 2 node')).toBeInTheDocument();
    expect(screen.getAllByText('nvidia.com/mig.config=all-balanced')).toHaveLength(2);
  });

  it('blocks Apply on errors and says why', async () => {
    setK8sWatchFixtures({ objects: seedCluster() });
    renderModal({ nodeNames: ['worker1'], initialConfig: 'all-9g.99gb' });
    expect(
      await screen.findByText("'all-9g.99gb' is not in the mig-parted config this node uses"),
    ).toBeInTheDocument();
    expect(applyButton()).toBeDisabled();
    expect(screen.getByText('Resolve the errors shown in the preview first.')).toBeInTheDocument();
  });

  it('needs warnings acknowledged: single strategy with a mixed layout', async () => {
    setK8sWatchFixtures({ objects: seedCluster({ strategy: 'single' }) });
    renderModal({ nodeNames: ['worker1'], initialConfig: 'all-balanced' });
    expect(
      await screen.findByText('The single strategy cannot advertise this layout'),
    ).toBeInTheDocument();
    expect(applyButton()).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: /I have read the warnings above/ }));
    expect(applyButton()).toBeEnabled();
  });

  it('lists GPU pods, warns, and cordons first when asked', async () => {
    setK8sWatchFixtures({ objects: seedCluster({ podOn: 'worker1' }) });
    renderModal({ nodeNames: ['worker1'], initialConfig: 'all-balanced' });
    expect(await screen.findByText('GPU pods are running on this node')).toBeInTheDocument();
    const pods = screen.getByRole('grid', { name: 'GPU pods on worker1' });
    expect(within(pods).getByText('train-1')).toBeInTheDocument();
    expect(within(pods).getByText('ReplicaSet/train-1-rs')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Cordon worker1 first' }));
    await userEvent.click(screen.getByRole('checkbox', { name: /I have read the warnings/ }));
    await userEvent.click(applyButton());
    await waitFor(() => expect(patchMock).toHaveBeenCalledTimes(2));
    expect(patchMock.mock.calls[0][0].data).toContainEqual({
      op: 'add',
      path: '/spec/unschedulable',
      value: true,
    });
    expect(await screen.findByText(/\(cordoned first\)/)).toBeInTheDocument();
  });

  it('reports a conflict, overwrites nothing and keeps the preview', async () => {
    setK8sWatchFixtures({ objects: seedCluster() });
    patchMock.mockRejectedValueOnce(mockHttpError(422, 'the server rejected our request'));
    renderModal({ initialConfig: 'all-balanced' });
    await screen.findByRole('grid', { name: 'Resources of worker1 before and after' });
    await userEvent.click(applyButton());
    expect(
      await screen.findByText('Changed by someone else since the preview: nothing was overwritten'),
    ).toBeInTheDocument();
    expect(screen.getByText(/worker2: not attempted/)).toBeInTheDocument();
    expect(patchMock).toHaveBeenCalledTimes(1);
    expect(applyButton()).toBeInTheDocument();
  });

  it('says exactly which nodes changed when a later write is forbidden', async () => {
    setK8sWatchFixtures({ objects: seedCluster() });
    patchMock
      .mockImplementationOnce((options: { resource: unknown }) => Promise.resolve(options.resource))
      .mockRejectedValueOnce(mockHttpError(403, 'nodes "worker2" is forbidden'));
    renderModal({ initialConfig: 'all-balanced' });
    await screen.findByRole('grid', { name: 'Resources of worker1 before and after' });
    await userEvent.click(applyButton());
    expect(await screen.findByText('1 of 2 nodes changed')).toBeInTheDocument();
    expect(
      screen.getByText(/worker1: nvidia.com\/mig.config set to all-balanced/),
    ).toBeInTheDocument();
    expect(screen.getByText(/worker2: not changed. You are not allowed/)).toBeInTheDocument();
  });

  it('stays open while writing: closing stops after the node being written and reports each node', async () => {
    setK8sWatchFixtures({ objects: seedCluster() });
    const finishFirstWrite = holdNextWrite();
    const onClose = jest.fn();
    render(
      <ApplyMigConfigModal
        isOpen
        onClose={onClose}
        nodeNames={['worker1', 'worker2']}
        initialConfig="all-balanced"
      />,
    );
    await screen.findByRole('grid', { name: 'Resources of worker1 before and after' });
    await userEvent.click(applyButton());
    await waitFor(() => expect(patchMock).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('button', { name: /Writing worker1 \(1 of 2\)…/ })).toBeDisabled();
    await userEvent.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Stopping after the node being written…' }),
    ).toBeDisabled();
    finishFirstWrite();
    expect(await screen.findByText('Stopped: 1 of 2 nodes changed')).toBeInTheDocument();
    expect(
      screen.getByText(/worker1: nvidia.com\/mig.config set to all-balanced/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('worker2: not attempted, because you stopped the apply.'),
    ).toBeInTheDocument();
    expect(patchMock).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('offers "Stop after this node" instead of Cancel while writing', async () => {
    setK8sWatchFixtures({ objects: seedCluster() });
    const finishFirstWrite = holdNextWrite();
    renderModal({ initialConfig: 'all-balanced' });
    await screen.findByRole('grid', { name: 'Resources of worker1 before and after' });
    await userEvent.click(applyButton());
    await userEvent.click(screen.getByRole('button', { name: 'Stop after this node' }));
    finishFirstWrite();
    expect(await screen.findByText('Stopped: 1 of 2 nodes changed')).toBeInTheDocument();
    expect(patchMock).toHaveBeenCalledTimes(1);
  });

  it('shows a 422 that is not a failed test as invalid input, with the API server message', async () => {
    setK8sWatchFixtures({ objects: seedCluster() });
    const apiMessage =
      'Node "worker1" is invalid: metadata.labels: Invalid value: "My A30 config": a valid label must be an empty string or consist of alphanumeric characters';
    patchMock.mockRejectedValueOnce(
      Object.assign(mockHttpError(422, 'Error "Invalid value" for field "metadata.labels".'), {
        json: { kind: 'Status', code: 422, reason: 'Invalid', message: apiMessage },
      }),
    );
    renderModal({ initialConfig: 'all-balanced' });
    await screen.findByRole('grid', { name: 'Resources of worker1 before and after' });
    await userEvent.click(applyButton());
    expect(
      await screen.findByText('The API server refused the value as invalid input'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/someone else/)).not.toBeInTheDocument();
    expect(screen.getByText(apiMessage)).toBeInTheDocument();
  });

  it('keeps the preview but disables Apply, with the reason, when the user may not patch nodes', async () => {
    setK8sWatchFixtures({ objects: seedCluster() });
    setAccessReviewAllowed(false);
    renderModal({ initialConfig: 'all-balanced' });
    expect(
      await screen.findByRole('grid', { name: 'Resources of worker1 before and after' }),
    ).toBeInTheDocument();
    expect(applyButton()).toBeDisabled();
    expect(screen.getByText(/You are not allowed to patch nodes/)).toBeInTheDocument();
  });

  it("names the cluster's last slices a change removes and the OpenShift AI profile it orphans", async () => {
    const profile = {
      apiVersion: 'infrastructure.opendatahub.io/v1',
      kind: 'HardwareProfile',
      metadata: {
        name: 'mig-1g-6gb',
        namespace: 'redhat-ods-applications',
        annotations: { 'opendatahub.io/display-name': 'NVIDIA mig-1g-6gb' },
      },
      spec: {
        identifiers: [{ identifier: 'nvidia.com/mig-1g.6gb', resourceType: 'Accelerator' }],
      },
    };
    setK8sWatchFixtures({
      objects: [
        a30AllBalancedNode(),
        a30DisabledNode('worker2'),
        clusterPolicy('mixed'),
        defaultConfigMap,
        profile,
      ],
    });
    renderModal({ nodeNames: ['worker1.redhat.com'], initialConfig: 'all-disabled' });
    const effect = await screen.findByTestId('apply-cluster-effect');
    expect(effect).toHaveTextContent(
      'This removes the last nvidia.com/mig-1g.6gb, nvidia.com/mig-2g.12gb from the cluster',
    );
    expect(effect).toHaveTextContent(
      'nvidia.com/mig-1g.6gb: 2 advertised now, all on worker1.redhat.com; no node advertises it afterwards',
    );
    expect(effect).toHaveTextContent(
      'OpenShift AI HardwareProfile "NVIDIA mig-1g-6gb" (redhat-ods-applications/mig-1g-6gb) asks for nvidia.com/mig-1g.6gb',
    );
    expect(applyButton()).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: /I have read the warnings/ }));
    expect(applyButton()).toBeEnabled();
  });
});

// A plan of several configs ("Make room" with two steps): each node its own config (issue 15).
// The test catalogue says keys as they are: plurals read '2 node', as in the tests above.
const TWO_CONFIGS: ConfigChangeStep[] = [
  { toConfig: 'all-balanced', nodes: ['worker1'] },
  { toConfig: 'all-1g.6gb', nodes: ['worker2'] },
];

const renderPlan = (
  plan: ApplyStepsPlan = { steps: TWO_CONFIGS, purpose: 'make-room' },
  onClose = jest.fn(),
) =>
  render(
    <ApplyMigConfigModal
      isOpen
      onClose={onClose}
      nodeNames={plan.steps.flatMap((step) => step.nodes)}
      plan={plan}
    />,
  );

/** A node's card of the preview (titled by the node's name). */
const nodeCard = (node: string) =>
  screen
    .getByText(node, { selector: `#gpu-partitioning-apply-node-${node} *` })
    .closest('.pf-v6-c-card') as HTMLElement;
/** The label value a node patch writes. */
const writtenConfig = (call: unknown[]) =>
  (call[0] as { data: Array<{ op: string; path: string; value?: unknown }> }).data.find(
    (op) => op.op === 'add' && op.path === '/metadata/labels/nvidia.com~1mig.config',
  )?.value;
const patchedNode = (call: unknown[]) =>
  (call[0] as { resource: { metadata: { name: string } } }).resource.metadata.name;

describe('ApplyMigConfigModal with a plan of several configs', () => {
  it('previews each node with its own config and writes each label with it', async () => {
    setK8sWatchFixtures({ objects: seedCluster() });
    renderPlan();
    expect(screen.getByRole('heading', { name: 'Make room: apply the plan' })).toBeInTheDocument();
    expect(
      screen.getByText(
        'Applies the make-room plan: sets the nvidia.com/mig.config label on 2 node, each to the config of its step. The NVIDIA mig-manager on each node then repartitions its GPUs.',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('grid', { name: 'Resources of worker1 before and after' }),
    ).toHaveTextContent(/nvidia\.com\/mig-1g\.6gb\s*02\+2/);
    // all-1g.6gb: four 1g.6gb on the A30, no 2g.12gb.
    expect(
      screen.getByRole('grid', { name: 'Resources of worker2 before and after' }),
    ).toHaveTextContent(/nvidia\.com\/mig-1g\.6gb\s*04\+4/);
    expect(
      screen.getByRole('grid', { name: 'Resources of worker1 before and after' }),
    ).toHaveTextContent(/nvidia\.com\/mig-2g\.12gb\s*01\+1/);
    expect(
      screen.getByRole('grid', { name: 'Resources of worker2 before and after' }),
    ).not.toHaveTextContent('mig-2g.12gb');
    expect(within(nodeCard('worker1')).getByText('all-disabled → all-balanced')).toBeVisible();
    expect(within(nodeCard('worker2')).getByText('all-disabled → all-1g.6gb')).toBeVisible();
    // The configs are the plan's, not chosen here.
    expect(screen.queryByRole('button', { name: 'MIG config' })).not.toBeInTheDocument();
    expect(screen.getByText('Each node gets the MIG config of its step:')).toBeInTheDocument();
    expect(screen.getAllByRole('term').map((term) => term.textContent)).toEqual([
      'all-balanced',
      'all-1g.6gb',
    ]);
    expect(screen.getAllByRole('definition').map((nodes) => nodes.textContent)).toEqual([
      'worker1',
      'worker2',
    ]);

    expect(applyButton()).toHaveTextContent('Apply the plan on 2 node');
    await userEvent.click(applyButton());
    await waitFor(() => expect(patchMock).toHaveBeenCalledTimes(2));
    expect(patchMock.mock.calls.map((call) => [patchedNode(call), writtenConfig(call)])).toEqual([
      ['worker1', 'all-balanced'],
      ['worker2', 'all-1g.6gb'],
    ]);
    expect(patchMock.mock.calls[0][0].data[0]).toEqual({
      op: 'test',
      path: '/metadata/labels/nvidia.com~1mig.config',
      value: 'all-disabled',
    });
    expect(await screen.findByText('The label was written on 2 node')).toBeInTheDocument();
    expect(
      screen.getByText('worker1: nvidia.com/mig.config set to all-balanced.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('worker2: nvidia.com/mig.config set to all-1g.6gb.'),
    ).toBeInTheDocument();
    // Each node is followed to its own config.
    expect(
      within(screen.getByTestId('mig-progress-worker1')).getByText(
        'nvidia.com/mig.config=all-balanced',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('mig-progress-worker2')).getByText(
        'nvidia.com/mig.config=all-1g.6gb',
      ),
    ).toBeInTheDocument();
  });

  it('asks for the warnings of any node to be acknowledged and cordons that node first when asked', async () => {
    setK8sWatchFixtures({ objects: seedCluster({ podOn: 'worker2' }) });
    renderPlan({ steps: TWO_CONFIGS, purpose: 'profile-request' });
    expect(
      screen.getByRole('heading', { name: 'Apply the suggested changes' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('GPU pods are running on this node')).toBeInTheDocument();
    expect(within(nodeCard('worker2')).getByText('train-1')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Cordon worker1 first' })).toBeNull();
    expect(applyButton()).toBeDisabled();
    expect(screen.getByText('Acknowledge the warnings first.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Cordon worker2 first' }));
    await userEvent.click(screen.getByRole('checkbox', { name: /I have read the warnings/ }));
    await userEvent.click(applyButton());
    // worker1's label, then worker2's cordon and label.
    await waitFor(() => expect(patchMock).toHaveBeenCalledTimes(3));
    expect(patchMock.mock.calls.map(patchedNode)).toEqual(['worker1', 'worker2', 'worker2']);
    expect(patchMock.mock.calls[1][0].data).toContainEqual({
      op: 'add',
      path: '/spec/unschedulable',
      value: true,
    });
    expect(writtenConfig(patchMock.mock.calls[2])).toBe('all-1g.6gb');
    expect(
      await screen.findByText(
        /worker2: nvidia.com\/mig.config set to all-1g.6gb. \(cordoned first\)/,
      ),
    ).toBeInTheDocument();
  });

  it('stops after the node being written and says which step was not attempted', async () => {
    setK8sWatchFixtures({ objects: seedCluster() });
    const finishFirstWrite = holdNextWrite();
    const onClose = jest.fn();
    renderPlan(undefined, onClose);
    await screen.findByRole('grid', { name: 'Resources of worker2 before and after' });
    await userEvent.click(applyButton());
    await waitFor(() => expect(patchMock).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('button', { name: /Writing worker1 \(1 of 2\)…/ })).toBeDisabled();
    await userEvent.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    finishFirstWrite();
    expect(await screen.findByText('Stopped: 1 of 2 nodes changed')).toBeInTheDocument();
    expect(
      screen.getByText('worker1: nvidia.com/mig.config set to all-balanced.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('worker2: not attempted, because you stopped the apply.'),
    ).toBeInTheDocument();
    expect(patchMock).toHaveBeenCalledTimes(1);
  });

  it('writes nothing when every node already has its step’s config, and says so', async () => {
    setK8sWatchFixtures({
      objects: seedCluster({
        labels: {
          worker1: { 'nvidia.com/mig.config': 'all-balanced' },
          worker2: { 'nvidia.com/mig.config': 'all-1g.6gb' },
        },
      }),
    });
    renderPlan();
    expect(
      await screen.findByText('Every node of the plan already has its config.'),
    ).toBeInTheDocument();
    expect(applyButton()).toBeDisabled();
    expect(within(nodeCard('worker1')).getByText('Skipped')).toBeInTheDocument();
    expect(within(nodeCard('worker2')).getByText('Skipped')).toBeInTheDocument();
  });

  it('skips a node that already has its step’s config and writes the other', async () => {
    setK8sWatchFixtures({
      objects: seedCluster({ labels: { worker2: { 'nvidia.com/mig.config': 'all-1g.6gb' } } }),
    });
    renderPlan();
    await screen.findByRole('grid', { name: 'Resources of worker1 before and after' });
    expect(within(nodeCard('worker2')).getByText('Skipped')).toBeInTheDocument();
    expect(applyButton()).toHaveTextContent('Apply the plan on 1 node');
    await userEvent.click(applyButton());
    await waitFor(() => expect(patchMock).toHaveBeenCalledTimes(1));
    expect(patchedNode(patchMock.mock.calls[0])).toBe('worker1');
    expect(writtenConfig(patchMock.mock.calls[0])).toBe('all-balanced');
  });
});
