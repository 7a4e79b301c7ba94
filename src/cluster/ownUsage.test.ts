import { a30AllBalancedNode, gpuPod } from './__fixtures__/nodes';
import { builtInMigConfig } from './configSource';
import { buildGpuNodeView } from './nodeView';
import { ownPodsOnly } from './ownUsage';
import { gpuPodUsage } from './pods';

const builtIn = { config: builtInMigConfig(), view: { kind: 'default' as const } };

test("the user's own pod keeps its slice in use; every other slice is unknown, none free", () => {
  const mine = gpuPodUsage(
    gpuPod('mine', 'worker1.redhat.com', { 'nvidia.com/mig-1g.6gb': '1' }, { namespace: 'team-a' }),
  )!;
  const view = buildGpuNodeView({
    node: a30AllBalancedNode(),
    pods: [mine],
    strategy: 'mixed',
    configSource: builtIn,
    now: new Date('2026-11-25T12:00:00Z'),
  });
  const marked = ownPodsOnly(view);
  expect(marked.ownPodsOnly).toBe(true);
  const usage = marked.gpus[0].instances.map((instance) => [
    instance.profile,
    instance.inUse,
    instance.usageUnknown ?? false,
  ]);
  expect(usage).toEqual(
    expect.arrayContaining([
      ['1g.6gb', true, false],
      ['1g.6gb', false, true],
      ['2g.12gb', false, true],
    ]),
  );
  expect(view.gpus[0].instances.some((instance) => instance.usageUnknown)).toBe(false);
});
