import fc from 'fast-check';
import { a30AllBalancedNode, clusterPolicy, gpuPod } from './__fixtures__/nodes';
import { resolveMigConfigSources, type ClusterMigConfigSources } from './configSource';
import type { NodeKind, PodKind } from './models';
import { buildGpuNodeView } from './nodeView';
import { NodeViewIndex, type NodeViewIndexInput } from './nodeViewIndex';
import { groupGpuPodsByNode } from './pods';
import { summarizeCluster } from './summary';

const NOW = new Date('2026-12-07T12:00:30Z');
const STATE = 'nvidia.com/mig.config.state';

/** An A30 worker named `name` at `version`, with extra labels. */
function node(name: string, version = '1', labels: Record<string, string> = {}): NodeKind {
  const object = a30AllBalancedNode({ labels: { 'kubernetes.io/hostname': name, ...labels } });
  object.metadata = { ...object.metadata, name, resourceVersion: version };
  return object;
}

const sourcesOf = (): ClusterMigConfigSources =>
  resolveMigConfigSources({ clusterPolicy: clusterPolicy('mixed'), configMaps: [] });

function input(
  nodes: NodeKind[],
  pods: PodKind[] = [],
  extra: Partial<NodeViewIndexInput> = {},
): NodeViewIndexInput {
  return { nodes, pods, strategy: 'mixed', sources: SOURCES, now: NOW, ...extra };
}

const SOURCES = sourcesOf();

/**
 * Every view built afresh, sorted by name: what the index must always equal. A pending node the
 * page has not seen pending before counts as first seen this minute.
 */
function fromScratch(data: NodeViewIndexInput) {
  const podsByNode = groupGpuPodsByNode([...data.pods]);
  const minute = new Date(Math.floor(data.now.getTime() / 60_000) * 60_000);
  const views = data.nodes
    .map((object) => {
      const name = object.metadata?.name ?? '';
      const pending = object.metadata?.labels?.[STATE] === 'pending';
      return buildGpuNodeView({
        node: object,
        pods: podsByNode.get(name) ?? [],
        ...(data.strategy ? { strategy: data.strategy } : {}),
        configSource: data.sources.forNode(name),
        now: minute,
        ...(pending
          ? { firstSeenPending: data.firstSeenPending?.(name) ?? minute.toISOString() }
          : {}),
      });
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { views, summary: summarizeCluster(views, data.strategy) };
}

describe('NodeViewIndex', () => {
  it('rebuilds only the node that changed and keeps every other view object', () => {
    const index = new NodeViewIndex();
    const nodes = ['n3', 'n1', 'n2'].map((name) => node(name));
    const first = index.update(input(nodes));
    expect(first.views.map((view) => view.name)).toEqual(['n1', 'n2', 'n3']);

    const changed = [...nodes];
    changed[2] = node('n2', '2', { [STATE]: 'failed' });
    const second = index.update(input(changed));
    expect(second.views[0]).toBe(first.views[0]);
    expect(second.views[2]).toBe(first.views[2]);
    expect(second.views[1]).not.toBe(first.views[1]);
    expect(second.views[1].migConfigState).toBe('failed');
    expect(second.summary.nodesByState).toMatchObject({ success: 2, failed: 1 });
  });

  it('returns the same views and summary when a list arrives again unchanged', () => {
    const index = new NodeViewIndex();
    const first = index.update(input([node('a'), node('b')]));
    // A new list, new objects, same resourceVersions; new sources with the same content.
    const again = index.update(input([node('a'), node('b')], [], { sources: sourcesOf() }));
    expect(again.views).toBe(first.views);
    expect(again.summary).toBe(first.summary);
  });

  it("rebuilds a node when its GPU pods change, not when another node's do", () => {
    const index = new NodeViewIndex();
    const nodes = [node('a'), node('b')];
    const pods = [gpuPod('p1', 'a', { 'nvidia.com/mig-1g.6gb': '1' })];
    const first = index.update(input(nodes, pods));
    // The same pod as a new object (another watch page): nothing to rebuild.
    const same = index.update(input(nodes, [gpuPod('p1', 'a', { 'nvidia.com/mig-1g.6gb': '1' })]));
    expect(same.views).toBe(first.views);
    const more = [...pods, gpuPod('p2', 'b', { 'nvidia.com/mig-2g.12gb': '1' })];
    const second = index.update(input(nodes, more));
    expect(second.views[0]).toBe(first.views[0]);
    expect(second.views[1].inUse).toEqual({ 'nvidia.com/mig-2g.12gb': 1 });
    expect(second.summary).toEqual(fromScratch(input(nodes, more)).summary);
  });

  it('keeps the summary object when a rebuilt view leaves every figure as it was', () => {
    const index = new NodeViewIndex();
    const first = index.update(input([node('a'), node('b')]));
    // A label the summary does not count: the view is new, the figures are not.
    const relabelled = index.update(input([node('a'), node('b', '2', { team: 'x' })]));
    expect(relabelled.views[1]).not.toBe(first.views[1]);
    expect(relabelled.summary).toBe(first.summary);
    const failed = index.update(input([node('a'), node('b', '3', { [STATE]: 'failed' })]));
    expect(failed.summary).not.toBe(first.summary);
  });

  it('rebuilds every view when the strategy changes', () => {
    const index = new NodeViewIndex();
    const nodes = [node('a'), node('b')];
    const first = index.update(input(nodes));
    const single = index.update(input(nodes, [], { strategy: 'single' }));
    expect(single.views[0]).not.toBe(first.views[0]);
    expect(single.summary.strategy).toBe('single');
    expect(single).toMatchObject(fromScratch(input(nodes, [], { strategy: 'single' })));
  });

  it('re-judges a pending node each minute and leaves the others alone', () => {
    const index = new NodeViewIndex();
    const nodes = [node('a'), node('b', '1', { [STATE]: 'pending' })];
    const first = index.update(input(nodes));
    const sameMinute = index.update(input([...nodes], [], { now: new Date(NOW.getTime() + 5000) }));
    expect(sameMinute.views).toBe(first.views);
    const nextMinute = index.update(input(nodes, [], { now: new Date(NOW.getTime() + 60_000) }));
    expect(nextMinute.views[0]).toBe(first.views[0]);
    expect(nextMinute.views[1]).not.toBe(first.views[1]);
  });

  it('uses when the page first saw a node pending', () => {
    const index = new NodeViewIndex();
    const nodes = [node('b', '1', { [STATE]: 'pending' })];
    const first = index.update(input(nodes));
    const seen = index.update(
      input([...nodes], [], { firstSeenPending: () => '2026-12-07T11:00:00.000Z' }),
    );
    expect(seen.views[0]).not.toBe(first.views[0]);
    expect(seen.views[0].stateSince).toEqual({ at: '2026-12-07T11:00:00.000Z', from: 'page' });
  });

  it('adds and removes nodes in name order', () => {
    const index = new NodeViewIndex();
    index.update(input([node('b'), node('d')]));
    const grown = index.update(input([node('b'), node('d'), node('a'), node('c'), node('e')]));
    expect(grown.views.map((view) => view.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const shrunk = index.update(input([node('e'), node('b')]));
    expect(shrunk.views.map((view) => view.name)).toEqual(['b', 'e']);
    expect(shrunk.summary.totalGpus).toBe(2);
  });

  it('builds a large batch in slices when given a deadline, never fewer than minBuilds', () => {
    const index = new NodeViewIndex();
    const nodes = ['a', 'b', 'c', 'd', 'e'].map((name) => node(name));
    const past = { deadline: performance.now() - 1, minBuilds: 2 };
    const slice = index.update(input(nodes), past);
    expect(slice).toMatchObject({ missing: 3, outdated: 0 });
    expect(slice.views.map((view) => view.name)).toEqual(['a', 'b']);
    const rest = index.update(input(nodes), { deadline: performance.now() + 60_000 });
    expect(rest).toMatchObject({ missing: 0, outdated: 0 });
    expect(rest.views.map((view) => view.name)).toEqual(['a', 'b', 'c', 'd', 'e']);

    // Changed nodes not reached keep their previous view until the next update.
    const changed = nodes.map((object) => node(object.metadata!.name!, '2', { [STATE]: 'failed' }));
    const partly = index.update(input(changed), past);
    expect(partly).toMatchObject({ missing: 0, outdated: 3 });
    expect(partly.views.map((view) => view.migConfigState)).toEqual([
      'failed',
      'failed',
      'success',
      'success',
      'success',
    ]);
    const done = index.update(input(changed));
    expect(done.outdated).toBe(0);
    expect(done).toMatchObject(fromScratch(input(changed)));
  });

  it('always equals building every view afresh (random changes)', () => {
    const names = ['n1', 'n2', 'n3', 'n4', 'n5'];
    const change = fc.record({
      node: fc.constantFrom(...names),
      kind: fc.constantFrom('state', 'remove', 'add', 'pod', 'unpod', 'strategy', 'minute'),
      value: fc.constantFrom('success', 'pending', 'failed'),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), (changes) => {
        const index = new NodeViewIndex();
        const nodes = new Map(names.map((name) => [name, node(name)]));
        const pods = new Map<string, PodKind>();
        let version = 1;
        let data = input([...nodes.values()]);
        index.update(data);
        for (const step of changes) {
          version += 1;
          if (step.kind === 'state' || step.kind === 'add') {
            nodes.set(step.node, node(step.node, String(version), { [STATE]: step.value }));
          } else if (step.kind === 'remove') nodes.delete(step.node);
          else if (step.kind === 'pod') {
            pods.set(
              step.node,
              gpuPod(`p-${step.node}`, step.node, { 'nvidia.com/mig-1g.6gb': '1' }),
            );
          } else if (step.kind === 'unpod') pods.delete(step.node);
          const strategy =
            step.kind === 'strategy'
              ? data.strategy === 'mixed'
                ? 'single'
                : 'mixed'
              : data.strategy;
          const now = step.kind === 'minute' ? new Date(data.now.getTime() + 60_000) : data.now;
          data = input([...nodes.values()], [...pods.values()], { strategy, now });
          const result = index.update(data);
          expect(result.views).toEqual(fromScratch(data).views);
          expect(result.summary).toEqual(fromScratch(data).summary);
        }
      }),
      { numRuns: 40 },
    );
  });
});
