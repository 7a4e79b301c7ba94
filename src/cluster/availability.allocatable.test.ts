/**
 * "Can I get N × profile?" for a user who sees only their own pods: allocatable is the bound,
 * their own pods come off it, and nothing is ever called free.
 */
import { a30AllBalancedNode, gpuPod } from './__fixtures__/nodes';
import { planByAllocatable } from './availability';
import { builtInMigConfig } from './configSource';
import { buildGpuNodeView } from './nodeView';
import { gpuPodUsage } from './pods';

const builtIn = { config: builtInMigConfig(), view: { kind: 'default' as const } };
const now = new Date('2026-11-25T12:00:00Z');

/** An A30 on all-balanced (2 × 1g.6gb, 1 × 2g.12gb) with the user's own 1g.6gb pods on it. */
function a30(name: string, ownPods = 0, options: { cordoned?: boolean } = {}) {
  const node = a30AllBalancedNode();
  node.metadata!.name = name;
  if (options.cordoned) node.spec = { ...node.spec, unschedulable: true };
  const pods = Array.from({ length: ownPods }, (_, index) =>
    gpuPodUsage(gpuPod(`mine-${index}`, name, { 'nvidia.com/mig-1g.6gb': '1' }))!,
  );
  return buildGpuNodeView({ node, pods, strategy: 'mixed', configSource: builtIn, now });
}

test('an upper bound from allocatable minus the own pods, largest node first', () => {
  const answer = planByAllocatable([a30('w1', 1), a30('w2')], '1g.6gb', 3, 'mixed');
  expect(answer).toMatchObject({
    resourceName: 'nvidia.com/mig-1g.6gb',
    profile: '1g.6gb',
    allocatable: 4,
    ownInUse: 1,
    atMost: 3,
    possible: true,
    possibleOnOneNode: false,
  });
  expect(answer.nodes).toEqual([
    { name: 'w2', allocatable: 2, ownInUse: 0, atMost: 2 },
    { name: 'w1', allocatable: 2, ownInUse: 1, atMost: 1 },
  ]);
});

test('more than the bound is certainly not possible; a cordoned node does not count', () => {
  const answer = planByAllocatable(
    [a30('w1'), a30('w2', 0, { cordoned: true })],
    '1g.6gb',
    3,
    'mixed',
  );
  expect(answer.possible).toBe(false);
  expect(answer.allocatable).toBe(2);
  expect(answer.notCounted).toEqual([{ name: 'w2', why: 'cordoned', free: 2 }]);
});

test('bad requests are issues, never possible', () => {
  expect(planByAllocatable([a30('w1')], '9g.1tb', 1, 'mixed').issues).toEqual([
    { kind: 'not-a-profile', text: '9g.1tb' },
  ]);
  const zero = planByAllocatable([a30('w1')], '1g.6gb', 0, 'mixed');
  expect(zero.possible).toBe(false);
  expect(zero.issues[0].kind).toBe('bad-count');
});
