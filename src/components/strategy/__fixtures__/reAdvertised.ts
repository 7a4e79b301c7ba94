import type { NodeKind } from '../../../cluster/models';

/** A node as GFD and the device plugin leave it once they re-advertised it under `single`. */
export const reAdvertisedUnderSingle = (
  node: NodeKind,
  product: string,
  allocatable: Record<string, string>,
): NodeKind => ({
  ...node,
  metadata: {
    ...node.metadata,
    // Node views are rebuilt when the resourceVersion moves.
    resourceVersion: '2002',
    labels: {
      ...node.metadata?.labels,
      'nvidia.com/mig.strategy': 'single',
      'nvidia.com/gpu.product': product,
    },
  },
  status: { ...node.status, allocatable: { cpu: '31500m', ...allocatable } },
});
