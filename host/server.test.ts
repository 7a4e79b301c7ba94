/**
 * The host server's WebSocket watches, against the sandbox: many open watches leave room for
 * other requests (a browser allows six HTTP/1.1 connections per host; WebSockets are not among
 * them), events arrive one per message with the selected user's token, and an expired
 * resourceVersion arrives as an `ERROR` 410 event before a normal close.
 */
import { Agent, type RequestOptions, request as httpRequest } from 'node:http';
import { WebSocket } from 'ws';
import { type RunningSandbox, startSandbox } from '../sandbox/server';
import { USER_COOKIE } from './server';
import { type TestHost, startTestHost } from './test-support';

const NAMESPACE = 'nvidia-gpu-operator';
const CONFIGMAPS = `/api/kubernetes/api/v1/namespaces/${NAMESPACE}/configmaps`;

let sandbox: RunningSandbox;
let host: TestHost;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenario: 'seed', watchHistoryLimit: 5 });
  host = await startTestHost(sandbox);
});

afterAll(async () => {
  await host.close();
  await sandbox.close();
});

type Event = { type: string; object: { code?: number; metadata?: { name?: string } } };

/** Opens a watch socket and collects its events. */
const openWatch = (path: string, user = 'admin') => {
  const events: Event[] = [];
  const socket = new WebSocket(host.wsURL + path, {
    headers: { Cookie: `${USER_COOKIE}=${user}`, Origin: host.url },
  });
  socket.on('message', (data) => events.push(JSON.parse(String(data)) as Event));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  return { socket, events, opened, closed };
};

/** Like Chrome: at most six connections to the host, shared by every plain HTTP request. */
const browserAgent = new Agent({ keepAlive: true, maxSockets: 6 });

type Reply = { status: number; body: string };

/** One request to the host, its whole answer collected. */
const call = (options: RequestOptions, payload?: string) =>
  new Promise<Reply>((resolve, reject) => {
    const req = httpRequest(options, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(payload);
  });

const send = (method: string, path: string, body?: unknown, user = 'admin') => {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return call(
    {
      host: '127.0.0.1',
      port: host.port,
      path,
      method,
      agent: browserAgent,
      headers: {
        Host: `localhost:${host.port}`,
        Cookie: `${USER_COOKIE}=${user}`,
        Accept: 'application/json',
        ...(payload ? { 'Content-Type': 'application/json' } : {}),
      },
    },
    payload,
  );
};

const until = async (what: string, condition: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

afterAll(() => browserAgent.destroy());

test('eight open watches and a POST all go through; each watch sees the new object', async () => {
  const paths = [
    '/api/kubernetes/api/v1/nodes?watch=true',
    '/api/kubernetes/api/v1/pods?watch=true',
    `${CONFIGMAPS}?watch=true`,
    `${CONFIGMAPS}?watch=true&labelSelector=${encodeURIComponent('server.test/watch=yes')}`,
    `${CONFIGMAPS}?watch=1`,
    '/api/kubernetes/api/v1/configmaps?watch=true',
    `/api/kubernetes/api/v1/namespaces/${NAMESPACE}/pods?watch=true`,
    '/api/kubernetes/api/v1/namespaces?watch=true',
  ];
  const watches = paths.map((path) => openWatch(path));
  try {
    await Promise.all(watches.map((watch) => watch.opened));
    // The watches keep no HTTP connection of the pool busy, so these still go out at once.
    const lists = await Promise.all(
      ['/api/kubernetes/api/v1/nodes', `${CONFIGMAPS}`, '/api/kubernetes/api/v1/pods'].map((path) =>
        send('GET', path),
      ),
    );
    expect(lists.map((list) => list.status)).toEqual([200, 200, 200]);
    const created = await send('POST', CONFIGMAPS, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'server-test', labels: { 'server.test/watch': 'yes' } },
      data: { a: 'b' },
    });
    expect(created.status).toBe(201);
    const configMapWatches = watches.filter((_watch, index) => [2, 3, 4, 5].includes(index));
    await until('the ADDED event on every configmap watch', () =>
      configMapWatches.every((watch) =>
        watch.events.some(
          (event) => event.type === 'ADDED' && event.object.metadata?.name === 'server-test',
        ),
      ),
    );
    // Nodes are listed with their initial ADDED events, one JSON event per message.
    expect(watches[0].events.length).toBeGreaterThan(0);
    expect(watches[0].events.every((event) => event.type === 'ADDED')).toBe(true);
  } finally {
    watches.forEach((watch) => watch.socket.close());
    await send('DELETE', `${CONFIGMAPS}/server-test`);
  }
});

test("a watch runs with the selected user's token", async () => {
  const asViewer = openWatch(`${CONFIGMAPS}?watch=true`, 'viewer');
  await asViewer.opened;
  await until('the viewer watch events', () => asViewer.events.length > 0);
  expect(asViewer.events.every((event) => event.type === 'ADDED')).toBe(true);
  asViewer.socket.close();
  // The viewer may watch but not write: the HTTP proxy uses the same selection.
  const refused = await send('POST', CONFIGMAPS, { metadata: { name: 'nope' } }, 'viewer');
  expect(refused.status).toBe(403);
  // Without a token the API refuses the watch; its Status arrives as an ERROR event.
  const anonymous = openWatch(`${CONFIGMAPS}?watch=true`, 'nobody');
  expect(await anonymous.closed).toBe(1000);
  expect(anonymous.events.map((event) => [event.type, event.object.code])).toEqual([
    ['ERROR', 401],
  ]);
});

test('an expired resourceVersion arrives as one ERROR 410 event, then the socket closes', async () => {
  for (let step = 0; step < 8; step += 1) {
    const patched = await send('POST', CONFIGMAPS, {
      metadata: { name: `server-test-${step}` },
      data: {},
    });
    expect(patched.status).toBe(201);
  }
  try {
    const expired = openWatch(`${CONFIGMAPS}?watch=true&resourceVersion=1`);
    expect(await expired.closed).toBe(1000);
    expect(expired.events).toHaveLength(1);
    expect(expired.events[0].type).toBe('ERROR');
    expect(expired.events[0].object.code).toBe(410);
  } finally {
    for (let step = 0; step < 8; step += 1) {
      await send('DELETE', `${CONFIGMAPS}/server-test-${step}`);
    }
  }
});

test('only watches upgrade, and only from the host itself', async () => {
  const notWatch = openWatch('/api/kubernetes/api/v1/nodes');
  await expect(notWatch.opened).rejects.toThrow(/404/);
  const foreign = new WebSocket(`${host.wsURL}/api/kubernetes/api/v1/nodes?watch=true`, {
    headers: { Origin: 'http://evil.example' },
  });
  await expect(
    new Promise((resolve, reject) => {
      foreign.once('open', resolve);
      foreign.once('error', reject);
    }),
  ).rejects.toThrow(/403/);
});

/** A request with exactly this path and these headers (the Host header included). */
const raw = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  call({ host: '127.0.0.1', port: host.port, path, method, headers });

test('a malformed percent-encoding gets 400 and the host keeps serving', async () => {
  expect((await raw('/%E0%A4%A')).status).toBe(400);
  expect((await raw('/api/kubernetes/api/v1/nodes/%E0%A4%A')).status).toBe(400);
  // A malformed user cookie is no user: the default one, not a crash.
  const nodes = await raw('/api/kubernetes/api/v1/nodes', { Cookie: `${USER_COOKIE}=%E0%A4%A` });
  expect(nodes.status).toBe(200);
  expect((await raw('/gpu-partitioning')).status).toBe(200);
});

test('only loopback host names are served: a DNS-rebinding page gets no proxy', async () => {
  const port = String(host.port);
  for (const name of ['localhost', '127.0.0.1', '[::1]']) {
    expect((await raw('/api/kubernetes/api/v1/nodes', { Host: `${name}:${port}` })).status).toBe(
      200,
    );
  }
  // A rebound name resolves to 127.0.0.1 but keeps its own Host header.
  for (const hostHeader of [
    `evil.example:${port}`,
    'evil.example',
    `localhost.evil.example:${port}`,
  ]) {
    const refused = await raw('/api/kubernetes/api/v1/nodes', { Host: hostHeader });
    expect(refused.status).toBe(421);
    expect(refused.body).not.toContain('worker1.redhat.com');
    expect((await raw('/gpu-partitioning', { Host: hostHeader })).status).toBe(421);
  }
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/kubernetes/api/v1/nodes?watch=true`, {
    headers: { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` },
  });
  await expect(
    new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    }),
  ).rejects.toThrow(/421/);
});

test("a cross-site page's request is not sent with the user's token", async () => {
  const refused = await raw(
    CONFIGMAPS,
    { Origin: 'http://evil.example', 'Content-Type': 'text/plain' },
    'POST',
  );
  expect(refused.status).toBe(403);
  const sameOrigin = await raw(CONFIGMAPS, { Origin: host.url, Host: new URL(host.url).host });
  expect(sameOrigin.status).toBe(200);
});
