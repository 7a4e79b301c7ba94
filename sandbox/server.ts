/**
 * Starts the sandbox: an in-memory Kubernetes API server with a simulated NVIDIA GPU operator
 * (mig-manager, GPU Feature Discovery, device plugin) and a mini scheduler, loaded from a scenario
 * or a saved state. Development only: used by `npm run sandbox`, `npm run demo` and the tests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServer } from './apiServer';
import { ADMIN_TOKEN, DATA_SCIENTIST_TOKEN, VIEWER_TOKEN } from './auth';
import { installBootstrapPolicy } from './bootstrapPolicy';
import { writeKubeconfig } from './kubeconfig';
import { createDualProtocolServer } from './listener';
import { GpuOperatorSimulation, operatorValidators, type HardwareSnapshot } from './operator';
import { metricsPage } from './metricsPage';
import { PodLogs } from './podLogs';
import { TypeRegistry } from './registry';
import { buildCluster, loadScenario } from './scenario';
import { MiniScheduler } from './scheduler';
import { CLUSTER_ROLES } from './rbac';
import { ObjectStore, type StoreSnapshot } from './store';

export interface SandboxOptions {
  /** Port to listen on (default 8001; 0 = any free port). */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Scenario name (`seed`, `mixed-fleet`, ...) or path to a scenario YAML file (default `seed`). */
  scenario?: string;
  /** Restore a state saved with `saveFile` instead of loading a scenario. */
  loadFile?: string;
  /** Write the state here on close. */
  saveFile?: string;
  /** How long a simulated MIG reconfiguration takes (default 2000 ms). */
  reconfigureDelayMs?: number;
  /** Where to write the kubeconfig (default: a file in the OS temp directory named after the port). */
  kubeconfigPath?: string;
  /** Pass MIG mode changes through the `rebooting` state, as with `WITH_REBOOT=true`. */
  rebootOnModeChange?: boolean;
  /** Changes kept for watches that resume from a resourceVersion (default 10000). */
  watchHistoryLimit?: number;
  /** Interval of BOOKMARK events on watches with `allowWatchBookmarks=true` (default 60 s). */
  bookmarkIntervalMs?: number;
  /** Browser origins allowed to call the API across origins (default none; see ApiServerOptions). */
  corsAllowedOrigins?: string[];
}

export interface RunningSandbox {
  /** Plain HTTP (browsers, the development host, scripts). */
  url: string;
  /** The simulated DCGM exporter and cluster metrics for Prometheus to scrape (`url` + `/metrics`). */
  metricsUrl: string;
  /** The same port over TLS, which kubectl needs to send a token; the kubeconfig uses it. */
  secureUrl: string;
  /** PEM of the sandbox's self-signed certificate (trust it to use `secureUrl`). */
  caCertificate: string;
  port: number;
  adminToken: string;
  viewerToken: string;
  /** `sandbox-data-scientist` (group `data-scientists`): edit in the project `team-a` only. */
  dataScientistToken: string;
  kubeconfigPath: string;
  /** The object store (for tests and benchmarks: read or seed state without HTTP). */
  store: ObjectStore;
  /** The simulated GPU operator (hardware state, pending reconfigurations). */
  operator: GpuOperatorSimulation;
  /** Writes the current state to a file (as `saveFile` does on close). */
  save(file: string): void;
  close(): Promise<void>;
}

/** What `--save` writes: API objects, container logs and the simulated GPUs' actual state. */
interface SavedState {
  format: 'gpu-partitioning-sandbox-state/v1';
  store: StoreSnapshot;
  logs: Record<string, string[]>;
  hardware: HardwareSnapshot;
}

function readSavedState(file: string): SavedState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read saved sandbox state: ${(error as Error).message}`);
  }
  const state = parsed as Partial<SavedState>;
  if (state.format !== 'gpu-partitioning-sandbox-state/v1' || !state.store || !state.hardware) {
    throw new Error(
      `${file}: not a sandbox state file (expected format gpu-partitioning-sandbox-state/v1)`,
    );
  }
  return state as SavedState;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const store = new ObjectStore(options.watchHistoryLimit);
  const logs = new PodLogs();
  const registry = new TypeRegistry(store);
  const operator = new GpuOperatorSimulation({
    store,
    logs,
    reconfigureDelayMs: options.reconfigureDelayMs ?? 2000,
    rebootOnModeChange: options.rebootOnModeChange ?? false,
  });
  const scheduler = new MiniScheduler(store);

  if (options.loadFile) {
    const state = readSavedState(options.loadFile);
    store.restore(state.store);
    logs.restore(state.logs);
    operator.restore(state.hardware);
    // A state saved before the sandbox had RBAC: give its users their rights.
    if (store.count(CLUSTER_ROLES) === 0) installBootstrapPolicy(store);
  } else {
    const scenario = loadScenario(options.scenario ?? 'seed');
    buildCluster(scenario, { store, logs, operator });
  }
  operator.start();
  scheduler.start();

  const api = new ApiServer({
    store,
    registry,
    logs,
    validators: operatorValidators(),
    bookmarkIntervalMs: options.bookmarkIntervalMs,
    corsAllowedOrigins: options.corsAllowedOrigins,
    metricsPage: () => metricsPage(store, operator),
  });
  const host = options.host ?? '127.0.0.1';
  const server = await createDualProtocolServer(api.handle, host, api.handleUpgrade);
  const port = await server.listen(options.port ?? 8001, host);
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostInUrl}:${port}`;
  const secureUrl = `https://${hostInUrl}:${port}`;
  const kubeconfigPath =
    options.kubeconfigPath ?? join(tmpdir(), `gpu-partitioning-sandbox-${port}.kubeconfig`);
  writeKubeconfig(kubeconfigPath, secureUrl, server.certificate);

  const save = (file: string): void => {
    const state: SavedState = {
      format: 'gpu-partitioning-sandbox-state/v1',
      store: store.snapshot(),
      logs: logs.snapshot(),
      hardware: operator.snapshot(),
    };
    writeFileSync(file, `${JSON.stringify(state)}\n`);
  };

  let closed: Promise<void> | undefined;
  return {
    url,
    metricsUrl: `${url}/metrics`,
    port,
    secureUrl,
    caCertificate: server.certificate,
    adminToken: ADMIN_TOKEN,
    viewerToken: VIEWER_TOKEN,
    dataScientistToken: DATA_SCIENTIST_TOKEN,
    kubeconfigPath,
    store,
    operator,
    save,
    close: () => {
      closed ??= (async () => {
        operator.stop();
        scheduler.stop();
        if (options.saveFile) save(options.saveFile);
        await api.closeStreams();
        await server.close();
      })();
      return closed;
    },
  };
}
