/**
 * Realistic node objects for tests. The A30 node is the seed article's worker after
 * `mixed` + `all-balanced`: capacity keeps the stale `nvidia.com/gpu: 1`, allocatable says 0.
 * Label values follow GFD and the mig-manager (geometry notes sections 9 and 10).
 */
import type { ClusterPolicyKind, NodeKind, PodKind } from '../models';

export function a30AllBalancedNode(overrides: { labels?: Record<string, string> } = {}): NodeKind {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'worker1.redhat.com',
      resourceVersion: '1001',
      labels: {
        'kubernetes.io/hostname': 'worker1.redhat.com',
        'node-role.kubernetes.io/worker': '',
        'feature.node.kubernetes.io/pci-10de.present': 'true',
        'nvidia.com/gpu.present': 'true',
        'nvidia.com/gpu.product': 'NVIDIA-A30',
        'nvidia.com/gpu.count': '1',
        'nvidia.com/gpu.memory': '24576',
        'nvidia.com/gpu.family': 'ampere',
        'nvidia.com/gpu.replicas': '0',
        'nvidia.com/gpu.sharing-strategy': 'none',
        'nvidia.com/mig.capable': 'true',
        'nvidia.com/mig.strategy': 'mixed',
        'nvidia.com/mig.config': 'all-balanced',
        'nvidia.com/mig.config.state': 'success',
        'nvidia.com/mig-1g.6gb.count': '2',
        'nvidia.com/mig-1g.6gb.memory': '5836',
        'nvidia.com/mig-1g.6gb.product': 'NVIDIA-A30-MIG-1g.6gb',
        'nvidia.com/mig-2g.12gb.count': '1',
        'nvidia.com/mig-2g.12gb.memory': '11968',
        'nvidia.com/mig-2g.12gb.product': 'NVIDIA-A30-MIG-2g.12gb',
        'nvidia.com/gpu.deploy.device-plugin': 'true',
        'nvidia.com/gpu.deploy.gpu-feature-discovery': 'true',
        'nvidia.com/gpu.deploy.dcgm-exporter': 'true',
        'nvidia.com/gpu.deploy.dcgm': 'true',
        'nvidia.com/gpu.deploy.mig-manager': 'true',
        ...overrides.labels,
      },
    },
    spec: {},
    status: {
      capacity: {
        cpu: '32',
        memory: '263551340Ki',
        'nvidia.com/gpu': '1',
        'nvidia.com/mig-1g.6gb': '2',
        'nvidia.com/mig-2g.12gb': '1',
      },
      allocatable: {
        cpu: '31500m',
        memory: '262400364Ki',
        'nvidia.com/gpu': '0',
        'nvidia.com/mig-1g.6gb': '2',
        'nvidia.com/mig-2g.12gb': '1',
      },
    },
  };
}

export function gpuPod(
  name: string,
  nodeName: string,
  resources: Record<string, string>,
  extra: { phase?: string; createdAt?: string; namespace?: string } = {},
): PodKind {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: extra.namespace ?? 'sample-project',
      creationTimestamp: extra.createdAt ?? '2026-11-20T10:00:00Z',
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: `${name}-rs`,
          uid: 'u1',
          controller: true,
        },
      ],
    },
    spec: {
      nodeName,
      containers: [
        { name: 'main', resources: { requests: { cpu: '1', ...resources }, limits: resources } },
      ],
    },
    status: { phase: extra.phase ?? 'Running' },
  };
}

export function clusterPolicy(strategy: string, configName?: string): ClusterPolicyKind {
  return {
    apiVersion: 'nvidia.com/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'gpu-cluster-policy', creationTimestamp: '2026-11-01T00:00:00Z' },
    spec: {
      mig: { strategy },
      migManager: { enabled: true, config: { name: configName ?? '', default: 'all-disabled' } },
    },
    status: { state: 'ready', namespace: 'nvidia-gpu-operator' },
  };
}
