import { a30AllBalancedNode, gpuPod } from './__fixtures__/nodes';
import { planProfileRequest } from './availability';
import { builtInMigConfig } from './configSource';
import { buildGpuNodeView } from './nodeView';
import { gpuPodUsage } from './pods';
import { summarizeCluster } from './summary';
import type { GpuPodUsage } from './types';

const builtIn = { config: builtInMigConfig(), view: { kind: 'default' as const } };
const sources = { forNode: () => builtIn };
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
});

describe('planProfileRequest', () => {
  it('answers yes with the nodes that can serve', () => {
    const plan = planProfileRequest([a30('a'), a30('b')], '1g.6gb', 3, 'mixed', sources);
    expect(plan.satisfiable).toBe(true);
    expect(plan.fitsOnOneNode).toBe(false);
    expect(plan.nodes).toEqual([
      { name: 'a', free: 2 },
      { name: 'b', free: 2 },
    ]);
    expect(plan.suggestion).toBeUndefined();
  });

  it('suggests all-1g.6gb on the fewest idle nodes when the answer is no', () => {
    const busy = a30('busy', [usage('p1', 'busy', 'nvidia.com/mig-2g.12gb')]);
    const plan = planProfileRequest(
      [busy, a30('idle1'), a30('idle2')],
      'nvidia.com/mig-1g.6gb',
      8,
      'mixed',
      sources,
    );
    expect(plan.satisfiable).toBe(false);
    expect(plan.totalFree).toBe(6);
    // all-1g.6gb gives 4 per A30, a gain of 2 per node: one idle node closes the gap of 2.
    expect(plan.suggestion?.sufficient).toBe(true);
    expect(plan.suggestion?.changes).toEqual([
      expect.objectContaining({
        node: 'idle1',
        fromConfig: 'all-balanced',
        toConfig: 'all-1g.6gb',
        offeredAfter: 4,
        disruptive: false,
      }),
    ]);
    expect(plan.suggestion?.summary).toMatch(/nvidia.com\/mig.config=all-1g.6gb/);
  });

  it('explains requests it cannot understand', () => {
    expect(planProfileRequest([a30('a')], 'banana', 1, 'mixed').problems[0]).toMatch(/banana/);
    expect(planProfileRequest([a30('a')], '1g.6gb', 1, 'none').problems[0]).toMatch(/none/);
    expect(planProfileRequest([a30('a')], '1g.6gb', 0, 'mixed').satisfiable).toBe(false);
  });
});
