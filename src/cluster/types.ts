/**
 * View models the cluster layer builds from Nodes, Pods, the ClusterPolicy and the mig-parted
 * ConfigMap, for the pages to render. Plain data, no React.
 */
import type { SingleStrategyInvalid } from '../geometry/prediction';
import type { BuiltInSourceWhy } from '../geometry/configSource';
import type { ConfigIssue } from '../geometry/migParted';
import type {
  GpuModel,
  LayoutResult,
  LayoutWarningFacts,
  MigStrategy,
  PlacedInstance,
} from '../geometry/types';
import type { DataError } from './errors';
import type { LabelProblem, MigConfigState } from './labels';
import type { QuantityIssue, ResourceListIssue } from './quantities';

// Defined beside its label's reader (labels.ts imports nothing from here: no cycle).
export type { MigConfigState };

/**
 * What the page says about a node (or a GPU) at a glance. One node can have several conditions;
 * `NodeGpuCondition` lists them all, `primaryState` is the most urgent.
 */
export type GpuHealthState = 'applied' | 'pending' | 'failed' | 'drifted' | 'invalid' | 'disabled';

/** Why the physical GPU count is a guess. */
export type GpuCountGuess =
  /** Under `single`, `gpu.count` counts MIG devices (`labelCount`). */
  | { why: 'single-counts-mig-devices'; labelCount: number }
  | { why: 'mig-invalid' | 'count-missing' | 'count-zero'; from: 'capacity' | 'assumed' };

/**
 * A condition's facts, for the UI's words: `code` is finer than `kind` (one kind can have several
 * causes), the rest are the node's data (names, numbers, label values).
 */
export type NodeConditionFacts =
  | { code: 'malformed-label'; problem: LabelProblem }
  | { code: 'unreadable-quantity'; issue: ResourceListIssue }
  | { code: 'gfd-not-labelled' }
  | { code: 'model-not-in-catalog'; product: string }
  | { code: 'gpu-count-guess'; count: number; guess: GpuCountGuess }
  | { code: 'built-in-config'; source: MigConfigSourceView }
  /** `suggestion`: the nearest name (edit distance) among the source's configs valid for the node. */
  | { code: 'config-not-found'; config: string; issue?: ConfigIssue; suggestion?: string }
  | { code: 'config-cannot-apply'; config: string; issue: ConfigIssue }
  | { code: 'gpu-not-covered'; config: string; gpus: number[]; model?: string }
  | { code: 'single-invalid' }
  | { code: 'mig-under-strategy-none' }
  | {
      code: 'stuck-pending';
      since: string;
      /** `since` is when this page first saw the state: the cluster recorded no time for it. */
      firstSeenByPage: boolean;
      operandsPaused: boolean;
    }
  | { code: 'pending'; config: string; since?: string; firstSeenByPage: boolean }
  /**
   * `nvidia.com/mig.config` on a node whose GPUs have no MIG: nothing acts on it. `byGfd`: GFD
   * says so (`nvidia.com/mig.capable=false`), else the product is a known GPU without MIG.
   */
  | { code: 'config-without-mig'; config: string; product: string; byGfd: boolean }
  | { code: 'rebooting' }
  | { code: 'failed'; config: string }
  | { code: 'operands-paused'; operands: string[]; state: MigConfigState }
  | { code: 'drifted'; drift: ResourceDrift[] }
  | { code: 'no-gpu-resources'; expected?: Record<string, number> }
  /** Each distinct layout warning once. */
  | { code: 'predicted-slices'; warnings: LayoutWarningFacts[] };

export interface NodeGpuCondition {
  kind:
    | 'pending'
    | 'stuck-pending'
    | 'rebooting'
    | 'failed'
    | 'drifted'
    | 'single-invalid'
    | 'mig-under-strategy-none'
    | 'gpu-not-covered'
    | 'operands-paused'
    | 'unknown-model'
    | 'unknown-config'
    | 'config-without-mig'
    | 'malformed-label'
    | 'missing-capacity'
    | 'unverified-layout';
  severity: 'danger' | 'warning' | 'info';
  /** `single-invalid`: why, as data (predicted), and GFD's product label when it says MIG-INVALID. */
  singleInvalid?: { predicted?: SingleStrategyInvalid; product?: string };
  /** What the condition is about, as data (src/components/text/conditionText.ts words it). */
  facts: NodeConditionFacts;
}

/** A pod that holds GPU resources on a node (scheduled, not finished). */
export interface GpuPodUsage {
  name: string;
  namespace: string;
  nodeName: string;
  phase: string;
  /** `{ 'nvidia.com/mig-1g.6gb': 1 }` — requests (or limits when requests are absent). */
  resources: Record<string, number>;
  owner?: { kind: string; name: string };
  /** `metadata.creationTimestamp`; pods are assigned to predicted instances oldest first. */
  createdAt?: string;
  /** Malformed requests/limits (e.g. `nvidia.com/gpu: abc`), one each. */
  issues?: PodResourceIssue[];
}

/** A container's GPU request (or limit) that is not a count. */
export interface PodResourceIssue {
  /** The container's name, or `#<index>` when it has none. */
  container: string;
  init: boolean;
  resource: string;
  /** Absent when the value is unreadable for no known reason. */
  quantity?: QuantityIssue;
}

/** One MIG instance as the page draws it: predicted placement plus whether a pod holds it. */
export interface SliceInstanceView extends PlacedInstance {
  id: string;
  resourceName: string;
  inUse: boolean;
  /** Pod holding it, when the assignment is known or inferred (placements are predicted). */
  podName?: string;
  podNamespace?: string;
  /**
   * True when `podName` was inferred: the API says which *resource* a pod holds, never which
   * instance, so pods are spread over predicted instances oldest first, lowest GPU index first.
   */
  assignmentInferred?: boolean;
  /** Not held by a pod the user can see, and others' pods are hidden: in use or free. */
  usageUnknown?: boolean;
}

export interface GpuView {
  index: number;
  model?: GpuModel;
  migEnabled: boolean;
  /** Predicted layout from the node's mig.config and the config source in use. */
  layout?: LayoutResult;
  instances: SliceInstanceView[];
  state: GpuHealthState;
  /** True when no entry of the config matches this GPU (mig-parted skips it silently). */
  notCovered: boolean;
  /**
   * PCI id used to match the config's device filters. GFD labels carry no PCI id, so it is the
   * first id of the model found from `nvidia.com/gpu.product` (see `deviceIdFromModel`).
   */
  deviceId?: string;
  deviceIdFromModel?: boolean;
  /** Profile → count the config asks for on this GPU (empty when MIG is off or not covered). */
  requestedCounts?: Record<string, number>;
}

/** A moment, and whether the cluster recorded it or this page only saw it happen. */
export interface ObservedTime {
  /** ISO time. */
  at: string;
  from: 'cluster' | 'page';
}

/** One resource whose advertised amount differs from what the config predicts. */
export interface ResourceDrift {
  resourceName: string;
  expected: number;
  /** From `status.allocatable` (capacity can keep stale `nvidia.com/gpu`). */
  allocatable: number;
  /** From GFD's `nvidia.com/mig-<p>.count` label (mixed strategy), when present. */
  labelCount?: number;
}

export interface GpuNodeView {
  name: string;
  product: string;
  model?: GpuModel;
  gpuCount: number;
  /** Whole-GPU memory, MiB, from `nvidia.com/gpu.memory`. */
  gpuMemoryMiB?: number;
  migCapable: boolean;
  migConfig?: string;
  migConfigState: MigConfigState;
  /** `nvidia.com/mig.strategy` label as advertised by GFD (absent under `none`). */
  strategyLabel?: string;
  unschedulable: boolean;
  /**
   * Set when the node is cordoned with the plugin's mark (`CORDONED_FOR_MIG_CHANGE_ANNOTATION`):
   * the plugin cordoned it for a MIG change; `since` when the mark is a valid date.
   */
  cordonedForMigChange?: { since?: string };
  /** Allocatable `nvidia.com/*` resources (what the scheduler can use). */
  allocatable: Record<string, number>;
  capacity: Record<string, number>;
  /** What the config predicts the node should advertise under the cluster strategy. */
  expected?: Record<string, number>;
  gpus: GpuView[];
  pods: GpuPodUsage[];
  /** Resources in use by pods on this node. */
  inUse: Record<string, number>;
  conditions: NodeGpuCondition[];
  primaryState: GpuHealthState;
  /** `metadata.resourceVersion`, the memoisation key. */
  resourceVersion?: string;
  /** GFD's `nvidia.com/mig-<p>.count` labels keyed by resource name. */
  labelCounts: Record<string, number>;
  /** Resources where prediction and advertisement disagree (empty when they agree). */
  drift: ResourceDrift[];
  /**
   * When `migConfigState` took its value: from the cluster (managedFields; for pending also the
   * config label's time or the plugin's changed-at annotation), or, for pending only,
   * failing those, when this page first saw it.
   */
  stateSince?: ObservedTime;
  /** When `nvidia.com/mig.config` took its value, as the cluster recorded it (managedFields). */
  configSetAt?: string;
  /** The product is a known NVIDIA GPU without MIG (not merely missing from the MIG catalog). */
  knownWithoutMig?: boolean;
  /** Operands whose `nvidia.com/gpu.deploy.*` label reads `paused-for-mig-change`. */
  pausedOperands: string[];
  /** The mig-parted config used to predict this node's layout. */
  configSource?: MigConfigSourceView;
  /** Cluster strategy used for the prediction (undefined when no ClusterPolicy was read). */
  strategy?: MigStrategy;
  /**
   * Set when only the user's own pods could be read (`ownPodsOnly` in ownUsage.ts): `pods` and
   * `inUse` are theirs, and what they do not hold may be held by others.
   */
  ownPodsOnly?: boolean;
}

/** Why predictions use the built-in copy instead of a ConfigMap of the cluster. */
export type ConfigFallbackFacts =
  /** No ConfigMap applies (`why`), perhaps because the list failed (`error`). */
  | { kind: 'no-config-map'; why?: BuiltInSourceWhy; error?: DataError }
  | { kind: 'unreadable'; namespace: string; configMap: string; error: DataError }
  | { kind: 'missing'; namespace: string; configMap: string }
  | { kind: 'no-key'; namespace: string; configMap: string; key: string }
  /** `issue`: the first problem mig-parted has with the file. */
  | { kind: 'invalid'; namespace: string; configMap: string; issue?: ConfigIssue };

/** Where the mig-parted config came from, and whether we could read it. */
export interface MigConfigSourceView {
  kind: 'custom' | 'per-node' | 'default' | 'built-in';
  configMapName?: string;
  namespace?: string;
  /** Set when the built-in copy is used instead of a ConfigMap of the cluster, saying why. */
  fallback?: ConfigFallbackFacts;
}

/** Per MIG resource across the cluster: the Overview's chart and table. */
export interface ProfileAvailability {
  resourceName: string;
  profile: string;
  allocatable: number;
  inUse: number;
  free: number;
  nodes: Array<{ name: string; allocatable: number; inUse: number; free: number }>;
}

export interface ClusterGpuSummary {
  strategy?: MigStrategy;
  totalGpus: number;
  migEnabledGpus: number;
  nodesByState: Record<MigConfigState, number>;
  /** Nodes by the page's state (`primaryState`), the words the Nodes table shows. */
  nodesByHealth: Record<GpuHealthState, number>;
  profiles: ProfileAvailability[];
}
