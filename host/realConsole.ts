/**
 * The real OpenShift console (bridge + frontend, built from openshift/console) for development:
 * finds it beside the repository (`../shared/real-console`) or in a directory given, runs its
 * `start` script in front of a Kubernetes API with our plugin enabled, waits until it answers,
 * and stops it with its whole process group. Development only (the real-console suite in
 * e2e/real-console and `npm run demo`); never imported from src/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

/** Where a checkout of this project finds the real console: `../shared/real-console`. */
export const DEFAULT_REAL_CONSOLE_DIR = resolve(__dirname, '..', '..', 'shared', 'real-console');

/** The console versions the `start` script knows (4.19 is the SDK's floor). */
export type RealConsoleVersion = '4.19' | '4.22';
export const REAL_CONSOLE_VERSIONS: readonly RealConsoleVersion[] = ['4.19', '4.22'];

export type RealConsoleInstall = {
  dir: string;
  /** The `start` script beside the version folders. */
  startScript: string;
  /** Versions present (a folder with `bridge.xz`). */
  versions: RealConsoleVersion[];
};

/** Either the console, or `undefined` and one sentence saying why it is not usable. */
export type RealConsoleLookup =
  { install: RealConsoleInstall; reason?: undefined } | { install: undefined; reason: string };

/** Looks for the real console in `dir` (default `../shared/real-console` beside the repo). */
export const findRealConsole = (dir: string = DEFAULT_REAL_CONSOLE_DIR): RealConsoleLookup => {
  const absolute = resolve(dir);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    return { install: undefined, reason: `no real OpenShift console at ${absolute}` };
  }
  const startScript = join(absolute, 'start');
  if (!existsSync(startScript)) {
    return { install: undefined, reason: `${absolute} has no start script` };
  }
  const present = new Set(readdirSync(absolute));
  const versions = REAL_CONSOLE_VERSIONS.filter(
    (version) => present.has(version) && existsSync(join(absolute, version, 'bridge.xz')),
  );
  if (versions.length === 0) {
    return {
      install: undefined,
      reason: `${absolute} holds no console version (${REAL_CONSOLE_VERSIONS.join(', ')})`,
    };
  }
  return { install: { dir: absolute, startScript, versions } };
};

export type RealConsoleOptions = {
  /** The console's directory (default `../shared/real-console`). */
  dir?: string;
  /** Port on 127.0.0.1 (0 or absent: any free port). */
  port?: number;
  /** The Kubernetes API (the sandbox's URL, or `kubectl proxy`). */
  api: string;
  /** Bearer token sent for every user request (the sandbox's admin or viewer token). */
  token: string;
  /** Plugins by name, each with the URL that serves its `plugin-manifest.json`. */
  plugins: Record<string, string>;
  version?: RealConsoleVersion;
  /** A Prometheus-compatible query API the console proxies `/api/prometheus/` to. */
  thanos?: string;
  /** How long to wait for the console to answer (default 120 s: the first start unpacks it). */
  startTimeoutMs?: number;
};

export type RunningRealConsole = {
  url: string;
  port: number;
  version: RealConsoleVersion;
  /** Everything the start script and the bridge printed so far. */
  output(): string;
  close(): Promise<void>;
};

/** A port that was free a moment ago (the bridge needs a number; it cannot take 0). */
export const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });

const startArguments = (options: RealConsoleOptions, port: number, version: string): string[] => {
  const args = ['--port', String(port), '--api', options.api, '--token', options.token];
  for (const [name, url] of Object.entries(options.plugins))
    args.push('--plugin', `${name}=${url}`);
  args.push('--version', version);
  if (options.thanos) args.push('--thanos', options.thanos);
  return args;
};

/** Ends the start script and the bridge (and an unpacking `xz`/`tar`) by their process group. */
const stopGroup = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  signalGroup('SIGTERM');
  const killTimer = setTimeout(() => signalGroup('SIGKILL'), 5000);
  await exited;
  clearTimeout(killTimer);
};

const answers = async (url: string): Promise<boolean> => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
};

/** Polls the console until its index page answers, the process exits, or time runs out. */
const waitUntilAnswering = async (
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the real console exited (${child.exitCode ?? child.signalCode}):\n${output()}`,
      );
    }
    if (await answers(url)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the real console did not answer at ${url} in ${timeoutMs} ms:\n${output()}`);
};

/** Starts the real console and resolves once it serves its page; `close()` stops it. */
export const startRealConsole = async (
  options: RealConsoleOptions,
): Promise<RunningRealConsole> => {
  const lookup = findRealConsole(options.dir);
  if (!lookup.install) throw new Error(lookup.reason);
  const version = options.version ?? '4.19';
  if (!lookup.install.versions.includes(version)) {
    throw new Error(
      `no console ${version} in ${lookup.install.dir} (have ${lookup.install.versions.join(', ')})`,
    );
  }
  const port = options.port || (await freePort());
  const child = spawn(lookup.install.startScript, startArguments(options, port, version), {
    // A process group of its own, so close() also ends the bridge the script execs and any
    // unpacking still under way.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    // The bridge logs every proxied request's failure; keep the tail only.
    log = (log + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => log;
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(url, child, options.startTimeoutMs ?? 120_000, output);
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return { url, port, version, output, close: () => stopGroup(child) };
};
