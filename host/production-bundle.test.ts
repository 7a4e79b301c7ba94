/**
 * The production plugin bundle (`npm run build`) must contain nothing of the development-only
 * sandbox or standalone host. This builds it into a temporary directory and checks the modules
 * webpack bundled, the bytes it wrote and the console manifest.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

jest.setTimeout(600_000);

const execFileAsync = promisify(execFile);

const ROOT = resolve(__dirname, '..');
const DEVELOPMENT_ONLY_DIRS = ['host', 'sandbox', 'bench', 'cli', 'e2e'].map((dir) =>
  join(ROOT, dir),
);
/** Strings that only development code contains: shim markers and the sandbox's tokens. */
const FORBIDDEN_STRINGS = [
  'HOST_ONLY_MARKER',
  'SANDBOX_ONLY_MARKER',
  '__gpuPartitioningHostShim',
  'sandbox-admin-token',
  'sandbox-viewer-token',
  '/api/host/info',
];

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

type Manifest = {
  name: string;
  dependencies: Record<string, string>;
  extensions: { type: string; properties: Record<string, unknown> }[];
};

let outputDir: string;
/** webpack's JSON stats: names every bundled module with its absolute path. */
let statsJson: string;

beforeAll(async () => {
  outputDir = mkdtempSync(join(tmpdir(), 'gpu-partitioning-production-bundle-'));
  const statsFile = join(outputDir, '..', `${basename(outputDir)}-stats.json`);
  // A child process, as `npm run build` runs it: webpack's plugins use dynamic imports that
  // Jest's module sandbox does not support.
  await execFileAsync(
    join(ROOT, 'node_modules/.bin/webpack'),
    ['--output-path', outputDir, '--json', statsFile],
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 64 * 1024 * 1024 },
  );
  statsJson = readFileSync(statsFile, 'utf8');
  rmSync(statsFile, { force: true });
});

afterAll(() => {
  if (outputDir) rmSync(outputDir, { recursive: true, force: true });
});

test('no sandbox, host or other development-only module is bundled', () => {
  expect(statsJson).toContain(join(ROOT, 'src/pages/GpuPartitioningPage'));
  const leaked = DEVELOPMENT_ONLY_DIRS.filter((dir) => statsJson.includes(`${dir}/`));
  expect(leaked.map((dir) => relative(ROOT, dir))).toEqual([]);
});

test('no development-only string is in any emitted file', () => {
  const files = filesUnder(outputDir);
  expect(files.length).toBeGreaterThan(0);
  const hits = files.flatMap((file) => {
    const bytes = readFileSync(file);
    return FORBIDDEN_STRINGS.filter((marker) => bytes.includes(marker)).map(
      (marker) => `${relative(outputDir, file)}: ${marker}`,
    );
  });
  expect(hits).toEqual([]);
});

test('plugin-manifest.json declares the plugin and the extensions of console-extensions.json', () => {
  const manifest = JSON.parse(
    readFileSync(join(outputDir, 'plugin-manifest.json'), 'utf8'),
  ) as Manifest;
  const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    consolePlugin: { name: string; dependencies: Record<string, string> };
  };
  const declared = JSON.parse(readFileSync(join(ROOT, 'console-extensions.json'), 'utf8')) as {
    type: string;
    properties: Record<string, unknown>;
  }[];
  expect(manifest.name).toBe(packageJson.consolePlugin.name);
  expect(manifest.dependencies).toEqual(packageJson.consolePlugin.dependencies);
  expect(manifest.extensions.map(({ type, properties }) => ({ type, properties }))).toEqual(
    declared.map(({ type, properties }) => ({ type, properties })),
  );
  expect(manifest.extensions.map((extension) => extension.type)).toEqual(
    expect.arrayContaining([
      'console.flag/model',
      'console.page/route',
      'console.navigation/href',
      'console.tab/horizontalNav',
    ]),
  );
});
