import * as React from 'react';
import type { DeviceUse } from '../../cluster/instanceUsage';
import type { GpuNodeView } from '../../cluster/types';
import { type InstanceUsage, useMigInstanceUsage } from '../../hooks/useMigInstanceUsage';

/**
 * Slice use for everything under the GPU Partitioning page (and a node's GPU tab): one poll of
 * Prometheus for the Overview's card and every slice map. Undefined outside a provider, where
 * slice maps draw as before.
 */
const InstanceUsageContext = React.createContext<InstanceUsage | undefined>(undefined);

export const InstanceUsageProvider = ({
  nodes,
  onlyNode,
  children,
}: {
  nodes: readonly GpuNodeView[];
  /** Ask Prometheus for this node's series only (a node's GPU tab). */
  onlyNode?: string;
  children: React.ReactNode;
}) => {
  const usage = useMigInstanceUsage(nodes, onlyNode);
  return <InstanceUsageContext.Provider value={usage}>{children}</InstanceUsageContext.Provider>;
};

export const useInstanceUsage = (): InstanceUsage | undefined =>
  React.useContext(InstanceUsageContext);

/** The exporter's reading of one drawn instance, when slice use is known. */
export const useInstanceUse = (instanceId: string | undefined): DeviceUse | undefined => {
  const usage = useInstanceUsage();
  if (!instanceId || usage?.status !== 'ready') return undefined;
  return usage.index.byInstance.get(instanceId);
};
