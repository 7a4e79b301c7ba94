/** One entry of a named config, checked field by field as mig-parted's spec types decode it. */
import type { ProfileCounts } from '../types';
import { hasOwn, setOwn } from './configFile';
import { foundValue } from './foundValue';
import { isMigPartedProfileName } from './names';
import {
  fileError,
  locate,
  type FileErrorPlace,
  type ParseContext,
  type Path,
} from './parseContext';
import { parsePciId } from './pciId';
import type { ConfigIssueCode, FileProblem, MigPartedEntry } from './types';

const ENTRY_KEYS = ['device-filter', 'devices', 'mig-enabled', 'mig-devices'];

/** The entry being read, and where it is. */
interface EntryScope {
  context: ParseContext;
  /** `['mig-configs', configName, entryIndex]`. */
  path: Path;
  configName: string;
  entryIndex: number;
}

/** A file error about the entry (or the field at `field` in it). */
function entryError(
  scope: EntryScope,
  code: ConfigIssueCode,
  problem: FileProblem,
  field: Path = [],
  place: Omit<FileErrorPlace, 'configName' | 'entryIndex'> = {},
): void {
  const { configName, entryIndex } = scope;
  fileError(scope.context, code, problem, [...scope.path, ...field], {
    configName,
    entryIndex,
    ...place,
  });
}

/** Fields mig-parted does not know, and the two it requires. */
function checkEntryKeys(scope: EntryScope, fields: Record<string, unknown>): void {
  for (const key of Object.keys(fields)) {
    if (!ENTRY_KEYS.includes(key)) {
      entryError(scope, 'unexpected-field', { kind: 'unexpected-entry-field', field: key }, [key], {
        atKey: true,
      });
    }
  }
  for (const required of ['devices', 'mig-enabled']) {
    if (!hasOwn(fields, required)) {
      entryError(scope, 'missing-field', { kind: 'missing-entry-field', field: required });
    }
  }
}

function readDeviceFilter(scope: EntryScope, value: unknown): string | string[] | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value as string[];
  }
  // JSON null unmarshals into an absent filter in Go: every GPU matches.
  if (value === null) return undefined;
  const numberHint =
    typeof value === 'number' || (Array.isArray(value) && value.some((v) => typeof v === 'number'));
  entryError(
    scope,
    'invalid-device-filter',
    { kind: 'bad-device-filter', found: foundValue(value), numberHint },
    ['device-filter'],
  );
  return undefined;
}

function readDevices(scope: EntryScope, value: unknown): 'all' | number[] | undefined {
  if (value === 'all') return 'all';
  if (typeof value === 'string') {
    entryError(scope, 'invalid-devices', { kind: 'devices-string', value }, ['devices']);
    return undefined;
  }
  if (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'number' && Number.isSafeInteger(item))
  ) {
    return value as number[];
  }
  entryError(scope, 'invalid-devices', { kind: 'bad-devices', found: foundValue(value) }, [
    'devices',
  ]);
  return undefined;
}

function readMigEnabled(scope: EntryScope, value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === null) return false; // Go leaves the bool at false for JSON null.
  entryError(scope, 'invalid-mig-enabled', { kind: 'bad-mig-enabled', found: foundValue(value) }, [
    'mig-enabled',
  ]);
  return undefined;
}

/** One profile → count pair; false when it is wrong (its errors recorded). */
function readProfileCount(
  scope: EntryScope,
  profile: string,
  count: unknown,
  counts: ProfileCounts,
): boolean {
  const field = ['mig-devices', profile];
  const named = isMigPartedProfileName(profile);
  if (!named) {
    entryError(scope, 'invalid-profile-name', { kind: 'bad-profile-name', profile }, field, {
      profile,
      atKey: true,
    });
  }
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
    entryError(
      scope,
      'invalid-count',
      { kind: 'bad-count', profile, found: foundValue(count) },
      field,
      { profile },
    );
    return false;
  }
  setOwn(counts, profile, count);
  return named;
}

function readMigDevices(scope: EntryScope, value: unknown): ProfileCounts | undefined {
  if (value === null) return undefined; // Go: a null map, same as absent.
  if (typeof value !== 'object' || Array.isArray(value)) {
    entryError(
      scope,
      'invalid-mig-devices',
      { kind: 'mig-devices-not-a-map', found: foundValue(value) },
      ['mig-devices'],
    );
    return undefined;
  }
  const counts: ProfileCounts = {};
  let ok = true;
  for (const [profile, count] of Object.entries(value as Record<string, unknown>)) {
    if (!readProfileCount(scope, profile, count, counts)) ok = false;
  }
  if (!ok) return undefined;
  const values = Object.values(counts);
  if (values.length > 0 && values.every((count) => count === 0)) {
    entryError(scope, 'all-counts-zero', { kind: 'all-counts-zero' }, ['mig-devices']);
    return undefined;
  }
  return counts;
}

/** `mig-devices` must be there when MIG is on, and empty when it is off. */
function checkMigDevicesAgainstMode(
  scope: EntryScope,
  fields: Record<string, unknown>,
  migEnabled: boolean | undefined,
  migDevices: ProfileCounts | undefined,
): void {
  if (migEnabled === true && migDevices === undefined && !hasOwn(fields, 'mig-devices')) {
    entryError(scope, 'missing-field', { kind: 'missing-mig-devices' });
  }
  if (migEnabled === false && migDevices && Object.keys(migDevices).length > 0) {
    entryError(scope, 'mig-devices-when-disabled', { kind: 'mig-devices-when-disabled' }, [
      'mig-devices',
    ]);
  }
}

/** Why mig-parted cannot use one filter string, or undefined when it can. */
function filterProblem(text: string): FileProblem | undefined {
  const parsed = parsePciId(text);
  if (!parsed) return { kind: 'filter-not-a-pci-id', text };
  if (parsed.deviceId.endsWith('10DE')) return undefined;
  const device = parsed.deviceId.slice(0, 6);
  return { kind: 'filter-not-nvidia', text, device, vendor: `0x${parsed.deviceId.slice(6)}` };
}

/** Filter strings mig-parted cannot read are silently ignored on the node: the entry matches nothing. */
function checkFilterValues(scope: EntryScope, filter: string | string[]): void {
  const list = typeof filter === 'string' ? (filter === '' ? [] : [filter]) : filter;
  list.forEach((text, i) => {
    const problem = filterProblem(text);
    if (!problem) return;
    const field = typeof filter === 'string' ? ['device-filter'] : ['device-filter', i];
    scope.context.issues.push({
      severity: 'error',
      code: 'unparsable-device-filter',
      rejectsFile: false,
      configName: scope.configName,
      entryIndex: scope.entryIndex,
      ...locate(scope.context, [...scope.path, ...field], false),
      facts: { kind: 'file', problem },
    });
  });
}

/** Parse one entry; returns undefined (with issues) when mig-parted would reject it. */
export function parseEntry(
  context: ParseContext,
  raw: unknown,
  configName: string,
  entryIndex: number,
): MigPartedEntry | undefined {
  const path: Path = ['mig-configs', configName, entryIndex];
  const scope = { context, path, configName, entryIndex };
  const before = context.issues.length;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    entryError(scope, 'invalid-entry', { kind: 'entry-not-a-mapping', found: foundValue(raw) });
    return undefined;
  }
  const fields = raw as Record<string, unknown>;
  checkEntryKeys(scope, fields);
  const read = <T>(key: string, reader: (scope: EntryScope, value: unknown) => T | undefined) =>
    hasOwn(fields, key) ? reader(scope, fields[key]) : undefined;
  const deviceFilter = read('device-filter', readDeviceFilter);
  const devices = read('devices', readDevices);
  const migEnabled = read('mig-enabled', readMigEnabled);
  const migDevices = read('mig-devices', readMigDevices);
  checkMigDevicesAgainstMode(scope, fields, migEnabled, migDevices);
  if (context.issues.length > before || devices === undefined || migEnabled === undefined) {
    return undefined;
  }
  if (deviceFilter !== undefined) checkFilterValues(scope, deviceFilter);
  const entry: MigPartedEntry = { devices, migEnabled };
  if (deviceFilter !== undefined) entry.deviceFilter = deviceFilter;
  if (migDevices !== undefined) entry.migDevices = migDevices;
  return entry;
}
