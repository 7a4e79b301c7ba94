import { applyJsonPatch } from '../../sandbox/patch';
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
  it('cordons only while the node still has the previewed config', () => {
    const current = node({ 'nvidia.com/mig.config': 'all-disabled' });
    const patch = cordonPatch(nodeSnapshot(current));
    expect(patch).toEqual([
      { op: 'test', path: MIG_CONFIG_LABEL_PATH, value: 'all-disabled' },
      { op: 'add', path: '/spec/unschedulable', value: true },
    ]);
    expect(applyJsonPatch(current, patch).spec?.unschedulable).toBe(true);
    expect(() => applyJsonPatch(node({ 'nvidia.com/mig.config': 'other' }), patch)).toThrow();
  });

  it('uncordons only a cordoned node', () => {
    const cordoned = node({}, { spec: { unschedulable: true } });
    expect(applyJsonPatch(cordoned, uncordonPatch()).spec?.unschedulable).toBe(false);
    expect(() => applyJsonPatch(node({}), uncordonPatch())).toThrow();
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
