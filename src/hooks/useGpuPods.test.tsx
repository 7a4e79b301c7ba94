/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// A user who may not list pods cluster-wide sees their own projects' pods, and the result says so.
import { render } from '@testing-library/react';
import { a30AllBalancedNode, clusterPolicy, gpuPod } from '../cluster/__fixtures__/nodes';
import { sdkMock } from './testing/sdkMock';
import { useGpuNodeView } from './useGpuNodeView';
import { useGpuPods, type GpuPodsResult } from './useGpuPods';

const project = (name: string) => ({
  apiVersion: 'project.openshift.io/v1',
  kind: 'Project',
  metadata: { name },
});

function renderPods(nodeNames?: string[]): () => GpuPodsResult {
  let latest: GpuPodsResult | undefined;
  const Probe = () => {
    latest = useGpuPods(nodeNames);
    return null;
  };
  render(<Probe />);
  return () => latest as GpuPodsResult;
}

const podNames = (result: GpuPodsResult) => result.data.map((pod) => pod.metadata?.name).sort();

const POD_OBJECTS = [
  gpuPod('mine', 'w1', { 'nvidia.com/mig-1g.6gb': '1' }, { namespace: 'team-a' }),
  gpuPod('mine-elsewhere', 'w2', { 'nvidia.com/mig-1g.6gb': '1' }, { namespace: 'team-a' }),
  gpuPod('theirs', 'w1', { 'nvidia.com/mig-1g.6gb': '1' }, { namespace: 'team-b' }),
];

afterEach(() => {
  sdkMock.resetK8sWatchFixtures();
  sdkMock.setAccessReviewAllowed(true);
});

test('with cluster-wide rights: every pod, visibility cluster', () => {
  sdkMock.setK8sWatchFixtures({ objects: [...POD_OBJECTS, project('team-a')] });
  const result = renderPods()();
  expect(podNames(result)).toEqual(['mine', 'mine-elsewhere', 'theirs']);
  expect(result.visibility).toEqual({ scope: 'cluster' });
  expect(result.error).toBeUndefined();
});

test('denied by the access review: only the pods of their projects, never a cluster-wide watch', () => {
  sdkMock.setAccessReviewAllowed(false);
  sdkMock.setK8sWatchFixtures({
    objects: [...POD_OBJECTS, project('team-a'), project('team-c')],
    errors: [{ kind: 'Pod', namespace: 'team-c', error: sdkMock.mockHttpError(403) }],
  });
  const result = renderPods()();
  expect(podNames(result)).toEqual(['mine', 'mine-elsewhere']);
  expect(result.visibility).toEqual({ scope: 'namespaces', namespaces: ['team-a'] });
  expect(result.loaded).toBe(true);
  expect(result.error).toMatchObject({ kind: 'forbidden', resource: 'pods' });
  const podWatches = sdkMock
    .getK8sWatchCalls()
    .filter((call) => call.groupVersionKind?.kind === 'Pod');
  expect(podWatches.length).toBeGreaterThan(0);
  expect(podWatches.every((call) => call.namespace !== undefined)).toBe(true);
});

test('a 403 on the cluster-wide watch (the review said yes) falls back the same way', () => {
  sdkMock.setK8sWatchFixtures({
    objects: [...POD_OBJECTS, project('team-a')],
    errors: [{ kind: 'Pod', namespace: undefined, error: sdkMock.mockHttpError(403) }],
  });
  // The error entry above has no namespace, so it matches every pod watch: nothing is readable.
  const result = renderPods()();
  expect(result.data).toEqual([]);
  expect(result.visibility).toEqual({ scope: 'namespaces', namespaces: [] });
  expect(result.error?.kind).toBe('forbidden');
});

test('on the node tab, own pods on that node only', () => {
  sdkMock.setAccessReviewAllowed(false);
  sdkMock.setK8sWatchFixtures({ objects: [...POD_OBJECTS, project('team-a')] });
  const result = renderPods(['w1'])();
  expect(podNames(result)).toEqual(['mine']);
  expect(
    sdkMock.getK8sWatchCalls().find((call) => call.namespace === 'team-a')?.fieldSelector,
  ).toBe('spec.nodeName=w1,status.phase!=Succeeded,status.phase!=Failed');
});

test('the node tab of a user who sees only their own pods marks the other slices unknown', () => {
  sdkMock.setAccessReviewAllowed(false);
  const node = a30AllBalancedNode();
  sdkMock.setK8sWatchFixtures({
    objects: [
      node,
      clusterPolicy('mixed'),
      project('team-a'),
      gpuPod(
        'mine',
        'worker1.redhat.com',
        { 'nvidia.com/mig-1g.6gb': '1' },
        { namespace: 'team-a' },
      ),
    ],
  });
  let latest: ReturnType<typeof useGpuNodeView> | undefined;
  const Probe = () => {
    latest = useGpuNodeView('worker1.redhat.com');
    return null;
  };
  render(<Probe />);
  const instances = latest!.view!.gpus[0].instances;
  expect(instances.filter((instance) => instance.inUse)).toHaveLength(1);
  expect(instances.filter((instance) => instance.usageUnknown)).toHaveLength(2);
  expect(latest!.view!.ownPodsOnly).toBe(true);
});
