import fc from 'fast-check';
import { DEFAULT_MIG_PARTED_CONFIG_YAML } from './defaultMigPartedConfig';
import {
  entryMatchesGpu,
  listConfigNames,
  parseMigPartedConfig,
  parsePciId,
  profileNameProblem,
  type ConfigIssue,
} from './migParted';

const codes = (issues: ConfigIssue[]) => issues.map((issue) => issue.code);

function parseOne(entryYaml: string) {
  return parseMigPartedConfig(`version: v1\nmig-configs:\n  custom:\n${entryYaml}`);
}

describe('parseMigPartedConfig: NVIDIA default file', () => {
  const result = parseMigPartedConfig(DEFAULT_MIG_PARTED_CONFIG_YAML);

  it('accepts it with 81 named configs and no issue', () => {
    expect(result.issues).toEqual([]);
    expect(result.accepted).toBe(true);
    expect(listConfigNames(result.config!)).toHaveLength(81);
    expect(listConfigNames(result.config!).slice(0, 3)).toEqual([
      'all-disabled',
      'all-enabled',
      'all-1g.5gb',
    ]);
  });

  it('keeps entries as written, in order', () => {
    const balanced = result.config!.migConfigs['all-balanced'];
    expect(balanced).toHaveLength(12);
    const a30 = balanced.find((entry) => entry.deviceFilter === '0x20B710DE');
    expect(a30).toEqual({
      deviceFilter: '0x20B710DE',
      devices: 'all',
      migEnabled: true,
      migDevices: { '1g.6gb': 2, '2g.12gb': 1 },
    });
    expect(result.config!.migConfigs['all-disabled']).toEqual([
      { devices: 'all', migEnabled: false },
    ]);
    expect(result.config!.migConfigs['all-enabled']).toEqual([
      { devices: 'all', migEnabled: true, migDevices: {} },
    ]);
  });

  it('records the comment above a group of configs', () => {
    expect(result.config!.comments?.['all-1g.5gb']).toEqual(['A100-40GB, A800-40GB']);
    expect(result.config!.comments?.['all-1g.6gb']).toEqual(['A30-24GB']);
    expect(result.config!.comments?.['all-1g.5gb.me']).toBeUndefined();
  });
});

describe('parseMigPartedConfig: what mig-parted rejects', () => {
  it.each([
    ['', 'missing-version'],
    ['# only a comment\n', 'missing-version'],
    ['- a\n- b\n', 'not-a-mapping'],
    ['mig-configs:\n  a:\n    - devices: all\n      mig-enabled: false\n', 'missing-version'],
    [
      'version: v2\nmig-configs:\n  a:\n    - devices: all\n      mig-enabled: false\n',
      'unknown-version',
    ],
    ['version: v1\n', 'missing-mig-configs'],
    ['version: v1\nmig-configs: {}\n', 'empty-mig-configs'],
    ['version: v1\nmig-configs:\n  a: []\n', 'empty-config'],
    ['version: v1\nmig-configs:\n  a:\n', 'empty-config'],
    [
      'version: v1\nextra: 1\nmig-configs:\n  a:\n    - devices: all\n      mig-enabled: false\n',
      'unexpected-field',
    ],
    ['version: v1\nmig-configs: [a]\n', 'missing-mig-configs'],
    ['version: v1\nmig-configs:\n  a: {devices: all}\n', 'invalid-entry'],
    ['version: v1\nmig-configs:\n  a:\n    - 3\n', 'invalid-entry'],
    ['version: v1\nmig-configs:\n  a: [\n', 'yaml-syntax'],
    ['version: v1\nversion: v1\n', 'yaml-syntax'],
  ])('%j → %s', (text, code) => {
    const result = parseMigPartedConfig(text);
    expect(result.accepted).toBe(false);
    expect(codes(result.issues)).toContain(code);
    expect(result.issues.every((issue) => issue.severity === 'error' && issue.rejectsFile)).toBe(
      true,
    );
  });

  it.each([
    ['    - mig-enabled: false\n', 'missing-field', "missing required field 'devices'"],
    ['    - devices: all\n', 'missing-field', "missing required field 'mig-enabled'"],
    ['    - devices: all\n      mig-enabled: true\n', 'missing-field', "'mig-devices'"],
    ['    - devices: some\n      mig-enabled: false\n', 'invalid-devices', 'invalid string input'],
    ['    - devices: [0, "1"]\n      mig-enabled: false\n', 'invalid-devices', 'integer'],
    ['    - devices: [0.5]\n      mig-enabled: false\n', 'invalid-devices', 'integer'],
    ['    - devices: all\n      mig-enabled: "true"\n', 'invalid-mig-enabled', 'true or false'],
    [
      '    - devices: all\n      mig-enabled: false\n      colour: red\n',
      'unexpected-field',
      'colour',
    ],
    [
      '    - devices: all\n      mig-enabled: false\n      mig-devices: {"1g.5gb": 1}\n',
      'mig-devices-when-disabled',
      "MIG devices included when 'mig-enabled' is false",
    ],
    [
      '    - devices: all\n      mig-enabled: true\n      mig-devices: {"1g.5gb": 0}\n',
      'all-counts-zero',
      'all counts',
    ],
    [
      '    - devices: all\n      mig-enabled: true\n      mig-devices: {"1g.5gb": -1}\n',
      'invalid-count',
      '1g.5gb',
    ],
    [
      '    - devices: all\n      mig-enabled: true\n      mig-devices: {"1g.5gb": "2"}\n',
      'invalid-count',
      '1g.5gb',
    ],
    [
      '    - devices: all\n      mig-enabled: true\n      mig-devices: {"big": 1}\n',
      'invalid-profile-name',
      "'big'",
    ],
    [
      '    - devices: all\n      mig-enabled: true\n      mig-devices: {"1G.5GB": 1}\n',
      'invalid-profile-name',
      '1G.5GB',
    ],
    [
      '    - devices: all\n      mig-enabled: true\n      mig-devices: [1]\n',
      'invalid-mig-devices',
      'mapping',
    ],
    [
      '    - device-filter: 0x20B710DE\n      devices: all\n      mig-enabled: false\n',
      'invalid-device-filter',
      'quote PCI ids',
    ],
  ])('entry %j → %s', (entryYaml, code, text) => {
    const result = parseOne(entryYaml);
    expect(result.accepted).toBe(false);
    const issue = result.issues.find((candidate) => candidate.code === code);
    expect(issue).toBeDefined();
    expect(issue!.message).toContain(text);
    expect(issue!.configName).toBe('custom');
    expect(issue!.entryIndex).toBe(0);
    expect(issue!.message).toContain("config 'custom', entry #0");
    // The malformed config is left out so indices of the others stay true to the file.
    expect(result.rejectedConfigNames).toEqual(['custom']);
    expect(result.config?.migConfigs.custom).toBeUndefined();
  });

  it('reports every problem with its line, not only the first', () => {
    const text = [
      'version: v1',
      'mig-configs:',
      '  good:',
      '    - devices: all',
      '      mig-enabled: false',
      '  bad:',
      '    - devices: all',
      '      mig-enabled: true',
      '      mig-devices:',
      '        "1g.5gb": -2',
      '        "huge": 1',
      '    - devices: nope',
      '      mig-enabled: false',
      '',
    ].join('\n');
    const result = parseMigPartedConfig(text);
    expect(result.accepted).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.entryIndex, issue.line])).toEqual([
      ['invalid-count', 0, 10],
      ['invalid-profile-name', 0, 11],
      ['invalid-devices', 1, 12],
    ]);
    expect(result.issues.find((issue) => issue.code === 'invalid-count')?.profile).toBe('1g.5gb');
    expect(listConfigNames(result.config!)).toEqual(['good']);
  });

  it('reads YAML 1.1 booleans as mig-parted does', () => {
    const result = parseOne('    - devices: all\n      mig-enabled: yes\n      mig-devices: {}\n');
    expect(result.issues).toEqual([]);
    expect(result.config!.migConfigs.custom[0].migEnabled).toBe(true);
  });

  it('accepts device-filter as one id or a list, and zero counts next to non-zero ones', () => {
    const result = parseOne(
      [
        '    - device-filter: ["0x20B710DE", "0x233010DE:0x16C110DE"]',
        '      devices: [0, 2]',
        '      mig-enabled: true',
        '      mig-devices: {"1g.6gb": 0, "2g.12gb": 2}',
        '',
      ].join('\n'),
    );
    expect(result.issues).toEqual([]);
    expect(result.config!.migConfigs.custom[0]).toEqual({
      deviceFilter: ['0x20B710DE', '0x233010DE:0x16C110DE'],
      devices: [0, 2],
      migEnabled: true,
      migDevices: { '1g.6gb': 0, '2g.12gb': 2 },
    });
  });

  it('flags a filter mig-parted reads but that matches no GPU, without rejecting the file', () => {
    const result = parseOne(
      '    - device-filter: ["0x20B7", "A30"]\n      devices: all\n      mig-enabled: false\n',
    );
    expect(result.accepted).toBe(true);
    expect(codes(result.issues)).toEqual(['unparsable-device-filter', 'unparsable-device-filter']);
    expect(result.issues[0].message).toContain('not an NVIDIA GPU');
    expect(result.issues[1].message).toContain("'A30' is not a PCI id");
    expect(result.issues[1].line).toBe(4);
  });

  it('warns that only the first YAML document is read', () => {
    const result = parseMigPartedConfig(
      'version: v1\nmig-configs:\n  a:\n    - devices: all\n      mig-enabled: false\n---\nb: 1\n',
    );
    expect(result.accepted).toBe(true);
    expect(codes(result.issues)).toEqual(['multiple-documents']);
  });

  it('keeps config names that collide with Object.prototype as plain data', () => {
    const result = parseMigPartedConfig(
      'version: v1\nmig-configs:\n  __proto__:\n    - devices: all\n      mig-enabled: false\n  constructor:\n    - devices: all\n      mig-enabled: false\n',
    );
    expect(result.issues).toEqual([]);
    expect(listConfigNames(result.config!)).toEqual(['__proto__', 'constructor']);
  });
});

describe('parseMigPartedConfig never throws', () => {
  it('on random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = parseMigPartedConfig(text);
        expect(Array.isArray(result.issues)).toBe(true);
        expect(result.accepted).toBe(!result.issues.some((issue) => issue.rejectsFile));
      }),
      { numRuns: 300 },
    );
  });

  it('on random YAML-shaped objects', () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('all', 'v1', '1g.5gb', '0x20B710DE', 'mig-enabled', 'devices'),
    );
    const key = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(
        'version',
        'mig-configs',
        'devices',
        'mig-enabled',
        'mig-devices',
        'device-filter',
        '1g.5gb',
      ),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (root) => {
        const text = JSON.stringify(root) ?? 'null';
        const result = parseMigPartedConfig(text);
        expect(result.accepted).toBe(!result.issues.some((issue) => issue.rejectsFile));
        for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('on a non-string argument', () => {
    const result = parseMigPartedConfig(42 as unknown as string);
    expect(result.accepted).toBe(false);
    expect(codes(result.issues)).toEqual(['not-a-mapping']);
  });
});

describe('PCI ids and matching', () => {
  it('parses ids the way Go strconv.ParseUint(s, 0, 32) does', () => {
    expect(parsePciId('0x20b710de')).toEqual({ deviceId: '0x20B710DE' });
    expect(parsePciId('0x233010DE:0x16C110DE')).toEqual({
      deviceId: '0x233010DE',
      subsystemId: '0x16C110DE',
    });
    expect(parsePciId(String(0x20b710de))).toEqual({ deviceId: '0x20B710DE' });
    expect(parsePciId('0x2330_10DE')).toEqual({ deviceId: '0x233010DE' });
    expect(parsePciId('0x1FFFFFFFF')).toBeUndefined();
    expect(parsePciId('0xZZ')).toBeUndefined();
    expect(parsePciId('a:b:c')).toBeUndefined();
    expect(parsePciId('')).toBeUndefined();
  });

  it('matches filter, subsystem and index like mig-parted', () => {
    const gpu = { index: 1, deviceId: '0x233010DE', subsystemId: '0x16C110DE' };
    const entry = (deviceFilter: string | string[] | undefined, devices: 'all' | number[]) => ({
      deviceFilter,
      devices,
      migEnabled: false,
    });
    expect(entryMatchesGpu(entry(undefined, 'all'), gpu)).toBe(true);
    expect(entryMatchesGpu(entry('', 'all'), gpu)).toBe(true);
    expect(entryMatchesGpu(entry([], 'all'), gpu)).toBe(true);
    expect(entryMatchesGpu(entry('0x233010de', [1]), gpu)).toBe(true);
    expect(entryMatchesGpu(entry('0x233010DE', [0]), gpu)).toBe(false);
    expect(entryMatchesGpu(entry(['0x20B710DE', '0x233010DE:0x16C110DE'], 'all'), gpu)).toBe(true);
    expect(entryMatchesGpu(entry('0x233010DE:0x16C010DE', 'all'), gpu)).toBe(false);
    expect(
      entryMatchesGpu(entry('0x233010DE:0x16C110DE', 'all'), { index: 1, deviceId: '0x233010DE' }),
    ).toBe(false);
    expect(entryMatchesGpu(entry('garbage', 'all'), gpu)).toBe(false);
  });

  it('checks profile names with mig-parted strictness', () => {
    expect(profileNameProblem('1g.10gb')).toBeUndefined();
    expect(profileNameProblem('1g.24gb+me.all')).toBeUndefined();
    expect(profileNameProblem('1g.24gb-me')).toBeUndefined();
    expect(profileNameProblem('1c.3g.20gb')).toBeUndefined();
    expect(profileNameProblem(' 1g.10gb')).toBeDefined();
    expect(profileNameProblem('4c.3g.20gb')).toBeDefined();
    expect(profileNameProblem('1g.10gb+me+me')).toBeDefined();
  });
});
