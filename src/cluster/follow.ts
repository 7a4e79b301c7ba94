/**
 * Following a `nvidia.com/mig.config` change to its end, from the node views a watch delivers.
 *
 * The view lags the write: the console flushes watch events every 500 ms and, when a watch drops,
 * re-lists only after 15 s, so objects older than the plugin's own PATCH keep arriving after the
 * PATCH has answered. resourceVersions are opaque (equal or not, never older or newer), so the
 * order comes from the sequence of events: until the view has shown the write (an object at the
 * resourceVersion the PATCH returned, or one carrying the written value), an object with another
 * value is older than the write, not someone else's change. When the view never shows the write
 * (the watch skipped it), a read made after the write decides (`needsReadAfterWrite`).
 */
import { STUCK_PENDING_AFTER_MS } from './nodeView';
import type { GpuNodeView, MigConfigState } from './types';

/** A label change being followed on one node. */
export interface FollowTarget {
  nodeName: string;
  configName: string;
  /** ISO time the label was written. */
  startedAt: string;
  /** The mig-manager state when the label was written (a `failed` before is not a new failure). */
  initialState: MigConfigState;
  /** `metadata.resourceVersion` of the object the PATCH returned: the write's own watch event. */
  writtenResourceVersion?: string;
  /** The value before, for "back to the previous config". */
  previousConfig?: string;
  /** The plugin cordoned the node before the change (offer to uncordon after). */
  cordonedByPlugin?: boolean;
  /** Set during a retry's first step: once this change settles, set the label to this value. */
  thenApply?: string;
}

export type FollowPhase =
  /** Written; the mig-manager has not reacted yet (or the view has not shown the write yet). */
  | 'waiting'
  | 'pending'
  | 'rebooting'
  /** Pending longer than the mig-manager's own timeouts. */
  | 'stuck'
  | 'success'
  | 'failed'
  /** Someone set the label to another value after the write. */
  | 'superseded'
  /** The node is not in the watch any more. */
  | 'gone';

/** The part of a node view the follow reads. */
export interface FollowedNode {
  migConfig?: string;
  migConfigState: MigConfigState;
  resourceVersion?: string;
  /** Resources where prediction and advertisement disagree. */
  drift: unknown[];
}

/** What a follow learnt from the sequence of views, beyond the latest one. */
export interface FollowMemory {
  /** The view has shown the write: from then on its objects are not older than the write. */
  sawWrite: boolean;
  /** The mig-manager was seen working on this change (pending, rebooting, or a new state). */
  sawActivity: boolean;
  /** A read made after the write (the view had not shown it) found this value instead. */
  readAfterWrite?: ReadAfterWrite;
}

export interface ReadAfterWrite {
  /** The view's resourceVersion when the read was made (one read per object the view shows). */
  viewResourceVersion?: string;
  /** The label's value in the read object; undefined when the label is absent. */
  migConfig?: string;
}

export const NEW_FOLLOW_MEMORY: FollowMemory = { sawWrite: false, sawActivity: false };

/**
 * How long the view may show another value before a read checks who is right: well past the
 * console's 500 ms flush, so a healthy watch never causes a read.
 */
export const READ_AFTER_WRITE_GRACE_MS = 5_000;

const showsWrite = (target: FollowTarget, view: FollowedNode) =>
  view.migConfig === target.configName ||
  (target.writtenResourceVersion !== undefined &&
    view.resourceVersion === target.writtenResourceVersion);

/** The memory after the watch delivered `view` (views must be given in the order delivered). */
export function rememberView(
  memory: FollowMemory,
  target: FollowTarget,
  view: FollowedNode | undefined,
): FollowMemory {
  if (!view) return memory;
  const sawWrite = memory.sawWrite || showsWrite(target, view);
  const state = view.migConfigState;
  const active =
    sawWrite &&
    view.migConfig === target.configName &&
    (state === 'pending' || state === 'rebooting' || state !== target.initialState);
  if (sawWrite === memory.sawWrite && (!active || memory.sawActivity)) return memory;
  return { ...memory, sawWrite, sawActivity: memory.sawActivity || active };
}

/**
 * The value someone else wrote over ours, when that is known: the view shows another value after
 * it showed the write, or a read after the write found another value. Undefined otherwise,
 * including when the view shows another value but has not shown the write yet (it lags).
 */
export function supersedingValue(
  target: FollowTarget,
  view: FollowedNode | undefined,
  memory: FollowMemory,
): { migConfig?: string } | undefined {
  if (!view || view.migConfig === target.configName) return undefined;
  if (memory.sawWrite) return view.migConfig === undefined ? {} : { migConfig: view.migConfig };
  const read = memory.readAfterWrite;
  if (read && read.migConfig !== target.configName) {
    return read.migConfig === undefined ? {} : { migConfig: read.migConfig };
  }
  return undefined;
}

/** The view shows another value than the one written, and has not shown the write yet. */
export const viewLagsWrite = (
  target: FollowTarget,
  view: FollowedNode | undefined,
  memory: FollowMemory,
): boolean =>
  view !== undefined &&
  view.migConfig !== target.configName &&
  supersedingValue(target, view, memory) === undefined;

/**
 * Whether to read the node now: its view has shown another value for longer than the grace, has
 * never shown the write, and no read was made while it showed this object.
 */
export function needsReadAfterWrite(
  target: FollowTarget,
  view: FollowedNode | undefined,
  memory: FollowMemory,
  elapsedMs: number,
): boolean {
  return (
    viewLagsWrite(target, view, memory) &&
    elapsedMs >= READ_AFTER_WRITE_GRACE_MS &&
    (memory.readAfterWrite === undefined ||
      memory.readAfterWrite.viewResourceVersion !== view?.resourceVersion)
  );
}

/**
 * The node's phase. `success`/`failed` count only once the mig-manager was seen working on the
 * change (or the state differs from the one at write time): the old `success` label stays until it
 * reacts. A settled node that advertises what the new config predicts is done even if the run was
 * too quick to see (mig-parted finds the config already applied and writes `success` again).
 */
export function followPhase(
  target: FollowTarget,
  view: FollowedNode | undefined,
  memory: FollowMemory,
  elapsedMs: number,
): FollowPhase {
  if (!view) return 'gone';
  if (view.migConfig !== target.configName) {
    return supersedingValue(target, view, memory) ? 'superseded' : 'waiting';
  }
  const state = view.migConfigState;
  const moved = memory.sawActivity || state !== target.initialState;
  switch (state) {
    case 'pending':
      return elapsedMs > STUCK_PENDING_AFTER_MS ? 'stuck' : 'pending';
    case 'rebooting':
      return 'rebooting';
    case 'success':
      return moved || view.drift.length === 0 ? 'success' : 'waiting';
    case 'failed':
      return moved ? 'failed' : 'waiting';
    default:
      return 'waiting';
  }
}

/** Phases after which nothing more happens to the followed change: its clock stops. */
export const SETTLED_PHASES: ReadonlySet<FollowPhase> = new Set<FollowPhase>([
  'success',
  'failed',
  'superseded',
  'gone',
]);

/**
 * When a settled change settled: the time the cluster recorded for the node's state when it is
 * not older than the write (the state is this change's), else when this page first saw it settled.
 */
export function settledAt(
  target: FollowTarget,
  phase: FollowPhase,
  stateSince: { at: string; from: 'cluster' | 'page' } | undefined,
  firstSeenSettled: string,
): string {
  const recorded = stateSince?.from === 'cluster' ? Date.parse(stateSince.at) : NaN;
  const ours =
    (phase === 'success' || phase === 'failed') && recorded >= Date.parse(target.startedAt);
  return ours && stateSince ? stateSince.at : firstSeenSettled;
}

/** One followed node as the progress panel shows it. */
export interface NodeFollow {
  target: FollowTarget;
  /** The latest view of the node; it may still be older than the write (`viewLags`). */
  view?: GpuNodeView;
  phase: FollowPhase;
  /** Since the write; stops when the change settles. */
  elapsedMs: number;
  /** ISO time the change settled (success, failed, superseded, gone); undefined while under way. */
  settledAt?: string;
  /** The view shows another value and has not shown the write yet: it is older than the write. */
  viewLags: boolean;
  /** When `superseded`: the value someone else wrote (absent when they removed the label). */
  supersededBy?: string;
}

/** A follow's identity: the node and when its write started. */
export const followKey = (target: FollowTarget) => `${target.nodeName}\u0000${target.startedAt}`;

/**
 * One follow from its target, the node's latest view and what the follow remembers, and whether a
 * read after the write must decide. `seenSettled` (by `followKey`): when this page first saw the
 * follow settled, recorded here on first sight and forgotten when it is under way again.
 */
export function nodeFollow(
  target: FollowTarget,
  view: GpuNodeView | undefined,
  memory: FollowMemory,
  nowMs: number,
  seenSettled: Map<string, string>,
): { follow: NodeFollow; needsRead: boolean } {
  const startMs = Date.parse(target.startedAt);
  const runningMs = Math.max(0, nowMs - startMs);
  const phase = followPhase(target, view, memory, runningMs);
  const key = followKey(target);
  let settled: string | undefined;
  if (SETTLED_PHASES.has(phase)) {
    if (!seenSettled.has(key)) seenSettled.set(key, new Date(nowMs).toISOString());
    settled = settledAt(target, phase, view?.stateSince, seenSettled.get(key) ?? '');
  } else {
    seenSettled.delete(key);
  }
  const elapsedMs = settled ? Math.max(0, Date.parse(settled) - startMs) : runningMs;
  const superseding = supersedingValue(target, view, memory);
  const follow: NodeFollow = {
    target,
    ...(view ? { view } : {}),
    phase,
    elapsedMs,
    ...(settled ? { settledAt: settled } : {}),
    viewLags: viewLagsWrite(target, view, memory),
    ...(superseding?.migConfig !== undefined ? { supersededBy: superseding.migConfig } : {}),
  };
  return { follow, needsRead: needsReadAfterWrite(target, view, memory, runningMs) };
}

/** The resourceVersion of the object a PATCH returned: the write's own watch event. */
export const writtenResourceVersion = (object: unknown): string | undefined => {
  const version = (object as { metadata?: { resourceVersion?: unknown } } | undefined)?.metadata
    ?.resourceVersion;
  return typeof version === 'string' && version !== '' ? version : undefined;
};
