/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// jsdom resolves `yaml` to its browser ES-module build, which Jest cannot load; the node build is the same code.
import { act, render, waitFor } from '@testing-library/react';
import type { ConfigChangeStep } from '../../cluster/availability';
import { sdkMock } from '../../hooks/testing/sdkMock';
import { useGpuNodeViews } from '../../hooks/useGpuNodeViews';
import { seedCluster } from './__fixtures__/cluster';
import { useApplyDialogState } from './useApplyDialogState';

/** The dialog's state for a plan of several configs ("Make room" with two steps), issue 15. */
const patchMock = sdkMock.k8sPatch as unknown as jest.Mock;

type DialogState = ReturnType<typeof useApplyDialogState>;

const steps = (): ConfigChangeStep[] => [
  { toConfig: 'all-balanced', nodes: ['worker1'] },
  { toConfig: 'all-1g.6gb', nodes: ['worker2'] },
];

/** Renders the hook as the dialog does, each render with a new (equal) steps array. */
function renderPlanState() {
  let latest: DialogState | undefined;
  const Probe = () => {
    latest = useApplyDialogState(useGpuNodeViews(), [], undefined, steps());
    return null;
  };
  const { rerender } = render(<Probe />);
  return { current: () => latest as DialogState, rerender: () => rerender(<Probe />) };
}

afterEach(() => {
  sdkMock.resetK8sWatchFixtures();
  patchMock.mockClear();
});

describe('useApplyDialogState with a plan of several configs', () => {
  it('previews each step’s nodes with its config, offers no config to choose, and keeps the preview', async () => {
    sdkMock.setK8sWatchFixtures({ objects: seedCluster() });
    const dialog = renderPlanState();
    await waitFor(() => expect(dialog.current().plan).toBeDefined());
    const { state, plan, options, writes, block } = dialog.current();
    expect(state.configName).toBeUndefined();
    expect(options).toEqual([]);
    expect(plan?.nodes.map((node) => [node.nodeName, node.configName])).toEqual([
      ['worker1', 'all-balanced'],
      ['worker2', 'all-1g.6gb'],
    ]);
    expect(plan && 'steps' in plan && plan.steps).toEqual(steps());
    expect(writes).toEqual(['worker1', 'worker2']);
    expect(block).toBeUndefined();
    // A new render with the same steps keeps the frozen preview.
    const basis = state.basis;
    dialog.rerender();
    expect(dialog.current().state.basis).toBe(basis);
  });

  it('writes each node with its own config and follows each to it', async () => {
    sdkMock.setK8sWatchFixtures({ objects: seedCluster() });
    const dialog = renderPlanState();
    await waitFor(() => expect(dialog.current().plan).toBeDefined());
    await act(() => dialog.current().actions.apply());
    const labels = patchMock.mock.calls.map(
      ([options]: [
        { resource: { metadata: { name: string } }; data: Array<{ value?: unknown }> },
      ]) => [options.resource.metadata.name, options.data[1]?.value],
    );
    expect(labels).toEqual([
      ['worker1', 'all-balanced'],
      ['worker2', 'all-1g.6gb'],
    ]);
    const targets = dialog.current().state.followed?.targets;
    expect(targets?.map((target) => [target.nodeName, target.configName])).toEqual(labels);
  });
});
