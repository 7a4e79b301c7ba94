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

describe('a merge written over a user’s file', () => {
  const userFile = [
    '# Team GPU configs: ask #gpu-admins before changing',
    'version: v1',
    'mig-configs:',
    '  # the A30 nodes',
    '  team-a:',
    '    - devices: [0, 1] # the left GPUs',
    '      mig-enabled: true',
    '      mig-devices:',
    '        1g.6gb: 4 # notebooks',
    '',
    '  # retired next quarter',
    '  team-old:',
    '    - devices: all # every GPU',
    '      mig-enabled: false',
    '# end of the team configs',
    '',
  ].join('\n');

  it('keeps the user’s comments on every config it does not change', () => {
    const base = parseMigPartedConfig(userFile).config!;
    const { config } = mergeNamedConfigs(base, {
      'team-old': [{ devices: 'all', migEnabled: true, migDevices: {} }],
      'team-b': [{ devices: 'all', migEnabled: true, migDevices: { '2g.12gb': 2 } }],
    });
    const written = serializeMigPartedConfig(config);
    for (const kept of [
      '# Team GPU configs: ask #gpu-admins before changing\n',
      '  # the A30 nodes\n  team-a:\n',
      '    - devices: [0, 1] # the left GPUs\n',
      '        1g.6gb: 4 # notebooks\n',
      '# end of the team configs\n',
    ]) {
      expect(written).toContain(kept);
    }
    // A replaced config is written anew: its old comments described entries that are gone.
    expect(written).not.toContain('# every GPU');
    expect(written).not.toContain('# retired next quarter');
    const again = parseMigPartedConfig(written);
    expect(again.issues).toEqual([]);
    expect(again.config!.migConfigs).toEqual(config.migConfigs);
    expect(listConfigNames(again.config!)).toEqual(['team-a', 'team-old', 'team-b']);
  });

  it('writes a config copied with a spread (no source text) afresh', () => {
    const base = parseMigPartedConfig(userFile).config!;
    const written = serializeMigPartedConfig({ ...base });
    expect(written).not.toContain('#gpu-admins');
    expect(written).toContain('  # the A30 nodes\n  team-a:\n');
    expect(parseMigPartedConfig(written).config!.migConfigs).toEqual(base.migConfigs);
  });
});
