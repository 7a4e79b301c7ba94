/**
 * Scenarios: small YAML files describing a cluster (nodes and their GPUs, the MIG strategy, extra
 * pods and ConfigMaps, whether OpenShift AI is installed). Loading checks every field and names the
 * file and field of the first problem; building derives labels, capacity and allocatable through
 * the simulated operator, so a scenario only states what a person would know about the hardware.
 * The format is documented in docs/sandbox.md.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { findModel, gfdProductFromNvmlName } from '../src/geometry/catalog';
import {
  DEFAULT_MIG_PARTED_CONFIG_MAP,
  MIG_PARTED_CONFIG_DATA_KEY,
  PER_NODE_CONFIG_MAP_COMPONENT_LABEL,
  PER_NODE_CONFIG_MAP_NODE_LABEL,
  generatedMigConfigYaml,
  perNodeConfigMapName,
} from '../src/geometry/configSource';
import { DEFAULT_MIG_PARTED_CONFIG_YAML } from '../src/geometry/defaultMigPartedConfig';
import { parseMigPartedConfig, type MigPartedConfigFile } from '../src/geometry/migParted';
import { predictNodeAfterConfig } from '../src/geometry/predictConfig';
import type { GpuModel, MigStrategy } from '../src/geometry/types';
import { configIssueText } from '../src/components/text/configIssueText';
import { englishT } from '../src/components/text/englishCatalogue';
import {
  CLUSTER_POLICY_KEY,
  CLUSTER_POLICY_NAME,
  FAILURE_CAUSES,
  FAIL_NEXT_ANNOTATION,
  MIG_CONFIG_LABEL,
  MIG_STATE_LABEL,
  OPERATOR_NAMESPACE,
  STICK_IN_PENDING_ANNOTATION,
  runningStatus,
  type GpuOperatorSimulation,
  type NodeHardware,
} from './operator';
import { rfc3339Seconds } from './managedFields';
import type { PodLogs } from './podLogs';
import { CRD_KEY } from './registry';
import { FieldReader, ScenarioError } from './scenarioFields';
import {
  createScenarioRbac,
  rbacNamespaces,
  readScenarioRbac,
  type ScenarioRbac,
} from './scenarioRbac';
import { installBootstrapPolicy } from './bootstrapPolicy';
import type { KubeObject, ObjectStore } from './store';

export { ScenarioError } from './scenarioFields';

export const SCENARIO_DIRECTORY = join(__dirname, 'scenarios');

// ------------------------------------------------------------------------------------- types

export interface ScenarioGpu {
  /** Catalog model (id, GFD product or PCI id) of a MIG-capable GPU. */
  model?: GpuModel;
  /** GFD product of a GPU the MIG catalog does not know (L40S, T4...). */
  product: string;
  deviceId: string;
  memoryMiB: number;
  family: string;
  computeMajor: number;
  computeMinor: number;
  count: number;
}

export interface ScenarioNode {
  name: string;
  roles: string[];
  gpu?: ScenarioGpu;
  migConfig?: string;
  appliedConfig?: string;
  failNextReconfigure?: string;
  stickInPending: boolean;
  /** Dates the writes of `nvidia.com/mig.config` and its state label this long before start. */
  migLabelsSetMinutesAgo?: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  unschedulable: boolean;
  taints: { key: string; value?: string; effect: string }[];
  advertised?: {
    labels?: Record<string, string | null>;
    capacity?: Record<string, string | null>;
    allocatable?: Record<string, string | null>;
  };
}

export interface ScenarioPod {
  name: string;
  namespace: string;
  node?: string;
  image: string;
  resources: Record<string, string>;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  nodeSelector: Record<string, string>;
  log?: string;
}

export interface Scenario {
  file: string;
  description: string;
  strategy: MigStrategy;
  migManager: {
    enabled: boolean;
    configName: string;
    defaultConfig: string;
    perNodeConfigs: boolean;
  };
  openshiftAi: boolean;
  driverVersion: string;
  namespaces: string[];
  nodes: ScenarioNode[];
  configMaps: { name: string; namespace: string; data: Record<string, string> }[];
  pods: ScenarioPod[];
  /** Extra roles and bindings (scenarioRbac.ts). */
  rbac: ScenarioRbac;
}

// ------------------------------------------------------------------------------------- parsing

const DNS_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const STRATEGIES: MigStrategy[] = ['none', 'single', 'mixed'];

/** Architecture (catalog wording) → GFD's `gpu.family` and compute capability. */
function familyOf(model: GpuModel): { family: string; major: number; minor: number } {
  const architecture = model.architecture.toLowerCase();
  if (architecture.includes('hopper')) return { family: 'hopper', major: 9, minor: 0 };
  if (architecture.includes('blackwell') && architecture.includes('gb202'))
    return { family: 'blackwell', major: 12, minor: 0 };
  if (architecture.includes('blackwell')) return { family: 'blackwell', major: 10, minor: 0 };
  return { family: 'ampere', major: 8, minor: 0 };
}

function readGpu(node: FieldReader): ScenarioGpu | undefined {
  const gpu = node.child('gpu', [
    'model',
    'product',
    'deviceId',
    'memoryMiB',
    'family',
    'computeCapability',
    'count',
  ]);
  if (!gpu) return undefined;
  const count = gpu.integer('count', 1, 1, 16);
  const modelText = gpu.optionalString('model');
  if (modelText !== undefined) {
    const model = findModel(modelText);
    if (!model) {
      return gpu.fail(
        'model',
        `unknown GPU model "${modelText}" (use a MIG catalog id such as a30-24gb or a100-80gb, a GFD product such as NVIDIA-A30, or a PCI id; for a GPU without MIG give product instead)`,
      );
    }
    const { family, major, minor } = familyOf(model);
    return {
      model,
      product:
        gpu.optionalString('product') ??
        model.gfdProducts[0] ??
        gfdProductFromNvmlName(model.nvmlNames[0] ?? model.displayName),
      deviceId: model.pciDeviceIds[0],
      memoryMiB: model.totalMemoryMiB,
      family,
      computeMajor: major,
      computeMinor: minor,
      count,
    };
  }
  const product = gpu.optionalString('product');
  if (!product)
    return gpu.fail('model', 'required (or product, for a GPU the MIG catalog does not know)');
  if (findModel(product)) {
    gpu.fail(
      'product',
      `"${product}" is a MIG-capable model in the catalog; write it as model: ${product}`,
    );
  }
  const capability = gpu.string('computeCapability', '8.9');
  const match = /^(\d+)\.(\d+)$/.exec(capability);
  if (!match) return gpu.fail('computeCapability', `must look like 8.9, not "${capability}"`);
  const deviceId = gpu.string('deviceId', '0x000010DE');
  if (!/^0x[0-9a-fA-F]{8}$/.test(deviceId))
    gpu.fail('deviceId', `must look like 0x26B510DE, not "${deviceId}"`);
  return {
    product,
    deviceId,
    memoryMiB: gpu.integer('memoryMiB', 16384, 1, 1 << 22),
    family: gpu.string('family', 'ada-lovelace'),
    computeMajor: Number(match[1]),
    computeMinor: Number(match[2]),
    count,
  };
}

function readNode(file: string, index: number, value: unknown): ScenarioNode {
  const node = FieldReader.of(file, `nodes[${index}]`, value, [
    'name',
    'roles',
    'gpu',
    'migConfig',
    'appliedConfig',
    'failNextReconfigure',
    'stickInPending',
    'migLabelsSetMinutesAgo',
    'labels',
    'annotations',
    'unschedulable',
    'taints',
    'advertised',
  ]);
  const name = node.string('name');
  if (!DNS_NAME.test(name))
    node.fail(
      'name',
      `"${name}" is not a valid node name (lower-case letters, digits, '-' and '.')`,
    );
  const roles = node.list('roles').map((role, roleIndex) => {
    if (typeof role !== 'string' || !/^[a-z0-9-]+$/.test(role))
      return node.fail(`roles[${roleIndex}]`, 'must be a role name such as worker');
    return role;
  });
  const gpu = readGpu(node);
  const failNext = node.optionalString('failNextReconfigure');
  if (failNext !== undefined && !(FAILURE_CAUSES as readonly string[]).includes(failNext)) {
    node.fail('failNextReconfigure', `"${failNext}" is not one of ${FAILURE_CAUSES.join(', ')}`);
  }
  const migConfig = node.optionalString('migConfig');
  if ((migConfig !== undefined || failNext !== undefined) && !gpu?.model) {
    node.fail(
      gpu ? 'migConfig' : 'gpu',
      gpu
        ? 'only a MIG-capable GPU (gpu.model) has a MIG config'
        : 'required when migConfig or failNextReconfigure is set',
    );
  }
  const taints = node.list('taints').map((taint, taintIndex) => {
    const reader = FieldReader.of(file, `nodes[${index}].taints[${taintIndex}]`, taint, [
      'key',
      'value',
      'effect',
    ]);
    const effect = reader.string('effect');
    if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect))
      reader.fail('effect', `"${effect}" is not NoSchedule, PreferNoSchedule or NoExecute`);
    return { key: reader.string('key'), value: reader.optionalString('value'), effect };
  });
  const advertisedReader = node.child('advertised', ['labels', 'capacity', 'allocatable']);
  return {
    name,
    roles: roles.length ? roles : ['worker'],
    gpu,
    migConfig,
    appliedConfig: node.optionalString('appliedConfig'),
    failNextReconfigure: failNext,
    stickInPending: node.boolean('stickInPending', false),
    migLabelsSetMinutesAgo:
      node.value.migLabelsSetMinutesAgo === undefined
        ? undefined
        : node.integer('migLabelsSetMinutesAgo', 0, 0, 525600),
    labels: node.stringMap('labels'),
    annotations: node.stringMap('annotations'),
    unschedulable: node.boolean('unschedulable', false),
    taints,
    advertised: advertisedReader
      ? {
          labels: advertisedReader.nullableStringMap('labels'),
          capacity: advertisedReader.nullableStringMap('capacity'),
          allocatable: advertisedReader.nullableStringMap('allocatable'),
        }
      : undefined,
  };
}

/** `generate:` — many similar nodes from a small spec (the `large` scenario). */
function generateNodes(file: string, value: unknown, pods: ScenarioPod[]): ScenarioNode[] {
  const spec = FieldReader.of(file, 'generate', value, [
    'count',
    'namePrefix',
    'gpusPerNode',
    'models',
    'podsPerNode',
    'podNamespace',
  ]);
  const count = spec.integer('count', 10, 1, 20000);
  const prefix = spec.string('namePrefix', 'gpu-node-');
  const gpusPerNode = spec.integer('gpusPerNode', 8, 1, 16);
  const podsPerNode = spec.integer('podsPerNode', 0, 0, 64);
  const podNamespace = spec.string('podNamespace', 'default');
  const models = spec.list('models').map((entry, index) => {
    const reader = FieldReader.of(file, `generate.models[${index}]`, entry, [
      'model',
      'weight',
      'configs',
    ]);
    const modelText = reader.string('model');
    const model = findModel(modelText);
    if (!model) return reader.fail('model', `unknown GPU model "${modelText}"`);
    const configs = reader.list('configs').map((config) => String(config));
    return {
      model: modelText,
      weight: reader.integer('weight', 1, 1, 1000),
      configs: configs.length ? configs : ['all-disabled'],
    };
  });
  if (models.length === 0) spec.fail('models', 'at least one model is required');
  const totalWeight = models.reduce((sum, model) => sum + model.weight, 0);
  const width = String(count).length;
  const nodes: ScenarioNode[] = [];
  for (let index = 0; index < count; index += 1) {
    // Deterministic spread: node i takes the model whose weight band contains i mod total.
    let slot = index % totalWeight;
    const choice = models.find((model) => (slot -= model.weight) < 0) ?? models[0];
    const configName = choice.configs[Math.floor(index / totalWeight) % choice.configs.length];
    const name = `${prefix}${String(index + 1).padStart(width, '0')}`;
    nodes.push(
      readNode(file, index, {
        name,
        gpu: { model: choice.model, count: gpusPerNode },
        migConfig: configName,
      }),
    );
    for (let podIndex = 0; podIndex < podsPerNode; podIndex += 1) {
      pods.push({
        name: `${name}-job-${podIndex + 1}`,
        namespace: podNamespace,
        node: name,
        image: 'quay.io/sandbox/inference:latest',
        resources: {},
        labels: { app: 'batch-inference' },
        annotations: {},
        nodeSelector: {},
      });
    }
  }
  return nodes;
}

function readPod(file: string, index: number, value: unknown): ScenarioPod {
  const pod = FieldReader.of(file, `pods[${index}]`, value, [
    'name',
    'namespace',
    'node',
    'image',
    'resources',
    'labels',
    'annotations',
    'nodeSelector',
    'log',
  ]);
  const name = pod.string('name');
  if (!DNS_NAME.test(name)) pod.fail('name', `"${name}" is not a valid pod name`);
  const resources = pod.stringMap('resources');
  for (const [resource, quantity] of Object.entries(resources)) {
    if (!/^\d+$/.test(quantity))
      pod.fail(`resources.${resource}`, `must be a whole number, not "${quantity}"`);
  }
  return {
    name,
    namespace: pod.string('namespace', 'default'),
    node: pod.optionalString('node'),
    image: pod.string('image', 'quay.io/sandbox/inference:latest'),
    resources,
    labels: pod.stringMap('labels'),
    annotations: pod.stringMap('annotations'),
    nodeSelector: pod.stringMap('nodeSelector'),
    log: pod.optionalString('log'),
  };
}

/** Parses and checks a scenario's text. `file` names it in error messages. */
export function parseScenario(text: string, file: string): Scenario {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new ScenarioError(file, '', `not valid YAML: ${(error as Error).message}`);
  }
  const root = FieldReader.of(file, '', document, [
    'description',
    'strategy',
    'migManager',
    'openshiftAi',
    'driverVersion',
    'namespaces',
    'nodes',
    'generate',
    'configMaps',
    'pods',
    'rbac',
  ]);
  const strategy = root.string('strategy', 'single');
  if (!STRATEGIES.includes(strategy as MigStrategy))
    root.fail('strategy', `"${strategy}" is not one of none, single, mixed`);
  const migManager = root.child('migManager', [
    'enabled',
    'configName',
    'defaultConfig',
    'perNodeConfigs',
  ]);
  const defaultConfig = migManager?.string('defaultConfig', 'all-disabled') ?? 'all-disabled';
  if (defaultConfig !== 'all-disabled' && defaultConfig !== '') {
    migManager?.fail(
      'defaultConfig',
      `"${defaultConfig}" is not all-disabled or "" (the ClusterPolicy's enum)`,
    );
  }
  const pods = root.list('pods').map((pod, index) => readPod(file, index, pod));
  const nodes = root.list('nodes').map((node, index) => readNode(file, index, node));
  if (root.value.generate !== undefined)
    nodes.push(...generateNodes(file, root.value.generate, pods));
  const seen = new Set<string>();
  nodes.forEach((node, index) => {
    if (seen.has(node.name))
      throw new ScenarioError(file, `nodes[${index}].name`, `duplicate node name "${node.name}"`);
    seen.add(node.name);
  });
  pods.forEach((pod, index) => {
    if (pod.node !== undefined && !seen.has(pod.node)) {
      throw new ScenarioError(
        file,
        `pods[${index}].node`,
        `no node named "${pod.node}" in this scenario`,
      );
    }
  });
  const configMaps = root.list('configMaps').map((entry, index) => {
    const reader = FieldReader.of(file, `configMaps[${index}]`, entry, [
      'name',
      'namespace',
      'data',
    ]);
    return {
      name: reader.string('name'),
      namespace: reader.string('namespace', OPERATOR_NAMESPACE),
      data: reader.stringMap('data'),
    };
  });
  const namespaces = root.list('namespaces').map((namespace, index) => {
    if (typeof namespace !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) {
      throw new ScenarioError(file, `namespaces[${index}]`, 'must be a namespace name');
    }
    return namespace;
  });
  const scenario: Scenario = {
    file,
    description: root.string('description', ''),
    strategy: strategy as MigStrategy,
    migManager: {
      enabled: migManager?.boolean('enabled', true) ?? true,
      configName:
        migManager?.string('configName', DEFAULT_MIG_PARTED_CONFIG_MAP) ??
        DEFAULT_MIG_PARTED_CONFIG_MAP,
      defaultConfig,
      perNodeConfigs: migManager?.boolean('perNodeConfigs', true) ?? true,
    },
    openshiftAi: root.boolean('openshiftAi', false),
    driverVersion: root.string('driverVersion', '550.90.07'),
    namespaces,
    nodes,
    configMaps,
    pods,
    rbac: readScenarioRbac(file, root.value.rbac),
  };
  checkConfigNames(scenario);
  return scenario;
}

/** Every node's applied config must exist and fit its GPU (it describes the hardware as it is). */
function checkConfigNames(scenario: Scenario): void {
  const custom = scenario.migManager.configName;
  let customConfig: MigPartedConfigFile | undefined;
  if (custom && custom !== DEFAULT_MIG_PARTED_CONFIG_MAP) {
    const configMap = scenario.configMaps.find(
      (entry) => entry.name === custom && entry.namespace === OPERATOR_NAMESPACE,
    );
    const text = configMap?.data[MIG_PARTED_CONFIG_DATA_KEY];
    if (text !== undefined) customConfig = parseMigPartedConfig(text).config;
  }
  const defaultConfig = parseMigPartedConfig(DEFAULT_MIG_PARTED_CONFIG_YAML).config;
  scenario.nodes.forEach((node, index) => {
    if (!node.gpu?.model || node.appliedConfig === undefined) return;
    const model = node.gpu.model;
    const config =
      customConfig ??
      (scenario.migManager.perNodeConfigs ? generatedConfigFor(model) : defaultConfig);
    if (!config) return;
    const prediction = predictAfter(
      config,
      node.appliedConfig,
      model,
      node.gpu.count,
      scenario.strategy,
    );
    if (!prediction.found) {
      throw new ScenarioError(
        scenario.file,
        `nodes[${index}].appliedConfig`,
        `no config named "${node.appliedConfig}" for ${model.displayName}`,
      );
    }
    const blocking = prediction.errors.filter(
      (issue) => issue.code !== 'single-strategy-invalid' && issue.code !== 'gpu-not-covered',
    );
    if (blocking.length > 0) {
      throw new ScenarioError(
        scenario.file,
        `nodes[${index}].appliedConfig`,
        configIssueText(englishT, blocking[0]),
      );
    }
  });
}

const generatedYamlByModel = new Map<string, string>();

/** The per-node config the v26.3 mig-manager generates for a node of one GPU model (cached). */
function generatedYaml(model: GpuModel): string {
  let text = generatedYamlByModel.get(model.id);
  if (text === undefined) {
    text = generatedMigConfigYaml([{ deviceId: model.pciDeviceIds[0], model }]);
    generatedYamlByModel.set(model.id, text);
  }
  return text;
}

function generatedConfigFor(model: GpuModel): MigPartedConfigFile | undefined {
  return parseMigPartedConfig(generatedYaml(model)).config;
}

function predictAfter(
  config: MigPartedConfigFile,
  configName: string,
  model: GpuModel,
  count: number,
  strategy: MigStrategy,
) {
  return predictNodeAfterConfig({
    config,
    configName,
    strategy,
    product: model.gfdProducts[0] ?? '',
    gpus: Array.from({ length: count }, (_, index) => ({
      index,
      deviceId: model.pciDeviceIds[0],
      model,
      current: { migEnabled: false, counts: {} },
    })),
  });
}

/** A scenario by name (`seed` → `sandbox/scenarios/seed.yaml`) or by path. */
export function loadScenario(nameOrPath: string): Scenario {
  const byName = join(SCENARIO_DIRECTORY, `${nameOrPath}.yaml`);
  const path = /[/\\]|\.ya?ml$/.test(nameOrPath) ? resolve(nameOrPath) : byName;
  const shown =
    isAbsolute(path) && path.startsWith(process.cwd()) ? relative(process.cwd(), path) : path;
  if (!existsSync(path)) {
    const known = [
      'seed',
      'mixed-fleet',
      'single-invalid',
      'data-science',
      'demand',
      'fragmented',
      'large',
      'xlarge',
    ].join(', ');
    throw new ScenarioError(shown, '', `no such scenario file (built-in scenarios: ${known})`);
  }
  return parseScenario(readFileSync(path, 'utf8'), shown);
}

// ------------------------------------------------------------------------------------- building

/** A stable id per node, as the kubelet reports it (the console's node Details show them). */
function nodeIdentity(name: string, kind: string, dashed: boolean): string {
  const hex = createHash('sha256').update(`${kind}:${name}`).digest('hex').slice(0, 32);
  if (!dashed) return hex;
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

function crd(
  group: string,
  kind: string,
  plural: string,
  scope: 'Cluster' | 'Namespaced',
  version: string,
  columns: { name: string; type: string; jsonPath: string }[],
): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase() },
      scope,
      versions: [
        {
          name: version,
          served: true,
          storage: true,
          subresources: { status: {} },
          additionalPrinterColumns: columns,
          schema: {
            openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          },
        },
      ],
    },
    status: {
      conditions: [{ type: 'Established', status: 'True', reason: 'InitialNamesAccepted' }],
      acceptedNames: { kind, plural },
    },
  };
}

const BASE_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'openshift-operators',
  OPERATOR_NAMESPACE,
];

export interface ClusterParts {
  store: ObjectStore;
  logs: PodLogs;
  operator: GpuOperatorSimulation;
}

function nodeObject(node: ScenarioNode, index: number): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': 'linux',
    'node.openshift.io/os_id': 'rhcos',
  };
  for (const role of node.roles) labels[`node-role.kubernetes.io/${role}`] = '';
  if (node.gpu) {
    labels['feature.node.kubernetes.io/pci-10de.present'] = 'true';
    for (const operand of [
      'driver',
      'container-toolkit',
      'operator-validator',
      'device-plugin',
      'gpu-feature-discovery',
      'dcgm-exporter',
      'dcgm',
      'node-status-exporter',
    ]) {
      labels[`nvidia.com/gpu.deploy.${operand}`] = 'true';
    }
    if (node.gpu.model) labels['nvidia.com/gpu.deploy.mig-manager'] = 'true';
  }
  Object.assign(labels, node.labels);
  const annotations: Record<string, string> = {
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
    ...node.annotations,
  };
  if (node.failNextReconfigure) annotations[FAIL_NEXT_ANNOTATION] = node.failNextReconfigure;
  if (node.stickInPending) annotations[STICK_IN_PENDING_ANNOTATION] = 'true';
  const cpu = node.gpu ? '64' : '8';
  const memoryKi = node.gpu ? 527988224 : 32827192;
  const ip = `10.0.${Math.floor(index / 250)}.${10 + (index % 250)}`;
  const spec: Record<string, unknown> = {};
  if (node.unschedulable) spec.unschedulable = true;
  const taints = [...node.taints];
  if (node.roles.includes('master') || node.roles.includes('control-plane')) {
    taints.push({ key: 'node-role.kubernetes.io/master', value: undefined, effect: 'NoSchedule' });
  }
  if (taints.length)
    spec.taints = taints.map((taint) =>
      taint.value === undefined ? { key: taint.key, effect: taint.effect } : taint,
    );
  const time = now();
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node.name, labels, annotations },
    spec,
    status: {
      capacity: {
        cpu,
        memory: `${memoryKi}Ki`,
        pods: '250',
        'ephemeral-storage': '104266732Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
      },
      allocatable: {
        cpu: `${Number(cpu) - 1}500m`,
        memory: `${memoryKi - 1048576}Ki`,
        pods: '250',
        'ephemeral-storage': '96093604Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
      },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
          lastHeartbeatTime: time,
          lastTransitionTime: time,
        },
        {
          type: 'DiskPressure',
          status: 'False',
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
          lastHeartbeatTime: time,
          lastTransitionTime: time,
        },
        {
          type: 'PIDPressure',
          status: 'False',
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
          lastHeartbeatTime: time,
          lastTransitionTime: time,
        },
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastHeartbeatTime: time,
          lastTransitionTime: time,
        },
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: node.name },
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: nodeIdentity(node.name, 'boot', true),
        containerRuntimeVersion: 'cri-o://1.32.4-3.rhaos4.19',
        kernelVersion: '5.14.0-427.65.1.el9_4.x86_64',
        kubeProxyVersion: 'v1.32.5',
        kubeletVersion: 'v1.32.5',
        machineID: nodeIdentity(node.name, 'machine', false),
        operatingSystem: 'linux',
        osImage: 'Red Hat Enterprise Linux CoreOS 419.94.202506041356-0',
        systemUUID: nodeIdentity(node.name, 'system', true),
      },
    },
  };
}

function podObject(pod: ScenarioPod, store: ObjectStore): KubeObject {
  const resources = Object.keys(pod.resources).length
    ? { requests: pod.resources, limits: pod.resources }
    : {};
  const spec: Record<string, unknown> = {
    containers: [{ name: 'main', image: pod.image, resources }],
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    serviceAccountName: 'default',
  };
  if (Object.keys(pod.nodeSelector).length) spec.nodeSelector = pod.nodeSelector;
  const qosClass = Object.keys(pod.resources).length ? 'Burstable' : 'BestEffort';
  let status: Record<string, unknown> = { phase: 'Pending', qosClass };
  if (pod.node) {
    spec.nodeName = pod.node;
    status = {
      ...runningStatus(store, pod.node),
      qosClass,
      podIP: '10.128.2.15',
      containerStatuses: [
        {
          name: 'main',
          image: pod.image,
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: now() } },
        },
      ],
    };
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: pod.name,
      namespace: pod.namespace,
      labels: pod.labels,
      ...(Object.keys(pod.annotations).length ? { annotations: pod.annotations } : {}),
    },
    spec,
    status,
  };
}

function applyOverrides(
  target: Record<string, string>,
  overrides: Record<string, string | null> | undefined,
): Record<string, string> {
  const result = { ...target };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === null) delete result[key];
    else result[key] = value;
  }
  return result;
}

/** Fills an empty store with the scenario's cluster, settled as the operator would leave it. */
export function buildCluster(scenario: Scenario, parts: ClusterParts): void {
  const { store, logs, operator } = parts;
  const namespaces = new Set([
    ...BASE_NAMESPACES,
    ...scenario.namespaces,
    ...scenario.pods.map((pod) => pod.namespace),
    ...scenario.configMaps.map((entry) => entry.namespace),
    ...rbacNamespaces(scenario.rbac),
  ]);
  if (scenario.openshiftAi) namespaces.add('redhat-ods-applications');
  for (const namespace of namespaces) {
    store.create('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespace, labels: { 'kubernetes.io/metadata.name': namespace } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  installBootstrapPolicy(store);
  createScenarioRbac(scenario.file, scenario.rbac, store);
  store.create(
    CRD_KEY,
    crd('nvidia.com', 'ClusterPolicy', 'clusterpolicies', 'Cluster', 'v1', [
      { name: 'Status', type: 'string', jsonPath: '.status.state' },
    ]),
  );
  store.create(
    CRD_KEY,
    crd('nvidia.com', 'NVIDIADriver', 'nvidiadrivers', 'Cluster', 'v1alpha1', []),
  );
  if (scenario.openshiftAi) {
    store.create(
      CRD_KEY,
      crd(
        'dashboard.opendatahub.io',
        'AcceleratorProfile',
        'acceleratorprofiles',
        'Namespaced',
        'v1',
        [],
      ),
    );
    store.create(
      CRD_KEY,
      crd(
        'infrastructure.opendatahub.io',
        'HardwareProfile',
        'hardwareprofiles',
        'Namespaced',
        'v1',
        [],
      ),
    );
  }
  store.create(CLUSTER_POLICY_KEY, {
    apiVersion: 'nvidia.com/v1',
    kind: 'ClusterPolicy',
    metadata: { name: CLUSTER_POLICY_NAME },
    spec: {
      operator: { defaultRuntime: 'crio', use_ocp_driver_toolkit: true },
      driver: { enabled: true, version: scenario.driverVersion },
      toolkit: { enabled: true },
      devicePlugin: { enabled: true },
      gfd: { enabled: true },
      dcgm: { enabled: true },
      dcgmExporter: { enabled: true },
      validator: { plugin: { env: [{ name: 'WITH_WORKLOAD', value: 'false' }] } },
      mig: { strategy: scenario.strategy },
      migManager: {
        enabled: scenario.migManager.enabled,
        config: {
          name: scenario.migManager.configName,
          default: scenario.migManager.defaultConfig,
        },
        gpuClientsConfig: { name: '' },
        env: [{ name: 'WITH_REBOOT', value: 'false' }],
      },
      daemonsets: { updateStrategy: 'RollingUpdate' },
    },
    status: {
      state: 'ready',
      namespace: OPERATOR_NAMESPACE,
      conditions: [{ type: 'Ready', status: 'True', reason: 'Reconciled' }],
    },
  });
  store.create('configmaps', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: DEFAULT_MIG_PARTED_CONFIG_MAP,
      namespace: OPERATOR_NAMESPACE,
      labels: { 'app.kubernetes.io/component': 'nvidia-mig-manager' },
    },
    data: { [MIG_PARTED_CONFIG_DATA_KEY]: DEFAULT_MIG_PARTED_CONFIG_YAML },
  });
  for (const entry of scenario.configMaps) {
    store.create('configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: entry.name, namespace: entry.namespace },
      data: entry.data,
    });
  }
  if (scenario.openshiftAi) createOpenShiftAiProfiles(store);

  const defaultLabel = scenario.migManager.defaultConfig;
  scenario.nodes.forEach((node, index) => {
    const object = nodeObject(node, index);
    const migConfig =
      node.migConfig ?? (node.gpu?.model && defaultLabel ? defaultLabel : undefined);
    if (migConfig) (object.metadata.labels as Record<string, string>)[MIG_CONFIG_LABEL] = migConfig;
    store.create('nodes', object);
    if (!node.gpu) return;
    const gpu = node.gpu;
    const hardware: NodeHardware = {
      product: gpu.product,
      deviceId: gpu.deviceId,
      memoryMiB: gpu.memoryMiB,
      family: gpu.family,
      computeMajor: gpu.computeMajor,
      computeMinor: gpu.computeMinor,
      driverVersion: scenario.driverVersion,
      gpus: Array.from({ length: gpu.count }, (_, gpuIndex) => ({
        index: gpuIndex,
        migEnabled: false,
        counts: {},
      })),
      seenResources: {},
    };
    if (gpu.model) hardware.modelId = gpu.model.id;
    operator.registerNode(node.name, hardware);
    if (
      gpu.model &&
      scenario.migManager.perNodeConfigs &&
      scenario.migManager.configName === DEFAULT_MIG_PARTED_CONFIG_MAP
    ) {
      store.create('configmaps', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: perNodeConfigMapName(node.name),
          namespace: OPERATOR_NAMESPACE,
          labels: {
            [PER_NODE_CONFIG_MAP_COMPONENT_LABEL.key]: PER_NODE_CONFIG_MAP_COMPONENT_LABEL.value,
            [PER_NODE_CONFIG_MAP_NODE_LABEL]: node.name,
          },
        },
        data: {
          [MIG_PARTED_CONFIG_DATA_KEY]: generatedYaml(gpu.model),
        },
      });
    }
    // Before the demo: the GPUs already hold `appliedConfig` (default: the label's config). The
    // kubelet has seen whole GPUs since the node joined, as on the article's nodes.
    operator.advertise(node.name);
    operator.createOperandPods(node.name);
    const applied = node.appliedConfig ?? migConfig;
    if (applied && gpu.model) operator.installLayout(node.name, applied);
    // The mig-manager's first run on start-up, for the label's value.
    if (migConfig && gpu.model) operator.handleConfigLabel(node.name, migConfig, true);
  });

  for (const pod of scenario.pods) {
    const object = podObject(pod, store);
    store.create('pods', object);
    if (pod.log && pod.node) logs.append(pod.namespace, pod.name, pod.log);
  }

  // Drift: what the scenario says the node advertises, whatever the operator derived.
  for (const node of scenario.nodes) {
    if (!node.advertised) continue;
    const advertised = node.advertised;
    store.mutate('nodes', undefined, node.name, (object) => {
      object.metadata.labels = applyOverrides(object.metadata.labels ?? {}, advertised.labels);
      const status = (object.status ??= {}) as {
        capacity?: Record<string, string>;
        allocatable?: Record<string, string>;
      };
      status.capacity = applyOverrides(status.capacity ?? {}, advertised.capacity);
      status.allocatable = applyOverrides(status.allocatable ?? {}, advertised.allocatable);
    });
  }
  backdateMigLabels(store, scenario.nodes);
}

/** "Set N minutes before the demo": the managedFields times of the MIG config and state labels. */
function backdateMigLabels(store: ObjectStore, nodes: ScenarioNode[]): void {
  for (const node of nodes) {
    if (node.migLabelsSetMinutesAgo === undefined) continue;
    const time = rfc3339Seconds(new Date(Date.now() - node.migLabelsSetMinutesAgo * 60_000));
    store.backdateLabels('nodes', undefined, node.name, [MIG_CONFIG_LABEL, MIG_STATE_LABEL], time);
  }
}

/** OpenShift AI's profiles for the article's MIG slices, as a presenter would have created them. */
function createOpenShiftAiProfiles(store: ObjectStore): void {
  const namespace = 'redhat-ods-applications';
  for (const [name, resource] of [
    ['mig-1g-6gb', 'nvidia.com/mig-1g.6gb'],
    ['mig-2g-12gb', 'nvidia.com/mig-2g.12gb'],
  ]) {
    store.create('acceleratorprofiles.dashboard.opendatahub.io', {
      apiVersion: 'dashboard.opendatahub.io/v1',
      kind: 'AcceleratorProfile',
      metadata: { name, namespace },
      spec: { displayName: `NVIDIA ${name}`, enabled: true, identifier: resource, tolerations: [] },
    });
  }
}
