import type { Patch } from '@openshift-console/dynamic-plugin-sdk';
import { writeMigConfig, type ApplyWrites, type PatchNode } from './applyOutcome';
import { configOfNode } from './applyPlan';
import { MIG_CONFIG_LABEL } from './labels';
import type { NodeKind } from './models';

/** Writing a plan of several configs (issue 15): each node its step's config, in step order. */
const node = (name: string): NodeKind => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name,
    resourceVersion: '7',
    labels: { [MIG_CONFIG_LABEL]: 'all-disabled' },
    annotations: {},
  },
  spec: {},
});

const LABEL_PATH = '/metadata/labels/nvidia.com~1mig.config';
const now = () => new Date('2026-12-08T01:00:00Z');
const get = (name: string) => Promise.resolve(node(name));

/** The API server's side: records each node's label write, refuses the nodes in `refuse`. */
function recordingPatch(refuse: string[] = []) {
  const written: Array<[string, unknown]> = [];
  const patch: PatchNode = (target, data: Patch[]) => {
    const name = target.metadata?.name ?? '';
    if (refuse.includes(name)) return Promise.reject(new Error('the request failed'));
    const label = data.find((op) => op.op === 'add' && op.path === LABEL_PATH);
    if (label) written.push([name, label.value]);
    return Promise.resolve(target);
  };
  return { patch, written };
}

const twoSteps: ApplyWrites = {
  steps: [
    { toConfig: 'all-3g.40gb', nodes: [node('a'), node('b')] },
    { toConfig: 'all-7g.80gb', nodes: [node('c')] },
  ],
};

describe('writeMigConfig with a plan of several steps', () => {
  it('writes each node its step’s config, step after step, and records which config each got', async () => {
    const { patch, written } = recordingPatch();
    const progress: string[] = [];
    const outcome = await writeMigConfig(
      {
        ...twoSteps,
        cordon: [],
        onProgress: (p) => progress.push(`${p.nodeName} ${p.index}/${p.total}`),
      },
      patch,
      now,
      get,
    );
    expect(written).toEqual([
      ['a', 'all-3g.40gb'],
      ['b', 'all-3g.40gb'],
      ['c', 'all-7g.80gb'],
    ]);
    expect(progress).toEqual(['a 1/3', 'b 2/3', 'c 3/3']);
    expect(outcome.complete).toBe(true);
    expect(outcome.results.map((result) => configOfNode(outcome, result.nodeName))).toEqual([
      'all-3g.40gb',
      'all-3g.40gb',
      'all-7g.80gb',
    ]);
    expect('configName' in outcome).toBe(false);
  });

  it('stops at the first failure: the later steps are not attempted', async () => {
    const { patch, written } = recordingPatch(['b']);
    const outcome = await writeMigConfig({ ...twoSteps, cordon: [] }, patch, now, get);
    expect(written).toEqual([['a', 'all-3g.40gb']]);
    expect(outcome.results.map((result) => result.status)).toEqual([
      'written',
      'failed',
      'not-attempted',
    ]);
    expect(outcome.complete).toBe(false);
  });

  it('writes one config on every node as before', async () => {
    const { patch, written } = recordingPatch();
    const outcome = await writeMigConfig(
      { configName: 'all-balanced', nodes: [node('a'), node('b')], cordon: [] },
      patch,
      now,
      get,
    );
    expect(written).toEqual([
      ['a', 'all-balanced'],
      ['b', 'all-balanced'],
    ]);
    expect(outcome).toMatchObject({ configName: 'all-balanced', complete: true });
  });
});
