import fc from 'fast-check';
import {
  findModel,
  hasOwn,
  listConfigNames,
  parseMigPartedConfig,
  serializeMigPartedConfig,
  setOwn,
  type MigPartedConfigFile,
  type MigPartedEntry,
} from '../geometry';
import type { ConfigMapKind } from './models';
import {
  checkConfigName,
  configMapToWrite,
  describeWriteFailure,
  designedEntries,
  inUseSourceChange,
  readInUse,
  migConfigNamePatch,
  ownConfigOf,
  planCustomConfig,
  PLUGIN_MIG_CONFIG_MAP,
  type NodeConfigUse,
} from './customConfig';

const a30 = findModel('a30-24gb')!;
const inUse = parseMigPartedConfig(`version: v1
mig-configs:
  all-disabled:
    - devices: all
      mig-enabled: false
  all-balanced:
    - device-filter: "0x20B710DE"
      devices: all
      mig-enabled: true
      mig-devices:
        "1g.6gb": 2
        "2g.12gb": 1
`).config!;

describe('designedEntries', () => {
  it('writes one devices: all entry filtered to the model when the layout is shared', () => {
    expect(designedEntries(a30, [{ index: 0, counts: { '2g.12gb': 2 } }], true)).toEqual([
      {
        deviceFilter: '0x20B710DE',
        devices: 'all',
        migEnabled: true,
        migDevices: { '2g.12gb': 2 },
      },
    ]);
  });
  it('lists GPU indices per distinct layout', () => {
    const entries = designedEntries(
      a30,
      [
        { index: 0, counts: { '4g.24gb': 1 } },
        { index: 1, counts: { '1g.6gb': 4 } },
        { index: 2, counts: { '4g.24gb': 1 } },
      ],
      false,
    );
    expect(entries.map((entry) => entry.devices)).toEqual([[0, 2], [1]]);
    expect(entries.every((entry) => entry.deviceFilter === '0x20B710DE')).toBe(true);
  });
  it('keeps explicit indices per GPU even when the layouts agree', () => {
    const entries = designedEntries(
      a30,
      [
        { index: 0, counts: { '1g.6gb': 1 } },
        { index: 1, counts: { '1g.6gb': 1 } },
      ],
      false,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0].devices).toEqual([0, 1]);
  });
});

describe('checkConfigName', () => {
  it('rejects names that cannot be a label value', () => {
    expect(checkConfigName('', []).problem).toBe('empty');
    expect(checkConfigName('My A30 config', []).problem).toBe('characters');
    expect(checkConfigName(' padded', []).problem).toBe('characters');
    expect(checkConfigName('-bad', []).problem).toBe('characters');
    expect(checkConfigName('bad.', []).problem).toBe('characters');
    expect(checkConfigName('a'.repeat(64), []).problem).toBe('too-long');
    expect(checkConfigName('a'.repeat(63), []).problem).toBeUndefined();
    expect(checkConfigName('custom-a30.v2', []).problem).toBeUndefined();
    // Label values allow upper case and "_" (apimachinery IsValidLabelValue).
    expect(checkConfigName('My_A30.config', []).problem).toBeUndefined();
  });
  it('reports clashes and the nodes using the name', () => {
    const check = checkConfigName(
      'all-balanced',
      ['all-balanced'],
      [
        { name: 'worker1', migConfig: 'all-balanced' },
        { name: 'worker2', migConfig: 'all-disabled' },
      ],
    );
    expect(check).toEqual({ clashes: true, usedByNodes: ['worker1'] });
  });
});

describe('planCustomConfig', () => {
  const entries = designedEntries(a30, [{ index: 0, counts: { '2g.12gb': 2 } }], true);

  it('keeps every config in use and adds the new one', () => {
    const plan = planCustomConfig({
      inUse,
      nodes: [],
      name: 'two-halves',
      entries,
    });
    expect(plan.added).toEqual(['two-halves']);
    expect(plan.replaced).toEqual([]);
    expect(plan.kept).toEqual(['all-disabled', 'all-balanced']);
    const reparsed = parseMigPartedConfig(plan.yaml);
    expect(reparsed.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(Object.keys(reparsed.config!.migConfigs)).toEqual([
      'all-disabled',
      'all-balanced',
      'two-halves',
    ]);
    expect(plan.yaml).toContain('device-filter: "0x20B710DE"');
  });

  it('keeps earlier designs of the plugin and configs nodes use from generated configs', () => {
    const own = configMapToWrite(
      'nvidia-gpu-operator',
      `version: v1\nmig-configs:\n  earlier-design:\n    - devices: all\n      mig-enabled: true\n      mig-devices:\n        "4g.24gb": 1\n`,
    );
    const generated = parseMigPartedConfig(
      `version: v1\nmig-configs:\n  all-1g.6gb:\n    - devices: all\n      mig-enabled: true\n      mig-devices:\n        "1g.6gb": 4\n`,
    ).config!;
    const plan = planCustomConfig({
      inUse,
      ownConfigMap: own,
      nodes: [
        { name: 'worker1', migConfig: 'all-1g.6gb', config: generated },
        { name: 'worker2', migConfig: 'gone', config: generated },
      ],
      name: 'two-halves',
      entries,
    });
    expect(plan.kept).toEqual(['all-disabled', 'all-balanced', 'earlier-design', 'all-1g.6gb']);
    expect(plan.fromNodes).toEqual(['all-1g.6gb']);
    expect(plan.warnings).toEqual([{ code: 'label-undefined', node: 'worker2', name: 'gone' }]);
  });

  it('replaces a config of the same name and warns about nodes using it', () => {
    const plan = planCustomConfig({
      inUse,
      nodes: [{ name: 'worker1', migConfig: 'all-balanced' }],
      name: 'all-balanced',
      entries,
    });
    expect(plan.replaced).toEqual(['all-balanced']);
    expect(plan.kept).toEqual(['all-disabled']);
    expect(plan.warnings).toEqual([
      { code: 'replaced-in-use', nodes: ['worker1'], name: 'all-balanced' },
    ]);
  });
});

describe('warnings', () => {
  it('names the unreadable config in use and the unreadable plugin ConfigMap', () => {
    const broken = configMapToWrite('nvidia-gpu-operator', 'version: v1\nmig-configs: [\n');
    const plan = planCustomConfig({
      inUseConfigMap: 'nvidia-gpu-operator/custom-mig-config',
      ownConfigMap: broken,
      nodes: [],
      name: 'two-halves',
      entries: designedEntries(a30, [{ index: 0, counts: { '2g.12gb': 2 } }], true),
    });
    expect(plan.warnings[0]).toEqual({
      code: 'in-use-unreadable',
      configMap: 'nvidia-gpu-operator/custom-mig-config',
    });
    expect(plan.warnings[1]).toMatchObject({
      code: 'own-config-map-replaced',
      problem: { code: 'invalid-file', configMap: PLUGIN_MIG_CONFIG_MAP },
    });
    expect(plan.warnings).toHaveLength(2);
  });
});

describe('writes', () => {
  it('updates only config.yaml of the existing ConfigMap, keeping its resourceVersion', () => {
    const existing = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: PLUGIN_MIG_CONFIG_MAP, namespace: 'ns', resourceVersion: '7' },
      data: { 'config.yaml': 'old', other: 'kept' },
    };
    const written = configMapToWrite('ns', 'new', existing);
    expect(written.metadata?.resourceVersion).toBe('7');
    expect(written.data).toEqual({ 'config.yaml': 'new', other: 'kept' });
  });

  it('patches the ClusterPolicy with a test of the previous name', () => {
    expect(
      migConfigNamePatch(
        { metadata: { name: 'p' }, spec: { migManager: { config: { name: 'mine' } } } },
        PLUGIN_MIG_CONFIG_MAP,
      ),
    ).toEqual([
      { op: 'test', path: '/spec/migManager/config/name', value: 'mine' },
      { op: 'replace', path: '/spec/migManager/config/name', value: PLUGIN_MIG_CONFIG_MAP },
    ]);
  });

  it('guards with the resourceVersion when the name is unset, adding the missing parent', () => {
    expect(
      migConfigNamePatch(
        { metadata: { name: 'p', resourceVersion: '3' }, spec: { migManager: { enabled: true } } },
        'x',
      ),
    ).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '3' },
      { op: 'add', path: '/spec/migManager/config', value: { name: 'x' } },
    ]);
    expect(() => migConfigNamePatch({ metadata: { name: 'p' }, spec: {} }, 'x')).toThrow(
      /resourceVersion/,
    );
  });

  it('classifies write failures', () => {
    expect(describeWriteFailure({ code: 409, message: 'conflict' }).kind).toBe('conflict');
    expect(describeWriteFailure({ response: { status: 403 }, message: 'no' }).kind).toBe(
      'forbidden',
    );
    // A failed `test` (kube-apiserver's generic 422) is someone else's write; other 422s are invalid.
    expect(
      describeWriteFailure({
        code: 422,
        message: 'the server rejected our request due to an error in our request',
      }).kind,
    ).toBe('conflict');
    expect(
      describeWriteFailure({
        code: 422,
        json: { message: 'ConfigMap "x" is invalid: metadata.name: Invalid value' },
      }),
    ).toEqual({
      kind: 'invalid',
      status: 422,
      message: 'ConfigMap "x" is invalid: metadata.name: Invalid value',
    });
    expect(describeWriteFailure(new TypeError('Failed to fetch')).kind).toBe('network');
  });
});

describe('the ConfigMap in use, guarded', () => {
  const configMap = (resourceVersion: string, text: string) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'team-mig', namespace: 'nvidia-gpu-operator', resourceVersion },
    data: { 'config.yaml': text },
  });
  const teamText =
    'version: v1\nmig-configs:\n  team-only:\n    - devices: all\n      mig-enabled: false\n';
  const shared = {
    config: inUse,
    view: { kind: 'custom' as const, configMapName: 'team-mig', namespace: 'nvidia-gpu-operator' },
  };

  it('copies the configs and the resourceVersion from one listed object', () => {
    const read = readInUse(shared, [configMap('5', teamText)]);
    expect(Object.keys(read.inUse?.migConfigs ?? {})).toEqual(['team-only']);
    expect(read.source).toEqual({
      namespace: 'nvidia-gpu-operator',
      name: 'team-mig',
      resourceVersion: '5',
    });
  });

  it('keeps the fallback for an unreadable file, guarded all the same; none when unlisted', () => {
    expect(readInUse(shared, [configMap('5', '[1, 2]')])).toEqual({
      inUse,
      source: { namespace: 'nvidia-gpu-operator', name: 'team-mig', resourceVersion: '5' },
    });
    expect(readInUse(shared, [])).toEqual({
      inUse,
      source: { namespace: 'nvidia-gpu-operator', name: 'team-mig' },
    });
    expect(readInUse(shared, undefined)).toEqual({ inUse });
    expect(readInUse({ view: { kind: 'built-in' } }, [])).toEqual({});
  });

  it('tells a changed, deleted or created ConfigMap from an unchanged one', () => {
    const previewed = { namespace: 'nvidia-gpu-operator', name: 'team-mig', resourceVersion: '5' };
    expect(inUseSourceChange(previewed, configMap('5', teamText))).toBeUndefined();
    expect(inUseSourceChange(previewed, configMap('6', teamText))).toEqual({
      kind: 'changed',
      from: '5',
      to: '6',
    });
    expect(inUseSourceChange(previewed, undefined)).toEqual({ kind: 'deleted' });
    const absent = { namespace: 'nvidia-gpu-operator', name: 'team-mig' };
    expect(inUseSourceChange(absent, undefined)).toBeUndefined();
    expect(inUseSourceChange(absent, configMap('1', teamText))).toEqual({ kind: 'created' });
  });
});

describe('the custom-config merge under fuzzing (fast-check)', () => {
  const profileName = fc
    .tuple(
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 1, max: 300 }),
      fc.constantFrom('', '+me', '+me.all', '+gfx'),
    )
    .map(([g, gb, attr]) => `${g}g.${gb}gb${attr}`);
  const pciId = fc
    .integer({ min: 0, max: 0xffff })
    .map((device) => `0x${device.toString(16).toUpperCase().padStart(4, '0')}10DE`);
  const entry: fc.Arbitrary<MigPartedEntry> = fc
    .oneof(
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
          .dictionary(profileName, fc.integer({ min: 1, max: 7 }), { maxKeys: 3 })
          .filter((counts) => Object.keys(counts).length > 0),
      }),
      fc.record({ devices: fc.constant('all' as const), migEnabled: fc.constant(false) }),
    )
    // JSON drops the undefined members, as a parsed file has none.
    .map((generated) => JSON.parse(JSON.stringify(generated)) as MigPartedEntry);
  const entries = fc.array(entry, { minLength: 1, maxLength: 3 });
  const configName = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      'all-disabled',
      'all-balanced',
      '__proto__',
      'constructor',
      'toString',
      'My A30 config',
      'x'.repeat(64),
      'yes',
      'null',
      '# x',
      'a: b',
    ),
  );
  /** Named configs in generation order, first name wins (own properties, even `__proto__`). */
  const configFile: fc.Arbitrary<MigPartedConfigFile> = fc
    .array(fc.tuple(configName, entries), { maxLength: 5 })
    .map((pairs) => {
      const migConfigs: Record<string, MigPartedEntry[]> = {};
      for (const [name, list] of pairs)
        if (!hasOwn(migConfigs, name)) setOwn(migConfigs, name, list);
      return { version: 'v1', migConfigs };
    });
  const ownConfigMapWith = (data: unknown): ConfigMapKind =>
    ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: PLUGIN_MIG_CONFIG_MAP, namespace: 'nvidia-gpu-operator' },
      data,
    }) as ConfigMapKind;
  const ownConfigMap = fc.option(
    fc.oneof(
      configFile.map((file) => ownConfigMapWith({ 'config.yaml': serializeMigPartedConfig(file) })),
      fc.string({ maxLength: 80 }).map((text) => ownConfigMapWith({ 'config.yaml': text })),
      fc.anything().map(ownConfigMapWith),
    ),
    { nil: undefined },
  );
  const nodes: fc.Arbitrary<NodeConfigUse[]> = fc.array(
    fc
      .tuple(fc.string({ maxLength: 8 }), fc.option(configName), fc.option(configFile))
      .map(([name, migConfig, config]) => ({
        name,
        ...(migConfig !== null ? { migConfig } : {}),
        ...(config !== null ? { config } : {}),
      })),
    { maxLength: 4 },
  );

  it('never throws, keeps every config in use and earlier design, and writes a file that parses back', () => {
    fc.assert(
      fc.property(
        fc.option(configFile, { nil: undefined }),
        ownConfigMap,
        nodes,
        configName,
        entries,
        fc.string({ maxLength: 30 }),
        (inUse, own, nodeUses, name, designed, comment) => {
          const plan = planCustomConfig({
            ...(inUse ? { inUse } : {}),
            ...(own ? { ownConfigMap: own } : {}),
            nodes: nodeUses,
            name,
            entries: designed,
            comment,
          });
          const written = plan.config.migConfigs;
          expect(hasOwn(written, name)).toBe(true);
          expect(written[name]).toEqual(designed);
          for (const kept of listConfigNames(inUse ?? { version: 'v1', migConfigs: {} })) {
            if (kept === name) continue;
            expect(hasOwn(written, kept)).toBe(true);
            expect(written[kept]).toEqual(inUse?.migConfigs[kept]);
          }
          const earlier = ownConfigOf(own).config;
          for (const kept of earlier ? listConfigNames(earlier) : []) {
            expect(hasOwn(written, kept) || kept === name).toBe(true);
          }
          const parsed = parseMigPartedConfig(plan.yaml);
          expect(parsed.accepted).toBe(true);
          expect(parsed.rejectedConfigNames).toEqual([]);
          expect(listConfigNames(parsed.config!)).toEqual(listConfigNames(plan.config));
          expect(parsed.config!.migConfigs).toEqual(written);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never drops a named config of an in-use ConfigMap mig-parted accepts', () => {
    // Entries well-formed or not: a file with a malformed entry is refused whole (and the
    // designer falls back with a warning); one mig-parted loads must reach the written file whole.
    const wellFormed = entry.map((generated) => ({
      ...(generated.deviceFilter !== undefined ? { 'device-filter': generated.deviceFilter } : {}),
      devices: generated.devices,
      'mig-enabled': generated.migEnabled,
      ...(generated.migDevices ? { 'mig-devices': generated.migDevices } : {}),
    }));
    const rawEntry = fc.oneof(
      { weight: 9, arbitrary: wellFormed },
      {
        weight: 1,
        arbitrary: fc.dictionary(
          fc.constantFrom('devices', 'mig-enabled', 'mig-devices', 'x'),
          fc.anything(),
        ),
      },
    );
    const rawConfigs = fc
      .array(fc.tuple(configName, fc.array(rawEntry, { minLength: 1, maxLength: 2 })), {
        maxLength: 4,
      })
      .map((pairs) => {
        const record: Record<string, unknown> = {};
        for (const [name, list] of pairs) if (!hasOwn(record, name)) setOwn(record, name, list);
        return record;
      });
    const builtIn = parseMigPartedConfig(
      'version: v1\nmig-configs:\n  all-disabled:\n    - devices: all\n      mig-enabled: false\n',
    ).config!;
    fc.assert(
      fc.property(rawConfigs, configName, entries, (raw, name, designed) => {
        const text = JSON.stringify({ version: 'v1', 'mig-configs': raw });
        const source = {
          config: builtIn,
          view: {
            kind: 'custom' as const,
            namespace: 'nvidia-gpu-operator',
            configMapName: 'team-mig',
          },
        };
        const configMap = {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'team-mig', namespace: 'nvidia-gpu-operator', resourceVersion: '3' },
          data: { 'config.yaml': text },
        };
        const read = readInUse(source, [configMap]);
        expect(read.source?.resourceVersion).toBe('3');
        const plan = planCustomConfig({
          ...(read.inUse ? { inUse: read.inUse } : {}),
          nodes: [],
          name,
          entries: designed,
        });
        if (!parseMigPartedConfig(text).accepted) return;
        for (const kept of Object.keys(raw)) {
          expect(hasOwn(plan.config.migConfigs, kept)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads the config in use from any listed objects without throwing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.anything(), { maxLength: 4 }),
        fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
        (listed, configMapName) => {
          const read = readInUse(
            {
              view: {
                kind: 'custom',
                namespace: 'nvidia-gpu-operator',
                ...(configMapName !== undefined ? { configMapName } : {}),
              },
            },
            listed as ConfigMapKind[],
          );
          if (read.source) expect(read.source.name).toBe(configMapName);
        },
      ),
      { numRuns: 200 },
    );
  });
});
