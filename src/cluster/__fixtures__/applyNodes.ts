/**
 * Nodes and views for the apply-flow tests: the seed article's A30 workers with MIG disabled
 * (`all-disabled`, state success, one whole GPU advertised), optionally with a GPU pod.
 */
import { builtInMigConfig } from '../configSource';
import type { NodeKind } from '../models';
import { buildGpuNodeView } from '../nodeView';
import { gpuPodUsage } from '../pods';
import type { GpuNodeView, GpuPodUsage } from '../types';
import type { MigStrategy } from '../../geometry/types';
import { a30AllBalancedNode, gpuPod } from './nodes';

export const BUILT_IN_SOURCE = {
  config: builtInMigConfig(),
  view: { kind: 'default' as const, configMapName: 'default-mig-parted-config' },
};

/** An A30 worker with MIG off (the article's starting point). */
export function a30DisabledNode(
  name: string,
  labels: Record<string, string | undefined> = {},
): NodeKind {
  const base = a30AllBalancedNode();
  const merged: Record<string, string | undefined> = {
    ...base.metadata?.labels,
    'kubernetes.io/hostname': name,
    'nvidia.com/mig.strategy': 'single',
    'nvidia.com/mig.config': 'all-disabled',
    'nvidia.com/mig.config.state': 'success',
    'nvidia.com/gpu.replicas': '1',
    'nvidia.com/mig-1g.6gb.count': undefined,
    'nvidia.com/mig-1g.6gb.memory': undefined,
    'nvidia.com/mig-1g.6gb.product': undefined,
    'nvidia.com/mig-2g.12gb.count': undefined,
    'nvidia.com/mig-2g.12gb.memory': undefined,
    'nvidia.com/mig-2g.12gb.product': undefined,
    ...labels,
  };
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged)) if (value !== undefined) clean[key] = value;
  return {
    ...base,
    metadata: {
      ...base.metadata,
      name,
      labels: clean,
      annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
    },
    status: {
      capacity: { cpu: '32', 'nvidia.com/gpu': '1' },
      allocatable: { cpu: '31500m', 'nvidia.com/gpu': '1' },
    },
  };
}

export function viewOf(
  node: NodeKind,
  strategy: MigStrategy,
  pods: GpuPodUsage[] = [],
): GpuNodeView {
  return buildGpuNodeView({
    node,
    pods,
    strategy,
    configSource: BUILT_IN_SOURCE,
    now: new Date('2026-09-01T10:00:00Z'),
  });
}

/** A running pod holding the whole GPU of `nodeName`. */
export function wholeGpuPod(name: string, nodeName: string): GpuPodUsage {
  const usage = gpuPodUsage(gpuPod(name, nodeName, { 'nvidia.com/gpu': '1' }));
  if (!usage) throw new Error('fixture pod holds no GPU');
  return usage;
}

/** An A100 80GB node with eight GPUs, MIG off, advertising eight whole GPUs. */
export function a100x8DisabledNode(name: string): NodeKind {
  const base = a30DisabledNode(name, {
    'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB',
    'nvidia.com/gpu.count': '8',
    'nvidia.com/gpu.memory': '81920',
    'nvidia.com/mig.strategy': 'mixed',
  });
  return {
    ...base,
    status: {
      capacity: { cpu: '64', 'nvidia.com/gpu': '8' },
      allocatable: { cpu: '63500m', 'nvidia.com/gpu': '8' },
    },
  };
}

/** A running pod holding `count` whole GPUs of `nodeName`. */
export function wholeGpusPod(name: string, nodeName: string, count: number): GpuPodUsage {
  const usage = gpuPodUsage(gpuPod(name, nodeName, { 'nvidia.com/gpu': String(count) }));
  if (!usage) throw new Error('fixture pod holds no GPU');
  return usage;
}
