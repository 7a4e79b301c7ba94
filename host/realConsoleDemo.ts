/**
 * `npm run demo -- --console real`: the plugin inside the genuine OpenShift console rather than
 * the host's shell. Builds the production `dist/` (as `npm run build` does), serves it over HTTP
 * for the console's bridge to fetch, starts the sandbox and runs the real console
 * (host/realConsole.ts) in front of it. Development only.
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import packageJson from '../package.json';
import type { RunningSandbox } from '../sandbox/server';
import type { PrometheusMode } from './demo';
import { type DemoSandboxOptions, startDemoSandbox } from './demoSandbox';
import {
  findPrometheus,
  type RunningPrometheus,
  scrapeIntervalFor,
  startPrometheus,
} from './prometheus';
import {
  DEFAULT_REAL_CONSOLE_DIR,
  type RealConsoleVersion,
  type RunningRealConsole,
  findRealConsole,
  startRealConsole,
} from './realConsole';
import { CONTENT_TYPES } from './server';

const ROOT = resolve(__dirname, '..');
export const PLUGIN_DIST = join(ROOT, 'dist');
const PLUGIN_NAME: string = packageJson.consolePlugin.name;

export type RealConsoleDemoOptions = DemoSandboxOptions & {
  /** The real console's folder (default `../shared/real-console` beside the repository). */
  consoleDir?: string;
  version?: RealConsoleVersion;
  /** Whose token the console sends: the sandbox's `admin` (default) or `viewer`. */
  user?: 'admin' | 'viewer' | 'data-scientist';
  /** Console port (default 9000; 0 = any free port). */
  port?: number;
  /** `always` runs the production build, `if-missing` only when dist/ has no manifest. */
  build?: 'always' | 'if-missing' | 'never';
  /** Where the production bundle is (default dist/). */
  distDir?: string;
  /** A real Prometheus scraping the sandbox for the console's `--thanos` (see `DemoOptions`). */
  prometheus?: PrometheusMode;
};

export type RunningRealConsoleDemo = {
  url: string;
  sandbox: RunningSandbox;
  console: RunningRealConsole;
  /** Where the bridge fetches the plugin from. */
  pluginURL: string;
  /** The real Prometheus behind the console's `/api/prometheus/`, when it runs. */
  prometheus?: RunningPrometheus;
  /** Why none runs; the console then gets the sandbox's own PromQL subset (no DCGM metrics). */
  prometheusProblem?: string;
  close(): Promise<void>;
};

/** Why `--console real` cannot run: the folder is missing, or lacks the version asked for. */
export const realConsoleProblem = (
  dir: string = DEFAULT_REAL_CONSOLE_DIR,
  version: RealConsoleVersion = '4.19',
): string | undefined => {
  const lookup = findRealConsole(dir);
  if (!lookup.install) {
    return (
      `--console real: ${lookup.reason}. It is the OpenShift console's bridge and frontend ` +
      '(see docs/demo.md); give its folder with --console real=DIR, or run the demo without ' +
      '--console to use the built-in shell.'
    );
  }
  if (!lookup.install.versions.includes(version)) {
    return `--console real: no console ${version} in ${lookup.install.dir} (it has ${lookup.install.versions.join(', ')})`;
  }
  return undefined;
};

const pluginManifestExists = (distDir: string) => existsSync(join(distDir, 'plugin-manifest.json'));

/** The production build, in a child process as `npm run build` runs it. */
export const buildPluginDist = async (distDir = PLUGIN_DIST): Promise<void> => {
  await promisify(execFile)(join(ROOT, 'node_modules/.bin/webpack'), ['--output-path', distDir], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
  });
};

export type RunningStaticServer = { url: string; close(): Promise<void> };

/**
 * Serves a directory's files as they are (no index fallback) on 127.0.0.1: what the bridge
 * needs to fetch `plugin-manifest.json` and proxy the browser's requests for the plugin's chunks.
 */
export const startStaticServer = async (dir: string, port = 0): Promise<RunningStaticServer> => {
  const root = resolve(dir);
  const server: Server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://plugin').pathname);
    } catch {
      response.writeHead(400).end('Bad request');
      return;
    }
    const file = resolve(join(root, pathname));
    const isFile = file.startsWith(`${root}/`) && existsSync(file) && statSync(file).isFile();
    if (!isFile || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(isFile ? 405 : 404, { 'Content-Type': 'text/plain' }).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => done());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
};

/** Starts sandbox, plugin server and real console; stops what started if a later step fails. */
export const startRealConsoleDemo = async (
  options: RealConsoleDemoOptions = {},
): Promise<RunningRealConsoleDemo> => {
  const problem = realConsoleProblem(options.consoleDir, options.version);
  if (problem) throw new Error(problem);
  const distDir = options.distDir ?? PLUGIN_DIST;
  const build = options.build ?? 'if-missing';
  if (build === 'always' || (build === 'if-missing' && !pluginManifestExists(distDir))) {
    await buildPluginDist(distDir);
  }
  if (!pluginManifestExists(distDir)) {
    throw new Error(`${distDir}/plugin-manifest.json is missing: run npm run build first`);
  }
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const sandbox = await startDemoSandbox(options);
    stops.push(() => sandbox.close());
    const plugin = await startStaticServer(distDir);
    stops.push(() => plugin.close());
    const mode = options.prometheus ?? 'if-installed';
    const found = mode === 'off' ? undefined : findPrometheus();
    if (mode === 'required' && !found?.binary) throw new Error(found?.reason);
    const prometheus = found?.binary
      ? await startPrometheus({
          metricsUrl: sandbox.metricsUrl,
          binary: found.binary,
          scrapeIntervalSeconds: scrapeIntervalFor(sandbox.store.count('nodes')),
        })
      : undefined;
    if (prometheus) stops.push(() => prometheus.close());
    const realConsole = await startRealConsole({
      dir: options.consoleDir,
      version: options.version,
      port: options.port ?? 9000,
      api: sandbox.url,
      token:
        options.user === 'viewer'
          ? sandbox.viewerToken
          : options.user === 'data-scientist'
            ? sandbox.dataScientistToken
            : sandbox.adminToken,
      plugins: { [PLUGIN_NAME]: `${plugin.url}/` },
      // Without Prometheus, the sandbox's PromQL subset keeps the console's own charts working.
      thanos: prometheus?.url ?? `${sandbox.url}/prometheus`,
    });
    stops.push(() => realConsole.close());
    return {
      url: realConsole.url,
      sandbox,
      console: realConsole,
      pluginURL: plugin.url,
      prometheus,
      prometheusProblem: prometheus
        ? undefined
        : mode === 'off'
          ? 'Prometheus turned off'
          : found?.reason,
      close: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
};
