import { catalogueT } from './__fixtures__/catalogue';
import { a30AllBalancedNode, clusterPolicy } from '../../cluster/__fixtures__/nodes';
import { builtInMigConfig, resolveMigConfigSources } from '../../cluster/configSource';
import type { NodeKind } from '../../cluster/models';
import { buildGpuNodeView, type BuildGpuNodeViewInput } from '../../cluster/nodeView';
import type { NodeConditionFacts, NodeGpuCondition } from '../../cluster/types';
import { parseMigPartedConfig } from '../../geometry';
import { conditionDetail, conditionTitle } from './conditionText';

/** The English catalogue (its plurals), interpolated. */
const t = catalogueT();
/** Marks what went through t(), to tell translated words from raw English. */
const marked = catalogueT(true);

const now = new Date('2026-11-25T12:00:00Z');
const builtIn = { config: builtInMigConfig(), view: { kind: 'default' as const } };

const CUSTOM = parseMigPartedConfig(`version: v1
mig-configs:
  too-many:
    - devices: all
      mig-enabled: true
      mig-devices:
        "1g.6gb": 5
  media:
    - devices: all
      mig-enabled: true
      mig-devices:
        "1g.6gb+me": 1
        "1g.6gb": 3
`).config!;

const view = (
  labels: Record<string, string> = {},
  options: Partial<BuildGpuNodeViewInput> = {},
  edit: (node: NodeKind) => void = () => undefined,
) => {
  const node = a30AllBalancedNode({ labels });
  edit(node);
  return buildGpuNodeView({
    node,
    pods: [],
    strategy: 'mixed',
    configSource: builtIn,
    now,
    ...options,
  });
};

/** Real nodes, each with conditions of the kinds the cluster layer builds. */
const scenarios = (): NodeGpuCondition[] =>
  [
    view(),
    view({ 'nvidia.com/gpu.count': 'two', 'nvidia.com/mig.capable': 'yes' }),
    view({ 'nvidia.com/mig.strategy': 'both', 'nvidia.com/mig.config.state': 'odd' }),
    view({ 'nvidia.com/gpu.memory': '1.5', 'nvidia.com/mig-1x.count': '1' }),
    view({}, {}, (node) => {
      node.status!.allocatable = { 'nvidia.com/mig-1g.6gb': '-1', 'nvidia.com/mig-2g.12gb': 'x' };
      node.status!.capacity = 'none' as never;
    }),
    view({ 'nvidia.com/gpu.product': '' }),
    view({}, {}, (node) => delete node.metadata!.labels!['nvidia.com/gpu.product']),
    view({ 'nvidia.com/gpu.product': 'NVIDIA-Z9000' }),
    view(
      { 'nvidia.com/gpu.product': 'NVIDIA-A30-MIG-INVALID', 'nvidia.com/gpu.count': '0' },
      { strategy: 'single' },
      (node) => (node.status!.allocatable = {}),
    ),
    view(
      { 'nvidia.com/gpu.product': 'NVIDIA-A30-MIG-INVALID', 'nvidia.com/gpu.count': '0' },
      { strategy: 'single' },
      (node) => (node.status = {}),
    ),
    view(
      {
        'nvidia.com/gpu.product': 'NVIDIA-A30-MIG-1g.6gb',
        'nvidia.com/gpu.count': '3',
        'nvidia.com/mig.config': 'all-1g.6gb',
      },
      { strategy: 'single' },
    ),
    view({}, { strategy: 'single' }),
    view({ 'nvidia.com/gpu.count': '0', 'nvidia.com/mig.config': 'all-1g.6gb' }),
    view({}, {}, (node) => delete node.metadata!.labels!['nvidia.com/gpu.count']),
    view(
      {},
      {
        configSource: resolveMigConfigSources({
          configMapsError: { code: 403, message: 'configmaps is forbidden' },
        }).forNode('worker1.redhat.com'),
      },
    ),
    view(
      {},
      {
        configSource: resolveMigConfigSources({
          clusterPolicy: clusterPolicy('mixed', 'custom-mig'),
          configMaps: [],
        }).forNode('worker1.redhat.com'),
      },
    ),
    view({ 'nvidia.com/mig.config': 'all-balanced-typo' }),
    view({ 'nvidia.com/gpu.product': 'NVIDIA-L40S', 'nvidia.com/mig.capable': 'false' }),
    view({ 'nvidia.com/gpu.product': 'NVIDIA-L40S' }, {}, (node) => {
      delete node.metadata!.labels!['nvidia.com/mig.capable'];
    }),
    view({ 'nvidia.com/mig.config': 'all-1g.10gb' }),
    view(
      { 'nvidia.com/mig.config': 'too-many' },
      { configSource: { config: CUSTOM, view: { kind: 'custom' } } },
    ),
    view(
      { 'nvidia.com/mig.config': 'media' },
      { configSource: { config: CUSTOM, view: { kind: 'custom' } } },
    ),
    view(
      {},
      { strategy: 'none' },
      (node) => (node.status!.allocatable = { 'nvidia.com/gpu': '1' }),
    ),
    view(
      {
        'nvidia.com/mig.config.state': 'pending',
        'nvidia.com/gpu.deploy.device-plugin': 'paused-for-mig-change',
      },
      { firstSeenPending: '2026-11-25T11:55:00Z' },
    ),
    view(
      {
        'nvidia.com/mig.config.state': 'pending',
        'nvidia.com/gpu.deploy.device-plugin': 'paused-for-mig-change',
      },
      { firstSeenPending: '2026-11-25T10:40:00Z' },
    ),
    view(
      { 'nvidia.com/mig.config.state': 'pending' },
      { firstSeenPending: '2026-11-25T11:20:00Z' },
    ),
    view({ 'nvidia.com/mig.config.state': 'pending' }, {}, (node) => {
      node.metadata!.annotations = {
        'gpu-partitioning-plugin.openshift.io/mig-config-changed-at': '2026-11-25T11:50:00Z',
      };
    }),
    view({ 'nvidia.com/mig.config.state': 'pending' }),
    view({ 'nvidia.com/mig.config.state': 'rebooting' }),
    view({
      'nvidia.com/mig.config.state': 'failed',
      'nvidia.com/gpu.deploy.dcgm': 'paused-for-mig-change',
    }),
    view({}, {}, (node) => (node.status!.allocatable!['nvidia.com/mig-1g.6gb'] = '1')),
    view(
      {},
      { strategy: 'single' },
      (node) => (node.status!.allocatable = { 'nvidia.com/gpu': '2' }),
    ),
    view({}, {}, (node) => (node.status!.allocatable = { cpu: '4' })),
    view({ 'nvidia.com/mig.config': 'all-disabled' }, {}, (node) => {
      node.status!.allocatable = { cpu: '4' };
    }),
  ].flatMap((node) => node.conditions);

const ALL_CODES: Array<NodeConditionFacts['code']> = [
  'malformed-label',
  'unreadable-quantity',
  'gfd-not-labelled',
  'model-not-in-catalog',
  'gpu-count-guess',
  'built-in-config',
  'config-not-found',
  'config-cannot-apply',
  'config-without-mig',
  'gpu-not-covered',
  'single-invalid',
  'mig-under-strategy-none',
  'stuck-pending',
  'pending',
  'rebooting',
  'failed',
  'operands-paused',
  'drifted',
  'no-gpu-resources',
  'predicted-slices',
];

/** What the cluster layer said in English for each condition the scenarios build: the words now. */
const WORDS: Record<string, Array<[title: string, detail?: string]>> = {
  'malformed-label': [
    [
      'Label nvidia.com/gpu.count has a value the plugin cannot read',
      "nvidia.com/gpu.count='two' is not a whole number ('two' is not a Kubernetes quantity (expected e.g. 2, 500m, 1k, 1Gi)). The value is ignored.",
    ],
    [
      'Label nvidia.com/mig.capable has a value the plugin cannot read',
      "nvidia.com/mig.capable='yes' is neither 'true' nor 'false'. The value is ignored.",
    ],
    [
      'Label nvidia.com/mig.config.state has a value the plugin cannot read',
      "nvidia.com/mig.config.state='odd' is not a state the mig-manager writes (pending, rebooting, success, failed). The value is ignored.",
    ],
    [
      'Label nvidia.com/mig.strategy has a value the plugin cannot read',
      "nvidia.com/mig.strategy='both' is not 'single' or 'mixed'. The value is ignored.",
    ],
    [
      'Label nvidia.com/mig-1x.count has a value the plugin cannot read',
      'nvidia.com/mig-1x.count does not name a MIG profile. The value is ignored.',
    ],
    [
      'Label nvidia.com/gpu.memory has a value the plugin cannot read',
      "nvidia.com/gpu.memory='1.5' is not a whole number ('1.5' is not a whole number; device counts are integers). The value is ignored.",
    ],
    [
      'Label nvidia.com/gpu.product has a value the plugin cannot read',
      'nvidia.com/gpu.product is empty. The value is ignored.',
    ],
  ],
  'unreadable-quantity': [
    [
      'A GPU resource quantity on the node cannot be read',
      "allocatable nvidia.com/mig-1g.6gb: '-1' is negative; a count cannot be. It is treated as absent.",
    ],
    [
      'A GPU resource quantity on the node cannot be read',
      "allocatable nvidia.com/mig-2g.12gb: 'x' is not a Kubernetes quantity (expected e.g. 2, 500m, 1k, 1Gi). It is treated as absent.",
    ],
    [
      'A GPU resource quantity on the node cannot be read',
      'capacity is not a map of resources. It is treated as absent.',
    ],
  ],
  'gfd-not-labelled': [
    [
      'GPU Feature Discovery has not labelled this node yet',
      'nvidia.com/gpu.product is missing (GFD not running yet, or paused for a MIG change), so the GPU model and its MIG geometry are unknown.',
    ],
  ],
  'model-not-in-catalog': [
    [
      "GPU model NVIDIA-Z9000 is not in the plugin's catalog",
      'Slice maps and predictions need the model geometry; resources are shown as the node advertises them.',
    ],
  ],
  'gpu-count-guess': [
    [
      'GPU count assumed to be 1',
      'nvidia.com/gpu.count is missing; the count is taken from capacity nvidia.com/gpu.',
    ],
    [
      'GPU count assumed to be 1',
      'GFD writes nvidia.com/gpu.count=0 with MIG-INVALID; the count is taken from capacity nvidia.com/gpu.',
    ],
    [
      'GPU count assumed to be 1',
      'GFD writes nvidia.com/gpu.count=0 with MIG-INVALID; one GPU is assumed.',
    ],
    [
      'GPU count assumed to be 3',
      'under the single strategy nvidia.com/gpu.count (3) counts MIG devices, not GPUs, and the config does not tell how many GPUs that is.',
    ],
    [
      'GPU count assumed to be 1',
      'nvidia.com/gpu.count is 0; the count is taken from capacity nvidia.com/gpu.',
    ],
  ],
  'built-in-config': [
    [
      'Predictions use the built-in config, not the cluster’s',
      "You are not allowed to read ConfigMaps in nvidia-gpu-operator. Ask an administrator to bind 'gpu-partitioning-plugin-viewer' to you: the ClusterRole (nodes, pods, ClusterPolicies) and, for the mig-parted ConfigMaps and pod logs, the Role of that name in the GPU operator's namespace. The ClusterPolicy names no custom config, and the ConfigMaps in nvidia-gpu-operator could not be listed; showing the plugin's built-in copy of NVIDIA's default config instead.",
    ],
    [
      'Predictions use the built-in config, not the cluster’s',
      "ConfigMap nvidia-gpu-operator/custom-mig does not exist. Predictions use the plugin's built-in copy of NVIDIA's default config, which may differ from what the mig-manager uses.",
    ],
  ],
  'config-not-found': [
    [
      "Config 'all-balanced-typo' is not in the mig-parted config in use",
      'config \'all-balanced-typo\' is not in the file (81 named configs); mig-parted fails with "selected mig-config not present" and the node state becomes failed.',
    ],
  ],
  'config-cannot-apply': [
    [
      "Config 'too-many' cannot be applied to this node",
      "config 'too-many', entry #0, GPU 0 (0x20B710DE): 5 × 1g.6gb requested, but at most 4 fit on one NVIDIA A30 24GB.",
    ],
    [
      "Config 'too-many' cannot be applied to this node",
      "config 'too-many', entry #0, GPU 0 (0x20B710DE): The instances need 5 compute slices (5 × 1g.6gb = 5) but NVIDIA A30 24GB has 4.",
    ],
  ],
  'config-without-mig': [
    [
      'nvidia.com/mig.config=all-balanced has no effect on this node',
      'GPU Feature Discovery reports no MIG on the NVIDIA-L40S (nvidia.com/mig.capable=false), so the GPU operator runs no mig-manager on this node and nothing applies the label: its GPUs are served whole.',
    ],
    [
      'nvidia.com/mig.config=all-balanced has no effect on this node',
      'The NVIDIA-L40S has no MIG, so the GPU operator runs no mig-manager on this node and nothing applies the label: its GPUs are served whole.',
    ],
  ],
  'gpu-not-covered': [
    [
      "No entry of 'all-1g.10gb' matches GPU 0",
      "mig-parted leaves this GPU as it is and still reports success. (Matching uses the NVIDIA A30 24GB's PCI id: GFD labels do not carry one.)",
    ],
  ],
  'single-invalid': [
    [
      'Single strategy cannot express this layout: the node advertises no GPUs',
      'GFD labelled the product NVIDIA-A30-MIG-INVALID. Invalid configuration detected for mig-strategy=single: more than one MIG device type present on node. The device plugin refuses to start (invalid MIG configuration: more than one MIG device type present on node), so the node advertises no GPU resources until the strategy or the layout changes.',
    ],
    [
      'Single strategy cannot express this layout: the node advertises no GPUs',
      'Invalid configuration detected for mig-strategy=single: more than one MIG device type present on node. The device plugin refuses to start (invalid MIG configuration: more than one MIG device type present on node), so the node advertises no GPU resources until the strategy or the layout changes.',
    ],
  ],
  'mig-under-strategy-none': [
    [
      'MIG is enabled but the cluster strategy is none',
      'The device plugin advertises each MIG-enabled GPU whole as nvidia.com/gpu; its MIG instances are not schedulable.',
    ],
  ],
  'stuck-pending': [
    [
      "Pending longer than the mig-manager's timeouts",
      "Longer than the mig-manager's own timeouts (5 minutes per paused operand). It writes no new state when operand pods do not stop, so this node may stay pending with its GPU operands paused. Check the nvidia-mig-manager pod's logs.",
    ],
    [
      "Pending longer than the mig-manager's timeouts",
      "Longer than the mig-manager's own timeouts (5 minutes per paused operand). It writes no new state when operand pods do not stop, so this node may stay pending. Check the nvidia-mig-manager pod's logs.",
    ],
  ],
  pending: [
    ["Applying 'all-balanced'", 'Pending since 2026-11-25T11:55:00Z (first seen by this page).'],
    ["Applying 'all-balanced'", 'Pending since 2026-11-25T11:50:00Z.'],
    ["Applying 'all-balanced'", 'Pending; the start time is unknown.'],
  ],
  rebooting: [
    [
      'Rebooting to change MIG mode',
      'The GPU reset could not be done in place; the state is re-evaluated after boot.',
    ],
  ],
  failed: [
    [
      "Applying 'all-balanced' failed",
      'The reason is in the nvidia-mig-manager pod logs. Setting the same value again does not retry.',
    ],
  ],
  'operands-paused': [
    [
      'GPU operands paused for a MIG change: device-plugin',
      'The node advertises no GPUs until the change completes.',
    ],
    [
      'GPU operands paused for a MIG change: dcgm',
      'The state is failed, yet the deploy labels still read paused-for-mig-change: the mig-manager stopped without restoring them.',
    ],
  ],
  drifted: [
    [
      'The node advertises different GPU resources than its config predicts',
      'nvidia.com/mig-1g.6gb: expected 2, allocatable 0, GFD label 2; nvidia.com/mig-2g.12gb: expected 1, allocatable 0, GFD label 1',
    ],
    [
      'The node advertises different GPU resources than its config predicts',
      'nvidia.com/gpu: expected 12, allocatable 0; nvidia.com/mig-1g.6gb: expected 0, allocatable 2, GFD label 2; nvidia.com/mig-2g.12gb: expected 0, allocatable 1, GFD label 1',
    ],
    [
      'The node advertises different GPU resources than its config predicts',
      'nvidia.com/mig-1g.6gb: expected 4, allocatable 2, GFD label 2; nvidia.com/mig-2g.12gb: expected 0, allocatable 1, GFD label 1',
    ],
    [
      'The node advertises different GPU resources than its config predicts',
      'nvidia.com/gpu: expected 1, allocatable 0; nvidia.com/mig-1g.6gb: expected 0, allocatable 2, GFD label 2; nvidia.com/mig-2g.12gb: expected 0, allocatable 1, GFD label 1',
    ],
    [
      'The node advertises different GPU resources than its config predicts',
      'nvidia.com/mig-1g.6gb: expected 3, allocatable 2, GFD label 2; nvidia.com/mig-1g.6gb.me: expected 1, allocatable 0; nvidia.com/mig-2g.12gb: expected 0, allocatable 1, GFD label 1',
    ],
    [
      'The node advertises different GPU resources than its config predicts',
      'nvidia.com/mig-1g.6gb: expected 2, allocatable 1, GFD label 2',
    ],
    [
      'The node advertises different GPU resources than its config predicts',
      'nvidia.com/gpu: expected 1, allocatable 0; nvidia.com/mig-1g.6gb: expected 0, allocatable 0, GFD label 2; nvidia.com/mig-2g.12gb: expected 0, allocatable 0, GFD label 1',
    ],
  ],
  'no-gpu-resources': [
    [
      'The node advertises no GPU resources',
      'status.allocatable has no nvidia.com/gpu or nvidia.com/mig-* entry, though its config predicts some: the device plugin is not running or not registered.',
    ],
  ],
  'predicted-slices': [
    [
      'Slice positions are predicted',
      'mig-parted lets the driver choose where each instance starts, and pods are matched to instances by resource only (inferred).',
    ],
    [
      'Slice positions are predicted',
      "mig-parted lets the driver choose where each instance starts, and pods are matched to instances by resource only (inferred). 1g.6gb+me next to other 1-slice instances is unverified: mig-parted's old layout enumerator rejects it and NVIDIA's documentation does not say.",
    ],
  ],
};

describe('conditionTitle and conditionDetail', () => {
  const conditions = scenarios();

  it('cover every condition code the cluster layer builds', () => {
    expect(new Set(conditions.map((condition) => condition.facts.code))).toEqual(
      new Set(ALL_CODES),
    );
  });

  it.each(ALL_CODES)('word %s from its facts', (code) => {
    const ofCode = conditions.filter((condition) => condition.facts.code === code);
    expect(ofCode.length).toBeGreaterThan(0);
    const said = ofCode.map((condition) => {
      const detail = conditionDetail(t, condition);
      expect(conditionTitle(marked, condition)).toMatch(/^«.*»$/s);
      if (detail !== undefined) expect(conditionDetail(marked, condition)).toMatch(/^«.*»/s);
      return detail === undefined
        ? [conditionTitle(t, condition)]
        : [conditionTitle(t, condition), detail];
    });
    expect(new Set(said.map((pair) => JSON.stringify(pair)))).toEqual(
      new Set(WORDS[code].map((pair) => JSON.stringify(pair))),
    );
  });

  it('keeps node data inside the translated words', () => {
    const stuck = conditions.find((condition) => condition.facts?.code === 'stuck-pending')!;
    expect(conditionTitle(marked, stuck)).toBe("«Pending longer than the mig-manager's timeouts»");
    const withoutMig = conditions.find((c) => c.facts?.code === 'config-without-mig')!;
    expect(conditionDetail(marked, withoutMig)).toBe(
      '«GPU Feature Discovery reports no MIG on the NVIDIA-L40S (nvidia.com/mig.capable=false), so the GPU operator runs no mig-manager on this node and nothing applies the label: its GPUs are served whole.»',
    );
    const label = conditions.find(
      (condition) =>
        condition.facts?.code === 'malformed-label' &&
        condition.facts.problem.label === 'nvidia.com/gpu.count',
    )!;
    expect(conditionDetail(marked, label)).toBe(
      "««nvidia.com/gpu.count='two' is not a whole number («'two' is not a Kubernetes quantity (expected e.g. 2, 500m, 1k, 1Gi)»)». The value is ignored.»",
    );
    const slices = conditions.find(
      (condition) =>
        condition.facts?.code === 'predicted-slices' && condition.facts.warnings.length > 0,
    )!;
    expect(conditionDetail(marked, slices)).toMatch(/^«mig-parted lets .*» «1g\.6gb\+me next to/);
  });

  it('says a GPU count guess and the uncovered GPUs with their counts', () => {
    const guess = conditions.find((condition) => condition.facts?.code === 'gpu-count-guess')!;
    expect(conditionTitle(t, guess)).toMatch(/^GPU count assumed to be \d+$/);
    const uncovered = conditions.find((condition) => condition.facts?.code === 'gpu-not-covered')!;
    expect(conditionDetail(t, uncovered)).toMatch(/^mig-parted leaves this GPU as it is/);
  });
});
