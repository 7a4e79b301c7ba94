/**
 * The simulated GPU operator: reconfiguration refused while a pod holds a GPU (no eviction), the
 * single strategy meeting a mixed layout, demo failures with the mig-manager's log, scheduling.
 */
import { MIG_CONFIG_LABEL, MIG_STATE_LABEL, OPERATOR_NAMESPACE } from './operator';
import { startSandbox, type RunningSandbox } from './server';
import type { KubeObject } from './store';

const sandboxes: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
});

async function start(scenario: string): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ port: 0, scenario, reconfigureDelayMs: 30 });
  sandboxes.push(sandbox);
  return sandbox;
}

async function request(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${sandbox.adminToken}`, 'Content-Type': contentType },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as KubeObject };
}

function labelNode(sandbox: RunningSandbox, node: string, labels: Record<string, string>) {
  return request(
    sandbox,
    'PATCH',
    `/api/v1/nodes/${node}`,
    { metadata: { labels } },
    'application/merge-patch+json',
  );
}

async function waitForState(
  sandbox: RunningSandbox,
  node: string,
  wanted: string,
): Promise<KubeObject> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const current = sandbox.store.get('nodes', undefined, node);
    if (
      current?.metadata.labels?.[MIG_STATE_LABEL] === wanted &&
      sandbox.operator.pendingNodes().length === 0
    )
      return current;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(
    `${node} never reached ${wanted}: ${sandbox.store.get('nodes', undefined, node)?.metadata.labels?.[MIG_STATE_LABEL]}`,
  );
}

async function migManagerLog(sandbox: RunningSandbox, node: string): Promise<string> {
  const pod = sandbox.operator.migManagerPod(node);
  const response = await request(
    sandbox,
    'GET',
    `/api/v1/namespaces/${OPERATOR_NAMESPACE}/pods/${pod}/log`,
  );
  expect(response.status).toBe(200);
  return response.text;
}

const allocatable = (node: KubeObject) =>
  (node.status as { allocatable: Record<string, string> }).allocatable;

test('a running pod on a MIG slice makes the reconfiguration fail, and the pod is not evicted', async () => {
  const sandbox = await start('seed');
  await request(
    sandbox,
    'PATCH',
    '/apis/nvidia.com/v1/clusterpolicies/gpu-cluster-policy',
    [{ op: 'replace', path: '/spec/mig/strategy', value: 'mixed' }],
    'application/json-patch+json',
  );
  await labelNode(sandbox, 'worker1.redhat.com', { [MIG_CONFIG_LABEL]: 'all-balanced' });
  await waitForState(sandbox, 'worker1.redhat.com', 'success');
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'model-server' },
    spec: {
      nodeSelector: { 'kubernetes.io/hostname': 'worker1.redhat.com' },
      containers: [
        {
          name: 'server',
          image: 'quay.io/x/ovms',
          resources: { limits: { 'nvidia.com/mig-1g.6gb': '1' } },
        },
      ],
    },
  };
  expect((await request(sandbox, 'POST', '/api/v1/namespaces/default/pods', pod)).status).toBe(201);
  for (
    let attempt = 0;
    attempt < 100 &&
    (sandbox.store.get('pods', 'default', 'model-server')?.status as { phase?: string }).phase !==
      'Running';
    attempt += 1
  ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await labelNode(sandbox, 'worker1.redhat.com', { [MIG_CONFIG_LABEL]: 'all-1g.6gb' });
  const node = await waitForState(sandbox, 'worker1.redhat.com', 'failed');
  expect(allocatable(node)['nvidia.com/mig-1g.6gb']).toBe('2');
  expect(allocatable(node)['nvidia.com/mig-2g.12gb']).toBe('1');
  expect(node.metadata.labels?.['nvidia.com/gpu.deploy.device-plugin']).toBe('true');
  expect(
    (sandbox.store.get('pods', 'default', 'model-server')?.status as { phase: string }).phase,
  ).toBe('Running');
  const log = await migManagerLog(sandbox, 'worker1.redhat.com');
  expect(log).toContain("Changing the 'nvidia.com/mig.config.state' node label to 'pending'");
  expect(log).toContain('In use by another client');
  expect(log).toContain('default/model-server');
  expect(log.trim().split('\n').slice(-6).join('\n')).toContain("node label to 'failed'");
});

test('setting the same value again does nothing; an unknown config name fails with the log saying so', async () => {
  const sandbox = await start('seed');
  const before = sandbox.store.get('nodes', undefined, 'worker2.redhat.com');
  await labelNode(sandbox, 'worker2.redhat.com', { [MIG_CONFIG_LABEL]: 'all-disabled' });
  expect(
    sandbox.store.get('nodes', undefined, 'worker2.redhat.com')?.metadata.resourceVersion,
  ).toBe(before?.metadata.resourceVersion);
  await labelNode(sandbox, 'worker2.redhat.com', { [MIG_CONFIG_LABEL]: 'all-balancd' });
  await waitForState(sandbox, 'worker2.redhat.com', 'failed');
  expect(await migManagerLog(sandbox, 'worker2.redhat.com')).toContain(
    'selected mig-config not present: all-balancd',
  );
});

test('switching to the single strategy with a mixed layout gives MIG-INVALID and no GPU resources', async () => {
  const sandbox = await start('seed');
  const policy = '/apis/nvidia.com/v1/clusterpolicies/gpu-cluster-policy';
  await request(
    sandbox,
    'PATCH',
    policy,
    { spec: { mig: { strategy: 'mixed' } } },
    'application/merge-patch+json',
  );
  await labelNode(sandbox, 'worker1.redhat.com', { [MIG_CONFIG_LABEL]: 'all-balanced' });
  await labelNode(sandbox, 'worker2.redhat.com', { [MIG_CONFIG_LABEL]: 'all-1g.6gb' });
  await waitForState(sandbox, 'worker1.redhat.com', 'success');
  await waitForState(sandbox, 'worker2.redhat.com', 'success');
  await request(
    sandbox,
    'PATCH',
    policy,
    { spec: { mig: { strategy: 'single' } } },
    'application/merge-patch+json',
  );
  const mixed = sandbox.store.get('nodes', undefined, 'worker1.redhat.com') as KubeObject;
  expect(mixed.metadata.labels?.['nvidia.com/gpu.product']).toBe('NVIDIA-A30-MIG-INVALID');
  expect(mixed.metadata.labels?.['nvidia.com/gpu.count']).toBe('0');
  expect(
    Object.entries(allocatable(mixed)).filter(
      ([key, value]) => key.startsWith('nvidia.com/') && value !== '0',
    ),
  ).toEqual([]);
  const uniform = sandbox.store.get('nodes', undefined, 'worker2.redhat.com') as KubeObject;
  expect(uniform.metadata.labels?.['nvidia.com/gpu.product']).toBe('NVIDIA-A30-MIG-1g.6gb');
  expect(allocatable(uniform)['nvidia.com/gpu']).toBe('4');
  const invalid = await request(
    sandbox,
    'PATCH',
    policy,
    { spec: { mig: { strategy: 'mixxed' } } },
    'application/merge-patch+json',
  );
  expect(invalid.status).toBe(422);
  expect(invalid.text).toContain('Unsupported value: \\"mixxed\\"');
});

test('mixed-fleet starts with a failed node (nvidia_drm in its log), a stuck node, drift and a pending pod', async () => {
  const sandbox = await start('mixed-fleet');
  const label = (name: string) =>
    sandbox.store.get('nodes', undefined, name)?.metadata.labels?.[MIG_STATE_LABEL];
  expect(label('a100-40-02')).toBe('failed');
  expect(await migManagerLog(sandbox, 'a100-40-02')).toContain('nvidia_drm');
  expect(label('h100-02')).toBe('pending');
  expect(
    sandbox.store.get('nodes', undefined, 'h100-02')?.metadata.labels?.[
      'nvidia.com/gpu.deploy.device-plugin'
    ],
  ).toBe('paused-for-mig-change');
  expect(label('a100-40-03')).toBe('failed');
  expect(
    allocatable(sandbox.store.get('nodes', undefined, 'a100-80-03') as KubeObject)[
      'nvidia.com/mig-1g.10gb'
    ],
  ).toBe('9');
  expect(
    sandbox.store.get('nodes', undefined, 'l40s-01')?.metadata.labels?.['nvidia.com/mig.capable'],
  ).toBe('false');
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (
      (
        sandbox.store.get('pods', 'ai-team', 'waiting-for-slice')?.status as {
          conditions?: unknown[];
        }
      ).conditions
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const waiting = sandbox.store.get('pods', 'ai-team', 'waiting-for-slice')?.status as {
    phase: string;
    conditions: { type: string; reason: string; message: string }[];
  };
  expect(waiting.phase).toBe('Pending');
  const scheduled = waiting.conditions.find((condition) => condition.type === 'PodScheduled');
  expect(scheduled?.reason).toBe('Unschedulable');
  expect(scheduled?.message).toMatch(
    /^0\/15 nodes are available: .*Insufficient nvidia\.com\/mig-7g\.80gb/,
  );
});
