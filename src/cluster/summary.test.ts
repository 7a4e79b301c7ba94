import { a30AllBalancedNode, gpuPod } from './__fixtures__/nodes';
import { builtInMigConfig } from './configSource';
import { buildGpuNodeView } from './nodeView';
import { gpuPodUsage } from './pods';
import { summarizeCluster } from './summary';
import type { GpuPodUsage } from './types';

const builtIn = { config: builtInMigConfig(), view: { kind: 'default' as const } };
const now = new Date('2026-11-25T12:00:00Z');

function a30(name: string, pods: GpuPodUsage[] = [], labels: Record<string, string> = {}) {
  const node = a30AllBalancedNode({ labels });
  node.metadata!.name = name;
  return buildGpuNodeView({ node, pods, strategy: 'mixed', configSource: builtIn, now });
}

function usage(name: string, node: string, resource: string): GpuPodUsage {
  return gpuPodUsage(gpuPod(name, node, { [resource]: '1' }))!;
}

describe('summarizeCluster', () => {
  it('adds allocatable, in use and free per profile with the node breakdown', () => {
    const nodes = [a30('a', [usage('p1', 'a', 'nvidia.com/mig-1g.6gb')]), a30('b')];
    const summary = summarizeCluster(nodes, 'mixed');
    expect(summary.totalGpus).toBe(2);
    expect(summary.migEnabledGpus).toBe(2);
    expect(summary.nodesByState.success).toBe(2);
    const oneG = summary.profiles.find((row) => row.resourceName === 'nvidia.com/mig-1g.6gb');
    expect(oneG).toMatchObject({ profile: '1g.6gb', allocatable: 4, inUse: 1, free: 3 });
    expect(oneG?.nodes).toEqual([
      { name: 'a', allocatable: 2, inUse: 1, free: 1 },
      { name: 'b', allocatable: 2, inUse: 0, free: 2 },
    ]);
    // Allocatable nvidia.com/gpu is 0 (stale capacity): no whole-GPU row.
    expect(summary.profiles.some((row) => row.resourceName === 'nvidia.com/gpu')).toBe(false);
  });

  it("counts nodes by the page's state, as the Nodes table shows them", () => {
    // A drifted node still reads success on its mig-manager label: counted once, as drifted.
    const drifted = a30('c');
    drifted.primaryState = 'drifted';
    const summary = summarizeCluster([
      a30('a'),
      a30('b', [], { 'nvidia.com/mig.config.state': 'failed' }),
      drifted,
    ]);
    expect(summary.nodesByHealth).toEqual({
      applied: 1,
      pending: 0,
      failed: 1,
      drifted: 1,
      invalid: 0,
      disabled: 0,
    });
    expect(summary.nodesByState.success).toBe(2);
  });
});
