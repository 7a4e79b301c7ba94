/**
 * `/openapi/v2`, which the OpenShift console reads at start to describe each kind's fields (it
 * logs "Could not get OpenAPI definitions" without it): every served kind has a definition,
 * found as the console finds it, by `x-kubernetes-group-version-kind`.
 */
import { startSandbox, type RunningSandbox } from './server';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, scenario: 'seed' });
});

afterAll(async () => {
  await sandbox.close();
});

interface Definition {
  description?: string;
  properties?: Record<string, { $ref?: string; description?: string }>;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}

/** The console's getDefinitionKey: the definition whose GVK matches the model. */
function definitionOf(
  definitions: Record<string, Definition>,
  group: string,
  version: string,
  kind: string,
): [string, Definition] | undefined {
  return Object.entries(definitions).find(([, definition]) =>
    (definition['x-kubernetes-group-version-kind'] ?? []).some(
      (entry) => entry.group === group && entry.version === version && entry.kind === kind,
    ),
  );
}

test('every served kind has a definition named as kube-apiserver names it', async () => {
  const response = await fetch(`${sandbox.url}/openapi/v2`, {
    headers: { Authorization: `Bearer ${sandbox.viewerToken}` },
  });
  expect(response.status).toBe(200);
  const document = (await response.json()) as {
    swagger: string;
    definitions: Record<string, Definition>;
  };
  expect(document.swagger).toBe('2.0');
  const { definitions } = document;
  const expected: [string, string, string, string][] = [
    ['', 'v1', 'Node', 'io.k8s.api.core.v1.Node'],
    ['', 'v1', 'PodList', 'io.k8s.api.core.v1.PodList'],
    [
      'certificates.k8s.io',
      'v1',
      'CertificateSigningRequest',
      'io.k8s.api.certificates.v1.CertificateSigningRequest',
    ],
    ['nvidia.com', 'v1', 'ClusterPolicy', 'com.nvidia.v1.ClusterPolicy'],
  ];
  for (const [group, version, kind, name] of expected) {
    expect(definitionOf(definitions, group, version, kind)?.[0]).toBe(name);
  }
  const node = definitions['io.k8s.api.core.v1.Node'];
  expect(node.properties?.metadata.$ref).toBe(
    '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
  );
  expect(node.properties?.status.description).toMatch(/kubelet/);
  const meta = definitions['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'];
  expect(meta.properties?.labels.description).toBeTruthy();
});

test('it needs a token, as discovery does', async () => {
  expect((await fetch(`${sandbox.url}/openapi/v2`)).status).toBe(401);
});
