import fc from 'fast-check';
import { a30AllBalancedNode, gpuPod } from './__fixtures__/nodes';
import { builtInMigConfig } from './configSource';
import { buildGpuNodeView } from './nodeView';
import { gpuPodUsage } from './pods';
import type { NodeKind } from './models';
import type { GpuPodUsage } from './types';

const builtIn = { config: builtInMigConfig(), view: { kind: 'default' as const } };
const now = new Date('2026-11-25T12:00:00Z');

function viewOf(node: NodeKind, strategy: 'none' | 'single' | 'mixed' = 'mixed') {
  return buildGpuNodeView({ node, pods: [], strategy, configSource: builtIn, now });
}

function usages(...pods: ReturnType<typeof gpuPod>[]): GpuPodUsage[] {
  return pods.map((pod) => gpuPodUsage(pod)).filter((usage): usage is GpuPodUsage => !!usage);
}

describe('buildGpuNodeView: the article A30 after all-balanced under mixed', () => {
  it('predicts 2 × 1g.6gb + 1 × 2g.12gb and sees no drift despite stale gpu capacity', () => {
    const view = viewOf(a30AllBalancedNode(), 'mixed');
    expect(view.model?.id).toBe('a30-24gb');
    expect(view.gpuCount).toBe(1);
    expect(view.expected).toEqual({ 'nvidia.com/mig-1g.6gb': 2, 'nvidia.com/mig-2g.12gb': 1 });
    expect(view.capacity['nvidia.com/gpu']).toBe(1);
    expect(view.allocatable['nvidia.com/gpu']).toBe(0);
    expect(view.drift).toEqual([]);
    expect(view.conditions.map((c) => c.kind)).not.toContain('drifted');
    expect(view.primaryState).toBe('applied');
    expect(view.gpus[0].instances.map((i) => i.profile).sort()).toEqual([
      '1g.6gb',
      '1g.6gb',
      '2g.12gb',
    ]);
    expect(view.gpus[0].layout?.predicted).toBe(true);
  });

  it('marks instances in use from pods, inferred, oldest pod first', () => {
    const pods = usages(
      gpuPod(
        'newer',
        'worker1.redhat.com',
        { 'nvidia.com/mig-1g.6gb': '1' },
        { createdAt: '2026-11-21T00:00:00Z' },
      ),
      gpuPod(
        'older',
        'worker1.redhat.com',
        { 'nvidia.com/mig-1g.6gb': '1' },
        { createdAt: '2026-11-20T00:00:00Z' },
      ),
      gpuPod('elsewhere', 'worker2', { 'nvidia.com/mig-2g.12gb': '1' }),
    );
    const view = buildGpuNodeView({
      node: a30AllBalancedNode(),
      pods,
      strategy: 'mixed',
      configSource: builtIn,
      now,
    });
    const used = view.gpus[0].instances.filter((i) => i.inUse);
    expect(used.map((i) => i.podName)).toEqual(['older', 'newer']);
    expect(used.every((i) => i.assignmentInferred)).toBe(true);
    expect(view.inUse).toEqual({ 'nvidia.com/mig-1g.6gb': 2 });
  });
});

function kinds(view: ReturnType<typeof buildGpuNodeView>) {
  return view.conditions.map((condition) => condition.kind);
}

function build(
  labels: Record<string, string>,
  options: Partial<Parameters<typeof buildGpuNodeView>[0]> = {},
) {
  return buildGpuNodeView({
    node: a30AllBalancedNode({ labels }),
    pods: [],
    strategy: 'mixed',
    configSource: builtIn,
    now,
    ...options,
  });
}

describe('buildGpuNodeView: conditions', () => {
  it('drifted when allocatable disagrees with the prediction, naming both', () => {
    const node = a30AllBalancedNode();
    node.status!.allocatable!['nvidia.com/mig-1g.6gb'] = '1';
    const view = viewOf(node, 'mixed');
    expect(view.primaryState).toBe('drifted');
    expect(view.drift).toEqual([
      {
        resourceName: 'nvidia.com/mig-1g.6gb',
        expected: 2,
        allocatable: 1,
        labelCount: 2,
      },
    ]);
    expect(view.conditions.find((c) => c.kind === 'drifted')?.facts).toEqual({
      code: 'drifted',
      drift: view.drift,
    });
  });

  it('single strategy with MIG-INVALID: invalid, no drift reported on top', () => {
    const node = a30AllBalancedNode({
      labels: {
        'nvidia.com/gpu.product': 'NVIDIA-A30-MIG-INVALID',
        'nvidia.com/gpu.count': '0',
        'nvidia.com/mig.strategy': 'single',
      },
    });
    node.status!.allocatable = { cpu: '4' };
    const view = viewOf(node, 'single');
    expect(view.primaryState).toBe('invalid');
    expect(kinds(view)).toContain('single-invalid');
    expect(kinds(view)).not.toContain('drifted');
    expect(kinds(view)).not.toContain('missing-capacity');
    // Physical count recovered from the stale capacity the kubelet keeps.
    expect(view.gpuCount).toBe(1);
  });

  it('single strategy with a valid profile counts physical GPUs from MIG devices', () => {
    const node = a30AllBalancedNode({
      labels: {
        'nvidia.com/gpu.product': 'NVIDIA-A30-MIG-1g.6gb',
        'nvidia.com/gpu.count': '8',
        'nvidia.com/mig.strategy': 'single',
        'nvidia.com/mig.config': 'all-1g.6gb',
      },
    });
    node.status!.allocatable = { 'nvidia.com/gpu': '8' };
    const view = viewOf(node, 'single');
    expect(view.gpuCount).toBe(2);
    expect(view.expected).toEqual({ 'nvidia.com/gpu': 8 });
    expect(view.drift).toEqual([]);
    expect(view.gpus[0].instances.every((i) => i.resourceName === 'nvidia.com/gpu')).toBe(true);
  });

  it('MIG enabled under strategy none', () => {
    const node = a30AllBalancedNode();
    node.status!.allocatable = { 'nvidia.com/gpu': '1' };
    const view = viewOf(node, 'none');
    expect(kinds(view)).toContain('mig-under-strategy-none');
  });

  it('pending with paused operands, then stuck after the mig-manager timeouts', () => {
    const labels = {
      'nvidia.com/mig.config.state': 'pending',
      'nvidia.com/gpu.deploy.device-plugin': 'paused-for-mig-change',
    };
    const fresh = build(labels, { firstSeenPending: '2026-11-25T11:55:00Z' });
    expect(kinds(fresh)).toEqual(expect.arrayContaining(['pending', 'operands-paused']));
    expect(fresh.primaryState).toBe('pending');
    expect(fresh.stateSince).toEqual({ at: '2026-11-25T11:55:00Z', from: 'page' });
    expect(fresh.drift).toEqual([]);
    const stuck = build(labels, { firstSeenPending: '2026-11-25T11:00:00Z' });
    expect(kinds(stuck)).toContain('stuck-pending');
    expect(stuck.conditions.find((c) => c.kind === 'stuck-pending')?.facts).toEqual({
      code: 'stuck-pending',
      since: '2026-11-25T11:00:00Z',
      firstSeenByPage: true,
      operandsPaused: true,
    });
  });

  it('the changed-at annotation wins over the first observation', () => {
    const node = a30AllBalancedNode({ labels: { 'nvidia.com/mig.config.state': 'pending' } });
    node.metadata!.annotations = {
      'gpu-partitioning-plugin.openshift.io/mig-config-changed-at': '2026-11-25T10:00:00Z',
    };
    const view = buildGpuNodeView({
      node,
      pods: [],
      strategy: 'mixed',
      configSource: builtIn,
      now,
      firstSeenPending: '2026-11-25T11:59:00Z',
    });
    expect(view.stateSince).toEqual({ at: '2026-11-25T10:00:00Z', from: 'cluster' });
    expect(kinds(view)).toContain('stuck-pending');
  });

  it("the plugin's cordon mark shows only while the node is cordoned", () => {
    const MARK = 'gpu-partitioning-plugin.openshift.io/cordoned-for-mig-change-at';
    const cordoned = (unschedulable: boolean, mark?: string) => {
      const node = a30AllBalancedNode();
      node.spec = { ...node.spec, unschedulable };
      node.metadata!.annotations = mark === undefined ? {} : { [MARK]: mark };
      return viewOf(node);
    };
    expect(cordoned(true, '2026-11-25T10:00:00.000Z').cordonedForMigChange).toEqual({
      since: '2026-11-25T10:00:00.000Z',
    });
    // A mark that is not a date still says whose cordon it is.
    expect(cordoned(true, 'yes').cordonedForMigChange).toEqual({});
    // Someone else's cordon, or a mark left behind by an uncordon someone else made.
    expect(cordoned(true).cordonedForMigChange).toBeUndefined();
    expect(cordoned(false, '2026-11-25T10:00:00.000Z').cordonedForMigChange).toBeUndefined();
  });

  it('failed, rebooting', () => {
    expect(build({ 'nvidia.com/mig.config.state': 'failed' }).primaryState).toBe('failed');
    expect(kinds(build({ 'nvidia.com/mig.config.state': 'rebooting' }))).toContain('rebooting');
  });

  it('operands left paused after the run is flagged as a warning', () => {
    const view = build({ 'nvidia.com/gpu.deploy.dcgm': 'paused-for-mig-change' });
    const paused = view.conditions.find((c) => c.kind === 'operands-paused');
    expect(paused?.severity).toBe('warning');
  });

  it('unknown config name', () => {
    const view = build({ 'nvidia.com/mig.config': 'all-balanced-typo' });
    expect(kinds(view)).toContain('unknown-config');
    expect(view.primaryState).toBe('failed');
  });

  it('a typo in the config name: one condition, with the nearest config the node can take', () => {
    // What the mig-manager leaves: state failed, the GPUs as they were.
    const view = build({
      'nvidia.com/mig.config': 'all-balancd',
      'nvidia.com/mig.config.state': 'failed',
    });
    expect(view.conditions.filter((c) => c.severity !== 'info').map((c) => c.facts)).toEqual([
      expect.objectContaining({
        code: 'config-not-found',
        config: 'all-balancd',
        suggestion: 'all-balanced',
      }),
    ]);
    expect(view.primaryState).toBe('failed');
  });

  it('suggests only configs valid for the node, and nothing for a name far from all of them', () => {
    // all-1g.10gb has no entry for the A30: all-1g.6gb is the near name it can take.
    const near = build({ 'nvidia.com/mig.config': 'all-1g.10g' });
    const facts = near.conditions.find((c) => c.facts?.code === 'config-not-found')?.facts;
    expect(facts).toEqual(expect.objectContaining({ suggestion: 'all-1g.6gb' }));
    const far = build({ 'nvidia.com/mig.config': 'my-own-layout' });
    const farFacts = far.conditions.find((c) => c.facts?.code === 'config-not-found')?.facts;
    expect(farFacts).toEqual({
      code: 'config-not-found',
      config: 'my-own-layout',
      issue: expect.anything(),
    });
  });

  it('GPU not covered by the config', () => {
    // all-1g.10gb filters on H100/A100-80GB device ids only: the A30 is skipped.
    const view = build({ 'nvidia.com/mig.config': 'all-1g.10gb' });
    expect(kinds(view)).toContain('gpu-not-covered');
    expect(view.gpus[0].notCovered).toBe(true);
  });

  it('unknown GPU model and missing product', () => {
    expect(kinds(build({ 'nvidia.com/gpu.product': 'NVIDIA-Z9000' }))).toContain('unknown-model');
    const node = a30AllBalancedNode();
    delete node.metadata!.labels!['nvidia.com/gpu.product'];
    const view = viewOf(node, 'mixed');
    expect(view.conditions.find((c) => c.kind === 'unknown-model')?.severity).toBe('info');
    expect(view.gpus[0].instances).toEqual([]);
  });

  it('missing or malformed capacity', () => {
    const node = a30AllBalancedNode();
    node.status = {
      allocatable: { 'nvidia.com/mig-1g.6gb': '1k', 'nvidia.com/mig-2g.12gb': 'abc' },
    };
    const view = viewOf(node, 'mixed');
    expect(kinds(view)).toContain('missing-capacity');
    expect(view.allocatable['nvidia.com/mig-1g.6gb']).toBe(1000);
    const bare = a30AllBalancedNode();
    delete bare.status;
    expect(kinds(viewOf(bare, 'mixed'))).toContain('missing-capacity');
  });

  it('a built-in fallback is visible on the node', () => {
    const view = build(
      {},
      {
        configSource: {
          config: builtInMigConfig(),
          view: { kind: 'built-in', fallback: { kind: 'missing', namespace: 'n', configMap: 'x' } },
        },
      },
    );
    expect(view.conditions.map((c) => c.facts.code)).toContain('built-in-config');
  });

  it('never throws on garbage nodes', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (labels, status) => {
        const node = { metadata: { name: 'n', labels }, status } as unknown as NodeKind;
        const view = viewOf(node, 'mixed');
        expect(Array.isArray(view.conditions)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('buildGpuNodeView: GPUs without MIG', () => {
  it('a T4 (mig.capable=false) is shown whole without a catalog warning', () => {
    const node = a30AllBalancedNode({
      labels: { 'nvidia.com/gpu.product': 'Tesla-T4', 'nvidia.com/mig.capable': 'false' },
    });
    delete node.metadata!.labels!['nvidia.com/mig.config'];
    node.status!.allocatable = { 'nvidia.com/gpu': '1' };
    const view = viewOf(node);
    expect(view.migCapable).toBe(false);
    expect(view.conditions.map((c) => c.kind)).toEqual([]);
    expect(view.primaryState).toBe('disabled');
  });

  it('an L40S without the mig.capable label is a known GPU without MIG, not an unknown model', () => {
    const node = a30AllBalancedNode({ labels: { 'nvidia.com/gpu.product': 'NVIDIA-L40S' } });
    delete node.metadata!.labels!['nvidia.com/mig.capable'];
    delete node.metadata!.labels!['nvidia.com/mig.config'];
    node.status!.allocatable = { 'nvidia.com/gpu': '1' };
    const view = viewOf(node);
    expect(view.knownWithoutMig).toBe(true);
    expect(view.migCapable).toBe(false);
    expect(kinds(view)).not.toContain('unknown-model');
  });

  it('says that nvidia.com/mig.config has no effect on GPUs without MIG', () => {
    const node = a30AllBalancedNode({
      labels: {
        'nvidia.com/gpu.product': 'NVIDIA-X100-HYPOTHETICAL',
        'nvidia.com/mig.capable': 'false',
      },
    });
    node.status!.allocatable = { 'nvidia.com/gpu': '2' };
    const view = viewOf(node);
    expect(view.conditions.map((c) => c.facts)).toEqual([
      {
        code: 'config-without-mig',
        config: 'all-balanced',
        product: 'NVIDIA-X100-HYPOTHETICAL',
        byGfd: true,
      },
    ]);
    expect(view.primaryState).toBe('disabled');
  });
});

/** `metadata.managedFields` as the API server writes it: one entry per manager and operation. */
function managed(entries: Array<{ manager: string; time: string; labels: string[] }>) {
  return entries.map(({ manager, time, labels }) => ({
    manager,
    operation: 'Update',
    apiVersion: 'v1',
    time,
    fieldsType: 'FieldsV1',
    fieldsV1: {
      'f:metadata': {
        'f:labels': Object.fromEntries(labels.map((label) => [`f:${label}`, {}])),
      },
    },
  }));
}

describe('buildGpuNodeView: times the cluster keeps (managedFields)', () => {
  const pendingNode = (fields: ReturnType<typeof managed>) => {
    const node = a30AllBalancedNode({ labels: { 'nvidia.com/mig.config.state': 'pending' } });
    node.metadata!.managedFields = fields;
    return node;
  };
  const buildNode = (node: NodeKind, firstSeenPending?: string) =>
    buildGpuNodeView({
      node,
      pods: [],
      strategy: 'mixed',
      configSource: builtIn,
      now,
      ...(firstSeenPending ? { firstSeenPending } : {}),
    });

  it('pending since the state label was written, however recently the page opened', () => {
    const node = pendingNode(
      managed([
        { manager: 'kubelet', time: '2026-11-25T11:59:00Z', labels: ['kubernetes.io/hostname'] },
        {
          manager: 'nvidia-mig-manager',
          time: '2026-11-25T11:30:00Z',
          labels: ['nvidia.com/mig.config.state', 'nvidia.com/gpu.deploy.device-plugin'],
        },
        { manager: 'Mozilla', time: '2026-11-25T11:29:00Z', labels: ['nvidia.com/mig.config'] },
      ]),
    );
    // A reload: the page has seen it pending for a few seconds only.
    const view = buildNode(node, '2026-11-25T11:59:58Z');
    expect(view.stateSince).toEqual({ at: '2026-11-25T11:30:00Z', from: 'cluster' });
    expect(view.configSetAt).toBe('2026-11-25T11:29:00Z');
    // 30 minutes: past the mig-manager's timeouts, so stuck, right after the reload.
    expect(view.conditions.find((c) => c.kind === 'stuck-pending')?.facts).toEqual(
      expect.objectContaining({ since: '2026-11-25T11:30:00Z', firstSeenByPage: false }),
    );
  });

  it('falls back to the config label, then to when this page first saw it (and says so)', () => {
    const configOnly = pendingNode(
      managed([
        { manager: 'Mozilla', time: '2026-11-25T11:50:00Z', labels: ['nvidia.com/mig.config'] },
      ]),
    );
    expect(buildNode(configOnly, '2026-11-25T11:59:00Z').stateSince).toEqual({
      at: '2026-11-25T11:50:00Z',
      from: 'cluster',
    });
    const none = pendingNode([]);
    const view = buildNode(none, '2026-11-25T11:59:00Z');
    expect(view.stateSince).toEqual({ at: '2026-11-25T11:59:00Z', from: 'page' });
    expect(view.conditions.find((c) => c.kind === 'pending')?.facts).toEqual(
      expect.objectContaining({ since: '2026-11-25T11:59:00Z', firstSeenByPage: true }),
    );
  });

  it('a settled state carries the time it was written; without a record, none', () => {
    const node = a30AllBalancedNode();
    node.metadata!.managedFields = managed([
      {
        manager: 'nvidia-mig-manager',
        time: '2026-11-25T09:00:00Z',
        labels: ['nvidia.com/mig.config.state'],
      },
    ]);
    expect(buildNode(node).stateSince).toEqual({ at: '2026-11-25T09:00:00Z', from: 'cluster' });
    expect(buildNode(a30AllBalancedNode()).stateSince).toBeUndefined();
  });

  it('ignores malformed managedFields', () => {
    const node = pendingNode([
      null,
      {
        time: 'yesterday',
        fieldsV1: { 'f:metadata': { 'f:labels': { 'f:nvidia.com/mig.config.state': {} } } },
      },
      { time: '2026-11-25T11:00:00Z', fieldsV1: 'f:metadata' },
    ] as never);
    expect(buildNode(node, '2026-11-25T11:59:00Z').stateSince?.from).toBe('page');
  });
});
