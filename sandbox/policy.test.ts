/**
 * policy/v1 PodDisruptionBudgets: the console's pod details list a namespace's PDBs and take the
 * field's description from the kind's /openapi/v2 definition (without it, the page crashes).
 */
import { startSandbox, type RunningSandbox } from './server';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenario: 'seed' });
});

afterAll(async () => {
  await sandbox.close();
});

const get = async (path: string): Promise<Record<string, unknown>> =>
  (await (
    await fetch(`${sandbox.url}${path}`, {
      headers: { Authorization: `Bearer ${sandbox.viewerToken}` },
    })
  ).json()) as Record<string, unknown>;

test('policy/v1 serves namespaced PodDisruptionBudgets, none at start', async () => {
  const resources = (await get('/apis/policy/v1')).resources as {
    name: string;
    namespaced: boolean;
  }[];
  expect(resources.map((entry) => entry.name)).toEqual([
    'poddisruptionbudgets',
    'poddisruptionbudgets/status',
  ]);
  expect(resources[0].namespaced).toBe(true);
  const list = await get(
    '/apis/policy/v1/namespaces/sample-project/poddisruptionbudgets?limit=250',
  );
  expect(list).toMatchObject({ kind: 'PodDisruptionBudgetList', items: [] });
});

test('a PDB can be created and read back', async () => {
  const response = await fetch(
    `${sandbox.url}/apis/policy/v1/namespaces/sample-project/poddisruptionbudgets`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${sandbox.adminToken}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        metadata: { name: 'web' },
        spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } },
      }),
    },
  );
  expect(response.status).toBe(201);
  const read = await get('/apis/policy/v1/namespaces/sample-project/poddisruptionbudgets/web');
  expect(read).toMatchObject({ kind: 'PodDisruptionBudget', spec: { minAvailable: 1 } });
});

test('its /openapi/v2 definition describes the kind, as the pod details page reads it', async () => {
  const { definitions } = (await get('/openapi/v2')) as {
    definitions: Record<string, { description?: string }>;
  };
  expect(definitions['io.k8s.api.policy.v1.PodDisruptionBudget'].description).toMatch(/disruption/);
});
