import {
  consoleFetch,
  k8sGet,
  k8sPatch,
  useK8sWatchResource,
} from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { classifyDataError, type DataError } from '../cluster/errors';
import {
  NEW_FOLLOW_MEMORY,
  followKey,
  nodeFollow,
  rememberView,
  writtenResourceVersion,
  type FollowMemory,
  type FollowPhase,
  type FollowTarget,
  type NodeFollow,
  type ReadAfterWrite,
} from '../cluster/follow';
import { readGpuLabels } from '../cluster/labels';
import {
  MIG_MANAGER_POD_SELECTOR,
  podLogPath,
  readMigManagerLog,
  type MigLogReading,
} from '../cluster/migManagerLog';
import { NodeModel, PodGroupVersionKind, type NodeKind, type PodKind } from '../cluster/models';
import type { GpuNodeView } from '../cluster/types';
import { changeMigConfig } from './useApplyMigConfig';
import { useMigManagerLogAccess } from './useMigWriteAccess';
import { useMountedRef } from './useMountedRef';
import { useNow } from './useNow';

export type { FollowPhase, FollowTarget, NodeFollow };

/**
 * `changeMigConfig`, keeping the object the PATCH returned: its resourceVersion is the write's own
 * watch event, which tells the follow when its view has caught up with the write.
 */
export async function changeFollowedMigConfig(
  nodeName: string,
  expected: string,
  next: string,
): Promise<{ writtenResourceVersion?: string }> {
  let written: unknown;
  await changeMigConfig(nodeName, expected, next, async (node, data) => {
    written = await k8sPatch({ model: NodeModel, resource: node, data });
    return written;
  });
  const version = writtenResourceVersion(written);
  return version === undefined ? {} : { writtenResourceVersion: version };
}

interface FollowComputation extends ReturnType<typeof nodeFollow> {
  key: string;
}

/**
 * Reads a node whose view shows another value and never showed the write (the watch may have
 * skipped it): a read made after the write says whether someone else changed the label. One read
 * per object the view shows; a failed read leaves the follow waiting for the view.
 */
const useReadsAfterWrite = (
  computations: FollowComputation[],
  setReads: React.Dispatch<React.SetStateAction<ReadonlyMap<string, ReadAfterWrite>>>,
) => {
  const requested = React.useRef(new Set<string>());
  const mounted = useMountedRef();
  React.useEffect(() => {
    for (const { key, follow, needsRead } of computations) {
      const viewResourceVersion = follow.view?.resourceVersion;
      const request = `${key}\u0000${viewResourceVersion ?? ''}`;
      if (!needsRead || requested.current.has(request)) continue;
      requested.current.add(request);
      k8sGet<NodeKind>({ model: NodeModel, name: follow.target.nodeName })
        .then((node) => {
          const migConfig = readGpuLabels(node).values.migConfig;
          const read: ReadAfterWrite = {
            ...(viewResourceVersion !== undefined ? { viewResourceVersion } : {}),
            ...(migConfig !== undefined ? { migConfig } : {}),
          };
          if (mounted.current) setReads((current) => new Map(current).set(key, read));
        })
        .catch(() => undefined);
    }
  }, [computations, setReads, mounted]);
};

/**
 * Live phase of each followed node, from the watched node views. The views are remembered in the
 * order they arrive, so an object older than the plugin's own write is never taken for someone
 * else's change (see `src/cluster/follow.ts`).
 */
export const useFollowMigChange = (targets: FollowTarget[], views: GpuNodeView[]): NodeFollow[] => {
  const now = useNow(1000);
  const memories = React.useRef(new Map<string, FollowMemory>());
  const seenSettled = React.useRef(new Map<string, string>());
  const [reads, setReads] = React.useState<ReadonlyMap<string, ReadAfterWrite>>(new Map());
  const computations = React.useMemo(
    () =>
      targets.map((target) => {
        const key = followKey(target);
        const view = views.find((candidate) => candidate.name === target.nodeName);
        const remembered = rememberView(
          memories.current.get(key) ?? NEW_FOLLOW_MEMORY,
          target,
          view,
        );
        memories.current.set(key, remembered);
        const read = reads.get(key);
        const memory = read ? { ...remembered, readAfterWrite: read } : remembered;
        return {
          key,
          ...nodeFollow(target, view, memory, now.getTime(), seenSettled.current),
        };
      }),
    [targets, views, now, reads],
  );
  useReadsAfterWrite(computations, setReads);
  return React.useMemo(() => computations.map(({ follow }) => follow), [computations]);
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
