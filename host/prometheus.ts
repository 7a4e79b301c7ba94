/**
 * A real Prometheus for development (Debian's `prometheus` package, `/usr/bin/prometheus`):
 * writes a configuration that scrapes the sandbox's `/metrics` (the simulated DCGM exporter and
 * cluster metrics) every few seconds into a temporary directory, starts Prometheus on a free
 * loopback port with a temporary TSDB, waits until it is ready, and removes everything on close.
 * Used by `npm run demo` and the browser tests; never imported from src/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './realConsole';

/** Where Debian installs it; `PROMETHEUS_BINARY` names another. */
export const DEFAULT_PROMETHEUS_BINARY = '/usr/bin/prometheus';

export type PrometheusOptions = {
  /** The page to scrape, e.g. `http://127.0.0.1:8001/metrics`. */
  metricsUrl: string;
  /** Seconds between scrapes (default 5). */
  scrapeIntervalSeconds?: number;
  /** Port on 127.0.0.1 (0 or absent: a free one). */
  port?: number;
  binary?: string;
  /** How long to wait for Prometheus to be ready (default 30 s). */
  startTimeoutMs?: number;
};

export type RunningPrometheus = {
  /** The HTTP API's base: `URL/api/v1/query`. What the console's `--thanos` takes. */
  url: string;
  port: number;
  /** Seconds between scrapes. */
  scrapeIntervalSeconds: number;
  /** What Prometheus printed so far (the tail). */
  output(): string;
  close(): Promise<void>;
};

/** The binary to run, or `undefined` and one sentence saying why there is none. */
export const findPrometheus = (
  binary: string = process.env.PROMETHEUS_BINARY || DEFAULT_PROMETHEUS_BINARY,
): { binary: string; reason?: undefined } | { binary?: undefined; reason: string } => {
  try {
    accessSync(binary, constants.X_OK);
    return { binary };
  } catch {
    return {
      reason: `no Prometheus at ${binary} (Debian: apt-get install --no-install-recommends prometheus)`,
    };
  }
};

/**
 * Seconds between scrapes for a sandbox of `nodeCount` nodes: every 5 s for a workshop-sized
 * cluster; every 30 s (the plugin's `[30s]` windows still see each scrape) for a fleet, whose
 * page is large (the `large` scenario's is 28 MB and takes the sandbox about a second of CPU to
 * write), so Prometheus and the sandbox do not keep a core busy.
 */
export const scrapeIntervalFor = (nodeCount: number): number => (nodeCount > 50 ? 30 : 5);

/** The scrape configuration: one job, the sandbox's page, its own labels kept. */
export const prometheusConfig = (metricsUrl: string, intervalSeconds: number): string => {
  const target = new URL(metricsUrl);
  return [
    'global:',
    `  scrape_interval: ${intervalSeconds}s`,
    // A fleet's page can take longer than Prometheus's default 10 s on a busy machine.
    `  scrape_timeout: ${intervalSeconds}s`,
    `  evaluation_interval: ${intervalSeconds}s`,
    'scrape_configs:',
    // The GPU operator's ServiceMonitor names the job after the exporter's Service.
    '  - job_name: nvidia-dcgm-exporter',
    '    honor_labels: true',
    `    scheme: ${target.protocol.replace(':', '')}`,
    `    metrics_path: ${JSON.stringify(target.pathname)}`,
    '    static_configs:',
    `      - targets: [${JSON.stringify(target.host)}]`,
    '',
  ].join('\n');
};

const ready = async (url: string): Promise<boolean> => {
  try {
    const response = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
};

const stop = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(killTimer);
};

/** Starts Prometheus scraping `metricsUrl`; resolves once `/-/ready` answers. */
export const startPrometheus = async (options: PrometheusOptions): Promise<RunningPrometheus> => {
  const found = findPrometheus(options.binary);
  if (!found.binary) throw new Error(found.reason);
  const dir = mkdtempSync(join(tmpdir(), 'gpu-partitioning-prometheus-'));
  const configFile = join(dir, 'prometheus.yml');
  const scrapeIntervalSeconds = options.scrapeIntervalSeconds ?? 5;
  writeFileSync(configFile, prometheusConfig(options.metricsUrl, scrapeIntervalSeconds));
  const port = options.port || (await freePort());
  const child = spawn(
    found.binary,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=1d',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-50_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (!(await ready(url))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await close();
      throw new Error(`Prometheus did not become ready at ${url}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, port, scrapeIntervalSeconds, output: () => log, close };
};

/** Waits until Prometheus answers `query` with at least one series (the first scrape landed). */
export const waitForSeries = async (
  prometheusUrl: string,
  query: string,
  timeoutMs = 30_000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(
        `${prometheusUrl}/api/v1/query?${new URLSearchParams({ query })}`,
        { signal: AbortSignal.timeout(2000) },
      );
      const body = (await response.json()) as { data?: { result?: unknown[] } };
      if ((body.data?.result?.length ?? 0) > 0) return;
    } catch {
      // Not ready yet.
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Prometheus at ${prometheusUrl} has no series for ${query} after ${timeoutMs} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};
