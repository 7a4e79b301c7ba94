import fc from 'fast-check';
import { BAD_ENTRIES, parseOneEntry } from '../__fixtures__/badEntries';
import { DEFAULT_MIG_PARTED_CONFIG_YAML } from '../defaultMigPartedConfig';
import { listConfigNames, parseMigPartedConfig, validateMigConfig, type ConfigIssue } from '.';

const codes = (issues: ConfigIssue[]) => issues.map((issue) => issue.code);

const parseOne = parseOneEntry;

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

  it.each(BAD_ENTRIES)('entry %j → %s', (entryYaml, code) => {
    const result = parseOne(entryYaml);
    expect(result.accepted).toBe(false);
    const issue = result.issues.find((candidate) => candidate.code === code);
    expect(issue).toBeDefined();
    expect(issue!.configName).toBe('custom');
    expect(issue!.entryIndex).toBe(0);
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
    expect(result.issues.map((issue) => issue.facts)).toEqual([
      {
        kind: 'file',
        problem: {
          kind: 'filter-not-nvidia',
          text: '0x20B7',
          device: expect.any(String),
          vendor: expect.any(String),
        },
      },
      { kind: 'file', problem: { kind: 'filter-not-a-pci-id', text: 'A30' } },
    ]);
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
    // `__proto__` starts with `_`, so it cannot be a label value; that is its only issue.
    expect(codes(result.issues)).toEqual(['invalid-config-name']);
    expect(listConfigNames(result.config!)).toEqual(['__proto__', 'constructor']);
  });
});

describe('config names that cannot be node label values', () => {
  const disabled = '    - devices: all\n      mig-enabled: false\n';
  const long = 'x'.repeat(64);
  const text = `version: v1\nmig-configs:\n  My A30 config:\n${disabled}  ${long}:\n${disabled}  "":\n${disabled}  all-balanced.v2_b:\n${disabled}`;

  it('reports each name nvidia.com/mig.config cannot hold, at its key, and keeps the config', () => {
    const result = parseMigPartedConfig(text);
    // mig-parted loads the file; only the node label cannot select these configs.
    expect(result.accepted).toBe(true);
    expect(result.issues.map((issue) => [issue.code, issue.severity, issue.line])).toEqual([
      ['invalid-config-name', 'error', 3],
      ['invalid-config-name', 'error', 6],
      ['invalid-config-name', 'error', 9],
    ]);
    expect(result.issues.map((issue) => issue.facts)).toEqual([
      {
        kind: 'file',
        problem: {
          kind: 'config-name-not-a-label-value',
          name: 'My A30 config',
          problem: 'characters',
        },
      },
      {
        kind: 'file',
        problem: { kind: 'config-name-not-a-label-value', name: long, problem: 'too-long' },
      },
      {
        kind: 'file',
        problem: { kind: 'config-name-not-a-label-value', name: '', problem: 'empty' },
      },
    ]);
    expect(result.issues.map((issue) => issue.configName)).toEqual(['My A30 config', long, '']);
    // The configs stay: a merge or a rewrite of the file must not drop them silently.
    expect(listConfigNames(result.config!)).toEqual([
      'My A30 config',
      long,
      '',
      'all-balanced.v2_b',
    ]);
  });

  it('makes validateMigConfig call such a config invalid for every GPU', () => {
    const { config } = parseMigPartedConfig(text);
    const gpus = [{ index: 0, deviceId: '0x20B710DE' }];
    const bad = validateMigConfig(config!, 'My A30 config', gpus);
    expect(bad.verdict).toBe('invalid');
    expect(codes(bad.issues)).toEqual(['invalid-config-name']);
    expect(validateMigConfig(config!, 'all-balanced.v2_b', gpus).verdict).toBe('valid');
  });
});

describe('parseMigPartedConfig and YAML aliases', () => {
  it("keeps the YAML library's alias limit: nested aliases that multiply are refused, not expanded", () => {
    // Each level repeats the previous one ten times (10, then 100 copies): the start of a
    // "billion laughs", over the library's default limit of 100.
    const tenTimes = (name: string) => `[${Array<string>(10).fill(`*${name}`).join(', ')}]`;
    const text = [
      'version: v1',
      'mig-configs:',
      '  a: &a [{devices: all, mig-enabled: false}]',
      `  b: &b ${tenTimes('a')}`,
      `  c: ${tenTimes('b')}`,
      '',
    ].join('\n');
    const result = parseMigPartedConfig(text);
    expect(result.accepted).toBe(false);
    expect(result.issues.map((issue) => issue.facts)).toEqual([
      {
        kind: 'file',
        problem: { kind: 'yaml-unreadable', error: expect.stringMatching(/alias/i) },
      },
    ]);
  });

  it('refuses a list or mapping used as a key before building objects, at its line', () => {
    // The library stringifies such keys, level by level: 300 nested `? ` took seconds, 400 half
    // a minute. mig-parted reads only plain keys, so the file is refused without expanding them.
    const nested = parseMigPartedConfig(`${'? '.repeat(300)}x\n`);
    expect(nested.issues.map((issue) => [issue.code, issue.line, issue.rejectsFile])).toEqual([
      ['collection-key', 1, true],
    ]);
    const deeper = parseMigPartedConfig(
      'version: v1\nmig-configs:\n  a:\n    - devices: all\n      mig-enabled: true\n      mig-devices:\n        [1g.5gb]: 1\n',
    );
    expect(deeper.issues.map((issue) => [issue.code, issue.line, issue.column])).toEqual([
      ['collection-key', 7, 9],
    ]);
    expect(deeper.issues[0].facts).toEqual({ kind: 'file', problem: { kind: 'collection-key' } });
    const aliased = parseMigPartedConfig('version: v1\nlist: &l [a]\n*l : 1\n');
    expect(aliased.issues.map((issue) => issue.code)).toContain('collection-key');
  });

  it('prints nothing itself: a collection used as a key is an issue, not a process warning', () => {
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const result = parseMigPartedConfig('version: v1\nmig-configs:\n  ? [x]\n  : []\n');
      expect(result.accepted).toBe(false);
      expect(emitWarning).not.toHaveBeenCalled();
    } finally {
      emitWarning.mockRestore();
    }
  });

  it('still reads a config that reuses an entry by alias', () => {
    const result = parseMigPartedConfig(
      'version: v1\nmig-configs:\n  a: &off\n    - devices: all\n      mig-enabled: false\n  b: *off\n',
    );
    expect(result.issues).toEqual([]);
    expect(result.config!.migConfigs.b).toEqual(result.config!.migConfigs.a);
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
        for (const issue of result.issues) expect(issue.facts.kind).toBe('file');
      }),
      { numRuns: 400 },
    );
  });

  it('quotes at most the start of a long value it found, so a text file is not echoed whole', () => {
    const [issue] = parseMigPartedConfig(`${'lorem ipsum '.repeat(10_000)}\n`).issues;
    expect(issue.code).toBe('not-a-mapping');
    expect(issue.facts).toEqual({
      kind: 'file',
      problem: {
        kind: 'root-not-a-mapping',
        found: { kind: 'string', text: expect.stringMatching(/^"lorem ipsum lorem .*…"$/) },
      },
    });
    expect(issue.facts.kind === 'file' && JSON.stringify(issue.facts.problem).length).toBeLessThan(
      200,
    );
  });

  it('on a non-string argument', () => {
    const result = parseMigPartedConfig(42 as unknown as string);
    expect(result.accepted).toBe(false);
    expect(codes(result.issues)).toEqual(['not-a-mapping']);
  });
});
