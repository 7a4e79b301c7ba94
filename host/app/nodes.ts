import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';

export const NODE_GVK = { version: 'v1', kind: 'Node' };

export type NodeKind = K8sResourceCommon & {
  spec?: { unschedulable?: boolean; taints?: { key: string; effect: string }[] };
  status?: {
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    nodeInfo?: { kubeletVersion?: string; osImage?: string };
  };
};

/** Ready / Not Ready / Unknown, plus "Scheduling disabled" like the console's node status. */
export const nodeStatus = (node: NodeKind): string => {
  const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready');
  const base =
    ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'Not Ready' : 'Unknown';
  return node.spec?.unschedulable ? `${base} (Scheduling disabled)` : base;
};

export const nodeRoles = (node: NodeKind): string =>
  Object.keys(node.metadata?.labels ?? {})
    .filter((label) => label.startsWith('node-role.kubernetes.io/'))
    .map((label) => label.slice('node-role.kubernetes.io/'.length))
    .sort()
    .join(', ') || '-';
