import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { HttpError } from './errors';
import { consoleFetchJSON } from './fetch';
import { resourceURL } from './paths';

/**
 * Shared list/watch streams: one per distinct request, reference-counted across every component
 * that asks for it, like the console's redux-backed watches. Lists page with `limit`/`continue`,
 * then watch from the list's resourceVersion over a WebSocket, as the console does (the host
 * server relays the API's `?watch=true` stream, one event per text message). WebSockets do not
 * count against the browser's six HTTP/1.1 connections per host, so open watches never starve
 * other requests. An expired resourceVersion (410 Gone) or a broken socket leads to a fresh list.
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
  data: K8sResourceCommon | K8sResourceCommon[] | Record<string, never>;
  loaded: boolean;
  /** `''` when there is no error, as in the console's store. */
  loadError: unknown;
};

type WatchEvent = { type: string; object: K8sResourceCommon & { code?: number } };

const PAGE_SIZE = 250;
const MAX_BACKOFF_MS = 15_000;
const OBJECT_POLL_MS = 30_000;

const PARTIAL_LIST_ACCEPT =
  'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json';

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

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export class SharedWatch {
  /** First wait after a failed list or a broken stream (doubling up to MAX_BACKOFF_MS). */
  static initialBackoffMs = 1_000;
  private refCount = 0;
  private readonly listeners = new Set<() => void>();
  private readonly items = new Map<string, K8sResourceCommon>();
  private controller: AbortController | undefined;
  private backoffMs = SharedWatch.initialBackoffMs;
  snapshot: WatchSnapshot;

  constructor(private readonly request: WatchRequest) {
    this.snapshot = { data: request.isList ? [] : {}, loaded: false, loadError: '' };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  acquire() {
    this.refCount += 1;
    if (this.refCount === 1) {
      this.controller = new AbortController();
      void this.run(this.controller.signal);
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
    if (this.request.isList) {
      this.publish({ data: [...this.items.values()], loaded: true, loadError: '' });
      return;
    }
    const [object] = this.items.values();
    if (object) this.publish({ data: object, loaded: true, loadError: '' });
  }

  /** Keeps data and `loaded` on errors: stale data beats data that suddenly disappears. */
  private publishError(error: unknown) {
    this.publish({ loadError: error });
  }

  private listQuery(): Record<string, string | undefined> {
    const { labelSelector, fieldSelector, name, isList } = this.request;
    // A single object is watched through its collection, narrowed to its name.
    const fields = !isList && name ? `metadata.name=${name}` : fieldSelector;
    return {
      labelSelector: labelSelector ? encodeURIComponent(labelSelector) : undefined,
      fieldSelector: fields ? encodeURIComponent(fields) : undefined,
    };
  }

  private async list(signal: AbortSignal): Promise<string> {
    const { model, namespace, limit, partialMetadata } = this.request;
    const fresh = new Map<string, K8sResourceCommon>();
    let continueToken = '';
    let resourceVersion = '';
    do {
      const url = resourceURL(model, {
        ns: namespace,
        queryParams: {
          ...this.listQuery(),
          limit: String(limit ?? PAGE_SIZE),
          continue: continueToken ? encodeURIComponent(continueToken) : undefined,
        },
      });
      const page = (await consoleFetchJSON(url, 'GET', {
        signal,
        ...(partialMetadata ? { headers: { Accept: PARTIAL_LIST_ACCEPT } } : {}),
      })) as {
        items?: K8sResourceCommon[];
        metadata?: { continue?: string; resourceVersion?: string };
      };
      for (const item of page.items ?? []) {
        // List items carry no kind/apiVersion; the console's k8sList fills them in.
        const typed = { kind: model.kind, apiVersion: pageApiVersion(model), ...item };
        const key = objectKey(typed);
        const previous = this.items.get(key);
        fresh.set(
          key,
          previous?.metadata?.resourceVersion === typed.metadata?.resourceVersion && previous
            ? previous
            : typed,
        );
      }
      continueToken = page.metadata?.continue ?? '';
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
    } while (continueToken && !signal.aborted);
    this.items.clear();
    fresh.forEach((value, key) => this.items.set(key, value));
    return resourceVersion;
  }

  /** The console reads a single object with GET; a 404 there is the real error to report. */
  private async getObject(signal: AbortSignal) {
    const { model, namespace, name } = this.request;
    const object = (await consoleFetchJSON(resourceURL(model, { ns: namespace, name }), 'GET', {
      signal,
    })) as K8sResourceCommon;
    this.items.clear();
    this.items.set(objectKey(object), object);
  }

  private applyEvent(event: WatchEvent): string | undefined {
    const { type, object } = event;
    if (type === 'ERROR') {
      if (object.code === 410) throw new GoneError();
      throw new HttpError(
        (object as { message?: string }).message ?? 'watch error',
        object.code,
        undefined,
        object,
      );
    }
    if (type === 'BOOKMARK') return object.metadata?.resourceVersion;
    if (type === 'DELETED') {
      if (this.request.isList) this.items.delete(objectKey(object));
      // A deleted single object keeps its last state, as in the console.
      else this.items.set(objectKey(object), object);
    } else if (type === 'ADDED' || type === 'MODIFIED') {
      this.items.set(objectKey(object), object);
    }
    return object.metadata?.resourceVersion;
  }

  /**
   * Follows watch events over a WebSocket until the server closes it normally; returns the last
   * resourceVersion. Rejects with GoneError on a 410 ERROR event, and with an error when the
   * socket breaks or the API reports another error.
   */
  private watch(resourceVersion: string, signal: AbortSignal): Promise<string> {
    const { model, namespace } = this.request;
    const path = resourceURL(model, {
      ns: namespace,
      queryParams: {
        ...this.listQuery(),
        watch: 'true',
        allowWatchBookmarks: 'true',
        resourceVersion: encodeURIComponent(resourceVersion),
      },
    });
    return new Promise<string>((resolve, reject) => {
      let lastVersion = resourceVersion;
      let settled = false;
      let flushTimer: ReturnType<typeof setTimeout> | undefined;
      const socket = openWatchSocket(path);
      const flush = () => {
        if (flushTimer === undefined) return;
        clearTimeout(flushTimer);
        flushTimer = undefined;
        this.publishItems();
      };
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        socket.onmessage = null;
        socket.onclose = null;
        socket.onerror = null;
        flush();
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
        try {
          const event = JSON.parse(String(data)) as WatchEvent;
          lastVersion = this.applyEvent(event) ?? lastVersion;
          this.backoffMs = SharedWatch.initialBackoffMs;
          // Bursts of events make one notification, like the console's buffered watch.
          if (event.type !== 'BOOKMARK' && flushTimer === undefined) {
            flushTimer = setTimeout(flush, 0);
          }
        } catch (error) {
          settle(error);
          socket.close(NORMAL_CLOSURE);
        }
      };
      socket.onerror = () => undefined;
      socket.onclose = ({ code, reason }) => {
        if (code === NORMAL_CLOSURE) settle();
        else settle(new Error(`watch socket closed (${code}${reason ? `: ${reason}` : ''})`));
      };
    });
  }

  private async run(signal: AbortSignal) {
    const { isList, name } = this.request;
    while (!signal.aborted) {
      let resourceVersion: string;
      try {
        resourceVersion = await this.list(signal);
        if (!isList && this.items.size === 0 && name) {
          await this.getObject(signal);
        }
        this.publishItems();
        this.backoffMs = SharedWatch.initialBackoffMs;
      } catch (error) {
        if (signal.aborted) return;
        this.publishError(error);
        if (!isList && error instanceof HttpError && error.code === 403) {
          // Allowed to get but not to list: poll the object like the console's fallback.
          await this.pollObject(signal);
          return;
        }
        await sleep(this.backoffMs, signal);
        this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
        continue;
      }
      // Watch, resuming from the last seen version, until the version expires or the stream fails.
      try {
        for (;;) {
          if (signal.aborted) return;
          resourceVersion = await this.watch(resourceVersion, signal);
        }
      } catch (error) {
        if (signal.aborted) return;
        if (!(error instanceof GoneError)) {
          await sleep(this.backoffMs, signal);
          this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
        }
      }
    }
  }

  private async pollObject(signal: AbortSignal) {
    while (!signal.aborted) {
      try {
        await this.getObject(signal);
        this.publishItems();
      } catch (error) {
        if (signal.aborted) return;
        this.publishError(error);
      }
      await sleep(OBJECT_POLL_MS, signal);
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
