/**
 * The standalone host's HTTP server: serves the host bundle (with SPA fallback to index.html)
 * and proxies `/api/kubernetes/*` to a Kubernetes API with the selected user's bearer token, the
 * way the console's bridge does. Long-lived watch responses are streamed through unbuffered.
 * Watches also come as WebSockets (`ws://<host>/api/kubernetes/...?watch=true`), like the
 * console's: the server opens the API's HTTP watch and relays each event as one text message,
 * so open watches do not use up the browser's six HTTP/1.1 connections per host.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import {
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
  createServer,
  request as httpRequest,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { type WebSocket, WebSocketServer } from 'ws';

export const HOST_ONLY_MARKER = 'HOST_ONLY_MARKER: gpu-partitioning standalone host server';

import { HOST_INFO_PATH, type HostInfo, K8S_PROXY_PREFIX, USER_COOKIE } from './protocol';

export { HOST_INFO_PATH, type HostInfo, K8S_PROXY_PREFIX, USER_COOKIE };

export type HostServerOptions = {
  port: number;
  host?: string;
  /** The built host bundle (index.html and assets). */
  staticDir: string;
  /** Upstream Kubernetes API, e.g. the sandbox or `kubectl proxy`. */
  apiURL: string;
  /** User name → bearer token (`undefined`: send no Authorization header). The first is the default. */
  users: Record<string, string | undefined>;
  mode: HostInfo['mode'];
  scenario?: string;
  kubeconfigPath?: string;
  /** A Prometheus HTTP API served under `/api/prometheus/` (absent: 404, as without monitoring). */
  prometheusURL?: string;
};

/** Where the console serves its Prometheus proxy (`usePrometheusPoll` without a namespace). */
export const PROMETHEUS_PROXY_PREFIX = '/api/prometheus';

export type RunningHostServer = { url: string; port: number; close(): Promise<void> };

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};

// Hop-by-hop headers (RFC 9110 §7.6.1) and the browser's credentials never go upstream.
const DROPPED_REQUEST_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'host',
  'cookie',
  'authorization',
]);
const DROPPED_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding']);

const readCookie = (request: IncomingMessage, name: string): string | undefined =>
  (request.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

/** `decodeURIComponent` without the URIError a malformed escape (`%E0%A4%A`) throws. */
const decodeOrUndefined = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
};

const selectUser = (request: IncomingMessage, users: HostServerOptions['users']): string => {
  const names = Object.keys(users);
  const requested = decodeOrUndefined(readCookie(request, USER_COOKIE) ?? '') ?? '';
  return names.includes(requested) ? requested : names[0];
};

/** Host names of this machine's loopback interface, as a browser writes them in `Host`. */
const LOOPBACK_HOST_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Only requests addressed to a loopback name are served. A DNS-rebinding page (evil.example
 * resolving to 127.0.0.1) reaches this port too, but its requests carry `Host: evil.example`;
 * without this check they would go to the API with the user's token.
 */
const isLoopbackHost = (request: IncomingMessage): boolean => {
  const hostHeader = request.headers.host;
  if (!hostHeader) return false;
  try {
    return LOOPBACK_HOST_NAMES.has(new URL(`http://${hostHeader}`).hostname);
  } catch {
    return false;
  }
};

const MISDIRECTED = 'Misdirected Request';
const misdirectedMessage = (request: IncomingMessage) =>
  `The standalone host serves only localhost, 127.0.0.1 and [::1], not "${request.headers.host ?? ''}"`;

const sendJSON = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
};

/** A Kubernetes-style Status, so the plugin's error handling sees the same shape as from the API. */
const statusObject = (code: number, reason: string, message: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  code,
});

const sendStatus = (response: ServerResponse, code: number, reason: string, message: string) =>
  sendJSON(response, code, statusObject(code, reason, message));

/** Forwards a request to `target` with the selected user's token, streaming the answer back. */
const proxyTo = (
  request: IncomingMessage,
  response: ServerResponse,
  options: HostServerOptions,
  target: URL,
  upstreamName: string,
) => {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!DROPPED_REQUEST_HEADERS.has(name) && value !== undefined) headers[name] = value;
  }
  const token = options.users[selectUser(request, options.users)];
  if (token) headers.authorization = `Bearer ${token}`;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(target, { method: request.method, headers }, (upstreamResponse) => {
    const responseHeaders: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(upstreamResponse.headers)) {
      if (!DROPPED_RESPONSE_HEADERS.has(name) && value !== undefined) responseHeaders[name] = value;
    }
    response.writeHead(upstreamResponse.statusCode ?? 502, responseHeaders);
    // Watch events must reach the browser as they happen.
    response.flushHeaders();
    upstreamResponse.pipe(response);
  });
  upstream.on('error', (error) => {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    sendStatus(
      response,
      502,
      'ServiceUnavailable',
      `The host cannot reach ${upstreamName}: ${error.message}`,
    );
  });
  // The browser went away (for example a watch was stopped): stop the upstream request too.
  response.on('close', () => upstream.destroy());
  request.pipe(upstream);
};

const proxyToAPI = (
  request: IncomingMessage,
  response: ServerResponse,
  options: HostServerOptions,
) =>
  proxyTo(
    request,
    response,
    options,
    upstreamTarget(request.url, options),
    `the Kubernetes API at ${options.apiURL}`,
  );

/**
 * Whether the selected user may read cluster metrics. The console's bridge sends the user's token
 * to thanos-querier, whose proxy lets through users bound to `cluster-monitoring-view`, which
 * grants `get` on namespaces across the cluster; the host asks the API the same question.
 */
const mayReadMetrics = async (
  request: IncomingMessage,
  options: HostServerOptions,
): Promise<boolean> => {
  const token = options.users[selectUser(request, options.users)];
  const review = await fetch(
    `${options.apiURL.replace(/\/$/, '')}/apis/authorization.k8s.io/v1/selfsubjectaccessreviews`,
    {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { verb: 'get', resource: 'namespaces' } },
      }),
    },
  );
  if (!review.ok) return false;
  const body = (await review.json()) as { status?: { allowed?: boolean } };
  return body.status?.allowed === true;
};

/** `/api/prometheus/...` to the Prometheus HTTP API, as the bridge proxies it to Thanos. */
const proxyToPrometheus = (
  request: IncomingMessage,
  response: ServerResponse,
  options: HostServerOptions,
) => {
  const base = options.prometheusURL;
  if (!base) {
    sendStatus(
      response,
      404,
      'NotFound',
      'The standalone host has no Prometheus (see docs/demo.md)',
    );
    return;
  }
  mayReadMetrics(request, options).then(
    (allowed) => {
      if (!allowed) {
        response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('Forbidden (the user may not get namespaces: cluster-monitoring-view)\n');
        return;
      }
      const path = (request.url ?? '/').slice(PROMETHEUS_PROXY_PREFIX.length) || '/';
      const upstreamBase = new URL(base);
      const target = new URL(upstreamBase.pathname.replace(/\/$/, '') + path, upstreamBase);
      proxyTo(request, response, options, target, `Prometheus at ${base}`);
    },
    (error: Error) =>
      sendStatus(
        response,
        502,
        'ServiceUnavailable',
        `The host cannot review access: ${error.message}`,
      ),
  );
};

/** WebSocket close codes: the upstream watch ended, or failed. */
const WS_NORMAL_CLOSURE = 1000;
const WS_INTERNAL_ERROR = 1011;

const upstreamTarget = (requestURL: string | undefined, options: HostServerOptions) => {
  const upstreamBase = new URL(options.apiURL);
  const path = (requestURL ?? '/').slice(K8S_PROXY_PREFIX.length) || '/';
  return new URL(upstreamBase.pathname.replace(/\/$/, '') + path, upstreamBase);
};

/**
 * Relays one API watch over an accepted WebSocket: each newline-delimited event of the upstream
 * stream becomes one text message. An upstream error status arrives as one `ERROR` event with
 * its Status (so a 410 makes the client re-list); then the socket closes — normally when the
 * upstream ended, with 1011 when it broke.
 */
const relayWatch = (socket: WebSocket, request: IncomingMessage, options: HostServerOptions) => {
  const target = upstreamTarget(request.url, options);
  const headers: OutgoingHttpHeaders = { accept: 'application/json' };
  const token = options.users[selectUser(request, options.users)];
  if (token) headers.authorization = `Bearer ${token}`;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  let closed = false;
  const close = (code: number, reason = '') => {
    if (closed) return;
    closed = true;
    socket.close(code, reason);
  };
  const upstream = send(target, { method: 'GET', headers }, (upstreamResponse) => {
    const status = upstreamResponse.statusCode ?? 502;
    upstreamResponse.setEncoding('utf8');
    if (status < 200 || status >= 300) {
      let body = '';
      upstreamResponse.on('data', (chunk: string) => {
        body += chunk;
      });
      upstreamResponse.on('end', () => {
        let object: unknown;
        try {
          object = JSON.parse(body);
        } catch {
          object = statusObject(status, 'Unknown', body || `watch failed with HTTP ${status}`);
        }
        if (socket.readyState === socket.OPEN) {
          socket.send(JSON.stringify({ type: 'ERROR', object }));
        }
        close(WS_NORMAL_CLOSURE);
      });
      return;
    }
    let buffered = '';
    upstreamResponse.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() && socket.readyState === socket.OPEN) socket.send(line);
      }
    });
    upstreamResponse.on('end', () => {
      if (buffered.trim() && socket.readyState === socket.OPEN) socket.send(buffered);
      close(WS_NORMAL_CLOSURE);
    });
    upstreamResponse.on('error', () => close(WS_INTERNAL_ERROR, 'upstream watch broke'));
  });
  upstream.on('error', (error) => {
    if (socket.readyState === socket.OPEN && !closed) {
      const message = `The host cannot reach the Kubernetes API at ${options.apiURL}: ${error.message}`;
      socket.send(
        JSON.stringify({
          type: 'ERROR',
          object: statusObject(502, 'ServiceUnavailable', message),
        }),
      );
    }
    close(WS_INTERNAL_ERROR, 'upstream watch failed');
  });
  upstream.end();
  // The browser went away (for example a watch was stopped): stop the upstream request too.
  socket.on('close', () => {
    closed = true;
    upstream.destroy();
  });
  socket.on('error', () => upstream.destroy());
};

/** Only the host's own pages may send requests or open watches with the selected user's token. */
const isSameOrigin = (request: IncomingMessage) => {
  const { origin, host } = request.headers;
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
};

const rejectUpgrade = (socket: Socket, status: number, text: string) => {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

const serveStatic = (request: IncomingMessage, response: ServerResponse, staticDir: string) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  // Checked by handleRequest: the path decodes.
  const pathname = decodeOrUndefined(new URL(request.url ?? '/', 'http://host').pathname) ?? '/';
  const root = resolve(staticDir);
  const candidate = resolve(join(root, normalize(pathname)));
  const isFile =
    candidate.startsWith(root) && existsSync(candidate) && statSync(candidate).isFile();
  // Client-side routes (/gpu-partitioning, /k8s/...) get the app; missing assets get a 404.
  if (!isFile && extname(pathname) !== '') {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  const file = isFile ? candidate : join(root, 'index.html');
  const isIndex = file.endsWith('index.html');
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    // Hashed assets may be cached; the entry page must always be fresh.
    'Cache-Control': isIndex ? 'no-cache' : 'public, max-age=3600',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
};

const handleRequest = (
  request: IncomingMessage,
  response: ServerResponse,
  options: HostServerOptions,
) => {
  const url = request.url ?? '/';
  if (!isLoopbackHost(request)) {
    sendStatus(response, 421, 'Misdirected', misdirectedMessage(request));
  } else if (decodeOrUndefined(new URL(url, 'http://host').pathname) === undefined) {
    sendStatus(response, 400, 'BadRequest', 'Bad request: malformed percent-encoding in the URL');
  } else if (url === K8S_PROXY_PREFIX || url.startsWith(`${K8S_PROXY_PREFIX}/`)) {
    if (isSameOrigin(request)) proxyToAPI(request, response, options);
    else sendStatus(response, 403, 'Forbidden', 'Cross-origin requests are not proxied');
  } else if (url.startsWith(`${PROMETHEUS_PROXY_PREFIX}/`)) {
    if (isSameOrigin(request)) proxyToPrometheus(request, response, options);
    else sendStatus(response, 403, 'Forbidden', 'Cross-origin requests are not proxied');
  } else if (url === HOST_INFO_PATH) {
    const info: HostInfo = {
      mode: options.mode,
      apiURL: options.apiURL,
      scenario: options.scenario,
      kubeconfigPath: options.kubeconfigPath,
      users: Object.keys(options.users),
      user: selectUser(request, options.users),
    };
    sendJSON(response, 200, info);
  } else if (url.startsWith('/api/')) {
    sendStatus(response, 404, 'NotFound', `${url} is not served by the standalone host`);
  } else {
    serveStatic(request, response, options.staticDir);
  }
};

export const startHostServer = async (options: HostServerOptions): Promise<RunningHostServer> => {
  if (!existsSync(join(options.staticDir, 'index.html'))) {
    throw new Error(`${options.staticDir}/index.html is missing: build the host bundle first`);
  }
  const server: Server = createServer((request, response) => {
    try {
      handleRequest(request, response, options);
    } catch (error) {
      // One bad request must not stop the host for everyone else.
      if (response.headersSent) response.destroy();
      else sendStatus(response, 400, 'BadRequest', `Bad request: ${String(error)}`);
    }
  });
  // Watches are long-lived; Node's default request timeout would cut them.
  server.requestTimeout = 0;
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    try {
      handleUpgrade(request, socket, head);
    } catch {
      rejectUpgrade(socket, 400, 'Bad Request');
    }
  });
  const handleUpgrade = (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = request.url ?? '/';
    if (!isLoopbackHost(request)) {
      rejectUpgrade(socket, 421, MISDIRECTED);
      return;
    }
    const isWatch =
      url.startsWith(`${K8S_PROXY_PREFIX}/`) &&
      /^(true|1)$/.test(new URL(url, 'http://host').searchParams.get('watch') ?? '');
    if (!isWatch) {
      rejectUpgrade(socket, 404, 'Not Found');
      return;
    }
    if (!isSameOrigin(request)) {
      rejectUpgrade(socket, 403, 'Forbidden');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) =>
      relayWatch(webSocket, request, options),
    );
  };
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        // Open watch streams and sockets would keep the server alive forever.
        sockets.clients.forEach((client) => client.terminate());
        sockets.close();
        server.closeAllConnections();
      }),
  };
};
