import fc from 'fast-check';
import { DEFAULT_MIG_PARTED_CONFIG_YAML } from '../defaultMigPartedConfig';
import {
  listConfigNames,
  mergeNamedConfigs,
  parseMigPartedConfig,
  serializeMigPartedConfig,
  type MigPartedConfigFile,
} from '.';

describe('serializeMigPartedConfig', () => {
  it('round-trips NVIDIA’s default config, comments included', () => {
    const original = parseMigPartedConfig(DEFAULT_MIG_PARTED_CONFIG_YAML).config!;
    const text = serializeMigPartedConfig(original);
    const again = parseMigPartedConfig(text);
    expect(again.issues).toEqual([]);
    expect(again.config).toEqual(original);
    expect(text).toContain('  # A100-40GB, A800-40GB\n  all-1g.5gb:\n');
    expect(text).toContain('        "1g.5gb+me": 1\n');
  });

  it('quotes a config name YAML 1.1 reads otherwise, the merge key `<<` included', () => {
    const entries = [{ devices: 'all' as const, migEnabled: false }];
    for (const name of ['<<', 'yes', 'E0', '1e3', '~', '0x10']) {
      const text = serializeMigPartedConfig({ version: 'v1', migConfigs: { [name]: entries } });
      expect(text).toContain(`  ${JSON.stringify(name)}:\n`);
      expect(listConfigNames(parseMigPartedConfig(text).config!)).toEqual([name]);
    }
  });

  const profileName = fc
    .tuple(
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 1, max: 300 }),
      fc.constantFrom('', '+me', '-me', '+me.all', '+gfx'),
    )
    .map(([g, gb, attr]) => `${g}g.${gb}gb${attr}`);
  const pciId = fc
    .integer({ min: 0, max: 0xffff })
    .map((device) => `0x${device.toString(16).toUpperCase().padStart(4, '0')}10DE`);
  const entry = fc.oneof(
    fc.record({
      deviceFilter: fc.option(fc.oneof(pciId, fc.array(pciId, { maxLength: 3 })), {
        nil: undefined,
      }),
      devices: fc.oneof(
        fc.constant('all' as const),
        fc.array(fc.nat({ max: 15 }), { maxLength: 4 }),
      ),
      migEnabled: fc.constant(true),
      migDevices: fc
        .dictionary(profileName, fc.integer({ min: 0, max: 7 }), { maxKeys: 4 })
        .filter(
          (counts) =>
            Object.values(counts).length === 0 || Object.values(counts).some((n) => n > 0),
        ),
    }),
    fc.record({
      deviceFilter: fc.option(pciId, { nil: undefined }),
      devices: fc.constant('all' as const),
      migEnabled: fc.constant(false),
    }),
  );
  const configName = fc.oneof(
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.constantFrom('all-1g.10gb', 'yes', 'null', 'true', '1', '0x10', 'a: b', '# x', '-x', 'on'),
  );

  /** Named configs as plain data (JSON drops the `undefined` fields the arbitraries leave). */
  const namedConfigs = fc
    .dictionary(configName, fc.array(entry, { minLength: 1, maxLength: 3 }), {
      minKeys: 1,
      maxKeys: 4,
    })
    .map(
      (migConfigs) => JSON.parse(JSON.stringify(migConfigs)) as MigPartedConfigFile['migConfigs'],
    );

  it('round-trips any well-formed config (fast-check)', () => {
    fc.assert(
      fc.property(namedConfigs, (cleaned) => {
        const config: MigPartedConfigFile = { version: 'v1', migConfigs: cleaned };
        const result = parseMigPartedConfig(serializeMigPartedConfig(config));
        expect(result.issues.filter((issue) => issue.rejectsFile)).toEqual([]);
        expect(result.config!.migConfigs).toEqual(config.migConfigs);
        expect(listConfigNames(result.config!)).toEqual(listConfigNames(config));
      }),
      { numRuns: 200 },
    );
  });

  it('writes a merge over the base file so that it reads back as the merge (fast-check)', () => {
    fc.assert(
      fc.property(namedConfigs, namedConfigs, (baseConfigs, additions) => {
        const text = `# our configs\n${serializeMigPartedConfig({ version: 'v1', migConfigs: baseConfigs })}`;
        const base = parseMigPartedConfig(text).config!;
        const { config } = mergeNamedConfigs(base, additions);
        const written = serializeMigPartedConfig(config);
        const result = parseMigPartedConfig(written);
        expect(written.startsWith('# our configs\n')).toBe(true);
        expect(result.issues.filter((issue) => issue.rejectsFile)).toEqual([]);
        expect(result.config!.migConfigs).toEqual(config.migConfigs);
        expect(listConfigNames(result.config!)).toEqual(listConfigNames(config));
      }),
      { numRuns: 200 },
    );
  });
});
