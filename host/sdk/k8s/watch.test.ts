/**
 * The shim's shared list/watch streams against the real sandbox API server: what the hooks
 * return is built from these snapshots.
 */
import { type RunningSandbox, startSandbox } from '../../../sandbox/server';
import { NodeModel } from '../../../src/cluster/models';
import { NodeWatchSocket, type TestHost, startTestHost } from '../../test-support';
import { HttpError } from './errors';
import {
  type WatchRequest,
  getSharedWatch,
  releaseSharedWatch,
  setWatchSocketFactory,
} from './watch';

let sandbox: RunningSandbox;
let host: TestHost;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenario: 'seed', reconfigureDelayMs: 50 });
  host = await startTestHost(sandbox);
  // The browser sends relative URLs and opens watch sockets on the host, which proxies them.
  globalThis.fetch = (input, init) => realFetch(host.url + String(input), init);
  setWatchSocketFactory((path) => new NodeWatchSocket(host.wsURL + path));
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  setWatchSocketFactory();
  await host.close();
  await sandbox.close();
});

const adminPatchNode = (name: string, labels: Record<string, string | null>) =>
  realFetch(`${sandbox.url}/api/v1/nodes/${name}`, {
    method: 'PATCH',
    headers: {
      Authorization: `Bearer ${sandbox.adminToken}`,
      'Content-Type': 'application/merge-patch+json',
    },
    body: JSON.stringify({ metadata: { labels } }),
  });

/** Acquires a watch and resolves once its snapshot satisfies `predicate`. */
const watchUntil = (
  request: WatchRequest,
  predicate: (snapshot: ReturnType<typeof getSharedWatch>['snapshot']) => boolean,
  timeoutMs = 10_000,
) =>
  new Promise<ReturnType<typeof getSharedWatch>['snapshot']>((resolve, reject) => {
    const watch = getSharedWatch(request);
    const check = () => {
      if (!predicate(watch.snapshot)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(watch.snapshot);
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out; last snapshot ${JSON.stringify(watch.snapshot)}`));
    }, timeoutMs);
    const unsubscribe = watch.subscribe(check);
    check();
  });

type Named = { metadata?: { name?: string; labels?: Record<string, string> } };
const names = (data: unknown) => (data as Named[]).map((item) => item.metadata?.name).sort();

test('a list loads, then follows changes made by others', async () => {
  const request: WatchRequest = { model: NodeModel, isList: true };
  getSharedWatch(request).acquire();
  try {
    const loaded = await watchUntil(request, (snapshot) => snapshot.loaded);
    expect(loaded.loadError).toBe('');
    expect(names(loaded.data)).toContain('worker1.redhat.com');
    expect((loaded.data as { kind?: string }[])[0].kind).toBe('Node');

    await adminPatchNode('worker1.redhat.com', { 'watch.test/seen': 'yes' });
    const updated = await watchUntil(request, (snapshot) =>
      (snapshot.data as Named[]).some((n) => n.metadata?.labels?.['watch.test/seen'] === 'yes'),
    );
    expect(names(updated.data)).toEqual(names(loaded.data));
  } finally {
    releaseSharedWatch(request);
    await adminPatchNode('worker1.redhat.com', { 'watch.test/seen': null });
  }
});

test('identical requests share one watch; a label selector narrows the list', async () => {
  const workers: WatchRequest = {
    model: NodeModel,
    isList: true,
    labelSelector: 'node-role.kubernetes.io/worker',
  };
  expect(getSharedWatch(workers)).toBe(getSharedWatch({ ...workers }));
  getSharedWatch(workers).acquire();
  try {
    const snapshot = await watchUntil(workers, (s) => s.loaded);
    expect(names(snapshot.data)).toEqual(['worker1.redhat.com', 'worker2.redhat.com']);
  } finally {
    releaseSharedWatch(workers);
  }
});

test('a single object loads by name; a missing one reports the API 404 and stays unloaded and null', async () => {
  const present: WatchRequest = { model: NodeModel, isList: false, name: 'worker2.redhat.com' };
  const missing: WatchRequest = { model: NodeModel, isList: false, name: 'no-such-node' };
  getSharedWatch(present).acquire();
  getSharedWatch(missing).acquire();
  try {
    const found = await watchUntil(present, (s) => s.loaded);
    expect((found.data as Named).metadata?.name).toBe('worker2.redhat.com');

    const absent = await watchUntil(missing, (s) => s.loadError !== '');
    expect(absent.loaded).toBe(false);
    // As the console's store gives it (useK8sWatchResource.ts, k8s-watcher.ts getReduxData).
    expect(absent.data).toBeNull();
    expect(absent.loadError).toBeInstanceOf(HttpError);
    expect((absent.loadError as HttpError).code).toBe(404);
  } finally {
    releaseSharedWatch(present);
    releaseSharedWatch(missing);
  }
});
