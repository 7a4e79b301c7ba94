import { k8sGet, k8sPatch, type Patch } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { NodeModel, type NodeKind } from '../cluster/models';
import {
  cordonPatch,
  mayRetryOnFreshResourceVersion,
  migConfigLabelPatch,
  nodeSnapshot,
  uncordonPatch,
  type GuardedNodeWrite,
  type NodeSnapshot,
} from '../cluster/patches';
import { classifyWriteError } from '../cluster/writeErrors';

/** How one write ended, in categories the UI words differently. */
export type WriteStatus =
  | 'written'
  /** The `test` failed (422) or the object changed (409): someone else wrote first. */
  | 'conflict'
  /** The API server refused the value itself (a 422 other than a failed `test`): see the message. */
  | 'invalid'
  | 'forbidden'
  | 'not-found'
  | 'failed'
  /** Not tried because an earlier write failed. */
  | 'not-attempted';

export interface NodeWriteResult {
  nodeName: string;
  status: WriteStatus;
  /** The API server's message, when it failed. */
  message?: string;
  /** True when the node was cordoned before its label was written (even if the label failed). */
  cordoned: boolean;
  /** The label value before the write (for "back to the previous config"). */
  previousConfig?: string;
}

export interface ApplyRequest {
  configName: string;
  /** The nodes as the preview read them: every patch tests these values. */
  nodes: NodeKind[];
  /** Nodes to cordon before their label is changed. */
  cordon: string[];
  /** Aborted: stop after the node being written (a write under way is never cut short). */
  signal?: AbortSignal;
  /** Called as each node's writes start. */
  onProgress?: (progress: ApplyProgress) => void;
}

/** The node being written: the `index`-th (from 1) of `total`. */
export interface ApplyProgress {
  nodeName: string;
  index: number;
  total: number;
}

export interface ApplyOutcome {
  configName: string;
  startedAt: string;
  results: NodeWriteResult[];
  /** Every node written. */
  complete: boolean;
  /** The user stopped the apply: the nodes not attempted were left alone on purpose. */
  stoppedByUser: boolean;
}

/** The write's outcome from the SDK's error (`classifyWriteError`: a failed `test` is a conflict). */
export function statusOfError(error: unknown): { status: WriteStatus; message: string } {
  const { kind, message } = classifyWriteError(error);
  return { status: kind === 'network' ? 'failed' : kind, message };
}

type PatchNode = (node: NodeKind, data: Patch[]) => Promise<unknown>;
type GetNode = (name: string) => Promise<NodeKind>;

const patchNode: PatchNode = (node, data) => k8sPatch({ model: NodeModel, resource: node, data });
const getNode: GetNode = (name) => k8sGet<NodeKind>({ model: NodeModel, name });

/** How many times a refused write guarded by the resourceVersion is rebuilt on a re-read object. */
export const RESOURCE_VERSION_RETRIES = 2;

/**
 * Sends the write `send` builds from `snapshot` (what the preview saw); resolves to the snapshot it
 * was last built from and the API server's answer. When the API server refuses a write that
 * `guardedByResourceVersion` (a value test needs no re-read: its refusal is a real change), the
 * object is re-read and, while `mayRetry(sent, fresh)` says the preview still holds (only a
 * write guarded by the resourceVersion can: see `mayRetryOnFreshResourceVersion`), the write is
 * rebuilt on the fresh snapshot and sent again, at most `RESOURCE_VERSION_RETRIES` times.
 * Otherwise, or when the re-read fails, the refusal is thrown: nothing is overwritten.
 */
export async function sendGuardedWrite<S>({
  snapshot,
  send,
  guardedByResourceVersion,
  reRead,
  mayRetry,
}: {
  snapshot: S;
  send: (snapshot: S) => Promise<unknown>;
  guardedByResourceVersion: (snapshot: S) => boolean;
  reRead: () => Promise<S>;
  mayRetry: (sent: S, fresh: S) => boolean;
}): Promise<{ sent: S; response: unknown }> {
  let sent = snapshot;
  for (let retry = 0; ; retry += 1) {
    try {
      return { sent, response: await send(sent) };
    } catch (error) {
      const mayReRead =
        retry < RESOURCE_VERSION_RETRIES &&
        guardedByResourceVersion(sent) &&
        statusOfError(error).status === 'conflict';
      const fresh = mayReRead ? await reRead().catch(() => undefined) : undefined;
      if (fresh === undefined || !mayRetry(sent, fresh)) throw error;
      sent = fresh;
    }
  }
}

/** A node write (`build` from the snapshot), retried on a re-read node as `sendGuardedWrite` says. */
const writeGuarded = (
  node: NodeKind,
  expected: NodeSnapshot,
  write: GuardedNodeWrite,
  build: (snapshot: NodeSnapshot) => Patch[],
  patch: PatchNode,
  get: GetNode,
) =>
  sendGuardedWrite({
    snapshot: expected,
    send: (snapshot) => patch(node, build(snapshot)),
    guardedByResourceVersion: (snapshot) => snapshot.migConfigLabel === undefined,
    reRead: async () => nodeSnapshot(await get(expected.name)),
    mayRetry: (sent, fresh) => mayRetryOnFreshResourceVersion(sent, fresh, write),
  });

/** The resourceVersion our own write gave the node (the API server returns the patched object). */
function resourceVersionAfter(response: unknown, before: NodeSnapshot): string | undefined {
  const written = response as NodeKind | undefined;
  const version = written?.metadata?.resourceVersion;
  return typeof version === 'string' && version ? version : before.resourceVersion;
}

/**
 * Writes `nvidia.com/mig.config` node by node, in order, each patch guarded by the previewed value
 * (or, label absent, by the resourceVersion, retried while the label stays absent: `writeGuarded`).
 * Stops at the first failure, or before the next node once `request.signal` is aborted, so the
 * user is never left guessing: every node is reported as written, failed (and why), or not
 * attempted.
 */
export async function applyMigConfig(
  request: ApplyRequest,
  patch: PatchNode = patchNode,
  now: () => Date = () => new Date(),
  get: GetNode = getNode,
): Promise<ApplyOutcome> {
  const startedAt = now().toISOString();
  const results: NodeWriteResult[] = [];
  let stopped = false;
  let stoppedByUser = false;
  for (const node of request.nodes) {
    const snapshot: NodeSnapshot = nodeSnapshot(node);
    const result: NodeWriteResult = {
      nodeName: snapshot.name,
      status: 'not-attempted',
      cordoned: false,
    };
    if (snapshot.migConfigLabel !== undefined) result.previousConfig = snapshot.migConfigLabel;
    results.push(result);
    if (!stopped && request.signal?.aborted) {
      stopped = true;
      stoppedByUser = true;
    }
    if (stopped) continue;
    request.onProgress?.({
      nodeName: snapshot.name,
      index: results.length,
      total: request.nodes.length,
    });
    try {
      let expected = snapshot;
      if (request.cordon.includes(snapshot.name) && !snapshot.unschedulable) {
        const { sent, response } = await writeGuarded(
          node,
          snapshot,
          'cordon',
          cordonPatch,
          patch,
          get,
        );
        result.cordoned = true;
        // Our own cordon moved the resourceVersion and added its mark (so annotations exist):
        // the label write must neither trip over it nor replace the annotations it created.
        expected = { ...sent, unschedulable: true, hasAnnotations: true };
        const resourceVersion = resourceVersionAfter(response, sent);
        if (resourceVersion) expected.resourceVersion = resourceVersion;
      }
      await writeGuarded(
        node,
        expected,
        'mig-config',
        (guard) => migConfigLabelPatch(guard, request.configName, now()),
        patch,
        get,
      );
      result.status = 'written';
    } catch (error) {
      const { status, message } = statusOfError(error);
      result.status = status;
      result.message = message;
      stopped = true;
    }
  }
  return {
    configName: request.configName,
    startedAt,
    results,
    complete: results.every((result) => result.status === 'written'),
    stoppedByUser,
  };
}

/**
 * Moves a node's label from `expected` (what the progress panel shows) to `next`: the recovery
 * step. The annotation object exists on every node the plugin wrote to (it records the change time).
 */
export async function changeMigConfig(
  nodeName: string,
  expected: string,
  next: string,
  patch: PatchNode = patchNode,
): Promise<void> {
  const snapshot: NodeSnapshot = {
    name: nodeName,
    migConfigLabel: expected,
    hasLabels: true,
    hasAnnotations: true,
    unschedulable: false,
  };
  await patch({ metadata: { name: nodeName } }, migConfigLabelPatch(snapshot, next, new Date()));
}

/** Makes a node the plugin cordoned schedulable again. */
export async function uncordonNode(nodeName: string, patch: PatchNode = patchNode): Promise<void> {
  await patch({ metadata: { name: nodeName } }, uncordonPatch());
}

export interface ApplyState {
  running: boolean;
  /** "Stop after this node" was asked while running. */
  stopRequested: boolean;
  /** The node being written, while running. */
  progress?: ApplyProgress;
  outcome?: ApplyOutcome;
}

export interface ApplyControls {
  run: (request: Omit<ApplyRequest, 'signal' | 'onProgress'>) => Promise<ApplyOutcome>;
  /** Stops a running apply after the node being written; its outcome still arrives. */
  stop: () => void;
  reset: () => void;
}

/**
 * `applyMigConfig` with React state. Unmounting stops the apply after the node being written (no
 * node is written for a dialog that is gone) and ignores the results that arrive afterwards.
 */
export const useApplyMigConfig = (): [ApplyState, ApplyControls] => {
  const [state, setState] = React.useState<ApplyState>({ running: false, stopRequested: false });
  const mounted = React.useRef(true);
  const controller = React.useRef<AbortController>();
  React.useEffect(
    () => () => {
      mounted.current = false;
      controller.current?.abort();
    },
    [],
  );
  const run = React.useCallback(async (request: Omit<ApplyRequest, 'signal' | 'onProgress'>) => {
    const current = new AbortController();
    controller.current = current;
    setState({ running: true, stopRequested: false });
    const onProgress = (progress: ApplyProgress) => {
      if (mounted.current) setState((state) => ({ ...state, progress }));
    };
    const outcome = await applyMigConfig({ ...request, signal: current.signal, onProgress });
    if (mounted.current) setState({ running: false, stopRequested: false, outcome });
    return outcome;
  }, []);
  const stop = React.useCallback(() => {
    if (!controller.current || controller.current.signal.aborted) return;
    controller.current.abort();
    if (mounted.current) setState((current) => ({ ...current, stopRequested: current.running }));
  }, []);
  const reset = React.useCallback(() => setState({ running: false, stopRequested: false }), []);
  return [state, React.useMemo(() => ({ run, stop, reset }), [run, stop, reset])];
};
