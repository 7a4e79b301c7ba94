/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// jsdom resolves `yaml` to its browser ES-module build, which Jest cannot load; the node build is the same code.
import { act, render } from '@testing-library/react';
import { a30AllBalancedNode, clusterPolicy, gpuPod } from '../cluster/__fixtures__/nodes';
import { migStateHistory } from '../cluster/stateHistory';
import { sdkMock } from './testing/sdkMock';
import { useClusterPolicy } from './useClusterPolicy';
import { useGpuNodeView } from './useGpuNodeView';
import { useGpuNodeViews, type GpuNodeViewsResult } from './useGpuNodeViews';
import { useGpuPods } from './useGpuPods';
import { useMigStateHistory } from './useMigStateHistory';

/** Renders a hook in a tiny component and returns a getter for its latest result. */
function renderHookResult<T>(useHook: () => T): { current: () => T; unmount: () => void } {
  let latest: T | undefined;
  const Probe = () => {
    latest = useHook();
    return null;
  };
  const { unmount } = render(<Probe />);
  return { current: () => latest as T, unmount };
}

const cpuNode = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'cpu-only', labels: {} } };

afterEach(() => {
  sdkMock.resetK8sWatchFixtures();
  migStateHistory.clear();
});

describe('useGpuNodeViews', () => {
  it('combines nodes, pods, policy and config into views and a summary', () => {
    sdkMock.setK8sWatchFixtures({
      objects: [
        a30AllBalancedNode(),
        cpuNode,
        clusterPolicy('mixed'),
        gpuPod('p1', 'worker1.redhat.com', { 'nvidia.com/mig-2g.12gb': '1' }),
        gpuPod(
          'done',
          'worker1.redhat.com',
          { 'nvidia.com/mig-1g.6gb': '1' },
          { phase: 'Succeeded' },
        ),
      ],
    });
    const result = renderHookResult(useGpuNodeViews);
    const value: GpuNodeViewsResult = result.current();
    expect(value.loaded).toBe(true);
    expect(value.strategy).toBe('mixed');
    expect(value.nodes.map((node) => node.name)).toEqual(['worker1.redhat.com']);
    expect(value.nodes[0].inUse).toEqual({ 'nvidia.com/mig-2g.12gb': 1 });
    expect(value.nodes[0].configSource?.kind).toBe('built-in');
    expect(value.summary.totalGpus).toBe(1);
    expect(value.operatorInstalled).toBe(true);
    // The node watch is selected server-side; pods exclude finished phases.
    const calls = sdkMock.getK8sWatchCalls();
    expect(calls.find((call) => call.groupVersionKind?.kind === 'Node')?.selector).toEqual({
      matchLabels: { 'nvidia.com/gpu.present': 'true' },
    });
    expect(calls.find((call) => call.groupVersionKind?.kind === 'Pod')?.fieldSelector).toBe(
      'status.phase!=Succeeded,status.phase!=Failed',
    );
  });

  it('reuses a node view while its resourceVersion and pods are unchanged', () => {
    const node = a30AllBalancedNode();
    sdkMock.setK8sWatchFixtures({ objects: [node, clusterPolicy('mixed')] });
    const result = renderHookResult(useGpuNodeViews);
    const first = result.current().nodes[0];
    act(() => sdkMock.updateK8sWatchFixtures({ objects: [{ ...node }, clusterPolicy('mixed')] }));
    expect(result.current().nodes[0]).toBe(first);
    const changed = a30AllBalancedNode({ labels: { 'nvidia.com/mig.config.state': 'pending' } });
    changed.metadata!.resourceVersion = '1002';
    act(() => sdkMock.updateK8sWatchFixtures({ objects: [changed, clusterPolicy('mixed')] }));
    expect(result.current().nodes[0]).not.toBe(first);
    expect(result.current().nodes[0].migConfigState).toBe('pending');
  });

  it('distinguishes forbidden pods (names the reader role) from a missing operator', () => {
    sdkMock.setK8sWatchFixtures({
      objects: [a30AllBalancedNode()],
      errors: [
        { kind: 'Pod', error: sdkMock.mockHttpError(403) },
        { kind: 'ClusterPolicy', group: 'nvidia.com', error: sdkMock.mockNoModelError() },
      ],
    });
    const value = renderHookResult(useGpuNodeViews).current();
    expect(value.loaded).toBe(true);
    expect(value.forbidden).toBe(true);
    expect(value.podsAvailable).toBe(false);
    expect(value.errors[0]).toMatchObject({ kind: 'forbidden', resource: 'pods' });
    expect(value.operatorInstalled).toBe(false);
    expect(value.error).toBeUndefined();
    expect(value.nodes).toHaveLength(1);
  });

  it('reports a blocking error when nodes cannot be read', () => {
    sdkMock.setK8sWatchFixtures({
      errors: [{ kind: 'Node', error: sdkMock.mockHttpError(403) }],
    });
    const value = renderHookResult(useGpuNodeViews).current();
    expect(value.error?.kind).toBe('forbidden');
  });

  it('is not loaded while nodes load', () => {
    sdkMock.setK8sWatchFixtures({ loading: [{ kind: 'Node' }] });
    expect(renderHookResult(useGpuNodeViews).current().loaded).toBe(false);
  });
});

describe('useClusterPolicy', () => {
  it('lists policies without a hard-coded name and picks the oldest', () => {
    const newer = clusterPolicy('single');
    newer.metadata = { name: 'second', creationTimestamp: '2026-11-10T00:00:00Z' };
    sdkMock.setK8sWatchFixtures({ objects: [newer, clusterPolicy('mixed')] });
    const value = renderHookResult(useClusterPolicy).current();
    expect(value.clusterPolicy?.metadata?.name).toBe('gpu-cluster-policy');
    expect(value.strategy).toBe('mixed');
    expect(value.issues[0]).toEqual({
      kind: 'several-policies',
      count: 2,
      shown: 'gpu-cluster-policy',
    });
    expect(value.namespace).toBe('nvidia-gpu-operator');
  });
});

describe('useGpuPods', () => {
  it('watches one node with a field selector', () => {
    sdkMock.setK8sWatchFixtures({
      objects: [
        gpuPod('here', 'n1', { 'nvidia.com/gpu': '1' }),
        gpuPod('there', 'n2', { 'nvidia.com/gpu': '1' }),
      ],
    });
    const value = renderHookResult(() => useGpuPods(['n1'])).current();
    expect(value.data.map((pod) => pod.metadata?.name)).toEqual(['here']);
    expect(
      sdkMock.getK8sWatchCalls().find((call) => call.groupVersionKind?.kind === 'Pod')
        ?.fieldSelector,
    ).toBe('spec.nodeName=n1,status.phase!=Succeeded,status.phase!=Failed');
  });
});

describe('useGpuNodeView and useMigStateHistory', () => {
  it('builds the tab view and records state transitions with timestamps', () => {
    sdkMock.setK8sWatchFixtures({ objects: [a30AllBalancedNode(), clusterPolicy('mixed')] });
    const view = renderHookResult(() => useGpuNodeView('worker1.redhat.com'));
    const history = renderHookResult(() => useMigStateHistory('worker1.redhat.com'));
    expect(view.current().view?.name).toBe('worker1.redhat.com');
    const pending = a30AllBalancedNode({ labels: { 'nvidia.com/mig.config.state': 'pending' } });
    pending.metadata!.resourceVersion = '1002';
    act(() => sdkMock.updateK8sWatchFixtures({ objects: [pending, clusterPolicy('mixed')] }));
    expect(view.current().view?.migConfigState).toBe('pending');
    const transitions = history.current().transitions;
    expect(transitions.map((entry) => entry.state)).toEqual(['success', 'pending']);
    expect(Date.parse(transitions[1].observedAt)).not.toBeNaN();
    expect(history.current().pendingSince).toBe(transitions[1].observedAt);
  });
});
