import { consoleFetch, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { classifyDataError, type DataError } from '../cluster/errors';
import {
  MIG_MANAGER_POD_SELECTOR,
  podLogPath,
  readMigManagerLog,
  type MigLogReading,
} from '../cluster/migManagerLog';
import { PodGroupVersionKind, type PodKind } from '../cluster/models';
import { STUCK_PENDING_AFTER_MS } from '../cluster/nodeView';
import type { GpuNodeView, MigConfigState } from '../cluster/types';
import { useMigManagerLogAccess } from './useMigWriteAccess';
import { useNow } from './useNow';

/** A label change being followed on one node. */
export interface FollowTarget {
  nodeName: string;
  configName: string;
  /** ISO time the label was written. */
  startedAt: string;
  /** The mig-manager state when the label was written (a `failed` before is not a new failure). */
  initialState: MigConfigState;
  /** The value before, for "back to the previous config". */
  previousConfig?: string;
  /** The plugin cordoned the node before the change (offer to uncordon after). */
  cordonedByPlugin?: boolean;
  /** Set during a retry's first step: once this change settles, set the label to this value. */
  thenApply?: string;
}

export type FollowPhase =
  /** Written; the mig-manager has not reacted yet. */
  | 'waiting'
  | 'pending'
  | 'rebooting'
  /** Pending longer than the mig-manager's own timeouts. */
  | 'stuck'
  | 'success'
  | 'failed'
  /** Someone set the label to another value. */
  | 'superseded'
  /** The node is not in the watch any more. */
  | 'gone';

export interface NodeFollow {
  target: FollowTarget;
  view?: GpuNodeView;
  phase: FollowPhase;
  elapsedMs: number;
}

const followKey = (target: FollowTarget) => `${target.nodeName}\u0000${target.startedAt}`;

/**
 * Decides a node's phase. `success`/`failed` count only once the mig-manager was seen working on
 * the change (or the state differs from the one at write time): the old `success` label stays until
 * it reacts. A settled node that advertises what the new config predicts is done even if the run
 * was too quick to see (mig-parted finds the config already applied and writes `success` again).
 */
export function followPhase(
  target: FollowTarget,
  view: GpuNodeView | undefined,
  sawActivity: boolean,
  elapsedMs: number,
): FollowPhase {
  if (!view) return 'gone';
  if (view.migConfig !== target.configName) return 'superseded';
  const state = view.migConfigState;
  const moved = sawActivity || state !== target.initialState;
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

/** Live phase of each followed node, from the watched node views. */
export const useFollowMigChange = (targets: FollowTarget[], views: GpuNodeView[]): NodeFollow[] => {
  const now = useNow(1000);
  const activity = React.useRef(new Map<string, boolean>());
  return React.useMemo(
    () =>
      targets.map((target) => {
        const view = views.find((candidate) => candidate.name === target.nodeName);
        const key = followKey(target);
        if (
          view &&
          view.migConfig === target.configName &&
          (view.migConfigState === 'pending' ||
            view.migConfigState === 'rebooting' ||
            view.migConfigState !== target.initialState)
        ) {
          activity.current.set(key, true);
        }
        const elapsedMs = Math.max(0, now.getTime() - Date.parse(target.startedAt));
        const phase = followPhase(target, view, activity.current.get(key) === true, elapsedMs);
        return { target, ...(view ? { view } : {}), phase, elapsedMs };
      }),
    [targets, views, now],
  );
};

export interface MigManagerLogResult {
  /** False when the user may not read pod logs in the operator namespace. */
  allowed: boolean;
  loading: boolean;
  podName?: string;
  reading?: MigLogReading;
  error?: DataError;
}

/**
 * The mig-manager pod on `nodeName` (label `app=nvidia-mig-manager` in the operator namespace) and
 * its interpreted log. Fetched when `enabled`, again whenever `refreshKey` changes.
 */
export const useMigManagerLog = (
  nodeName: string,
  namespace: string,
  enabled: boolean,
  refreshKey: string,
): MigManagerLogResult => {
  const access = useMigManagerLogAccess(namespace);
  const watch = enabled && access.allowed && !access.loading;
  const [pods, podsLoaded, podsError] = useK8sWatchResource<PodKind[]>(
    watch
      ? {
          groupVersionKind: PodGroupVersionKind,
          namespace,
          isList: true,
          selector: MIG_MANAGER_POD_SELECTOR,
          fieldSelector: `spec.nodeName=${nodeName}`,
        }
      : null,
  );
  const podName = (Array.isArray(pods) ? pods : [])
    .map((pod) => pod.metadata?.name)
    .find((name): name is string => typeof name === 'string');
  const [state, setState] = React.useState<{ reading?: MigLogReading; error?: DataError }>({});
  const [fetching, setFetching] = React.useState(false);

  React.useEffect(() => {
    if (!watch || !podName) return undefined;
    let active = true;
    setFetching(true);
    consoleFetch(podLogPath(namespace, podName))
      .then((response) => response.text())
      .then((text) => {
        if (active) setState({ reading: readMigManagerLog(text) });
      })
      .catch((error: unknown) => {
        const classified = classifyDataError(error, {
          kind: 'pod-log',
          namespace,
          name: podName,
        });
        if (active) setState(classified ? { error: classified } : {});
      })
      .finally(() => {
        if (active) setFetching(false);
      });
    return () => {
      active = false;
    };
  }, [watch, podName, namespace, refreshKey]);

  const result: MigManagerLogResult = {
    allowed: access.allowed,
    loading: access.loading || (watch && (!podsLoaded || fetching)),
  };
  if (podName) result.podName = podName;
  if (state.reading) result.reading = state.reading;
  const error =
    state.error ?? classifyDataError(podsError, { kind: 'mig-manager-pods', namespace });
  if (error) result.error = error;
  return result;
};
