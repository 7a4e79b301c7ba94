import type {
  K8sModel,
  K8sResourceCommon,
  UseK8sModel,
  UseK8sModels,
  UseK8sWatchResource,
  UseK8sWatchResources,
  WatchK8sResource,
} from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import {
  type DiscoveryState,
  findModel,
  getDiscoveryState,
  subscribeToDiscovery,
} from './discovery';
import { NoModelError } from './errors';
import { getReference, getReferenceForModel, selectorToString } from './paths';
import {
  type SharedWatch,
  type WatchRequest,
  type WatchSnapshot,
  getSharedWatch,
  releaseSharedWatch,
  watchKey,
} from './watch';

/** Keeps the previous value while it is deep-equal to the new one, so inline objects are fine. */
const useDeepCompareMemoize = <T>(value: T): T => {
  const ref = React.useRef<{ json: string; value: T }>();
  const json = JSON.stringify(value) ?? 'undefined';
  if (!ref.current || ref.current.json !== json) ref.current = { json, value };
  return ref.current.value;
};

export const useDiscovery = (): DiscoveryState => {
  const [state, setState] = React.useState(getDiscoveryState);
  React.useEffect(() => {
    setState(getDiscoveryState());
    return subscribeToDiscovery(() => setState(getDiscoveryState()));
  }, []);
  return state;
};

const referenceOf = (resource: WatchK8sResource) =>
  resource.groupVersionKind ? getReference(resource.groupVersionKind) : resource.kind;

export const useK8sModel: UseK8sModel = (groupVersionKind) => {
  const { loaded, models } = useDiscovery();
  const reference =
    typeof groupVersionKind === 'object' ? getReference(groupVersionKind) : groupVersionKind;
  // The SDK types the model as always present; it is undefined for unknown kinds at run time.
  return [findModel(models, reference) as K8sModel, !loaded];
};

export const useK8sModels: UseK8sModels = () => {
  const { loaded, models } = useDiscovery();
  const byReference = React.useMemo(
    () => Object.fromEntries([...models.values()].map((m) => [getReferenceForModel(m), m])),
    [models],
  );
  return [byReference, !loaded];
};

const toWatchRequest = (resource: WatchK8sResource, model: K8sModel): WatchRequest => ({
  model,
  isList: Boolean(resource.isList),
  namespace: resource.namespace || undefined,
  name: resource.name || undefined,
  labelSelector: resource.selector ? selectorToString(resource.selector) || undefined : undefined,
  fieldSelector: resource.fieldSelector || undefined,
  limit: resource.limit,
  partialMetadata: resource.partialMetadata,
});

type Slot =
  | { state: 'waiting' }
  | { state: 'no-model' }
  | { state: 'watching'; request: WatchRequest; key: string };

const resolveSlot = (resource: WatchK8sResource, discovery: DiscoveryState): Slot => {
  if (!discovery.loaded) return { state: 'waiting' };
  const model = findModel(discovery.models, referenceOf(resource));
  if (!model) return { state: 'no-model' };
  const request = toWatchRequest(resource, model);
  return { state: 'watching', request, key: watchKey(request) };
};

const emptyData = (resource: WatchK8sResource) => (resource.isList ? [] : {});

/**
 * Subscribes to the shared watches for a set of slots and re-renders on any change. A snapshot is
 * returned only for the request a slot asks for now, never for the one it asked for before.
 */
const useSharedWatches = (slots: Record<string, Slot>): Record<string, WatchSnapshot> => {
  const keys = Object.entries(slots)
    .map(([name, slot]) => `${name}=${slot.state === 'watching' ? slot.key : ''}`)
    .join('|');
  const [, forceRender] = React.useReducer((count: number) => count + 1, 0);
  const watchesRef = React.useRef<Record<string, { key: string; watch: SharedWatch }>>({});
  React.useEffect(() => {
    const cleanups = Object.entries(slots).flatMap(([name, slot]) => {
      if (slot.state !== 'watching') return [];
      const watch = getSharedWatch(slot.request);
      watchesRef.current[name] = { key: slot.key, watch };
      const unsubscribe = watch.subscribe(forceRender);
      watch.acquire();
      return [
        () => {
          unsubscribe();
          releaseSharedWatch(slot.request);
          delete watchesRef.current[name];
        },
      ];
    });
    // Another component may already have loaded this request: show its data now.
    forceRender();
    return () => cleanups.forEach((cleanup) => cleanup());
    // `keys` identifies every request in `slots`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys]);
  const snapshots: Record<string, WatchSnapshot> = {};
  for (const [name, slot] of Object.entries(slots)) {
    const current = watchesRef.current[name];
    if (slot.state === 'watching' && current?.key === slot.key) {
      snapshots[name] = current.watch.snapshot;
    }
  }
  return snapshots;
};

export const useK8sWatchResource: UseK8sWatchResource = <
  R extends K8sResourceCommon | K8sResourceCommon[],
>(
  initResource: WatchK8sResource | null,
) => {
  const resource = useDeepCompareMemoize(initResource);
  const discovery = useDiscovery();
  const slot = React.useMemo(
    () => (resource ? resolveSlot(resource, discovery) : ({ state: 'waiting' } as Slot)),
    [resource, discovery],
  );
  const slots = React.useMemo(() => ({ resource: slot }), [slot]);
  const snapshot = useSharedWatches(slots).resource;
  return React.useMemo(() => {
    if (!resource) return [undefined as unknown as R, true, undefined];
    if (slot.state === 'no-model') return [emptyData(resource) as R, true, new NoModelError()];
    if (slot.state === 'waiting' || !snapshot) return [emptyData(resource) as R, false, undefined];
    return [snapshot.data as R, snapshot.loaded, snapshot.loadError];
  }, [resource, slot, snapshot]);
};

export const useK8sWatchResources = ((initResources: Parameters<UseK8sWatchResources>[0]) => {
  const resources = useDeepCompareMemoize(initResources);
  const discovery = useDiscovery();
  const slots = React.useMemo(
    () =>
      Object.fromEntries(
        Object.entries(resources).map(([name, resource]) => [
          name,
          resolveSlot(resource, discovery),
        ]),
      ),
    [resources, discovery],
  );
  const snapshots = useSharedWatches(slots);
  // Results keep their identity until a resource, its model or its snapshot changes.
  const cache = React.useRef<{
    slots: Record<string, Slot>;
    snapshots: Record<string, WatchSnapshot>;
    results: ReturnType<UseK8sWatchResources>;
  }>();
  const names = Object.keys(resources);
  if (
    !cache.current ||
    cache.current.slots !== slots ||
    names.some((name) => cache.current?.snapshots[name] !== snapshots[name])
  ) {
    const results = Object.fromEntries(
      names.map((name) => {
        const resource = resources[name];
        const slot = slots[name];
        const snapshot = snapshots[name];
        if (slot.state === 'no-model') {
          return [name, { data: emptyData(resource), loaded: true, loadError: new NoModelError() }];
        }
        if (slot.state === 'waiting' || !snapshot) {
          return [name, { data: emptyData(resource), loaded: false, loadError: undefined }];
        }
        return [name, { ...snapshot }];
      }),
    ) as ReturnType<UseK8sWatchResources>;
    cache.current = { slots, snapshots, results };
  }
  return cache.current.results;
}) as UseK8sWatchResources;
