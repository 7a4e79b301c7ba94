/**
 * Watches, whatever carries them. kube-apiserver serves one watch two ways: a chunked HTTP stream
 * of newline-separated JSON events (kubectl, client libraries) or, when the request is a WebSocket
 * upgrade, one JSON event per text message (the OpenShift console's bridge). The events, their
 * order, selectors, resuming, bookmarks, 410 and the end are the same; only the channel differs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import { ApiError, expired } from './apiErrors';
import type { KubeObject, ObjectStore, StoreEvent } from './store';

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: unknown;
}

/** Where a watch's events go. */
export interface WatchChannel {
  send(event: WatchEvent): void;
  /** Ends the watch cleanly (its timeout, an ERROR event, the server shutting down). */
  end(): void;
  /** Runs once when the channel ends or the client goes away. */
  onClose(listener: () => void): void;
}

export interface WatchSpec {
  store: ObjectStore;
  /** Store key of the watched type. */
  key: string;
  /** Only this namespace's objects are read (the scope below still decides). */
  namespace?: string;
  /** Namespace, name (a single-object watch) and selectors, applied to every object. */
  inScope(object: KubeObject): boolean;
  /** The object as the client gets it (type meta, or a one-row Table for kubectl). */
  present(object: KubeObject): unknown;
  /** The object a BOOKMARK carries (only `metadata.resourceVersion` is meaningful). */
  bookmark(resourceVersion: string): unknown;
  /** `''` or `'0'`: start with the current objects as ADDED; otherwise resume after it. */
  resourceVersion: string;
  /** Send BOOKMARKs at this interval (`allowWatchBookmarks=true`); undefined: none. */
  bookmarkIntervalMs?: number;
  timeoutMs: number;
}

/**
 * Streams a watch into a channel until it times out or the channel closes. An expired
 * resourceVersion is one ERROR event carrying the 410 Status and then the end, as kube-apiserver's
 * watch cache answers it (the HTTP status or the WebSocket upgrade has already succeeded).
 */
export function streamWatch(channel: WatchChannel, spec: WatchSpec): void {
  const { store, key, inScope } = spec;
  const send = (type: WatchEvent['type'], object: KubeObject): void =>
    channel.send({ type, object: spec.present(object) });
  const translate = (event: StoreEvent): void => {
    // A change that moves an object into or out of the selection is ADDED or DELETED for this
    // watcher, as the API server's filtered watch reports it.
    const now = inScope(event.object);
    const before = event.previous ? inScope(event.previous) : false;
    if (event.type === 'ADDED' && now) send('ADDED', event.object);
    else if (event.type === 'DELETED' && (now || before)) send('DELETED', event.object);
    else if (event.type === 'MODIFIED') {
      if (now && before) send('MODIFIED', event.object);
      else if (now) send('ADDED', event.object);
      else if (before) send('DELETED', event.object);
    }
  };

  let replay: StoreEvent[] = [];
  if (spec.resourceVersion === '' || spec.resourceVersion === '0') {
    for (const object of store.list(key, spec.namespace))
      if (inScope(object)) send('ADDED', object);
  } else {
    try {
      replay = store.eventsSince(key, Number(spec.resourceVersion));
    } catch (error) {
      const status = error instanceof ApiError ? error : expired(String(error));
      channel.send({ type: 'ERROR', object: status.toStatus() });
      channel.end();
      return;
    }
  }
  for (const event of replay) translate(event);
  const unsubscribe = store.subscribe((event) => {
    if (event.key === key) translate(event);
  });
  const bookmarkTimer =
    spec.bookmarkIntervalMs === undefined
      ? undefined
      : setInterval(
          () => channel.send({ type: 'BOOKMARK', object: spec.bookmark(store.resourceVersion) }),
          spec.bookmarkIntervalMs,
        );
  const timeout = setTimeout(() => channel.end(), spec.timeoutMs);
  channel.onClose(() => {
    unsubscribe();
    clearTimeout(timeout);
    if (bookmarkTimer) clearInterval(bookmarkTimer);
  });
}

/** kubectl's and client libraries' watch: HTTP 200, chunked, one JSON event per line. */
export function chunkedChannel(response: ServerResponse): WatchChannel {
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  response.flushHeaders();
  return {
    send: (event) => {
      response.write(`${JSON.stringify(event)}\n`);
    },
    end: () => {
      response.end();
    },
    onClose: (listener) => {
      let called = false;
      const once = (): void => {
        if (called) return;
        called = true;
        listener();
      };
      response.on('close', once);
      response.on('finish', once);
    },
  };
}

/** WebSocket close code kube-apiserver's watch ends with (golang.org/x/net/websocket's Close). */
export const NORMAL_CLOSURE = 1000;

/** The console bridge's watch: one JSON event per text message; the end is a normal close. */
export function webSocketChannel(socket: WebSocket): WatchChannel {
  // The client sends nothing on a watch; kube-apiserver ignores whatever arrives.
  socket.on('message', () => undefined);
  socket.on('error', () => socket.terminate());
  return {
    send: (event) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
    },
    end: () => {
      if (socket.readyState === socket.OPEN) socket.close(NORMAL_CLOSURE);
    },
    onClose: (listener) => {
      socket.once('close', listener);
    },
  };
}

/** True for an HTTP/1.1 WebSocket upgrade (`Connection: Upgrade`, `Upgrade: websocket`). */
export function isWebSocketRequest(request: IncomingMessage): boolean {
  const connection = (request.headers.connection ?? '').toLowerCase();
  const upgrade = (request.headers.upgrade ?? '').toLowerCase();
  return (
    connection.split(',').some((token) => token.trim() === 'upgrade') && upgrade === 'websocket'
  );
}

/**
 * kube-apiserver hands WebSocket watches to golang.org/x/net/websocket, whose handshake refuses
 * (403) a request without a parseable, non-`null` Origin; browsers and the console's bridge
 * always send one.
 */
export function hasUsableOrigin(request: IncomingMessage): boolean {
  // Go reads the first Origin; the bridge sends the browser's and then its own `http://localhost`
  // (Node would join the two with a comma).
  const origin = request.headersDistinct.origin?.[0];
  if (!origin || origin === 'null') return false;
  try {
    new URL(origin);
    return true;
  } catch {
    return false;
  }
}
