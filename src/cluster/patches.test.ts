import { applyJsonPatch } from '../../sandbox/patch';
import fc from 'fast-check';
import type { Patch } from '@openshift-console/dynamic-plugin-sdk';
import type { MigStrategy } from '../geometry/types';
import type { ClusterPolicyKind, NodeKind } from './models';
import {
  MIG_CONFIG_LABEL_PATH,
  MissingPreconditionError,
  clusterPolicySnapshot,
  cordonPatch,
  escapeJsonPointerSegment,
  mayRetryOnFreshResourceVersion,
  migConfigLabelPatch,
  nodeSnapshot,
  strategyPatch,
  uncordonPatch,
} from './patches';

const NOW = new Date('2026-09-01T10:00:00.000Z');
const CHANGED_AT = 'gpu-partitioning-plugin.openshift.io/mig-config-changed-at';

const node = (labels?: Record<string, string>, extra: Partial<NodeKind> = {}): NodeKind => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'worker1',
    resourceVersion: '42',
    ...(labels ? { labels } : {}),
    annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
  },
  spec: {},
  ...extra,
});

describe('escapeJsonPointerSegment', () => {
  it('escapes ~ before / as RFC 6901 requires', () => {
    expect(escapeJsonPointerSegment('nvidia.com/mig.config')).toBe('nvidia.com~1mig.config');
    expect(escapeJsonPointerSegment('a~/b')).toBe('a~0~1b');
    expect(MIG_CONFIG_LABEL_PATH).toBe('/metadata/labels/nvidia.com~1mig.config');
  });
});

describe('migConfigLabelPatch', () => {
  it('tests the previewed value, then replaces it and records when', () => {
    const current = node({ 'nvidia.com/mig.config': 'all-disabled' });
    const patch = migConfigLabelPatch(nodeSnapshot(current), 'all-balanced', NOW);
    expect(patch).toEqual([
      { op: 'test', path: MIG_CONFIG_LABEL_PATH, value: 'all-disabled' },
      { op: 'add', path: MIG_CONFIG_LABEL_PATH, value: 'all-balanced' },
      {
        op: 'add',
        path: `/metadata/annotations/${escapeJsonPointerSegment(CHANGED_AT)}`,
        value: NOW.toISOString(),
      },
    ]);
    const after = applyJsonPatch(current, patch);
    expect(after.metadata?.labels?.['nvidia.com/mig.config']).toBe('all-balanced');
    expect(after.metadata?.annotations?.[CHANGED_AT]).toBe(NOW.toISOString());
    expect(after.metadata?.annotations?.['node.alpha.kubernetes.io/ttl']).toBe('0');
  });

  it('fails when someone changed the label after the preview', () => {
    const previewed = node({ 'nvidia.com/mig.config': 'all-disabled' });
    const patch = migConfigLabelPatch(nodeSnapshot(previewed), 'all-balanced', NOW);
    const changed = node({ 'nvidia.com/mig.config': 'all-1g.6gb' });
    expect(() => applyJsonPatch(changed, patch)).toThrow(/rejected our request/);
  });

  it('tests the resourceVersion when the label is absent (absence cannot be tested)', () => {
    const current = node({ 'nvidia.com/gpu.present': 'true' });
    const patch = migConfigLabelPatch(nodeSnapshot(current), 'all-balanced', NOW);
    expect(patch[0]).toEqual({ op: 'test', path: '/metadata/resourceVersion', value: '42' });
    expect(applyJsonPatch(current, patch).metadata?.labels).toEqual({
      'nvidia.com/gpu.present': 'true',
      'nvidia.com/mig.config': 'all-balanced',
    });
    const newer = { ...current, metadata: { ...current.metadata, resourceVersion: '43' } };
    expect(() => applyJsonPatch(newer, patch)).toThrow(/rejected our request/);
  });

  it('creates labels and annotations objects only when they do not exist', () => {
    const bare: NodeKind = { metadata: { name: 'bare', resourceVersion: '1' }, spec: {} };
    const after = applyJsonPatch(
      bare,
      migConfigLabelPatch(nodeSnapshot(bare), 'all-disabled', NOW),
    );
    expect(after.metadata?.labels).toEqual({ 'nvidia.com/mig.config': 'all-disabled' });
    expect(after.metadata?.annotations).toEqual({ [CHANGED_AT]: NOW.toISOString() });
  });

  it('refuses to write unguarded when neither label nor resourceVersion is known', () => {
    const unknown: NodeKind = { metadata: { name: 'x' } };
    expect(() => migConfigLabelPatch(nodeSnapshot(unknown), 'all-disabled', NOW)).toThrow(
      MissingPreconditionError,
    );
  });
});

describe('cordonPatch / uncordonPatch', () => {
  const MARK = 'gpu-partitioning-plugin.openshift.io/cordoned-for-mig-change-at';
  const cordonedByPlugin = () => {
    const current = node({ 'nvidia.com/mig.config': 'all-disabled' });
    return applyJsonPatch(current, cordonPatch(nodeSnapshot(current), NOW));
  };

  it('cordons only while the node still has the previewed config and spec, and marks the cordon', () => {
    const current = node({ 'nvidia.com/mig.config': 'all-disabled' });
    const patch = cordonPatch(nodeSnapshot(current), NOW);
    expect(patch).toEqual([
      { op: 'test', path: MIG_CONFIG_LABEL_PATH, value: 'all-disabled' },
      { op: 'test', path: '/spec', value: {} },
      { op: 'add', path: '/spec/unschedulable', value: true },
      {
        op: 'add',
        path: '/metadata/annotations/gpu-partitioning-plugin.openshift.io~1cordoned-for-mig-change-at',
        value: NOW.toISOString(),
      },
    ]);
    const after = applyJsonPatch(current, patch);
    expect(after.spec?.unschedulable).toBe(true);
    expect(after.metadata?.annotations).toEqual({
      'node.alpha.kubernetes.io/ttl': '0',
      [MARK]: NOW.toISOString(),
    });
    expect(() => applyJsonPatch(node({ 'nvidia.com/mig.config': 'other' }), patch)).toThrow();
  });

  it("does not mark a cordon someone else set after the preview as the plugin's", () => {
    const previewed = node({ 'nvidia.com/mig.config': 'all-disabled' });
    const patch = cordonPatch(nodeSnapshot(previewed), NOW);
    const cordonedMeanwhile = node(
      { 'nvidia.com/mig.config': 'all-disabled' },
      { spec: { unschedulable: true } },
    );
    expect(() => applyJsonPatch(cordonedMeanwhile, patch)).toThrow(/rejected our request/);
  });

  it('creates the annotations object when the node has none', () => {
    const bare: NodeKind = { metadata: { name: 'bare', resourceVersion: '1' }, spec: {} };
    const after = applyJsonPatch(bare, cordonPatch(nodeSnapshot(bare), NOW));
    expect(after.metadata?.annotations).toEqual({ [MARK]: NOW.toISOString() });
  });

  it("uncordons only a node cordoned with the plugin's mark, and removes the mark", () => {
    const cordoned = cordonedByPlugin();
    for (const patch of [uncordonPatch(), uncordonPatch(NOW.toISOString())]) {
      const after = applyJsonPatch(cordoned, patch);
      expect(after.spec?.unschedulable).toBe(false);
      expect(after.metadata?.annotations).toEqual({ 'node.alpha.kubernetes.io/ttl': '0' });
    }
    expect(() => applyJsonPatch(node({}), uncordonPatch())).toThrow();
  });

  it("never undoes someone else's cordon", () => {
    const theirs = node({}, { spec: { unschedulable: true } });
    expect(() => applyJsonPatch(theirs, uncordonPatch())).toThrow(/rejected our request/);
    // The plugin's mark from an earlier cordon, but this cordon is a later one's.
    const marked = applyJsonPatch(cordonedByPlugin(), [
      { op: 'replace', path: '/metadata/annotations/' + MARK.replace('/', '~1'), value: 'x' },
    ]);
    expect(() => applyJsonPatch(marked, uncordonPatch(NOW.toISOString()))).toThrow(
      /rejected our request/,
    );
    // Uncordoned by someone else: nothing to undo.
    const uncordoned = applyJsonPatch(cordonedByPlugin(), [
      { op: 'remove', path: '/spec/unschedulable' },
    ]);
    expect(() => applyJsonPatch(uncordoned, uncordonPatch())).toThrow(/rejected our request/);
  });
});

describe('mayRetryOnFreshResourceVersion', () => {
  const withVersion = (current: NodeKind, resourceVersion: string): NodeKind => ({
    ...current,
    metadata: { ...current.metadata, resourceVersion },
  });
  const unlabelled = node({ 'nvidia.com/gpu.present': 'true' });
  const previewed = nodeSnapshot(unlabelled);

  it('retries when only an unrelated write moved the resourceVersion', () => {
    const fresh = withVersion(
      node({ 'nvidia.com/gpu.present': 'true', 'example.com/other': 'x' }),
      '57',
    );
    expect(mayRetryOnFreshResourceVersion(previewed, nodeSnapshot(fresh), 'mig-config')).toBe(true);
    expect(mayRetryOnFreshResourceVersion(previewed, nodeSnapshot(fresh), 'cordon')).toBe(true);
    // The retry is built on the fresh snapshot: it tests the new resourceVersion and passes.
    const retry = migConfigLabelPatch(nodeSnapshot(fresh), 'all-balanced', NOW);
    expect(retry[0]).toEqual({ op: 'test', path: '/metadata/resourceVersion', value: '57' });
    expect(applyJsonPatch(fresh, retry).metadata?.labels?.['nvidia.com/mig.config']).toBe(
      'all-balanced',
    );
  });

  it('does not retry once someone else has set the label', () => {
    const fresh = withVersion(node({ 'nvidia.com/mig.config': 'all-1g.6gb' }), '57');
    expect(mayRetryOnFreshResourceVersion(previewed, nodeSnapshot(fresh), 'mig-config')).toBe(
      false,
    );
    expect(mayRetryOnFreshResourceVersion(previewed, nodeSnapshot(fresh), 'cordon')).toBe(false);
  });

  it('does not retry a label-value guard: its refusal is a real change', () => {
    const labelled = nodeSnapshot(node({ 'nvidia.com/mig.config': 'all-disabled' }));
    const fresh = nodeSnapshot(withVersion(node({}), '57'));
    expect(mayRetryOnFreshResourceVersion(labelled, fresh, 'mig-config')).toBe(false);
  });

  it('does not cordon again a node someone else cordoned meanwhile; the label write may go on', () => {
    const fresh = nodeSnapshot(withVersion(node({}, { spec: { unschedulable: true } }), '57'));
    expect(mayRetryOnFreshResourceVersion(previewed, fresh, 'cordon')).toBe(false);
    expect(mayRetryOnFreshResourceVersion(previewed, fresh, 'mig-config')).toBe(true);
  });

  it('does not retry when the resourceVersion did not move, is unknown, or names another node', () => {
    expect(mayRetryOnFreshResourceVersion(previewed, previewed, 'mig-config')).toBe(false);
    const unknown = nodeSnapshot({ metadata: { name: 'worker1' } });
    expect(mayRetryOnFreshResourceVersion(previewed, unknown, 'mig-config')).toBe(false);
    const other = withVersion(node({}), '57');
    other.metadata = { ...other.metadata, name: 'worker2' };
    expect(mayRetryOnFreshResourceVersion(previewed, nodeSnapshot(other), 'mig-config')).toBe(
      false,
    );
  });
});

describe('strategyPatch', () => {
  const policy = (spec: ClusterPolicyKind['spec'] | undefined): ClusterPolicyKind => ({
    apiVersion: 'nvidia.com/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'gpu-cluster-policy', resourceVersion: '7' },
    ...(spec ? { spec } : {}),
  });

  it('tests and replaces an existing strategy', () => {
    const current = policy({ mig: { strategy: 'single' }, operator: { defaultRuntime: 'crio' } });
    const patch = strategyPatch(clusterPolicySnapshot(current), 'mixed');
    expect(patch).toEqual([
      { op: 'test', path: '/spec/mig/strategy', value: 'single' },
      { op: 'replace', path: '/spec/mig/strategy', value: 'mixed' },
    ]);
    expect(applyJsonPatch(current, patch).spec).toEqual({
      mig: { strategy: 'mixed' },
      operator: { defaultRuntime: 'crio' },
    });
    expect(() => applyJsonPatch(policy({ mig: { strategy: 'none' } }), patch)).toThrow();
  });

  it('adds spec.mig when absent, guarded by the resourceVersion', () => {
    const current = policy({ operator: { defaultRuntime: 'crio' } });
    const patch = strategyPatch(clusterPolicySnapshot(current), 'mixed');
    expect(patch).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '7' },
      { op: 'add', path: '/spec/mig', value: { strategy: 'mixed' } },
    ]);
    expect(applyJsonPatch(current, patch).spec?.mig).toEqual({ strategy: 'mixed' });
  });

  it('adds only the strategy when spec.mig exists without one, and spec when absent', () => {
    const empty = policy({ mig: {} });
    expect(
      applyJsonPatch(empty, strategyPatch(clusterPolicySnapshot(empty), 'single')).spec,
    ).toEqual({
      mig: { strategy: 'single' },
    });
    const none = policy(undefined);
    expect(applyJsonPatch(none, strategyPatch(clusterPolicySnapshot(none), 'mixed')).spec).toEqual({
      mig: { strategy: 'mixed' },
    });
  });
});

describe('patch builders, fuzzed', () => {
  const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'];
  const POINTER = /^(\/([^~/]|~[01])*)*$/;

  /** RFC 6902: an array of operations with a known `op`, a JSON pointer `path`, `value` where needed. */
  const expectValidJsonPatch = (patch: unknown) => {
    expect(Array.isArray(patch)).toBe(true);
    for (const operation of patch as Array<Record<string, unknown>>) {
      expect(OPS).toContain(operation.op);
      expect(typeof operation.path).toBe('string');
      expect(operation.path).toMatch(POINTER);
      if (['add', 'replace', 'test'].includes(operation.op as string)) {
        expect(operation).toHaveProperty('value');
      }
    }
    // What goes over the wire is what was built (no undefined, functions or cycles).
    expect(JSON.parse(JSON.stringify(patch))).toEqual(patch);
  };
  const expectGuardFirst = (patch: Patch[]) => expect(patch[0]?.op).toBe('test');

  const key = fc.oneof(
    fc.string(),
    fc.constantFrom(
      'nvidia.com/mig.config',
      'nvidia.com/mig.config.state',
      'a~b/c',
      '~1',
      '',
      CHANGED_AT,
      'gpu-partitioning-plugin.openshift.io/cordoned-for-mig-change-at',
    ),
  );
  const stringMap = fc.dictionary(key, fc.string(), { maxKeys: 6 });
  const odd = fc.oneof(fc.jsonValue(), stringMap);
  const randomNode = fc.record(
    {
      metadata: fc.oneof(
        fc.record(
          {
            name: fc.oneof(fc.string(), fc.jsonValue()),
            resourceVersion: fc.oneof(fc.stringMatching(/^[0-9]{1,6}$/), fc.jsonValue()),
            labels: odd,
            annotations: odd,
          },
          { requiredKeys: [] },
        ),
        fc.jsonValue(),
      ),
      spec: fc.oneof(
        fc.record({ unschedulable: fc.jsonValue(), taints: fc.jsonValue() }, { requiredKeys: [] }),
        fc.jsonValue(),
      ),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<NodeKind>;
  const configName = fc.oneof(fc.string(), fc.constantFrom('all-disabled', 'all-balanced'));
  const date = fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31') });
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const others = (map: unknown, ...dropped: string[]) =>
    Object.fromEntries(
      Object.entries(isObject(map) ? map : {}).filter(([name]) => !dropped.includes(name)),
    );

  /** Builds, or refuses with the one documented error: no label and no resourceVersion to test. */
  const buildOrRefuse = (build: () => Patch[]): Patch[] | undefined => {
    try {
      return build();
    } catch (error) {
      expect(error).toBeInstanceOf(MissingPreconditionError);
      return undefined;
    }
  };

  it('label patches are valid, guarded first, and keep every other label and annotation', () => {
    fc.assert(
      fc.property(randomNode, configName, date, (current, config, now) => {
        const snapshot = nodeSnapshot(current);
        const patch = buildOrRefuse(() => migConfigLabelPatch(snapshot, config, now));
        if (!patch) {
          expect(snapshot.migConfigLabel).toBeUndefined();
          expect(snapshot.resourceVersion).toBeUndefined();
          return;
        }
        expectValidJsonPatch(patch);
        expectGuardFirst(patch);
        if (!isObject(current.metadata)) return; // The API server refuses it: nothing changes.
        const after = applyJsonPatch(current, patch);
        expect(after.metadata?.labels?.['nvidia.com/mig.config']).toBe(config);
        expect(others(after.metadata?.labels, 'nvidia.com/mig.config')).toEqual(
          snapshot.hasLabels ? others(current.metadata.labels, 'nvidia.com/mig.config') : {},
        );
        expect(others(after.metadata?.annotations, CHANGED_AT)).toEqual(
          snapshot.hasAnnotations ? others(current.metadata.annotations, CHANGED_AT) : {},
        );
      }),
    );
  });

  it('cordon then uncordon leave the node as it was, but for the plugin mark', () => {
    const mark = 'gpu-partitioning-plugin.openshift.io/cordoned-for-mig-change-at';
    fc.assert(
      fc.property(randomNode, date, (current, now) => {
        const snapshot = nodeSnapshot(current);
        const cordon = buildOrRefuse(() => cordonPatch(snapshot, now));
        if (!cordon) return;
        expectValidJsonPatch(cordon);
        expectGuardFirst(cordon);
        const uncordon = uncordonPatch(now.toISOString());
        expectValidJsonPatch(uncordon);
        expectGuardFirst(uncordon);
        if (!isObject(current.metadata) || !isObject(current.spec)) return;
        const cordoned = applyJsonPatch(current, cordon);
        expect(cordoned.spec?.unschedulable).toBe(true);
        expect(cordoned.metadata?.annotations?.[mark]).toBe(now.toISOString());
        const uncordoned = applyJsonPatch(cordoned, uncordon);
        expect(uncordoned.spec).toEqual({ ...current.spec, unschedulable: false });
        expect(uncordoned.metadata?.labels).toEqual(current.metadata.labels);
        expect(others(uncordoned.metadata?.annotations)).toEqual(
          snapshot.hasAnnotations ? others(current.metadata.annotations, mark) : {},
        );
      }),
    );
  });

  it('uncordon refuses every node without the mark it tests', () => {
    fc.assert(
      fc.property(randomNode, fc.option(fc.string(), { nil: undefined }), (current, seen) => {
        const patch = uncordonPatch(seen);
        expectValidJsonPatch(patch);
        expectGuardFirst(patch);
        const annotations: unknown = isObject(current.metadata)
          ? current.metadata.annotations
          : undefined;
        const value = isObject(annotations)
          ? annotations['gpu-partitioning-plugin.openshift.io/cordoned-for-mig-change-at']
          : undefined;
        const carriesMark = value !== undefined && (seen === undefined || value === seen);
        const cordoned = isObject(current.spec) && current.spec.unschedulable === true;
        if (carriesMark && cordoned) return;
        expect(() => applyJsonPatch(current, patch)).toThrow(/rejected our request/);
      }),
    );
  });

  it('strategy patches are valid, guarded first, and keep the rest of the spec', () => {
    const policy = fc.record(
      {
        metadata: fc.record(
          { name: fc.string(), resourceVersion: fc.oneof(fc.string(), fc.jsonValue()) },
          { requiredKeys: [] },
        ),
        spec: fc.oneof(
          fc.record(
            {
              mig: fc.oneof(
                fc.record({ strategy: fc.jsonValue() }, { requiredKeys: [] }),
                fc.jsonValue(),
              ),
              operator: fc.jsonValue(),
            },
            { requiredKeys: [] },
          ),
          fc.jsonValue(),
        ),
      },
      { requiredKeys: [] },
    ) as fc.Arbitrary<ClusterPolicyKind>;
    fc.assert(
      fc.property(
        policy,
        fc.constantFrom<MigStrategy>('single', 'mixed', 'none'),
        (current, strategy) => {
          const snapshot = clusterPolicySnapshot(current);
          const patch = buildOrRefuse(() => strategyPatch(snapshot, strategy));
          if (!patch) return;
          expectValidJsonPatch(patch);
          expectGuardFirst(patch);
          const after = applyJsonPatch(current, patch);
          expect(after.spec?.mig?.strategy).toBe(strategy);
          if (snapshot.hasSpec) {
            expect(others(after.spec, 'mig')).toEqual(others(current.spec, 'mig'));
          }
        },
      ),
    );
  });

  it('the retry decision never throws on any pair of snapshots', () => {
    fc.assert(
      fc.property(
        randomNode,
        randomNode,
        fc.constantFrom('mig-config', 'cordon'),
        (a, b, write) => {
          const decision = mayRetryOnFreshResourceVersion(
            nodeSnapshot(a),
            nodeSnapshot(b),
            write as 'mig-config' | 'cordon',
          );
          expect(typeof decision).toBe('boolean');
        },
      ),
    );
  });
});
