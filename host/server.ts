/**
 * The standalone host's HTTP server: serves the host bundle (with SPA fallback to index.html)
 * and proxies `/api/kubernetes/*` to a Kubernetes API with the selected user's bearer token, the
 * way the console's bridge does. Long-lived watch responses are streamed through unbuffered.
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
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

export const HOST_ONLY_MARKER = 'HOST_ONLY_MARKER: gpu-partitioning standalone host server';

/** Cookie the banner sets to pick the user whose token the proxy sends. */
export const USER_COOKIE = 'sandbox-user';
export const K8S_PROXY_PREFIX = '/api/kubernetes';
export const HOST_INFO_PATH = '/api/host/info';

export type HostInfo = {
  /** `sandbox`: the built-in simulated cluster; `api`: a cluster reached with `--api`. */
  mode: 'sandbox' | 'api';
  /** The upstream API URL, shown in the banner in `api` mode. */
  apiURL: string;
  scenario?: string;
  kubeconfigPath?: string;
  users: string[];
  user: string;
};

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
};

export type RunningHostServer = { url: string; port: number; close(): Promise<void> };

const CONTENT_TYPES: Record<string, string> = {
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

const selectUser = (request: IncomingMessage, users: HostServerOptions['users']): string => {
  const names = Object.keys(users);
  const requested = decodeURIComponent(readCookie(request, USER_COOKIE) ?? '');
  return names.includes(requested) ? requested : names[0];
};

const sendJSON = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
};

/** A Kubernetes-style Status, so the plugin's error handling sees the same shape as from the API. */
const sendStatus = (response: ServerResponse, code: number, reason: string, message: string) =>
  sendJSON(response, code, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  });

const proxyToAPI = (
  request: IncomingMessage,
  response: ServerResponse,
  options: HostServerOptions,
) => {
  const upstreamBase = new URL(options.apiURL);
  const path = (request.url ?? '/').slice(K8S_PROXY_PREFIX.length) || '/';
  const target = new URL(upstreamBase.pathname.replace(/\/$/, '') + path, upstreamBase);
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
      `The host cannot reach the Kubernetes API at ${options.apiURL}: ${error.message}`,
    );
  });
  // The browser went away (for example a watch was stopped): stop the upstream request too.
  response.on('close', () => upstream.destroy());
  request.pipe(upstream);
};

const serveStatic = (request: IncomingMessage, response: ServerResponse, staticDir: string) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
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

export const startHostServer = async (options: HostServerOptions): Promise<RunningHostServer> => {
  if (!existsSync(join(options.staticDir, 'index.html'))) {
    throw new Error(`${options.staticDir}/index.html is missing: build the host bundle first`);
  }
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (url === K8S_PROXY_PREFIX || url.startsWith(`${K8S_PROXY_PREFIX}/`)) {
      proxyToAPI(request, response, options);
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
  });
  // Watches are long-lived; Node's default request timeout would cut them.
  server.requestTimeout = 0;
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
        // Open watch streams would keep the server alive forever.
        server.closeAllConnections();
      }),
  };
};
