/**
 * GPU node views as GFD, the mig-manager and the device plugin leave them, for the planners'
 * tests ("can I get N × profile", make room): built through `buildGpuNodeView` with NVIDIA's
 * default mig-parted config.
 */
import { waitingGpuPods, type WaitingGpuPod } from '../availability';
import { builtInMigConfig } from '../configSource';
import type { NodeKind, PodKind } from '../models';
import { buildGpuNodeView } from '../nodeView';
import { gpuPodUsage } from '../pods';
import type { GpuPodUsage } from '../types';
import { a30AllBalancedNode, gpuPod } from './nodes';

export const builtIn = { config: builtInMigConfig(), view: { kind: 'default' as const } };
export const sources = { forNode: () => builtIn };
const now = new Date('2026-11-25T12:00:00Z');

export function a30(name: string, pods: GpuPodUsage[] = [], labels: Record<string, string> = {}) {
  const node = a30AllBalancedNode({ labels });
  node.metadata!.name = name;
  return buildGpuNodeView({ node, pods, strategy: 'mixed', configSource: builtIn, now });
}

export function usage(name: string, node: string, resource: string, count = '1'): GpuPodUsage {
  return gpuPodUsage(gpuPod(name, node, { [resource]: count }))!;
}

export interface FleetNode {
  name: string;
  product: string;
  gpus: number;
  config: string;
  state?: string;
  /** What the device plugin advertises (allocatable, whole numbers). */
  allocatable: Record<string, number>;
  cordoned?: boolean;
  pods?: GpuPodUsage[];
}

/** A GPU node as GFD, the mig-manager and the device plugin leave it (mixed strategy). */
export function fleetNode(spec: FleetNode) {
  const resources = Object.fromEntries(
    Object.entries(spec.allocatable).map(([name, value]) => [name, String(value)]),
  );
  const counts = Object.fromEntries(
    Object.entries(spec.allocatable)
      .filter(([name]) => name.startsWith('nvidia.com/mig-'))
      .map(([name, value]) => [`${name}.count`, String(value)]),
  );
  const node: NodeKind = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      resourceVersion: '1',
      labels: {
        'nvidia.com/gpu.present': 'true',
        'nvidia.com/gpu.product': spec.product,
        'nvidia.com/gpu.count': String(spec.gpus),
        'nvidia.com/mig.capable': 'true',
        'nvidia.com/mig.strategy': 'mixed',
        'nvidia.com/mig.config': spec.config,
        'nvidia.com/mig.config.state': spec.state ?? 'success',
        ...counts,
      },
    },
    spec: spec.cordoned ? { unschedulable: true } : {},
    status: { capacity: resources, allocatable: resources },
  };
  return buildGpuNodeView({
    node,
    pods: spec.pods ?? [],
    strategy: 'mixed',
    configSource: builtIn,
    now,
  });
}

export const A100_80 = 'NVIDIA-A100-SXM4-80GB';
export const A100_40 = 'NVIDIA-A100-SXM4-40GB';
export const H100 = 'NVIDIA-H100-80GB-HBM3';

export const ONE_G = 'nvidia.com/mig-1g.10gb';
export const TWO_G = 'nvidia.com/mig-2g.20gb';
export const THREE_G = 'nvidia.com/mig-3g.40gb';

/** A pod the scheduler left Pending, with its Unschedulable condition. */
export function pendingPod(
  name: string,
  resources: Record<string, string>,
  createdAt = '2026-11-25T10:00:00Z',
): PodKind {
  const pod = gpuPod(name, '', resources, { phase: 'Pending', createdAt, namespace: 'ml-team' });
  pod.status = {
    phase: 'Pending',
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message: `0/3 nodes are available: 3 Insufficient ${Object.keys(resources)[0]}.`,
      },
    ],
  };
  return pod;
}

export const waiting = (...pods: PodKind[]): WaitingGpuPod[] => waitingGpuPods(pods);

/** The demand scenario: three one-GPU A100 80GB nodes, one busy, one with an idle pod, one idle. */
export const demandFleet = () => [
  fleetNode({
    name: 'gpu-node-1',
    product: A100_80,
    gpus: 1,
    config: 'all-1g.10gb',
    allocatable: { [ONE_G]: 7 },
    pods: [usage('train-resnet', 'gpu-node-1', ONE_G)],
  }),
  fleetNode({
    name: 'gpu-node-2',
    product: A100_80,
    gpus: 1,
    config: 'all-2g.20gb',
    allocatable: { [TWO_G]: 3 },
    pods: [usage('notebook-idle', 'gpu-node-2', TWO_G)],
  }),
  fleetNode({
    name: 'gpu-node-3',
    product: A100_80,
    gpus: 1,
    config: 'all-1g.10gb',
    allocatable: { [ONE_G]: 7 },
  }),
];
