/**
 * JSON Patches (RFC 6902) for every write the plugin makes. Each patch starts with a `test` of the
 * value the user's preview was computed from, so the API server rejects the write (HTTP 422) when
 * someone changed the object in between, instead of overwriting their change silently. Pure: the
 * caller sends them with `k8sPatch`.
 */
import type { Patch } from '@openshift-console/dynamic-plugin-sdk';
import type { MigStrategy } from '../geometry/types';
import {
  CORDONED_FOR_MIG_CHANGE_ANNOTATION,
  MIG_CONFIG_CHANGED_AT_ANNOTATION,
  MIG_CONFIG_LABEL,
} from './labels';
import type { ClusterPolicyKind, NodeKind } from './models';

/** RFC 6901: `~` → `~0`, `/` → `~1` (order matters). */
export function escapeJsonPointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function labelPath(label: string): string {
  return `/metadata/labels/${escapeJsonPointerSegment(label)}`;
}

export function annotationPath(annotation: string): string {
  return `/metadata/annotations/${escapeJsonPointerSegment(annotation)}`;
}

/** `/metadata/labels/nvidia.com~1mig.config`. */
export const MIG_CONFIG_LABEL_PATH = labelPath(MIG_CONFIG_LABEL);

/** What the preview saw of a node: the precondition of every write to it. */
export interface NodeSnapshot {
  name: string;
  /** Raw `nvidia.com/mig.config` value; undefined when the label is absent. */
  migConfigLabel?: string;
  /** `metadata.resourceVersion` the preview was computed from. */
  resourceVersion?: string;
  /** Whether the node has `metadata.labels` / `metadata.annotations` at all. */
  hasLabels: boolean;
  hasAnnotations: boolean;
  unschedulable: boolean;
  /**
   * The node's `spec` as previewed, when it is an object: the cordon tests it whole, so a cordon
   * (or taint) someone added since the preview is never marked as the plugin's.
   */
  spec?: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The snapshot of a node object as the preview read it. */
export function nodeSnapshot(node: NodeKind): NodeSnapshot {
  const labels: unknown = node.metadata?.labels;
  const raw = isObject(labels) ? labels[MIG_CONFIG_LABEL] : undefined;
  const spec: unknown = node.spec;
  const snapshot: NodeSnapshot = {
    name: node.metadata?.name ?? '',
    hasLabels: isObject(labels),
    hasAnnotations: isObject(node.metadata?.annotations),
    unschedulable: isObject(spec) && spec.unschedulable === true,
  };
  if (typeof raw === 'string') snapshot.migConfigLabel = raw;
  if (isObject(spec)) snapshot.spec = spec;
  if (node.metadata?.resourceVersion) snapshot.resourceVersion = node.metadata.resourceVersion;
  return snapshot;
}

export class MissingPreconditionError extends Error {
  constructor(what: string) {
    super(`Cannot guard the change of ${what}: its resourceVersion is unknown. Reload and retry.`);
    this.name = 'MissingPreconditionError';
  }
}

/**
 * The test that proves the node still is what the preview showed. With the label present, its
 * value. With the label absent, JSON Patch cannot test that a member is missing (a `test` against
 * a missing path fails), so the whole object's `resourceVersion` is tested instead: stricter (any
 * write to the node makes it fail; the caller re-reads the node and retries while the label is
 * still absent, see `mayRetryOnFreshResourceVersion`), but never wrong.
 */
function migConfigPrecondition(node: NodeSnapshot): Patch {
  if (node.migConfigLabel !== undefined) {
    return { op: 'test', path: MIG_CONFIG_LABEL_PATH, value: node.migConfigLabel };
  }
  if (!node.resourceVersion) throw new MissingPreconditionError(`node ${node.name}`);
  return { op: 'test', path: '/metadata/resourceVersion', value: node.resourceVersion };
}

/** A node write whose guard may be the resourceVersion: the label change, or the cordon before it. */
export type GuardedNodeWrite = 'mig-config' | 'cordon';

/**
 * A write guarded by the node's resourceVersion (the label was absent in the preview) was refused:
 * may it be rebuilt on the node as re-read (`fresh`) and sent again? The resourceVersion moves on
 * any write to the node (kubelet status, other controllers' labels), so its test fails although
 * nothing the preview relied on changed. Yes while that still holds: the label still absent and,
 * for a cordon, the node still schedulable (the preview cordons only a schedulable node); and only
 * when the resourceVersion did move (else the retry would be refused again). No when the preview
 * tested the label's value (a refusal then is a real change) or the label has appeared: someone
 * else chose a config, and the user must preview again.
 */
export function mayRetryOnFreshResourceVersion(
  expected: NodeSnapshot,
  fresh: NodeSnapshot,
  write: GuardedNodeWrite,
): boolean {
  return (
    expected.migConfigLabel === undefined &&
    fresh.migConfigLabel === undefined &&
    fresh.name === expected.name &&
    fresh.resourceVersion !== undefined &&
    fresh.resourceVersion !== expected.resourceVersion &&
    (write !== 'cordon' || !fresh.unschedulable)
  );
}

function setMember(exists: boolean, parentPath: string, path: string, key: string, value: string) {
  // `add` on an object member is an upsert; the parent object itself must exist first.
  return exists
    ? { op: 'add', path, value }
    : { op: 'add', path: parentPath, value: { [key]: value } };
}

/**
 * Sets `nvidia.com/mig.config` to `configName`, guarded by the value the preview used, and records
 * when (the mig-manager writes no timestamp; the plugin uses it for "pending for 20 min").
 */
export function migConfigLabelPatch(node: NodeSnapshot, configName: string, now: Date): Patch[] {
  return [
    migConfigPrecondition(node),
    setMember(
      node.hasLabels,
      '/metadata/labels',
      MIG_CONFIG_LABEL_PATH,
      MIG_CONFIG_LABEL,
      configName,
    ),
    setMember(
      node.hasAnnotations,
      '/metadata/annotations',
      annotationPath(MIG_CONFIG_CHANGED_AT_ANNOTATION),
      MIG_CONFIG_CHANGED_AT_ANNOTATION,
      now.toISOString(),
    ),
  ];
}

/**
 * The recovery step: the label from `expected` (what the progress panel shows) to `next`. The
 * annotation object exists on every node the plugin wrote to (it records the change time).
 */
export function migConfigRecoveryPatch(
  nodeName: string,
  expected: string,
  next: string,
  now: Date,
): Patch[] {
  const snapshot: NodeSnapshot = {
    name: nodeName,
    migConfigLabel: expected,
    hasLabels: true,
    hasAnnotations: true,
    unschedulable: false,
  };
  return migConfigLabelPatch(snapshot, next, now);
}

/** `/metadata/annotations/gpu-partitioning-plugin.openshift.io~1cordoned-for-mig-change-at`. */
export const CORDON_MARK_PATH = annotationPath(CORDONED_FOR_MIG_CHANGE_ANNOTATION);

/**
 * Cordons the node (`spec.unschedulable: true`, what `oc adm cordon` writes) and marks the cordon
 * as the plugin's, with the time (`CORDONED_FOR_MIG_CHANGE_ANNOTATION`). Guarded like the label
 * change (the node still carries the config the user is replacing) and by the previewed `spec`, so
 * a cordon set by someone else since the preview (absent `unschedulable` cannot be tested) makes
 * the write fail instead of being marked as the plugin's.
 */
export function cordonPatch(node: NodeSnapshot, now: Date = new Date()): Patch[] {
  const specGuard: Patch[] = node.spec ? [{ op: 'test', path: '/spec', value: node.spec }] : [];
  return [
    migConfigPrecondition(node),
    ...specGuard,
    { op: 'add', path: '/spec/unschedulable', value: true },
    setMember(
      node.hasAnnotations,
      '/metadata/annotations',
      CORDON_MARK_PATH,
      CORDONED_FOR_MIG_CHANGE_ANNOTATION,
      now.toISOString(),
    ),
  ];
}

/**
 * Uncordons a node the plugin cordoned: only while it is cordoned and carries the plugin's mark
 * (`cordonedAt`, the mark's value as seen, is tested when known; without it the `remove` of the
 * mark fails on a node without one), and removes the mark. Someone else's cordon is never undone.
 */
export function uncordonPatch(cordonedAt?: string): Patch[] {
  const markGuard: Patch[] =
    cordonedAt === undefined ? [] : [{ op: 'test', path: CORDON_MARK_PATH, value: cordonedAt }];
  return [
    { op: 'test', path: '/spec/unschedulable', value: true },
    ...markGuard,
    { op: 'remove', path: CORDON_MARK_PATH },
    { op: 'replace', path: '/spec/unschedulable', value: false },
  ];
}

/** What the preview saw of a ClusterPolicy. */
export interface ClusterPolicySnapshot {
  name: string;
  /** Raw `spec.mig.strategy`; undefined when absent. */
  strategy?: string;
  hasMig: boolean;
  hasSpec: boolean;
  resourceVersion?: string;
}

export function clusterPolicySnapshot(policy: ClusterPolicyKind): ClusterPolicySnapshot {
  const spec: unknown = policy.spec;
  const mig: unknown = isObject(spec) ? spec.mig : undefined;
  const strategy: unknown = isObject(mig) ? mig.strategy : undefined;
  const snapshot: ClusterPolicySnapshot = {
    name: policy.metadata?.name ?? '',
    hasSpec: isObject(spec),
    hasMig: isObject(mig),
  };
  if (typeof strategy === 'string') snapshot.strategy = strategy;
  if (policy.metadata?.resourceVersion) snapshot.resourceVersion = policy.metadata.resourceVersion;
  return snapshot;
}

/**
 * The strategy counterpart of `mayRetryOnFreshResourceVersion`: a write guarded by the
 * ClusterPolicy's resourceVersion (no strategy in the preview) may be rebuilt on the re-read policy
 * while it still has no strategy and its resourceVersion did move (the operator's status updates
 * move it). Once someone has set a strategy, the refusal stands.
 */
export function mayRetryStrategyOnFreshResourceVersion(
  expected: ClusterPolicySnapshot,
  fresh: ClusterPolicySnapshot,
): boolean {
  return (
    expected.strategy === undefined &&
    fresh.strategy === undefined &&
    fresh.name === expected.name &&
    fresh.resourceVersion !== undefined &&
    fresh.resourceVersion !== expected.resourceVersion
  );
}

/**
 * Sets `spec.mig.strategy`. With a strategy present: test it, then replace. Absent: the
 * resourceVersion is tested (see `migConfigPrecondition`) and `spec.mig` (or its `strategy`) added.
 */
export function strategyPatch(policy: ClusterPolicySnapshot, strategy: MigStrategy): Patch[] {
  if (policy.hasMig && policy.strategy !== undefined) {
    return [
      { op: 'test', path: '/spec/mig/strategy', value: policy.strategy },
      { op: 'replace', path: '/spec/mig/strategy', value: strategy },
    ];
  }
  if (!policy.resourceVersion) throw new MissingPreconditionError(`ClusterPolicy ${policy.name}`);
  const guard: Patch = {
    op: 'test',
    path: '/metadata/resourceVersion',
    value: policy.resourceVersion,
  };
  if (policy.hasMig) return [guard, { op: 'add', path: '/spec/mig/strategy', value: strategy }];
  if (policy.hasSpec) return [guard, { op: 'add', path: '/spec/mig', value: { strategy } }];
  return [guard, { op: 'add', path: '/spec', value: { mig: { strategy } } }];
}
