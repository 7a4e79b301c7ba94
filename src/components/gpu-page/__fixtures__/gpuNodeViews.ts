/**
 * View-model fixtures for component tests: a small fleet covering the states the page explains.
 * Built by hand (not through the cluster layer) so component tests do not depend on its rules.
 */
import type {
  ClusterGpuSummary,
  GpuNodeView,
  GpuView,
  ProfileAvailability,
} from '../../../cluster/types';
import { findModelByProduct } from '../../../geometry/catalog';

const A100 = findModelByProduct('NVIDIA-A100-SXM4-40GB');
const H100 = findModelByProduct('NVIDIA-H100-80GB-HBM3');

const gpu = (index: number, patch: Partial<GpuView> = {}): GpuView => ({
  index,
  migEnabled: false,
  instances: [],
  state: 'applied',
  notCovered: false,
  ...patch,
});

export const makeNode = (patch: Partial<GpuNodeView> & { name: string }): GpuNodeView => ({
  product: 'NVIDIA-A100-SXM4-40GB',
  model: A100,
  gpuCount: 1,
  gpuMemoryMiB: 40960,
  migCapable: true,
  migConfigState: 'success',
  unschedulable: false,
  allocatable: {},
  capacity: {},
  gpus: [gpu(0)],
  pods: [],
  inUse: {},
  conditions: [],
  primaryState: 'applied',
  labelCounts: {},
  drift: [],
  pausedOperands: [],
  ...patch,
});

export const balancedA100 = makeNode({
  name: 'gpu-a100-balanced',
  migConfig: 'all-balanced',
  strategyLabel: 'mixed',
  allocatable: {
    'nvidia.com/mig-1g.5gb': 2,
    'nvidia.com/mig-2g.10gb': 1,
    'nvidia.com/mig-3g.20gb': 1,
  },
  inUse: { 'nvidia.com/mig-1g.5gb': 1 },
  pods: [
    {
      name: 'notebook-0',
      namespace: 'team-a',
      nodeName: 'gpu-a100-balanced',
      phase: 'Running',
      resources: { 'nvidia.com/mig-1g.5gb': 1 },
      owner: { kind: 'StatefulSet', name: 'notebook' },
    },
  ],
  gpus: [
    gpu(0, {
      migEnabled: true,
      instances: [
        {
          id: 'g0-a',
          profile: '1g.5gb',
          start: 0,
          size: 1,
          computeSlices: 1,
          resourceName: 'nvidia.com/mig-1g.5gb',
          inUse: true,
          podName: 'notebook-0',
        },
        {
          id: 'g0-b',
          profile: '1g.5gb',
          start: 1,
          size: 1,
          computeSlices: 1,
          resourceName: 'nvidia.com/mig-1g.5gb',
          inUse: false,
        },
        {
          id: 'g0-c',
          profile: '2g.10gb',
          start: 2,
          size: 2,
          computeSlices: 2,
          resourceName: 'nvidia.com/mig-2g.10gb',
          inUse: false,
        },
        {
          id: 'g0-d',
          profile: '3g.20gb',
          start: 4,
          size: 4,
          computeSlices: 3,
          resourceName: 'nvidia.com/mig-3g.20gb',
          inUse: false,
        },
      ],
    }),
  ],
});

export const failedH100 = makeNode({
  name: 'gpu-h100-failed',
  product: 'NVIDIA-H100-80GB-HBM3',
  model: H100,
  gpuMemoryMiB: 81559,
  migConfig: 'all-1g.10gb',
  migConfigState: 'failed',
  strategyLabel: 'mixed',
  primaryState: 'failed',
  conditions: [
    { kind: 'failed', severity: 'danger', facts: { code: 'failed', config: 'all-1g.10gb' } },
  ],
});

export const driftedA100 = makeNode({
  name: 'gpu-a100-drifted',
  migConfig: 'all-1g.5gb',
  strategyLabel: 'mixed',
  primaryState: 'drifted',
  expected: { 'nvidia.com/mig-1g.5gb': 7 },
  allocatable: { 'nvidia.com/mig-1g.5gb': 3 },
  drift: [{ resourceName: 'nvidia.com/mig-1g.5gb', expected: 7, allocatable: 3 }],
  conditions: [{ kind: 'drifted', severity: 'warning', facts: { code: 'drifted', drift: [] } }],
});

export const pendingA100 = makeNode({
  name: 'gpu-a100-pending',
  migConfig: 'all-2g.10gb',
  migConfigState: 'pending',
  primaryState: 'pending',
  stateSince: { at: new Date(Date.now() - 42 * 60 * 1000).toISOString(), from: 'cluster' },
  conditions: [
    {
      kind: 'stuck-pending',
      severity: 'warning',
      facts: {
        code: 'stuck-pending',
        since: new Date(Date.now() - 42 * 60 * 1000).toISOString(),
        firstSeenByPage: false,
        operandsPaused: false,
      },
    },
  ],
});

export const invalidH100 = makeNode({
  name: 'gpu-h100-invalid',
  product: 'NVIDIA-H100-80GB-HBM3-MIG-INVALID',
  model: H100,
  migConfig: 'all-balanced',
  strategyLabel: 'single',
  primaryState: 'invalid',
  conditions: [{ kind: 'single-invalid', severity: 'danger', facts: { code: 'single-invalid' } }],
});

export const unknownModel = makeNode({
  name: 'gpu-mystery',
  product: 'NVIDIA-Mystery-9000',
  model: undefined,
  gpuMemoryMiB: undefined,
  primaryState: 'disabled',
  migConfigState: 'absent',
  allocatable: { 'nvidia.com/gpu': 1 },
  conditions: [
    {
      kind: 'unknown-model',
      severity: 'info',
      facts: { code: 'model-not-in-catalog', product: 'NVIDIA-Mystery-9000' },
    },
  ],
});

export const fleet: GpuNodeView[] = [
  balancedA100,
  failedH100,
  driftedA100,
  pendingA100,
  invalidH100,
  unknownModel,
];

export const profiles: ProfileAvailability[] = [
  {
    resourceName: 'nvidia.com/mig-1g.5gb',
    profile: '1g.5gb',
    allocatable: 5,
    inUse: 1,
    free: 4,
    nodes: [
      { name: 'gpu-a100-balanced', allocatable: 2, inUse: 1, free: 1 },
      { name: 'gpu-a100-drifted', allocatable: 3, inUse: 0, free: 3 },
    ],
  },
  {
    resourceName: 'nvidia.com/mig-2g.10gb',
    profile: '2g.10gb',
    allocatable: 1,
    inUse: 1,
    free: 0,
    nodes: [{ name: 'gpu-a100-balanced', allocatable: 1, inUse: 1, free: 0 }],
  },
];

export const summary: ClusterGpuSummary = {
  strategy: 'mixed',
  totalGpus: 6,
  migEnabledGpus: 1,
  nodesByState: { success: 3, pending: 1, rebooting: 0, failed: 1, absent: 1, unknown: 0 },
  nodesByHealth: { applied: 1, pending: 1, failed: 1, drifted: 1, invalid: 1, disabled: 1 },
  profiles,
};
