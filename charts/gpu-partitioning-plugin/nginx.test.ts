/**
 * Runs a real nginx with the chart's rendered nginx.conf and a self-signed certificate, as the
 * plugin pod would (the image's CMD, a non-root UID, only /tmp writable), and fetches files over
 * HTTPS. Needs `nginx` and `openssl` on PATH (Debian: apt-get install -y nginx-light openssl).
 * Paths are moved into a temporary directory; everything else is the rendered file as is.
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { ensureHelm, renderChart } from '../../scripts/render-chart';

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) {
    const candidate = path.join(dir, cmd);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(host: string, port: number, urlPath: string, ca: Buffer): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = https.get(
      { host, port, path: urlPath, ca, servername: 'localhost', headers: { Host: 'localhost' } },
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

const nginxBin = which('nginx');
const openssl = which('openssl');

describe('nginx with the rendered configuration', () => {
  let work: string;
  let port: number;
  let ca: Buffer;
  let nginx: ChildProcess | undefined;
  let logFile = '';

  beforeAll(async () => {
    if (!nginxBin || !openssl) {
      throw new Error('nginx and openssl are required: apt-get install -y nginx-light openssl');
    }
    ensureHelm();
    port = await freePort();
    const rendered = renderChart({
      values: { plugin: { image: 'example.com/plugin:1', port } },
      extraArgs: ['--show-only', 'templates/configmap.yaml'],
    });
    if (rendered.status !== 0) throw new Error(rendered.stderr);
    const conf = (rendered.objects[0] as unknown as { data: Record<string, string> }).data[
      'nginx.conf'
    ];

    work = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-nginx-'));
    fs.chmodSync(work, 0o755);
    const dirs = { html: 'html', cert: 'cert', tmp: 'tmp' };
    for (const d of Object.values(dirs)) fs.mkdirSync(path.join(work, d), { recursive: true });
    fs.mkdirSync(path.join(work, 'html', 'locales', 'en'), { recursive: true });

    // What `npm run build` puts in dist/ (names as ConsoleRemotePlugin writes them).
    fs.writeFileSync(
      path.join(work, 'html', 'plugin-manifest.json'),
      JSON.stringify({ name: 'gpu-partitioning-plugin', version: '0.1.0', extensions: [] }),
    );
    fs.writeFileSync(
      path.join(work, 'html', 'plugin-entry.b1ffd72ccdef2a4c2a9d.min.js'),
      'window.loadPluginEntry = 1;\n',
    );
    fs.writeFileSync(path.join(work, 'html', 'exposed-Page-chunk-0123abcd.min.js'), 'var a = 1;\n');
    fs.writeFileSync(
      path.join(work, 'html', 'locales', 'en', 'plugin__gpu-partitioning-plugin.json'),
      '{"GPU Partitioning":"GPU Partitioning"}',
    );
    fs.writeFileSync(
      path.join(work, 'html', 'icon.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
    );

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
        path.join(work, 'cert', 'tls.key'),
        '-out',
        path.join(work, 'cert', 'tls.crt'),
      ],
      { stdio: 'ignore' },
    );
    ca = fs.readFileSync(path.join(work, 'cert', 'tls.crt'));

    // Move the container paths into the work directory; nothing else is changed.
    const tmpDir = path.join(work, 'tmp');
    const local = conf
      .replaceAll(' /tmp/', ` ${tmpDir}/`)
      .replaceAll('/var/cert/', `${path.join(work, 'cert')}/`)
      .replaceAll('root /usr/share/nginx/html;', `root ${path.join(work, 'html')};`);
    expect(local).not.toMatch(/\/var\/cert|\/usr\/share\/nginx/);
    expect(local.split(` ${tmpDir}/`)).toHaveLength(conf.split(' /tmp/').length);
    expect(conf.split(' /tmp/')).toHaveLength(7);
    const confFile = path.join(work, 'nginx.conf');
    fs.writeFileSync(confFile, local);

    // Like the pod: a non-root UID in group 0 that can write only the tmp directory. Its
    // stdout/stderr go to a file: Node's 'pipe' stdio are sockets, which /dev/stderr cannot
    // reopen (in a pod they are pipes).
    logFile = path.join(work, 'nginx.log');
    const logFd = fs.openSync(logFile, 'a');
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      for (const f of ['tmp', 'cert/tls.key', 'nginx.log'])
        fs.chownSync(path.join(work, f), 1001, 0);
    }
    const as = asRoot ? { uid: 1001, gid: 0 } : {};
    try {
      execFileSync(nginxBin, ['-t', '-q', '-e', '/dev/stderr', '-c', confFile], {
        stdio: ['ignore', logFd, logFd],
        ...as,
      });
    } catch {
      throw new Error(`nginx -t failed:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    nginx = spawn(nginxBin, ['-e', '/dev/stderr', '-c', confFile, '-g', 'daemon off;'], {
      stdio: ['ignore', logFd, logFd],
      ...as,
    });
    fs.closeSync(logFd);
    const output = () => fs.readFileSync(logFile, 'utf8');
    await waitForPort(port, nginx, output);
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx?.once('exit', r));
      nginx.kill('SIGQUIT');
      await exited;
    }
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('serves the manifest as JSON that is always revalidated, with nosniff', async () => {
    const manifest = await get('127.0.0.1', port, '/plugin-manifest.json', ca);
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-type']).toBe('application/json');
    expect(manifest.headers['cache-control']).toBe('no-cache');
    expect(manifest.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(manifest.body).name).toBe('gpu-partitioning-plugin');
  });

  it('serves the hashed entry and chunks as JavaScript and locales as JSON', async () => {
    const entry = await get('127.0.0.1', port, '/plugin-entry.b1ffd72ccdef2a4c2a9d.min.js', ca);
    expect([entry.status, entry.headers['content-type']]).toEqual([200, 'application/javascript']);
    expect(entry.headers['x-content-type-options']).toBe('nosniff');
    expect(entry.body).toBe('window.loadPluginEntry = 1;\n');
    const chunk = await get('127.0.0.1', port, '/exposed-Page-chunk-0123abcd.min.js', ca);
    expect([chunk.status, chunk.headers['content-type']]).toEqual([200, 'application/javascript']);
    expect(chunk.headers['x-content-type-options']).toBe('nosniff');
    // Content-hashed files may be cached.
    expect(chunk.headers['cache-control']).toBeUndefined();
    const locale = await get(
      '127.0.0.1',
      port,
      '/locales/en/plugin__gpu-partitioning-plugin.json',
      ca,
    );
    expect([locale.status, locale.headers['content-type']]).toEqual([200, 'application/json']);
    const svg = await get('127.0.0.1', port, '/icon.svg', ca);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
  });

  it('answers the liveness probe and 404s for missing files', async () => {
    const health = await get('127.0.0.1', port, '/healthz', ca);
    expect([health.status, health.body]).toEqual([200, 'ok\n']);
    expect((await get('127.0.0.1', port, '/missing-chunk.js', ca)).status).toBe(404);
  });

  it('speaks TLS only, on IPv6 as well as IPv4', async () => {
    const v6 = await get('::1', port, '/healthz', ca).catch((e: Error) => e);
    if (v6 instanceof Error) {
      // A host without an IPv6 loopback cannot reach [::1]; nginx still bound [::] (it started).
      expect(v6.message).toMatch(/EADDRNOTAVAIL|ENETUNREACH|EAFNOSUPPORT/);
    } else {
      expect(v6.status).toBe(200);
    }
    const plain = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
      });
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', () => resolve(data));
    });
    expect(plain).not.toContain('200 OK');
    expect(plain).toContain('400');
  });
});
