/**
 * Runs a real nginx with the chart's rendered nginx.conf and a self-signed certificate, as the
 * plugin pod would (scripts/plugin-nginx.ts: the image's CMD, a non-root UID, only /tmp
 * writable), and fetches files over HTTPS. Needs `nginx` and `openssl` on PATH (Debian:
 * apt-get install -y nginx-light openssl).
 */
import * as fs from 'fs';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import {
  missingNginxTools,
  startPluginNginx,
  type RunningPluginNginx,
} from '../../scripts/plugin-nginx';

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

describe('nginx with the rendered configuration', () => {
  let html: string;
  let port: number;
  let ca: Buffer;
  let nginx: RunningPluginNginx | undefined;

  beforeAll(async () => {
    const missing = missingNginxTools();
    if (missing) throw new Error(missing);
    html = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-nginx-html-'));
    fs.chmodSync(html, 0o755);
    fs.mkdirSync(path.join(html, 'locales', 'en'), { recursive: true });

    // What `npm run build` puts in dist/ (names as ConsoleRemotePlugin writes them).
    fs.writeFileSync(
      path.join(html, 'plugin-manifest.json'),
      JSON.stringify({ name: 'gpu-partitioning-plugin', version: '0.1.0', extensions: [] }),
    );
    fs.writeFileSync(
      path.join(html, 'plugin-entry.b1ffd72ccdef2a4c2a9d.min.js'),
      'window.loadPluginEntry = 1;\n',
    );
    fs.writeFileSync(path.join(html, 'exposed-Page-chunk-0123abcd.min.js'), 'var a = 1;\n');
    fs.writeFileSync(
      path.join(html, 'locales', 'en', 'plugin__gpu-partitioning-plugin.json'),
      '{"GPU Partitioning":"GPU Partitioning"}',
    );
    fs.writeFileSync(path.join(html, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

    nginx = await startPluginNginx({ htmlDir: html });
    port = nginx.port;
    ca = nginx.caCertificate;
    // Only the container paths were moved (the six /tmp ones, the certificate, the html root).
    expect(nginx.renderedConf.split(' /tmp/')).toHaveLength(7);
    expect(nginx.localConf).not.toMatch(/\/var\/cert|\/usr\/share\/nginx/);
  });

  afterAll(async () => {
    await nginx?.close();
    if (html) fs.rmSync(html, { recursive: true, force: true });
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
