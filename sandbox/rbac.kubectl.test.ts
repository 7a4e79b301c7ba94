/**
 * The real kubectl's `auth can-i` agrees with what the sandbox then does, for each of the three
 * users; `--list` shows the data scientist's project rules; `--as` impersonates as kube-apiserver
 * does. The scenario binds the chart's minimal role to the data scientists' group through its
 * `rbac:` section.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario } from './scenario';
import { startSandbox, type RunningSandbox } from './server';
import { kubectlRunner } from './testKubectl';

const SCENARIO = `
description: two A30 workers; the data scientists may read slice availability
nodes:
  - { name: worker-1, roles: [worker], gpu: { model: a30-24gb, count: 1 } }
rbac:
  bindings:
    - { group: data-scientists, clusterRole: gpu-partitioning-plugin-availability-reader }
`;

let sandbox: RunningSandbox;
let kubectl: ReturnType<typeof kubectlRunner>;

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'rbac-scenario-')), 'availability.yaml');
  writeFileSync(file, SCENARIO);
  sandbox = await startSandbox({ port: 0, scenario: file });
  kubectl = kubectlRunner(sandbox.kubeconfigPath);
});

afterAll(async () => {
  await sandbox.close();
});

type Check = {
  verb: string;
  resource: string;
  /** `undefined`: cluster scope (`-A` for namespaced kinds). */
  namespace?: string;
  /** The request the check stands for (writes as dry runs). */
  method: string;
  path: string;
  body?: unknown;
};

const CHECKS: Check[] = [
  { verb: 'list', resource: 'nodes', method: 'GET', path: '/api/v1/nodes' },
  {
    verb: 'list',
    resource: 'clusterpolicies.nvidia.com',
    method: 'GET',
    path: '/apis/nvidia.com/v1/clusterpolicies',
  },
  {
    verb: 'patch',
    resource: 'nodes',
    method: 'PATCH',
    path: '/api/v1/nodes/worker-1?dryRun=All',
    body: {},
  },
  { verb: 'list', resource: 'pods', method: 'GET', path: '/api/v1/pods' },
  {
    verb: 'list',
    resource: 'pods',
    namespace: 'team-a',
    method: 'GET',
    path: '/api/v1/namespaces/team-a/pods',
  },
  {
    verb: 'create',
    resource: 'configmaps',
    namespace: 'team-a',
    method: 'POST',
    path: '/api/v1/namespaces/team-a/configmaps?dryRun=All',
    body: { metadata: { name: 'x' } },
  },
  {
    verb: 'list',
    resource: 'configmaps',
    namespace: 'nvidia-gpu-operator',
    method: 'GET',
    path: '/api/v1/namespaces/nvidia-gpu-operator/configmaps',
  },
];

const USERS = [
  ['sandbox-admin', 'adminToken'],
  ['sandbox-viewer', 'viewerToken'],
  ['sandbox-data-scientist', 'dataScientistToken'],
] as const;

async function actualStatus(token: string, check: Check): Promise<number> {
  const response = await fetch(`${sandbox.url}${check.path}`, {
    method: check.method,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type':
        check.method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
    },
    body: check.body === undefined ? undefined : JSON.stringify(check.body),
  });
  await response.text();
  return response.status;
}

test.each(USERS)('kubectl auth can-i agrees with the sandbox for %s', async (context, tokenKey) => {
  const answers: string[] = [];
  for (const check of CHECKS) {
    const scope = check.namespace ? ['-n', check.namespace] : ['-A'];
    const canI = await kubectl([
      '--context',
      context,
      'auth',
      'can-i',
      check.verb,
      check.resource,
      ...scope,
    ]);
    const said = canI.stdout.trim();
    const status = await actualStatus(sandbox[tokenKey], check);
    expect({
      check: `${check.verb} ${check.resource} ${check.namespace ?? ''}`,
      said,
      denied: status === 403,
    }).toEqual({
      check: `${check.verb} ${check.resource} ${check.namespace ?? ''}`,
      said: status === 403 ? 'no' : 'yes',
      denied: status === 403,
    });
    answers.push(said);
  }
  const expected = {
    'sandbox-admin': ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
    'sandbox-viewer': ['yes', 'yes', 'no', 'yes', 'yes', 'no', 'yes'],
    'sandbox-data-scientist': ['yes', 'yes', 'no', 'no', 'yes', 'yes', 'no'],
  }[context];
  expect(answers).toEqual(expected);
});

test('auth can-i --list shows the data scientist their project rules and the minimal role', async () => {
  const list = await kubectl([
    '--context',
    'sandbox-data-scientist',
    'auth',
    'can-i',
    '--list',
    '-n',
    'team-a',
  ]);
  expect(list.code).toBe(0);
  const lines = list.stdout.split('\n').map((line) => line.trim().split(/\s{2,}/));
  expect(lines).toEqual(
    expect.arrayContaining([
      ['pods', '[]', '[]', '[get list watch create delete deletecollection patch update]'],
      ['configmaps', '[]', '[]', '[get list watch create delete deletecollection patch update]'],
      ['pods/log', '[]', '[]', '[get list watch]'],
      ['nodes', '[]', '[]', '[get list watch]'],
      ['clusterpolicies.nvidia.com', '[]', '[]', '[get list watch]'],
      ['selfsubjectaccessreviews.authorization.k8s.io', '[]', '[]', '[create]'],
      ['[/api/*]', '[]', '[get]'],
    ]),
  );
  const elsewhere = await kubectl([
    '--context',
    'sandbox-data-scientist',
    'auth',
    'can-i',
    '--list',
    '-n',
    'default',
  ]);
  expect(elsewhere.stdout).not.toMatch(/^pods\s/m);
});

test('--as impersonates: the user alone, without their group, cannot read nodes', async () => {
  const asUser = await kubectl([
    'auth',
    'can-i',
    'list',
    'nodes',
    '--as',
    'sandbox-data-scientist',
  ]);
  expect(asUser.stdout.trim()).toBe('no');
  const withGroup = await kubectl([
    'auth',
    'can-i',
    'list',
    'nodes',
    '--as',
    'sandbox-data-scientist',
    '--as-group',
    'data-scientists',
  ]);
  expect(withGroup.stdout.trim()).toBe('yes');
  const project = await kubectl([
    'auth',
    'can-i',
    'get',
    'pods',
    '--subresource=log',
    '-n',
    'team-a',
    '--as',
    'sandbox-data-scientist',
  ]);
  expect(project.stdout.trim()).toBe('yes');
  const viewerImpersonating = await kubectl([
    '--context',
    'sandbox-viewer',
    'get',
    'nodes',
    '--as',
    'sandbox-admin',
  ]);
  expect(viewerImpersonating.stderr).toContain(
    'User "sandbox-viewer" cannot impersonate resource "users" in API group "" at the cluster scope',
  );
});

test('a scenario rbac section is checked field by field', () => {
  const base = 'nodes: []\nrbac:\n';
  expect(() =>
    parseScenario(`${base}  bindings: [{ group: g, clusterRole: no-such-role }]`, 'x.yaml'),
  ).toThrow('x.yaml: rbac.bindings[0].clusterRole: unknown ClusterRole "no-such-role"');
  expect(() =>
    parseScenario(`${base}  bindings: [{ group: g, user: u, clusterRole: view }]`, 'x.yaml'),
  ).toThrow('give exactly one of user, group, serviceAccount');
  expect(() =>
    parseScenario(
      `${base}  roles: [{ name: r, namespace: a, rules: [{ verbs: [get], nonResourceURLs: ['/x'] }] }]`,
      'x.yaml',
    ),
  ).toThrow(
    'x.yaml: rbac.roles[0].rules[0].nonResourceURLs: only ClusterRoles may name non-resource URLs',
  );
  const parsed = parseScenario(
    `${base}  roles: [{ name: r, namespace: team-b, rules: [{ verbs: [get], apiGroups: [''], resources: [pods] }] }]\n  bindings: [{ user: u, role: r, namespace: team-b }]`,
    'x.yaml',
  );
  expect(parsed.rbac.bindings).toEqual([
    {
      name: 'r-u',
      subject: { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'u' },
      roleRef: { kind: 'Role', name: 'r' },
      namespace: 'team-b',
    },
  ]);
});

test('kubectl create clusterrolebinding / role / rolebinding (protobuf bodies) grant at once; delete takes back', async () => {
  const binding = await kubectl([
    'create',
    'clusterrolebinding',
    'ds-viewer',
    '--clusterrole=gpu-partitioning-plugin-viewer',
    '--group=data-scientists',
  ]);
  expect(binding).toMatchObject({
    code: 0,
    stdout: 'clusterrolebinding.rbac.authorization.k8s.io/ds-viewer created\n',
  });
  const canList = () =>
    kubectl(['--context', 'sandbox-data-scientist', 'auth', 'can-i', 'list', 'pods', '-A']);
  expect((await canList()).stdout.trim()).toBe('yes');
  const role = await kubectl([
    'create',
    'role',
    'cm-reader',
    '-n',
    'default',
    '--verb=get,list',
    '--resource=configmaps',
    '--resource-name=settings',
  ]);
  expect(role.code).toBe(0);
  const roleBinding = await kubectl([
    'create',
    'rolebinding',
    'cm-reader',
    '-n',
    'default',
    '--role=cm-reader',
    '--user=sandbox-data-scientist',
  ]);
  expect(roleBinding.code).toBe(0);
  const got = await kubectl([
    'get',
    'role',
    'cm-reader',
    '-n',
    'default',
    '-o',
    'jsonpath={.rules[0]}',
  ]);
  expect(JSON.parse(got.stdout)).toEqual({
    apiGroups: [''],
    resources: ['configmaps'],
    resourceNames: ['settings'],
    verbs: ['get', 'list'],
  });
  const named = await kubectl([
    '--context',
    'sandbox-data-scientist',
    'auth',
    'can-i',
    'get',
    'configmaps/settings',
    '-n',
    'default',
  ]);
  expect(named.stdout.trim()).toBe('yes');
  expect((await kubectl(['delete', 'clusterrolebinding', 'ds-viewer'])).code).toBe(0);
  expect((await canList()).stdout.trim()).toBe('no');
});
