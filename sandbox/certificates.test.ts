/**
 * certificates.k8s.io/v1 CertificateSigningRequests: the console's Nodes list lists and watches
 * them beside nodes, and fails ("Model does not exist") when discovery lacks them.
 */
import { startSandbox, type RunningSandbox } from './server';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenario: 'seed' });
});

afterAll(async () => {
  await sandbox.close();
});

const CSRS = '/apis/certificates.k8s.io/v1/certificatesigningrequests';

async function call(
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${init.token ?? sandbox.adminToken}`,
      'Content-Type': 'application/json',
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const csr = (name: string) => ({
  apiVersion: 'certificates.k8s.io/v1',
  kind: 'CertificateSigningRequest',
  metadata: { name },
  spec: {
    request: Buffer.from('-----BEGIN CERTIFICATE REQUEST-----\n').toString('base64'),
    signerName: 'kubernetes.io/kube-apiserver-client-kubelet',
    usages: ['digital signature', 'client auth'],
    username: 'someone-else',
  },
  status: { conditions: [{ type: 'Approved', status: 'True' }] },
});

test('discovery serves certificates.k8s.io/v1 with the status and approval subresources', async () => {
  const groups = await call('/apis');
  const names = (groups.body.groups as { name: string }[]).map((group) => group.name);
  expect(names).toContain('certificates.k8s.io');
  const resources = await call('/apis/certificates.k8s.io/v1');
  expect((resources.body.resources as { name: string }[]).map((entry) => entry.name)).toEqual([
    'certificatesigningrequests',
    'certificatesigningrequests/status',
    'certificatesigningrequests/approval',
  ]);
  const list = await call(`${CSRS}?limit=250`);
  expect(list.status).toBe(200);
  expect(list.body).toMatchObject({ kind: 'CertificateSigningRequestList', items: [] });
});

test('a created CSR carries its requester and no status; approval changes only the conditions', async () => {
  const created = await call(CSRS, { method: 'POST', body: csr('node-csr-a') });
  expect(created.status).toBe(201);
  expect(created.body.spec).toMatchObject({ username: 'sandbox-admin' });
  expect(created.body.status).toEqual({});

  const approved = await call(`${CSRS}/node-csr-a/approval`, {
    method: 'PUT',
    body: {
      ...created.body,
      spec: { ...(created.body.spec as object), signerName: 'changed' },
      status: { conditions: [{ type: 'Approved', status: 'True', reason: 'AdminApproved' }] },
    },
  });
  expect(approved.status).toBe(200);
  expect(approved.body.status).toEqual({
    conditions: [{ type: 'Approved', status: 'True', reason: 'AdminApproved' }],
  });
  expect((approved.body.spec as { signerName: string }).signerName).toBe(
    'kubernetes.io/kube-apiserver-client-kubelet',
  );

  const contradictory = await call(`${CSRS}/node-csr-a/approval`, {
    method: 'PUT',
    body: {
      ...approved.body,
      status: {
        conditions: [
          { type: 'Approved', status: 'True' },
          { type: 'Denied', status: 'True' },
        ],
      },
    },
  });
  expect(contradictory.status).toBe(422);
});

test('a CSR without a request or signer is Invalid; the viewer may list but not approve', async () => {
  const incomplete = await call(CSRS, {
    method: 'POST',
    body: { metadata: { name: 'node-csr-b' }, spec: {} },
  });
  expect(incomplete.status).toBe(422);
  expect(incomplete.body.message).toContain('spec.request');

  expect((await call(CSRS, { token: sandbox.viewerToken })).status).toBe(200);
  const denied = await call(`${CSRS}/node-csr-a/approval`, {
    method: 'PUT',
    token: sandbox.viewerToken,
    body: csr('node-csr-a'),
  });
  expect(denied.status).toBe(403);
});
