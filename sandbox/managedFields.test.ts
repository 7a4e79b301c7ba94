/**
 * metadata.managedFields as kube-apiserver keeps them for Update operations: who set each label and
 * when, read by the plugin (src/cluster/managedFields.ts) through HTTP requests with a User-Agent.
 */
import { labelSetAt } from '../src/cluster/managedFields';
import type { NodeKind } from '../src/cluster/models';
import { nextManagedFields, type ManagedFieldsEntry } from './managedFields';
import { startSandbox, type RunningSandbox } from './server';
import type { KubeObject } from './store';

const STATE = 'nvidia.com/mig.config.state';

function node(labels: Record<string, string>, managedFields?: ManagedFieldsEntry[]): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n', labels, ...(managedFields ? { managedFields } : {}) },
  };
}

const at = (iso: string) => new Date(iso);

describe('nextManagedFields', () => {
  test('a label written by two managers moves to the last writer; only its time moves', () => {
    const created = nextManagedFields(
      undefined,
      node({ a: '1', [STATE]: 'pending' }),
      { manager: 'kubectl' },
      at('2026-01-01T10:00:00.123Z'),
    );
    expect(created).toEqual([
      {
        manager: 'kubectl',
        operation: 'Update',
        apiVersion: 'v1',
        time: '2026-01-01T10:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:labels': { 'f:a': {}, [`f:${STATE}`]: {} } } },
      },
    ]);
    const second = nextManagedFields(
      node({ a: '1', [STATE]: 'pending' }, created),
      node({ a: '1', [STATE]: 'success' }),
      { manager: 'nvidia-mig-manager' },
      at('2026-01-01T10:05:00Z'),
    );
    expect(second).toEqual([
      { ...created[0], fieldsV1: { 'f:metadata': { 'f:labels': { 'f:a': {} } } } },
      {
        manager: 'nvidia-mig-manager',
        operation: 'Update',
        apiVersion: 'v1',
        time: '2026-01-01T10:05:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:labels': { [`f:${STATE}`]: {} } } },
      },
    ]);
    expect(labelSetAt(node({}, second) as NodeKind, STATE)).toBe('2026-01-01T10:05:00Z');
    expect(labelSetAt(node({}, second) as NodeKind, 'a')).toBe('2026-01-01T10:00:00Z');

    // Writing the same value again changes nothing: no time moves.
    const same = nextManagedFields(
      node({ a: '1', [STATE]: 'success' }, second),
      node({ a: '1', [STATE]: 'success' }),
      { manager: 'kubectl' },
      at('2026-01-01T11:00:00Z'),
    );
    expect(same).toEqual(second);
  });

  test('removed fields leave their owner; an entry without fields is dropped', () => {
    const created = nextManagedFields(undefined, node({ a: '1' }), { manager: 'kubectl' });
    const after = nextManagedFields(node({ a: '1' }, created), node({ b: '2' }), {
      manager: 'Mozilla',
    });
    expect(after.map((entry) => entry.manager)).toEqual(['Mozilla']);
    expect(after[0].fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { 'f:b': {} } } });
  });

  test('status fields of a controller write go to the status manager and subresource', () => {
    const entries = nextManagedFields(
      undefined,
      { ...node({ g: '1' }), status: { capacity: { x: '1' } } },
      { manager: 'gpu-feature-discovery', statusManager: 'kubelet' },
    );
    expect(
      entries.map(({ manager, subresource, fieldsV1 }) => [manager, subresource, fieldsV1]),
    ).toEqual([
      ['gpu-feature-discovery', undefined, { 'f:metadata': { 'f:labels': { 'f:g': {} } } }],
      ['kubelet', 'status', { 'f:status': { 'f:capacity': {} } }],
    ]);
  });
});

describe('through the API server', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, scenario: 'mixed-fleet', reconfigureDelayMs: 50 });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  async function request(
    userAgent: string,
    method: 'GET' | 'PATCH',
    name: string,
    body?: unknown,
  ): Promise<KubeObject> {
    const response = await fetch(`${sandbox.url}/api/v1/nodes/${name}`, {
      method,
      headers: {
        Authorization: `Bearer ${sandbox.adminToken}`,
        'User-Agent': userAgent,
        'Content-Type': 'application/merge-patch+json',
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as KubeObject;
  }

  const entriesOf = (object: KubeObject) =>
    (object.metadata.managedFields ?? []) as ManagedFieldsEntry[];

  test('the mixed fleet dates h100-02 pending state 25 minutes before start', async () => {
    const before = Date.now();
    const h100 = await request('kubectl/v1.31.0', 'GET', 'h100-02');
    expect(h100.metadata?.labels?.[STATE]).toBe('pending');
    const setAt = Date.parse(labelSetAt(h100 as NodeKind, STATE) ?? '');
    expect(before - setAt).toBeGreaterThanOrEqual(25 * 60_000 - 2000);
    expect(before - setAt).toBeLessThan(26 * 60_000);
    const owner = entriesOf(h100).find((entry) => entry.manager === 'nvidia-mig-manager');
    expect(owner?.fieldsV1).toMatchObject({ 'f:metadata': { 'f:labels': { [`f:${STATE}`]: {} } } });
    expect(entriesOf(h100).map((entry) => entry.manager)).toEqual(
      expect.arrayContaining(['gpu-feature-discovery', 'kubelet']),
    );
  });

  test('a label patched by kubectl and by the browser belongs to the last writer', async () => {
    const patch = (userAgent: string, value: string) =>
      request(userAgent, 'PATCH', 'master-0', {
        metadata: { labels: { 'example.com/team': value } },
      });
    const first = await patch('kubectl/v1.31.0 (linux/amd64)', 'a');
    const kubectlEntry = entriesOf(first).find((entry) => entry.manager === 'kubectl');
    expect(kubectlEntry?.fieldsV1).toEqual({
      'f:metadata': { 'f:labels': { 'f:example.com/team': {} } },
    });
    const second = await patch('Mozilla/5.0 (X11; Linux x86_64)', 'b');
    const managers = entriesOf(second).map((entry) => entry.manager);
    expect(managers).toContain('Mozilla');
    expect(managers).not.toContain('kubectl');
    const browserEntry = entriesOf(second).find((entry) => entry.manager === 'Mozilla');
    expect(browserEntry?.fieldsV1).toEqual({
      'f:metadata': { 'f:labels': { 'f:example.com/team': {} } },
    });
    expect(browserEntry?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});
