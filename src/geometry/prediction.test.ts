import fc from 'fast-check';
import { findModel } from './catalog';
import { diffResources, predictNodeAdvertisement, type PredictedGpu } from './prediction';
import type { GpuModel, MigStrategy } from './types';

function model(id: string): GpuModel {
  const found = findModel(id);
  if (!found) throw new Error(`catalog lacks ${id}`);
  return found;
}

const H100 = 'NVIDIA-H100-80GB-HBM3';
const balanced = { '1g.10gb': 2, '2g.20gb': 1, '3g.40gb': 1 };

describe('predictNodeAdvertisement: mixed', () => {
  it('matches NVIDIA’s H100 all-balanced label sample', () => {
    const result = predictNodeAdvertisement({
      product: H100,
      strategy: 'mixed',
      gpus: [{ index: 0, model: model('h100-80gb-sxm5'), migEnabled: true, counts: balanced }],
    });
    expect(result.resources).toEqual({
      'nvidia.com/mig-1g.10gb': 2,
      'nvidia.com/mig-2g.20gb': 1,
      'nvidia.com/mig-3g.40gb': 1,
    });
    expect(result.invalid).toBeUndefined();
    expect(result.labels).toMatchObject({
      'nvidia.com/mig.strategy': 'mixed',
      'nvidia.com/gpu.product': H100,
      'nvidia.com/gpu.count': '1',
      'nvidia.com/gpu.replicas': '0',
      'nvidia.com/gpu.memory': '81559',
      'nvidia.com/mig-1g.10gb.count': '2',
      'nvidia.com/mig-1g.10gb.memory': '9984',
      'nvidia.com/mig-1g.10gb.multiprocessors': '16',
      'nvidia.com/mig-1g.10gb.engines.copy': '1',
      'nvidia.com/mig-1g.10gb.engines.decoder': '1',
      'nvidia.com/mig-1g.10gb.engines.jpeg': '1',
      'nvidia.com/mig-1g.10gb.engines.ofa': '0',
      'nvidia.com/mig-1g.10gb.slices.gi': '1',
      'nvidia.com/mig-1g.10gb.slices.ci': '1',
      'nvidia.com/mig-1g.10gb.product': 'NVIDIA-H100-80GB-HBM3-MIG-1g.10gb',
      'nvidia.com/mig-1g.10gb.replicas': '1',
      'nvidia.com/mig-2g.20gb.count': '1',
      'nvidia.com/mig-2g.20gb.memory': '20096',
      'nvidia.com/mig-2g.20gb.multiprocessors': '32',
      'nvidia.com/mig-3g.40gb.count': '1',
      'nvidia.com/mig-3g.40gb.multiprocessors': '60',
      'nvidia.com/mig-3g.40gb.slices.gi': '3',
    });
    expect(result.warnings).toEqual([]);
  });

  it('adds whole GPUs for MIG-off GPUs, sums profiles across GPUs and writes `.` for `+`', () => {
    const a30 = model('a30-24gb');
    const gpus: PredictedGpu[] = [
      { index: 0, model: a30, migEnabled: true, counts: { '1g.6gb': 2, '2g.12gb': 1 } },
      {
        index: 1,
        model: a30,
        migEnabled: true,
        counts: { '1g.6gb+me': 1, '1g.6gb': 1, '2g.12gb': 1 },
      },
      { index: 2, model: a30, migEnabled: false, counts: {} },
    ];
    const result = predictNodeAdvertisement({ product: 'NVIDIA-A30', strategy: 'mixed', gpus });
    expect(result.resources).toEqual({
      'nvidia.com/gpu': 1,
      'nvidia.com/mig-1g.6gb': 3,
      'nvidia.com/mig-1g.6gb.me': 1,
      'nvidia.com/mig-2g.12gb': 2,
    });
    expect(result.labels['nvidia.com/mig-1g.6gb.me.count']).toBe('1');
    expect(result.labels['nvidia.com/mig-1g.6gb.me.product']).toBe('NVIDIA-A30-MIG-1g.6gb.me');
    expect(result.labels['nvidia.com/mig-1g.6gb.me.engines.ofa']).toBe('1');
    expect(result.labels['nvidia.com/gpu.count']).toBe('3');
    expect(result.labels['nvidia.com/gpu.replicas']).toBe('1');
  });

  it('warns about an empty MIG-enabled GPU and about layouts that cannot be created', () => {
    const h100 = model('h100-80gb-sxm5');
    const result = predictNodeAdvertisement({
      product: H100,
      strategy: 'mixed',
      gpus: [
        { index: 0, model: h100, migEnabled: true, counts: {} },
        { index: 1, model: h100, migEnabled: true, counts: { '3g.40gb': 2, '2g.20gb': 1 } },
      ],
    });
    expect(result.resources).toEqual({ 'nvidia.com/mig-3g.40gb': 2, 'nvidia.com/mig-2g.20gb': 1 });
    expect(result.warnings).toContainEqual({ kind: 'mig-without-instances', gpus: [0] });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        kind: 'layout-fails',
        gpu: 1,
        problems: expect.arrayContaining([
          expect.objectContaining({ facts: expect.objectContaining({ needed: 8 }) }),
        ]),
      }),
    );
  });

  it('leaves out labels whose values the catalog does not know', () => {
    const result = predictNodeAdvertisement({
      product: 'NVIDIA-B200',
      strategy: 'mixed',
      gpus: [{ index: 0, model: model('b200'), migEnabled: true, counts: { '3g.90gb': 2 } }],
    });
    expect(result.resources).toEqual({ 'nvidia.com/mig-3g.90gb': 2 });
    expect(result.labels['nvidia.com/mig-3g.90gb.multiprocessors']).toBeUndefined();
    expect(result.labels['nvidia.com/mig-3g.90gb.engines.copy']).toBe('6');
    expect(result.labels['nvidia.com/gpu.memory']).toBeUndefined();
    expect(result.warnings).toContainEqual({
      kind: 'profile-labels-unknown',
      profile: '3g.90gb',
      labels: expect.arrayContaining(['multiprocessors', 'engines.decoder']),
    });
  });
});

describe('predictNodeAdvertisement: single', () => {
  it('advertises one nvidia.com/gpu per MIG device for all-1g.10gb', () => {
    const result = predictNodeAdvertisement({
      product: H100,
      strategy: 'single',
      gpus: [{ index: 0, migEnabled: true, counts: { '1g.10gb': 7 } }],
    });
    expect(result.resources).toEqual({ 'nvidia.com/gpu': 7 });
    expect(result.invalid).toBeUndefined();
    expect(result.labels).toMatchObject({
      'nvidia.com/mig.strategy': 'single',
      'nvidia.com/gpu.count': '7',
      'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3-MIG-1g.10gb',
      'nvidia.com/gpu.slices.gi': '1',
      'nvidia.com/gpu.slices.ci': '1',
      'nvidia.com/gpu.memory': '9984',
      'nvidia.com/gpu.multiprocessors': '16',
      'nvidia.com/gpu.replicas': '1',
    });
  });

  it('counts all-3g.40gb over two GPUs', () => {
    const h100 = model('h100-80gb-sxm5');
    const result = predictNodeAdvertisement({
      product: `${H100}-MIG-3g.40gb`,
      strategy: 'single',
      gpus: [0, 1].map((index) => ({
        index,
        model: h100,
        migEnabled: true,
        counts: { '3g.40gb': 2 },
      })),
    });
    expect(result.resources).toEqual({ 'nvidia.com/gpu': 4 });
    expect(result.labels['nvidia.com/gpu.product']).toBe('NVIDIA-H100-80GB-HBM3-MIG-3g.40gb');
    expect(result.labels['nvidia.com/gpu.slices.gi']).toBe('3');
  });

  it.each([
    [
      'two profile types',
      [{ index: 0, migEnabled: true, counts: balanced }],
      'more-than-one-mig-type',
      /more than one MIG device type present on node/,
    ],
    [
      '1g.10gb and 1g.10gb+me (different types to the plugin)',
      [{ index: 0, migEnabled: true, counts: { '1g.10gb': 2, '1g.10gb.me': 1 } }],
      'more-than-one-mig-type',
      /more than one MIG device type/,
    ],
    [
      'MIG on and off',
      [
        { index: 0, migEnabled: true, counts: { '1g.10gb': 7 } },
        { index: 1, migEnabled: false, counts: {} },
      ],
      'mig-enabled-and-disabled',
      /devices with MIG enabled and disable detected.*same migEnabled value/,
    ],
    [
      'an empty MIG-enabled GPU',
      [
        { index: 0, migEnabled: true, counts: { '1g.10gb': 7 } },
        { index: 1, migEnabled: true, counts: {} },
      ],
      'mig-enabled-but-empty',
      /at least one MIG device is enabled but empty.*device 1 has no MIG devices configured/,
    ],
  ])('is MIG-INVALID with %s and advertises no GPU resources', (_label, gpus, reason, message) => {
    const result = predictNodeAdvertisement({
      product: H100,
      strategy: 'single',
      gpus: gpus as PredictedGpu[],
    });
    expect(result.resources).toEqual({});
    expect(result.invalid?.reason).toBe(reason);
    expect(`${result.invalid?.gfdLog} ${result.invalid?.pluginLog}`).toMatch(message);
    expect(result.labels).toMatchObject({
      'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3-MIG-INVALID',
      'nvidia.com/gpu.count': '0',
      'nvidia.com/gpu.replicas': '0',
      'nvidia.com/gpu.memory': '0',
    });
  });

  it('behaves like none when no GPU has MIG enabled, but keeps the strategy label', () => {
    const result = predictNodeAdvertisement({
      product: H100,
      strategy: 'single',
      gpus: [{ index: 0, migEnabled: false, counts: {} }],
    });
    expect(result.resources).toEqual({ 'nvidia.com/gpu': 1 });
    expect(result.labels['nvidia.com/mig.strategy']).toBe('single');
    expect(result.labels['nvidia.com/gpu.product']).toBe(H100);
  });
});

describe('predictNodeAdvertisement: none', () => {
  it('advertises every GPU whole, warns about MIG-enabled ones, writes no strategy label', () => {
    const result = predictNodeAdvertisement({
      product: 'NVIDIA-A30',
      strategy: 'none',
      gpus: [
        { index: 0, migEnabled: true, counts: { '1g.6gb': 4 } },
        { index: 1, migEnabled: false, counts: {} },
      ],
    });
    expect(result.resources).toEqual({ 'nvidia.com/gpu': 2 });
    expect(result.labels['nvidia.com/mig.strategy']).toBeUndefined();
    expect(result.labels['nvidia.com/gpu.count']).toBe('2');
    expect(result.warnings).toContainEqual({ kind: 'mig-under-none', gpus: [0] });
  });
});

describe('predictNodeAdvertisement: robustness', () => {
  it('handles unknown products, no GPUs and garbage without throwing', () => {
    const unknown = predictNodeAdvertisement({
      product: 'NVIDIA-Tesla-T4',
      strategy: 'mixed',
      gpus: [{ index: 0, migEnabled: true, counts: { '1g.5gb': 1 } }],
    });
    expect(unknown.resources).toEqual({ 'nvidia.com/mig-1g.5gb': 1 });
    expect(unknown.warnings).toContainEqual({ kind: 'attributes-unknown', profile: '1g.5gb' });
    expect(
      predictNodeAdvertisement({ product: H100, strategy: 'mixed', gpus: [] }).resources,
    ).toEqual({});
    const junk = predictNodeAdvertisement(null as never);
    expect(junk.warnings).toHaveLength(1);
    const badStrategy = predictNodeAdvertisement({
      product: H100,
      strategy: 'weird' as MigStrategy,
      gpus: [{ index: 0, migEnabled: false, counts: {} }],
    });
    expect(badStrategy.resources).toEqual({ 'nvidia.com/gpu': 1 });
    expect(badStrategy.warnings[0]).toEqual({ kind: 'unknown-strategy', value: 'weird' });
  });

  it('never throws for random inputs and never advertises negative counts', () => {
    const h100 = model('h100-80gb-sxm5');
    const gpu = fc.record({
      index: fc.nat(8),
      migEnabled: fc.boolean(),
      counts: fc.dictionary(
        fc.constantFrom(...h100.profiles.map((p) => p.name), 'junk', '1g.10gb.me'),
        fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double(), fc.constant(Number.NaN)),
      ),
    });
    fc.assert(
      fc.property(
        fc.array(gpu, { maxLength: 4 }),
        fc.constantFrom<MigStrategy>('none', 'single', 'mixed'),
        (gpus, strategy) => {
          const result = predictNodeAdvertisement({ product: H100, strategy, gpus });
          Object.values(result.resources).forEach((value) => expect(value).toBeGreaterThan(0));
          if (result.invalid) expect(result.resources).toEqual({});
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('diffResources', () => {
  it('lists changes with nvidia.com/gpu first', () => {
    const changes = diffResources(
      { 'nvidia.com/gpu': 1 },
      { 'nvidia.com/mig-2g.12gb': 1, 'nvidia.com/mig-1g.6gb': 2 },
    );
    expect(changes).toEqual([
      { resource: 'nvidia.com/gpu', before: 1, after: 0, delta: -1 },
      { resource: 'nvidia.com/mig-1g.6gb', before: 0, after: 2, delta: 2 },
      { resource: 'nvidia.com/mig-2g.12gb', before: 0, after: 1, delta: 1 },
    ]);
  });

  it('keeps unchanged resources only when asked, and accepts Kubernetes string quantities', () => {
    const before = { 'nvidia.com/gpu': '2', 'nvidia.com/mig-1g.6gb': 4 } as unknown as Record<
      string,
      number
    >;
    const after = { 'nvidia.com/gpu': 2, 'nvidia.com/mig-1g.6gb': 2 };
    expect(diffResources(before, after)).toEqual([
      { resource: 'nvidia.com/mig-1g.6gb', before: 4, after: 2, delta: -2 },
    ]);
    expect(diffResources(before, after, { includeUnchanged: true })).toHaveLength(2);
    expect(diffResources(null as never, undefined as never)).toEqual([]);
  });
});
