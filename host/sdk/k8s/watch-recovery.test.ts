/**
 * How the shim's shared watches recover, against the real sandbox API server: a watch that
 * resumes from a resourceVersion the server no longer keeps (HTTP 200, then one `ERROR` event
 * with a 410 `Expired` Status, as kube-apiserver answers) re-lists at once; a watch stream that
 * breaks backs off, re-lists and watches again. Either way later changes keep arriving. Watches
 * run over WebSockets through the host server, as in the browser.
 */
import { type RunningSandbox, startSandbox } from '../../../sandbox/server';
import { NodeModel } from '../../../src/cluster/models';
import { NodeWatchSocket, type TestHost, startTestHost } from '../../test-support';
import {
  type WatchRequest,
  type WatchSnapshot,
  getSharedWatch,
  releaseSharedWatch,
  SharedWatch,
  setWatchSocketFactory,
} from './watch';

const NODE = 'worker1.redhat.com';
/** Few enough that a handful of writes compacts the history a watch would resume from. */
const HISTORY_LIMIT = 5;

let sandbox: RunningSandbox;
let host: TestHost;
const realFetch = globalThis.fetch;

type Call = { kind: 'list' | 'watch'; url: string; at: number };
let calls: Call[] = [];
/** Watch sockets wait for this before they connect (set to hold them back). */
let watchGate: Promise<void> | undefined;
/** Watch event types the sandbox sent, with the Status code of `ERROR` events. */
let received: string[] = [];
/** Watch sockets the shim has open. */
const openSockets = new Set<NodeWatchSocket>();
/** Drop every open watch connection, as a network failure would. */
const breakOpenWatches = () => {
  openSockets.forEach((socket) => socket.terminate());
  openSockets.clear();
};

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    scenario: 'seed',
    reconfigureDelayMs: 50,
    watchHistoryLimit: HISTORY_LIMIT,
  });
  host = await startTestHost(sandbox);
  // The browser sends relative URLs and opens watch sockets on the host, which proxies them.
  globalThis.fetch = (input, init) => {
    calls.push({ kind: 'list', url: String(input), at: Date.now() });
    return realFetch(host.url + String(input), init);
  };
  setWatchSocketFactory((path) => {
    calls.push({ kind: 'watch', url: path, at: Date.now() });
    const socket: NodeWatchSocket = new NodeWatchSocket(host.wsURL + path, {
      gate: watchGate,
      observe: (data) => {
        const event = JSON.parse(data) as { type: string; object: { code?: number } };
        received.push(event.type === 'ERROR' ? `ERROR ${event.object.code}` : event.type);
      },
    });
    openSockets.add(socket);
    const { close } = socket;
    socket.close = (code, reason) => {
      openSockets.delete(socket);
      close.call(socket, code, reason);
    };
    return socket;
  });
});

beforeEach(() => {
  calls = [];
  received = [];
  watchGate = undefined;
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  setWatchSocketFactory();
  await host.close();
  await sandbox.close();
});

const labelNode = async (labels: Record<string, string | null>) => {
  const response = await realFetch(`${sandbox.url}/api/v1/nodes/${NODE}`, {
    method: 'PATCH',
    headers: {
      Authorization: `Bearer ${sandbox.adminToken}`,
      'Content-Type': 'application/merge-patch+json',
    },
    body: JSON.stringify({ metadata: { labels } }),
  });
  expect(response.status).toBe(200);
};

type Named = { metadata?: { name?: string; labels?: Record<string, string> } };
const labelOf = (snapshot: WatchSnapshot, label: string) =>
  (snapshot.data as Named[]).find((node) => node.metadata?.name === NODE)?.metadata?.labels?.[
    label
  ];

const until = async (what: string, condition: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const count = (kind: Call['kind']) => calls.filter((call) => call.kind === kind).length;

test('a watch from a compacted resourceVersion gets 410 Expired, re-lists at once and keeps following', async () => {
  const request: WatchRequest = { model: NodeModel, isList: true };
  let release!: () => void;
  watchGate = new Promise((resolve) => {
    release = resolve;
  });
  // A back-off far longer than `until` waits: the re-list below can only come from the 410 path.
  const defaultBackoff = SharedWatch.initialBackoffMs;
  SharedWatch.initialBackoffMs = 60_000;
  const watch = getSharedWatch(request);
  watch.acquire();
  try {
    await until('the list', () => watch.snapshot.loaded);
    await until('the watch request', () => count('watch') === 1);
    // While the watch is held back, enough writes push its resourceVersion out of the history.
    for (let step = 0; step < HISTORY_LIMIT * 2; step += 1) {
      await labelNode({ 'recovery.test/step': String(step) });
    }
    watchGate = undefined;
    release();

    await until('the 410 Expired event', () => received.includes('ERROR 410'));
    // The re-list carries what happened while the watch was held back…
    await until('the re-list', () => labelOf(watch.snapshot, 'recovery.test/step') === '9');
    expect(count('list')).toBe(2);
    // …without the broken-stream back-off, and with no error for the page.
    expect(watch.snapshot.loadError).toBe('');
    await until('the second watch', () => count('watch') === 2);

    await labelNode({ 'recovery.test/after': 'yes' });
    await until(
      'a change after the recovery',
      () => labelOf(watch.snapshot, 'recovery.test/after') === 'yes',
    );
    expect(received).toContain('MODIFIED');
    expect(count('list')).toBe(2);
  } finally {
    SharedWatch.initialBackoffMs = defaultBackoff;
    releaseSharedWatch(request);
    await labelNode({ 'recovery.test/step': null, 'recovery.test/after': null });
  }
});

test('a broken watch stream backs off, re-lists and delivers later changes', async () => {
  const request: WatchRequest = { model: NodeModel, isList: true };
  const watch = getSharedWatch(request);
  watch.acquire();
  try {
    await until('the list', () => watch.snapshot.loaded);
    await until('the watch stream', () => [...openSockets].some((socket) => socket.isOpen));
    await labelNode({ 'recovery.test/before': 'yes' });
    await until(
      'a change over the first stream',
      () => labelOf(watch.snapshot, 'recovery.test/before') === 'yes',
    );

    const brokenAt = Date.now();
    breakOpenWatches();
    // Written while the connection is down: only the re-list can tell the watch about it.
    await labelNode({ 'recovery.test/during': 'yes' });
    await until('the re-list', () => count('list') === 2, 5_000);
    // Not a tight loop against a failing server: the first back-off is a second.
    const relistedAt = calls.filter((call) => call.kind === 'list')[1].at;
    expect(relistedAt - brokenAt).toBeGreaterThanOrEqual(900);
    await until(
      'the re-list data',
      () => labelOf(watch.snapshot, 'recovery.test/during') === 'yes',
    );
    expect(watch.snapshot.loadError).toBe('');
    await until(
      'the new watch stream',
      () => count('watch') === 2 && [...openSockets].some((socket) => socket.isOpen),
    );

    await labelNode({ 'recovery.test/after': 'yes' });
    await until(
      'a change over the new stream',
      () => labelOf(watch.snapshot, 'recovery.test/after') === 'yes',
    );
    expect(count('list')).toBe(2);
    expect(received).not.toContain('ERROR 410');
  } finally {
    releaseSharedWatch(request);
    await labelNode({
      'recovery.test/before': null,
      'recovery.test/during': null,
      'recovery.test/after': null,
    });
  }
});
