/**
 * Watches over WebSocket, as kube-apiserver serves them to the OpenShift console's bridge: one JSON
 * watch event per text message, the same events and errors as the chunked HTTP watch, and the
 * handshake's own rules (Origin required, bearer token in a subprotocol). Driven by the `ws` client.
 */
import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';
import { BEARER_PROTOCOL_PREFIX } from './auth';
import { startSandbox, type RunningSandbox } from './server';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    scenario: 'seed',
    reconfigureDelayMs: 50,
    watchHistoryLimit: 50,
    bookmarkIntervalMs: 100,
  });
});

afterAll(async () => {
  await sandbox.close();
});

interface WatchEvent {
  type: string;
  object: {
    kind?: string;
    code?: number;
    reason?: string;
    message?: string;
    metadata: { name?: string; resourceVersion?: string; labels?: Record<string, string> };
  };
}

/**
 * The bridge's dial (openshift/console pkg/proxy/proxy.go): the user's token in the Authorization
 * header, the browser's Origin copied and then `Origin: http://localhost` added, so two Origins.
 */
const BRIDGE_HEADERS = {
  Authorization: 'Bearer sandbox-admin-token',
  Origin: ['http://127.0.0.1:9500', 'http://localhost'],
} as unknown as Record<string, string>;
const BRIDGE_ORIGIN = 'http://localhost';

interface OpenWatch {
  socket: WebSocket;
  /** The next event (each from its own text message). */
  next(): Promise<WatchEvent>;
  /** Events until one matches. */
  until(match: (event: WatchEvent) => boolean): Promise<WatchEvent[]>;
  closed: Promise<{ code: number }>;
}

function openWatch(
  path: string,
  options: { headers?: Record<string, string>; origin?: string; protocols?: string[] } = {},
): Promise<OpenWatch> {
  const socket = new WebSocket(`${sandbox.url.replace('http', 'ws')}${path}`, options.protocols, {
    headers: options.headers ?? BRIDGE_HEADERS,
    origin: options.headers ? (options.origin ?? BRIDGE_ORIGIN) : undefined,
  });
  const queue: WatchEvent[] = [];
  const waiting: ((event: WatchEvent) => void)[] = [];
  socket.on('message', (data, isBinary) => {
    if (isBinary) throw new Error('watch events must be text messages');
    const event = JSON.parse(String(data)) as WatchEvent;
    const waiter = waiting.shift();
    if (waiter) waiter(event);
    else queue.push(event);
  });
  const closed = new Promise<{ code: number }>((resolve) =>
    socket.on('close', (code) => resolve({ code })),
  );
  const next = (): Promise<WatchEvent> => {
    const queued = queue.shift();
    return queued ? Promise.resolve(queued) : new Promise((resolve) => waiting.push(resolve));
  };
  const until = async (match: (event: WatchEvent) => boolean): Promise<WatchEvent[]> => {
    const seen: WatchEvent[] = [];
    for (;;) {
      const event = await next();
      seen.push(event);
      if (match(event)) return seen;
    }
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, next, until, closed }));
    socket.once('unexpected-response', (_request, response: IncomingMessage) =>
      reject(new Error(`handshake answered ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
}

/** The HTTP answer to a handshake the server refuses: status and body. */
function refusedHandshake(
  path: string,
  options: { headers?: Record<string, string>; origin?: string; protocols?: string[] },
): Promise<{ status: number; body: string }> {
  const socket = new WebSocket(`${sandbox.url.replace('http', 'ws')}${path}`, options.protocols, {
    headers: options.headers ?? {},
    origin: options.origin,
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      socket.close();
      reject(new Error('the handshake succeeded'));
    });
    socket.once('unexpected-response', (_request, response: IncomingMessage) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
  });
}

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${sandbox.url}${path}`, {
    ...init,
    headers: { Authorization: 'Bearer sandbox-admin-token', ...(init.headers ?? {}) },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response;
}

const labelNode = (name: string, labels: Record<string, string | null>): Promise<Response> =>
  api(`/api/v1/nodes/${name}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/merge-patch+json' },
    body: JSON.stringify({ metadata: { labels } }),
  });

const listResourceVersion = async (path: string): Promise<string> =>
  ((await (await api(path)).json()) as { metadata: { resourceVersion: string } }).metadata
    .resourceVersion;

test('a watch without a resourceVersion starts with every object as ADDED, one per message', async () => {
  const watch = await openWatch('/api/v1/nodes?watch=true');
  const names: string[] = [];
  for (let index = 0; index < 5; index += 1) {
    const event = await watch.next();
    expect(event.type).toBe('ADDED');
    expect(event.object.kind).toBe('Node');
    names.push(event.object.metadata.name ?? '');
  }
  expect(names).toEqual([
    'master-0.redhat.com',
    'master-1.redhat.com',
    'master-2.redhat.com',
    'worker1.redhat.com',
    'worker2.redhat.com',
  ]);
  watch.socket.close();
});

test('a watch from a resourceVersion delivers only later changes', async () => {
  const resourceVersion = await listResourceVersion('/api/v1/nodes');
  const watch = await openWatch(`/api/v1/nodes?watch=true&resourceVersion=${resourceVersion}`);
  await labelNode('master-0.redhat.com', { 'sandbox.test/resume': 'yes' });
  const event = await watch.next();
  expect(event.type).toBe('MODIFIED');
  expect(event.object.metadata.name).toBe('master-0.redhat.com');
  expect(Number(event.object.metadata.resourceVersion)).toBeGreaterThan(Number(resourceVersion));
  watch.socket.close();
});

test('fieldSelector=metadata.name=NAME watches one object, as the console watches a single resource', async () => {
  const resourceVersion = await listResourceVersion('/api/v1/nodes');
  const watch = await openWatch(
    `/api/v1/nodes?watch=true&fieldSelector=${encodeURIComponent('metadata.name=worker2.redhat.com')}&resourceVersion=${resourceVersion}`,
  );
  await labelNode('worker1.redhat.com', { 'sandbox.test/single': 'other' });
  await labelNode('worker2.redhat.com', { 'sandbox.test/single': 'mine' });
  const event = await watch.next();
  expect(event.object.metadata.name).toBe('worker2.redhat.com');
  expect(event.object.metadata.labels?.['sandbox.test/single']).toBe('mine');
  watch.socket.close();
});

test('a label selector filters, and a change that leaves the selection arrives as DELETED', async () => {
  const selector = encodeURIComponent('sandbox.test/pool in (blue)');
  await labelNode('master-1.redhat.com', { 'sandbox.test/pool': 'blue' });
  const watch = await openWatch(`/api/v1/nodes?watch=true&labelSelector=${selector}`);
  const initial = await watch.next();
  expect([initial.type, initial.object.metadata.name]).toEqual(['ADDED', 'master-1.redhat.com']);
  await labelNode('master-2.redhat.com', { 'sandbox.test/pool': 'blue' });
  const joined = await watch.next();
  expect([joined.type, joined.object.metadata.name]).toEqual(['ADDED', 'master-2.redhat.com']);
  await labelNode('master-1.redhat.com', { 'sandbox.test/pool': 'green' });
  const left = await watch.next();
  expect([left.type, left.object.metadata.name]).toEqual(['DELETED', 'master-1.redhat.com']);
  watch.socket.close();
});

test('allowWatchBookmarks=true brings BOOKMARK events with the current resourceVersion', async () => {
  const resourceVersion = await listResourceVersion('/api/v1/namespaces');
  const watch = await openWatch(
    `/api/v1/namespaces?watch=true&allowWatchBookmarks=true&resourceVersion=${resourceVersion}`,
  );
  const events = await watch.until((event) => event.type === 'BOOKMARK');
  const bookmark = events[events.length - 1];
  expect(bookmark.object.kind).toBe('Namespace');
  expect(Number(bookmark.object.metadata.resourceVersion)).toBeGreaterThanOrEqual(
    Number(resourceVersion),
  );
  watch.socket.close();
});

test('an expired resourceVersion is one ERROR event with the 410 Status, then a normal close', async () => {
  const start = await listResourceVersion('/api/v1/nodes');
  // Enough writes to push `start` out of the 50-event history.
  for (let index = 0; index < 60; index += 1) {
    await labelNode('master-2.redhat.com', { 'sandbox.test/tick': String(index) });
  }
  const watch = await openWatch(`/api/v1/nodes?watch=true&resourceVersion=${start}`);
  const event = await watch.next();
  expect(event.type).toBe('ERROR');
  expect(event.object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
  expect(event.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
  expect((await watch.closed).code).toBe(1000);
});

test('timeoutSeconds ends the watch with a normal close', async () => {
  const watch = await openWatch('/api/v1/namespaces?watch=true&timeoutSeconds=1');
  expect((await watch.closed).code).toBe(1000);
});

test('authentication and authorization are those of HTTP requests', async () => {
  const path = '/api/v1/nodes?watch=true';
  const anonymous = await refusedHandshake(path, { origin: BRIDGE_ORIGIN });
  expect(anonymous.status).toBe(401);
  expect(JSON.parse(anonymous.body)).toMatchObject({ kind: 'Status', reason: 'Unauthorized' });

  const viewer = await openWatch(path, {
    headers: { Authorization: `Bearer ${sandbox.viewerToken}` },
  });
  expect((await viewer.next()).type).toBe('ADDED');
  viewer.socket.close();

  const badSelector = await refusedHandshake(`${path}&fieldSelector=spec.hostname%3Dx`, {
    headers: BRIDGE_HEADERS,
    origin: BRIDGE_ORIGIN,
  });
  expect(badSelector.status).toBe(400);
  expect(JSON.parse(badSelector.body)).toMatchObject({
    message: 'field label not supported: spec.hostname',
  });
});

test('a bearer token in Sec-WebSocket-Protocol authenticates; the other protocol is echoed', async () => {
  const encoded = Buffer.from(sandbox.viewerToken).toString('base64url');
  const watch = await openWatch('/api/v1/nodes?watch=true', {
    headers: {},
    protocols: [`${BEARER_PROTOCOL_PREFIX}${encoded}`, 'base64.binary.k8s.io'],
  });
  expect(watch.socket.protocol).toBe('base64.binary.k8s.io');
  expect((await watch.next()).type).toBe('ADDED');
  watch.socket.close();

  const alone = await refusedHandshake('/api/v1/nodes?watch=true', {
    origin: BRIDGE_ORIGIN,
    protocols: [`${BEARER_PROTOCOL_PREFIX}${encoded}`],
  });
  expect(alone.status).toBe(401);
  const wrongToken = Buffer.from('not-a-token').toString('base64url');
  const unknown = await refusedHandshake('/api/v1/nodes?watch=true', {
    origin: BRIDGE_ORIGIN,
    protocols: [`${BEARER_PROTOCOL_PREFIX}${wrongToken}`, 'base64.binary.k8s.io'],
  });
  expect(unknown.status).toBe(401);
  const twoLeft = await refusedHandshake('/api/v1/nodes?watch=true', {
    origin: BRIDGE_ORIGIN,
    protocols: [`${BEARER_PROTOCOL_PREFIX}${encoded}`, 'base64.binary.k8s.io', 'v4.channel.k8s.io'],
  });
  expect(twoLeft.status).toBe(400);
});

test('a handshake without an Origin is refused with 403, as golang.org/x/net/websocket does', async () => {
  const refused = await refusedHandshake('/api/v1/nodes?watch=true', {
    headers: { Authorization: BRIDGE_HEADERS.Authorization },
  });
  expect(refused.status).toBe(403);
});

test('the chunked HTTP watch is unchanged beside the WebSocket one', async () => {
  const resourceVersion = await listResourceVersion('/api/v1/nodes');
  const controller = new AbortController();
  const response = await api(`/api/v1/nodes?watch=true&resourceVersion=${resourceVersion}`, {
    signal: controller.signal,
  });
  expect(response.headers.get('transfer-encoding')).toBe('chunked');
  await labelNode('worker1.redhat.com', { 'sandbox.test/chunked': 'yes' });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  while (!text.includes('\n')) text += new TextDecoder().decode((await reader.read()).value);
  expect(JSON.parse(text.split('\n')[0])).toMatchObject({ type: 'MODIFIED' });
  controller.abort();
});

test('shutting the sandbox down closes open WebSocket watches normally', async () => {
  const own = await startSandbox({ port: 0, scenario: 'seed' });
  const socket = new WebSocket(`${own.url.replace('http', 'ws')}/api/v1/nodes?watch=true`, {
    headers: BRIDGE_HEADERS,
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise((resolve) => socket.once('open', resolve));
  await own.close();
  expect(await closed).toBe(1000);
});
