/** Scenario files: bad input names the file and the field; the large fleet starts quickly. */
import { parseScenario, loadScenario } from './scenario';
import { startSandbox } from './server';

const FILE = 'sandbox/scenarios/x.yaml';

function problem(text: string): string {
  try {
    parseScenario(text, FILE);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the scenario to be rejected');
}

test('an unknown GPU model names the file, the node and the field', () => {
  const text = `nodes:\n  - name: a\n  - name: b\n  - name: c\n    gpu: { model: A31 }\n`;
  expect(problem(text)).toMatch(
    /^sandbox\/scenarios\/x\.yaml: nodes\[2\]\.gpu\.model: unknown GPU model "A31"/,
  );
});

test('other mistakes are reported the same way', () => {
  expect(problem('strategy: double\n')).toBe(
    `${FILE}: strategy: "double" is not one of none, single, mixed`,
  );
  expect(problem('nodes:\n  - name: Bad_Name\n')).toMatch(
    /^sandbox\/scenarios\/x\.yaml: nodes\[0\]\.name: "Bad_Name" is not a valid node name/,
  );
  expect(problem('nodes:\n  - name: a\n    gpus: 2\n')).toMatch(
    /^sandbox\/scenarios\/x\.yaml: nodes\[0\]\.gpus: unknown field/,
  );
  expect(
    problem(
      'nodes:\n  - name: a\n    gpu: { model: a30-24gb }\n    failNextReconfigure: gremlins\n',
    ),
  ).toMatch(
    /nodes\[0\]\.failNextReconfigure: "gremlins" is not one of nvidia_drm, in-use, insufficient-resources/,
  );
  expect(
    problem('nodes:\n  - name: a\n    gpu: { model: a30-24gb }\n    appliedConfig: all-7g.80gb\n'),
  ).toMatch(/nodes\[0\]\.appliedConfig: no config named "all-7g.80gb"/);
  expect(problem('pods:\n  - name: p\n    node: nowhere\n')).toBe(
    `${FILE}: pods[0].node: no node named "nowhere" in this scenario`,
  );
  expect(problem('nodes: [\n')).toMatch(/^sandbox\/scenarios\/x\.yaml: not valid YAML/);
});

test('an unknown scenario name lists the built-in ones', () => {
  expect(() => loadScenario('no-such-scenario')).toThrow(
    /no-such-scenario\.yaml: no such scenario file \(built-in scenarios: seed, mixed-fleet, single-invalid, data-science, demand, fragmented, large, xlarge\)/,
  );
});

test('the built-in scenarios parse', () => {
  for (const name of ['seed', 'mixed-fleet', 'single-invalid', 'demand'])
    expect(loadScenario(name).nodes.length).toBeGreaterThan(2);
  expect(loadScenario('large').nodes.filter((node) => node.gpu?.count === 8)).toHaveLength(1000);
});

// How fast it starts is a figure for `npm run bench`, not an assertion here.
test('the large scenario (1,000 nodes x 8 GPUs) starts and pages its nodes', async () => {
  const sandbox = await startSandbox({ port: 0, scenario: 'large' });
  try {
    expect(sandbox.store.count('nodes')).toBe(1003);
    const response = await fetch(
      `${sandbox.url}/api/v1/nodes?labelSelector=nvidia.com/mig.config.state=success&limit=500`,
      {
        headers: { Authorization: `Bearer ${sandbox.adminToken}` },
      },
    );
    const page = (await response.json()) as {
      items: unknown[];
      metadata: { remainingItemCount: number };
    };
    expect(page.items).toHaveLength(500);
    expect(page.metadata.remainingItemCount).toBe(500);
  } finally {
    await sandbox.close();
  }
}, 60000);

test("nodes report their boot, machine and system ids, each node's its own", async () => {
  const sandbox = await startSandbox({ port: 0, scenario: 'seed' });
  try {
    const infos = sandbox.store.list('nodes').map(
      (node) =>
        (node.status as { nodeInfo: Record<string, string> }).nodeInfo as {
          bootID: string;
          machineID: string;
          systemUUID: string;
        },
    );
    for (const info of infos) {
      expect(info.bootID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(info.systemUUID).toMatch(/^[0-9a-f-]{36}$/);
      expect(info.machineID).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(new Set(infos.map((info) => info.bootID)).size).toBe(infos.length);
  } finally {
    await sandbox.close();
  }
});

test("a running pod's hostIP is its node's InternalIP", async () => {
  const sandbox = await startSandbox({ port: 0, scenario: 'seed' });
  try {
    const addresses = new Map(
      sandbox.store
        .list('nodes')
        .map((node) => [
          node.metadata.name,
          (node.status as { addresses: { type: string; address: string }[] }).addresses.find(
            (address) => address.type === 'InternalIP',
          )?.address,
        ]),
    );
    const running = sandbox.store
      .list('pods')
      .filter((pod) => (pod.status as { phase?: string }).phase === 'Running');
    expect(running.length).toBeGreaterThan(0);
    for (const pod of running) {
      const nodeName = (pod.spec as { nodeName: string }).nodeName;
      expect((pod.status as { hostIP?: string }).hostIP).toBe(addresses.get(nodeName));
    }
  } finally {
    await sandbox.close();
  }
});

test('demand: two pods wait for 3g.40gb, unschedulable, until all-3g.40gb on the idle node makes room', async () => {
  const sandbox = await startSandbox({ port: 0, scenario: 'demand', reconfigureDelayMs: 10 });
  const phase = (name: string) =>
    (sandbox.store.get('pods', 'ml-team', name)?.status as { phase?: string } | undefined)?.phase;
  const waitFor = async (check: () => boolean) => {
    for (let tries = 0; tries < 200 && !check(); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  try {
    const waiting = ['llm-finetune-0', 'llm-finetune-1'];
    await waitFor(() =>
      waiting.every((name) =>
        (
          sandbox.store.get('pods', 'ml-team', name)?.status as
            { conditions?: Array<{ type: string; reason?: string }> } | undefined
        )?.conditions?.some((condition) => condition.reason === 'Unschedulable'),
      ),
    );
    const pod = sandbox.store.get('pods', 'ml-team', 'llm-finetune-0');
    expect(pod?.spec).not.toHaveProperty('nodeName');
    expect((pod?.status as { conditions: unknown[] }).conditions).toContainEqual(
      expect.objectContaining({
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message: expect.stringContaining('3 Insufficient nvidia.com/mig-3g.40gb'),
      }),
    );
    expect(sandbox.store.get('pods', 'ml-team', 'notebook-idle')?.metadata.annotations).toEqual({
      'sandbox.gpu-partitioning/gpu-utilization': '0',
    });
    expect(phase('train-resnet')).toBe('Running');

    sandbox.store.mutate('nodes', undefined, 'gpu-node-3', (node) => {
      node.metadata.labels = { ...node.metadata.labels, 'nvidia.com/mig.config': 'all-3g.40gb' };
    });
    await waitFor(() => waiting.every((name) => phase(name) === 'Running'));
    expect(waiting.map(phase)).toEqual(['Running', 'Running']);
    expect(
      waiting.map(
        (name) =>
          (sandbox.store.get('pods', 'ml-team', name)?.spec as { nodeName?: string }).nodeName,
      ),
    ).toEqual(['gpu-node-3', 'gpu-node-3']);
  } finally {
    await sandbox.close();
  }
}, 60000);
