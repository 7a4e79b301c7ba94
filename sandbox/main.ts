/**
 * `npm run sandbox -- [--port N] [--host H] [--scenario NAME|FILE] [--load FILE] [--save FILE]
 * [--delay MS] [--reboot] [--kubeconfig FILE] [--cors-allowed-origins LIST]`: runs the sandbox API
 * server until interrupted.
 */
import { join } from 'node:path';
import { startSandbox, type SandboxOptions } from './server';

const USAGE = `usage: npm run sandbox -- [options]
  --port N            port to listen on (default 8001; 0 = any free port)
  --host H            interface to bind (default 127.0.0.1)
  --scenario NAME     seed (default), mixed-fleet, single-invalid, large, or a path to a YAML file
  --load FILE         restore a state saved with --save (instead of a scenario)
  --save FILE         write the state to FILE on exit (Ctrl-C / SIGTERM)
  --delay MS          how long a MIG reconfiguration takes (default 2000)
  --reboot            pass MIG mode changes through the 'rebooting' state (WITH_REBOOT=true)
  --kubeconfig FILE   where to write the kubeconfig (default .sandbox-kubeconfig in the repository)
  --cors-allowed-origins LIST
                      comma-separated browser origins (e.g. http://localhost:9000) allowed to call
                      the API from their pages (default none: the demo host and the console proxy)`;

/** Origins as browsers send them: scheme, host and port only, e.g. `http://localhost:9000`. */
function originList(flag: string, text: string): string[] {
  return text.split(',').map((entry) => {
    const origin = entry.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin) {
      throw new Error(`${flag}: "${origin}" is not an origin such as http://localhost:9000`);
    }
    return origin;
  });
}

function parseArguments(argv: string[]): SandboxOptions {
  const options: SandboxOptions = {
    port: 8001,
    kubeconfigPath: join(__dirname, '..', '.sandbox-kubeconfig'),
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = (): string => {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--'))
        throw new Error(`${flag} needs a value\n${USAGE}`);
      index += 1;
      return next;
    };
    const number = (text: string, min: number, max: number): number => {
      const parsed = Number(text);
      if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
        throw new Error(`${flag}: "${text}" is not a whole number from ${min} to ${max}`);
      }
      return parsed;
    };
    switch (flag) {
      case '--port':
        options.port = number(value(), 0, 65535);
        break;
      case '--host':
        options.host = value();
        break;
      case '--scenario':
        options.scenario = value();
        break;
      case '--load':
        options.loadFile = value();
        break;
      case '--save':
        options.saveFile = value();
        break;
      case '--delay':
        options.reconfigureDelayMs = number(value(), 0, 600_000);
        break;
      case '--reboot':
        options.rebootOnModeChange = true;
        break;
      case '--kubeconfig':
        options.kubeconfigPath = value();
        break;
      case '--cors-allowed-origins':
        options.corsAllowedOrigins = originList(flag, value());
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  if (options.loadFile && options.scenario)
    throw new Error('--load and --scenario cannot be combined');
  return options;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const started = Date.now();
  const sandbox = await startSandbox(options);
  const nodes = sandbox.store.count('nodes');
  console.log(
    `Sandbox API server listening on ${sandbox.url} (${nodes} nodes, ready in ${Date.now() - started} ms)`,
  );
  console.log(`Metrics (DCGM exporter, Prometheus text format): ${sandbox.metricsUrl}`);
  console.log(
    `Source: ${options.loadFile ? `state file ${options.loadFile}` : `scenario ${options.scenario ?? 'seed'}`}`,
  );
  console.log(
    `Kubeconfig: ${sandbox.kubeconfigPath} (contexts sandbox-admin [current], sandbox-viewer, sandbox-data-scientist)`,
  );
  console.log(`  export KUBECONFIG=${sandbox.kubeconfigPath}`);
  console.log('  kubectl get nodes');
  console.log(
    `Tokens: admin ${sandbox.adminToken}, viewer ${sandbox.viewerToken}, data scientist ${sandbox.dataScientistToken}`,
  );
  if (options.saveFile) console.log(`State will be saved to ${options.saveFile} on exit.`);
  const shutdown = (signal: string) => {
    console.log(
      `\n${signal}: stopping the sandbox${options.saveFile ? ` and saving to ${options.saveFile}` : ''}`,
    );
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`sandbox: ${(error as Error).message}`);
  process.exit(1);
});
