import { parseMigPartedConfig, resolveMigConfigForGpus, validateMigConfig } from '.';

describe('resolveMigConfigForGpus and validateMigConfig', () => {
  const text = [
    'version: v1',
    'mig-configs:',
    '  mixed-node:',
    '    - devices: all',
    '      mig-enabled: true',
    '      mig-devices: {"1g.10gb": 7}',
    '    - device-filter: "0x20B710DE"',
    '      devices: [1, 5]',
    '      mig-enabled: true',
    '      mig-devices: {"2g.12gb": 1, "1g.6gb": 0}',
    '  too-much:',
    '    - devices: [0]',
    '      mig-enabled: true',
    '      mig-devices: {"3g.40gb": 2, "2g.20gb": 1}',
    '    - devices: [1]',
    '      mig-enabled: true',
    '      mig-devices: {"1g.5gb": 1}',
    '',
  ].join('\n');
  const config = parseMigPartedConfig(text).config!;
  const gpus = [
    { index: 0, deviceId: '0x233010DE' },
    { index: 1, deviceId: '0x20B710DE' },
  ];

  it('lets a later entry override an earlier one and says so', () => {
    const resolution = resolveMigConfigForGpus(config, 'mixed-node', gpus);
    expect(
      resolution.gpus.map((gpu) => [gpu.entryIndex, gpu.counts, gpu.overriddenEntries]),
    ).toEqual([
      [0, { '1g.10gb': 7 }, []],
      [1, { '2g.12gb': 1 }, [0]],
    ]);
    const overridden = resolution.issues.find((issue) => issue.code === 'entry-overridden');
    expect(overridden).toMatchObject({
      severity: 'warning',
      configName: 'mixed-node',
      entryIndex: 0,
    });
    expect(overridden!.facts).toEqual({ kind: 'entry-overridden', by: 1, gpus: [1] });
    const absent = resolution.issues.find((issue) => issue.code === 'device-index-absent');
    expect(absent!.facts).toMatchObject({ kind: 'device-index-absent', gpus: [5] });
  });

  it('reports a GPU no entry matches, which mig-parted skips silently', () => {
    const resolution = resolveMigConfigForGpus(config, 'too-much', [
      ...gpus,
      { index: 2, deviceId: '0x233010DE' },
    ]);
    expect(resolution.gpus[2].entryIndex).toBeUndefined();
    const issue = resolution.issues.find((candidate) => candidate.code === 'gpu-not-covered');
    expect(issue).toMatchObject({ severity: 'error', gpuIndex: 2, configName: 'too-much' });
    expect(issue!.facts).toEqual({ kind: 'gpu-not-covered', device: '0x233010DE' });
  });

  it('does not require GPUs without MIG to be covered by devices: all', () => {
    const validation = validateMigConfig(config, 'mixed-node', [
      { index: 0, deviceId: '0x233010DE' },
      { index: 2, deviceId: '0x1EB810DE', migCapable: false },
    ]);
    expect(validation.gpus.map((gpu) => gpu.verdict)).toEqual(['valid', 'valid']);
    expect(validation.gpus[1].entryIndex).toBeUndefined();
  });

  it('finds what mig-parted only finds on the node, naming config, entry and profile', () => {
    const validation = validateMigConfig(config, 'too-much', gpus);
    expect(validation.verdict).toBe('invalid');
    expect(validation.gpus.map((gpu) => gpu.verdict)).toEqual(['invalid', 'invalid']);
    const compute = validation.issues.find(
      (issue) => issue.gpuIndex === 0 && issue.severity === 'error',
    );
    expect(compute).toMatchObject({ configName: 'too-much', entryIndex: 0 });
    expect(compute!.facts).toMatchObject({ kind: 'layout', device: '0x233010DE' });
    const unknown = validation.issues.find((issue) => issue.code === 'unknown-profile');
    expect(unknown).toMatchObject({ entryIndex: 1, profile: '1g.5gb', gpuIndex: 1 });
  });

  it('reports a missing config name with a suggestion', () => {
    const validation = validateMigConfig(config, 'Mixed-Node', gpus);
    expect(validation.found).toBe(false);
    expect(validation.verdict).toBe('invalid');
    expect(validation.issues[0].code).toBe('config-not-found');
    expect(validation.issues[0].facts).toMatchObject({ suggestion: 'mixed-node' });
  });

  it('says a device id outside the catalog cannot be checked', () => {
    const validation = validateMigConfig(config, 'mixed-node', [
      { index: 0, deviceId: '0x20B310DE' },
    ]);
    expect(validation.verdict).toBe('unknown');
    expect(validation.issues.map((issue) => issue.code)).toEqual([
      'device-index-absent',
      'unknown-device',
    ]);
  });

  it('warns that an explicitly named GPU without MIG makes mig-parted fail', () => {
    const validation = validateMigConfig(config, 'too-much', [
      { index: 0, deviceId: '0x1EB810DE', migCapable: false },
    ]);
    expect(validation.issues.map((issue) => issue.code)).toContain('not-mig-capable');
  });
});
