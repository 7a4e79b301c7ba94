/**
 * Test oracle: NVIDIA's 81 named configs resolved per device id by an independent computation
 * (`__fixtures__/mig-default-configs.json`, a copy of the reference data; see its README). The engine must agree
 * with it on every config × device id: matched entry, MIG mode, counts and validity.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { DEFAULT_MIG_PARTED_CONFIG_YAML } from './defaultMigPartedConfig';
import {
  configsValidForModel,
  listConfigNames,
  parseMigPartedConfig,
  validateMigConfig,
  type MigPartedEntry,
} from './migParted';
import { findModel } from './catalog';

const FIXTURES = join(__dirname, '__fixtures__');

interface OracleDevice {
  model: string;
  matchedEntry: number | null;
  migEnabled?: boolean;
  migDevices?: Record<string, number>;
  valid?: boolean | null;
  reason?: string;
  result?: string;
}
interface OracleConfig {
  comment: string[];
  entries: Array<{
    'device-filter'?: string | string[];
    devices: 'all' | number[];
    'mig-enabled': boolean;
    'mig-devices'?: Record<string, number>;
  }>;
  perDevice: Record<string, OracleDevice>;
}
interface Oracle {
  semantics: Record<string, string>;
  configNames: string[];
  configs: Record<string, OracleConfig>;
}

const oracle = JSON.parse(
  readFileSync(join(FIXTURES, 'mig-default-configs.json'), 'utf8'),
) as Oracle;
const parsed = parseMigPartedConfig(DEFAULT_MIG_PARTED_CONFIG_YAML);
const config = parsed.config!;

function toEntry(raw: OracleConfig['entries'][number]): MigPartedEntry {
  const entry: MigPartedEntry = { devices: raw.devices, migEnabled: raw['mig-enabled'] };
  if (raw['device-filter'] !== undefined) entry.deviceFilter = raw['device-filter'];
  if (raw['mig-devices'] !== undefined) entry.migDevices = raw['mig-devices'];
  return entry;
}

describe('built-in default config', () => {
  it('is byte-identical to the reference file', () => {
    const reference = readFileSync(join(FIXTURES, 'mig-parted-config-default.yaml'), 'utf8');
    expect(DEFAULT_MIG_PARTED_CONFIG_YAML).toBe(reference);
  });

  it('parses into the oracle’s config names and entries', () => {
    expect(parsed.issues).toEqual([]);
    expect(listConfigNames(config)).toEqual(oracle.configNames);
    for (const name of oracle.configNames) {
      expect(config.migConfigs[name]).toEqual(oracle.configs[name].entries.map(toEntry));
      const comment = config.comments?.[name] ?? [];
      expect(comment).toEqual(oracle.configs[name].comment);
    }
  });
});

const cases = oracle.configNames.flatMap((name) =>
  Object.entries(oracle.configs[name].perDevice).map(
    ([deviceId, expected]) => [name, deviceId, expected] as const,
  ),
);

describe('engine resolution equals the oracle for every config × device id', () => {
  it('covers the whole oracle', () => {
    expect(cases.length).toBe(81 * 31);
  });

  it.each(cases)('%s on %s', (name, deviceId, expected) => {
    const validation = validateMigConfig(config, name, [{ index: 0, deviceId }]);
    const [gpu] = validation.gpus;
    expect(validation.found).toBe(true);
    expect(gpu.modelId).toBe(expected.model);

    if (expected.matchedEntry === null) {
      expect(gpu.entryIndex).toBeUndefined();
      expect(gpu.verdict).toBe('not-covered');
      expect(validation.issues.map((issue) => issue.code)).toContain('gpu-not-covered');
      return;
    }
    expect(gpu.entryIndex).toBe(expected.matchedEntry);
    expect(gpu.migEnabled).toBe(expected.migEnabled);
    expect(gpu.counts).toEqual(
      Object.fromEntries(
        Object.entries(expected.migDevices ?? {}).filter(([, count]) => count > 0),
      ),
    );
    const verdict =
      expected.valid === true ? 'valid' : expected.valid === false ? 'invalid' : 'unknown';
    expect(gpu.verdict).toBe(verdict);
    expect(validation.verdict).toBe(verdict);

    if (verdict === 'valid') {
      expect(validation.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
      if (expected.migEnabled && Object.keys(expected.migDevices ?? {}).length > 0) {
        expect(gpu.layout?.valid).toBe(true);
        const placed = gpu.layout!.instances.map((instance) => instance.profile).sort();
        const wanted = Object.entries(expected.migDevices!)
          .flatMap(([profile, count]) => Array<string>(count).fill(profile))
          .sort();
        expect(placed).toEqual(wanted);
      }
      return;
    }
    // The profile the oracle blames is named by one of the engine's issues for this entry.
    const blamed = /(?:profile |x |of )(\S+)/.exec(expected.reason ?? '')?.[1];
    expect(blamed).toBeDefined();
    const relevant = validation.issues.filter(
      (issue) => issue.entryIndex === expected.matchedEntry && issue.configName === name,
    );
    expect(
      relevant.some(
        (issue) => issue.profile === blamed || JSON.stringify(issue.facts).includes(blamed!),
      ),
    ).toBe(true);
    if (verdict === 'invalid') {
      expect(relevant.some((issue) => issue.severity === 'error')).toBe(true);
    }
  });
});

describe('configsValidForModel offers what the oracle calls valid', () => {
  it.each([
    ['a30-24gb', '0x20B710DE'],
    ['h100-80gb-sxm5', '0x233010DE'],
    ['rtx-pro-6000-blackwell', '0x2BB110DE'],
    ['a100-40gb', '0x20B010DE'],
  ])('%s (%s)', (modelId, deviceId) => {
    const model = findModel(modelId)!;
    const choices = configsValidForModel(config, model, deviceId);
    const valid = choices
      .filter((choice) => choice.verdict === 'valid')
      .map((choice) => choice.name);
    const expected = oracle.configNames.filter(
      (name) => oracle.configs[name].perDevice[deviceId].valid === true,
    );
    expect(valid).toEqual(expected);
    for (const choice of choices.filter((candidate) => candidate.verdict !== 'valid')) {
      expect(choice.issues.length).toBeGreaterThan(0);
    }
  });
});
