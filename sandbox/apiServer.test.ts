/**
 * The sandbox API server driven by a real Kubernetes client (@kubernetes/client-node), not by our
 * own code: list, watch, patch, optimistic concurrency, authorization and authentication.
 */
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchUtils,
  Watch,
} from '@kubernetes/client-node';
import { startSandbox, type RunningSandbox } from './server';

let sandbox: RunningSandbox;

function clientConfig(token: string | undefined): KubeConfig {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'sandbox', server: sandbox.url, skipTLSVerify: false }],
    users: [token ? { name: 'user', token } : { name: 'user' }],
    contexts: [{ name: 'sandbox', cluster: 'sandbox', user: 'user' }],
    currentContext: 'sandbox',
  });
  return config;
}

const admin = () => clientConfig(sandbox.adminToken).makeApiClient(CoreV1Api);
const viewer = () => clientConfig(sandbox.viewerToken).makeApiClient(CoreV1Api);

interface HttpFailure {
  statusCode?: number;
  body?: { reason?: string; message?: string; code?: number };
}

async function failure(promise: Promise<unknown>): Promise<HttpFailure> {
  try {
    await promise;
  } catch (error) {
    return error as HttpFailure;
  }
  throw new Error('expected the request to fail');
}

const mergePatch = { headers: { 'Content-Type': PatchUtils.PATCH_FORMAT_JSON_MERGE_PATCH } };
const jsonPatch = { headers: { 'Content-Type': PatchUtils.PATCH_FORMAT_JSON_PATCH } };

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    scenario: 'seed',
    reconfigureDelayMs: 50,
    watchHistoryLimit: 200,
  });
});

afterAll(async () => {
  await sandbox.close();
});

test('lists nodes with label selectors and pages through them', async () => {
  const all = await admin().listNode();
  expect(all.body.items.map((node) => node.metadata?.name)).toEqual([
    'master-0.redhat.com',
    'master-1.redhat.com',
    'master-2.redhat.com',
    'worker1.redhat.com',
    'worker2.redhat.com',
  ]);
  const gpu = await admin().listNode(
    undefined,
    undefined,
    undefined,
    undefined,
    'nvidia.com/mig.capable=true',
  );
  expect(gpu.body.items).toHaveLength(2);
  const notWorkers = await admin().listNode(
    undefined,
    undefined,
    undefined,
    undefined,
    '!node-role.kubernetes.io/worker',
  );
  expect(notWorkers.body.items).toHaveLength(3);
  const page = await admin().listNode(undefined, undefined, undefined, undefined, undefined, 2);
  expect(page.body.items).toHaveLength(2);
  expect(page.body.metadata?.remainingItemCount).toBe(3);
  const rest = await admin().listNode(
    undefined,
    undefined,
    page.body.metadata?._continue,
    undefined,
    undefined,
    10,
  );
  expect(rest.body.items.map((node) => node.metadata?.name)).toEqual([
    'master-2.redhat.com',
    'worker1.redhat.com',
    'worker2.redhat.com',
  ]);
});

test('pods filter by field selector across namespaces', async () => {
  const onWorker = await admin().listPodForAllNamespaces(
    undefined,
    undefined,
    'spec.nodeName=worker1.redhat.com',
  );
  expect(onWorker.body.items.length).toBeGreaterThan(0);
  expect(onWorker.body.items.every((pod) => pod.spec?.nodeName === 'worker1.redhat.com')).toBe(
    true,
  );
  const bad = await failure(
    admin().listPodForAllNamespaces(undefined, undefined, 'spec.hostname=x'),
  );
  expect(bad.statusCode).toBe(400);
  expect(bad.body?.message).toBe('field label not supported: spec.hostname');
});

test('a merge patch changes a label and bumps the resourceVersion; a stale update is a 409 Conflict', async () => {
  const before = (await admin().readNode('worker2.redhat.com')).body;
  const patched = (
    await admin().patchNode(
      'worker2.redhat.com',
      { metadata: { labels: { team: 'ml' } } },
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      mergePatch,
    )
  ).body;
  expect(patched.metadata?.labels?.team).toBe('ml');
  expect(Number(patched.metadata?.resourceVersion)).toBeGreaterThan(
    Number(before.metadata?.resourceVersion),
  );
  const stale = await failure(admin().replaceNode('worker2.redhat.com', before));
  expect(stale.statusCode).toBe(409);
  expect(stale.body?.reason).toBe('Conflict');
  expect(stale.body?.message).toContain('the object has been modified');
});

test('a failed JSON patch test operation is 422 Invalid and changes nothing', async () => {
  const patch = [
    { op: 'test', path: '/metadata/labels/nvidia.com~1mig.config', value: 'all-balanced' },
    { op: 'replace', path: '/metadata/labels/nvidia.com~1mig.config', value: 'all-1g.6gb' },
  ];
  const result = await failure(
    admin().patchNode(
      'worker2.redhat.com',
      patch,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      jsonPatch,
    ),
  );
  expect(result.statusCode).toBe(422);
  expect(result.body?.reason).toBe('Invalid');
  const node = (await admin().readNode('worker2.redhat.com')).body;
  expect(node.metadata?.labels?.['nvidia.com/mig.config']).toBe('all-disabled');
});

test('the viewer may read but every write is 403 with the RBAC message', async () => {
  const nodes = await viewer().listNode();
  expect(nodes.body.items).toHaveLength(5);
  const denied = await failure(
    viewer().patchNode(
      'worker1.redhat.com',
      { metadata: { labels: { x: 'y' } } },
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      mergePatch,
    ),
  );
  expect(denied.statusCode).toBe(403);
  expect(denied.body?.reason).toBe('Forbidden');
  expect(denied.body?.message).toBe(
    'nodes "worker1.redhat.com" is forbidden: User "sandbox-viewer" cannot patch resource "nodes" in API group "" at the cluster scope',
  );
  const policies = clientConfig(sandbox.viewerToken).makeApiClient(CustomObjectsApi);
  const policyDenied = await failure(
    policies.patchClusterCustomObject(
      'nvidia.com',
      'v1',
      'clusterpolicies',
      'gpu-cluster-policy',
      [{ op: 'replace', path: '/spec/mig/strategy', value: 'mixed' }],
      undefined,
      undefined,
      undefined,
      jsonPatch,
    ),
  );
  expect(policyDenied.body?.message).toBe(
    'clusterpolicies.nvidia.com "gpu-cluster-policy" is forbidden: User "sandbox-viewer" cannot patch resource "clusterpolicies" in API group "nvidia.com" at the cluster scope',
  );
});

test('a request without a token is 401 Unauthorized', async () => {
  const anonymous = clientConfig(undefined).makeApiClient(CoreV1Api);
  const result = await failure(anonymous.listNode());
  expect(result.statusCode).toBe(401);
  expect(result.body?.reason).toBe('Unauthorized');
});

test('a watch delivers the label change and then the mig-manager state changes, in order', async () => {
  const list = await admin().listNode();
  const watch = new Watch(clientConfig(sandbox.adminToken));
  const states: string[] = [];
  let request: { abort(): void } | undefined;
  const done = new Promise<void>((resolve, reject) => {
    void watch
      .watch(
        '/api/v1/nodes',
        {
          resourceVersion: list.body.metadata?.resourceVersion,
          fieldSelector: 'metadata.name=worker1.redhat.com',
        },
        (type, object: { metadata: { labels: Record<string, string> } }) => {
          const state = object.metadata.labels['nvidia.com/mig.config.state'];
          if (type === 'MODIFIED' && states[states.length - 1] !== state) states.push(state);
          if (state === 'success' && states.includes('pending')) resolve();
        },
        (error: unknown) => (error ? reject(error) : undefined),
      )
      .then((started: { abort(): void }) => (request = started));
  });
  await admin().patchNode(
    'worker1.redhat.com',
    { metadata: { labels: { 'nvidia.com/mig.config': 'all-1g.6gb' } } },
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    mergePatch,
  );
  await done;
  request?.abort();
  expect(states).toEqual(['success', 'pending', 'success']);
});

test('a watch from a compacted resourceVersion ends with an ERROR event carrying 410 Expired', async () => {
  const start = Number((await admin().listNode()).body.metadata?.resourceVersion);
  // Enough writes to push `start` out of the 200-event history.
  for (let index = 0; index < 260; index += 1) {
    await admin().patchNode(
      'worker2.redhat.com',
      { metadata: { annotations: { tick: String(index) } } },
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      mergePatch,
    );
  }
  const response = await fetch(`${sandbox.url}/api/v1/nodes?watch=1&resourceVersion=${start}`, {
    headers: { Authorization: `Bearer ${sandbox.adminToken}` },
  });
  expect(response.status).toBe(200);
  const lines = (await response.text()).trim().split('\n');
  expect(lines).toHaveLength(1);
  const event = JSON.parse(lines[0]) as {
    type: string;
    object: { code: number; reason: string; message: string };
  };
  expect(event.type).toBe('ERROR');
  expect(event.object.code).toBe(410);
  expect(event.object.reason).toBe('Expired');
  expect(event.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
});

test('a SelfSubjectAccessReview answers truthfully for each user', async () => {
  const review = (token: string, verb: string) =>
    fetch(`${sandbox.url}/apis/authorization.k8s.io/v1/selfsubjectaccessreviews`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { verb, resource: 'nodes', name: 'worker1.redhat.com' } },
      }),
    }).then((response) => response.json() as Promise<{ status: { allowed: boolean } }>);
  expect((await review(sandbox.adminToken, 'patch')).status.allowed).toBe(true);
  expect((await review(sandbox.viewerToken, 'patch')).status.allowed).toBe(false);
  expect((await review(sandbox.viewerToken, 'list')).status.allowed).toBe(true);
});
