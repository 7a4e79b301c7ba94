import { parseMigPartedConfig } from '../geometry/migParted';
import { a30AllBalancedNode, gpuPod } from './__fixtures__/nodes';
import { builtInMigConfig } from './configSource';
import { gpuFragmentation, roomForProfile, summarizeFragmentation } from './fragmentation';
import type { NodeKind } from './models';
import { buildGpuNodeView } from './nodeView';
import { ownPodsOnly } from './ownUsage';
import { gpuPodUsage } from './pods';
import type { GpuNodeView, GpuPodUsage } from './types';

const now = new Date('2026-11-25T12:00:00Z');
const builtIn = { config: builtInMigConfig(), view: { kind: 'default' as const } };

/**
 * A custom config whose predicted layout is 2g at units 0–1 and 1g at unit 2 on an A100 40GB:
 * units 3–7 and 4 compute slices stay unallocated, where a 3g fits at 4 but a 4g (start 0 only)
 * no longer does.
 */
const custom = {
  config: parseMigPartedConfig(`version: v1
mig-configs:
  two-and-one:
    - devices: all
      mig-enabled: true
      mig-devices:
        "2g.10gb": 1
        "1g.5gb": 1
`).config!,
  view: { kind: 'custom' as const },
};

function usage(name: string, node: string, resource: string): GpuPodUsage {
  return gpuPodUsage(gpuPod(name, node, { [resource]: '1' }))!;
}

function a100Node(name: string, pods: GpuPodUsage[], cordoned = false): GpuNodeView {
  const resources = { 'nvidia.com/mig-1g.5gb': '1', 'nvidia.com/mig-2g.10gb': '1' };
  const node: NodeKind = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      resourceVersion: '1',
      labels: {
        'nvidia.com/gpu.present': 'true',
        'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB',
        'nvidia.com/gpu.count': '1',
        'nvidia.com/mig.capable': 'true',
        'nvidia.com/mig.strategy': 'mixed',
        'nvidia.com/mig.config': 'two-and-one',
        'nvidia.com/mig.config.state': 'success',
        'nvidia.com/mig-1g.5gb.count': '1',
        'nvidia.com/mig-2g.10gb.count': '1',
      },
    },
    spec: cordoned ? { unschedulable: true } : {},
    status: { capacity: resources, allocatable: resources },
  };
  return buildGpuNodeView({ node, pods, strategy: 'mixed', configSource: custom, now });
}

function a30Node(name: string, pods: GpuPodUsage[] = []): GpuNodeView {
  const node = a30AllBalancedNode();
  node.metadata!.name = name;
  return buildGpuNodeView({ node, pods, strategy: 'mixed', configSource: builtIn, now });
}

const names = (profiles: Array<{ name: string }>) => profiles.map((profile) => profile.name);

describe('gpuFragmentation', () => {
  it('tells free instances apart from room for new ones on a busy A100', () => {
    const node = a100Node('a100-frag', [usage('train', 'a100-frag', 'nvidia.com/mig-2g.10gb')]);
    const gpu = gpuFragmentation(node, node.gpus[0])!;
    expect(node.gpus[0].instances.map((i) => `${i.profile}@${i.start}`)).toEqual([
      '2g.10gb@0',
      '1g.5gb@2',
    ]);
    expect(names(gpu.freeInstances)).toEqual(['1g.5gb']);
    expect(names(gpu.fits).slice(0, 2)).toEqual(['3g.20gb', '2g.10gb']);
    expect(names(gpu.fragmentedOut)).toEqual(['4g.20gb']);
    expect(gpu.unallocatedCompute).toBe(4);
    expect(gpu.busy).toBe(true);
  });

  it('calls every GPU offering a resource a pod holds busy: the API does not say which GPU it is', () => {
    const node = a100Node('a100-frag', [usage('train', 'a100-frag', 'nvidia.com/mig-2g.10gb')]);
    const [held] = node.gpus;
    const idleLooking = {
      ...held,
      index: 1,
      instances: held.instances.map((instance) => ({ ...instance, inUse: false })),
    };
    const twoGpus = { ...node, gpus: [held, idleLooking] };
    expect(gpuFragmentation(twoGpus, idleLooking)?.busy).toBe(true);
    const noPods = { ...twoGpus, pods: [] };
    expect(gpuFragmentation(noPods, idleLooking)?.busy).toBe(false);
  });

  it('answers the same object for the same GPU view, and nothing for a GPU without MIG', () => {
    const node = a30Node('a30');
    expect(gpuFragmentation(node, node.gpus[0])).toBe(gpuFragmentation(node, node.gpus[0]));
    const whole = { ...node, gpus: [{ ...node.gpus[0], migEnabled: false }] };
    expect(gpuFragmentation(whole, whole.gpus[0])).toBeUndefined();
  });

  it('counts nothing free when other projects may hold the instances', () => {
    const node = ownPodsOnly(a30Node('a30'));
    const gpu = gpuFragmentation(node, node.gpus[0])!;
    expect(gpu.freeInstances).toEqual([]);
    expect(gpu.busy).toBe(true);
  });

  it('counts nothing free under strategy none (instances are not advertised)', () => {
    const node = { ...a30Node('a30'), strategy: 'none' as const };
    const view = { ...node, gpus: node.gpus.map((gpu) => ({ ...gpu })) };
    expect(gpuFragmentation(view, view.gpus[0])!.freeInstances).toEqual([]);
  });
});

describe('summarizeFragmentation', () => {
  const fleet = () => [
    a100Node('a100-frag', [usage('train', 'a100-frag', 'nvidia.com/mig-2g.10gb')]),
    a30Node('a30-idle'),
    a30Node('a30-busy', [usage('nb', 'a30-busy', 'nvidia.com/mig-2g.12gb')]),
    a100Node('a100-cordoned', [], true),
  ];

  it('names the largest free instance and the largest new one that fits, and where', () => {
    const summary = summarizeFragmentation(fleet());
    expect(summary.gpus).toBe(3);
    expect(summary.leftOut).toBe(1);
    expect(summary.freeInstances).toBe(1 + 3 + 2);
    expect(summary.largestFreeNow).toMatchObject({ node: 'a30-idle', gpu: 0, count: 1 });
    expect(summary.largestFreeNow?.profile.name).toBe('2g.12gb');
    expect(summary.largestPlaceable).toMatchObject({ node: 'a100-frag', busy: true, gpus: 1 });
    expect(summary.largestPlaceable?.profile.name).toBe('3g.20gb');
    expect(summary.unallocatedCompute).toBe(4);
    expect(summary.fragmented.map((gpu) => gpu.node)).toEqual(['a100-frag']);
  });

  it('names an idle GPU before a busy one with the same room', () => {
    const summary = summarizeFragmentation([
      a100Node('a-busy', [usage('train', 'a-busy', 'nvidia.com/mig-2g.10gb')]),
      a100Node('b-idle', []),
    ]);
    expect(summary.largestPlaceable).toMatchObject({ node: 'b-idle', busy: false, gpus: 2 });
    expect(summary.largestFreeNow).toMatchObject({ node: 'b-idle', count: 1 });
    expect(summary.largestFreeNow?.profile.name).toBe('2g.10gb');
  });

  it('has no figures without MIG GPUs, and survives odd input', () => {
    const empty = summarizeFragmentation('nope' as unknown as GpuNodeView[]);
    expect(empty).toEqual({
      gpus: 0,
      leftOut: 0,
      freeInstances: 0,
      unallocatedCompute: 0,
      fragmented: [],
    });
  });
});

describe('roomForProfile', () => {
  it('says a 4g has no free legal start although 4 compute slices and 5 units are unallocated', () => {
    const room = roomForProfile(
      [
        a100Node('a100-frag', [usage('train', 'a100-frag', 'nvidia.com/mig-2g.10gb')]),
        a30Node('a30-idle'),
      ],
      '4g.20gb',
    );
    expect(room).toMatchObject({
      profile: '4g.20gb',
      gpus: 1,
      unallocatedCompute: 4,
      withRoom: [],
      fragmented: [{ node: 'a100-frag', gpu: 0 }],
    });
    expect(room.largestPlaceable?.name).toBe('3g.20gb');
  });

  it('lists the GPUs with room for a smaller profile, busy or not', () => {
    const room = roomForProfile(
      [
        a100Node('a100-frag', [usage('t', 'a100-frag', 'nvidia.com/mig-2g.10gb')]),
        a100Node('b', []),
      ],
      '2g.10gb',
    );
    expect(room.withRoom).toEqual([
      { node: 'a100-frag', gpu: 0, busy: true },
      { node: 'b', gpu: 0, busy: false },
    ]);
    expect(room.fragmented).toEqual([]);
  });

  it('considers no GPU for a profile no model here has', () => {
    expect(roomForProfile([a30Node('a30')], '7g.80gb')).toEqual({
      profile: '7g.80gb',
      gpus: 0,
      unallocatedCompute: 0,
      withRoom: [],
      fragmented: [],
    });
  });
});
