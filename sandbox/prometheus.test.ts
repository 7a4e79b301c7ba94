/**
 * The sandbox's Prometheus API (`/prometheus`, for the real console's `--thanos`): the console's
 * own queries for the Nodes list, a node's Overview and the Pods list answer with a series per
 * node or pod, in Prometheus's answer shapes; errors are `bad_data`; a token is needed.
 */
import { startSandbox, type RunningSandbox } from './server';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenario: 'seed' });
});

afterAll(async () => {
  await sandbox.close();
});

interface Answer {
  status: string;
  errorType?: string;
  error?: string;
  data?: {
    resultType: string;
    result: {
      metric: Record<string, string>;
      value?: [number, string];
      values?: [number, string][];
    }[];
  };
}

async function prometheus(
  endpoint: string,
  parameters: Record<string, string>,
  token = sandbox.viewerToken,
): Promise<{ status: number; body: Answer }> {
  const response = await fetch(
    `${sandbox.url}/prometheus/api/v1/${endpoint}?${new URLSearchParams(parameters)}`,
    { headers: token ? { Authorization: `Bearer ${token}` } : {} },
  );
  const text = await response.text();
  return {
    status: response.status,
    body: response.ok || text.startsWith('{') ? (JSON.parse(text) as Answer) : { status: text },
  };
}

const WORKERS = ['worker1.redhat.com', 'worker2.redhat.com'];
const ALL_NODES = ['master-0.redhat.com', 'master-1.redhat.com', 'master-2.redhat.com', ...WORKERS];

test("the Nodes list's queries: one value per node, used below total", async () => {
  const used = await prometheus('query', {
    query: 'sum by (instance) (node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes)',
  });
  const total = await prometheus('query', {
    query: 'sum by (instance) (node_memory_MemTotal_bytes)',
  });
  expect(used.status).toBe(200);
  expect(used.body.data?.resultType).toBe('vector');
  const byInstance = (answer: Answer) =>
    Object.fromEntries(
      (answer.data?.result ?? []).map((entry) => [entry.metric.instance, Number(entry.value?.[1])]),
    );
  const usedBytes = byInstance(used.body);
  const totalBytes = byInstance(total.body);
  expect(Object.keys(usedBytes).sort()).toEqual(ALL_NODES);
  for (const node of ALL_NODES) {
    expect(usedBytes[node]).toBeGreaterThan(0);
    expect(usedBytes[node]).toBeLessThan(totalBytes[node]);
  }
  const cores = await prometheus('query', {
    query: 'sum by(instance) (instance:node_num_cpu:sum)',
  });
  expect(byInstance(cores.body)['worker1.redhat.com']).toBe(64);
  const pods = await prometheus('query', { query: 'sum by(node)(kubelet_running_pods)' });
  expect((pods.body.data?.result ?? []).map((entry) => entry.metric.node).sort()).toEqual(
    ALL_NODES,
  );
});

test("a node's Overview: a range query has points only since the node exists", async () => {
  const now = Date.now() / 1000;
  const created =
    Date.parse(
      sandbox.store.get('nodes', undefined, 'worker1.redhat.com')?.metadata.creationTimestamp ?? '',
    ) / 1000;
  const answer = await prometheus('query_range', {
    query: "instance:node_cpu:rate:sum{instance='worker1.redhat.com'}",
    start: String(created - 600),
    end: String(now),
    step: '60',
  });
  expect(answer.body.data?.resultType).toBe('matrix');
  const [series] = answer.body.data?.result ?? [];
  expect(series.metric).toEqual({
    __name__: 'instance:node_cpu:rate:sum',
    instance: 'worker1.redhat.com',
  });
  expect(series.values?.length).toBeGreaterThan(0);
  expect(series.values?.every(([time]) => time >= created)).toBe(true);
});

test('the Pods list through the tenancy path: only the namespace asked for', async () => {
  const answer = await prometheus('query', {
    query: "sum(container_memory_working_set_bytes{container=''}) BY (pod, namespace)",
    namespace: 'nvidia-gpu-operator',
  });
  const namespaces = new Set(
    (answer.body.data?.result ?? []).map((entry) => entry.metric.namespace),
  );
  expect([...namespaces]).toEqual(['nvidia-gpu-operator']);
  expect(answer.body.data?.result.length).toBeGreaterThan(0);
});

test('bad queries are bad_data; no token is 401; rules and alerts are empty', async () => {
  const broken = await prometheus('query', { query: 'sum(' });
  expect(broken.status).toBe(400);
  expect(broken.body).toMatchObject({ status: 'error', errorType: 'bad_data' });
  const tooFine = await prometheus('query_range', {
    query: 'kubelet_running_pods',
    start: '0',
    end: '100000',
    step: '1',
  });
  expect(tooFine.body.error).toMatch(/exceeded maximum resolution of 11,000 points/);
  expect((await prometheus('query', { query: 'kubelet_running_pods' }, '')).status).toBe(401);
  expect((await prometheus('rules', {})).body).toEqual({ status: 'success', data: { groups: [] } });
});
