import { httpErrorFromResponse } from './errors';
import { getGroupVersionKindForResource, resourceURL, selectorToString } from './paths';

const CLUSTER_POLICY = {
  kind: 'ClusterPolicy',
  label: 'Cluster Policy',
  labelPlural: 'Cluster Policies',
  abbr: 'CP',
  plural: 'clusterpolicies',
  apiGroup: 'nvidia.com',
  apiVersion: 'v1',
};

test('resource URLs follow the console: /api for core v1, /apis/<group>/<version> otherwise', () => {
  expect(
    resourceURL({ ...CLUSTER_POLICY, apiGroup: undefined, plural: 'pods' }, { ns: 'a b' }),
  ).toBe('/api/kubernetes/api/v1/namespaces/a%20b/pods');
  expect(resourceURL(CLUSTER_POLICY, { name: 'gpu-cluster-policy', path: 'status' })).toBe(
    '/api/kubernetes/apis/nvidia.com/v1/clusterpolicies/gpu-cluster-policy/status',
  );
  expect(resourceURL(CLUSTER_POLICY, { queryParams: { limit: '5', continue: undefined } })).toBe(
    '/api/kubernetes/apis/nvidia.com/v1/clusterpolicies?limit=5',
  );
});

test('selectors: sorted matchLabels first, then expressions; the old bare form too', () => {
  expect(
    selectorToString({
      matchLabels: { 'nvidia.com/gpu.present': 'true', 'a/b': 'c' },
      matchExpressions: [
        { key: 'nvidia.com/mig.config', operator: 'Exists' },
        { key: 'zone', operator: 'In', values: ['x', 'y'] },
        { key: 'role', operator: 'DoesNotExist' },
        { key: 'tier', operator: 'NotIn', values: ['db'] },
      ],
    }),
  ).toBe(
    'a/b=c,nvidia.com/gpu.present=true,nvidia.com/mig.config,zone in (x,y),!role,tier notin (db)',
  );
  expect(selectorToString({ app: 'x' })).toBe('app=x');
  expect(selectorToString({})).toBe('');
});

test('group/version/kind of a resource', () => {
  expect(
    getGroupVersionKindForResource({ apiVersion: 'nvidia.com/v1', kind: 'ClusterPolicy' }),
  ).toEqual({ group: 'nvidia.com', version: 'v1', kind: 'ClusterPolicy' });
  expect(getGroupVersionKindForResource({ apiVersion: 'v1', kind: 'Node' })).toEqual({
    version: 'v1',
    kind: 'Node',
  });
});

const statusResponse = (code: number, body: object) =>
  new Response(JSON.stringify(body), {
    status: code,
    statusText: 'status text',
    headers: { 'Content-Type': 'application/json' },
  });

test('HTTP errors carry the code, the Status and its message, like the console', async () => {
  const forbidden = await httpErrorFromResponse(
    statusResponse(403, { kind: 'Status', message: 'nodes "w1" is forbidden: User "viewer"' }),
  );
  expect(forbidden.code).toBe(403);
  expect(forbidden.message).toBe('nodes "w1" is forbidden: User "viewer"');
  expect(forbidden.response?.status).toBe(403);
  expect(forbidden.json).toMatchObject({ kind: 'Status' });

  const invalid = await httpErrorFromResponse(
    statusResponse(422, {
      message: 'Node "w1" is invalid',
      details: { causes: [{ field: 'metadata.labels', message: 'bad value' }] },
    }),
  );
  expect(invalid.message).toBe('Error "bad value" for field "metadata.labels".');

  const plain = await httpErrorFromResponse(
    new Response('oops', { status: 502, statusText: 'Bad Gateway' }),
  );
  expect([plain.code, plain.message]).toEqual([502, 'Bad Gateway']);
});
