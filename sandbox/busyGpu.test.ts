/**
 * The simulated mig-manager decides per GPU, as mig-parted does: a change fails only when a GPU
 * whose layout changes is held by a running pod; GPUs that keep their layout are skipped. Which
 * GPU a pod holds is the DCGM exporter's rule (oldest pod first, lowest GPU and placement first).
 */
import { exporterDevices } from './dcgmExporter';
import { MIG_CONFIG_LABEL, MIG_STATE_LABEL, OPERATOR_NAMESPACE } from './operator';
import { startSandbox, type RunningSandbox } from './server';
import type { KubeObject } from './store';

const NODE = 'h100-notebooks';
const CONFIG_MAP = 'custom-mig-parted-config';
const BALANCED = '{ "1g.10gb": 2, "2g.20gb": 1, "3g.40gb": 1 }';
const NOTEBOOKS = '{ "1g.10gb": 3 }';

const sandboxes: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
});

/**
 * The fragmented scenario: `h100-notebooks` has two H100s at 3 × 1g.10gb each and `notebook-0`
 * running on two 1g.10gb slices (GPU 0 by the rule). Adds one config per GPU that re-lays out
 * only that GPU, with an entry for the other that keeps its layout.
 */
async function startWithPerGpuConfigs(): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ port: 0, scenario: 'fragmented', reconfigureDelayMs: 20 });
  sandboxes.push(sandbox);
  const configMap = sandbox.store.get('configmaps', OPERATOR_NAMESPACE, CONFIG_MAP);
  const text = (configMap?.data as Record<string, string>)['config.yaml'];
  const onlyGpu = (changed: number, kept: number) =>
    [
      `  balance-gpu-${changed}:`,
      `    - devices: [${kept}]`,
      '      mig-enabled: true',
      `      mig-devices: ${NOTEBOOKS}`,
      `    - devices: [${changed}]`,
      '      mig-enabled: true',
      `      mig-devices: ${BALANCED}`,
    ].join('\n');
  const patched = `${text.trimEnd()}\n${onlyGpu(0, 1)}\n${onlyGpu(1, 0)}\n`;
  const response = await fetch(
    `${sandbox.url}/api/v1/namespaces/${OPERATOR_NAMESPACE}/configmaps/${CONFIG_MAP}`,
    {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${sandbox.adminToken}`,
        'Content-Type': 'application/merge-patch+json',
      },
      body: JSON.stringify({ data: { 'config.yaml': patched } }),
    },
  );
  expect(response.status).toBe(200);
  return sandbox;
}

async function reconfigure(sandbox: RunningSandbox, config: string): Promise<KubeObject> {
  const response = await fetch(`${sandbox.url}/api/v1/nodes/${NODE}`, {
    method: 'PATCH',
    headers: {
      Authorization: `Bearer ${sandbox.adminToken}`,
      'Content-Type': 'application/merge-patch+json',
    },
    body: JSON.stringify({ metadata: { labels: { [MIG_CONFIG_LABEL]: config } } }),
  });
  expect(response.status).toBe(200);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const node = sandbox.store.get('nodes', undefined, NODE) as KubeObject;
    const state = node.metadata.labels?.[MIG_STATE_LABEL];
    if (sandbox.operator.pendingNodes().length === 0 && state !== 'pending') return node;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${NODE} never left pending`);
}

async function migManagerLog(sandbox: RunningSandbox): Promise<string> {
  const pod = sandbox.operator.migManagerPod(NODE);
  const response = await fetch(
    `${sandbox.url}/api/v1/namespaces/${OPERATOR_NAMESPACE}/pods/${pod}/log`,
    { headers: { Authorization: `Bearer ${sandbox.adminToken}` } },
  );
  return response.text();
}

const allocatable = (node: KubeObject) =>
  (node.status as { allocatable: Record<string, string> }).allocatable;

test('the exporter puts the running pod on GPU 0 of the two-GPU node', async () => {
  const sandbox = await startWithPerGpuConfigs();
  const held = exporterDevices(sandbox.store, sandbox.operator).filter(
    (device) => device.labels.Hostname === NODE && device.pod,
  );
  expect(held.map((device) => [device.labels.gpu, device.pod?.name])).toEqual([
    ['0', 'notebook-0'],
    ['0', 'notebook-0'],
  ]);
});

test('a config that re-lays out only the idle GPU 1 succeeds while the pod runs on GPU 0', async () => {
  const sandbox = await startWithPerGpuConfigs();
  const node = await reconfigure(sandbox, 'balance-gpu-1');
  expect(node.metadata.labels?.[MIG_STATE_LABEL]).toBe('success');
  expect(allocatable(node)['nvidia.com/mig-1g.10gb']).toBe('5');
  expect(allocatable(node)['nvidia.com/mig-2g.20gb']).toBe('1');
  expect(allocatable(node)['nvidia.com/mig-3g.40gb']).toBe('1');
  const log = await migManagerLog(sandbox);
  expect(log).toContain('Skipping -- already set to desired value');
  expect(log).not.toContain('In use by another client');
  expect(sandbox.store.get('pods', 'ai-team', 'notebook-0')?.status).toMatchObject({
    phase: 'Running',
  });
});

test('a config that re-lays out GPU 0, which the pod holds, fails and changes nothing', async () => {
  const sandbox = await startWithPerGpuConfigs();
  const node = await reconfigure(sandbox, 'balance-gpu-0');
  expect(node.metadata.labels?.[MIG_STATE_LABEL]).toBe('failed');
  expect(allocatable(node)['nvidia.com/mig-1g.10gb']).toBe('6');
  expect(allocatable(node)['nvidia.com/mig-3g.40gb']).toBeUndefined();
  const log = await migManagerLog(sandbox);
  expect(log).toContain(
    'Error clearing MIG config on GPU 0, erroneous devices may persist: In use by another client',
  );
  expect(log).toContain('GPU processes still running in pods: ai-team/notebook-0');
});

test('disabling MIG on both GPUs fails on the busy GPU 0 with a mode reset error', async () => {
  const sandbox = await startWithPerGpuConfigs();
  const node = await reconfigure(sandbox, 'all-disabled');
  expect(node.metadata.labels?.[MIG_STATE_LABEL]).toBe('failed');
  expect(await migManagerLog(sandbox)).toContain(
    'Error setting MIG mode on GPU 0: In use by another client',
  );
});
