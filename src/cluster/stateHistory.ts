/**
 * What the plugin has seen of each node's `nvidia.com/mig.config.state` while the page is open:
 * the GPU tab's history, and the last resort for "pending since" when the cluster recorded no time
 * (`metadata.managedFields`, see `managedFields.ts`). Plain object, no React: the hooks feed it
 * and subscribe to it.
 */
import type { MigConfigState } from './types';

export interface MigStateTransition {
  state: MigConfigState;
  /** The `nvidia.com/mig.config` value at that moment. */
  migConfig?: string;
  /** ISO time the plugin observed the change (not when it happened on the node). */
  observedAt: string;
}

/** Kept per node; older transitions are dropped. */
export const MAX_TRANSITIONS_PER_NODE = 50;

export class MigStateHistory {
  private readonly transitions = new Map<string, MigStateTransition[]>();

  private readonly listeners = new Set<() => void>();

  /** Records the state if it differs from the last one seen for the node. Returns true on change. */
  observe(
    nodeName: string,
    state: MigConfigState,
    migConfig: string | undefined,
    now: Date,
  ): boolean {
    const list = this.transitions.get(nodeName) ?? [];
    const last = list[list.length - 1];
    if (last && last.state === state && last.migConfig === migConfig) return false;
    const entry: MigStateTransition = { state, observedAt: now.toISOString() };
    if (migConfig !== undefined) entry.migConfig = migConfig;
    const next = [...list, entry].slice(-MAX_TRANSITIONS_PER_NODE);
    this.transitions.set(nodeName, next);
    this.listeners.forEach((listener) => listener());
    return true;
  }

  history(nodeName: string): MigStateTransition[] {
    return this.transitions.get(nodeName) ?? [];
  }

  /**
   * When the node's current `pending` run began as far as we know: the observation time of the
   * earliest `pending` in the trailing run of pending entries (a config change while pending
   * keeps the original start; the mig-manager's timeouts run from the first change).
   */
  pendingSince(nodeName: string): string | undefined {
    const list = this.history(nodeName);
    let since: string | undefined;
    for (let index = list.length - 1; index >= 0 && list[index].state === 'pending'; index -= 1) {
      since = list[index].observedAt;
    }
    return since;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  clear(): void {
    this.transitions.clear();
    this.listeners.forEach((listener) => listener());
  }
}

/** One store for the whole console session, shared by the overview and the node tab. */
export const migStateHistory = new MigStateHistory();
