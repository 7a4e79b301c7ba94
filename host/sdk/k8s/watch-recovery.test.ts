/**
 * How the shim's shared watches recover, against the real sandbox API server: a watch that
 * resumes from a resourceVersion the server no longer keeps (HTTP 200, then one `ERROR` event
 * with a 410 `Expired` Status, as kube-apiserver answers) re-lists at once; a watch stream that
 * breaks waits 15 s as the console does (console-dynamic-plugin-sdk `src/app/k8s/actions/k8s.ts`,
 * `pollAndWatch`), re-lists and watches again. Either way later changes keep arriving. Watches
 * run over WebSockets through the host server, as in the browser. The waits are recorded and
 * ended by the test, so nothing depends on the clock.
 */
import { type RunningSandbox, startSandbox } from '../../../sandbox/server';
import { NodeModel } from '../../../src/cluster/models';
import { NodeWatchSocket, type TestHost, startTestHost } from '../../test-support';
import {
  type WatchRequest,
  type WatchSnapshot,
  getSharedWatch,
  RELIST_DELAY_MS,
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

type Call = { kind: 'list' | 'watch'; url: string };
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
    calls.push({ kind: 'list', url: String(input) });
    return realFetch(host.url + String(input), init);
  };
  setWatchSocketFactory((path) => {
    calls.push({ kind: 'watch', url: path });
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

/** Waits the watches asked for, in order; each lasts until the test ends it. */
let waits: { ms: number; end: () => void }[] = [];
const realWait = SharedWatch.wait;

beforeEach(() => {
  calls = [];
  received = [];
  watchGate = undefined;
  waits = [];
  SharedWatch.wait = (ms, signal) =>
    new Promise<void>((resolve) => {
      waits.push({ ms, end: resolve });
      signal.addEventListener('abort', () => resolve());
    });
});

afterAll(async () => {
  SharedWatch.wait = realWait;
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
    // …without the broken-stream wait, and with no error for the page.
    expect(waits).toEqual([]);
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
    releaseSharedWatch(request);
    await labelNode({ 'recovery.test/step': null, 'recovery.test/after': null });
  }
});

test('a broken watch stream waits 15 s, re-lists and delivers later changes', async () => {
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

    breakOpenWatches();
    // Not a tight loop against a failing server: the re-list waits first, as the console's.
    await until('the wait before the re-list', () => waits.length === 1);
    expect(waits[0].ms).toBe(RELIST_DELAY_MS);
    expect(RELIST_DELAY_MS).toBe(15_000);
    // Written while the connection is down: only the re-list can tell the watch about it.
    await labelNode({ 'recovery.test/during': 'yes' });
    expect(count('list')).toBe(1);
    waits[0].end();
    await until('the re-list', () => count('list') === 2);
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
