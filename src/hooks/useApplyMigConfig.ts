import { k8sPatch, type Patch } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { NodeModel, type NodeKind } from '../cluster/models';
import {
  cordonPatch,
  migConfigLabelPatch,
  nodeSnapshot,
  uncordonPatch,
  type NodeSnapshot,
} from '../cluster/patches';

/** How one write ended, in categories the UI words differently. */
export type WriteStatus =
  | 'written'
  /** The `test` failed (422) or the object changed (409): someone else wrote first. */
  | 'conflict'
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
}

export interface ApplyOutcome {
  configName: string;
  startedAt: string;
  results: NodeWriteResult[];
  /** Every node written. */
  complete: boolean;
}

export function statusOfError(error: unknown): { status: WriteStatus; message: string } {
  const candidate = (error ?? {}) as {
    code?: unknown;
    response?: { status?: unknown };
    json?: { code?: unknown; message?: unknown };
    message?: unknown;
  };
  const code = [candidate.response?.status, candidate.code, candidate.json?.code].find(
    (value): value is number => typeof value === 'number',
  );
  const jsonMessage = candidate.json?.message;
  const message =
    typeof jsonMessage === 'string'
      ? jsonMessage
      : typeof candidate.message === 'string'
        ? candidate.message
        : String(error);
  if (code === 409 || code === 422) return { status: 'conflict', message };
  if (code === 403) return { status: 'forbidden', message };
  if (code === 404) return { status: 'not-found', message };
  return { status: 'failed', message };
}

type PatchNode = (node: NodeKind, data: Patch[]) => Promise<unknown>;

const patchNode: PatchNode = (node, data) => k8sPatch({ model: NodeModel, resource: node, data });

/**
 * Writes `nvidia.com/mig.config` node by node, in order, each patch guarded by the previewed value.
 * Stops at the first failure so the user is never left guessing: every node is reported as written,
 * failed (and why), or not attempted.
 */
export async function applyMigConfig(
  request: ApplyRequest,
  patch: PatchNode = patchNode,
  now: () => Date = () => new Date(),
): Promise<ApplyOutcome> {
  const startedAt = now().toISOString();
  const results: NodeWriteResult[] = [];
  let stopped = false;
  for (const node of request.nodes) {
    const snapshot: NodeSnapshot = nodeSnapshot(node);
    const result: NodeWriteResult = {
      nodeName: snapshot.name,
      status: 'not-attempted',
      cordoned: false,
    };
    if (snapshot.migConfigLabel !== undefined) result.previousConfig = snapshot.migConfigLabel;
    results.push(result);
    if (stopped) continue;
    try {
      if (request.cordon.includes(snapshot.name) && !snapshot.unschedulable) {
        await patch(node, cordonPatch(snapshot));
        result.cordoned = true;
      }
      await patch(node, migConfigLabelPatch(snapshot, request.configName, now()));
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
  outcome?: ApplyOutcome;
}

/** `applyMigConfig` with React state; ignores results arriving after unmount. */
export const useApplyMigConfig = (): [
  ApplyState,
  (request: ApplyRequest) => Promise<ApplyOutcome>,
  () => void,
] => {
  const [state, setState] = React.useState<ApplyState>({ running: false });
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const run = React.useCallback(async (request: ApplyRequest) => {
    setState({ running: true });
    const outcome = await applyMigConfig(request);
    if (mounted.current) setState({ running: false, outcome });
    return outcome;
  }, []);
  const reset = React.useCallback(() => setState({ running: false }), []);
  return [state, run, reset];
};
