/**
 * A fragmented A100 40GB for the fragmentation views: a 2g in use at units 0–1 and a free 1g at
 * unit 2 (as the driver places `2g.10gb: 1, 1g.5gb: 1`) leave units 3–7 and 4 compute slices
 * unallocated: a 3g.20gb still fits at unit 4, but a 4g.20gb, which can only start at unit 0, no
 * longer does.
 */
import type { GpuNodeView } from '../../../cluster/types';
import { makeNode } from './gpuNodeViews';

export const fragmentedA100: GpuNodeView = makeNode({
  name: 'gpu-a100-fragmented',
  migConfig: 'two-and-one',
  strategyLabel: 'mixed',
  allocatable: { 'nvidia.com/mig-1g.5gb': 1, 'nvidia.com/mig-2g.10gb': 1 },
  inUse: { 'nvidia.com/mig-2g.10gb': 1 },
  pods: [
    {
      name: 'trainer-0',
      namespace: 'team-b',
      nodeName: 'gpu-a100-fragmented',
      phase: 'Running',
      resources: { 'nvidia.com/mig-2g.10gb': 1 },
    },
  ],
  gpus: [
    {
      index: 0,
      migEnabled: true,
      state: 'applied',
      notCovered: false,
      instances: [
        {
          id: 'f0-a',
          profile: '2g.10gb',
          start: 0,
          size: 2,
          computeSlices: 2,
          resourceName: 'nvidia.com/mig-2g.10gb',
          inUse: true,
          podName: 'trainer-0',
          podNamespace: 'team-b',
        },
        {
          id: 'f0-b',
          profile: '1g.5gb',
          start: 2,
          size: 1,
          computeSlices: 1,
          resourceName: 'nvidia.com/mig-1g.5gb',
          inUse: false,
        },
      ],
    },
  ],
});
