/** The sandbox cluster as both demos start it: the host's shell and the real console. */
import { type RunningSandbox, startSandbox } from '../sandbox/server';

export type DemoSandboxOptions = {
  /** Sandbox scenario (default `seed`). */
  scenario?: string;
  /** Sandbox API port (default 8001; 0 = any free port). */
  sandboxPort?: number;
  loadFile?: string;
  saveFile?: string;
  /** Sandbox MIG reconfiguration time. */
  reconfigureDelayMs?: number;
  /** Where the sandbox writes its kubeconfig (default: a temporary file named after its port). */
  kubeconfigPath?: string;
};

export const startDemoSandbox = (options: DemoSandboxOptions): Promise<RunningSandbox> =>
  startSandbox({
    port: options.sandboxPort ?? 8001,
    scenario: options.scenario,
    loadFile: options.loadFile,
    saveFile: options.saveFile,
    reconfigureDelayMs: options.reconfigureDelayMs,
    kubeconfigPath: options.kubeconfigPath,
  });
