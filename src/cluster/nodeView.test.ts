import { a30AllBalancedNode, gpuPod } from './__fixtures__/nodes';
import { builtInMigConfig } from './configSource';
import { buildGpuNodeView } from './nodeView';
import { gpuPodUsage } from './pods';
import type { GpuPodUsage } from './types';

const builtIn = { config: builtInMigConfig(), view: { kind: 'default' as const } };
const now = new Date('2026-11-25T12:00:00Z');

function usages(...pods: ReturnType<typeof gpuPod>[]): GpuPodUsage[] {
  return pods.map((pod) => gpuPodUsage(pod)).filter((usage): usage is GpuPodUsage => !!usage);
}

describe('buildGpuNodeView: the article A30 after all-balanced under mixed', () => {
  it('predicts 2 × 1g.6gb + 1 × 2g.12gb and sees no drift despite stale gpu capacity', () => {
    const view = buildGpuNodeView({
      node: a30AllBalancedNode(),
      pods: [],
      strategy: 'mixed',
      configSource: builtIn,
      now,
    });
    expect(view.model?.id).toBe('a30-24gb');
    expect(view.gpuCount).toBe(1);
    expect(view.expected).toEqual({ 'nvidia.com/mig-1g.6gb': 2, 'nvidia.com/mig-2g.12gb': 1 });
    expect(view.capacity['nvidia.com/gpu']).toBe(1);
    expect(view.allocatable['nvidia.com/gpu']).toBe(0);
    expect(view.drift).toEqual([]);
    expect(view.conditions.map((c) => c.kind)).not.toContain('drifted');
    expect(view.primaryState).toBe('applied');
    expect(view.gpus[0].instances.map((i) => i.profile).sort()).toEqual([
      '1g.6gb',
      '1g.6gb',
      '2g.12gb',
    ]);
    expect(view.gpus[0].layout?.predicted).toBe(true);
  });

  it('marks instances in use from pods, inferred, oldest pod first', () => {
    const pods = usages(
      gpuPod(
        'newer',
        'worker1.redhat.com',
        { 'nvidia.com/mig-1g.6gb': '1' },
        { createdAt: '2026-11-21T00:00:00Z' },
      ),
      gpuPod(
        'older',
        'worker1.redhat.com',
        { 'nvidia.com/mig-1g.6gb': '1' },
        { createdAt: '2026-11-20T00:00:00Z' },
      ),
      gpuPod('elsewhere', 'worker2', { 'nvidia.com/mig-2g.12gb': '1' }),
    );
    const view = buildGpuNodeView({
      node: a30AllBalancedNode(),
      pods,
      strategy: 'mixed',
      configSource: builtIn,
      now,
    });
    const used = view.gpus[0].instances.filter((i) => i.inUse);
    expect(used.map((i) => i.podName)).toEqual(['older', 'newer']);
    expect(used.every((i) => i.assignmentInferred)).toBe(true);
    expect(view.inUse).toEqual({ 'nvidia.com/mig-1g.6gb': 2 });
  });
});
