import {
  BUILT_IN_SOURCE,
  a100x8DisabledNode,
  a30DisabledNode,
  viewOf,
  wholeGpuPod,
  wholeGpusPod,
} from './__fixtures__/applyNodes';
import { a30AllBalancedNode } from './__fixtures__/nodes';
import {
  ALL_DISABLED_CONFIG,
  configOptions,
  groupGpuPlans,
  planApply,
  planNodeApply,
} from './applyPlan';
import type { ExistingProfile } from './openshiftAi';
import { readWithReboot } from './migManagerReboot';
import type { ClusterPolicyKind } from './models';

const source = () => BUILT_IN_SOURCE;

describe('planNodeApply', () => {
  it('previews all-balanced on a MIG-disabled A30 under mixed', () => {
    const node = viewOf(a30DisabledNode('worker1'), 'mixed');
    const plan = planNodeApply(node, 'all-balanced', 'mixed', BUILT_IN_SOURCE);
    expect(plan.blocked).toBe(false);
    expect(plan.skip).toBe(false);
    expect(plan.gpus).toHaveLength(1);
    expect(plan.gpus[0].before.migEnabled).toBe(false);
    expect(plan.gpus[0].after.migEnabled).toBe(true);
    expect(plan.gpus[0].after.layout?.instances.map((instance) => instance.profile).sort()).toEqual(
      ['1g.6gb', '1g.6gb', '2g.12gb'],
    );
    expect(plan.gpus[0].changedInstanceIds).toHaveLength(3);
    expect(plan.changes).toEqual([
      { resource: 'nvidia.com/gpu', before: 1, after: 0, delta: -1 },
      { resource: 'nvidia.com/mig-1g.6gb', before: 0, after: 2, delta: 2 },
      { resource: 'nvidia.com/mig-2g.12gb', before: 0, after: 1, delta: 1 },
    ]);
    expect(plan.issues).toEqual([]);
  });

  it('warns (does not block) when single cannot express the layout', () => {
    const node = viewOf(a30DisabledNode('worker1'), 'single');
    const plan = planNodeApply(node, 'all-balanced', 'single', BUILT_IN_SOURCE);
    expect(plan.blocked).toBe(false);
    expect(plan.issues.map((issue) => [issue.severity, issue.code])).toContainEqual([
      'warning',
      'single-strategy-invalid',
    ]);
    expect(plan.resourcesAfter).toEqual({});
  });

  it('blocks a config that is not in the file', () => {
    const plan = planNodeApply(
      viewOf(a30DisabledNode('worker1'), 'mixed'),
      'all-9g.99gb',
      'mixed',
      BUILT_IN_SOURCE,
    );
    expect(plan.blocked).toBe(true);
    expect(plan.issues[0]).toMatchObject({ severity: 'error', code: 'config-not-found' });
  });

  it('lists GPU pods with the warning that the change fails while they run', () => {
    const pod = wholeGpuPod('train-1', 'worker1');
    const node = viewOf(a30DisabledNode('worker1'), 'mixed', [pod]);
    const plan = planNodeApply(node, 'all-balanced', 'mixed', BUILT_IN_SOURCE);
    expect(plan.pods).toEqual([pod]);
    expect(plan.issues).toContainEqual({
      severity: 'warning',
      code: 'gpu-pods',
      details: ['sample-project/train-1'],
    });
  });

  it('skips a node that already has the value (the mig-manager reacts only to a change)', () => {
    const applied = planNodeApply(
      viewOf(a30DisabledNode('worker1'), 'mixed'),
      'all-disabled',
      'mixed',
      BUILT_IN_SOURCE,
    );
    expect(applied).toMatchObject({ skip: true, blocked: false });
    expect(applied.issues).toEqual([{ severity: 'info', code: 'already-applied', details: [] }]);

    const failed = planNodeApply(
      viewOf(
        a30DisabledNode('worker1', {
          'nvidia.com/mig.config': 'all-balanced',
          'nvidia.com/mig.config.state': 'failed',
        }),
        'mixed',
      ),
      'all-balanced',
      'mixed',
      BUILT_IN_SOURCE,
    );
    expect(failed.issues.map((issue) => issue.code)).toEqual(['same-value-no-retry']);
  });

  it('warns when a change is already in progress, and when the strategy is none', () => {
    const node = viewOf(
      a30DisabledNode('worker1', {
        'nvidia.com/mig.config': 'all-1g.6gb',
        'nvidia.com/mig.config.state': 'pending',
      }),
      'none',
    );
    const codes = planNodeApply(node, 'all-balanced', 'none', BUILT_IN_SOURCE).issues.map(
      (issue) => issue.code,
    );
    expect(codes).toEqual(expect.arrayContaining(['already-pending', 'strategy-none']));
  });
});

describe('WITH_REBOOT', () => {
  const withReboot = (value: string) =>
    readWithReboot({
      spec: { migManager: { env: [{ name: 'WITH_REBOOT', value }] } },
    } as ClusterPolicyKind);

  it('warns before a MIG mode change, which reboots the node when it fails', () => {
    const node = viewOf(a30DisabledNode('worker1'), 'mixed');
    const plan = planApply({
      nodes: [node],
      configName: 'all-balanced',
      strategy: 'mixed',
      sourceFor: source,
      withReboot: withReboot('true'),
    });
    expect(plan.nodes[0].issues).toEqual([
      {
        severity: 'warning',
        code: 'reboot-on-failure',
        details: [],
        reboot: { setting: 'on', modeChangeGpus: [0] },
      },
    ]);
    expect(plan.needsAcknowledgement).toBe(true);
  });

  it('says nothing when WITH_REBOOT is false or the MIG mode does not change', () => {
    const disabled = viewOf(a30DisabledNode('worker1'), 'mixed');
    const off = planNodeApply(
      disabled,
      'all-balanced',
      'mixed',
      BUILT_IN_SOURCE,
      withReboot('false'),
    );
    expect(off.issues).toEqual([]);
    // all-balanced → all-1g.6gb keeps MIG on: no GPU reset, no reboot.
    const enabled = viewOf(a30AllBalancedNode(), 'mixed');
    const sameMode = planNodeApply(
      enabled,
      'all-1g.6gb',
      'mixed',
      BUILT_IN_SOURCE,
      withReboot('true'),
    );
    expect(sameMode.issues.map((issue) => issue.code)).not.toContain('reboot-on-failure');
    const disabling = planNodeApply(
      enabled,
      'all-disabled',
      'mixed',
      BUILT_IN_SOURCE,
      withReboot('true'),
    );
    expect(disabling.issues.map((issue) => issue.code)).toContain('reboot-on-failure');
  });

  it('puts the reboot warning before the other warnings', () => {
    const pod = wholeGpuPod('train-1', 'worker1');
    const node = viewOf(a30DisabledNode('worker1'), 'none', [pod]);
    const plan = planNodeApply(node, 'all-balanced', 'none', BUILT_IN_SOURCE, withReboot('true'));
    expect(plan.issues.map((issue) => issue.code)).toEqual([
      'reboot-on-failure',
      'unverified-layout',
      'strategy-none',
      'gpu-pods',
    ]);
  });

  it('warns that it may reboot when the value cannot be read', () => {
    const plan = planNodeApply(
      viewOf(a30DisabledNode('worker1'), 'mixed'),
      'all-balanced',
      'mixed',
      BUILT_IN_SOURCE,
      withReboot('yes'),
    );
    expect(plan.issues[0].reboot).toEqual({
      setting: 'unknown',
      value: 'yes',
      modeChangeGpus: [0],
    });
  });
});

describe('planApply', () => {
  it('writes only the nodes that change and asks to acknowledge warnings', () => {
    const nodes = [
      viewOf(a30DisabledNode('worker1'), 'single'),
      viewOf(a30DisabledNode('worker2', { 'nvidia.com/mig.config': 'all-balanced' }), 'single'),
    ];
    const plan = planApply({
      nodes,
      configName: 'all-balanced',
      strategy: 'single',
      sourceFor: source,
    });
    expect(plan.writes).toEqual(['worker1']);
    expect(plan.blocked).toBe(false);
    expect(plan.needsAcknowledgement).toBe(true);
  });
});

describe('a node whose whole GPUs are partly in use', () => {
  const busy = (count: number) =>
    planNodeApply(
      viewOf(a100x8DisabledNode('a100-80-02'), 'mixed', [
        wholeGpusPod('full-gpu-job', 'a100-80-02', count),
      ]),
      'all-balanced',
      'mixed',
      BUILT_IN_SOURCE,
    );

  it('says how many of the GPUs are in use, and not which (the kubelet does not say)', () => {
    const plan = busy(2);
    expect(plan.wholeGpusInUse).toEqual({ inUse: 2, of: 8 });
    expect(plan.gpus.map((gpu) => gpu.before.wholeGpuInUse)).toEqual(Array(8).fill('unknown'));
  });

  it('draws every whole GPU in use only when pods hold all of them', () => {
    expect(busy(8).gpus.every((gpu) => gpu.before.wholeGpuInUse === true)).toBe(true);
    const idle = planNodeApply(
      viewOf(a100x8DisabledNode('a100-80-02'), 'mixed'),
      'all-balanced',
      'mixed',
      BUILT_IN_SOURCE,
    );
    expect(idle.wholeGpusInUse).toBeUndefined();
    expect(idle.gpus.every((gpu) => gpu.before.wholeGpuInUse === false)).toBe(true);
  });

  it('groups GPUs whose before and after look alike into one pair', () => {
    const groups = groupGpuPlans(busy(2).gpus);
    expect(groups.map((group) => group.indices)).toEqual([[0, 1, 2, 3, 4, 5, 6, 7]]);
    const mixedNode = viewOf(a30AllBalancedNode(), 'mixed');
    const twoKinds = planNodeApply(mixedNode, 'all-1g.6gb', 'mixed', BUILT_IN_SOURCE).gpus;
    expect(groupGpuPlans([...twoKinds, { ...twoKinds[0], index: 1 }])).toHaveLength(1);
    const idle = { ...twoKinds[0], index: 2, after: { ...twoKinds[0].after, untouched: true } };
    expect(groupGpuPlans([twoKinds[0], idle]).map((group) => group.indices)).toEqual([[0], [2]]);
  });
});

describe('the cluster-wide effect', () => {
  const balanced = viewOf(a30AllBalancedNode(), 'mixed');
  const disabled = viewOf(a30DisabledNode('worker2'), 'mixed');
  const profile = (name: string, identifiers: string[]): ExistingProfile => ({
    kind: 'HardwareProfile',
    name,
    namespace: 'redhat-ods-applications',
    displayName: `NVIDIA ${name}`,
    identifiers,
    enabled: true,
  });
  const profiles = [
    profile('mig-1g-6gb', ['nvidia.com/mig-1g.6gb']),
    profile('whole-gpu', ['nvidia.com/gpu']),
  ];
  const disable = (clusterNodes = [balanced, disabled]) =>
    planApply({
      nodes: [balanced],
      configName: ALL_DISABLED_CONFIG,
      strategy: 'mixed',
      sourceFor: source,
      clusterNodes,
      openShiftAiProfiles: profiles,
    });

  it("names the profiles that lose the cluster's last slice and the OpenShift AI profiles orphaned", () => {
    const plan = disable();
    expect(plan.clusterEffect?.lostResources).toEqual([
      { resource: 'nvidia.com/mig-1g.6gb', before: 2, nodes: ['worker1.redhat.com'] },
      { resource: 'nvidia.com/mig-2g.12gb', before: 1, nodes: ['worker1.redhat.com'] },
    ]);
    expect(plan.clusterEffect?.orphanedProfiles).toEqual([
      { profile: profiles[0], identifiers: ['nvidia.com/mig-1g.6gb'] },
    ]);
    expect(plan.needsAcknowledgement).toBe(true);
  });

  it('asks to acknowledge only profiles left orphaned (a lost resource alone may be the point)', () => {
    const plan = planApply({
      nodes: [balanced],
      configName: ALL_DISABLED_CONFIG,
      strategy: 'mixed',
      sourceFor: source,
      clusterNodes: [balanced, disabled],
    });
    expect(plan.clusterEffect?.lostResources).toHaveLength(2);
    expect(plan.needsAcknowledgement).toBe(false);
  });

  it('says nothing is lost while another node still offers the profile', () => {
    const other = viewOf(
      a30AllBalancedNode({ labels: { 'kubernetes.io/hostname': 'w3' } }),
      'mixed',
    );
    const plan = disable([balanced, disabled, { ...other, name: 'worker3' }]);
    expect(plan.clusterEffect).toEqual({
      lostResources: [],
      orphanedProfiles: [],
      unpredictable: [],
    });
  });
});

describe('configOptions', () => {
  it('offers the configs valid for an A30 and explains the others', () => {
    const options = configOptions([viewOf(a30DisabledNode('worker1'), 'mixed')], source);
    const byName = new Map(options.map((option) => [option.name, option]));
    expect(options[0].name).toBe('all-disabled');
    expect(byName.get('all-disabled')).toMatchObject({ available: true, current: true });
    expect(byName.get('all-balanced')?.available).toBe(true);
    expect(byName.get('all-1g.6gb')?.available).toBe(true);
    const h100Only = byName.get('all-1g.10gb');
    expect(h100Only?.available).toBe(false);
    expect(h100Only?.why).toContainEqual({
      kind: 'issue',
      issue: expect.objectContaining({ code: 'gpu-not-covered', configName: 'all-1g.10gb' }),
    });
    const firstUnavailable = options.findIndex((option) => !option.available);
    expect(options.slice(firstUnavailable).every((option) => !option.available)).toBe(true);
  });

  it('names the node of each reason when several are selected', () => {
    const options = configOptions(
      [viewOf(a30DisabledNode('worker1'), 'mixed'), viewOf(a30DisabledNode('worker2'), 'mixed')],
      source,
    );
    const unavailable = options.find((option) => !option.available);
    expect(unavailable?.why[0].node).toBe('worker1');
  });
});
