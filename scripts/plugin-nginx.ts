/**
 * Runs a real nginx with the chart's rendered nginx.conf and a self-signed certificate, as the
 * plugin pod would (the image's CMD, a non-root UID, only /tmp writable), serving a directory
 * such as the production `dist/` over HTTPS. Development only: the chart's nginx test and the
 * real-console suite (e2e/real-console). Needs `nginx` and `openssl` on PATH (Debian:
 * apt-get install -y nginx-light openssl) and Helm (scripts/render-chart.ts).
 * Container paths are moved into a temporary directory; everything else is the rendered file as is.
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { ensureHelm, renderChart } from './render-chart';

export function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) {
    const candidate = path.join(dir, cmd);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

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

/** Why the chart's nginx cannot run here, or undefined when nginx and openssl are present. */
export function missingNginxTools(): string | undefined {
  if (which('nginx') && which('openssl')) return undefined;
  return 'nginx and openssl are required: apt-get install -y nginx-light openssl';
}

/** The chart's nginx.conf (from the ConfigMap) for a plugin listening on `port`. */
export function renderNginxConf(port: number): string {
  ensureHelm();
  const rendered = renderChart({
    values: { plugin: { image: 'example.com/plugin:1', port } },
    extraArgs: ['--show-only', 'templates/configmap.yaml'],
  });
  if (rendered.status !== 0) throw new Error(rendered.stderr);
  return (rendered.objects[0] as unknown as { data: Record<string, string> }).data['nginx.conf'];
}

/** Moves the container paths (/tmp, /var/cert, the html root) into `work`. */
export function localizeNginxConf(conf: string, work: string, htmlDir: string): string {
  const local = conf
    .replaceAll(' /tmp/', ` ${path.join(work, 'tmp')}/`)
    .replaceAll('/var/cert/', `${path.join(work, 'cert')}/`)
    .replaceAll('root /usr/share/nginx/html;', `root ${htmlDir};`);
  const moved = local.split(` ${path.join(work, 'tmp')}/`).length === conf.split(' /tmp/').length;
  if (!moved || /\/var\/cert|\/usr\/share\/nginx/.test(local)) {
    throw new Error(`the chart's nginx.conf has a container path this helper does not move`);
  }
  return local;
}

function makeCertificate(openssl: string, certDir: string): void {
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

export interface PluginNginxOptions {
  /** What to serve (the html root); must be readable by the non-root UID when run as root. */
  htmlDir: string;
  /** Port (absent or 0: a free one). */
  port?: number;
}

export interface RunningPluginNginx {
  port: number;
  /** https://127.0.0.1:PORT */
  url: string;
  /** The certificate nginx presents (self-signed for `localhost`). */
  caCertificate: Buffer;
  /** The chart's nginx.conf as rendered, before its paths were moved. */
  renderedConf: string;
  /** The file nginx runs with. */
  localConf: string;
  log(): string;
  close(): Promise<void>;
}

function startProcess(nginxBin: string, confFile: string, logFile: string, work: string) {
  // Like the pod: a non-root UID in group 0 that can write only the tmp directory. Its
  // stdout/stderr go to a file: Node's 'pipe' stdio are sockets, which /dev/stderr cannot
  // reopen (in a pod they are pipes).
  const logFd = fs.openSync(logFile, 'a');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    for (const f of ['tmp', 'cert/tls.key', 'nginx.log']) fs.chownSync(path.join(work, f), 1001, 0);
  }
  const as = asRoot ? { uid: 1001, gid: 0 } : {};
  try {
    execFileSync(nginxBin, ['-t', '-q', '-e', '/dev/stderr', '-c', confFile], {
      stdio: ['ignore', logFd, logFd],
      ...as,
    });
  } catch {
    fs.closeSync(logFd);
    throw new Error(`nginx -t failed:\n${fs.readFileSync(logFile, 'utf8')}`);
  }
  const nginx = spawn(nginxBin, ['-e', '/dev/stderr', '-c', confFile, '-g', 'daemon off;'], {
    stdio: ['ignore', logFd, logFd],
    ...as,
  });
  fs.closeSync(logFd);
  return nginx;
}

async function stop(nginx: ChildProcess): Promise<void> {
  if (nginx.exitCode !== null || nginx.signalCode !== null) return;
  const exited = new Promise((r) => nginx.once('exit', r));
  nginx.kill('SIGQUIT');
  await exited;
}

/** Starts nginx with the chart's configuration over TLS; `close()` stops it and removes its files. */
export async function startPluginNginx(options: PluginNginxOptions): Promise<RunningPluginNginx> {
  const missing = missingNginxTools();
  if (missing) throw new Error(missing);
  const port = options.port || (await freePort());
  const renderedConf = renderNginxConf(port);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-nginx-'));
  fs.chmodSync(work, 0o755);
  for (const d of ['cert', 'tmp']) fs.mkdirSync(path.join(work, d));
  makeCertificate(which('openssl')!, path.join(work, 'cert'));
  const localConf = localizeNginxConf(renderedConf, work, path.resolve(options.htmlDir));
  const confFile = path.join(work, 'nginx.conf');
  fs.writeFileSync(confFile, localConf);
  const logFile = path.join(work, 'nginx.log');
  const log = () => fs.readFileSync(logFile, 'utf8');
  let nginx: ChildProcess | undefined;
  const close = async () => {
    if (nginx) await stop(nginx);
    fs.rmSync(work, { recursive: true, force: true });
  };
  try {
    nginx = startProcess(which('nginx')!, confFile, logFile, work);
    await waitForPort(port, nginx, log);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    port,
    url: `https://127.0.0.1:${port}`,
    caCertificate: fs.readFileSync(path.join(work, 'cert', 'tls.crt')),
    renderedConf,
    localConf,
    log,
    close,
  };
}
