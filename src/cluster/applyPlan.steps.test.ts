import { BUILT_IN_SOURCE, a30DisabledNode, viewOf, wholeGpuPod } from './__fixtures__/applyNodes';
import { a30AllBalancedNode } from './__fixtures__/nodes';
import { ALL_DISABLED_CONFIG, configOfNode, planApply, planApplySteps } from './applyPlan';

/** A plan of several configs ("Make room" with two steps), issue 15. */
const source = () => BUILT_IN_SOURCE;
const worker1 = viewOf(a30DisabledNode('worker1'), 'mixed');
const worker2 = viewOf(a30DisabledNode('worker2'), 'mixed');
const planTwo = (nodes = [worker1, worker2]) =>
  planApplySteps({
    nodes,
    steps: [
      { toConfig: 'all-balanced', nodes: ['worker1'] },
      { toConfig: 'all-1g.6gb', nodes: ['worker2'] },
    ],
    strategy: 'mixed',
    sourceFor: source,
    clusterNodes: nodes,
  });

describe('planApplySteps', () => {
  it('plans each step’s nodes with its config, as one config alone would', () => {
    const plan = planTwo();
    expect(plan.nodes.map((node) => [node.nodeName, node.configName])).toEqual([
      ['worker1', 'all-balanced'],
      ['worker2', 'all-1g.6gb'],
    ]);
    const alone = (configName: string, node: typeof worker1) =>
      planApply({ nodes: [node], configName, strategy: 'mixed', sourceFor: source }).nodes[0];
    expect(plan.nodes[0]).toEqual(alone('all-balanced', worker1));
    expect(plan.nodes[1]).toEqual(alone('all-1g.6gb', worker2));
    expect(plan.nodes[1].resourcesAfter).toEqual({ 'nvidia.com/mig-1g.6gb': 4 });
    expect(plan.writes).toEqual(['worker1', 'worker2']);
    expect(plan).toMatchObject({ blocked: false, needsAcknowledgement: false, strategy: 'mixed' });
    expect('configName' in plan).toBe(false);
    expect(configOfNode(plan, 'worker2')).toBe('all-1g.6gb');
    expect(configOfNode(plan, 'worker3')).toBeUndefined();
  });

  it('adds up the warnings, the errors and the cluster effect of every step', () => {
    const busy = viewOf(a30DisabledNode('worker2'), 'mixed', [wholeGpuPod('train', 'worker2')]);
    expect(planTwo([worker1, busy]).needsAcknowledgement).toBe(true);
    const unknown = planApplySteps({
      nodes: [worker1, worker2],
      steps: [
        { toConfig: 'all-balanced', nodes: ['worker1'] },
        { toConfig: 'all-9g.99gb', nodes: ['worker2'] },
      ],
      strategy: 'mixed',
      sourceFor: source,
    });
    expect(unknown.blocked).toBe(true);
    expect(unknown.nodes.map((node) => node.blocked)).toEqual([false, true]);
    // Disabling the only node with MIG slices while the other gets all-1g.6gb loses 2g.12gb only.
    const balanced = { ...viewOf(a30AllBalancedNode(), 'mixed'), name: 'worker1' };
    const effect = planApplySteps({
      nodes: [balanced, worker2],
      steps: [
        { toConfig: ALL_DISABLED_CONFIG, nodes: ['worker1'] },
        { toConfig: 'all-1g.6gb', nodes: ['worker2'] },
      ],
      strategy: 'mixed',
      sourceFor: source,
      clusterNodes: [balanced, worker2],
    }).clusterEffect;
    expect(effect?.lostResources.map((lost) => lost.resource)).toEqual(['nvidia.com/mig-2g.12gb']);
  });

  it('names only the nodes it planned: a node once, under its first step; unknown nodes left out', () => {
    const plan = planApplySteps({
      nodes: [worker1, worker2],
      steps: [
        { toConfig: 'all-balanced', nodes: ['worker1', 'gone'] },
        { toConfig: 'all-1g.6gb', nodes: ['worker1', 'worker2'] },
        { toConfig: 'all-2g.12gb', nodes: ['gone'] },
      ],
      strategy: 'mixed',
      sourceFor: source,
    });
    expect('steps' in plan && plan.steps).toEqual([
      { toConfig: 'all-balanced', nodes: ['worker1'] },
      { toConfig: 'all-1g.6gb', nodes: ['worker2'] },
    ]);
    expect(plan.nodes.map((node) => node.nodeName)).toEqual(['worker1', 'worker2']);
  });
});
