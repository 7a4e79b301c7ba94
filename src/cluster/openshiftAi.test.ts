import type { NodeKind } from './models';
import {
  advertisedMigResources,
  analyseProfiles,
  applicationsNamespace,
  buildAcceleratorProfile,
  buildHardwareProfile,
  profileDisplayName,
  profileObjectName,
  readAcceleratorProfile,
  readHardwareProfile,
} from './openshiftAi';

const node = (name: string, capacity: Record<string, string>, taints: NodeKind['spec'] = {}) =>
  ({
    metadata: { name, labels: { 'nvidia.com/gpu.present': 'true' } },
    spec: taints,
    status: { capacity },
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
