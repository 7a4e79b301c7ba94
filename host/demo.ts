/**
 * `npm run demo -- [--scenario NAME] [--port 9000] [--api URL [--token-file F]] [--load F]
 * [--save F] [--no-build] [--console real[=DIR]]`: serves the plugin's real pages in a
 * console-like shell on http://localhost:9000, against the sandbox cluster (started here) or,
 * with `--api`, any Kubernetes API such as `kubectl proxy`; with `--console real`, inside the
 * real OpenShift console instead of the shell. Development only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunningSandbox } from '../sandbox/server';
import { HOST_DIST, buildHostBundle, hostBundleExists } from './build';
import { type DemoSandboxOptions, startDemoSandbox } from './demoSandbox';
import { REAL_CONSOLE_VERSIONS, type RealConsoleVersion } from './realConsole';
import {
  type RealConsoleDemoOptions,
  realConsoleProblem,
  startRealConsoleDemo,
} from './realConsoleDemo';
import { type RunningHostServer, startHostServer } from './server';
import {
  findPrometheus,
  type RunningPrometheus,
  scrapeIntervalFor,
  startPrometheus,
} from './prometheus';

/** The sandbox options are ignored with `api`. */
export type DemoOptions = DemoSandboxOptions & {
  /** Host port (default 9000; 0 = any free port). */
  port?: number;
  /** Use this Kubernetes API instead of starting the sandbox. */
  api?: string;
  /** Bearer token for `api` (none: `kubectl proxy` adds the credentials). */
  token?: string;
  /** `always` rebuilds the bundle, `if-missing` only builds when there is none, `never` fails then. */
  build?: 'always' | 'if-missing' | 'never';
  /** Where the host bundle is (default host/dist). */
  bundleDir?: string;
  /**
   * Run a real Prometheus scraping the sandbox (host/prometheus.ts) behind `/api/prometheus/`:
   * `if-installed` (default) when the binary is there, `required` fails without it, `off` never.
   */
  prometheus?: PrometheusMode;
};

export type PrometheusMode = 'if-installed' | 'required' | 'off';

export type RunningDemo = {
  url: string;
  /** The sandbox, unless the demo talks to `api`. */
  sandbox?: RunningSandbox;
  host: RunningHostServer;
  /** The real Prometheus scraping the sandbox, when it runs. */
  prometheus?: RunningPrometheus;
  /** Why no Prometheus runs (binary missing, `--api`, or turned off), in one sentence. */
  prometheusProblem?: string;
  close(): Promise<void>;
};

/** Starts Prometheus for the sandbox as `mode` asks; says why not in one sentence otherwise. */
export const startDemoPrometheus = async (
  sandbox: RunningSandbox | undefined,
  mode: PrometheusMode = 'if-installed',
): Promise<{ prometheus?: RunningPrometheus; problem?: string }> => {
  if (mode === 'off') return { problem: 'Prometheus turned off' };
  if (!sandbox) return { problem: 'no Prometheus with --api (the cluster has its own monitoring)' };
  const found = findPrometheus();
  if (!found.binary) {
    if (mode === 'required') throw new Error(found.reason);
    return { problem: found.reason };
  }
  return {
    prometheus: await startPrometheus({
      metricsUrl: sandbox.metricsUrl,
      binary: found.binary,
      scrapeIntervalSeconds: scrapeIntervalFor(sandbox.store.count('nodes')),
    }),
  };
};

export const startDemo = async (options: DemoOptions = {}): Promise<RunningDemo> => {
  const bundleDir = options.bundleDir ?? HOST_DIST;
  const build = options.build ?? 'if-missing';
  if (build === 'always' || (build === 'if-missing' && !hostBundleExists(bundleDir))) {
    await buildHostBundle(bundleDir);
  }
  const sandbox = options.api ? undefined : await startDemoSandbox(options);
  let prometheus: RunningPrometheus | undefined;
  try {
    const started = await startDemoPrometheus(sandbox, options.prometheus);
    prometheus = started.prometheus;
    const host = await startHostServer({
      prometheusURL: prometheus?.url,
      port: options.port ?? 9000,
      staticDir: bundleDir,
      apiURL: options.api ?? sandbox!.url,
      users: sandbox
        ? {
            admin: sandbox.adminToken,
            viewer: sandbox.viewerToken,
            'data-scientist': sandbox.dataScientistToken,
          }
        : { [options.token ? 'token' : 'proxy']: options.token },
      mode: sandbox ? 'sandbox' : 'api',
      scenario: sandbox
        ? options.loadFile
          ? `loaded from ${options.loadFile}`
          : (options.scenario ?? 'seed')
        : undefined,
      kubeconfigPath: sandbox?.kubeconfigPath,
    });
    return {
      url: host.url,
      sandbox,
      host,
      prometheus,
      prometheusProblem: started.problem,
      close: async () => {
        await host.close();
        await prometheus?.close();
        await sandbox?.close();
      },
    };
  } catch (error) {
    await prometheus?.close();
    await sandbox?.close();
    throw error;
  }
};

/** The environment variable `--api` reads its bearer token from (never a command-line flag). */
export const TOKEN_ENV = 'GPU_PARTITIONING_TOKEN';

const USAGE = `Usage: npm run demo -- [options]
  --scenario NAME   sandbox scenario: seed (default), mixed-fleet, single-invalid, large
  --port N          host port (default 9000)
  --sandbox-port N  sandbox API port (default 8001)
  --api URL         use this Kubernetes API instead of the sandbox (e.g. kubectl proxy)
  --token-file F    bearer token for --api, read from file F (or set ${TOKEN_ENV})
  --load F          restore a sandbox state saved with --save
  --save F          save the sandbox state to F on exit
  --delay MS        how long a simulated MIG reconfiguration takes (default 2000)
  --kubeconfig F    where the sandbox writes its kubeconfig (default .sandbox-kubeconfig)
  --no-build        serve the existing bundle (host/dist, or dist/ with --console real)
  --no-prometheus   do not start Prometheus (started when /usr/bin/prometheus is installed)
  --console KIND    shell (default): the host's console-like shell;
                    real[=DIR]: the real OpenShift console from DIR
                    (default ../shared/real-console) with the production dist/
  --console-version V  4.19 (default) or 4.22, with --console real
  --user NAME       admin (default), viewer or data-scientist: whose token the real console sends`;

const wholeNumber = (flag: string, text: string, max: number): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new Error(`${flag}: "${text}" is not a whole number from 0 to ${max}`);
  }
  return value;
};

/**
 * The bearer token for `--api`: from `--token-file` or the environment, never from the command
 * line, where every user of the machine sees it (`ps`). `undefined`: send none (kubectl proxy).
 */
const readToken = (tokenFile: string | undefined, env: NodeJS.ProcessEnv): string | undefined => {
  if (tokenFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(tokenFile, 'utf8');
    } catch (error) {
      throw new Error(`--token-file: cannot read ${tokenFile}: ${(error as Error).message}`);
    }
    const token = text.trim();
    if (!token) throw new Error(`--token-file: ${tokenFile} is empty`);
    if (/\s/.test(token)) throw new Error(`--token-file: ${tokenFile} holds more than one token`);
    return token;
  }
  return env[TOKEN_ENV]?.trim() || undefined;
};

/** `shell`, or the real console with its folder (`undefined`: ../shared/real-console). */
const parseConsoleKind = (text: string): { real: false } | { real: true; dir?: string } => {
  if (text === 'shell') return { real: false };
  if (text === 'real') return { real: true };
  if (text.startsWith('real=') && text.length > 'real='.length) {
    return { real: true, dir: text.slice('real='.length) };
  }
  throw new Error(`--console: "${text}" is neither shell nor real[=DIR]`);
};

export type DemoCommand =
  | { kind: 'help' }
  | { kind: 'shell'; options: DemoOptions }
  | { kind: 'real-console'; options: RealConsoleDemoOptions };

/** Reads `npm run demo`'s arguments; throws one clear sentence for a bad combination. */
export const parseDemoCommand = (args: string[], env: NodeJS.ProcessEnv = {}): DemoCommand => {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string' },
      port: { type: 'string', default: '9000' },
      'sandbox-port': { type: 'string', default: '8001' },
      api: { type: 'string' },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      load: { type: 'string' },
      save: { type: 'string' },
      delay: { type: 'string' },
      kubeconfig: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'no-prometheus': { type: 'boolean', default: false },
      console: { type: 'string', default: 'shell' },
      'console-version': { type: 'string' },
      user: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { kind: 'help' };
  if (values.token !== undefined) {
    throw new Error(
      `--token puts the token on the command line, where anyone on this machine can read it (ps); ` +
        `use --token-file F or the environment variable ${TOKEN_ENV}`,
    );
  }
  if (values.api && (values.scenario || values.load || values.save || values.delay)) {
    throw new Error('--scenario, --load, --save and --delay apply to the sandbox, not to --api');
  }
  if (values.scenario && values.load) throw new Error('--scenario and --load exclude each other');
  if (values['token-file'] !== undefined && !values.api) {
    throw new Error('--token-file needs --api');
  }
  const consoleKind = parseConsoleKind(values.console);
  if (!consoleKind.real && (values['console-version'] || values.user)) {
    throw new Error('--console-version and --user apply to --console real');
  }
  const sandbox = {
    sandboxPort: wholeNumber('--sandbox-port', values['sandbox-port'], 65535),
    scenario: values.scenario,
    loadFile: values.load,
    saveFile: values.save,
    reconfigureDelayMs:
      values.delay === undefined ? undefined : wholeNumber('--delay', values.delay, 600_000),
    // The same file as `npm run sandbox`, so a presenter's KUBECONFIG keeps working.
    kubeconfigPath: values.kubeconfig ?? join(__dirname, '..', '.sandbox-kubeconfig'),
  };
  const port = wholeNumber('--port', values.port, 65535);
  const build = values['no-build'] ? 'never' : 'always';
  const prometheus: PrometheusMode = values['no-prometheus'] ? 'off' : 'if-installed';
  if (!consoleKind.real) {
    const api = values.api;
    const token = api ? readToken(values['token-file'], env) : undefined;
    return { kind: 'shell', options: { port, api, token, build, prometheus, ...sandbox } };
  }
  if (values.api) {
    throw new Error(
      "--console real runs against the sandbox only: the real console's start script takes the " +
        'token on its command line, where anyone on this machine can read it (ps)',
    );
  }
  const version = values['console-version'] ?? '4.19';
  if (!REAL_CONSOLE_VERSIONS.includes(version as RealConsoleVersion)) {
    throw new Error(`--console-version: "${version}" is not ${REAL_CONSOLE_VERSIONS.join(' or ')}`);
  }
  const user = values.user ?? 'admin';
  if (!isDemoUser(user)) {
    throw new Error(`--user: "${user}" is not one of ${DEMO_USERS.join(', ')}`);
  }
  return {
    kind: 'real-console',
    options: {
      ...sandbox,
      port,
      build,
      prometheus,
      consoleDir: consoleKind.dir,
      version: version as RealConsoleVersion,
      user,
    },
  };
};

/** The sandbox's users: cluster admin, the chart's viewer, a project-scoped data scientist. */
const DEMO_USERS = ['admin', 'viewer', 'data-scientist'] as const;
const isDemoUser = (user: string): user is (typeof DEMO_USERS)[number] =>
  (DEMO_USERS as readonly string[]).includes(user);

const printSandbox = (sandbox: RunningSandbox, scenario: string | undefined) => {
  console.log(`Sandbox API:            ${sandbox.url} (scenario ${scenario ?? 'seed'})`);
  console.log(`kubectl:                export KUBECONFIG=${sandbox.kubeconfigPath}`);
};

/** One line: where Prometheus runs, or why slice use will not be shown. */
export const printPrometheus = (prometheus?: RunningPrometheus, problem?: string) => {
  console.log(
    prometheus
      ? `Prometheus:             ${prometheus.url} (scrapes the sandbox's DCGM exporter every ${prometheus.scrapeIntervalSeconds} s)`
      : `Prometheus:             not started: ${problem ?? 'unknown reason'}; slice use is not shown`,
  );
};

const startFromCommand = async (
  command: Exclude<DemoCommand, { kind: 'help' }>,
): Promise<{ close(): Promise<void> }> => {
  if (command.kind === 'real-console') {
    const { options } = command;
    // Say what is missing before a minute of building.
    const problem = realConsoleProblem(options.consoleDir, options.version);
    if (problem) throw new Error(problem);
    console.log(
      options.build === 'never'
        ? 'Starting the real OpenShift console…'
        : 'Building the production plugin (dist/), then starting the real OpenShift console…',
    );
    const demo = await startRealConsoleDemo(options);
    console.log('');
    console.log(`GPU Partitioning in the OpenShift console ${demo.console.version}:`);
    console.log(`                        ${demo.url}/gpu-partitioning`);
    console.log(`Plugin (dist/):         ${demo.pluginURL}/plugin-manifest.json`);
    printSandbox(demo.sandbox, options.scenario);
    printPrometheus(demo.prometheus, demo.prometheusProblem);
    console.log(
      `User:                   ${options.user ?? 'admin'} (restart with --user to switch; first visit: "Skip tour")`,
    );
    return demo;
  }
  const { options } = command;
  if (options.build !== 'never') console.log('Building the host bundle (host/dist)…');
  const demo = await startDemo(options);
  console.log('');
  console.log(`GPU Partitioning demo:  ${demo.url}/gpu-partitioning`);
  if (demo.sandbox) {
    printSandbox(demo.sandbox, options.scenario);
    printPrometheus(demo.prometheus, demo.prometheusProblem);
    console.log(
      `Users:                  ${DEMO_USERS.join(', ')} (admin first), switched in the banner`,
    );
  } else {
    console.log(`Kubernetes API:         ${options.api}`);
  }
  return demo;
};

const main = async () => {
  const command = parseDemoCommand(process.argv.slice(2), process.env);
  if (command.kind === 'help') {
    console.log(USAGE);
    return;
  }
  const demo = await startFromCommand(command);
  console.log('Press Ctrl+C to stop.');
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    demo.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
