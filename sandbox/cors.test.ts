/**
 * Cross-origin calls, as kube-apiserver's CORS filter answers them: none allowed unless named
 * (`--cors-allowed-origins`). A page on another origin must not read the cluster with the
 * credentials its browser sends.
 */
import { startSandbox, type RunningSandbox } from './server';

const HOST_ORIGIN = 'http://localhost:9000';
let open: RunningSandbox;
let allowing: RunningSandbox;

beforeAll(async () => {
  open = await startSandbox({ port: 0, scenario: 'seed' });
  allowing = await startSandbox({ port: 0, scenario: 'seed', corsAllowedOrigins: [HOST_ORIGIN] });
});

afterAll(async () => {
  await Promise.all([open.close(), allowing.close()]);
});

const getNodes = (sandbox: RunningSandbox, origin: string): Promise<Response> =>
  fetch(`${sandbox.url}/api/v1/nodes`, {
    headers: { Authorization: `Bearer ${sandbox.adminToken}`, Origin: origin },
  });

const preflight = (sandbox: RunningSandbox, origin: string): Promise<Response> =>
  fetch(`${sandbox.url}/api/v1/nodes`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'PATCH',
      'Access-Control-Request-Headers': 'authorization, content-type',
    },
  });

test('by default no origin is reflected and a preflight is not granted', async () => {
  const response = await getNodes(open, 'http://evil.example');
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
  expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  const denied = await preflight(open, 'http://evil.example');
  expect(denied.status).toBe(401);
  expect(denied.headers.get('access-control-allow-origin')).toBeNull();
});

test('a named origin is allowed with credentials; any other is not', async () => {
  const allowed = await getNodes(allowing, HOST_ORIGIN);
  expect(allowed.headers.get('access-control-allow-origin')).toBe(HOST_ORIGIN);
  expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
  const granted = await preflight(allowing, HOST_ORIGIN);
  expect(granted.status).toBe(204);
  expect(granted.headers.get('access-control-allow-methods')).toContain('PATCH');
  expect(granted.headers.get('access-control-allow-headers')).toContain('Authorization');

  const other = await getNodes(allowing, 'http://evil.example');
  expect(other.headers.get('access-control-allow-origin')).toBeNull();
  expect((await preflight(allowing, 'http://evil.example')).status).toBe(401);
});
