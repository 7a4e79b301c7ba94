/**
 * Runs a real nginx with the chart's rendered nginx.conf and a self-signed certificate, as the
 * plugin pod would (the image's CMD, a non-root UID, only /tmp writable). Used by nginx.test.ts
 * and by measure-nginx-memory.ts. Needs `nginx` and `openssl` (Debian: nginx-light, openssl).
 * Container paths are moved into a temporary directory; everything else is the rendered file.
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { renderChart } from '../../scripts/render-chart';

export const INSTALL_HINT = 'apt-get install -y nginx-light openssl';

/** Finds an executable on PATH, plus /usr/sbin and /sbin (Debian's nginx is there). */
export function findExecutable(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) {
    if (!dir) continue;
    const candidate = path.join(dir, cmd);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export type ToolDecision =
  { mode: 'run' } | { mode: 'skip'; reason: string } | { mode: 'fail'; reason: string };

/**
 * What a suite that needs `missing`-free tools does: run; in CI fail loudly (a CI machine that
 * lacks them is misconfigured, and a skip there would hide it); locally skip with one line.
 */
export function toolDecision(missing: string[], ci: boolean): ToolDecision {
  if (missing.length === 0) return { mode: 'run' };
  const reason = `${missing.join(' and ')} not found on PATH (${INSTALL_HINT})`;
  return ci ? { mode: 'fail', reason } : { mode: 'skip', reason };
}

/** `CI` as CI services set it ("true", "1"); "false", "0" and empty mean a local run. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== 'false' && value !== '0';
}

/** The files `npm run build` puts in dist/ (names as ConsoleRemotePlugin writes them). */
export const DIST_FIXTURE: Record<string, string> = {
  'plugin-manifest.json': JSON.stringify({
    name: 'gpu-partitioning-plugin',
    version: '0.1.0',
    extensions: [],
  }),
  'plugin-entry.b1ffd72ccdef2a4c2a9d.min.js': 'window.loadPluginEntry = 1;\n',
  'exposed-Page-chunk-0123abcd.min.js': 'var a = 1;\n',
  'locales/en/plugin__gpu-partitioning-plugin.json': '{"GPU Partitioning":"GPU Partitioning"}',
  'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The chart's nginx.conf rendered with these values (merged over values.yaml). */
export function renderNginxConf(values: Record<string, unknown>): string {
  const rendered = renderChart({
    values,
    extraArgs: ['--show-only', 'templates/configmap.yaml'],
  });
  if (rendered.status !== 0) throw new Error(rendered.stderr);
  return (rendered.objects[0] as unknown as { data: Record<string, string> }).data['nginx.conf'];
}

export interface HttpsResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function httpsGet(
  host: string,
  port: number,
  urlPath: string,
  ca: Buffer,
  headers: Record<string, string> = {},
): Promise<HttpsResponse> {
  return new Promise((resolve, reject) => {
    const req = https.get(
      {
        host,
        port,
        path: urlPath,
        ca,
        servername: 'localhost',
        agent: false,
        headers: { Host: 'localhost', ...headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error('timeout')));
  });
}

async function waitForPort(port: number, proc: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`nginx exited early:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not listen on ${port}:\n${log()}`);
}

/**
 * Writes a file or directory with an explicit mode: the test must not depend on the caller's
 * umask (under `umask 077` the unprivileged nginx could read none of it).
 */
function writeReadable(file: string, content: string | Buffer): void {
  mkdirReadable(path.dirname(file));
  fs.writeFileSync(file, content);
  fs.chmodSync(file, 0o644);
}

/** mkdir -p, each new directory chmod 0755 (mkdir's own mode is masked by the umask). */
function mkdirReadable(dir: string): void {
  if (fs.existsSync(dir)) return;
  mkdirReadable(path.dirname(dir));
  fs.mkdirSync(dir);
  fs.chmodSync(dir, 0o755);
}

/** Moves the container paths into `work`; nothing else in the configuration changes. */
export function localizeConf(conf: string, work: string): string {
  const tmpDir = path.join(work, 'tmp');
  const local = conf
    .replaceAll(' /tmp/', ` ${tmpDir}/`)
    .replaceAll('/var/cert/', `${path.join(work, 'cert')}/`)
    .replaceAll('root /usr/share/nginx/html;', `root ${path.join(work, 'html')};`);
  if (/\/var\/cert|\/usr\/share\/nginx/.test(local)) {
    throw new Error('nginx.conf refers to a container path the harness does not move');
  }
  return local;
}

export interface RunningNginx {
  port: number;
  /** The self-signed certificate, to trust in requests. */
  ca: Buffer;
  /** The nginx.conf nginx runs with (paths moved into the work directory). */
  conf: string;
  /** The directory that stands for the pod's /tmp emptyDir, the only one nginx may write. */
  tmpDir: string;
  masterPid: number;
  log(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Chart values merged over values.yaml; plugin.port is set to a free port. */
  values?: Record<string, unknown>;
  /** Changes the rendered configuration before it runs (e.g. another worker_processes). */
  editConf?: (conf: string) => string;
  /** Files to serve, relative path → content; DIST_FIXTURE by default. */
  files?: Record<string, string | Buffer>;
}

function makeCertificate(openssl: string, certDir: string): Buffer {
  execFileSync(
    openssl,
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
      '-keyout',
      path.join(certDir, 'tls.key'),
      '-out',
      path.join(certDir, 'tls.crt'),
    ],
    { stdio: 'ignore' },
  );
  fs.chmodSync(path.join(certDir, 'tls.crt'), 0o644);
  fs.chmodSync(path.join(certDir, 'tls.key'), 0o600);
  return fs.readFileSync(path.join(certDir, 'tls.crt'));
}

/** Renders the chart's nginx.conf, starts nginx with it and waits until it listens. */
export async function startRenderedNginx(opts: StartOptions = {}): Promise<RunningNginx> {
  const nginxBin = findExecutable('nginx');
  const openssl = findExecutable('openssl');
  if (!nginxBin || !openssl) throw new Error(`nginx and openssl are required: ${INSTALL_HINT}`);
  const port = await freePort();
  const values = opts.values ?? {};
  const plugin = { image: 'example.com/plugin:1', ...(values.plugin as object), port };
  const rendered = renderNginxConf({ ...values, plugin });

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-nginx-'));
  fs.chmodSync(work, 0o755);
  for (const d of ['html', 'cert', 'tmp']) mkdirReadable(path.join(work, d));
  for (const [name, content] of Object.entries(opts.files ?? DIST_FIXTURE)) {
    writeReadable(path.join(work, 'html', name), content);
  }
  const ca = makeCertificate(openssl, path.join(work, 'cert'));
  const conf = localizeConf((opts.editConf ?? ((c) => c))(rendered), work);
  const confFile = path.join(work, 'nginx.conf');
  writeReadable(confFile, conf);

  // Like the pod: a non-root UID in group 0 that can write only the tmp directory. Its
  // stdout/stderr go to a file: Node's 'pipe' stdio are sockets, which /dev/stderr cannot
  // reopen (in a pod they are pipes).
  const logFile = path.join(work, 'nginx.log');
  const logFd = fs.openSync(logFile, 'a', 0o644);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    for (const f of ['tmp', 'cert/tls.key', 'nginx.log']) fs.chownSync(path.join(work, f), 1001, 0);
  }
  const as = asRoot ? { uid: 1001, gid: 0 } : {};
  const log = () => fs.readFileSync(logFile, 'utf8');
  const cleanup = () => fs.rmSync(work, { recursive: true, force: true });
  try {
    execFileSync(nginxBin, ['-t', '-q', '-e', '/dev/stderr', '-c', confFile], {
      stdio: ['ignore', logFd, logFd],
      ...as,
    });
  } catch {
    const output = log();
    fs.closeSync(logFd);
    cleanup();
    throw new Error(`nginx -t failed:\n${output}`);
  }
  const nginx = spawn(nginxBin, ['-e', '/dev/stderr', '-c', confFile, '-g', 'daemon off;'], {
    stdio: ['ignore', logFd, logFd],
    ...as,
  });
  fs.closeSync(logFd);
  const stop = async () => {
    if (nginx.exitCode === null && nginx.signalCode === null) {
      const exited = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGQUIT');
      await exited;
    }
    cleanup();
  };
  try {
    await waitForPort(port, nginx, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, ca, conf, tmpDir: path.join(work, 'tmp'), masterPid: nginx.pid ?? -1, log, stop };
}

/** Process ids whose parent is `pid` (nginx's workers), from /proc. */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may contain spaces, so parse after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // the process went away
    }
  }
  return children.sort((a, b) => a - b);
}
