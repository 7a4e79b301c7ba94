/**
 * Node label and annotation names written by the GPU operator, GPU Feature Discovery (GFD) and the
 * mig-manager, and tolerant readers for them. Labels are free text anyone can edit, so readers
 * never throw: each malformed value is reported as a problem naming the label.
 */
import { MIG_RESOURCE_PREFIX, parseMigResourceName } from '../geometry/naming';
import type { NodeKind } from './models';
import { parseCount, safeText, type QuantityIssue } from './quantities';

// GFD (the `gpu.*` labels describe the parent GPU; under `single` they describe the MIG device).
export const GPU_PRESENT_LABEL = 'nvidia.com/gpu.present';
export const GPU_PRODUCT_LABEL = 'nvidia.com/gpu.product';
export const GPU_COUNT_LABEL = 'nvidia.com/gpu.count';
export const GPU_MEMORY_LABEL = 'nvidia.com/gpu.memory';
export const MIG_CAPABLE_LABEL = 'nvidia.com/mig.capable';
/** Present only when the strategy is not `none`. */
export const MIG_STRATEGY_LABEL = 'nvidia.com/mig.strategy';
export const GFD_TIMESTAMP_LABEL = 'nvidia.com/gfd.timestamp';

// mig-manager
/** The named config the mig-manager applies; changing its value triggers a reconfiguration. */
export const MIG_CONFIG_LABEL = 'nvidia.com/mig.config';
/** `pending` | `rebooting` | `success` | `failed`, written by the mig-manager. */
export const MIG_CONFIG_STATE_LABEL = 'nvidia.com/mig.config.state';
/** The mig-manager's `nvidia.com/mig.config.state` label, or what we know when it is absent/odd. */
export type MigConfigState = 'success' | 'pending' | 'rebooting' | 'failed' | 'absent' | 'unknown';
export const GPU_DEPLOY_LABEL_PREFIX = 'nvidia.com/gpu.deploy.';
/** Value the mig-manager writes into the operand deploy labels while it reconfigures. */
export const PAUSED_FOR_MIG_CHANGE = 'paused-for-mig-change';

/**
 * When the plugin changed `nvidia.com/mig.config` (ISO 8601). The mig-manager writes no
 * timestamp, so the write side records one; it lets "pending for 40 minutes" survive reloads.
 */
export const MIG_CONFIG_CHANGED_AT_ANNOTATION =
  'gpu-partitioning-plugin.openshift.io/mig-config-changed-at';

/**
 * The plugin's mark on a cordon it set before a MIG change (ISO 8601: when). Written in the same
 * guarded patch as `spec.unschedulable: true` and removed by the uncordon, which undoes only a
 * cordon that carries it: a cordon set by someone else (maintenance, `oc adm cordon`) has no mark
 * and is never undone by the plugin.
 */
export const CORDONED_FOR_MIG_CHANGE_ANNOTATION =
  'gpu-partitioning-plugin.openshift.io/cordoned-for-mig-change-at';

/**
 * Which nodes the plugin watches. `nvidia.com/gpu.present=true` is set by the GPU operator itself
 * (from NFD's `pci-10de` labels) before any operand runs, so nodes show up before GFD has
 * labelled them and while GFD is paused for a MIG change. NFD's `pci-10de.present` alone would
 * also catch nodes the operator does not manage (display adapters, operator not installed), and a
 * label selector cannot OR two keys into one watch.
 */
export const GPU_NODE_SELECTOR = { matchLabels: { [GPU_PRESENT_LABEL]: 'true' } };

/** Label suffixes GFD writes per MIG profile under `mixed`: `nvidia.com/mig-1g.10gb.count`. */
export const MIG_PROFILE_COUNT_SUFFIX = '.count';
export const MIG_PROFILE_MEMORY_SUFFIX = '.memory';

const MIG_CONFIG_STATES: MigConfigState[] = ['success', 'pending', 'rebooting', 'failed'];

/** Why a label's value cannot be read, as data for the UI's words. */
export type LabelProblemFacts =
  | { kind: 'not-boolean' }
  | { kind: 'not-whole-number'; quantity?: QuantityIssue }
  | { kind: 'empty' }
  | { kind: 'unknown-state' }
  | { kind: 'unknown-strategy' }
  | { kind: 'not-a-profile' };

export interface LabelProblem {
  label: string;
  value: string;
  facts: LabelProblemFacts;
}

/** What GFD's `gpu.product` says, split into its parts. */
export interface ParsedGpuProduct {
  raw: string;
  /** Without `-MIG-…` and `-SHARED`: `NVIDIA-A30`. */
  base: string;
  /** The single-strategy profile: `-MIG-1g.6gb` → `1g.6gb`. */
  singleStrategyProfile?: string;
  /** `-MIG-INVALID`: single strategy on a layout it cannot express. */
  migInvalid: boolean;
  /** `-SHARED`: time-slicing or MPS renamed the product. */
  shared: boolean;
}

export function parseGpuProduct(raw: string): ParsedGpuProduct {
  let rest = raw.trim();
  const shared = /-SHARED$/i.test(rest);
  if (shared) rest = rest.replace(/-SHARED$/i, '');
  const migMatch = /^(.*?)-MIG-(.+)$/i.exec(rest);
  if (!migMatch) return { raw, base: rest, migInvalid: false, shared };
  const suffix = migMatch[2];
  const migInvalid = suffix.toUpperCase() === 'INVALID';
  return {
    raw,
    base: migMatch[1],
    migInvalid,
    shared,
    ...(migInvalid ? {} : { singleStrategyProfile: suffix }),
  };
}

export interface GpuLabelValues {
  /** `nvidia.com/gpu.present=true`. */
  present: boolean;
  product?: ParsedGpuProduct;
  /** `nvidia.com/gpu.count`: physical GPUs (under `single`: MIG devices). */
  count?: number;
  /** `nvidia.com/gpu.memory`, MiB. */
  memoryMiB?: number;
  migCapable?: boolean;
  /** Raw `nvidia.com/mig.strategy` (absent under `none`). */
  migStrategy?: string;
  migConfig?: string;
  /** `absent` when there is no state label; `unknown` for a value the mig-manager never writes. */
  migConfigState: MigConfigState;
  rawMigConfigState?: string;
  /** `nvidia.com/mig-<p>.count` labels keyed by resource name (`nvidia.com/mig-1g.6gb`). */
  migProfileCounts: Record<string, number>;
  /** `nvidia.com/mig-<p>.memory` labels keyed by resource name, MiB as reported by the device. */
  migProfileMemoryMiB: Record<string, number>;
  /** Every `nvidia.com/gpu.deploy.<operand>` label: operand → value. */
  deploy: Record<string, string>;
  /** Operands whose deploy label reads `paused-for-mig-change`. */
  pausedOperands: string[];
  gfdTimestamp?: string;
  /** `MIG_CONFIG_CHANGED_AT_ANNOTATION`, when present and a valid date. */
  migConfigChangedAt?: string;
  /** `CORDONED_FOR_MIG_CHANGE_ANNOTATION` as written (the mark counts even when not a date). */
  cordonedForMigChangeMark?: string;
}

export interface GpuLabelReading {
  values: GpuLabelValues;
  problems: LabelProblem[];
}

function readBoolean(
  labels: Record<string, string>,
  label: string,
  problems: LabelProblem[],
): boolean | undefined {
  const value = labels[label];
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  problems.push({
    label,
    value,
    facts: { kind: 'not-boolean' },
  });
  return undefined;
}

function readCountLabel(
  labels: Record<string, string>,
  label: string,
  problems: LabelProblem[],
): number | undefined {
  const value = labels[label];
  if (value === undefined) return undefined;
  // GFD writes plain integers; quantity suffixes (`1k`) are not expected in labels.
  if (!/^\d+$/.test(value)) {
    const parsed = parseCount(value);
    problems.push({
      label,
      value,
      facts: { kind: 'not-whole-number', ...(parsed.issue ? { quantity: parsed.issue } : {}) },
    });
    return undefined;
  }
  return Number(value);
}

/** Labels as a string map, tolerating nodes whose metadata is missing or not an object. */
export function nodeLabels(node: NodeKind | undefined | null): Record<string, string> {
  const labels: unknown = node?.metadata?.labels;
  if (!labels || typeof labels !== 'object' || Array.isArray(labels)) return {};
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels as Record<string, unknown>)) {
    if (typeof value === 'string') result[key] = value;
    else if (value !== undefined && value !== null) result[key] = safeText(value);
  }
  return result;
}

/** `nodeLabels` without the copy when every value is a string already (always, from the API). */
function stringLabels(node: NodeKind | undefined | null): Record<string, string> {
  const labels: unknown = node?.metadata?.labels;
  if (!labels || typeof labels !== 'object' || Array.isArray(labels)) return {};
  const values = labels as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if (typeof values[key] !== 'string') return nodeLabels(node);
  }
  return values as Record<string, string>;
}

function nodeAnnotation(node: NodeKind | undefined | null, key: string): string | undefined {
  const annotations: unknown = node?.metadata?.annotations;
  if (!annotations || typeof annotations !== 'object') return undefined;
  const value = (annotations as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** Reads every GPU-related label of a node; never throws. */
export function readGpuLabels(node: NodeKind | undefined | null): GpuLabelReading {
  const labels = stringLabels(node);
  const problems: LabelProblem[] = [];

  const present = labels[GPU_PRESENT_LABEL] === 'true';
  const rawProduct = labels[GPU_PRODUCT_LABEL];
  let product: ParsedGpuProduct | undefined;
  if (rawProduct !== undefined) {
    if (rawProduct.trim() === '') {
      problems.push({
        label: GPU_PRODUCT_LABEL,
        value: rawProduct,
        facts: { kind: 'empty' },
      });
    } else {
      product = parseGpuProduct(rawProduct);
    }
  }

  const rawState = labels[MIG_CONFIG_STATE_LABEL];
  let migConfigState: MigConfigState = 'absent';
  if (rawState !== undefined) {
    migConfigState = (MIG_CONFIG_STATES as string[]).includes(rawState)
      ? (rawState as MigConfigState)
      : 'unknown';
    if (migConfigState === 'unknown') {
      problems.push({
        label: MIG_CONFIG_STATE_LABEL,
        value: rawState,
        facts: { kind: 'unknown-state' },
      });
    }
  }

  const migConfigRaw = labels[MIG_CONFIG_LABEL];
  let migConfig: string | undefined;
  if (migConfigRaw !== undefined) {
    // An empty value does nothing (the mig-manager ignores it); treat it as no selection.
    if (migConfigRaw.trim() !== '') migConfig = migConfigRaw;
  }

  const strategyRaw = labels[MIG_STRATEGY_LABEL];
  if (strategyRaw !== undefined && strategyRaw !== 'single' && strategyRaw !== 'mixed') {
    problems.push({
      label: MIG_STRATEGY_LABEL,
      value: strategyRaw,
      facts: { kind: 'unknown-strategy' },
    });
  }

  const migProfileCounts: Record<string, number> = {};
  const migProfileMemoryMiB: Record<string, number> = {};
  const deploy: Record<string, string> = {};
  // Runs for every node version on a 1,000-node page: no allocation per label.
  for (const label of Object.keys(labels)) {
    if (label.startsWith(MIG_RESOURCE_PREFIX)) {
      const target = label.endsWith(MIG_PROFILE_COUNT_SUFFIX)
        ? migProfileCounts
        : label.endsWith(MIG_PROFILE_MEMORY_SUFFIX)
          ? migProfileMemoryMiB
          : undefined;
      if (!target) continue;
      const suffix =
        target === migProfileCounts ? MIG_PROFILE_COUNT_SUFFIX : MIG_PROFILE_MEMORY_SUFFIX;
      const resource = label.slice(0, -suffix.length);
      if (parseMigResourceName(resource) === undefined) {
        problems.push({
          label,
          value: labels[label],
          facts: { kind: 'not-a-profile' },
        });
        continue;
      }
      const count = readCountLabel(labels, label, problems);
      if (count !== undefined) target[resource] = count;
    } else if (label.startsWith(GPU_DEPLOY_LABEL_PREFIX)) {
      deploy[label.slice(GPU_DEPLOY_LABEL_PREFIX.length)] = labels[label];
    }
  }
  const pausedOperands = Object.keys(deploy)
    .filter((operand) => deploy[operand] === PAUSED_FOR_MIG_CHANGE)
    .sort();

  const changedAt = nodeAnnotation(node, MIG_CONFIG_CHANGED_AT_ANNOTATION);
  const values: GpuLabelValues = {
    present,
    migConfigState,
    migProfileCounts,
    migProfileMemoryMiB,
    deploy,
    pausedOperands,
  };
  if (product) values.product = product;
  const count = readCountLabel(labels, GPU_COUNT_LABEL, problems);
  if (count !== undefined) values.count = count;
  const memory = readCountLabel(labels, GPU_MEMORY_LABEL, problems);
  if (memory !== undefined) values.memoryMiB = memory;
  const migCapable = readBoolean(labels, MIG_CAPABLE_LABEL, problems);
  if (migCapable !== undefined) values.migCapable = migCapable;
  if (strategyRaw !== undefined) values.migStrategy = strategyRaw;
  if (migConfig !== undefined) values.migConfig = migConfig;
  if (rawState !== undefined) values.rawMigConfigState = rawState;
  if (labels[GFD_TIMESTAMP_LABEL] !== undefined) values.gfdTimestamp = labels[GFD_TIMESTAMP_LABEL];
  if (changedAt !== undefined && !Number.isNaN(Date.parse(changedAt))) {
    values.migConfigChangedAt = changedAt;
  }
  const cordonMark = nodeAnnotation(node, CORDONED_FOR_MIG_CHANGE_ANNOTATION);
  if (cordonMark !== undefined) values.cordonedForMigChangeMark = cordonMark;
  return { values, problems };
}
