import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { HttpError } from './errors';
import { consoleFetch, consoleFetchJSON } from './fetch';
import { resourceURL } from './paths';

/**
 * Shared list/watch streams: one per distinct request, reference-counted across every component
 * that asks for it, like the console's redux-backed watches. Lists page with `limit`/`continue`,
 * then watch from the list's resourceVersion over the API's chunked `?watch=1` stream; an
 * expired resourceVersion (410 Gone) or a broken stream leads to a fresh list.
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

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export class SharedWatch {
  private refCount = 0;
  private readonly listeners = new Set<() => void>();
  private readonly items = new Map<string, K8sResourceCommon>();
  private controller: AbortController | undefined;
  private backoffMs = 1_000;
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

  /** Streams watch events until the server ends the stream; returns the last resourceVersion. */
  private async watch(resourceVersion: string, signal: AbortSignal): Promise<string> {
    const { model, namespace } = this.request;
    const url = resourceURL(model, {
      ns: namespace,
      queryParams: {
        ...this.listQuery(),
        watch: 'true',
        allowWatchBookmarks: 'true',
        resourceVersion: encodeURIComponent(resourceVersion),
      },
    });
    let response: Response;
    try {
      response = await consoleFetch(url, { signal, headers: { Accept: 'application/json' } }, 0);
    } catch (error) {
      if (error instanceof HttpError && error.code === 410) throw new GoneError();
      throw error;
    }
    const reader = response.body?.getReader();
    if (!reader) throw new Error('watch response has no body');
    const decoder = new TextDecoder();
    let buffered = '';
    let lastVersion = resourceVersion;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      let changed = false;
      for (const line of lines) {
        if (!line.trim()) continue;
        const event = JSON.parse(line) as WatchEvent;
        lastVersion = this.applyEvent(event) ?? lastVersion;
        changed = changed || event.type !== 'BOOKMARK';
      }
      // One notification per received chunk batches bursts of events, like the console's buffer.
      if (changed) this.publishItems();
      this.backoffMs = 1_000;
    }
    return lastVersion;
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
        this.backoffMs = 1_000;
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
