import fc from 'fast-check';
import { a30AllBalancedNode } from './__fixtures__/nodes';
import { parseGpuProduct, readGpuLabels } from './labels';
import type { NodeKind } from './models';

describe('readGpuLabels', () => {
  it('reads the article A30 node', () => {
    const { values, problems } = readGpuLabels(a30AllBalancedNode());
    expect(problems).toEqual([]);
    expect(values).toMatchObject({
      present: true,
      count: 1,
      memoryMiB: 24576,
      migCapable: true,
      migStrategy: 'mixed',
      migConfig: 'all-balanced',
      migConfigState: 'success',
      migProfileCounts: { 'nvidia.com/mig-1g.6gb': 2, 'nvidia.com/mig-2g.12gb': 1 },
      pausedOperands: [],
    });
    expect(values.product?.base).toBe('NVIDIA-A30');
  });

  it('reports malformed values by label and ignores them', () => {
    const { values, problems } = readGpuLabels(
      a30AllBalancedNode({
        labels: {
          'nvidia.com/gpu.count': '1k',
          'nvidia.com/mig.capable': 'yes',
          'nvidia.com/mig.config.state': 'applying',
          'nvidia.com/mig-1g.6gb.count': 'two',
        },
      }),
    );
    expect(values.count).toBeUndefined();
    expect(values.migCapable).toBeUndefined();
    expect(values.migConfigState).toBe('unknown');
    expect(values.migProfileCounts).toEqual({ 'nvidia.com/mig-2g.12gb': 1 });
    expect(problems.map((problem) => problem.label).sort()).toEqual([
      'nvidia.com/gpu.count',
      'nvidia.com/mig-1g.6gb.count',
      'nvidia.com/mig.capable',
      'nvidia.com/mig.config.state',
    ]);
  });

  it('lists operands paused for a MIG change', () => {
    const { values } = readGpuLabels(
      a30AllBalancedNode({
        labels: {
          'nvidia.com/gpu.deploy.device-plugin': 'paused-for-mig-change',
          'nvidia.com/gpu.deploy.gpu-feature-discovery': 'paused-for-mig-change',
        },
      }),
    );
    expect(values.pausedOperands).toEqual(['device-plugin', 'gpu-feature-discovery']);
  });

  it('never throws on garbage labels, annotations or whole objects', () => {
    const labelValue = fc.oneof(fc.string(), fc.constant('paused-for-mig-change'), fc.anything());
    const labelKey = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'nvidia.com/gpu.product',
        'nvidia.com/gpu.count',
        'nvidia.com/gpu.memory',
        'nvidia.com/mig.capable',
        'nvidia.com/mig.config.state',
        'nvidia.com/mig-1g.6gb.count',
        'nvidia.com/mig-garbage.count',
        'nvidia.com/gpu.deploy.dcgm',
      ),
    );
    fc.assert(
      fc.property(fc.dictionary(labelKey, labelValue), fc.anything(), (labels, annotations) => {
        const node = { metadata: { labels, annotations } } as unknown as NodeKind;
        const reading = readGpuLabels(node);
        expect(Array.isArray(reading.problems)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => readGpuLabels(value as NodeKind)).not.toThrow();
      }),
    );
  });
});

describe('parseGpuProduct', () => {
  it.each([
    ['NVIDIA-A30', { base: 'NVIDIA-A30', migInvalid: false, shared: false }],
    [
      'NVIDIA-H100-80GB-HBM3-MIG-1g.10gb',
      { base: 'NVIDIA-H100-80GB-HBM3', singleStrategyProfile: '1g.10gb', migInvalid: false },
    ],
    ['NVIDIA-A30-MIG-INVALID', { base: 'NVIDIA-A30', migInvalid: true }],
    [
      'A100-SXM4-40GB-MIG-1g.5gb-SHARED',
      { base: 'A100-SXM4-40GB', singleStrategyProfile: '1g.5gb', shared: true },
    ],
  ])('%s', (raw, expected) => {
    expect(parseGpuProduct(raw)).toMatchObject(expected);
  });
});
