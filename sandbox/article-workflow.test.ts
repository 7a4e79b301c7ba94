/**
 * The article's procedure typed with the real kubectl against the `seed` sandbox: switch the
 * strategy to mixed, label both workers all-balanced, watch the state go pending then success, and
 * find each A30 advertising 2 x 1g.6gb + 1 x 2g.12gb (nvidia.com/gpu left in capacity, 0 allocatable).
 */
import { startSandbox, type RunningSandbox } from './server';
import { kubectlRunner } from './testKubectl';

let sandbox: RunningSandbox;
let kubectl: ReturnType<typeof kubectlRunner>;
const WORKERS = ['worker1.redhat.com', 'worker2.redhat.com'];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenario: 'seed', reconfigureDelayMs: 1500 });
  kubectl = kubectlRunner(sandbox.kubeconfigPath);
});

afterAll(async () => {
  await sandbox.close();
});

async function migState(node: string): Promise<string> {
  const result = await kubectl([
    'get',
    'node',
    node,
    '-o',
    'jsonpath={.metadata.labels.nvidia\\.com/mig\\.config\\.state}',
  ]);
  expect(result.stderr).toBe('');
  return result.stdout;
}

test('the article starts from MIG disabled, strategy single', async () => {
  const nodes = await kubectl(['get', 'nodes']);
  expect(nodes.code).toBe(0);
  expect(nodes.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
  expect(nodes.stdout).toMatch(/worker1\.redhat\.com\s+Ready\s+worker/);
  const describe = await kubectl(['describe', 'node']);
  expect(describe.code).toBe(0);
  const migLabels = describe.stdout
    .split('\n')
    .filter((line) => line.includes('nvidia.com/mig'))
    .map((line) => line.trim());
  expect(migLabels).toEqual(
    expect.arrayContaining([
      'nvidia.com/mig.capable=true',
      'nvidia.com/mig.config=all-disabled',
      'nvidia.com/mig.config.state=success',
      'nvidia.com/mig.strategy=single',
    ]),
  );
});

test('patch the strategy, label the nodes, and each A30 ends with 2 x 1g.6gb + 1 x 2g.12gb', async () => {
  const patch = await kubectl([
    'patch',
    'clusterpolicy/gpu-cluster-policy',
    '--type=json',
    '-p',
    '[{"op": "replace", "path": "/spec/mig/strategy", "value": "mixed"}]',
  ]);
  expect(patch).toMatchObject({
    code: 0,
    stdout: 'clusterpolicy.nvidia.com/gpu-cluster-policy patched\n',
  });
  const strategy = await kubectl([
    'get',
    'clusterpolicy',
    'gpu-cluster-policy',
    '-o',
    'jsonpath={.spec.mig.strategy}',
  ]);
  expect(strategy.stdout).toBe('mixed');

  for (const node of WORKERS) {
    const label = await kubectl([
      'label',
      'node',
      node,
      'nvidia.com/mig.config=all-balanced',
      '--overwrite',
    ]);
    expect(label).toMatchObject({ code: 0, stdout: `node/${node} labeled\n` });
    expect(await migState(node)).toBe('pending');
  }
  const seen = new Set<string>();
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    const states = await Promise.all(WORKERS.map(migState));
    states.forEach((state) => seen.add(state));
    if (states.every((state) => state === 'success')) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect([...seen].sort()).toEqual(['pending', 'success']);

  const json = await kubectl(['get', 'nodes', '-o', 'json']);
  const nodes = JSON.parse(json.stdout) as {
    items: {
      metadata: { name: string; labels: Record<string, string> };
      status: { capacity: Record<string, string>; allocatable: Record<string, string> };
    }[];
  };
  for (const name of WORKERS) {
    const node = nodes.items.find((item) => item.metadata.name === name);
    expect(node?.metadata.labels['nvidia.com/mig.config']).toBe('all-balanced');
    expect(node?.metadata.labels['nvidia.com/mig.strategy']).toBe('mixed');
    expect(node?.status.allocatable['nvidia.com/mig-1g.6gb']).toBe('2');
    expect(node?.status.allocatable['nvidia.com/mig-2g.12gb']).toBe('1');
    expect(node?.status.allocatable['nvidia.com/gpu'] ?? '0').toBe('0');
    // As in the article: the kubelet keeps the whole-GPU resource in capacity.
    expect(node?.status.capacity['nvidia.com/gpu']).toBe('1');
    expect(node?.metadata.labels['nvidia.com/gpu.deploy.device-plugin']).toBe('true');
  }
  const describe = await kubectl(['describe', 'node', 'worker1.redhat.com']);
  expect(describe.stdout).toMatch(
    /Allocatable:[\s\S]*nvidia\.com\/gpu:\s+0[\s\S]*nvidia\.com\/mig-1g\.6gb:\s+2[\s\S]*nvidia\.com\/mig-2g\.12gb:\s+1/,
  );
});

test('a pod asking for a 2g.12gb slice is scheduled; its deletion frees the slice', async () => {
  const manifest = JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'nvidia-smi-pod' },
    spec: {
      restartPolicy: 'Never',
      containers: [
        {
          name: 'cuda-container',
          image: 'nvcr.io/nvidia/cuda:12.1.0-base-ubi8',
          command: ['/bin/sh', '-c'],
          args: ['nvidia-smi'],
          resources: { limits: { 'nvidia.com/mig-2g.12gb': 1 } },
        },
      ],
    },
  });
  const created = await kubectl(['create', '-f', '-'], manifest);
  expect(created).toMatchObject({ code: 0, stdout: 'pod/nvidia-smi-pod created\n' });
  let node = '';
  for (let attempt = 0; attempt < 50 && !node; attempt += 1) {
    node = (await kubectl(['get', 'pod', 'nvidia-smi-pod', '-o', 'jsonpath={.spec.nodeName}']))
      .stdout;
    if (!node) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(WORKERS).toContain(node);
  const pods = await kubectl(['get', 'pods']);
  expect(pods.stdout).toMatch(/nvidia-smi-pod\s+1\/1\s+Running/);
  const deleted = await kubectl(['delete', 'pod', 'nvidia-smi-pod']);
  expect(deleted).toMatchObject({ code: 0, stdout: 'pod "nvidia-smi-pod" deleted\n' });
});

test('the viewer context is refused writes with the API server message; cordon works for the admin', async () => {
  const denied = await kubectl([
    '--context',
    'sandbox-viewer',
    'label',
    'node',
    'worker1.redhat.com',
    'x=y',
  ]);
  expect(denied.code).not.toBe(0);
  expect(denied.stderr).toContain(
    'User "sandbox-viewer" cannot patch resource "nodes" in API group "" at the cluster scope',
  );
  const cordon = await kubectl(['cordon', 'worker2.redhat.com']);
  expect(cordon).toMatchObject({ code: 0, stdout: 'node/worker2.redhat.com cordoned\n' });
  const status = await kubectl(['get', 'node', 'worker2.redhat.com']);
  expect(status.stdout).toContain('Ready,SchedulingDisabled');
  const canI = await kubectl(['--context', 'sandbox-viewer', 'auth', 'can-i', 'patch', 'nodes']);
  expect(canI.stdout.trim()).toBe('no');
});
