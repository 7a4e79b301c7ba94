/**
 * `npm run demo`'s command line: the token for `--api` never comes from the command line (any
 * user of the machine reads it with `ps`), and `--console real[=DIR]` picks the real console.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOKEN_ENV, parseDemoCommand } from './demo';
import { realConsoleProblem, startRealConsoleDemo, startStaticServer } from './realConsoleDemo';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'demo-args-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shellOptions = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const command = parseDemoCommand(args, env);
  if (command.kind !== 'shell') throw new Error(`expected the shell, got ${command.kind}`);
  return command.options;
};

test('--token is refused with the safe alternatives named', () => {
  expect(() => parseDemoCommand(['--api', 'https://api.example:6443', '--token', 'T'])).toThrow(
    /ps.*--token-file F.*GPU_PARTITIONING_TOKEN/,
  );
});

test('the token for --api comes from --token-file or the environment', () => {
  const file = join(dir, 'token');
  writeFileSync(file, 'sha256~secret\n');
  const api = ['--api', 'https://api.example:6443'];
  expect(shellOptions([...api, '--token-file', file]).token).toBe('sha256~secret');
  expect(shellOptions(api, { [TOKEN_ENV]: 'from-env' }).token).toBe('from-env');
  // The file wins over the environment; kubectl proxy needs neither.
  expect(shellOptions([...api, '--token-file', file], { [TOKEN_ENV]: 'x' }).token).toBe(
    'sha256~secret',
  );
  expect(shellOptions(['--api', 'http://127.0.0.1:8001']).token).toBeUndefined();
  // The sandbox has its own tokens: an environment token is not sent to it.
  expect(shellOptions([], { [TOKEN_ENV]: 'from-env' }).token).toBeUndefined();
});

test('a bad token file is a clear error', () => {
  const empty = join(dir, 'empty');
  writeFileSync(empty, '  \n');
  const api = ['--api', 'https://api.example:6443'];
  expect(() => parseDemoCommand([...api, '--token-file', empty])).toThrow(/is empty/);
  expect(() => parseDemoCommand([...api, '--token-file', join(dir, 'absent')])).toThrow(
    /cannot read/,
  );
  expect(() => parseDemoCommand(['--token-file', empty])).toThrow(/needs --api/);
});

test('--console: the shell by default, the real console with an optional folder', () => {
  expect(parseDemoCommand([]).kind).toBe('shell');
  expect(parseDemoCommand(['--console', 'shell']).kind).toBe('shell');
  const real = parseDemoCommand(['--console', 'real', '--user', 'viewer', '--scenario', 'large']);
  expect(real).toMatchObject({
    kind: 'real-console',
    options: { consoleDir: undefined, version: '4.19', user: 'viewer', scenario: 'large' },
  });
  expect(
    parseDemoCommand(['--console=real=/opt/console', '--console-version', '4.22']),
  ).toMatchObject({
    kind: 'real-console',
    options: { consoleDir: '/opt/console', version: '4.22' },
  });
  expect(() => parseDemoCommand(['--console', 'fake'])).toThrow(/neither shell nor real/);
  expect(() => parseDemoCommand(['--console', 'real', '--console-version', '4.1'])).toThrow(
    /4.19 or 4.22/,
  );
  expect(() => parseDemoCommand(['--console', 'real', '--user', 'root'])).toThrow(/--user/);
  expect(() => parseDemoCommand(['--user', 'viewer'])).toThrow(/apply to --console real/);
  // The real console's start script would put a real cluster's token in ps.
  expect(() =>
    parseDemoCommand(['--console', 'real', '--api', 'https://api.example:6443']),
  ).toThrow(/sandbox only/);
});

test('a missing real console folder is a clear error before anything starts', async () => {
  const missing = join(dir, 'no-console-here');
  expect(realConsoleProblem(missing)).toMatch(
    /^--console real: no real OpenShift console at .*no-console-here.*--console real=DIR/,
  );
  await expect(startRealConsoleDemo({ consoleDir: missing, build: 'never' })).rejects.toThrow(
    /no real OpenShift console/,
  );
  const withoutVersion = join(dir, 'console');
  rmSync(withoutVersion, { recursive: true, force: true });
  mkdirSync(join(withoutVersion, '4.19'), { recursive: true });
  writeFileSync(join(withoutVersion, 'start'), '');
  writeFileSync(join(withoutVersion, '4.19', 'bridge.xz'), '');
  expect(realConsoleProblem(withoutVersion, '4.22')).toMatch(/no console 4.22 .*it has 4.19/);
  expect(realConsoleProblem(withoutVersion, '4.19')).toBeUndefined();
});

test("the bridge gets dist/'s files as they are, and nothing outside it", async () => {
  const dist = join(dir, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'plugin-manifest.json'), '{"name":"gpu-partitioning-plugin"}');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  const server = await startStaticServer(dist);
  try {
    const manifest = await fetch(`${server.url}/plugin-manifest.json`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await manifest.json()).toEqual({ name: 'gpu-partitioning-plugin' });
    // No index fallback: a missing chunk is a 404 the console reports, not a page of HTML.
    expect((await fetch(`${server.url}/missing-chunk.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${server.url}/%E0%A4%A`)).status).toBe(400);
  } finally {
    await server.close();
  }
});
