import fc from 'fast-check';
import { gpuPod } from './__fixtures__/nodes';
import type { PodKind } from './models';
import { gpuPodUsage, groupGpuPodsByNode, podGpuRequests } from './pods';

describe('gpuPodUsage', () => {
  it('reads requests, node, phase and the controlling owner', () => {
    expect(gpuPodUsage(gpuPod('a', 'n1', { 'nvidia.com/mig-1g.6gb': '2' }))).toMatchObject({
      name: 'a',
      namespace: 'sample-project',
      nodeName: 'n1',
      phase: 'Running',
      resources: { 'nvidia.com/mig-1g.6gb': 2 },
      owner: { kind: 'ReplicaSet', name: 'a-rs' },
    });
  });

  it('ignores unscheduled, finished and non-GPU pods', () => {
    expect(gpuPodUsage(gpuPod('a', '', { 'nvidia.com/gpu': '1' }))).toBeUndefined();
    expect(
      gpuPodUsage(gpuPod('a', 'n1', { 'nvidia.com/gpu': '1' }, { phase: 'Succeeded' })),
    ).toBeUndefined();
    expect(
      gpuPodUsage(gpuPod('a', 'n1', { 'nvidia.com/gpu': '1' }, { phase: 'Failed' })),
    ).toBeUndefined();
    expect(gpuPodUsage(gpuPod('a', 'n1', { cpu: '1' }))).toBeUndefined();
  });

  it('uses limits when requests are absent and reports garbage quantities', () => {
    const pod: PodKind = {
      metadata: { name: 'p', namespace: 'ns' },
      spec: {
        nodeName: 'n1',
        containers: [
          { name: 'a', resources: { limits: { 'nvidia.com/gpu': '1' } } },
          { name: 'b', resources: { requests: { 'nvidia.com/mig-1g.6gb': 'abc' } } },
        ],
      },
      status: { phase: 'Pending' },
    };
    const usage = gpuPodUsage(pod);
    expect(usage?.resources).toEqual({ 'nvidia.com/gpu': 1 });
    expect(usage?.issues).toEqual([
      {
        container: 'b',
        init: false,
        resource: 'nvidia.com/mig-1g.6gb',
        quantity: { kind: 'not-a-quantity', found: "'abc'" },
      },
    ]);
  });

  it('applies the init-container rule: max(init peak, app sum + sidecars)', () => {
    const pod: PodKind = {
      spec: {
        nodeName: 'n1',
        initContainers: [
          {
            name: 'sidecar',
            restartPolicy: 'Always',
            resources: { limits: { 'nvidia.com/gpu': '1' } },
          },
          { name: 'warmup', resources: { limits: { 'nvidia.com/gpu': '3' } } },
        ],
        containers: [{ name: 'main', resources: { limits: { 'nvidia.com/gpu': '1' } } }],
      },
    };
    // warmup runs beside the sidecar: 4; app + sidecar: 2.
    expect(podGpuRequests(pod).resources).toEqual({ 'nvidia.com/gpu': 4 });
  });

  it('never throws on garbage pods', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => gpuPodUsage(value as PodKind)).not.toThrow();
        expect(() => groupGpuPodsByNode([value as PodKind])).not.toThrow();
      }),
    );
  });
});
