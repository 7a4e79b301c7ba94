import { findModel } from './catalog';
import {
  buildGeneratedMigConfig,
  DEFAULT_MIG_PARTED_CONFIG_MAP,
  GENERATED_CONFIG_HEADER,
  generatedConfigName,
  generatedMigConfigYaml,
  resolveConfigSource,
} from './configSource';
import { listConfigNames, parseMigPartedConfig, validateMigConfig } from './migParted';
import type { GpuModel } from './types';

const NS = 'nvidia-gpu-operator';
const model = (id: string): GpuModel => {
  const found = findModel(id);
  if (!found) throw new Error(`catalog has no ${id}`);
  return found;
};

describe('resolveConfigSource', () => {
  it('uses a custom ConfigMap named by the ClusterPolicy, whether it exists or not', () => {
    const present = resolveConfigSource({
      customConfigName: 'custom-mig-config',
      nodeName: 'worker-0',
      namespace: NS,
      existingConfigMaps: [
        'custom-mig-config',
        'worker-0-mig-config',
        DEFAULT_MIG_PARTED_CONFIG_MAP,
      ],
    });
    expect(present).toMatchObject({
      kind: 'custom',
      configMapName: 'custom-mig-config',
      namespace: NS,
      dataKey: 'config.yaml',
    });

    const missing = resolveConfigSource({
      customConfigName: 'custom-mig-config',
      namespace: NS,
      existingConfigMaps: [DEFAULT_MIG_PARTED_CONFIG_MAP],
    });
    expect(missing).toMatchObject({ kind: 'custom', configMapName: 'custom-mig-config' });
  });

  it('treats default-mig-parted-config as not custom and prefers the per-node config', () => {
    const source = resolveConfigSource({
      customConfigName: DEFAULT_MIG_PARTED_CONFIG_MAP,
      nodeName: 'worker-0',
      namespace: NS,
      existingConfigMaps: ['worker-0-mig-config', DEFAULT_MIG_PARTED_CONFIG_MAP],
    });
    expect(source).toMatchObject({ kind: 'per-node', configMapName: 'worker-0-mig-config' });
  });

  it('falls back to the static default, then to the built-in copy', () => {
    expect(
      resolveConfigSource({
        customConfigName: '',
        nodeName: 'worker-1',
        namespace: NS,
        existingConfigMaps: ['worker-0-mig-config', DEFAULT_MIG_PARTED_CONFIG_MAP],
      }),
    ).toMatchObject({ kind: 'default', configMapName: DEFAULT_MIG_PARTED_CONFIG_MAP });
    const builtIn = resolveConfigSource({
      nodeName: 'worker-1',
      namespace: NS,
      existingConfigMaps: [],
    });
    expect(builtIn.kind).toBe('built-in');
    expect(builtIn.configMapName).toBeUndefined();
    expect(builtIn.builtInWhy).toEqual({
      setToDefault: false,
      listed: true,
      perNodeConfigMap: 'worker-1-mig-config',
    });
    const unlisted = resolveConfigSource({ namespace: NS, customConfigName: null });
    expect(unlisted).toMatchObject({
      kind: 'built-in',
      builtInWhy: { setToDefault: false, listed: false },
    });
  });

  it('keeps a custom name even when ConfigMaps cannot be listed', () => {
    const source = resolveConfigSource({ customConfigName: ' mine ', namespace: NS });
    expect(source).toMatchObject({ kind: 'custom', configMapName: 'mine' });
  });
});

describe('buildGeneratedMigConfig (v26.3 mig-manager)', () => {
  it('names configs after profiles with + written as .', () => {
    expect(generatedConfigName('1g.24gb+me.all')).toBe('all-1g.24gb.me.all');
    expect(generatedConfigName('1g.24gb-me')).toBe('all-1g.24gb-me');
  });

  it('builds the A30 config without device filters', () => {
    const a30 = model('a30-24gb');
    const config = buildGeneratedMigConfig([
      { deviceId: '0x20B710DE', model: a30 },
      { deviceId: '0x20B710DE', model: a30 },
    ]);
    expect(listConfigNames(config)).toEqual([
      'all-1g.6gb',
      'all-1g.6gb.me',
      'all-2g.12gb',
      'all-2g.12gb.me',
      'all-4g.24gb',
      'all-balanced',
      'all-disabled',
      'all-enabled',
    ]);
    expect(config.migConfigs['all-balanced']).toEqual([
      { devices: 'all', migEnabled: true, migDevices: { '1g.6gb': 2, '2g.12gb': 1 } },
    ]);
    expect(config.migConfigs['all-1g.6gb']).toEqual([
      { devices: 'all', migEnabled: true, migDevices: { '1g.6gb': 4 } },
    ]);
  });

  it('chooses the base profile with the highest max count for all-balanced', () => {
    const h100 = model('h100-80gb-sxm5');
    const config = buildGeneratedMigConfig([{ deviceId: '0x233010DE', model: h100 }]);
    expect(config.migConfigs['all-balanced'][0].migDevices).toEqual({
      '1g.10gb': 2,
      '2g.20gb': 1,
      '3g.40gb': 1,
    });
    expect(config.migConfigs['all-1g.20gb'][0].migDevices).toEqual({ '1g.20gb': 4 });
  });

  it('adds device filters when GPU types are mixed, one entry per max count', () => {
    const config = buildGeneratedMigConfig([
      { deviceId: '0x233010DE', model: model('h100-80gb-sxm5') },
      { deviceId: '0x20B010DE', model: model('a100-40gb') },
    ]);
    // 1g.10gb: 4 on A100-40GB (double-memory 1g), 7 on H100-80GB.
    expect(config.migConfigs['all-1g.10gb']).toEqual([
      {
        devices: 'all',
        migEnabled: true,
        migDevices: { '1g.10gb': 4 },
        deviceFilter: ['0x20B010DE'],
      },
      {
        devices: 'all',
        migEnabled: true,
        migDevices: { '1g.10gb': 7 },
        deviceFilter: ['0x233010DE'],
      },
    ]);
    expect(config.migConfigs['all-balanced'].map((entry) => entry.deviceFilter)).toEqual([
      ['0x20B010DE'],
      ['0x233010DE'],
    ]);
    expect(config.migConfigs['all-3g.20gb']).toEqual([
      {
        devices: 'all',
        migEnabled: true,
        migDevices: { '3g.20gb': 2 },
        deviceFilter: ['0x20B010DE'],
      },
    ]);
  });

  it('gives RTX PRO 5000 (2 slices) no all-balanced', () => {
    const config = buildGeneratedMigConfig([
      { deviceId: '0x2BB310DE', model: model('rtx-pro-5000-blackwell') },
    ]);
    expect(listConfigNames(config)).not.toContain('all-balanced');
  });

  it('produces YAML mig-parted accepts, and every config is valid on its node', () => {
    for (const id of [
      'a30-24gb',
      'a100-40gb',
      'h100-80gb-sxm5',
      'rtx-pro-6000-blackwell',
      'b200',
    ]) {
      const gpuModel = model(id);
      const gpus = [0, 1].map(() => ({ deviceId: gpuModel.pciDeviceIds[0], model: gpuModel }));
      const yaml = generatedMigConfigYaml(gpus);
      expect(yaml.startsWith(GENERATED_CONFIG_HEADER)).toBe(true);
      const parsed = parseMigPartedConfig(yaml);
      expect(parsed.issues).toEqual([]);
      for (const name of listConfigNames(parsed.config!)) {
        const validation = validateMigConfig(
          parsed.config!,
          name,
          gpus.map((gpu, index) => ({ index, deviceId: gpu.deviceId })),
        );
        expect([name, validation.verdict]).toEqual([name, 'valid']);
      }
    }
  });
});
