import { k8sGet, k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import {
  writeMigConfig,
  type ApplyOutcome,
  type ApplyProgress,
  type ApplyRequest,
  type ApplyWrites,
  type GetNode,
  type PatchNode,
} from '../cluster/applyOutcome';
import { NodeModel, type NodeKind } from '../cluster/models';
import { migConfigRecoveryPatch, uncordonPatch } from '../cluster/patches';

const patchNode: PatchNode = (node, data) => k8sPatch({ model: NodeModel, resource: node, data });
const getNode: GetNode = (name) => k8sGet<NodeKind>({ model: NodeModel, name });

/**
 * `writeMigConfig` (src/cluster/applyOutcome.ts) through the console SDK: node by node, each patch
 * guarded by the previewed value, stopping at the first failure or once `request.signal` aborts.
 */
export const applyMigConfig = (
  request: ApplyRequest,
  patch: PatchNode = patchNode,
  now: () => Date = () => new Date(),
  get: GetNode = getNode,
): Promise<ApplyOutcome> => writeMigConfig(request, patch, now, get);

/** Moves a node's label from `expected` to `next` (`migConfigRecoveryPatch`): the recovery step. */
export async function changeMigConfig(
  nodeName: string,
  expected: string,
  next: string,
  patch: PatchNode = patchNode,
): Promise<void> {
  await patch(
    { metadata: { name: nodeName } },
    migConfigRecoveryPatch(nodeName, expected, next, new Date()),
  );
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

/** What `run` is given: the writes and the nodes to cordon first. */
export type ApplyRun = ApplyWrites & Pick<ApplyRequest, 'cordon'>;

export interface ApplyControls {
  run: (request: ApplyRun) => Promise<ApplyOutcome>;
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
  const run = React.useCallback(async (request: ApplyRun) => {
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
