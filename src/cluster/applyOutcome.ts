/**
 * Applying a MIG config to nodes as data and one pure loop: the writes go through the `patch` and
 * `get` the caller passes (the hook gives the console SDK's), so this runs without a cluster.
 */
import type { Patch } from '@openshift-console/dynamic-plugin-sdk';
import type { ConfigTargets } from './applyPlan';
import { sendGuardedWrite } from './guardedWrite';
import type { NodeKind } from './models';
import {
  cordonPatch,
  mayRetryOnFreshResourceVersion,
  migConfigLabelPatch,
  nodeSnapshot,
  type GuardedNodeWrite,
  type NodeSnapshot,
} from './patches';
import { statusOfError, type WriteStatus } from './writeErrors';

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

/**
 * What an apply writes, the nodes as the preview read them (every patch tests these values): one
 * config on `nodes`, or a plan of several steps, each its config on its nodes, written in order.
 */
export type ApplyWrites =
  | { configName: string; nodes: NodeKind[] }
  | { steps: Array<{ toConfig: string; nodes: NodeKind[] }> };

export type ApplyRequest = ApplyWrites & {
  /** Nodes to cordon before their label is changed. */
  cordon: string[];
  /** Aborted: stop after the node being written (a write under way is never cut short). */
  signal?: AbortSignal;
  /** Called as each node's writes start. */
  onProgress?: (progress: ApplyProgress) => void;
};

/** The node being written: the `index`-th (from 1) of `total`. */
export interface ApplyProgress {
  nodeName: string;
  index: number;
  total: number;
}

/** What was asked (`configOfNode` gives a node's config) and what became of each node. */
export type ApplyOutcome = ConfigTargets & {
  startedAt: string;
  results: NodeWriteResult[];
  /** Every node written. */
  complete: boolean;
  /** The user stopped the apply: the nodes not attempted were left alone on purpose. */
  stoppedByUser: boolean;
};

/** Each node with the config it gets, in the order they are written. */
const nodeWrites = (request: ApplyWrites): Array<{ node: NodeKind; configName: string }> =>
  'steps' in request
    ? request.steps.flatMap((step) =>
        step.nodes.map((node) => ({ node, configName: step.toConfig })),
      )
    : request.nodes.map((node) => ({ node, configName: request.configName }));

/** The request's targets by name, as the outcome records them. */
const targetsOf = (request: ApplyWrites): ConfigTargets =>
  'steps' in request
    ? {
        steps: request.steps.map((step) => ({
          toConfig: step.toConfig,
          nodes: step.nodes.map((node) => node.metadata?.name ?? ''),
        })),
      }
    : { configName: request.configName };

export type PatchNode = (node: NodeKind, data: Patch[]) => Promise<unknown>;
export type GetNode = (name: string) => Promise<NodeKind>;

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
 * Writes `nvidia.com/mig.config` node by node, in order (each node its config: one for all, or its
 * step's in a plan of several), each patch guarded by the previewed value
 * (or, label absent, by the resourceVersion, retried while the label stays absent: `writeGuarded`).
 * Stops at the first failure, or before the next node once `request.signal` is aborted, so the
 * user is never left guessing: every node is reported as written, failed (and why), or not
 * attempted.
 */
export async function writeMigConfig(
  request: ApplyRequest,
  patch: PatchNode,
  now: () => Date,
  get: GetNode,
): Promise<ApplyOutcome> {
  const startedAt = now().toISOString();
  const results: NodeWriteResult[] = [];
  let stopped = false;
  let stoppedByUser = false;
  const writes = nodeWrites(request);
  for (const { node, configName } of writes) {
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
      total: writes.length,
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
        (guard) => migConfigLabelPatch(guard, configName, now()),
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
    ...targetsOf(request),
    startedAt,
    results,
    complete: results.every((result) => result.status === 'written'),
    stoppedByUser,
  };
}
