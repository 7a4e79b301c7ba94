import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { HttpError } from './errors';
import { consoleFetchJSON } from './fetch';
import { resourceURL } from './paths';

/**
 * Shared list/watch streams: one per distinct request, reference-counted across every component
 * that asks for it, like the console's redux-backed watches. They follow the console's
 * `watchK8sList`/`watchK8sObject` (console-dynamic-plugin-sdk `src/app/k8s/actions/k8s.ts`) so
 * the plugin meets the same figures and the same timing here as in the console:
 * - a list pages with `limit=250&continue=…`; it is `loaded` after the first page, and each later
 *   page is added as it arrives; then it is watched from the list's resourceVersion;
 * - a single object is fetched at once and every 30 s, and watched through its collection with
 *   `fieldSelector=metadata.name=NAME`; its data is `null` until the first GET or event, and
 *   stays so when that fails (the error is `loadError`);
 * - watch events are buffered and applied in bulk every 500 ms, at most the newest 1,000 of them
 *   (`k8sWatch`'s `bufferFlushInterval: 500, bufferMax: 1000` in `src/utils/k8s/k8s-utils.ts`;
 *   `WSFactory` in `src/utils/k8s/ws-factory.ts` drops the oldest beyond `bufferMax`);
 * - a failed list or a broken watch is re-listed after 15 s.
 * Watches run over a WebSocket (the host server relays the API's `?watch=true` stream, one event
 * per text message), so open watches never use up the browser's six HTTP/1.1 connections per
 * host. Unlike the console, an expired resourceVersion (410 Gone) re-lists at once.
 */

export type WatchRequest = {
  model: K8sModel;
  isList: boolean;
  namespace?: string;
  name?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  partialMetadata?: boolean;
};

export type WatchSnapshot = {
  /** A list's items; a single object, or `null` until it is read (as the console's store gives). */
  data: K8sResourceCommon | K8sResourceCommon[] | null;
  loaded: boolean;
  /** `''` when there is no error, as in the console's store. */
  loadError: unknown;
};

type WatchEvent = { type: string; object: K8sResourceCommon & { code?: number } };

/** The console's `paginationLimit`. */
export const PAGE_SIZE = 250;
/** The console's `k8sWatch` buffer: flushed every 500 ms, keeping the newest 1,000 events. */
export const EVENT_FLUSH_INTERVAL_MS = 500;
export const EVENT_BUFFER_MAX = 1_000;
/** The console re-lists this long after a failed list or a broken watch. */
export const RELIST_DELAY_MS = 15_000;
/** The console re-reads a watched single object this often. */
export const OBJECT_POLL_MS = 30_000;
/** WSFactory's reconnect: 1 s, then ×1.5 while connecting fails, at most 60 s. */
const RECONNECT_FIRST_MS = 1_000;
const RECONNECT_MAX_MS = 60_000;

const PARTIAL_LIST_ACCEPT =
  'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json';
const PARTIAL_OBJECT_ACCEPT =
  'application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io,application/json';

const objectKey = (object: K8sResourceCommon) =>
  `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;

class GoneError extends Error {}

/** The part of the browser's WebSocket the watches use; tests supply one built on `ws`. */
export type WatchSocket = {
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(code?: number, reason?: string): void;
};

/** Opens a watch socket for an API path such as `/api/kubernetes/api/v1/nodes?watch=true`. */
export type WatchSocketFactory = (path: string) => WatchSocket;

const browserWatchSocket: WatchSocketFactory = (path) => {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(`${scheme}//${window.location.host}${path}`);
  const watchSocket: WatchSocket = {
    onmessage: null,
    onclose: null,
    onerror: null,
    close: (code, reason) => socket.close(code, reason),
  };
  socket.onmessage = (event) => watchSocket.onmessage?.(event);
  socket.onclose = (event) => watchSocket.onclose?.(event);
  socket.onerror = (event) => watchSocket.onerror?.(event);
  return watchSocket;
};

let openWatchSocket: WatchSocketFactory = browserWatchSocket;

/** Replaces how watch sockets are opened (`undefined`: the browser's WebSocket on this host). */
export const setWatchSocketFactory = (factory?: WatchSocketFactory) => {
  openWatchSocket = factory ?? browserWatchSocket;
};

/** Close code the host server sends when the upstream watch ended normally. */
const NORMAL_CLOSURE = 1000;

/** Waits `ms`, or less if the watch stops. */
export type Wait = (ms: number, signal: AbortSignal) => Promise<void>;

const sleep: Wait = (ms, signal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * The console's watch buffer: events wait for the next tick of a 500 ms interval and are then
 * handed over together; beyond 1,000 waiting events the oldest are dropped, as `WSFactory` does.
 */
class EventBuffer {
  private events: WatchEvent[] = [];
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly deliver: (events: WatchEvent[]) => void) {
    this.timer = setInterval(() => this.flush(), EVENT_FLUSH_INTERVAL_MS);
  }

  push(event: WatchEvent) {
    this.events.push(event);
    if (this.events.length > EVENT_BUFFER_MAX) this.events.shift();
  }

  flush() {
    if (this.events.length === 0) return;
    const events = this.events;
    this.events = [];
    this.deliver(events);
  }

  /** Stops the interval; with `flush`, hands over what is still waiting first. */
  stop({ flush }: { flush: boolean }) {
    clearInterval(this.timer);
    if (flush) this.flush();
    this.events = [];
  }
}

export class SharedWatch {
  /** How the watch waits before re-listing or reconnecting; tests replace it to skip the wait. */
  static wait: Wait = sleep;
  private refCount = 0;
  private readonly listeners = new Set<() => void>();
  private readonly items = new Map<string, K8sResourceCommon>();
  private controller: AbortController | undefined;
  snapshot: WatchSnapshot;

  constructor(private readonly request: WatchRequest) {
    this.snapshot = { data: request.isList ? [] : null, loaded: false, loadError: '' };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  acquire() {
    this.refCount += 1;
    if (this.refCount === 1) {
      this.controller = new AbortController();
      if (this.request.isList) void this.runList(this.controller.signal);
      else this.runObject(this.controller.signal);
    }
  }

  /** Returns true when the last user is gone and the stream has been closed. */
  release(): boolean {
    this.refCount -= 1;
    if (this.refCount > 0) return false;
    this.controller?.abort();
    this.controller = undefined;
    return true;
  }

  private publish(next: Partial<WatchSnapshot>) {
    this.snapshot = { ...this.snapshot, ...next };
    this.listeners.forEach((listener) => listener());
  }

  private publishItems() {
    this.publish({ data: [...this.items.values()], loaded: true, loadError: '' });
  }

  private publishObject(object: K8sResourceCommon) {
    this.publish({ data: object, loaded: true, loadError: '' });
  }

  /** Keeps data and `loaded` on errors: stale data beats data that suddenly disappears. */
  private publishError(error: unknown) {
    this.publish({ loadError: error });
  }

  private selectorQuery(): Record<string, string | undefined> {
    const { labelSelector, fieldSelector, name, isList } = this.request;
    // A single object is watched through its collection, narrowed to its name.
    const fields = !isList && name ? `metadata.name=${name}` : fieldSelector;
    return {
      labelSelector: labelSelector ? encodeURIComponent(labelSelector) : undefined,
      fieldSelector: fields ? encodeURIComponent(fields) : undefined,
    };
  }

  private async fetchPage(continueToken: string, signal: AbortSignal) {
    const { model, namespace, limit, partialMetadata } = this.request;
    const url = resourceURL(model, {
      ns: namespace,
      queryParams: {
        ...this.selectorQuery(),
        limit: String(limit ?? PAGE_SIZE),
        continue: continueToken ? encodeURIComponent(continueToken) : undefined,
      },
    });
    return (await consoleFetchJSON(url, 'GET', {
      signal,
      ...(partialMetadata ? { headers: { Accept: PARTIAL_LIST_ACCEPT } } : {}),
    })) as {
      items?: K8sResourceCommon[];
      metadata?: { continue?: string; resourceVersion?: string };
    };
  }

  /**
   * Lists page by page, publishing each page as it arrives: the first replaces the list (so the
   * list is `loaded` now), later ones are added. Returns the last page's resourceVersion.
   */
  private async list(signal: AbortSignal): Promise<string> {
    const { model } = this.request;
    let continueToken = '';
    let resourceVersion = '';
    let first = true;
    do {
      const page = await this.fetchPage(continueToken, signal);
      if (signal.aborted) return resourceVersion;
      const previous = first ? new Map(this.items) : this.items;
      if (first) this.items.clear();
      for (const item of page.items ?? []) {
        // List items carry no kind/apiVersion; the console's k8sList fills them in.
        const typed = { kind: model.kind, apiVersion: pageApiVersion(model), ...item };
        const key = objectKey(typed);
        const kept = previous.get(key);
        // An unchanged object keeps its identity, so memoised views do not recompute.
        const unchanged = kept?.metadata?.resourceVersion === typed.metadata?.resourceVersion;
        this.items.set(key, unchanged && kept ? kept : typed);
      }
      first = false;
      this.publishItems();
      continueToken = page.metadata?.continue ?? '';
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
    } while (continueToken);
    return resourceVersion;
  }

  /** Applies one flushed batch of events to a list, then publishes once. */
  private applyListEvents(events: WatchEvent[]) {
    for (const { type, object } of events) {
      if (type === 'DELETED') this.items.delete(objectKey(object));
      else if (type === 'ADDED' || type === 'MODIFIED') this.items.set(objectKey(object), object);
    }
    this.publishItems();
  }

  /** A single object's events: the latest is the object (a deleted one keeps its last state). */
  private applyObjectEvents(events: WatchEvent[]) {
    const objects = events.filter(({ type }) => ['ADDED', 'MODIFIED', 'DELETED'].includes(type));
    if (objects.length > 0) this.publishObject(objects[objects.length - 1].object);
  }

  /**
   * Follows watch events over a WebSocket until the server closes it normally; returns the last
   * resourceVersion. Events reach the snapshot through the console's 500 ms buffer. Rejects with
   * GoneError on a 410 ERROR event, and with an error when the socket breaks or the API reports
   * another error.
   */
  private watch(resourceVersion: string | undefined, signal: AbortSignal): Promise<string> {
    const { model, namespace, isList } = this.request;
    const path = resourceURL(model, {
      ns: namespace,
      queryParams: {
        ...this.selectorQuery(),
        watch: 'true',
        ...(resourceVersion
          ? { allowWatchBookmarks: 'true', resourceVersion: encodeURIComponent(resourceVersion) }
          : {}),
      },
    });
    return new Promise<string>((resolve, reject) => {
      let lastVersion = resourceVersion ?? '';
      let settled = false;
      const socket = openWatchSocket(path);
      const buffer = new EventBuffer((events) =>
        isList ? this.applyListEvents(events) : this.applyObjectEvents(events),
      );
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        socket.onmessage = null;
        socket.onclose = null;
        socket.onerror = null;
        // After a normal end the watch resumes from lastVersion: what led there must be applied.
        buffer.stop({ flush: error === undefined });
        if (error === undefined) resolve(lastVersion);
        else reject(error);
      };
      const onAbort = () => {
        settle(new Error('watch stopped'));
        socket.close(NORMAL_CLOSURE);
      };
      if (signal.aborted) {
        onAbort();
        return;
      }
      signal.addEventListener('abort', onAbort);
      socket.onmessage = ({ data }) => {
        let event: WatchEvent;
        try {
          event = JSON.parse(String(data)) as WatchEvent;
        } catch (error) {
          settle(error);
          socket.close(NORMAL_CLOSURE);
          return;
        }
        if (event.type === 'ERROR') {
          const { object } = event;
          settle(
            object.code === 410
              ? new GoneError()
              : new HttpError(
                  (object as { message?: string }).message ?? 'watch error',
                  object.code,
                  undefined,
                  object,
                ),
          );
          socket.close(NORMAL_CLOSURE);
          return;
        }
        lastVersion = event.object?.metadata?.resourceVersion ?? lastVersion;
        if (event.type !== 'BOOKMARK') buffer.push(event);
      };
      socket.onerror = () => undefined;
      socket.onclose = ({ code, reason }) => {
        if (code === NORMAL_CLOSURE) settle();
        else settle(new Error(`watch socket closed (${code}${reason ? `: ${reason}` : ''})`));
      };
    });
  }

  /** List, then watch from the list's version; re-list at once on 410, after 15 s on failures. */
  private async runList(signal: AbortSignal) {
    while (!signal.aborted) {
      let resourceVersion: string;
      try {
        resourceVersion = await this.list(signal);
      } catch (error) {
        if (signal.aborted) return;
        this.publishError(error);
        await SharedWatch.wait(RELIST_DELAY_MS, signal);
        continue;
      }
      try {
        for (;;) {
          if (signal.aborted) return;
          resourceVersion = await this.watch(resourceVersion, signal);
        }
      } catch (error) {
        if (signal.aborted) return;
        if (!(error instanceof GoneError)) await SharedWatch.wait(RELIST_DELAY_MS, signal);
      }
    }
  }

  /** GET now and every 30 s; watch by name meanwhile, reconnecting as WSFactory does. */
  private runObject(signal: AbortSignal) {
    const { model, namespace, name, partialMetadata } = this.request;
    const read = async () => {
      try {
        const object = (await consoleFetchJSON(resourceURL(model, { ns: namespace, name }), 'GET', {
          signal,
          ...(partialMetadata ? { headers: { Accept: PARTIAL_OBJECT_ACCEPT } } : {}),
        })) as K8sResourceCommon;
        if (!signal.aborted) this.publishObject(object);
      } catch (error) {
        if (!signal.aborted) this.publishError(error);
      }
    };
    void read();
    const poller = setInterval(() => void read(), OBJECT_POLL_MS);
    signal.addEventListener('abort', () => clearInterval(poller));
    void this.followObject(signal);
  }

  private async followObject(signal: AbortSignal) {
    let delay = RECONNECT_FIRST_MS;
    while (!signal.aborted) {
      // Without a resourceVersion the API starts with the object's current state as ADDED.
      const ended = await this.watch(undefined, signal).then(
        () => true,
        () => false,
      );
      if (signal.aborted) return;
      // After a normal end, reconnect in a second; while connecting fails, wait longer each time.
      delay = ended ? RECONNECT_FIRST_MS : delay;
      await SharedWatch.wait(delay, signal);
      delay = ended ? RECONNECT_FIRST_MS : Math.min(Math.round(delay * 1.5), RECONNECT_MAX_MS);
    }
  }
}

const pageApiVersion = (model: K8sModel) =>
  model.apiGroup ? `${model.apiGroup}/${model.apiVersion}` : model.apiVersion;

const watches = new Map<string, SharedWatch>();

export const watchKey = (request: WatchRequest) =>
  JSON.stringify([
    request.model.apiGroup ?? 'core',
    request.model.apiVersion,
    request.model.kind,
    request.isList,
    request.namespace ?? '',
    request.name ?? '',
    request.labelSelector ?? '',
    request.fieldSelector ?? '',
    request.limit ?? 0,
    Boolean(request.partialMetadata),
  ]);

/** Returns the shared watch for a request, creating it on first use. */
export const getSharedWatch = (request: WatchRequest): SharedWatch => {
  const key = watchKey(request);
  let watch = watches.get(key);
  if (!watch) {
    watch = new SharedWatch(request);
    watches.set(key, watch);
  }
  return watch;
};

export const releaseSharedWatch = (request: WatchRequest) => {
  const key = watchKey(request);
  const watch = watches.get(key);
  // Forget a closed watch so the next user starts from a fresh list rather than stale data.
  if (watch?.release()) watches.delete(key);
};
