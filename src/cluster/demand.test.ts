import fc from 'fast-check';
import {
  A100_80,
  demandFleet,
  fleetNode,
  ONE_G,
  pendingPod,
  THREE_G,
  TWO_G,
  usage,
  waiting,
} from './__fixtures__/fleet';
import { explainGpuDemand, type FreeByNode, placePods, podKey, type WaitReason } from './demand';

const reasonsOf = (demand: ReturnType<typeof explainGpuDemand>) =>
  Object.fromEntries(demand.pods.map((pod) => [pod.name, pod.reasons]));

describe('explainGpuDemand', () => {
  it('adds up the demand per resource and keeps the scheduler’s message', () => {
    const demand = explainGpuDemand(
      demandFleet(),
      'mixed',
      waiting(
        pendingPod('llm-0', { [THREE_G]: '1' }),
        pendingPod('llm-1', { [THREE_G]: '2' }),
        pendingPod('small', { [ONE_G]: '1' }),
      ),
    );
    expect(demand.byResource).toEqual([
      { resourceName: THREE_G, profile: '3g.40gb', pods: 2, instances: 3 },
      { resourceName: ONE_G, profile: '1g.10gb', pods: 1, instances: 1 },
    ]);
    expect(demand.pods[0].scheduler).toEqual({
      reason: 'Unschedulable',
      message: `0/3 nodes are available: 3 Insufficient ${THREE_G}.`,
    });
    expect(reasonsOf(demand)).toEqual({
      'llm-0': [{ kind: 'not-offered', resourceName: THREE_G }],
      'llm-1': [{ kind: 'not-offered', resourceName: THREE_G }],
      small: [{ kind: 'fits-now' }],
    });
  });

  it('says when the strategy advertises other names', () => {
    const pods = waiting(pendingPod('p', { [THREE_G]: '1' }));
    expect(explainGpuDemand(demandFleet(), 'single', pods).pods[0].reasons).toEqual([
      { kind: 'mig-name-under-single', resourceName: THREE_G, profile: '3g.40gb' },
    ]);
    expect(explainGpuDemand(demandFleet(), 'none', pods).pods[0].reasons).toEqual([
      { kind: 'mig-under-strategy-none', resourceName: THREE_G },
    ]);
    const whole = waiting(pendingPod('w', { 'nvidia.com/gpu': '1' }));
    expect(explainGpuDemand(demandFleet(), 'mixed', whole).pods[0].reasons).toEqual([
      { kind: 'whole-gpu-all-partitioned' },
    ]);
  });

  it('names a profile no GPU model here makes, and the nearest ones they do', () => {
    const pods = waiting(pendingPod('p', { 'nvidia.com/mig-3g.20gb': '1' }));
    const [reason] = explainGpuDemand(demandFleet(), 'mixed', pods).pods[0].reasons;
    expect(reason).toEqual({
      kind: 'profile-not-made-here',
      resourceName: 'nvidia.com/mig-3g.20gb',
      profile: '3g.20gb',
      models: ['NVIDIA A100 80GB'],
      similar: ['3g.40gb'],
    });
  });

  it('tells free-only-on-unavailable nodes, all in use, and too many for one node apart', () => {
    const cordoned = fleetNode({
      name: 'cordoned',
      product: A100_80,
      gpus: 1,
      config: 'all-3g.40gb',
      allocatable: { [THREE_G]: 2 },
      cordoned: true,
    });
    const full = (name: string, held: number) =>
      fleetNode({
        name,
        product: A100_80,
        gpus: 1,
        config: 'all-3g.40gb',
        allocatable: { [THREE_G]: 2 },
        pods: Array.from({ length: held }, (_, index) => usage(`${name}-${index}`, name, THREE_G)),
      });
    const one = waiting(pendingPod('p', { [THREE_G]: '1' }));
    expect(explainGpuDemand([cordoned, full('busy', 2)], 'mixed', one).pods[0].reasons).toEqual([
      {
        kind: 'only-unavailable-nodes',
        resourceName: THREE_G,
        nodes: [{ name: 'cordoned', why: 'cordoned', free: 2 }],
      },
    ]);
    expect(explainGpuDemand([full('busy', 2)], 'mixed', one).pods[0].reasons).toEqual([
      { kind: 'all-in-use', resourceName: THREE_G, allocatable: 2 },
    ]);
    const two = waiting(pendingPod('p', { [THREE_G]: '2' }));
    expect(explainGpuDemand([full('a', 1), full('b', 1)], 'mixed', two).pods[0].reasons).toEqual([
      { kind: 'too-many-for-one-node', resourceName: THREE_G, wanted: 2, mostOnOneNode: 1 },
    ]);
  });

  it('says when a scheduling gate holds a pod that fits', () => {
    const gated = pendingPod('gated', { [ONE_G]: '1' });
    gated.status!.conditions = [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
      },
    ];
    expect(explainGpuDemand(demandFleet(), 'mixed', waiting(gated)).pods[0].reasons).toEqual([
      { kind: 'scheduling-gated' },
    ]);
  });

  it('says when a MIG change under way will offer it', () => {
    const pending = fleetNode({
      name: 'gpu-node-3',
      product: A100_80,
      gpus: 1,
      config: 'all-3g.40gb',
      state: 'pending',
      allocatable: { [ONE_G]: 7 },
    });
    const pods = waiting(pendingPod('p', { [THREE_G]: '2' }));
    expect(explainGpuDemand([pending], 'mixed', pods).pods[0].reasons).toEqual([
      { kind: 'coming-with-change', resourceName: THREE_G, nodes: ['gpu-node-3'] },
    ]);
    const tooMany = waiting(pendingPod('p', { [THREE_G]: '3' }));
    expect(explainGpuDemand([pending], 'mixed', tooMany).pods[0].reasons).toEqual([
      { kind: 'not-offered', resourceName: THREE_G },
    ]);
  });

  it('says when pods that waited longer take what is free, and when a request is unreadable', () => {
    const node = fleetNode({
      name: 'n',
      product: A100_80,
      gpus: 1,
      config: 'all-balanced',
      allocatable: { [ONE_G]: 2, [TWO_G]: 1, [THREE_G]: 1 },
    });
    const demand = explainGpuDemand(
      [node],
      'mixed',
      waiting(
        pendingPod('second', { [THREE_G]: '1' }, '2026-11-25T11:00:00Z'),
        pendingPod('first', { [THREE_G]: '1' }, '2026-11-25T10:00:00Z'),
        pendingPod('bad', { [ONE_G]: 'lots' }),
      ),
    );
    expect(reasonsOf(demand)).toEqual({
      first: [{ kind: 'fits-now' }],
      second: [{ kind: 'taken-by-earlier-pods', resourceName: THREE_G, free: 1, ahead: 1 }],
      bad: [{ kind: 'unreadable-request', issues: [expect.objectContaining({ resource: ONE_G })] }],
    });
  });
});

describe('placePods', () => {
  const resources = [ONE_G, TWO_G, THREE_G];
  const freeArbitrary = fc
    .array(fc.array(fc.nat(4), { minLength: 3, maxLength: 3 }), { maxLength: 4 })
    .map(
      (nodes): FreeByNode =>
        new Map(
          nodes.map((counts, index) => [
            `n${index}`,
            Object.fromEntries(counts.map((count, at) => [resources[at], count])),
          ]),
        ),
    );
  const podsArbitrary = fc
    .array(fc.tuple(fc.constantFrom(...resources), fc.integer({ min: 1, max: 3 })), {
      maxLength: 8,
    })
    .map((asks) =>
      asks.map(([resource, count], index) => ({
        name: `p${index}`,
        namespace: 'ns',
        resources: { [resource]: count },
      })),
    );

  it('never gives a node more than it has free, and places a pod whenever some node still fits it', () => {
    fc.assert(
      fc.property(freeArbitrary, podsArbitrary, (free, pods) => {
        const placed = placePods(pods, free);
        const taken = new Map<string, Record<string, number>>();
        for (const pod of pods) {
          const node = placed.get(podKey(pod));
          const left = (name: string, resource: string) =>
            (free.get(name)?.[resource] ?? 0) - (taken.get(name)?.[resource] ?? 0);
          const [[resource, count]] = Object.entries(pod.resources);
          if (!node) {
            // No node had room when its turn came.
            expect([...free.keys()].every((name) => left(name, resource) < count)).toBe(true);
            continue;
          }
          expect(left(node, resource)).toBeGreaterThanOrEqual(count);
          const counts = taken.get(node) ?? {};
          counts[resource] = (counts[resource] ?? 0) + count;
          taken.set(node, counts);
        }
      }),
    );
  });

  it('marks exactly the pods it places as fitting now', () => {
    fc.assert(
      fc.property(podsArbitrary, (pods) => {
        const fleet = demandFleet();
        const demand = explainGpuDemand(fleet, 'mixed', pods);
        const free: FreeByNode = new Map<string, Record<string, number>>([
          ['gpu-node-1', { [ONE_G]: 6 }],
          ['gpu-node-2', { [TWO_G]: 2 }],
          ['gpu-node-3', { [ONE_G]: 7 }],
        ]);
        const placed = placePods(pods, free);
        for (const pod of demand.pods) {
          const fits = pod.reasons.some((reason: WaitReason) => reason.kind === 'fits-now');
          expect(fits).toBe(placed.has(podKey(pod)));
        }
      }),
    );
  });
});
