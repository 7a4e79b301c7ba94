/**
 * `npm run demo -- [--scenario NAME] [--port 9000] [--api URL] [--token T] [--load F] [--save F]
 * [--no-build]`: serves the plugin's real pages in a console-like shell on http://localhost:9000,
 * against the sandbox cluster (started here) or, with `--api`, any Kubernetes API such as
 * `kubectl proxy`. Development only.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type RunningSandbox, startSandbox } from '../sandbox/server';
import { HOST_DIST, buildHostBundle, hostBundleExists } from './build';
import { type RunningHostServer, startHostServer } from './server';

export type DemoOptions = {
  /** Host port (default 9000; 0 = any free port). */
  port?: number;
  /** Sandbox scenario (default `seed`); ignored with `api`. */
  scenario?: string;
  /** Sandbox API port (default 8001; 0 = any free port). */
  sandboxPort?: number;
  /** Use this Kubernetes API instead of starting the sandbox. */
  api?: string;
  /** Bearer token for `api` (none: `kubectl proxy` adds the credentials). */
  token?: string;
  loadFile?: string;
  saveFile?: string;
  /** Sandbox MIG reconfiguration time. */
  reconfigureDelayMs?: number;
  /** Where the sandbox writes its kubeconfig (default: a temporary file named after its port). */
  kubeconfigPath?: string;
  /** `always` rebuilds the bundle, `if-missing` only builds when there is none, `never` fails then. */
  build?: 'always' | 'if-missing' | 'never';
  /** Where the host bundle is (default host/dist). */
  bundleDir?: string;
};

export type RunningDemo = {
  url: string;
  /** The sandbox, unless the demo talks to `api`. */
  sandbox?: RunningSandbox;
  host: RunningHostServer;
  close(): Promise<void>;
};

export const startDemo = async (options: DemoOptions = {}): Promise<RunningDemo> => {
  const bundleDir = options.bundleDir ?? HOST_DIST;
  const build = options.build ?? 'if-missing';
  if (build === 'always' || (build === 'if-missing' && !hostBundleExists(bundleDir))) {
    await buildHostBundle(bundleDir);
  }
  const sandbox = options.api
    ? undefined
    : await startSandbox({
        port: options.sandboxPort ?? 8001,
        scenario: options.scenario,
        loadFile: options.loadFile,
        saveFile: options.saveFile,
        reconfigureDelayMs: options.reconfigureDelayMs,
        kubeconfigPath: options.kubeconfigPath,
      });
  try {
    const host = await startHostServer({
      port: options.port ?? 9000,
      staticDir: bundleDir,
      apiURL: options.api ?? sandbox!.url,
      users: sandbox
        ? { admin: sandbox.adminToken, viewer: sandbox.viewerToken }
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
      close: async () => {
        await host.close();
        await sandbox?.close();
      },
    };
  } catch (error) {
    await sandbox?.close();
    throw error;
  }
};

const USAGE = `Usage: npm run demo -- [options]
  --scenario NAME   sandbox scenario: seed (default), mixed-fleet, single-invalid, large
  --port N          host port (default 9000)
  --sandbox-port N  sandbox API port (default 8001)
  --api URL         use this Kubernetes API instead of the sandbox (e.g. kubectl proxy)
  --token T         bearer token for --api
  --load F          restore a sandbox state saved with --save
  --save F          save the sandbox state to F on exit
  --delay MS        how long a simulated MIG reconfiguration takes (default 2000)
  --kubeconfig F    where the sandbox writes its kubeconfig (default .sandbox-kubeconfig)
  --no-build        serve the existing host bundle (host/dist) without rebuilding`;

const wholeNumber = (flag: string, text: string, max: number): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new Error(`${flag}: "${text}" is not a whole number from 0 to ${max}`);
  }
  return value;
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      port: { type: 'string', default: '9000' },
      'sandbox-port': { type: 'string', default: '8001' },
      api: { type: 'string' },
      token: { type: 'string' },
      load: { type: 'string' },
      save: { type: 'string' },
      delay: { type: 'string' },
      kubeconfig: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.api && (values.scenario || values.load || values.save || values.delay)) {
    throw new Error('--scenario, --load, --save and --delay apply to the sandbox, not to --api');
  }
  if (values.scenario && values.load) throw new Error('--scenario and --load exclude each other');
  if (values.token && !values.api) throw new Error('--token needs --api');
  if (!values['no-build']) console.log('Building the host bundle (host/dist)…');
  const demo = await startDemo({
    port: wholeNumber('--port', values.port, 65535),
    sandboxPort: wholeNumber('--sandbox-port', values['sandbox-port'], 65535),
    scenario: values.scenario,
    api: values.api,
    token: values.token,
    loadFile: values.load,
    saveFile: values.save,
    reconfigureDelayMs:
      values.delay === undefined ? undefined : wholeNumber('--delay', values.delay, 600_000),
    // The same file as `npm run sandbox`, so a presenter's KUBECONFIG keeps working.
    kubeconfigPath: values.kubeconfig ?? join(__dirname, '..', '.sandbox-kubeconfig'),
    build: values['no-build'] ? 'never' : 'always',
  });
  console.log('');
  console.log(`GPU Partitioning demo:  ${demo.url}/gpu-partitioning`);
  if (demo.sandbox) {
    console.log(
      `Sandbox API:            ${demo.sandbox.url} (scenario ${values.scenario ?? 'seed'})`,
    );
    console.log(`kubectl:                export KUBECONFIG=${demo.sandbox.kubeconfigPath}`);
    console.log('Users:                  admin (default) and viewer, switched in the banner');
  } else {
    console.log(`Kubernetes API:         ${values.api}`);
  }
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
