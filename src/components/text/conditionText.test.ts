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

describe('conditionTitle and conditionDetail', () => {
  const conditions = scenarios();

  it('cover every condition code the cluster layer builds', () => {
    expect(new Set(conditions.map((condition) => condition.facts?.code))).toEqual(
      new Set(ALL_CODES),
    );
  });

  it.each(ALL_CODES)('word %s from its facts, as the cluster layer says it in English', (code) => {
    const ofCode = conditions.filter((condition) => condition.facts?.code === code);
    expect(ofCode.length).toBeGreaterThan(0);
    for (const condition of ofCode) {
      expect(conditionTitle(t, condition)).toBe(condition.title);
      expect(conditionDetail(t, condition)).toBe(condition.detail);
      expect(conditionTitle(marked, condition)).toMatch(/^«.*»$/s);
      const detail = conditionDetail(marked, condition);
      if (condition.detail !== undefined) expect(detail).toMatch(/^«.*»/s);
    }
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

  it('keeps the title and detail of a condition without facts', () => {
    const plain: NodeGpuCondition = {
      kind: 'unknown-model',
      severity: 'info',
      title: 'as given',
      detail: 'detail as given',
    };
    expect(conditionTitle(marked, plain)).toBe('as given');
    expect(conditionDetail(marked, plain)).toBe('detail as given');
  });
});
