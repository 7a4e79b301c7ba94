import { a30, A100_40, A100_80, fleetNode, H100, sources, usage } from './__fixtures__/fleet';
import { gpuPod } from './__fixtures__/nodes';
import {
  chooseChanges,
  type NodeConfigChange,
  planProfileRequest,
  waitingGpuPods,
} from './availability';

/** The mixed-fleet nodes behind issue 13 (5): each kind of node the planner must not misuse. */
const fleet = () => [
  // Already all-1g.10gb, busy: nothing raises 1g.10gb here.
  fleetNode({
    name: 'a100-80-01',
    product: A100_80,
    gpus: 8,
    config: 'all-1g.10gb',
    allocatable: { 'nvidia.com/mig-1g.10gb': 56 },
    pods: [usage('notebook-0', 'a100-80-01', 'nvidia.com/mig-1g.10gb', '2')],
  }),
  // Stuck pending on its way to all-1g.10gb: moving it to all-balanced would lower 1g.10gb.
  fleetNode({
    name: 'h100-02',
    product: H100,
    gpus: 8,
    config: 'all-1g.10gb',
    state: 'pending',
    allocatable: { 'nvidia.com/gpu': 8 },
  }),
  // The last change failed: its whole GPUs are advertised but not to be counted on.
  fleetNode({
    name: 'a100-40-02',
    product: A100_40,
    gpus: 4,
    config: 'all-balanced',
    state: 'failed',
    allocatable: { 'nvidia.com/gpu': 4 },
  }),
  // Whole GPUs, one pod on them: a change would reconfigure a GPU in use.
  fleetNode({
    name: 'a100-80-02',
    product: A100_80,
    gpus: 8,
    config: 'all-disabled',
    allocatable: { 'nvidia.com/gpu': 8 },
    pods: [usage('full-gpu-job', 'a100-80-02', 'nvidia.com/gpu', '2')],
  }),
  // Cordoned, idle.
  fleetNode({
    name: 'h100-cordoned',
    product: H100,
    gpus: 2,
    config: 'all-disabled',
    allocatable: { 'nvidia.com/gpu': 2 },
    cordoned: true,
  }),
  // Idle and healthy: the one node a change may go to.
  fleetNode({
    name: 'h100-idle',
    product: H100,
    gpus: 2,
    config: 'all-balanced',
    allocatable: {
      'nvidia.com/mig-1g.10gb': 4,
      'nvidia.com/mig-2g.20gb': 2,
      'nvidia.com/mig-3g.40gb': 2,
    },
  }),
];

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
        gain: 2,
        gpuPods: 0,
      }),
    ]);
    expect(plan.suggestion?.steps).toEqual([{ toConfig: 'all-1g.6gb', nodes: ['idle1'] }]);
    // The busy node's GPU holds a 2g.12gb pod: a change there would reconfigure it.
    expect(plan.notSuggested).toEqual([{ name: 'busy', why: 'gpus-in-use' }]);
  });

  it('suggests only changes that raise the profile, on nodes that can take them', () => {
    const plan = planProfileRequest(fleet(), '1g.10gb', 200, 'mixed', sources);
    expect(plan.totalFree).toBe(58);
    expect(plan.suggestion?.sufficient).toBe(false);
    // Only the idle, healthy H100 can take a change; all-1g.10gb raises it from 4 to 14.
    expect(plan.suggestion?.changes).toEqual([
      expect.objectContaining({
        node: 'h100-idle',
        toConfig: 'all-1g.10gb',
        offeredAfter: 14,
        gain: 10,
      }),
    ]);
    expect(plan.suggestion?.steps).toEqual([{ toConfig: 'all-1g.10gb', nodes: ['h100-idle'] }]);
    expect(plan.notSuggested).toEqual(
      expect.arrayContaining([
        { name: 'h100-02', why: 'changing' },
        { name: 'a100-40-02', why: 'failed' },
        { name: 'a100-80-02', why: 'gpus-in-use' },
        { name: 'h100-cordoned', why: 'cordoned' },
      ]),
    );
    expect(plan.notSuggested).toHaveLength(4);
  });

  it('never suggests a config that offers fewer of the profile than the node is set to', () => {
    // Pending towards all-1g.10gb (56 on 8 H100s): all-balanced (16) would be a step back even
    // once the node settles; and a node mid-change takes no other change.
    const pending = fleet().filter((node) => node.name === 'h100-02');
    const settled = fleetNode({
      name: 'h100-settled',
      product: H100,
      gpus: 8,
      config: 'all-1g.10gb',
      allocatable: { 'nvidia.com/mig-1g.10gb': 56 },
    });
    const plan = planProfileRequest([...pending, settled], '1g.10gb', 100, 'mixed', sources);
    expect(plan.suggestion).toBeUndefined();
    expect(plan.notSuggested).toEqual([{ name: 'h100-02', why: 'changing' }]);
  });

  it('does not count whole GPUs on failed or cordoned nodes as free', () => {
    const plan = planProfileRequest(fleet(), 'nvidia.com/gpu', 4, 'mixed', sources);
    expect(plan.nodes).toEqual([{ name: 'a100-80-02', free: 6 }]);
    expect(plan.totalFree).toBe(6);
    expect(plan.notCounted).toEqual([
      { name: 'h100-02', why: 'changing', free: 8 },
      { name: 'a100-40-02', why: 'failed', free: 4 },
      { name: 'h100-cordoned', why: 'cordoned', free: 2 },
    ]);
  });

  it('lists the pods already waiting for the asked resource', () => {
    const unscheduled = gpuPod('waiting-for-slice', '', { 'nvidia.com/mig-7g.80gb': '1' });
    delete unscheduled.spec!.nodeName;
    unscheduled.status = { phase: 'Pending' };
    const finished = gpuPod('done', '', { 'nvidia.com/mig-7g.80gb': '1' }, { phase: 'Succeeded' });
    const waiting = waitingGpuPods([
      unscheduled,
      finished,
      gpuPod('running', 'h100-idle', { 'nvidia.com/mig-7g.80gb': '1' }),
      gpuPod('cpu-only', '', {}),
    ]);
    // Scheduled, finished and GPU-less pods do not wait for a slice.
    expect(waiting).toEqual([
      {
        name: 'waiting-for-slice',
        namespace: 'sample-project',
        resources: { 'nvidia.com/mig-7g.80gb': 1 },
        createdAt: '2026-11-20T10:00:00Z',
      },
    ]);
    const plan = planProfileRequest(fleet(), '7g.80gb', 1, 'mixed', sources, waiting);
    expect(plan.waiting.map((pod) => pod.name)).toEqual(['waiting-for-slice']);
    expect(planProfileRequest(fleet(), '1g.10gb', 1, 'mixed', sources, waiting).waiting).toEqual(
      [],
    );
  });

  it('explains requests it cannot understand', () => {
    expect(planProfileRequest([a30('a')], 'banana', 1, 'mixed').issues).toEqual([
      { kind: 'not-a-profile', text: 'banana' },
    ]);
    expect(planProfileRequest([a30('a')], '1g.6gb', 1, 'none').issues).toEqual([
      { kind: 'strategy-none' },
    ]);
    expect(planProfileRequest([a30('a')], '1g.6gb', 0, 'mixed').satisfiable).toBe(false);
  });
});

describe('chooseChanges', () => {
  const change = (node: string, gain: number, gpuPods: number): NodeConfigChange => ({
    node,
    toConfig: 'all-1g.10gb',
    offeredAfter: gain,
    freeNow: 0,
    gain,
    lost: {},
    gpuPods,
  });

  it('takes the fewest nodes first, then the nodes with the fewest GPU pods', () => {
    const big = change('big-busy', 14, 3);
    const quiet = change('quiet', 10, 0);
    const quiet2 = change('quiet2', 8, 0);
    const small = change('small', 4, 0);
    const all = [big, quiet, quiet2, small];
    // One node is enough for 9: the quiet one rather than the busier big one.
    expect(chooseChanges(all, 9).map((c) => c.node)).toEqual(['quiet']);
    // 12 needs one node: only the big one covers it alone, pods or not.
    expect(chooseChanges(all, 12).map((c) => c.node)).toEqual(['big-busy']);
    // 16 needs two nodes: the two quiet ones rather than the big one with either.
    expect(chooseChanges(all, 16).map((c) => c.node)).toEqual(['quiet', 'quiet2']);
    // 30 needs three, one of them the big one.
    expect(chooseChanges(all, 30).map((c) => c.node)).toEqual(['big-busy', 'quiet', 'quiet2']);
    // Short even with all four: all of them, the closest it gets.
    expect(chooseChanges(all, 100)).toHaveLength(4);
  });
});
