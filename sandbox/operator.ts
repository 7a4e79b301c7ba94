/**
 * A simulated NVIDIA GPU operator for the sandbox: the mig-manager's reconfiguration state machine
 * (geometry notes section 9), GPU Feature Discovery's labels and the device plugin's resources
 * (section 10), and what the kubelet does with them. Every prediction of what a layout advertises
 * comes from the geometry engine (`predictNodeAfterConfig`, `predictNodeAdvertisement`); this file
 * only decides *when* things happen and writes the results to the API objects.
 *
 * The GPUs' actual state (MIG mode, instances) is hidden hardware state, not an API object: the
 * plugin must learn it from labels and resources, as on a real cluster.
 */
import { findModel } from '../src/geometry/catalog';
import {
  DEFAULT_MIG_PARTED_CONFIG_MAP,
  MIG_PARTED_CONFIG_DATA_KEY,
  resolveConfigSource,
} from '../src/geometry/configSource';
import { parseMigPartedConfig } from '../src/geometry/migParted';
import { APPLY_FAILING_ISSUE_CODES, predictNodeAfterConfig } from '../src/geometry/predictConfig';
import { predictNodeAdvertisement, type PredictedGpu } from '../src/geometry/prediction';
import type { MigStrategy, ProfileCounts } from '../src/geometry/types';
import { configIssueText } from '../src/components/text/configIssueText';
import { englishT } from '../src/components/text/englishCatalogue';
import type { StatusCause } from './apiErrors';
import { devicesWithHolders, oldestFirst } from './dcgmExporter';
import { gpuRequestsOf } from './gpuRequests';
import type { Writer } from './managedFields';
import type { PodLogs } from './podLogs';
import { type KubeObject, type ObjectStore, type StoreEvent } from './store';
import type { TypeValidator } from './validation';

export const OPERATOR_NAMESPACE = 'nvidia-gpu-operator';
export const CLUSTER_POLICY_KEY = 'clusterpolicies.nvidia.com';
export const CLUSTER_POLICY_NAME = 'gpu-cluster-policy';
export const MIG_CONFIG_LABEL = 'nvidia.com/mig.config';
export const MIG_STATE_LABEL = 'nvidia.com/mig.config.state';
/** Demo switch: the next reconfiguration of the node fails with this cause. */
export const FAIL_NEXT_ANNOTATION = 'sandbox.gpu-partitioning/fail-next-reconfigure';
/** Demo switch: reconfigurations of the node never leave `pending`. */
export const STICK_IN_PENDING_ANNOTATION = 'sandbox.gpu-partitioning/stick-in-pending';

/** Causes a demo can ask for with FAIL_NEXT_ANNOTATION. */
export const FAILURE_CAUSES = ['nvidia_drm', 'in-use', 'insufficient-resources'] as const;
export type FailureCause = (typeof FAILURE_CAUSES)[number];

const PAUSED = 'paused-for-mig-change';

/** Field managers of the simulated components' node writes (metadata.managedFields). */
const MIG_MANAGER_WRITER: Writer = { manager: 'nvidia-mig-manager' };
const GPU_OPERATOR_WRITER: Writer = { manager: 'gpu-operator' };
/** GFD's labels; the same write's capacity/allocatable are the kubelet's node status. */
const GFD_WRITER: Writer = { manager: 'gpu-feature-discovery', statusManager: 'kubelet' };
/** Operands the mig-manager pauses, with the pod name prefix of their DaemonSet. */
const PAUSABLE_OPERANDS: { label: string; component: string; podPrefix: string }[] = [
  {
    label: 'nvidia.com/gpu.deploy.device-plugin',
    component: 'device-plugin',
    podPrefix: 'nvidia-device-plugin-daemonset',
  },
  {
    label: 'nvidia.com/gpu.deploy.gpu-feature-discovery',
    component: 'gpu-feature-discovery',
    podPrefix: 'gpu-feature-discovery',
  },
  {
    label: 'nvidia.com/gpu.deploy.dcgm-exporter',
    component: 'dcgm-exporter',
    podPrefix: 'nvidia-dcgm-exporter',
  },
  { label: 'nvidia.com/gpu.deploy.dcgm', component: 'dcgm', podPrefix: 'nvidia-dcgm' },
];
/** Operands that keep running during a reconfiguration. */
const STEADY_OPERANDS: { label: string; podPrefix: string }[] = [
  { label: 'nvidia.com/gpu.deploy.driver', podPrefix: 'nvidia-driver-daemonset' },
  {
    label: 'nvidia.com/gpu.deploy.container-toolkit',
    podPrefix: 'nvidia-container-toolkit-daemonset',
  },
  { label: 'nvidia.com/gpu.deploy.operator-validator', podPrefix: 'nvidia-operator-validator' },
];
const MIG_MANAGER = { label: 'nvidia.com/gpu.deploy.mig-manager', podPrefix: 'nvidia-mig-manager' };

/** One physical GPU's actual MIG state. */
export interface SimulatedGpu {
  index: number;
  migEnabled: boolean;
  counts: ProfileCounts;
}

/** What is really inside a node (what `nvidia-smi` would show). */
export interface NodeHardware {
  /** `nvidia.com/gpu.product` as GFD writes it for the full GPU: `NVIDIA-A30`. */
  product: string;
  /** Catalog model id when the GPU supports MIG. */
  modelId?: string;
  /** PCI id `0xDDDDVVVV`. */
  deviceId: string;
  memoryMiB: number;
  family: string;
  computeMajor: number;
  computeMinor: number;
  driverVersion: string;
  gpus: SimulatedGpu[];
  /** Resources the kubelet has seen from the device plugin, with the last count (they linger). */
  seenResources: Record<string, number>;
  /** The mig.config value the mig-manager last acted on (it reacts only to changes). */
  lastHandledConfig?: string;
}

export type HardwareSnapshot = Record<string, NodeHardware>;

export interface OperatorOptions {
  store: ObjectStore;
  logs: PodLogs;
  reconfigureDelayMs: number;
  rebootOnModeChange: boolean;
}

type Labels = Record<string, string>;

function isStrategy(value: unknown): value is MigStrategy {
  return value === 'none' || value === 'single' || value === 'mixed';
}

function logTime(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

function sameCounts(a: ProfileCounts, b: ProfileCounts): boolean {
  const nonZero = (counts: ProfileCounts) =>
    Object.entries(counts)
      .filter(([, count]) => count > 0)
      .sort(([x], [y]) => x.localeCompare(y));
  return JSON.stringify(nonZero(a)) === JSON.stringify(nonZero(b));
}

/**
 * The GPUs of `target` whose MIG mode or instance counts differ from what they have now: the only
 * ones mig-parted touches. Its apply compares each GPU's current config with the wanted one and
 * logs "Skipping -- already set to desired value" when they are equal (NVIDIA/mig-parted
 * `cmd/nvidia-mig-parted/apply`, `current.Equals(mc.MigDevices)`), so a busy GPU it leaves alone
 * does not make the change fail. It fails only on a GPU it resets or clears while a process holds
 * it (shared/mig/geometry-notes.md section 9 step 7; section 4: "every instance on that GPU idle").
 */
function changedGpus(current: SimulatedGpu[], target: SimulatedGpu[]): SimulatedGpu[] {
  return target.filter((gpu) => {
    const now = current.find((candidate) => candidate.index === gpu.index);
    return (
      !now ||
      now.migEnabled !== gpu.migEnabled ||
      (gpu.migEnabled && !sameCounts(now.counts, gpu.counts))
    );
  });
}

function formatCounts(counts: ProfileCounts): string {
  const entries = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  return `map[${entries.map(([profile, count]) => `${profile}:${count}`).join(' ')}]`;
}

/** GFD and operator labels this simulation owns (rewritten on every advertisement). */
function isAdvertisedLabel(key: string): boolean {
  if (key.startsWith('nvidia.com/gpu.deploy.')) return false;
  if (key === MIG_CONFIG_LABEL || key === MIG_STATE_LABEL) return false;
  return (
    key.startsWith('nvidia.com/gpu.') ||
    key.startsWith('nvidia.com/mig-') ||
    key.startsWith('nvidia.com/cuda.') ||
    key === 'nvidia.com/mig.strategy' ||
    key === 'nvidia.com/mig.capable' ||
    key === 'nvidia.com/mps.capable' ||
    key === 'nvidia.com/gfd.timestamp'
  );
}

interface InFlight {
  timer?: NodeJS.Timeout;
  configName: string;
}

interface LoadedConfig {
  text?: string;
  error?: string[];
}

export class GpuOperatorSimulation {
  private readonly store: ObjectStore;
  private readonly logs: PodLogs;
  private readonly hardware = new Map<string, NodeHardware>();
  private readonly inFlight = new Map<string, InFlight>();
  private readonly migManagerPods = new Map<string, string>();
  private unsubscribe?: () => void;
  reconfigureDelayMs: number;
  rebootOnModeChange: boolean;

  constructor(options: OperatorOptions) {
    this.store = options.store;
    this.logs = options.logs;
    this.reconfigureDelayMs = options.reconfigureDelayMs;
    this.rebootOnModeChange = options.rebootOnModeChange;
  }

  // ------------------------------------------------------------------ hardware

  registerNode(name: string, hardware: NodeHardware): void {
    this.hardware.set(name, structuredClone(hardware));
  }

  hardwareOf(name: string): NodeHardware | undefined {
    const found = this.hardware.get(name);
    return found ? structuredClone(found) : undefined;
  }

  /** Node names whose reconfiguration is still running (pending, rebooting, or stuck). */
  pendingNodes(): string[] {
    return [...this.inFlight.keys()].sort();
  }

  snapshot(): HardwareSnapshot {
    return Object.fromEntries(
      [...this.hardware].map(([name, hardware]) => [name, structuredClone(hardware)]),
    );
  }

  restore(snapshot: HardwareSnapshot): void {
    this.hardware.clear();
    for (const [name, hardware] of Object.entries(snapshot))
      this.hardware.set(name, structuredClone(hardware));
  }

  start(): void {
    this.unsubscribe = this.store.subscribe((event) => this.onEvent(event));
    // A restored state may have been saved mid-reconfiguration: finish what was pending.
    for (const node of this.store.list('nodes')) {
      const state = node.metadata.labels?.[MIG_STATE_LABEL];
      const value = node.metadata.labels?.[MIG_CONFIG_LABEL];
      const hardware = this.hardware.get(node.metadata.name ?? '');
      if (
        hardware &&
        value &&
        (state === 'pending' || state === 'rebooting') &&
        !this.inFlight.has(node.metadata.name ?? '')
      ) {
        hardware.lastHandledConfig = undefined;
        this.handleConfigLabel(node.metadata.name ?? '', value, false);
      }
    }
  }

  stop(): void {
    this.unsubscribe?.();
    for (const flight of this.inFlight.values()) if (flight.timer) clearTimeout(flight.timer);
  }

  // ------------------------------------------------------------------ reading the cluster

  private clusterPolicy(): KubeObject | undefined {
    return (
      this.store.get(CLUSTER_POLICY_KEY, undefined, CLUSTER_POLICY_NAME) ??
      this.store.list(CLUSTER_POLICY_KEY)[0]
    );
  }

  strategy(): MigStrategy {
    const value = (this.clusterPolicy()?.spec as { mig?: { strategy?: unknown } } | undefined)?.mig
      ?.strategy;
    // An empty strategy lets the plugins decide; their default is none.
    return isStrategy(value) ? value : 'none';
  }

  private migManagerEnabled(): boolean {
    const spec = this.clusterPolicy()?.spec as { migManager?: { enabled?: unknown } } | undefined;
    return this.clusterPolicy() !== undefined && spec?.migManager?.enabled !== false;
  }

  private customConfigName(): string | undefined {
    const spec = this.clusterPolicy()?.spec as
      { migManager?: { config?: { name?: unknown } } } | undefined;
    const name = spec?.migManager?.config?.name;
    return typeof name === 'string' ? name : undefined;
  }

  /** The ClusterPolicy's `spec.migManager.config.default` (`all-disabled` unless set to ""). */
  defaultConfig(): string {
    const spec = this.clusterPolicy()?.spec as
      { migManager?: { config?: { default?: unknown } } } | undefined;
    const value = spec?.migManager?.config?.default;
    return value === '' ? '' : 'all-disabled';
  }

  private loadConfig(nodeName: string): LoadedConfig & { sourceName?: string } {
    const existing = this.store.names('configmaps', OPERATOR_NAMESPACE);
    const source = resolveConfigSource({
      customConfigName: this.customConfigName(),
      nodeName,
      namespace: OPERATOR_NAMESPACE,
      existingConfigMaps: existing,
    });
    if (!source.configMapName) {
      return {
        error: [
          `Error: configmap "${DEFAULT_MIG_PARTED_CONFIG_MAP}" not found in namespace "${OPERATOR_NAMESPACE}"`,
        ],
      };
    }
    const configMap = this.store.get('configmaps', OPERATOR_NAMESPACE, source.configMapName);
    if (!configMap) {
      return {
        sourceName: source.configMapName,
        error: [
          `Error: open /mig-parted-config/${MIG_PARTED_CONFIG_DATA_KEY}: no such file or directory (ConfigMap ${OPERATOR_NAMESPACE}/${source.configMapName} not found)`,
        ],
      };
    }
    const text = (configMap.data as Record<string, string> | undefined)?.[
      MIG_PARTED_CONFIG_DATA_KEY
    ];
    if (typeof text !== 'string') {
      return {
        sourceName: source.configMapName,
        error: [
          `Error: ConfigMap ${OPERATOR_NAMESPACE}/${source.configMapName} has no key "${MIG_PARTED_CONFIG_DATA_KEY}"`,
        ],
      };
    }
    return { sourceName: source.configMapName, text };
  }

  private gpuPodsOnNode(nodeName: string): KubeObject[] {
    return this.store.podsOnNode(
      nodeName,
      (pod) =>
        (pod.status as { phase?: string } | undefined)?.phase === 'Running' &&
        Object.keys(gpuRequestsOf(pod)).length > 0,
    );
  }

  /**
   * The running pods (`namespace/name`) holding each GPU, by index, by the rule the sandbox's DCGM
   * exporter gives pods devices with (`devicesWithHolders`). A pod the rule gives no device (it
   * holds what no GPU offers now: drift) may be on any GPU, as the plugin assumes too.
   */
  private podsByGpu(nodeName: string, hardware: NodeHardware): Map<number, Set<string>> {
    const pods = this.gpuPodsOnNode(nodeName).map((pod) => ({
      pod,
      resources: gpuRequestsOf(pod),
    }));
    const devices = devicesWithHolders(nodeName, hardware, this.strategy(), oldestFirst(pods));
    const byGpu = new Map<number, Set<string>>();
    const hold = (gpu: number, who: string) =>
      byGpu.set(gpu, (byGpu.get(gpu) ?? new Set()).add(who));
    const placed = new Set<string>();
    for (const { labels, pod } of devices) {
      if (!pod) continue;
      const who = `${pod.namespace}/${pod.name}`;
      hold(Number(labels.gpu), who);
      placed.add(who);
    }
    for (const { pod } of pods) {
      const who = `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
      if (!placed.has(who)) for (const gpu of hardware.gpus) hold(gpu.index, who);
    }
    return byGpu;
  }

  // ------------------------------------------------------------------ events

  private onEvent(event: StoreEvent): void {
    if (event.key === 'nodes' && event.type === 'MODIFIED') {
      const before = event.previous?.metadata.labels?.[MIG_CONFIG_LABEL];
      const after = event.object.metadata.labels?.[MIG_CONFIG_LABEL];
      if (after !== undefined && after !== '' && after !== before) {
        this.handleConfigLabel(event.object.metadata.name ?? '', after, false);
      }
      return;
    }
    if (event.key === CLUSTER_POLICY_KEY && event.type === 'MODIFIED') {
      const before = (event.previous?.spec as { mig?: { strategy?: unknown } } | undefined)?.mig
        ?.strategy;
      const after = (event.object.spec as { mig?: { strategy?: unknown } } | undefined)?.mig
        ?.strategy;
      // The operator rolls the device plugin and GFD DaemonSets with the new MIG_STRATEGY.
      if (before !== after) for (const name of this.hardware.keys()) this.advertise(name);
      const defaultBefore = (
        event.previous?.spec as { migManager?: { config?: { default?: unknown } } }
      )?.migManager?.config?.default;
      const defaultAfter = (
        event.object.spec as { migManager?: { config?: { default?: unknown } } }
      )?.migManager?.config?.default;
      if (defaultBefore !== defaultAfter) this.labelUnconfiguredNodes();
    }
  }

  /** Read-modify-write of a node by one of the simulated components. */
  private mutateNode(name: string, writer: Writer, change: (node: KubeObject) => void): void {
    this.store.mutate('nodes', undefined, name, change, writer);
  }

  /** The operator's node-labelling controller: MIG-capable nodes without a config get the default. */
  labelUnconfiguredNodes(): void {
    const fallback = this.defaultConfig();
    if (!fallback) return;
    for (const [name, hardware] of this.hardware) {
      if (!hardware.modelId) continue;
      this.mutateNode(name, GPU_OPERATOR_WRITER, (node) => {
        const labels = (node.metadata.labels ??= {});
        if (!labels[MIG_CONFIG_LABEL]) labels[MIG_CONFIG_LABEL] = fallback;
      });
    }
  }

  // ------------------------------------------------------------------ advertisement

  /**
   * GFD labels, device-plugin resources and the kubelet's capacity/allocatable for the node's
   * current GPUs under the current strategy. While the device plugin is paused, its resources stay
   * in capacity but are not allocatable.
   */
  advertise(nodeName: string): void {
    const hardware = this.hardware.get(nodeName);
    if (!hardware) return;
    const model = hardware.modelId ? findModel(hardware.modelId) : undefined;
    const gpus: PredictedGpu[] = hardware.gpus.map((gpu) => ({
      index: gpu.index,
      migEnabled: model ? gpu.migEnabled : false,
      counts: model ? gpu.counts : {},
      ...(model ? { model } : {}),
    }));
    const advertisement = predictNodeAdvertisement({
      product: hardware.product,
      gpus,
      strategy: this.strategy(),
    });
    this.mutateNode(nodeName, GFD_WRITER, (node) => {
      const labels: Labels = {};
      for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
        if (!isAdvertisedLabel(key)) labels[key] = value;
      }
      Object.assign(labels, this.staticGpuLabels(hardware), advertisement.labels);
      if (!model) labels['nvidia.com/mig.capable'] = 'false';
      node.metadata.labels = labels;

      const devicePluginUp = labels['nvidia.com/gpu.deploy.device-plugin'] !== PAUSED;
      const status = (node.status ??= {}) as { capacity?: Labels; allocatable?: Labels };
      const capacity: Labels = { ...(status.capacity ?? {}) };
      const allocatable: Labels = { ...(status.allocatable ?? {}) };
      for (const key of Object.keys(capacity))
        if (key.startsWith('nvidia.com/')) delete capacity[key];
      for (const key of Object.keys(allocatable))
        if (key.startsWith('nvidia.com/')) delete allocatable[key];
      const advertised = devicePluginUp ? advertisement.resources : {};
      // The kubelet keeps a device-plugin resource it once saw: last count in capacity, 0 allocatable.
      for (const [resource, last] of Object.entries(hardware.seenResources)) {
        capacity[resource] = String(last);
        allocatable[resource] = '0';
      }
      for (const [resource, count] of Object.entries(advertised)) {
        capacity[resource] = String(count);
        allocatable[resource] = String(count);
        hardware.seenResources[resource] = count;
      }
      status.capacity = capacity;
      status.allocatable = allocatable;
    });
  }

  private staticGpuLabels(hardware: NodeHardware): Labels {
    const [driverMajor, driverMinor, driverRev] = hardware.driverVersion.split('.');
    return {
      'nvidia.com/gpu.present': 'true',
      'nvidia.com/gpu.family': hardware.family,
      'nvidia.com/gpu.compute.major': String(hardware.computeMajor),
      'nvidia.com/gpu.compute.minor': String(hardware.computeMinor),
      'nvidia.com/gpu.mode': 'compute',
      'nvidia.com/gpu.memory': String(hardware.memoryMiB),
      'nvidia.com/cuda.driver-version.major': driverMajor ?? '',
      'nvidia.com/cuda.driver-version.minor': driverMinor ?? '',
      'nvidia.com/cuda.driver-version.revision': driverRev ?? '',
      'nvidia.com/cuda.driver-version.full': hardware.driverVersion,
      'nvidia.com/cuda.runtime-version.major': '12',
      'nvidia.com/cuda.runtime-version.minor': '4',
      'nvidia.com/cuda.runtime-version.full': '12.4',
      'nvidia.com/mps.capable': 'false',
    };
  }

  // ------------------------------------------------------------------ operand pods

  private operandPod(nodeName: string, prefix: string, app: string): KubeObject {
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${prefix}-`,
        namespace: OPERATOR_NAMESPACE,
        labels: {
          app,
          'app.kubernetes.io/part-of': 'gpu-operator',
          'app.kubernetes.io/managed-by': 'gpu-operator',
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'DaemonSet',
            name: prefix,
            controller: true,
            uid: `daemonset-${prefix}`,
          },
        ],
      },
      spec: {
        nodeName,
        containers: [{ name: app, image: `nvcr.io/nvidia/${app}:sandbox` }],
        restartPolicy: 'Always',
        nodeSelector: { [`nvidia.com/gpu.deploy.${app.replace(/^nvidia-/, '')}`]: 'true' },
      },
      status: {
        ...runningStatus(this.store, nodeName),
        containerStatuses: [
          {
            name: app,
            image: `nvcr.io/nvidia/${app}:sandbox`,
            ready: true,
            started: true,
            restartCount: 0,
            state: { running: { startedAt: logTime() } },
          },
        ],
      },
    };
  }

  /** Creates the operand pods of a GPU node (scenario start). Returns the mig-manager pod name. */
  createOperandPods(nodeName: string): string | undefined {
    const hardware = this.hardware.get(nodeName);
    if (!hardware) return undefined;
    for (const operand of STEADY_OPERANDS) {
      this.store.create(
        'pods',
        this.operandPod(nodeName, operand.podPrefix, operand.podPrefix.replace(/-daemonset$/, '')),
      );
    }
    for (const operand of PAUSABLE_OPERANDS) this.createPausablePod(nodeName, operand);
    if (!hardware.modelId) return undefined;
    const pod = this.store.create(
      'pods',
      this.operandPod(nodeName, MIG_MANAGER.podPrefix, MIG_MANAGER.podPrefix),
    );
    const name = pod.metadata.name ?? '';
    this.logs.append(
      OPERATOR_NAMESPACE,
      name,
      [
        'WITH_SHUTDOWN_HOST_GPU_CLIENTS=false',
        'DRIVER_ROOT=/run/nvidia/driver',
        'Starting nvidia-mig-manager',
        `time="${logTime()}" level=info msg="Waiting for change to '${MIG_CONFIG_LABEL}' label"`,
      ].join('\n'),
    );
    return name;
  }

  private createPausablePod(nodeName: string, operand: (typeof PAUSABLE_OPERANDS)[number]): void {
    const node = this.store.get('nodes', undefined, nodeName);
    if (node?.metadata.labels?.[operand.label] !== 'true') return;
    this.store.create(
      'pods',
      this.operandPod(
        nodeName,
        operand.podPrefix,
        operand.component === 'dcgm' ? 'nvidia-dcgm' : operand.podPrefix.replace(/-daemonset$/, ''),
      ),
    );
  }

  private operandPodsOnNode(nodeName: string, prefix: string): KubeObject[] {
    const pattern = new RegExp(`^${prefix}-[a-z0-9]{5}$`);
    return this.store.podsOnNode(
      nodeName,
      (pod) =>
        pod.metadata.namespace === OPERATOR_NAMESPACE && pattern.test(pod.metadata.name ?? ''),
    );
  }

  /** The node's mig-manager pod (remembered: it is looked up for every log line). */
  migManagerPod(nodeName: string): string | undefined {
    const known = this.migManagerPods.get(nodeName);
    if (known && this.store.has('pods', OPERATOR_NAMESPACE, known)) return known;
    const found = this.operandPodsOnNode(nodeName, MIG_MANAGER.podPrefix)[0]?.metadata.name;
    if (found) this.migManagerPods.set(nodeName, found);
    return found;
  }

  // ------------------------------------------------------------------ the mig-manager

  private log(nodeName: string, lines: string[]): void {
    const pod = this.migManagerPod(nodeName);
    if (pod) this.logs.append(OPERATOR_NAMESPACE, pod, lines.join('\n'));
  }

  private setState(nodeName: string, state: string): void {
    this.log(nodeName, [
      `Changing the '${MIG_STATE_LABEL}' node label to '${state}'`,
      `node/${nodeName} labeled`,
    ]);
    this.mutateNode(nodeName, MIG_MANAGER_WRITER, (node) => {
      (node.metadata.labels ??= {})[MIG_STATE_LABEL] = state;
    });
  }

  /**
   * Reacts to a new value of `nvidia.com/mig.config`. `synchronous` (scenario start) applies at
   * once instead of after the configured delay, as if the node had settled before the demo began.
   */
  handleConfigLabel(nodeName: string, configName: string, synchronous: boolean): void {
    const hardware = this.hardware.get(nodeName);
    if (!hardware?.modelId || !this.migManagerEnabled()) return;
    if (hardware.lastHandledConfig === configName && !this.inFlight.has(nodeName)) return;
    hardware.lastHandledConfig = configName;
    const superseded = this.inFlight.get(nodeName);
    if (superseded?.timer) clearTimeout(superseded.timer);
    this.inFlight.delete(nodeName);

    const node = this.store.get('nodes', undefined, nodeName);
    const labels = node?.metadata.labels ?? {};
    const lines = [`time="${logTime()}" level=info msg="Updating to MIG config: ${configName}"`];
    for (const operand of PAUSABLE_OPERANDS) {
      lines.push(`Getting current value of the '${operand.label}' node label`);
      lines.push(`Current value of '${operand.label}=${labels[operand.label] ?? ''}'`);
    }
    lines.push('Asserting that the requested configuration is present in the configuration file');
    this.log(nodeName, lines);

    const plan = this.planFor(nodeName, configName);
    if (plan.error) return this.failBeforeStart(nodeName, plan.error);
    const target = plan.target;
    this.log(nodeName, [
      'Selected MIG configuration is valid',
      `Getting current value of the '${MIG_STATE_LABEL}' node label`,
      `Current value of '${MIG_STATE_LABEL}=${labels[MIG_STATE_LABEL] ?? ''}'`,
      'Checking if the selected MIG config is currently applied or not',
    ]);
    const changing = changedGpus(hardware.gpus, target);
    if (changing.length === 0) {
      this.log(nodeName, ['Selected MIG configuration currently applied']);
      this.setState(nodeName, 'success');
      this.log(nodeName, [
        `time="${logTime()}" level=info msg="Successfully updated to MIG config: ${configName}"`,
        `time="${logTime()}" level=info msg="Waiting for change to '${MIG_CONFIG_LABEL}' label"`,
      ]);
      return;
    }
    const modeChange = changing.some(
      (gpu) =>
        hardware.gpus.find((candidate) => candidate.index === gpu.index)?.migEnabled !==
        gpu.migEnabled,
    );
    this.log(nodeName, [
      `time="${logTime()}" level=fatal msg="Assertion failure: selected configuration not currently applied"`,
      'Checking if the MIG mode setting in the selected config is currently applied or not',
      "If the state is 'rebooting', we expect this to always return true",
      ...(modeChange
        ? [
            `time="${logTime()}" level=fatal msg="Assertion failure: selected configuration not currently applied"`,
          ]
        : []),
    ]);
    this.setState(nodeName, 'pending');
    this.pauseOperands(nodeName);
    const flight: InFlight = { configName };
    this.inFlight.set(nodeName, flight);
    if (node?.metadata.annotations?.[STICK_IN_PENDING_ANNOTATION] === 'true') {
      // As when an operand pod never goes away: the mig-manager gives up without writing a state.
      this.log(nodeName, ['Waiting for the device-plugin to shutdown']);
      return;
    }
    const finish = () =>
      this.applyOrFail(nodeName, configName, target, modeChange, plan.layoutErrors, false);
    if (synchronous) finish();
    else flight.timer = setTimeout(finish, this.reconfigureDelayMs);
  }

  /**
   * What `configName` does to the node's GPUs, from the config source the cluster uses, or the
   * log lines of why mig-parted cannot even start (missing ConfigMap, unparsable file, unknown name).
   */
  private planFor(
    nodeName: string,
    configName: string,
  ): { error?: string[]; target: SimulatedGpu[]; layoutErrors: string[] } {
    const hardware = this.hardware.get(nodeName);
    const none = { target: [], layoutErrors: [] };
    if (!hardware?.modelId) return { ...none, error: ['this node has no MIG-capable GPU'] };
    const loaded = this.loadConfig(nodeName);
    if (loaded.error) return { ...none, error: loaded.error };
    const parsed = this.parseConfig(loaded.text as string);
    const fileErrors = parsed.issues.filter(
      (issue) => issue.severity === 'error' && issue.rejectsFile,
    );
    if (!parsed.config || fileErrors.length > 0) {
      return {
        ...none,
        error: [
          ...fileErrors.map(
            (issue) =>
              `time="${logTime()}" level=error msg="${configIssueText(englishT, issue).replace(/"/g, "'")}"`,
          ),
          `Error: error parsing configuration file ${loaded.sourceName ?? ''}: invalid MIG configuration`,
          'Unable to validate the selected MIG configuration',
        ],
      };
    }
    const model = findModel(hardware.modelId);
    const prediction = predictNodeAfterConfig({
      config: parsed.config,
      configName,
      strategy: this.strategy(),
      product: hardware.product,
      gpus: hardware.gpus.map((gpu) => ({
        index: gpu.index,
        deviceId: hardware.deviceId,
        ...(model ? { model } : {}),
        current: { migEnabled: gpu.migEnabled, counts: gpu.counts },
      })),
    });
    if (!prediction.found) {
      return {
        ...none,
        error: [
          `time="${logTime()}" level=error msg="Error validating config: selected mig-config not present: ${configName}"`,
          'Unable to validate the selected MIG configuration',
        ],
      };
    }
    // The strategy is the device plugin's business: mig-parted applies the layout regardless.
    const layoutErrors = prediction.errors
      // config-not-found cannot occur here: `prediction.found` was checked above.
      .filter((issue) => APPLY_FAILING_ISSUE_CODES.has(issue.code))
      .map((issue) => configIssueText(englishT, issue));
    const target = prediction.gpus.map((gpu) => ({
      index: gpu.index,
      migEnabled: gpu.migEnabled,
      counts: gpu.counts,
    }));
    return { target, layoutErrors };
  }

  /** Parsed config files by text: every node of a model shares one generated config. */
  private readonly parsedConfigs = new Map<string, ReturnType<typeof parseMigPartedConfig>>();

  private parseConfig(text: string): ReturnType<typeof parseMigPartedConfig> {
    let parsed = this.parsedConfigs.get(text);
    if (!parsed) {
      if (this.parsedConfigs.size > 64) this.parsedConfigs.clear();
      parsed = parseMigPartedConfig(text);
      this.parsedConfigs.set(text, parsed);
    }
    return parsed;
  }

  /**
   * Puts a layout on the GPUs directly, as it was before the sandbox started (scenario set-up).
   * Throws when the config cannot be applied: a scenario must describe hardware that can exist.
   */
  installLayout(nodeName: string, configName: string): void {
    const hardware = this.hardware.get(nodeName);
    const plan = this.planFor(nodeName, configName);
    if (!hardware || plan.error || plan.layoutErrors.length > 0) {
      throw new Error(
        `cannot install ${configName} on ${nodeName}: ${[...(plan.error ?? []), ...plan.layoutErrors].join('; ')}`,
      );
    }
    hardware.gpus = plan.target.map((gpu) => ({
      ...gpu,
      counts: gpu.migEnabled ? { ...gpu.counts } : {},
    }));
    hardware.lastHandledConfig = undefined;
    this.advertise(nodeName);
  }

  private failBeforeStart(nodeName: string, lines: string[]): void {
    this.log(nodeName, lines);
    this.setState(nodeName, 'failed');
  }

  private pauseOperands(nodeName: string): void {
    this.log(nodeName, [
      'Shutting down all GPU clients in Kubernetes by disabling their component-specific nodeSelector labels',
      `node/${nodeName} labeled`,
    ]);
    this.mutateNode(nodeName, MIG_MANAGER_WRITER, (node) => {
      const labels = (node.metadata.labels ??= {});
      for (const operand of PAUSABLE_OPERANDS) {
        // A value of `false` set by someone else is kept.
        if (labels[operand.label] !== undefined && labels[operand.label] !== 'false')
          labels[operand.label] = PAUSED;
      }
    });
    const lines: string[] = [];
    for (const operand of PAUSABLE_OPERANDS) {
      const pods = this.operandPodsOnNode(nodeName, operand.podPrefix);
      lines.push(`Waiting for ${operand.component} to shutdown`);
      for (const pod of pods) {
        this.store.delete('pods', OPERATOR_NAMESPACE, pod.metadata.name ?? '');
        this.logs.remove(OPERATOR_NAMESPACE, pod.metadata.name ?? '');
      }
    }
    lines.push('Removing the cuda-validator pod', 'Removing the plugin-validator pod');
    this.log(nodeName, lines);
    this.advertise(nodeName);
  }

  private restoreOperands(nodeName: string): void {
    this.log(nodeName, [
      'Restarting all GPU clients previously shutdown in Kubernetes by reenabling their component-specific nodeSelector labels',
      `node/${nodeName} labeled`,
    ]);
    this.mutateNode(nodeName, MIG_MANAGER_WRITER, (node) => {
      const labels = (node.metadata.labels ??= {});
      for (const operand of PAUSABLE_OPERANDS)
        if (labels[operand.label] === PAUSED) labels[operand.label] = 'true';
    });
    for (const operand of PAUSABLE_OPERANDS) {
      if (this.operandPodsOnNode(nodeName, operand.podPrefix).length === 0)
        this.createPausablePod(nodeName, operand);
    }
  }

  /** Why the apply fails on this node right now, as mig-parted and the driver would say it. */
  private applyFailure(
    nodeName: string,
    target: SimulatedGpu[],
    layoutErrors: string[],
  ): string[] | undefined {
    const node = this.store.get('nodes', undefined, nodeName);
    const cause = node?.metadata.annotations?.[FAIL_NEXT_ANNOTATION];
    if (cause) {
      this.mutateNode(nodeName, MIG_MANAGER_WRITER, (current) => {
        delete current.metadata.annotations?.[FAIL_NEXT_ANNOTATION];
      });
      if (cause === 'nvidia_drm') {
        return [
          `time="${logTime()}" level=error msg="Error setting MIG mode: unable to reset GPU 0: the nvidia_drm kernel module is loaded"`,
          `time="${logTime()}" level=error msg="Unable to apply MIG mode change: In use by another client (unload nvidia_drm or set WITH_REBOOT=true)"`,
        ];
      }
      if (cause === 'insufficient-resources') {
        return [
          `time="${logTime()}" level=error msg="Error applying MIG configuration with hooks: error setting MIGConfig: error attempting multiple config orderings: all orderings failed: Insufficient Resources"`,
        ];
      }
      return [
        `time="${logTime()}" level=error msg="Error clearing MIG config on GPU 0, erroneous devices may persist: In use by another client"`,
      ];
    }
    const busy = this.busyGpuFailure(nodeName, target);
    if (busy) return busy;
    if (layoutErrors.length > 0) {
      return [
        ...layoutErrors.map(
          (message) => `time="${logTime()}" level=error msg="${message.replace(/"/g, "'")}"`,
        ),
        `time="${logTime()}" level=error msg="Error applying MIG configuration with hooks: error setting MIGConfig: error attempting multiple config orderings: all orderings failed: Insufficient Resources"`,
      ];
    }
    return undefined;
  }

  /** The error of clearing or resetting a GPU that a pod holds, when the change touches one. */
  private busyGpuFailure(nodeName: string, target: SimulatedGpu[]): string[] | undefined {
    const hardware = this.hardware.get(nodeName);
    if (!hardware) return undefined;
    const holders = this.podsByGpu(nodeName, hardware);
    const busy = changedGpus(hardware.gpus, target).filter((gpu) => holders.has(gpu.index));
    if (busy.length === 0) return undefined;
    const modeOf = (index: number) =>
      hardware.gpus.find((candidate) => candidate.index === index)?.migEnabled;
    // mig-parted sets every GPU's mode before it lays out instances: a mode reset fails first.
    const resetting = busy.find((gpu) => modeOf(gpu.index) !== gpu.migEnabled);
    const who = [...new Set(busy.flatMap((gpu) => [...(holders.get(gpu.index) ?? [])]))].join(', ');
    return [
      resetting
        ? `time="${logTime()}" level=error msg="Error setting MIG mode on GPU ${resetting.index}: In use by another client"`
        : `time="${logTime()}" level=error msg="Error clearing MIG config on GPU ${busy[0].index}, erroneous devices may persist: In use by another client"`,
      `time="${logTime()}" level=error msg="GPU processes still running in pods: ${who}"`,
    ];
  }

  private applyOrFail(
    nodeName: string,
    configName: string,
    target: SimulatedGpu[],
    modeChange: boolean,
    layoutErrors: string[],
    afterReboot: boolean,
  ): void {
    const hardware = this.hardware.get(nodeName);
    if (!hardware || !this.store.get('nodes', undefined, nodeName)) {
      this.inFlight.delete(nodeName);
      return;
    }
    if (modeChange) {
      this.log(nodeName, [
        'Applying the MIG mode change from the selected config to the node (and double checking it took effect)',
        'If the -r option was passed, the node will be automatically rebooted if this is not successful',
      ]);
    }
    const failure = this.applyFailure(nodeName, target, layoutErrors);
    if (failure) {
      this.inFlight.delete(nodeName);
      this.log(nodeName, failure);
      this.restoreOperands(nodeName);
      this.advertise(nodeName);
      this.setState(nodeName, 'failed');
      this.log(nodeName, [
        `time="${logTime()}" level=error msg="Error: exit status 1"`,
        `time="${logTime()}" level=info msg="Waiting for change to '${MIG_CONFIG_LABEL}' label"`,
      ]);
      return;
    }
    if (modeChange && this.rebootOnModeChange && !afterReboot) {
      this.log(nodeName, ['Rebooting the node to apply the MIG mode change']);
      this.setState(nodeName, 'rebooting');
      const flight = this.inFlight.get(nodeName) ?? { configName };
      flight.timer = setTimeout(
        () => this.applyOrFail(nodeName, configName, target, false, layoutErrors, true),
        this.reconfigureDelayMs,
      );
      this.inFlight.set(nodeName, flight);
      return;
    }
    this.log(nodeName, [
      'Applying the selected MIG config to the node',
      `time="${logTime()}" level=debug msg="Walking MigConfig for (devices=all)"`,
    ]);
    const changing = changedGpus(hardware.gpus, target);
    for (const gpu of target) {
      this.log(nodeName, [
        `time="${logTime()}" level=debug msg="  GPU ${gpu.index}: ${hardware.deviceId}"`,
        gpu.migEnabled
          ? `time="${logTime()}" level=debug msg="    Updating MIG config: ${formatCounts(gpu.counts)}"`
          : `time="${logTime()}" level=debug msg="    MIG mode: Disabled"`,
        ...(!gpu.migEnabled || changing.includes(gpu)
          ? []
          : [`time="${logTime()}" level=debug msg="    Skipping -- already set to desired value"`]),
      ]);
    }
    hardware.gpus = target.map((gpu) => ({
      index: gpu.index,
      migEnabled: gpu.migEnabled,
      counts: gpu.migEnabled ? { ...gpu.counts } : {},
    }));
    this.inFlight.delete(nodeName);
    this.restoreOperands(nodeName);
    this.advertise(nodeName);
    this.setState(nodeName, 'success');
    this.log(nodeName, [
      'MIG configuration applied successfully',
      `time="${logTime()}" level=info msg="Successfully updated to MIG config: ${configName}"`,
      `time="${logTime()}" level=info msg="Waiting for change to '${MIG_CONFIG_LABEL}' label"`,
    ]);
  }
}

/** The node's InternalIP, which its pods report as `status.hostIP`. */
function nodeInternalIp(store: ObjectStore, nodeName: string): string | undefined {
  return store.inspect(
    'nodes',
    undefined,
    nodeName,
    (node) =>
      (
        node.status as { addresses?: { type: string; address: string }[] } | undefined
      )?.addresses?.find((address) => address.type === 'InternalIP')?.address,
  );
}

export function runningStatus(
  store: ObjectStore,
  nodeName: string,
  startTime = new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
): Record<string, unknown> {
  const condition = (type: string) => ({ type, status: 'True', lastTransitionTime: startTime });
  const hostIP = nodeInternalIp(store, nodeName);
  return {
    phase: 'Running',
    ...(hostIP ? { hostIP, hostIPs: [{ ip: hostIP }] } : {}),
    startTime,
    conditions: [
      condition('Initialized'),
      condition('Ready'),
      condition('ContainersReady'),
      condition('PodScheduled'),
    ],
  };
}

/** The ClusterPolicy CRD's schema checks the sandbox enforces (its kubebuilder enums). */
export function operatorValidators(): Record<string, TypeValidator> {
  return {
    [CLUSTER_POLICY_KEY]: (object) => {
      const causes: StatusCause[] = [];
      const spec = object.spec as
        | { mig?: { strategy?: unknown }; migManager?: { config?: { default?: unknown } } }
        | undefined;
      const strategy = spec?.mig?.strategy;
      if (strategy !== undefined && !isStrategy(strategy)) {
        causes.push({
          reason: 'FieldValueNotSupported',
          field: 'spec.mig.strategy',
          message: `Unsupported value: "${String(strategy)}": supported values: "none", "single", "mixed"`,
        });
      }
      const fallback = spec?.migManager?.config?.default;
      if (fallback !== undefined && fallback !== 'all-disabled' && fallback !== '') {
        causes.push({
          reason: 'FieldValueNotSupported',
          field: 'spec.migManager.config.default',
          message: `Unsupported value: "${String(fallback)}": supported values: "all-disabled", ""`,
        });
      }
      return causes;
    },
  };
}
