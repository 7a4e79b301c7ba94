/**
 * What setting `nvidia.com/mig.config=<name>` on some nodes will do, before anything is written:
 * per node and GPU the layout before and after, the resources the node advertises before and
 * after, the GPU pods that make the change fail (the mig-manager does not drain them), and what
 * blocks or weakens the change. Pure; the apply modal renders it and writes only what it says.
 */
import {
  configsValidForGpus,
  listConfigNames,
  type ConfigChoice,
  type ConfigIssue,
  type MigPartedConfigFile,
  type ValidationGpu,
} from '../geometry/migParted';
import { predictNodeAfterConfig, type ConfigPrediction } from '../geometry/predictConfig';
import { GPU_RESOURCE } from '../geometry/naming';
import { diffResources, type ResourceChange } from '../geometry/prediction';
import type { GpuModel, LayoutResult, MigStrategy } from '../geometry/types';
import type { ConfigChangeStep } from './availability';
import type { WithRebootReading } from './migManagerReboot';
import type { ExistingProfile } from './openshiftAi';
import { isGpuResourceName } from './pods';
import type {
  GpuNodeView,
  GpuPodUsage,
  MigConfigSourceView,
  MigConfigState,
  SliceInstanceView,
} from './types';

/** The config `all-disabled`: MIG off on every GPU ("Disable MIG"). */
export const ALL_DISABLED_CONFIG = 'all-disabled';

export interface PlanConfigSource {
  config?: MigPartedConfigFile;
  view: MigConfigSourceView;
}

export type PlanIssueCode =
  // Errors: block the apply.
  | 'no-config-source'
  | 'config-not-found'
  | 'config-invalid'
  | 'not-mig-capable'
  // Warnings: need acknowledging.
  | 'single-strategy-invalid'
  | 'strategy-none'
  | 'gpu-pods'
  | 'already-pending'
  | 'unknown-model'
  | 'unverified-layout'
  | 'built-in-config'
  | 'reboot-on-failure'
  // Information: the node is skipped.
  | 'already-applied'
  | 'same-value-no-retry';

export interface PlanIssue {
  severity: 'error' | 'warning' | 'info';
  code: PlanIssueCode;
  /** Names the issue is about (the product, the config a pending change applies), as they are. */
  details: string[];
  /** The mig-parted issues behind the plan issue. */
  configIssues?: ConfigIssue[];
  /** `no-config-source`, `built-in-config`: the source that fell back, and why. */
  source?: MigConfigSourceView;
  /** `reboot-on-failure`: the ClusterPolicy's WITH_REBOOT, and the GPUs whose MIG mode changes. */
  reboot?: RebootFacts;
}

export interface RebootFacts {
  /** `unknown`: WITH_REBOOT is set from `valueFrom` or to a value that is not plainly a boolean. */
  setting: 'on' | 'unknown';
  /** The value when `unknown`. */
  value?: string;
  /** GPUs whose MIG mode the change turns on or off; empty when it cannot be predicted. */
  modeChangeGpus: number[];
}

export interface GpuPlan {
  index: number;
  model?: GpuModel;
  before: {
    migEnabled: boolean;
    instances: SliceInstanceView[];
    /**
     * MIG off: whether a pod holds this whole GPU. `unknown` when pods hold some but not all of the
     * node's whole GPUs: the API counts them and never says which (see `wholeGpusInUse`).
     */
    wholeGpuInUse?: boolean | 'unknown';
  };
  after: {
    migEnabled: boolean;
    /** Undefined when the GPU keeps MIG off, or the model is unknown. */
    layout?: LayoutResult;
    /** mig-parted leaves this GPU as it is. */
    untouched: boolean;
  };
  /** Instance ids (as drawn after) that are new or moved compared with before. */
  changedInstanceIds: string[];
}

export interface NodeApplyPlan {
  nodeName: string;
  /** The config this node is previewed with (its step's, in a plan of several configs). */
  configName: string;
  /** The node's `nvidia.com/mig.config` now. */
  currentConfig?: string;
  state: MigConfigState;
  configSource?: MigConfigSourceView;
  prediction?: ConfigPrediction;
  gpus: GpuPlan[];
  /** GPU resources the node advertises now (allocatable). */
  resourcesBefore: Record<string, number>;
  /** What it will advertise after a successful apply; undefined when not predictable. */
  resourcesAfter?: Record<string, number>;
  changes: ResourceChange[];
  /** GPU pods on the node: while they run, the change fails ("In use by another client"). */
  pods: GpuPodUsage[];
  /** Whole GPUs (MIG off) pods hold now, of how many: set when pods hold any. */
  wholeGpusInUse?: { inUse: number; of: number };
  unschedulable: boolean;
  issues: PlanIssue[];
  /** Any error: nothing may be written to this node. */
  blocked: boolean;
  /** The label already has this value: writing it would do nothing (the node is skipped). */
  skip: boolean;
}

/** A GPU resource the whole cluster advertises now and, after the change, no longer anywhere. */
export interface LostResource {
  resource: string;
  /** How many the cluster advertises now (allocatable, every GPU node). */
  before: number;
  /** The changed nodes that advertise it now. */
  nodes: string[];
}

/** An OpenShift AI profile whose accelerator no node would offer after the change. */
export interface OrphanedProfile {
  profile: ExistingProfile;
  /** Its identifiers the change removes from the cluster. */
  identifiers: string[];
}

/** What the change costs the whole cluster, beyond the nodes it writes. */
export interface ClusterEffect {
  lostResources: LostResource[];
  orphanedProfiles: OrphanedProfile[];
  /** Changed nodes whose advertisement afterwards cannot be predicted (not counted as losses). */
  unpredictable: string[];
}

/**
 * What an apply sets: one config on every node, or a plan of several steps ("Make room"), each
 * step's config on its nodes.
 */
export type ConfigTargets = { configName: string } | { steps: ConfigChangeStep[] };

/** The config `targets` give a node; undefined for a node no step names. */
export const configOfNode = (targets: ConfigTargets, nodeName: string): string | undefined =>
  'configName' in targets
    ? targets.configName
    : targets.steps.find((step) => step.nodes.includes(nodeName))?.toConfig;

export type ApplyPlan = ConfigTargets & {
  strategy?: MigStrategy;
  nodes: NodeApplyPlan[];
  /** Set when the cluster's nodes were given: resources and profiles the change orphans. */
  clusterEffect?: ClusterEffect;
  /** Nodes the apply writes to (not skipped). */
  writes: string[];
  blocked: boolean;
  /** True when warnings exist that the user must acknowledge. */
  needsAcknowledgement: boolean;
};

export interface ApplyPlanInput {
  nodes: GpuNodeView[];
  configName: string;
  strategy?: MigStrategy;
  sourceFor: (nodeName: string) => PlanConfigSource;
  /** The ClusterPolicy's WITH_REBOOT: a failed MIG mode change then reboots the node. */
  withReboot?: WithRebootReading;
  /** Every GPU node of the cluster, for the cluster-wide effect (`clusterEffect`). */
  clusterNodes?: GpuNodeView[];
  /** OpenShift AI's hardware and accelerator profiles, to name those the change orphans. */
  openShiftAiProfiles?: ExistingProfile[];
}

function gpuResources(resources: Record<string, number>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [name, value] of Object.entries(resources)) {
    if (isGpuResourceName(name)) result[name] = value;
  }
  return result;
}

/** The GPUs of a node as mig-parted identifies them (GFD gives the model, not the PCI id). */
function validationGpus(node: GpuNodeView): ValidationGpu[] {
  const model = node.model;
  if (!model) return [];
  return node.gpus.map((gpu) => ({
    index: gpu.index,
    deviceId: gpu.deviceId ?? model.pciDeviceIds[0] ?? '',
    model,
  }));
}

const placementKey = (instance: { profile: string; start: number }) =>
  `${instance.profile}@${instance.start}`;

/**
 * Whole GPUs (MIG off) held by pods: the API counts what each pod requests, never which GPU it
 * got, so only "all of them" or "none" can be drawn per GPU.
 */
function wholeGpusInUse(node: GpuNodeView): NodeApplyPlan['wholeGpusInUse'] {
  const of = node.gpus.filter((gpu) => !gpu.migEnabled).length;
  const held = node.inUse[GPU_RESOURCE] ?? 0;
  return of > 0 && held > 0 ? { inUse: Math.min(held, of), of } : undefined;
}

function wholeGpuInUse(use: NodeApplyPlan['wholeGpusInUse']): boolean | 'unknown' {
  if (!use) return false;
  return use.inUse >= use.of ? true : 'unknown';
}

function planGpus(
  node: GpuNodeView,
  prediction: ConfigPrediction | undefined,
  wholeGpus: NodeApplyPlan['wholeGpusInUse'],
): GpuPlan[] {
  const wholeUse = wholeGpuInUse(wholeGpus);
  return node.gpus.map((gpu) => {
    const predicted = prediction?.gpus.find((candidate) => candidate.index === gpu.index);
    const after: GpuPlan['after'] = {
      migEnabled: predicted ? predicted.migEnabled : gpu.migEnabled,
      untouched: predicted ? predicted.untouched : true,
    };
    if (predicted?.layout && predicted.migEnabled) after.layout = predicted.layout;
    const beforeKeys = new Set(gpu.migEnabled ? gpu.instances.map(placementKey) : []);
    const changedInstanceIds =
      after.layout && !after.untouched
        ? after.layout.instances
            .filter((instance) => !beforeKeys.has(placementKey(instance)))
            .map((instance) => `${node.name}/gpu${gpu.index}/after/${placementKey(instance)}`)
        : [];
    const plan: GpuPlan = {
      index: gpu.index,
      before: {
        migEnabled: gpu.migEnabled,
        instances: gpu.instances,
        ...(gpu.migEnabled ? {} : { wholeGpuInUse: wholeUse }),
      },
      after,
      changedInstanceIds,
    };
    if (gpu.model ?? node.model) plan.model = gpu.model ?? node.model;
    return plan;
  });
}

/** GPUs of a node whose before and after are drawn alike; `gpu` is the first of them. */
export interface GpuPlanGroup {
  indices: number[];
  gpu: GpuPlan;
}

/** What a GPU's preview draws, without its index. */
function drawnKey(gpu: GpuPlan): string {
  return JSON.stringify([
    gpu.model?.id,
    gpu.before.migEnabled,
    gpu.before.wholeGpuInUse,
    gpu.before.instances.map((instance) => [
      placementKey(instance),
      instance.inUse,
      instance.podNamespace,
      instance.podName,
    ]),
    gpu.after.migEnabled,
    gpu.after.untouched,
    gpu.after.layout?.instances.map(placementKey),
  ]);
}

/**
 * Groups GPUs whose preview looks the same (eight GPUs going from MIG off to all-balanced are
 * one before → after pair), in GPU order.
 */
export function groupGpuPlans(gpus: GpuPlan[]): GpuPlanGroup[] {
  const groups = new Map<string, GpuPlanGroup>();
  for (const gpu of gpus) {
    const key = drawnKey(gpu);
    const group = groups.get(key);
    if (group) group.indices.push(gpu.index);
    else groups.set(key, { indices: [gpu.index], gpu });
  }
  return [...groups.values()];
}

/**
 * With WITH_REBOOT on, a MIG mode change the GPU reset cannot apply reboots the node (geometry
 * notes section 9, step 9), killing every pod on it. Only a mode change (MIG on ↔ off) can; an
 * unpredictable change (unknown model, no config) might be one.
 */
function rebootFacts(
  withReboot: WithRebootReading | undefined,
  gpus: GpuPlan[],
  predicted: boolean,
): RebootFacts | undefined {
  if (!withReboot || withReboot.setting === 'off') return undefined;
  const modeChangeGpus = gpus
    .filter((gpu) => gpu.before.migEnabled !== gpu.after.migEnabled)
    .map((gpu) => gpu.index);
  if (predicted && modeChangeGpus.length === 0) return undefined;
  return {
    setting: withReboot.setting,
    ...(withReboot.value !== undefined ? { value: withReboot.value } : {}),
    modeChangeGpus,
  };
}

const issuesOf = (issues: ConfigIssue[], codes: ConfigIssue['code'][]) =>
  issues.filter((issue) => codes.includes(issue.code));

/** Plans one node. Never throws. */
export function planNodeApply(
  node: GpuNodeView,
  configName: string,
  strategy: MigStrategy | undefined,
  source: PlanConfigSource,
  withReboot?: WithRebootReading,
): NodeApplyPlan {
  const issues: PlanIssue[] = [];
  const add = (severity: PlanIssue['severity'], code: PlanIssueCode, details: string[] = []) =>
    issues.push({ severity, code, details });
  /** An issue whose specifics are mig-parted issues. */
  const addIssues = (
    severity: PlanIssue['severity'],
    code: PlanIssueCode,
    configIssues: ConfigIssue[],
  ) => issues.push({ severity, code, details: [], configIssues });
  /** An issue whose detail is the config source's fallback reason. */
  const addFallback = (severity: PlanIssue['severity'], code: PlanIssueCode) =>
    issues.push({
      severity,
      code,
      details: [],
      ...(source.view.fallback ? { source: source.view } : {}),
    });
  const resourcesBefore = gpuResources(node.allocatable);

  let prediction: ConfigPrediction | undefined;
  if (!source.config) {
    addFallback('error', 'no-config-source');
  } else if (!node.model) {
    const found = listConfigNames(source.config).includes(configName);
    if (!found) add('error', 'config-not-found');
    add('warning', 'unknown-model', node.product ? [node.product] : []);
  } else {
    prediction = predictNodeAfterConfig({
      config: source.config,
      configName,
      strategy: strategy ?? 'none',
      product: node.product,
      gpus: node.gpus.map((gpu) => ({
        index: gpu.index,
        deviceId: gpu.deviceId ?? node.model?.pciDeviceIds[0] ?? '',
        ...(node.model ? { model: node.model } : {}),
        current: { migEnabled: gpu.migEnabled, counts: gpu.requestedCounts ?? {} },
      })),
    });
    if (!prediction.found) {
      addIssues('error', 'config-not-found', issuesOf(prediction.errors, ['config-not-found']));
    } else {
      const notCapable = issuesOf(prediction.errors, ['not-mig-capable']);
      if (notCapable.length > 0) addIssues('error', 'not-mig-capable', notCapable);
      const invalid = prediction.errors.filter(
        (issue) =>
          !['config-not-found', 'not-mig-capable', 'single-strategy-invalid'].includes(issue.code),
      );
      if (invalid.length > 0) addIssues('error', 'config-invalid', invalid);
      // The mig-manager applies it; the device plugin then refuses the layout. The user may be
      // about to switch to `mixed`, so this warns instead of blocking.
      const singleInvalid = issuesOf(prediction.errors, ['single-strategy-invalid']);
      if (singleInvalid.length > 0) addIssues('warning', 'single-strategy-invalid', singleInvalid);
      if (prediction.warnings.length > 0) {
        addIssues('warning', 'unverified-layout', prediction.warnings);
      }
    }
  }

  const wholeGpus = wholeGpusInUse(node);
  const gpus = planGpus(node, prediction, wholeGpus);
  if (strategy === 'none' && gpus.some((gpu) => gpu.after.migEnabled)) {
    add('warning', 'strategy-none');
  }
  if (source.view.kind === 'built-in' && source.view.fallback) {
    addFallback('warning', 'built-in-config');
  }

  const sameValue = node.migConfig === configName;
  if (sameValue) {
    add('info', node.migConfigState === 'success' ? 'already-applied' : 'same-value-no-retry');
  } else {
    if (node.migConfigState === 'pending' || node.migConfigState === 'rebooting') {
      add('warning', 'already-pending', node.migConfig ? [node.migConfig] : []);
    }
    if (node.pods.length > 0) {
      add(
        'warning',
        'gpu-pods',
        node.pods.map((pod) => `${pod.namespace}/${pod.name}`),
      );
    }
    const reboot = rebootFacts(withReboot, gpus, prediction !== undefined);
    // The costliest warning (every pod on the node) comes first, right after the errors.
    const firstWarning = issues.findIndex((issue) => issue.severity !== 'error');
    if (reboot) {
      issues.splice(firstWarning < 0 ? issues.length : firstWarning, 0, {
        severity: 'warning',
        code: 'reboot-on-failure',
        details: [],
        reboot,
      });
    }
  }

  const resourcesAfter = prediction?.advertisement
    ? gpuResources(prediction.advertisement.resources)
    : undefined;
  const plan: NodeApplyPlan = {
    nodeName: node.name,
    configName,
    state: node.migConfigState,
    gpus,
    resourcesBefore,
    changes: resourcesAfter ? diffResources(resourcesBefore, resourcesAfter) : [],
    pods: node.pods,
    ...(wholeGpus ? { wholeGpusInUse: wholeGpus } : {}),
    unschedulable: node.unschedulable,
    issues,
    blocked: !sameValue && issues.some((issue) => issue.severity === 'error'),
    skip: sameValue,
  };
  if (node.migConfig !== undefined) plan.currentConfig = node.migConfig;
  if (node.configSource) plan.configSource = node.configSource;
  if (prediction) plan.prediction = prediction;
  if (resourcesAfter) plan.resourcesAfter = resourcesAfter;
  return plan;
}

const addUp = (totals: Map<string, number>, resources: Record<string, number>) => {
  for (const [name, count] of Object.entries(resources)) {
    totals.set(name, (totals.get(name) ?? 0) + count);
  }
};

/**
 * What the cluster advertises before and after the written nodes change (allocatable, every GPU
 * node), the resources no node would advertise any more, and the OpenShift AI profiles asking for
 * them (their workloads would stay Pending). A node whose result cannot be predicted keeps its
 * resources here: the preview claims no loss it cannot show.
 */
export function planClusterEffect(
  nodes: NodeApplyPlan[],
  clusterNodes: GpuNodeView[],
  profiles: ExistingProfile[] = [],
): ClusterEffect {
  const written = nodes.filter((node) => !node.skip);
  const changed = new Map(written.map((node) => [node.nodeName, node]));
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  const others = clusterNodes.filter((node) => !changed.has(node.name));
  for (const node of others) {
    addUp(before, gpuResources(node.allocatable));
    addUp(after, gpuResources(node.allocatable));
  }
  for (const node of written) {
    addUp(before, node.resourcesBefore);
    addUp(after, node.resourcesAfter ?? node.resourcesBefore);
  }
  const lostResources: LostResource[] = [...before.entries()]
    .filter(([resource, count]) => count > 0 && (after.get(resource) ?? 0) === 0)
    .map(([resource, count]) => ({
      resource,
      before: count,
      nodes: written
        .filter((node) => (node.resourcesBefore[resource] ?? 0) > 0)
        .map((node) => node.nodeName),
    }))
    .sort((a, b) => a.resource.localeCompare(b.resource));
  const lost = new Set(lostResources.map((resource) => resource.resource));
  const orphanedProfiles = profiles
    .map((profile) => ({
      profile,
      identifiers: profile.identifiers.filter((identifier) => lost.has(identifier)),
    }))
    .filter((orphaned) => orphaned.identifiers.length > 0);
  return {
    lostResources,
    orphanedProfiles,
    unpredictable: written.filter((node) => !node.resourcesAfter).map((node) => node.nodeName),
  };
}

/** Workloads started from an OpenShift AI profile would wait forever: acknowledged like a warning. */
const orphansProfiles = (effect: ClusterEffect | undefined) =>
  !!effect && effect.orphanedProfiles.length > 0;

/** What the node plans add up to: the writes, the cluster effect, blocked, acknowledgement. */
function assemblePlan(
  targets: ConfigTargets,
  nodes: NodeApplyPlan[],
  input: Omit<ApplyPlanInput, 'nodes' | 'configName'>,
): ApplyPlan {
  const clusterEffect = input.clusterNodes
    ? planClusterEffect(nodes, input.clusterNodes, input.openShiftAiProfiles)
    : undefined;
  const plan: ApplyPlan = {
    ...targets,
    nodes,
    writes: nodes.filter((node) => !node.skip).map((node) => node.nodeName),
    blocked: nodes.some((node) => node.blocked),
    needsAcknowledgement:
      orphansProfiles(clusterEffect) ||
      nodes.some((node) => !node.skip && node.issues.some((issue) => issue.severity === 'warning')),
  };
  if (input.strategy) plan.strategy = input.strategy;
  if (clusterEffect) plan.clusterEffect = clusterEffect;
  return plan;
}

export function planApply(input: ApplyPlanInput): ApplyPlan {
  const nodes = input.nodes.map((node) =>
    planNodeApply(
      node,
      input.configName,
      input.strategy,
      input.sourceFor(node.name),
      input.withReboot,
    ),
  );
  return assemblePlan({ configName: input.configName }, nodes, input);
}

export type ApplyStepsInput = Omit<ApplyPlanInput, 'configName'> & {
  /** Each step's config for its nodes; a node named by two steps gets the first's. */
  steps: ConfigChangeStep[];
};

/**
 * A plan of several configs ("Make room"): each step's nodes (those among `input.nodes`) planned
 * with its config, in step order, and what they cost the cluster all together. The plan's steps
 * name only the nodes planned.
 */
export function planApplySteps(input: ApplyStepsInput): ApplyPlan {
  const views = new Map(input.nodes.map((node) => [node.name, node]));
  const nodes: NodeApplyPlan[] = [];
  const steps: ConfigChangeStep[] = [];
  for (const step of input.steps) {
    const stepNodes = step.nodes.flatMap((name) => {
      const view = views.get(name);
      if (!view || nodes.some((planned) => planned.nodeName === name)) return [];
      const source = input.sourceFor(name);
      return [planNodeApply(view, step.toConfig, input.strategy, source, input.withReboot)];
    });
    nodes.push(...stepNodes);
    if (stepNodes.length > 0) {
      steps.push({ toConfig: step.toConfig, nodes: stepNodes.map((node) => node.nodeName) });
    }
  }
  return assemblePlan({ steps }, nodes, input);
}

/**
 * Why a config is unavailable on a node: the node's config source does not have the name, or an
 * issue of the mig-parted checks. `node` is set when several nodes are selected.
 */
export type ConfigOptionReason = { node?: string } & (
  { kind: 'not-in-config' } | { kind: 'issue'; issue: ConfigIssue }
);

export interface ConfigOption {
  name: string;
  /** Valid (or not decidable offline) for every selected node. */
  available: boolean;
  /** `unknown` when some node's layout cannot be checked offline. */
  verdict: 'valid' | 'invalid' | 'unknown';
  /** Why it is unavailable, on which node when several are selected. */
  why: ConfigOptionReason[];
  comment?: string[];
  /** The value every selected node already has. */
  current: boolean;
}

/**
 * Every config name any selected node's config source knows, judged for every selected node's GPUs
 * (`configsValidForGpus`). Available when no node finds it invalid; unknown models cannot be
 * judged and make the verdict `unknown`. Sorted: available first, then by name, `all-disabled` first.
 */
export function configOptions(
  nodes: GpuNodeView[],
  sourceFor: (nodeName: string) => PlanConfigSource,
): ConfigOption[] {
  const byName = new Map<string, ConfigOption>();
  const perNode = nodes.map((node) => {
    const config = sourceFor(node.name).config;
    const choices = new Map<string, ConfigChoice>();
    if (config && node.model) {
      for (const choice of configsValidForGpus(config, validationGpus(node))) {
        choices.set(choice.name, choice);
      }
    } else if (config) {
      for (const name of listConfigNames(config)) {
        choices.set(name, { name, verdict: 'unknown', issues: [] });
      }
    }
    return { node, choices };
  });
  for (const { choices } of perNode) {
    for (const name of choices.keys()) {
      if (!byName.has(name)) {
        byName.set(name, {
          name,
          available: true,
          verdict: 'valid',
          why: [],
          current: false,
        });
      }
    }
  }
  const several = nodes.length > 1;
  for (const option of byName.values()) {
    for (const { node, choices } of perNode) {
      const where = several ? { node: node.name } : {};
      const choice = choices.get(option.name);
      if (!choice) {
        option.available = false;
        option.verdict = 'invalid';
        option.why.push({ ...where, kind: 'not-in-config' });
        continue;
      }
      if (choice.comment && !option.comment) option.comment = choice.comment;
      if (choice.verdict === 'invalid') {
        option.available = false;
        option.verdict = 'invalid';
        option.why.push(
          ...choice.issues.map((issue): ConfigOptionReason => ({ ...where, kind: 'issue', issue })),
        );
      } else if (choice.verdict === 'unknown' && option.verdict === 'valid') {
        option.verdict = 'unknown';
      }
    }
    option.current = nodes.length > 0 && nodes.every((node) => node.migConfig === option.name);
  }
  return [...byName.values()].sort((a, b) => {
    if (a.available !== b.available) return a.available ? -1 : 1;
    if (a.name === ALL_DISABLED_CONFIG) return -1;
    if (b.name === ALL_DISABLED_CONFIG) return 1;
    return a.name.localeCompare(b.name, undefined, { numeric: true });
  });
}
