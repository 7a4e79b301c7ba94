import { DEFAULT_MIG_PARTED_CONFIG_YAML } from '../defaultMigPartedConfig';
import {
  entriesForPlannedLayouts,
  listConfigNames,
  mergeNamedConfigs,
  parseMigPartedConfig,
  serializeMigPartedConfig,
} from '.';

describe('mergeNamedConfigs and entriesForPlannedLayouts', () => {
  const base = parseMigPartedConfig(DEFAULT_MIG_PARTED_CONFIG_YAML).config!;

  it('keeps the base configs in order and adds or replaces custom ones', () => {
    const custom = entriesForPlannedLayouts([
      { index: 0, migEnabled: true, counts: { '3g.40gb': 1, '1g.10gb': 4 } },
      { index: 1, migEnabled: false, counts: {} },
    ]);
    const { config, added, replaced } = mergeNamedConfigs(base, {
      'team-a': custom,
      'all-disabled': [{ devices: 'all', migEnabled: false }],
    });
    expect(added).toEqual(['team-a']);
    expect(replaced).toEqual(['all-disabled']);
    const names = listConfigNames(config);
    expect(names.slice(0, 81)).toEqual(listConfigNames(base));
    expect(names[81]).toBe('team-a');
    expect(config.comments?.['all-1g.5gb']).toEqual(['A100-40GB, A800-40GB']);
    const again = parseMigPartedConfig(serializeMigPartedConfig(config));
    expect(again.issues).toEqual([]);
    expect(again.config!.migConfigs['team-a']).toEqual([
      { devices: [0], migEnabled: true, migDevices: { '1g.10gb': 4, '3g.40gb': 1 } },
      { devices: [1], migEnabled: false },
    ]);
  });

  it('writes one devices: all entry when every GPU shares a layout', () => {
    expect(
      entriesForPlannedLayouts([
        { index: 1, migEnabled: true, counts: { '1g.10gb': 2, '2g.20gb': 0 } },
        { index: 0, migEnabled: true, counts: { '1g.10gb': 2 } },
      ]),
    ).toEqual([{ devices: 'all', migEnabled: true, migDevices: { '1g.10gb': 2 } }]);
  });
});
