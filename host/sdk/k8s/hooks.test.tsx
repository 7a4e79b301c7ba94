/**
 * The watch hooks' return shapes before and after discovery, which plugin code depends on:
 * `null` → `[undefined, true, undefined]`, unknown kind → `[[], true, NoModelError]`.
 * Discovery is answered by a fake API; the list/watch streams are covered in watch.test.ts.
 */
import type { WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import { act, render } from '@testing-library/react';
import { stopDiscovery } from './discovery';
import { HttpError, NoModelError } from './errors';
import { useK8sModel, useK8sWatchResource, useK8sWatchResources } from './hooks';
import { setWatchSocketFactory } from './watch';

const DISCOVERY: Record<string, unknown> = {
  '/api/kubernetes/api': { versions: ['v1'] },
  '/api/kubernetes/apis': { groups: [] },
  '/api/kubernetes/api/v1': {
    groupVersion: 'v1',
    resources: [
      { name: 'nodes', namespaced: false, kind: 'Node', verbs: ['get', 'list', 'watch'] },
    ],
  },
};

let releaseDiscovery: () => void;
const requested: string[] = [];

beforeAll(() => {
  const discoveryGate = new Promise<void>((resolve) => {
    releaseDiscovery = resolve;
  });
  globalThis.fetch = jest.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    requested.push(url);
    if (url in DISCOVERY) {
      await discoveryGate;
      // jsdom has no Response; the shim's fetch wrapper needs only these members.
      const body = JSON.stringify(DISCOVERY[url]);
      return {
        ok: true,
        status: 200,
        headers: { get: () => 'application/json' },
        text: async () => body,
      } as unknown as Response;
    }
    if (url === '/api/kubernetes/api/v1/nodes/absent') {
      const body = JSON.stringify({
        kind: 'Status',
        code: 404,
        reason: 'NotFound',
        message: 'nodes "absent" not found',
      });
      return {
        ok: false,
        status: 404,
        statusText: 'Not Found',
        headers: { get: () => 'application/json' },
        text: async () => body,
        json: async () => JSON.parse(body),
      } as unknown as Response;
    }
    // Lists never answer here: only the shapes before data arrives are under test.
    return new Promise<Response>(() => undefined);
  }) as typeof fetch;
});

// Watch sockets that never connect: the watches' events are covered in console-parity.test.ts.
beforeAll(() =>
  setWatchSocketFactory(() => ({
    onmessage: null,
    onclose: null,
    onerror: null,
    close: () => undefined,
  })),
);

afterAll(() => {
  stopDiscovery();
  setWatchSocketFactory();
});

type Result = ReturnType<typeof useK8sWatchResource>;

const Probe = ({
  resource,
  onResult,
}: {
  resource: WatchK8sResource | null;
  onResult: (r: Result) => void;
}) => {
  onResult(useK8sWatchResource(resource));
  return null;
};

const renderProbe = (resource: WatchK8sResource | null) => {
  const results: Result[] = [];
  render(<Probe resource={resource} onResult={(result) => results.push(result)} />);
  return results;
};

test('shapes before discovery, with null, and for an unknown kind', async () => {
  const none = renderProbe(null);
  const nodes = renderProbe({ groupVersionKind: { version: 'v1', kind: 'Node' }, isList: true });
  const unknown = renderProbe({
    groupVersionKind: { group: 'nvidia.com', version: 'v1', kind: 'ClusterPolicy' },
    isList: true,
  });
  const unknownObject = renderProbe({
    groupVersionKind: { group: 'nvidia.com', version: 'v1', kind: 'ClusterPolicy' },
    name: 'gpu-cluster-policy',
  });

  expect(none.at(-1)).toEqual([undefined, true, undefined]);
  expect(nodes.at(-1)).toEqual([[], false, undefined]);
  expect(unknown.at(-1)).toEqual([[], false, undefined]);

  await act(async () => {
    releaseDiscovery();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  expect(none.at(-1)).toEqual([undefined, true, undefined]);
  const [data, loaded, error] = unknown.at(-1)!;
  expect([data, loaded]).toEqual([[], true]);
  expect(error).toBeInstanceOf(NoModelError);
  expect((error as Error).message).toBe('Model does not exist');
  expect(unknownObject.at(-1)![0]).toEqual({});
  // Nodes are known: the list is requested and not loaded yet.
  expect(nodes.at(-1)).toEqual([[], false, '']);
  expect(requested.some((url) => url.startsWith('/api/kubernetes/api/v1/nodes?limit='))).toBe(true);
});

test('useK8sWatchResources reports per key; useK8sModel finds discovered kinds', () => {
  let results: ReturnType<typeof useK8sWatchResources> | undefined;
  let model: ReturnType<typeof useK8sModel> | undefined;
  const Multi = () => {
    results = useK8sWatchResources({
      policies: {
        groupVersionKind: { group: 'nvidia.com', version: 'v1', kind: 'ClusterPolicy' },
        isList: true,
      },
    });
    model = useK8sModel({ version: 'v1', kind: 'Node' });
    return null;
  };
  render(<Multi />);
  expect(results?.policies.loaded).toBe(true);
  expect(results?.policies.data).toEqual([]);
  expect(results?.policies.loadError).toBeInstanceOf(NoModelError);
  expect(model?.[0]).toMatchObject({ kind: 'Node', plural: 'nodes', namespaced: false });
  expect(model?.[1]).toBe(false);
});

test('a single object is null until it is read, and stays null when reading fails (the console: utils/k8s/hooks/useK8sWatchResource.ts with k8s-watcher.ts getReduxData)', async () => {
  const results = renderProbe({
    groupVersionKind: { version: 'v1', kind: 'Node' },
    name: 'absent',
  });
  // The first render, before the watch starts, has the console's `{}`…
  expect(results[0]).toEqual([{}, false, undefined]);
  // …then its store entry: no object yet.
  expect(results).toContainEqual([null, false, '']);
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  const [data, loaded, error] = results.at(-1)!;
  expect([data, loaded]).toEqual([null, false]);
  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).code).toBe(404);
});
