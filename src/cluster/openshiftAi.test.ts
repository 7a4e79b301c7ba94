import fc from 'fast-check';
import type { NodeKind } from './models';
import {
  advertisedMigResources,
  analyseProfiles,
  applicationsNamespace,
  buildAcceleratorProfile,
  buildHardwareProfile,
  dedicatesNodesToGpus,
  profileDisplayName,
  profileObjectName,
  readAcceleratorProfile,
  readHardwareProfile,
  tolerates,
  type NodeTaint,
} from './openshiftAi';

const node = (name: string, allocatable: Record<string, string>, taints: NodeKind['spec'] = {}) =>
  ({
    metadata: { name, labels: { 'nvidia.com/gpu.present': 'true' } },
    spec: taints,
    status: { allocatable },
  }) as NodeKind;

const nodes = [
  node(
    'worker1',
    { 'nvidia.com/mig-1g.6gb': '2', 'nvidia.com/mig-2g.12gb': '1', cpu: '8' },
    { taints: [{ key: 'gpu-only', effect: 'NoSchedule' }] },
  ),
  node('worker2', { 'nvidia.com/mig-1g.6gb': '2', 'nvidia.com/mig-2g.12gb': '0' }),
];

describe('naming', () => {
  it('follows the article', () => {
    expect(profileObjectName('nvidia.com/mig-1g.6gb')).toBe('mig-1g-6gb');
    expect(profileObjectName('nvidia.com/mig-1g.10gb.me')).toBe('mig-1g-10gb-me');
    expect(profileDisplayName('nvidia.com/mig-2g.12gb')).toBe('NVIDIA mig-2g-12gb');
  });
});

describe('advertisedMigResources', () => {
  it('lists MIG resources with the nodes offering them and their tolerations', () => {
    const resources = advertisedMigResources(nodes);
    expect(resources.map((r) => [r.resource, r.nodes, r.total])).toEqual([
      ['nvidia.com/mig-1g.6gb', ['worker1', 'worker2'], 4],
      ['nvidia.com/mig-2g.12gb', ['worker1'], 1],
    ]);
    expect(resources[1].tolerations).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'gpu-only', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(resources[0].nodeSelector).toEqual({ 'nvidia.com/gpu.present': 'true' });
  });

  it('counts what the scheduler can give (allocatable), not the stale capacity', () => {
    // A node mid-change: the kubelet keeps 142 in capacity while the device plugin offers none.
    const pending = {
      metadata: { name: 'h100-01', labels: { 'nvidia.com/gpu.present': 'true' } },
      status: {
        capacity: { 'nvidia.com/mig-1g.10gb': '142', 'nvidia.com/mig-3g.40gb': '8' },
        allocatable: { 'nvidia.com/mig-1g.10gb': '0', 'nvidia.com/mig-3g.40gb': '8' },
      },
    } as NodeKind;
    const resources = advertisedMigResources([pending]);
    expect(resources.map((r) => [r.resource, r.nodes, r.total])).toEqual([
      ['nvidia.com/mig-3g.40gb', ['h100-01'], 8],
    ]);
  });
});

describe('tolerations: only taints that dedicate nodes to GPUs', () => {
  const offering = (taints: unknown[]) =>
    advertisedMigResources([
      node('worker1', { 'nvidia.com/mig-1g.6gb': '1' }, { taints } as NodeKind['spec']),
    ])[0];

  it('does not tolerate a cordon (the plugin cordons nodes for MIG changes)', () => {
    const resource = offering([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]);
    expect(resource.tolerations).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(resource.untoleratedTaints).toEqual([
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', nodes: ['worker1'] },
    ]);
  });

  it('does not tolerate an unreachable node: its pods are evicted', () => {
    const resource = offering([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
    ]);
    expect(resource.tolerations.map((t) => t.key)).toEqual(['nvidia.com/gpu']);
    expect(resource.untoleratedTaints.map((taint) => taint.key)).toEqual([
      'node.kubernetes.io/unreachable',
      'node.kubernetes.io/not-ready',
    ]);
  });

  it('does not tolerate a node-role taint', () => {
    const resource = offering([
      { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' },
      { key: 'node-role.kubernetes.io/infra', value: 'reserved', effect: 'NoExecute' },
    ]);
    expect(resource.tolerations).toHaveLength(1);
    expect(resource.untoleratedTaints).toEqual([
      { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule', nodes: ['worker1'] },
      {
        key: 'node-role.kubernetes.io/infra',
        value: 'reserved',
        effect: 'NoExecute',
        nodes: ['worker1'],
      },
    ]);
  });

  it("tolerates nvidia.com/gpu taints, copying a NoExecute taint's effect and value", () => {
    const resource = offering([
      { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
      { key: 'nvidia.com/gpu', value: 'present', effect: 'NoExecute' },
      { key: 'dedicated', value: 'gpu', effect: 'NoExecute' },
      { key: 'example.com/gpu-only', effect: 'NoExecute' },
      { key: 'team', value: 'research', effect: 'NoSchedule' },
      { key: 'nvidia.com/gpu', effect: 'PreferNoSchedule' },
    ]);
    expect(resource.tolerations).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoExecute' },
      { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoExecute' },
      { key: 'example.com/gpu-only', operator: 'Exists', effect: 'NoExecute' },
    ]);
    expect(resource.untoleratedTaints).toEqual([
      { key: 'team', value: 'research', effect: 'NoSchedule', nodes: ['worker1'] },
    ]);
  });

  it('names every node carrying an untolerated taint once', () => {
    const cordoned = {
      taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
    };
    const [resource] = advertisedMigResources([
      node('worker2', { 'nvidia.com/mig-1g.6gb': '1' }, cordoned),
      node('worker1', { 'nvidia.com/mig-1g.6gb': '1' }, cordoned),
      node('worker3', { 'nvidia.com/mig-1g.6gb': '1' }),
    ]);
    expect(resource.untoleratedTaints).toEqual([
      {
        key: 'node.kubernetes.io/unschedulable',
        effect: 'NoSchedule',
        nodes: ['worker1', 'worker2'],
      },
    ]);
  });

  it('never dedicates a Kubernetes domain to GPUs, whatever its words', () => {
    const taint = (key: string, value?: string): NodeTaint => ({
      key,
      ...(value ? { value } : {}),
      effect: 'NoSchedule',
    });
    expect(dedicatesNodesToGpus(taint('node.kubernetes.io/gpu'))).toBe(false);
    expect(dedicatesNodesToGpus(taint('gpu.k8s.io/x'))).toBe(false);
    expect(dedicatesNodesToGpus(taint('node-role.kubernetes.io/gpu', 'gpu'))).toBe(false);
    expect(dedicatesNodesToGpus(taint('nvidia.com/mig.config'))).toBe(true);
    expect(dedicatesNodesToGpus(taint('gpus', 'only'))).toBe(true);
    expect(dedicatesNodesToGpus(taint('gpuless'))).toBe(false);
  });
});

const anything = fc.anything({ withNullPrototype: true, withBoxedValues: true });
const taintArbitrary = fc.oneof(
  anything,
  fc.record(
    {
      key: fc.oneof(
        fc.constantFrom(
          'nvidia.com/gpu',
          'node.kubernetes.io/unschedulable',
          'node.kubernetes.io/unreachable',
          'node-role.kubernetes.io/master',
          'gpu-only',
        ),
        fc.string(),
        anything,
      ),
      value: fc.oneof(fc.constantFrom('gpu', 'present', ''), fc.string(), anything),
      effect: fc.oneof(fc.constantFrom('NoSchedule', 'NoExecute', 'PreferNoSchedule'), anything),
    },
    { requiredKeys: [] },
  ),
);
const nodeArbitrary = fc.oneof(
  anything,
  fc.record(
    {
      metadata: fc.oneof(
        fc.record({ name: fc.oneof(fc.string(), anything), labels: anything }),
        anything,
      ),
      spec: fc.oneof(
        fc.record({ taints: fc.oneof(fc.array(taintArbitrary), anything) }, { requiredKeys: [] }),
        anything,
      ),
      status: fc.oneof(
        fc.record({
          allocatable: fc.oneof(
            fc.dictionary(
              fc.oneof(
                fc.constantFrom('nvidia.com/mig-1g.6gb', 'nvidia.com/mig-2g.12gb'),
                fc.string(),
              ),
              fc.oneof(fc.constantFrom('1', '2', '0', '-1', '1k', 'x'), anything),
            ),
            anything,
          ),
        }),
        anything,
      ),
    },
    { requiredKeys: [] },
  ),
);

describe('fuzz: malformed nodes and profiles never throw', () => {
  it('advertisedMigResources gives well-formed tolerations, none for a Kubernetes taint', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(nodeArbitrary), anything), (input) => {
        const resources = advertisedMigResources(input as NodeKind[]);
        for (const resource of resources) {
          expect(resource.total).toBeGreaterThan(0);
          expect(resource.nodes.every((name) => typeof name === 'string')).toBe(true);
          for (const toleration of resource.tolerations) {
            expect(typeof toleration.key).toBe('string');
            expect(toleration.key).not.toMatch(/kubernetes\.io\//);
            expect(['NoSchedule', 'NoExecute']).toContain(toleration.effect);
            expect(toleration.operator === 'Exists' || typeof toleration.value === 'string').toBe(
              true,
            );
          }
          for (const taint of resource.untoleratedTaints) {
            expect(resource.tolerations.some((t) => tolerates(t, taint))).toBe(false);
          }
          expect(() => buildHardwareProfile(resource, 'ns')).not.toThrow();
          expect(() => buildAcceleratorProfile(resource, 'ns')).not.toThrow();
        }
      }),
    );
  });

  it('readers give text fields and string identifiers; analyseProfiles accepts them', () => {
    const identifier = fc.oneof(
      anything,
      fc.record(
        {
          identifier: fc.oneof(fc.constant('nvidia.com/mig-1g.6gb'), fc.string(), anything),
          resourceType: fc.oneof(fc.constantFrom('Accelerator', 'CPU'), anything),
        },
        { requiredKeys: [] },
      ),
    );
    const metadata = fc.oneof(
      anything,
      fc.record(
        {
          name: fc.oneof(fc.string(), anything),
          namespace: fc.oneof(fc.string(), anything),
          annotations: fc.oneof(
            fc.dictionary(
              fc.constantFrom('opendatahub.io/display-name', 'opendatahub.io/disabled'),
              anything,
            ),
            anything,
          ),
        },
        { requiredKeys: [] },
      ),
    );
    const hardware = fc.oneof(
      anything,
      fc.record(
        {
          metadata,
          spec: fc.oneof(
            anything,
            fc.record({ identifiers: fc.oneof(fc.array(identifier), anything) }),
          ),
        },
        { requiredKeys: [] },
      ),
    );
    const accelerator = fc.oneof(
      anything,
      fc.record(
        {
          metadata,
          spec: fc.oneof(
            anything,
            fc.record(
              { identifier: anything, displayName: anything, enabled: anything },
              { requiredKeys: [] },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.array(hardware), fc.array(accelerator), (hardwares, accelerators) => {
        const profiles = [
          ...hardwares.map((p) => readHardwareProfile(p as never)),
          ...accelerators.map((p) => readAcceleratorProfile(p as never)),
        ];
        for (const profile of profiles) {
          for (const field of [profile.name, profile.namespace, profile.displayName]) {
            expect(typeof field).toBe('string');
          }
          expect(profile.identifiers.every((id) => typeof id === 'string')).toBe(true);
        }
        const analysis = analyseProfiles(
          advertisedMigResources(nodes),
          profiles,
          'HardwareProfile',
        );
        expect(analysis.rows).toHaveLength(2);
        expect(typeof applicationsNamespace(profiles)).toBe('string');
      }),
    );
  });

  it('reads null items and non-array taints or identifiers as absent', () => {
    const [resource] = advertisedMigResources([
      node('a', { 'nvidia.com/mig-1g.6gb': '1' }, { taints: [null, 7, { key: 'gpu' }] } as never),
      node('b', { 'nvidia.com/mig-1g.6gb': '1' }, { taints: { key: 'x' } } as never),
      null as never,
    ]);
    expect(resource.nodes).toEqual(['a', 'b']);
    expect(resource.tolerations).toHaveLength(1);
    expect(resource.untoleratedTaints).toEqual([]);
    const profile = readHardwareProfile({
      metadata: { name: 'p', annotations: { 'opendatahub.io/display-name': 5 } },
      spec: { identifiers: [null, { identifier: 'nvidia.com/mig-1g.6gb' }] },
    } as never);
    expect(profile).toMatchObject({ displayName: 'p', identifiers: ['nvidia.com/mig-1g.6gb'] });
  });
});

describe('analyseProfiles', () => {
  const legacy = readAcceleratorProfile({
    metadata: { name: 'mig-1g-6gb', namespace: 'redhat-ods-applications' },
    spec: { displayName: 'NVIDIA mig-1g-6gb', enabled: true, identifier: 'nvidia.com/mig-1g.6gb' },
  });
  const staleHardware = readHardwareProfile({
    metadata: { name: 'mig-3g-20gb', namespace: 'my-ai' },
    spec: {
      identifiers: [
        { identifier: 'cpu', resourceType: 'CPU', defaultCount: 1, minCount: 1 },
        { identifier: 'nvidia.com/mig-3g.20gb', resourceType: 'Accelerator' },
      ],
    },
  });
  const exposing = readHardwareProfile({
    metadata: { name: 'mig-2g-12gb', namespace: 'my-ai' },
    spec: { identifiers: [{ identifier: 'nvidia.com/mig-2g.12gb', resourceType: 'Accelerator' }] },
  });

  it('finds existing, missing and stale profiles', () => {
    const analysis = analyseProfiles(
      advertisedMigResources(nodes),
      [legacy, staleHardware, exposing],
      'HardwareProfile',
    );
    expect(analysis.rows.map((row) => [row.proposedName, row.missing])).toEqual([
      ['mig-1g-6gb', true], // only a deprecated AcceleratorProfile exposes it
      ['mig-2g-12gb', false],
    ]);
    expect(analysis.rows[0].exposedBy).toEqual([legacy]);
    expect(analysis.stale).toEqual([
      { profile: staleHardware, identifiers: ['nvidia.com/mig-3g.20gb'] },
    ]);
  });

  it('notices a name already taken for another resource', () => {
    const taken = readHardwareProfile({
      metadata: { name: 'mig-1g-6gb', namespace: 'my-ai' },
      spec: { identifiers: [{ identifier: 'nvidia.com/gpu', resourceType: 'Accelerator' }] },
    });
    const analysis = analyseProfiles(advertisedMigResources(nodes), [taken], 'HardwareProfile');
    expect(analysis.rows[0].nameTakenBy).toEqual(taken);
  });

  it('uses the namespace existing profiles live in', () => {
    expect(applicationsNamespace([legacy, staleHardware, exposing])).toBe('my-ai');
    expect(applicationsNamespace([])).toBe('redhat-ods-applications');
  });
});

describe('create payloads', () => {
  const [resource] = advertisedMigResources(nodes);
  it('builds a HardwareProfile v1 with an accelerator identifier and node scheduling', () => {
    expect(buildHardwareProfile(resource, 'redhat-ods-applications')).toMatchObject({
      apiVersion: 'infrastructure.opendatahub.io/v1',
      kind: 'HardwareProfile',
      metadata: {
        name: 'mig-1g-6gb',
        namespace: 'redhat-ods-applications',
        annotations: {
          'opendatahub.io/display-name': 'NVIDIA mig-1g-6gb',
          'opendatahub.io/disabled': 'false',
        },
      },
      spec: {
        identifiers: [
          {
            identifier: 'nvidia.com/mig-1g.6gb',
            displayName: 'mig-1g.6gb',
            resourceType: 'Accelerator',
            defaultCount: 1,
            minCount: 1,
            maxCount: 1,
          },
        ],
        scheduling: {
          type: 'Node',
          node: {
            nodeSelector: { 'nvidia.com/gpu.present': 'true' },
            tolerations: [
              { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
              { key: 'gpu-only', operator: 'Exists', effect: 'NoSchedule' },
            ],
          },
        },
      },
    });
  });
  it('builds the deprecated AcceleratorProfile the article created', () => {
    expect(buildAcceleratorProfile(resource, 'ns')).toMatchObject({
      apiVersion: 'dashboard.opendatahub.io/v1',
      kind: 'AcceleratorProfile',
      metadata: { name: 'mig-1g-6gb', namespace: 'ns' },
      spec: {
        displayName: 'NVIDIA mig-1g-6gb',
        enabled: true,
        identifier: 'nvidia.com/mig-1g.6gb',
      },
    });
  });
});
