import * as React from 'react';
import type { DeviceUse } from '../../cluster/instanceUsage';
import type { GpuNodeView } from '../../cluster/types';
import { type InstanceUsage, useMigInstanceUsage } from '../../hooks/useMigInstanceUsage';

/**
 * Slice use for everything under the GPU Partitioning page: one poll of Prometheus for the
 * Overview's card and every slice map. Undefined outside the provider (the node tab, previews,
 * the designer), where slice maps draw as before.
 */
const InstanceUsageContext = React.createContext<InstanceUsage | undefined>(undefined);

export const InstanceUsageProvider = ({
  nodes,
  children,
}: {
  nodes: readonly GpuNodeView[];
  children: React.ReactNode;
}) => {
  const usage = useMigInstanceUsage(nodes);
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
