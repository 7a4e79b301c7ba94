/**
 * RBAC as kube-apiserver evaluates it: rule matching, the three users' rights, bindings created
 * and removed at run time, resourceNames with a watch by name, impersonation, and the RBAC kinds
 * served and validated like any other.
 */
import { ruleAllows } from './rbac';
import { startSandbox, type RunningSandbox } from './server';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenario: 'seed' });
});

afterAll(async () => {
  await sandbox.close();
});

type Token = 'admin' | 'viewer' | 'dataScientist';

const call = async (
  token: Token,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) => {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${sandbox[`${token}Token`]}`,
      'Content-Type': init.method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status, body };
};

const review = async (token: Token, spec: Record<string, unknown>) =>
  (
    await call(token, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      method: 'POST',
      body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec },
    })
  ).body.status as { allowed: boolean; reason?: string };

const CRBS = '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings';

describe('rule matching', () => {
  const pods = { verb: 'get', group: '', resource: 'pods' };
  test('verbs, groups and resources match exactly or by *', () => {
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['pods'] }, pods)).toBe(true);
    expect(ruleAllows({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, pods)).toBe(true);
    expect(ruleAllows({ verbs: ['list'], apiGroups: [''], resources: ['pods'] }, pods)).toBe(false);
    expect(ruleAllows({ verbs: ['get'], apiGroups: ['apps'], resources: ['pods'] }, pods)).toBe(
      false,
    );
  });

  test('a subresource needs resource/subresource or */subresource; the resource alone is not enough', () => {
    const log = { ...pods, subresource: 'log' };
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['pods'] }, log)).toBe(false);
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }, log)).toBe(
      true,
    );
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['*/log'] }, log)).toBe(true);
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }, pods)).toBe(
      false,
    );
  });

  test('resourceNames allow only requests that name one of them (never a plain list)', () => {
    const rule = {
      verbs: ['get', 'list'],
      apiGroups: [''],
      resources: ['pods'],
      resourceNames: ['a'],
    };
    expect(ruleAllows(rule, { ...pods, name: 'a' })).toBe(true);
    expect(ruleAllows(rule, { ...pods, name: 'b' })).toBe(false);
    expect(ruleAllows(rule, { ...pods, verb: 'list' })).toBe(false);
  });

  test('the verb * asked for is granted only by a rule with *', () => {
    expect(
      ruleAllows(
        { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] },
        { ...pods, verb: '*' },
      ),
    ).toBe(false);
    expect(
      ruleAllows({ verbs: ['*'], apiGroups: [''], resources: ['pods'] }, { ...pods, verb: '*' }),
    ).toBe(true);
  });

  test('non-resource URLs match exactly or by a trailing *', () => {
    const rule = { verbs: ['get'], nonResourceURLs: ['/apis/*', '/version'] };
    expect(ruleAllows(rule, { verb: 'get', path: '/apis/nvidia.com/v1' })).toBe(true);
    expect(ruleAllows(rule, { verb: 'get', path: '/version' })).toBe(true);
    expect(ruleAllows(rule, { verb: 'get', path: '/version/x' })).toBe(false);
    expect(ruleAllows(rule, { verb: 'post', path: '/apis/x' })).toBe(false);
    expect(
      ruleAllows(
        { verbs: ['get'], apiGroups: ['*'], resources: ['*'] },
        { verb: 'get', path: '/api' },
      ),
    ).toBe(false);
  });
});

describe('the data scientist', () => {
  test('works in team-a: pods, their logs, ConfigMaps; reads the namespace itself', async () => {
    expect((await call('dataScientist', '/api/v1/namespaces/team-a/pods')).status).toBe(200);
    expect((await call('dataScientist', '/api/v1/namespaces/team-a/configmaps')).status).toBe(200);
    expect((await call('dataScientist', '/api/v1/namespaces/team-a')).status).toBe(200);
    const created = await call('dataScientist', '/api/v1/namespaces/team-a/configmaps', {
      method: 'POST',
      body: { metadata: { name: 'notes' }, data: { a: 'b' } },
    });
    expect(created.status).toBe(201);
    expect(
      await review('dataScientist', {
        resourceAttributes: {
          verb: 'get',
          resource: 'pods',
          subresource: 'log',
          namespace: 'team-a',
        },
      }),
    ).toEqual({
      allowed: true,
      reason:
        'RBAC: allowed by RoleBinding "sandbox-data-scientist-edit/team-a" of ClusterRole "edit" to User "sandbox-data-scientist"',
    });
  });

  test('cannot read nodes, pods elsewhere, or other namespaces, with the RBAC messages', async () => {
    const nodes = await call('dataScientist', '/api/v1/nodes');
    expect(nodes.status).toBe(403);
    expect(nodes.body.message).toBe(
      'nodes is forbidden: User "sandbox-data-scientist" cannot list resource "nodes" in API group "" at the cluster scope',
    );
    const allPods = await call('dataScientist', '/api/v1/pods');
    expect(allPods.body.message).toBe(
      'pods is forbidden: User "sandbox-data-scientist" cannot list resource "pods" in API group "" at the cluster scope',
    );
    const operatorPods = await call('dataScientist', '/api/v1/namespaces/nvidia-gpu-operator/pods');
    expect(operatorPods.body.message).toBe(
      'pods is forbidden: User "sandbox-data-scientist" cannot list resource "pods" in API group "" in the namespace "nvidia-gpu-operator"',
    );
    expect((await call('dataScientist', '/api/v1/namespaces')).status).toBe(403);
    expect((await call('dataScientist', '/api/v1/namespaces/default')).status).toBe(403);
    expect(
      await review('dataScientist', { resourceAttributes: { verb: 'list', resource: 'nodes' } }),
    ).toEqual({
      allowed: false,
    });
  });

  test('has what every authenticated user has: discovery, whoami, reviews', async () => {
    expect((await call('dataScientist', '/apis')).status).toBe(200);
    expect((await call('dataScientist', '/api/v1')).status).toBe(200);
    expect((await call('dataScientist', '/openapi/v2')).status).toBe(200);
    const whoami = await call(
      'dataScientist',
      '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      {
        method: 'POST',
        body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
      },
    );
    expect(whoami.body.status).toMatchObject({
      userInfo: {
        username: 'sandbox-data-scientist',
        groups: ['data-scientists', 'system:authenticated'],
      },
    });
    expect(
      await review('dataScientist', { nonResourceAttributes: { verb: 'get', path: '/apis' } }),
    ).toMatchObject({
      allowed: true,
    });
    expect(
      await review('dataScientist', { nonResourceAttributes: { verb: 'get', path: '/metrics' } }),
    ).toEqual({
      allowed: false,
    });
  });

  test('a ClusterRoleBinding to their group grants the minimal role at once; deleting it takes it back', async () => {
    const bindingBody = {
      metadata: { name: 'availability-for-data-scientists' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'gpu-partitioning-plugin-availability-reader',
      },
      subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'data-scientists' }],
    };
    expect((await call('admin', CRBS, { method: 'POST', body: bindingBody })).status).toBe(201);
    expect(
      (await call('dataScientist', '/api/v1/nodes?labelSelector=nvidia.com/gpu.present=true'))
        .status,
    ).toBe(200);
    expect((await call('dataScientist', '/apis/nvidia.com/v1/clusterpolicies')).status).toBe(200);
    expect((await call('dataScientist', '/api/v1/pods')).status).toBe(403);
    expect(
      await review('dataScientist', { resourceAttributes: { verb: 'watch', resource: 'nodes' } }),
    ).toEqual({
      allowed: true,
      reason:
        'RBAC: allowed by ClusterRoleBinding "availability-for-data-scientists" of ClusterRole "gpu-partitioning-plugin-availability-reader" to Group "data-scientists"',
    });
    expect(
      (await call('admin', `${CRBS}/availability-for-data-scientists`, { method: 'DELETE' }))
        .status,
    ).toBe(200);
    expect((await call('dataScientist', '/api/v1/nodes')).status).toBe(403);
  });

  test('a role with resourceNames lets them get and watch one node by name, not list them all', async () => {
    const roles = '/apis/rbac.authorization.k8s.io/v1/clusterroles';
    await call('admin', roles, {
      method: 'POST',
      body: {
        metadata: { name: 'one-node' },
        rules: [
          {
            apiGroups: [''],
            resources: ['nodes'],
            resourceNames: ['worker1.redhat.com'],
            verbs: ['get', 'list', 'watch'],
          },
        ],
      },
    });
    await call('admin', CRBS, {
      method: 'POST',
      body: {
        metadata: { name: 'one-node' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'one-node' },
        subjects: [
          { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'sandbox-data-scientist' },
        ],
      },
    });
    expect((await call('dataScientist', '/api/v1/nodes/worker1.redhat.com')).status).toBe(200);
    expect((await call('dataScientist', '/api/v1/nodes/worker2.redhat.com')).status).toBe(403);
    expect((await call('dataScientist', '/api/v1/nodes')).status).toBe(403);
    const byName = await call(
      'dataScientist',
      '/api/v1/nodes?fieldSelector=metadata.name%3Dworker1.redhat.com',
    );
    expect(byName.status).toBe(200);
    expect((byName.body.items as unknown[]).length).toBe(1);
    await call('admin', `${CRBS}/one-node`, { method: 'DELETE' });
    await call('admin', `${roles}/one-node`, { method: 'DELETE' });
  });
});

describe('the viewer and the admin keep their rights', () => {
  test('the viewer reads everything, writes nothing, gets only non-resource GETs', async () => {
    for (const path of [
      '/api/v1/pods',
      '/api/v1/nodes',
      CRBS,
      '/api/v1/namespaces/nvidia-gpu-operator/configmaps',
    ]) {
      expect((await call('viewer', path)).status).toBe(200);
    }
    const pod = (await call('viewer', '/api/v1/namespaces/nvidia-gpu-operator/pods')).body
      .items as {
      metadata: { name: string };
    }[];
    expect(
      await review('viewer', {
        resourceAttributes: {
          verb: 'get',
          resource: 'pods',
          subresource: 'log',
          namespace: 'nvidia-gpu-operator',
          name: pod[0].metadata.name,
        },
      }),
    ).toEqual({
      allowed: true,
      reason:
        'RBAC: allowed by ClusterRoleBinding "sandbox-viewer" of ClusterRole "cluster-reader" to User "sandbox-viewer"',
    });
    expect(
      await review('viewer', { resourceAttributes: { verb: '*', resource: 'nodes' } }),
    ).toEqual({ allowed: false });
    expect(
      await review('viewer', {
        resourceAttributes: { verb: 'delete', resource: 'pods', namespace: 'team-a' },
      }),
    ).toEqual({ allowed: false });
    expect(
      await review('viewer', { nonResourceAttributes: { verb: 'get', path: '/metrics' } }),
    ).toMatchObject({ allowed: true });
    expect(
      await review('viewer', { nonResourceAttributes: { verb: 'post', path: '/metrics' } }),
    ).toEqual({ allowed: false });
    const write = await call('viewer', `${CRBS}/sandbox-viewer`, { method: 'DELETE' });
    expect(write.body.message).toBe(
      'clusterrolebindings.rbac.authorization.k8s.io "sandbox-viewer" is forbidden: User "sandbox-viewer" cannot delete resource "clusterrolebindings" in API group "rbac.authorization.k8s.io" at the cluster scope',
    );
  });

  test('the admin may do everything, including the verb *', async () => {
    expect(
      await review('admin', { resourceAttributes: { verb: '*', group: '*', resource: '*' } }),
    ).toMatchObject({
      allowed: true,
    });
    expect(
      await review('admin', { nonResourceAttributes: { verb: 'post', path: '/anything' } }),
    ).toMatchObject({
      allowed: true,
    });
  });
});

describe('impersonation', () => {
  test('the admin may act as the data scientist, who then has only the groups asked for', async () => {
    const asUser = await call('admin', '/api/v1/nodes', {
      headers: { 'Impersonate-User': 'sandbox-data-scientist' },
    });
    expect(asUser.body.message).toContain(
      'User "sandbox-data-scientist" cannot list resource "nodes"',
    );
    const whoami = await call('admin', '/apis/authentication.k8s.io/v1/selfsubjectreviews', {
      method: 'POST',
      headers: {
        'Impersonate-User': 'sandbox-data-scientist',
        'Impersonate-Group': 'data-scientists',
      },
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    });
    expect(whoami.body.status).toEqual({
      userInfo: {
        username: 'sandbox-data-scientist',
        uid: '',
        groups: ['data-scientists', 'system:authenticated'],
      },
    });
  });

  test('others may not impersonate; a group alone is a bad request', async () => {
    const refused = await call('viewer', '/api/v1/nodes', {
      headers: { 'Impersonate-User': 'sandbox-admin' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe(
      'users "sandbox-admin" is forbidden: User "sandbox-viewer" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
    expect(
      (await call('admin', '/api/v1/nodes', { headers: { 'Impersonate-Group': 'x' } })).status,
    ).toBe(400);
  });
});

describe('RBAC objects', () => {
  test('are served as rbac.authorization.k8s.io/v1 with the bootstrap roles and bindings', async () => {
    const discovery = (await call('viewer', '/apis/rbac.authorization.k8s.io/v1')).body
      .resources as {
      name: string;
      namespaced: boolean;
    }[];
    expect(discovery.map((entry) => [entry.name, entry.namespaced])).toEqual([
      ['clusterroles', false],
      ['clusterrolebindings', false],
      ['roles', true],
      ['rolebindings', true],
    ]);
    const roles = (await call('admin', '/apis/rbac.authorization.k8s.io/v1/clusterroles')).body
      .items as {
      metadata: { name: string };
    }[];
    expect(roles.map((entry) => entry.metadata.name)).toEqual(
      expect.arrayContaining([
        'cluster-admin',
        'cluster-reader',
        'edit',
        'view',
        'system:discovery',
        'system:basic-user',
        'gpu-partitioning-plugin-availability-reader',
        'gpu-partitioning-plugin-viewer',
      ]),
    );
    expect(
      (
        await call(
          'admin',
          '/apis/rbac.authorization.k8s.io/v1/namespaces/nvidia-gpu-operator/roles/gpu-partitioning-plugin-viewer',
        )
      ).status,
    ).toBe(200);
    expect(
      (await call('dataScientist', '/apis/rbac.authorization.k8s.io/v1/clusterroles')).status,
    ).toBe(403);
  });

  test('a binding is validated and its roleRef cannot change; subjects can be patched', async () => {
    const path = '/apis/rbac.authorization.k8s.io/v1/namespaces/team-a/rolebindings';
    const bad = await call('admin', path, {
      method: 'POST',
      body: {
        metadata: { name: 'bad' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Secret', name: 'x' },
        subjects: [{ kind: 'Robot', name: 'r' }],
      },
    });
    expect(bad.status).toBe(422);
    expect(
      (bad.body.details as { causes: { field: string }[] }).causes.map((cause) => cause.field),
    ).toEqual(['roleRef.kind', 'subjects[0].kind']);
    const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' };
    expect(
      (
        await call('admin', path, {
          method: 'POST',
          body: { metadata: { name: 'readers' }, roleRef, subjects: [] },
        })
      ).status,
    ).toBe(201);
    const changed = await call('admin', `${path}/readers`, {
      method: 'PATCH',
      body: { roleRef: { ...roleRef, name: 'edit' } },
    });
    expect(changed.status).toBe(422);
    const patched = await call('admin', `${path}/readers`, {
      method: 'PATCH',
      body: {
        subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'team-b' }],
      },
    });
    expect(patched.status).toBe(200);
  });

  test('a cluster role rule needs resources and groups, or non-resource URLs', async () => {
    const bad = await call('admin', '/apis/rbac.authorization.k8s.io/v1/clusterroles', {
      method: 'POST',
      body: {
        metadata: { name: 'bad' },
        rules: [
          { verbs: ['get'], resources: ['pods'] },
          { verbs: [], nonResourceURLs: ['/x'] },
        ],
      },
    });
    expect(bad.status).toBe(422);
    expect(
      (bad.body.details as { causes: { field: string }[] }).causes.map((cause) => cause.field),
    ).toEqual(['rules[0].apiGroups', 'rules[1].verbs']);
  });
});
