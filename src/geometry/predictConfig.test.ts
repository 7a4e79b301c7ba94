import { DEFAULT_MIG_PARTED_CONFIG_YAML } from './defaultMigPartedConfig';
import { parseMigPartedConfig } from './migParted';
import { predictNodeAfterConfig, type PredictConfigGpu } from './predictConfig';

const defaults = parseMigPartedConfig(DEFAULT_MIG_PARTED_CONFIG_YAML).config!;
const h100 = (index: number): PredictConfigGpu => ({ index, deviceId: '0x233010DE' });
const PRODUCT = 'NVIDIA-H100-80GB-HBM3';

describe('predictNodeAfterConfig', () => {
  it('predicts all-balanced under mixed on two H100s', () => {
    const prediction = predictNodeAfterConfig({
      config: defaults,
      configName: 'all-balanced',
      strategy: 'mixed',
      product: PRODUCT,
      gpus: [h100(0), h100(1)],
    });
    expect(prediction.applicable).toBe(true);
    expect(prediction.errors).toEqual([]);
    expect(prediction.gpus.map((gpu) => [gpu.entryIndex, gpu.verdict, gpu.layout?.valid])).toEqual([
      [8, 'valid', true],
      [8, 'valid', true],
    ]);
    expect(prediction.advertisement!.resources).toEqual({
      'nvidia.com/mig-1g.10gb': 4,
      'nvidia.com/mig-2g.20gb': 2,
      'nvidia.com/mig-3g.40gb': 2,
    });
    expect(prediction.advertisement!.labels['nvidia.com/mig.strategy']).toBe('mixed');
  });

  it('blocks all-balanced under single: GFD writes MIG-INVALID', () => {
    const prediction = predictNodeAfterConfig({
      config: defaults,
      configName: 'all-balanced',
      strategy: 'single',
      product: PRODUCT,
      gpus: [h100(0)],
    });
    expect(prediction.applicable).toBe(false);
    expect(prediction.errors.map((issue) => issue.code)).toEqual(['single-strategy-invalid']);
    expect(prediction.errors[0].facts).toMatchObject({
      kind: 'single-strategy-invalid',
      invalid: { gfdLog: 'more than one MIG device type present on node' },
    });
    expect(prediction.advertisement!.labels['nvidia.com/gpu.product']).toBe(
      `${PRODUCT}-MIG-INVALID`,
    );
  });

  it('accepts all-1g.10gb under single: 7 instances per GPU become nvidia.com/gpu', () => {
    const prediction = predictNodeAfterConfig({
      config: defaults,
      configName: 'all-1g.10gb',
      strategy: 'single',
      product: PRODUCT,
      gpus: [h100(0), h100(1)],
    });
    expect(prediction.applicable).toBe(true);
    expect(prediction.advertisement!.resources).toEqual({ 'nvidia.com/gpu': 14 });
  });

  it('fails without an advertisement when the layout cannot be created', () => {
    const prediction = predictNodeAfterConfig({
      config: defaults,
      configName: 'all-1g.5gb',
      strategy: 'mixed',
      product: PRODUCT,
      gpus: [h100(0)],
    });
    expect(prediction.applicable).toBe(false);
    expect(prediction.advertisement).toBeUndefined();
    expect(prediction.errors[0]).toMatchObject({
      code: 'unknown-profile',
      configName: 'all-1g.5gb',
      entryIndex: 0,
      profile: '1g.5gb',
      gpuIndex: 0,
    });
  });

  it('reports a config the file does not have', () => {
    const prediction = predictNodeAfterConfig({
      config: defaults,
      configName: 'all-9g.1tb',
      strategy: 'mixed',
      product: PRODUCT,
      gpus: [h100(0)],
    });
    expect(prediction.found).toBe(false);
    expect(prediction.applicable).toBe(false);
    expect(prediction.errors.map((issue) => issue.code)).toEqual(['config-not-found']);
  });

  it('keeps an uncovered GPU as it is and blocks the change', () => {
    // all-1g.35gb filters on H200 (0x2335) and GB300: an H200 NVL (0x233B) is not covered.
    const prediction = predictNodeAfterConfig({
      config: defaults,
      configName: 'all-1g.35gb',
      strategy: 'mixed',
      product: 'NVIDIA-H200-NVL',
      gpus: [
        { index: 0, deviceId: '0x233510DE' },
        {
          index: 1,
          deviceId: '0x233B10DE',
          current: { migEnabled: true, counts: { '7g.141gb': 1 } },
        },
      ],
    });
    expect(prediction.applicable).toBe(false);
    expect(prediction.errors.map((issue) => [issue.code, issue.gpuIndex])).toEqual([
      ['gpu-not-covered', 1],
    ]);
    expect(prediction.gpus[1]).toMatchObject({
      untouched: true,
      migEnabled: true,
      counts: { '7g.141gb': 1 },
    });
    expect(prediction.advertisement!.resources).toEqual({
      'nvidia.com/mig-1g.35gb': 4,
      'nvidia.com/mig-7g.141gb': 1,
    });
  });

  it('warns when an uncovered GPU’s current state is unknown', () => {
    const prediction = predictNodeAfterConfig({
      config: defaults,
      configName: 'all-1g.35gb',
      strategy: 'mixed',
      product: 'NVIDIA-H200-NVL',
      gpus: [{ index: 0, deviceId: '0x233B10DE' }],
    });
    expect(prediction.warnings.map((issue) => issue.code)).toContain('current-state-unknown');
    expect(prediction.advertisement!.resources).toEqual({ 'nvidia.com/gpu': 1 });
  });

  it('turns MIG off with all-disabled and advertises whole GPUs', () => {
    const prediction = predictNodeAfterConfig({
      config: defaults,
      configName: 'all-disabled',
      strategy: 'mixed',
      product: PRODUCT,
      gpus: [h100(0), h100(1), { index: 2, deviceId: '0x1EB810DE', migCapable: false }],
    });
    expect(prediction.applicable).toBe(true);
    expect(prediction.advertisement!.resources).toEqual({ 'nvidia.com/gpu': 3 });
  });

  it('never throws on nonsense input', () => {
    const prediction = predictNodeAfterConfig({
      config: defaults,
      configName: 'all-balanced',
      strategy: 'bogus' as never,
      product: 42 as never,
      gpus: null as never,
    });
    expect(prediction.gpus).toEqual([]);
  });
});
