import type { WaitReason } from '../../cluster/demand';
import { catalogueT } from './__fixtures__/catalogue';
import { demandText, makeRoomChangeText, waitReasonText } from './demandText';

const t = catalogueT();
const marked = catalogueT(true);
const THREE_G = 'nvidia.com/mig-3g.40gb';

const EVERY_REASON: WaitReason[] = [
  { kind: 'unreadable-request', issues: [] },
  { kind: 'mig-under-strategy-none', resourceName: THREE_G },
  { kind: 'mig-name-under-single', resourceName: THREE_G, profile: '3g.40gb' },
  { kind: 'whole-gpu-all-partitioned' },
  {
    kind: 'profile-not-made-here',
    resourceName: 'nvidia.com/mig-3g.20gb',
    profile: '3g.20gb',
    models: ['NVIDIA A100 80GB'],
    similar: ['3g.40gb'],
  },
  { kind: 'profile-not-made-here', resourceName: 'nvidia.com/mig-big', models: [], similar: [] },
  {
    kind: 'only-unavailable-nodes',
    resourceName: THREE_G,
    nodes: [{ name: 'gpu-node-4', why: 'cordoned', free: 2 }],
  },
  { kind: 'all-in-use', resourceName: THREE_G, allocatable: 2 },
  { kind: 'coming-with-change', resourceName: THREE_G, nodes: ['gpu-node-3'] },
  { kind: 'not-offered', resourceName: THREE_G },
  { kind: 'too-many-for-one-node', resourceName: THREE_G, wanted: 2, mostOnOneNode: 1 },
  { kind: 'no-node-has-all' },
  { kind: 'scheduling-gated' },
  { kind: 'taken-by-earlier-pods', resourceName: THREE_G, free: 1, ahead: 1 },
  { kind: 'fits-now' },
];

describe('waitReasonText', () => {
  it.each(EVERY_REASON.map((reason) => [reason.kind, reason] as const))(
    'words %s through the catalogue',
    (_kind, reason) => {
      expect(waitReasonText(marked, reason)).toMatch(/^«.*»$/);
    },
  );

  it('names the profile, the nodes and the nearest profiles', () => {
    expect(waitReasonText(t, EVERY_REASON[4])).toBe(
      'No GPU model here (NVIDIA A100 80GB) makes 3g.20gb; the nearest they make: 3g.40gb.',
    );
    expect(waitReasonText(t, EVERY_REASON[6])).toBe(
      '3g.40gb is free only on nodes that take no new pod: gpu-node-4 (cordoned).',
    );
    expect(waitReasonText(t, { kind: 'not-offered', resourceName: THREE_G })).toBe(
      'No node offers 3g.40gb under its current MIG config; a config change can.',
    );
  });
});

describe('demandText and makeRoomChangeText', () => {
  it('count pods and instances', () => {
    const demand = { resourceName: THREE_G, profile: '3g.40gb', pods: 2, instances: 2 };
    expect(demandText(t, demand)).toBe('2 pods wait for 3g.40gb');
    expect(demandText(t, { ...demand, pods: 1, instances: 1 })).toBe('1 pod waits for 3g.40gb');
    expect(demandText(t, { ...demand, instances: 3 })).toBe(
      '2 pods wait for 3g.40gb (3 instances)',
    );
  });

  it('say what a change frees and what it stops advertising', () => {
    const change = {
      node: 'gpu-node-3',
      toConfig: 'all-3g.40gb',
      gained: { [THREE_G]: 2 },
      lost: { 'nvidia.com/mig-1g.10gb': 7 },
      gpuPods: 0,
    };
    expect(makeRoomChangeText(t, change)).toBe('frees 3g.40gb ×2; stops advertising 1g.10gb ×7');
    expect(makeRoomChangeText(t, { ...change, lost: {} })).toBe('frees 3g.40gb ×2');
  });
});
