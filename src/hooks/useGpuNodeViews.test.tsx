/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// jsdom resolves `yaml` to its browser ES-module build, which Jest cannot load; the node build is the same code.
import { act, render } from '@testing-library/react';
import { pendingPod, THREE_G } from '../cluster/__fixtures__/fleet';
import { a30AllBalancedNode, clusterPolicy, gpuPod } from '../cluster/__fixtures__/nodes';
import type { NodeKind } from '../cluster/models';
import { migStateHistory } from '../cluster/stateHistory';
import { sdkMock } from './testing/sdkMock';
import { useGpuNodeViews, type GpuNodeViewsResult } from './useGpuNodeViews';

function renderViews() {
  let latest: GpuNodeViewsResult | undefined;
  const renders: GpuNodeViewsResult[] = [];
  const Probe = () => {
    latest = useGpuNodeViews();
    renders.push(latest);
    return null;
  };
  render(<Probe />);
  return { current: () => latest!, renders };
}

const worker = (index: number): NodeKind => {
  const node = a30AllBalancedNode();
  const name = `worker-${String(index).padStart(3, '0')}`;
  node.metadata = { ...node.metadata, name, resourceVersion: `${index}` };
  return node;
};

afterEach(() => {
  sdkMock.resetK8sWatchFixtures();
  migStateHistory.clear();
  jest.restoreAllMocks();
  jest.useRealTimers();
});

describe('useGpuNodeViews on a large cluster', () => {
  it('builds a large first batch in slices and reports loaded only once every node has a view', () => {
    jest.useFakeTimers();
    // Every clock reading is 10 ms later: each slice stops once it has built its minimum.
    let clock = 0;
    jest.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
    const nodes = Array.from({ length: 250 }, (_, index) => worker(index));
    sdkMock.setK8sWatchFixtures({ objects: [...nodes, clusterPolicy('mixed')] });
    const result = renderViews();
    expect(result.current().loaded).toBe(false);
    expect(result.current().nodes.length).toBeLessThan(250);
    // Each slice schedules the next as a task of its own.
    for (let slice = 0; slice < 5 && !result.current().loaded; slice++) {
      act(() => {
        jest.advanceTimersByTime(1);
      });
    }
    expect(result.current().loaded).toBe(true);
    expect(result.current().nodes).toHaveLength(250);
    expect(result.current().summary.totalGpus).toBe(250);
    // The page never saw a partial fleet as loaded.
    for (const seen of result.renders) if (seen.loaded) expect(seen.nodes).toHaveLength(250);
  });

  it('keeps the result object while a watch answers with unchanged data', () => {
    sdkMock.setK8sWatchFixtures({ objects: [worker(1), clusterPolicy('mixed')] });
    const result = renderViews();
    const first = result.current();
    act(() => sdkMock.updateK8sWatchFixtures({ objects: [worker(1), clusterPolicy('mixed')] }));
    expect(result.current().nodes).toBe(first.nodes);
    expect(result.current().summary).toBe(first.summary);
  });

  it('keeps the waiting pods while the pods that wait are the same, and changes them when one more waits', () => {
    const base = [worker(1), clusterPolicy('mixed')];
    const waits = () => pendingPod('train-a', { [THREE_G]: '1' });
    const running = gpuPod('serve', 'worker-001', { 'nvidia.com/mig-1g.6gb': '1' });
    sdkMock.setK8sWatchFixtures({ objects: [...base, waits()] });
    const result = renderViews();
    const first = result.current().waitingPods;
    expect(first.map((pod) => pod.name)).toEqual(['train-a']);
    // New objects for the same waiting pod, and a pod that runs: the same list.
    act(() => sdkMock.updateK8sWatchFixtures({ objects: [...base, waits(), running] }));
    expect(result.current().waitingPods).toBe(first);
    act(() =>
      sdkMock.updateK8sWatchFixtures({
        objects: [...base, waits(), running, pendingPod('train-b', { [THREE_G]: '1' })],
      }),
    );
    expect(result.current().waitingPods.map((pod) => pod.name)).toEqual(['train-a', 'train-b']);
  });
});
