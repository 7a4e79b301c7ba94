/**
 * The shim's lists and watches behave as the console's (release-4.19), so a page meets the same
 * figures and the same timing in the demo as in the console. Each test names the console source
 * it follows (frontend/packages/console-dynamic-plugin-sdk/src/…). The API and the watch sockets
 * are fakes and the clock is Jest's, so nothing here depends on how fast the machine is.
 */
import { NodeModel } from '../../../src/cluster/models';
import { HttpError } from './errors';
import {
  EVENT_BUFFER_MAX,
  EVENT_FLUSH_INTERVAL_MS,
  OBJECT_POLL_MS,
  PAGE_SIZE,
  RELIST_DELAY_MS,
  type WatchRequest,
  type WatchSocket,
  getSharedWatch,
  releaseSharedWatch,
  setWatchSocketFactory,
} from './watch';

type Node = {
  metadata: { name: string; resourceVersion: string; labels?: Record<string, string> };
};
const node = (name: string, resourceVersion = '1', labels?: Record<string, string>): Node => ({
  metadata: { name, resourceVersion, ...(labels ? { labels } : {}) },
});

class FakeSocket implements WatchSocket {
  onmessage: WatchSocket['onmessage'] = null;
  onclose: WatchSocket['onclose'] = null;
  onerror: WatchSocket['onerror'] = null;
  closed = false;
  constructor(readonly path: string) {}
  send(type: string, object: unknown) {
    this.onmessage?.({ data: JSON.stringify({ type, object }) });
  }
  end(code: number) {
    this.onclose?.({ code, reason: '', wasClean: code === 1000 });
  }
  close() {
    this.closed = true;
  }
}

const realFetch = globalThis.fetch;
let sockets: FakeSocket[];
let requested: string[];
/** Answers the shim's GETs; set per test. */
let answer: (url: string) => Promise<Response>;

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
const notFound = (name: string) =>
  json(
    {
      kind: 'Status',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
      message: `nodes "${name}" not found`,
    },
    404,
  );

beforeEach(() => {
  jest.useFakeTimers();
  sockets = [];
  requested = [];
  globalThis.fetch = (input) => {
    requested.push(String(input));
    return answer(String(input));
  };
  setWatchSocketFactory((path) => {
    const socket = new FakeSocket(path);
    sockets.push(socket);
    return socket;
  });
});

afterEach(() => {
  globalThis.fetch = realFetch;
  setWatchSocketFactory();
  jest.useRealTimers();
});

/** Lets pending promises (fetches, JSON parsing) settle without moving the clock. */
const settle = () => jest.advanceTimersByTimeAsync(0);

/** Acquires a watch for the test and releases it afterwards. */
const using = async (
  request: WatchRequest,
  body: (watch: ReturnType<typeof getSharedWatch>) => Promise<void>,
) => {
  const watch = getSharedWatch(request);
  watch.acquire();
  try {
    await body(watch);
  } finally {
    releaseSharedWatch(request);
  }
};

const names = (data: unknown) => (data as Node[]).map((item) => item.metadata.name);
const NODES: WatchRequest = { model: NodeModel, isList: true };

test('a list is loaded after its first 250-item page; later pages are added as they arrive (app/k8s/actions/k8s.ts: watchK8sList, incrementallyLoad)', async () => {
  const firstPage = Array.from({ length: PAGE_SIZE }, (_, index) => node(`node-${index}`));
  let releaseSecondPage!: () => void;
  const secondPageGate = new Promise<void>((resolve) => {
    releaseSecondPage = resolve;
  });
  answer = (url) =>
    url.includes('continue=')
      ? secondPageGate.then(() =>
          json({ items: [node('node-250'), node('node-251')], metadata: { resourceVersion: '9' } }),
        )
      : json({ items: firstPage, metadata: { continue: 'next page', resourceVersion: '8' } });
  await using(NODES, async (watch) => {
    await settle();
    expect(PAGE_SIZE).toBe(250);
    expect(requested[0]).toMatch(/\/nodes\?limit=250$/);
    // The second page is still on its way, and the page already has the first one.
    expect(requested[1]).toMatch(/limit=250&continue=next%20page$/);
    expect(watch.snapshot.loaded).toBe(true);
    expect(watch.snapshot.loadError).toBe('');
    expect(watch.snapshot.data).toHaveLength(250);
    expect(sockets).toHaveLength(0);

    releaseSecondPage();
    await settle();
    expect(names(watch.snapshot.data).slice(-2)).toEqual(['node-250', 'node-251']);
    expect(watch.snapshot.data).toHaveLength(252);
    // The watch starts from the last page's resourceVersion.
    expect(sockets).toHaveLength(1);
    expect(sockets[0].path).toMatch(/watch=true.*resourceVersion=9/);
  });
});

test('watch events reach the page in bulk every 500 ms (utils/k8s/k8s-utils.ts: k8sWatch bufferFlushInterval 500; utils/k8s/ws-factory.ts)', async () => {
  answer = () => json({ items: [node('a'), node('b')], metadata: { resourceVersion: '5' } });
  await using(NODES, async (watch) => {
    await settle();
    let notifications = 0;
    const unsubscribe = watch.subscribe(() => {
      notifications += 1;
    });
    const [socket] = sockets;
    await jest.advanceTimersByTimeAsync(100);
    socket.send('MODIFIED', node('a', '6', { seen: 'yes' }));
    socket.send('ADDED', node('c', '7'));
    socket.send('DELETED', node('b', '8'));
    // Nothing reaches the page before the buffer's next flush, 500 ms after the socket opened…
    await jest.advanceTimersByTimeAsync(EVENT_FLUSH_INTERVAL_MS - 101);
    expect(notifications).toBe(0);
    expect(names(watch.snapshot.data)).toEqual(['a', 'b']);
    // …then all three together, in one update.
    await jest.advanceTimersByTimeAsync(1);
    expect(notifications).toBe(1);
    expect(names(watch.snapshot.data)).toEqual(['a', 'c']);
    expect((watch.snapshot.data as Node[])[0].metadata.labels).toEqual({ seen: 'yes' });
    // An empty interval notifies nobody.
    await jest.advanceTimersByTimeAsync(EVENT_FLUSH_INTERVAL_MS * 3);
    expect(notifications).toBe(1);
    unsubscribe();
  });
});

test('the watch buffer keeps the newest 1,000 events of an interval, as the console drops the oldest (utils/k8s/ws-factory.ts: triggerEvent, bufferMax)', async () => {
  answer = () => json({ items: [], metadata: { resourceVersion: '1' } });
  await using(NODES, async (watch) => {
    await settle();
    const [socket] = sockets;
    const burst = EVENT_BUFFER_MAX + 5;
    for (let index = 0; index < burst; index += 1) {
      socket.send('ADDED', node(`burst-${index}`, String(index + 2)));
    }
    await jest.advanceTimersByTimeAsync(EVENT_FLUSH_INTERVAL_MS);
    expect(EVENT_BUFFER_MAX).toBe(1000);
    expect(watch.snapshot.data).toHaveLength(1000);
    expect(names(watch.snapshot.data)[0]).toBe('burst-5');
  });
});

test('a single object is null until read and stays null when reading fails; it is re-read every 30 s and watched by name (utils/k8s/hooks/useK8sWatchResource.ts, k8s-watcher.ts getReduxData; app/k8s/actions/k8s.ts: watchK8sObject)', async () => {
  let exists = false;
  answer = () => (exists ? json(node('late', '3')) : notFound('late'));
  await using({ model: NodeModel, isList: false, name: 'late' }, async (watch) => {
    expect(watch.snapshot).toEqual({ data: null, loaded: false, loadError: '' });
    await settle();
    expect(watch.snapshot.data).toBeNull();
    expect(watch.snapshot.loaded).toBe(false);
    expect(watch.snapshot.loadError).toBeInstanceOf(HttpError);
    expect((watch.snapshot.loadError as HttpError).code).toBe(404);
    expect(requested).toEqual(['/api/kubernetes/api/v1/nodes/late']);
    // Watched at once through the collection, by name, without a resourceVersion.
    expect(sockets.map((socket) => socket.path)).toEqual([
      '/api/kubernetes/api/v1/nodes?fieldSelector=metadata.name%3Dlate&watch=true',
    ]);

    exists = true;
    await jest.advanceTimersByTimeAsync(OBJECT_POLL_MS - 1);
    expect(requested).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(requested).toHaveLength(2);
    expect(watch.snapshot).toEqual({ data: node('late', '3'), loaded: true, loadError: '' });

    // Its watch events arrive through the same 500 ms buffer.
    sockets[0].send('MODIFIED', node('late', '4', { seen: 'yes' }));
    await jest.advanceTimersByTimeAsync(EVENT_FLUSH_INTERVAL_MS);
    expect(watch.snapshot.data).toEqual(node('late', '4', { seen: 'yes' }));
  });
});

test('a failed list keeps what the page has and is retried 15 s later; so is a broken watch (app/k8s/actions/k8s.ts: pollAndWatch)', async () => {
  let failing = false;
  answer = () =>
    failing
      ? json({ kind: 'Status', status: 'Failure', code: 500, message: 'etcd is away' }, 500)
      : json({ items: [node('a')], metadata: { resourceVersion: '5' } });
  await using(NODES, async (watch) => {
    await settle();
    expect(watch.snapshot.loaded).toBe(true);
    failing = true;
    sockets[0].end(1006);
    // A broken watch: the re-list waits 15 s.
    await jest.advanceTimersByTimeAsync(RELIST_DELAY_MS - 1);
    expect(requested).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(requested).toHaveLength(2);
    // It fails: the error is reported, the data and `loaded` stay.
    expect(watch.snapshot.loadError).toBeInstanceOf(HttpError);
    expect(names(watch.snapshot.data)).toEqual(['a']);
    expect(watch.snapshot.loaded).toBe(true);
    failing = false;
    await jest.advanceTimersByTimeAsync(RELIST_DELAY_MS);
    expect(requested).toHaveLength(3);
    expect(watch.snapshot.loadError).toBe('');
    expect(sockets).toHaveLength(2);
  });
});
