/**
 * The development Prometheus (Debian's `/usr/bin/prometheus`) scraping the sandbox's DCGM
 * exporter page, and the host's `/api/prometheus/` proxy in front of it: the series arrive with
 * the exporter's labels, a user who may not read cluster metrics gets a 403, a host without
 * Prometheus a 404. Skipped, with the reason, where the binary is not installed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningSandbox, startSandbox } from '../sandbox/server';
import {
  findPrometheus,
  prometheusConfig,
  type RunningPrometheus,
  scrapeIntervalFor,
  startPrometheus,
  waitForSeries,
} from './prometheus';
import { type RunningHostServer, startHostServer, USER_COOKIE } from './server';

test('the scrape configuration keeps the exporter’s labels and scrapes the page given', () => {
  expect(prometheusConfig('http://127.0.0.1:8001/metrics', 5)).toBe(
    [
      'global:',
      '  scrape_interval: 5s',
      '  scrape_timeout: 5s',
      '  evaluation_interval: 5s',
      'scrape_configs:',
      '  - job_name: nvidia-dcgm-exporter',
      '    honor_labels: true',
      '    scheme: http',
      '    metrics_path: "/metrics"',
      '    static_configs:',
      '      - targets: ["127.0.0.1:8001"]',
      '',
    ].join('\n'),
  );
});

test('a workshop-sized sandbox is scraped every 5 s, a fleet every 30 s', () => {
  expect(scrapeIntervalFor(3)).toBe(5);
  expect(scrapeIntervalFor(50)).toBe(5);
  expect(scrapeIntervalFor(1003)).toBe(30);
  expect(prometheusConfig('http://127.0.0.1:8001/metrics', 30)).toContain(
    '  scrape_timeout: 30s\n',
  );
});

test('a missing binary is one sentence saying how to install it', () => {
  expect(findPrometheus('/nonexistent/prometheus')).toEqual({
    reason:
      'no Prometheus at /nonexistent/prometheus (Debian: apt-get install --no-install-recommends prometheus)',
  });
});

const installed = findPrometheus();
const withPrometheus = installed.binary ? describe : describe.skip;

withPrometheus('with Prometheus scraping the sandbox', () => {
  let sandbox: RunningSandbox;
  let prometheus: RunningPrometheus;
  let host: RunningHostServer;
  let bare: RunningHostServer;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'prometheus-test-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>host</title>');
    sandbox = await startSandbox({
      port: 0,
      scenario: 'data-science',
      kubeconfigPath: join(staticDir, 'kubeconfig'),
    });
    prometheus = await startPrometheus({ metricsUrl: sandbox.metricsUrl });
    const options = {
      port: 0,
      staticDir,
      apiURL: sandbox.url,
      users: { admin: sandbox.adminToken, 'data-scientist': sandbox.dataScientistToken },
      mode: 'sandbox' as const,
    };
    host = await startHostServer({ ...options, prometheusURL: prometheus.url });
    bare = await startHostServer(options);
    await waitForSeries(prometheus.url, 'DCGM_FI_PROF_GR_ENGINE_ACTIVE');
  }, 60_000);

  afterAll(async () => {
    await host?.close();
    await bare?.close();
    await prometheus?.close();
    await sandbox?.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  const query = (server: RunningHostServer, user: string, expr: string) =>
    fetch(`${server.url}/api/prometheus/api/v1/query?${new URLSearchParams({ query: expr })}`, {
      headers: { Cookie: `${USER_COOKIE}=${user}` },
    });

  test('the admin reads the exporter’s series through the host, as through the console', async () => {
    const response = await query(host, 'admin', 'DCGM_FI_PROF_GR_ENGINE_ACTIVE');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      data: { result: { metric: Record<string, string> }[] };
    };
    expect(body.status).toBe('success');
    const notebook = body.data.result.find((series) => series.metric.pod);
    expect(notebook?.metric).toMatchObject({
      job: 'nvidia-dcgm-exporter',
      __name__: 'DCGM_FI_PROF_GR_ENGINE_ACTIVE',
    });
    expect(notebook?.metric.GPU_I_PROFILE).toMatch(/^\dg\.\d+gb$/);
    expect(notebook?.metric.Hostname).toBeTruthy();
  });

  test('a user who may not get namespaces cluster-wide gets a 403', async () => {
    const response = await query(host, 'data-scientist', 'DCGM_FI_PROF_GR_ENGINE_ACTIVE');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('cluster-monitoring-view');
  });

  test('a host without Prometheus answers 404, as a console without monitoring', async () => {
    const response = await query(bare, 'admin', 'up');
    expect(response.status).toBe(404);
  });

  test('Prometheus is gone after close, with its temporary directory', async () => {
    const second = await startPrometheus({ metricsUrl: sandbox.metricsUrl });
    await second.close();
    await expect(fetch(`${second.url}/-/ready`)).rejects.toThrow();
  });
});
