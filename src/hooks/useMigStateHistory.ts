import * as React from 'react';
import { migStateHistory, type MigStateTransition } from '../cluster/stateHistory';

export interface MigStateHistoryResult {
  /** Oldest first; only what this browser tab has seen since it loaded the plugin. */
  transitions: MigStateTransition[];
  /** Start of the current `pending` run as observed, if pending. */
  pendingSince?: string;
}

/**
 * The `nvidia.com/mig.config.state` transitions of one node as far as observed while the console
 * is open. The overview and the node view record them (`useGpuNodeViews`, `useGpuNodeView`); this
 * hook only reads and re-renders on new transitions.
 */
export const useMigStateHistory = (nodeName: string | undefined): MigStateHistoryResult => {
  const [, setVersion] = React.useState(0);
  React.useEffect(() => migStateHistory.subscribe(() => setVersion((version) => version + 1)), []);
  const transitions = nodeName ? migStateHistory.history(nodeName) : [];
  const pendingSince = nodeName ? migStateHistory.pendingSince(nodeName) : undefined;
  return { transitions, ...(pendingSince ? { pendingSince } : {}) };
};
