/** One entry of a named config, checked field by field as mig-parted's spec types decode it. */
import type { ProfileCounts } from '../types';
import { hasOwn, setOwn } from './configFile';
import { describe, foundValue } from './foundValue';
import { profileNameProblem } from './names';
import {
  entryLabel,
  fileError,
  locate,
  type FileErrorPlace,
  type ParseContext,
  type Path,
} from './parseContext';
import { parsePciId } from './pciId';
import type { ConfigIssueCode, FileProblem, MigPartedEntry } from './types';

const ENTRY_KEYS = ['device-filter', 'devices', 'mig-enabled', 'mig-devices'];

/** The entry being read: where it is, and how messages name it. */
interface EntryScope {
  context: ParseContext;
  /** `['mig-configs', configName, entryIndex]`. */
  path: Path;
  configName: string;
  entryIndex: number;
  /** `config 'NAME', entry #N`, the start of every message about the entry. */
  label: string;
}

/** A file error about the entry (or the field at `field` in it); the message follows the label. */
function entryError(
  scope: EntryScope,
  code: ConfigIssueCode,
  message: string,
  problem: FileProblem,
  field: Path = [],
  place: Omit<FileErrorPlace, 'configName' | 'entryIndex'> = {},
): void {
  const { configName, entryIndex } = scope;
  fileError(scope.context, code, `${scope.label}: ${message}`, problem, [...scope.path, ...field], {
    configName,
    entryIndex,
    ...place,
  });
}

/** Fields mig-parted does not know, and the two it requires. */
function checkEntryKeys(scope: EntryScope, fields: Record<string, unknown>): void {
  for (const key of Object.keys(fields)) {
    if (!ENTRY_KEYS.includes(key)) {
      entryError(
        scope,
        'unexpected-field',
        `unexpected field '${key}' (allowed: ${ENTRY_KEYS.join(', ')})`,
        { kind: 'unexpected-entry-field', field: key },
        [key],
        { atKey: true },
      );
    }
  }
  for (const required of ['devices', 'mig-enabled']) {
    if (!hasOwn(fields, required)) {
      entryError(scope, 'missing-field', `missing required field '${required}'`, {
        kind: 'missing-entry-field',
        field: required,
      });
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
  const hint = numberHint ? ' (quote PCI ids: YAML reads an unquoted 0x20B710DE as a number)' : '';
  entryError(
    scope,
    'invalid-device-filter',
    `device-filter must be a PCI id string or a list of them, found ${describe(value)}${hint}`,
    { kind: 'bad-device-filter', found: foundValue(value), numberHint },
    ['device-filter'],
  );
  return undefined;
}

function readDevices(scope: EntryScope, value: unknown): 'all' | number[] | undefined {
  if (value === 'all') return 'all';
  if (typeof value === 'string') {
    entryError(
      scope,
      'invalid-devices',
      `invalid string input for 'devices': ${value} (use 'all' or a list of GPU indices)`,
      { kind: 'devices-string', value },
      ['devices'],
    );
    return undefined;
  }
  if (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'number' && Number.isSafeInteger(item))
  ) {
    return value as number[];
  }
  entryError(
    scope,
    'invalid-devices',
    `'devices' must be 'all' or a list of integer GPU indices, found ${describe(value)}`,
    { kind: 'bad-devices', found: foundValue(value) },
    ['devices'],
  );
  return undefined;
}

function readMigEnabled(scope: EntryScope, value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === null) return false; // Go leaves the bool at false for JSON null.
  entryError(
    scope,
    'invalid-mig-enabled',
    `'mig-enabled' must be true or false, found ${describe(value)}`,
    { kind: 'bad-mig-enabled', found: foundValue(value) },
    ['mig-enabled'],
  );
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
  const nameProblem = profileNameProblem(profile);
  if (nameProblem) {
    entryError(
      scope,
      'invalid-profile-name',
      nameProblem,
      { kind: 'bad-profile-name', profile },
      field,
      {
        profile,
        atKey: true,
      },
    );
  }
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
    entryError(
      scope,
      'invalid-count',
      `count for profile ${profile} must be a whole number ≥ 0, found ${describe(count)}`,
      { kind: 'bad-count', profile, found: foundValue(count) },
      field,
      { profile },
    );
    return false;
  }
  setOwn(counts, profile, count);
  return !nameProblem;
}

function readMigDevices(scope: EntryScope, value: unknown): ProfileCounts | undefined {
  if (value === null) return undefined; // Go: a null map, same as absent.
  if (typeof value !== 'object' || Array.isArray(value)) {
    entryError(
      scope,
      'invalid-mig-devices',
      `'mig-devices' must be a mapping of profile name to count, found ${describe(value)}`,
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
    entryError(
      scope,
      'all-counts-zero',
      'all counts for all MIG profiles are 0 (use mig-devices: {} for a MIG-enabled GPU with no instances)',
      { kind: 'all-counts-zero' },
      ['mig-devices'],
    );
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
    entryError(
      scope,
      'missing-field',
      "missing required field 'mig-devices' when 'mig-enabled' is true (use {} for no instances)",
      { kind: 'missing-mig-devices' },
    );
  }
  if (migEnabled === false && migDevices && Object.keys(migDevices).length > 0) {
    entryError(
      scope,
      'mig-devices-when-disabled',
      "MIG devices included when 'mig-enabled' is false",
      { kind: 'mig-devices-when-disabled' },
      ['mig-devices'],
    );
  }
}

/** Why mig-parted cannot use one filter string, or undefined when it can. */
function filterProblem(text: string): { message: string; facts: FileProblem } | undefined {
  const parsed = parsePciId(text);
  if (!parsed) {
    return {
      message: `'${text}' is not a PCI id mig-parted can read`,
      facts: { kind: 'filter-not-a-pci-id', text },
    };
  }
  if (parsed.deviceId.endsWith('10DE')) return undefined;
  const device = parsed.deviceId.slice(0, 6);
  const vendor = `0x${parsed.deviceId.slice(6)}`;
  return {
    message: `'${text}' reads as device ${device} of vendor ${vendor}, not an NVIDIA GPU`,
    facts: { kind: 'filter-not-nvidia', text, device, vendor },
  };
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
      message: `${scope.label}: device-filter ${problem.message}; mig-parted accepts the file but this filter matches no GPU (write device then vendor, e.g. 0x20B710DE)`,
      rejectsFile: false,
      configName: scope.configName,
      entryIndex: scope.entryIndex,
      ...locate(scope.context, [...scope.path, ...field], false),
      facts: { kind: 'file', problem: problem.facts },
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
  const scope = {
    context,
    path,
    configName,
    entryIndex,
    label: entryLabel(configName, entryIndex),
  };
  const before = context.issues.length;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    entryError(scope, 'invalid-entry', `expected a mapping, found ${describe(raw)}`, {
      kind: 'entry-not-a-mapping',
      found: foundValue(raw),
    });
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
