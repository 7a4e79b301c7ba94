/**
 * mig-parted config files (spec v1): parse, check, resolve per GPU, serialize, merge.
 *
 * Parsing reproduces what `nvidia-mig-parted assert --valid-config` accepts (NVIDIA/mig-parted
 * `api/spec/v1/spec.go`, `pkg/types`), but reports every problem at once with its line instead of
 * stopping at the first. Resolution reproduces `apply`: entries are walked in order and a later
 * entry that matches a GPU overrides an earlier one. Checks that mig-parted only meets on the node
 * (unknown profile, too many instances, no placement, GPU no entry matches) are in
 * `validateMigConfig`, against the catalog and the placement engine.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  parse as parseYaml,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { findModelByDeviceId, findProfile, shortModelName } from './catalog';
import {
  LABEL_VALUE_MAX_LENGTH,
  labelValueProblem,
  parseProfileName,
  type LabelValueProblem,
} from './naming';
import { placeInstances } from './placement';
import type { AdvertisementWarningFacts, SingleStrategyInvalid } from './prediction';
import type {
  GpuModel,
  LayoutProblem,
  LayoutResult,
  LayoutWarningFacts,
  MigProfile,
  ProfileCounts,
} from './types';

/** The only spec version mig-parted knows. */
export const MIG_PARTED_SPEC_VERSION = 'v1';

/** One entry of a named config, exactly as written (so it serializes back unchanged). */
export interface MigPartedEntry {
  /** One PCI id or a list; absent (or empty) = every GPU. `0xDDDDVVVV[:0xSSSSVVVV]`. */
  deviceFilter?: string | string[];
  /** `all`, or GPU indices as mig-parted enumerates them. */
  devices: 'all' | number[];
  migEnabled: boolean;
  /** Profile name → count. Required (may be empty) when `migEnabled`; absent or empty otherwise. */
  migDevices?: ProfileCounts;
}

/** A parsed mig-parted config file. Named configs keep their order. */
export interface MigPartedConfigFile {
  version: typeof MIG_PARTED_SPEC_VERSION;
  migConfigs: Record<string, MigPartedEntry[]>;
  /** Comment lines written directly above a named config (NVIDIA uses them to name the GPUs). */
  comments?: Record<string, string[]>;
}

export type ConfigIssueCode =
  // The file itself: mig-parted refuses to load it (`assert --valid-config` fails → state `failed`).
  | 'yaml-syntax'
  | 'collection-key'
  | 'not-a-mapping'
  | 'missing-version'
  | 'unknown-version'
  | 'unexpected-field'
  | 'missing-mig-configs'
  | 'empty-mig-configs'
  | 'empty-config'
  | 'invalid-entry'
  | 'missing-field'
  | 'invalid-device-filter'
  | 'invalid-devices'
  | 'invalid-mig-enabled'
  | 'invalid-mig-devices'
  | 'invalid-profile-name'
  | 'invalid-count'
  | 'all-counts-zero'
  | 'mig-devices-when-disabled'
  // Accepted by mig-parted, but wrong on the node (found only at apply time, or never reported).
  | 'unparsable-device-filter'
  | 'invalid-config-name'
  | 'multiple-documents'
  | 'config-not-found'
  | 'gpu-not-covered'
  | 'entry-overridden'
  | 'device-index-absent'
  | 'unknown-device'
  | 'not-mig-capable'
  | 'unknown-profile'
  | 'too-many-instances'
  | 'compute-exceeded'
  | 'no-placement'
  | 'placements-unknown'
  | 'empty-mig-layout'
  | 'layout-warning'
  // What the node advertises afterwards (predictConfig.ts).
  | 'single-strategy-invalid'
  | 'advertisement-warning'
  | 'current-state-unknown';

/** A problem in a config file, located as precisely as we can. */
/**
 * A node-time issue as data, for the UI's words (`gpu` is the device id as `0x20b7`; the config,
 * entry and GPU index are the issue's own fields). File-level issues have none: their `message`
 * quotes the YAML.
 */
export type ConfigIssueFacts =
  | { kind: 'config-not-found'; configCount: number; suggestion?: string }
  | { kind: 'gpu-not-covered'; device: string }
  | { kind: 'entry-overridden'; by: number; gpus: number[] }
  | { kind: 'device-index-absent'; gpus: number[]; present: number[] }
  | { kind: 'not-mig-capable'; device: string }
  | { kind: 'unknown-device'; device: string; deviceId: string }
  | { kind: 'empty-mig-layout'; device: string; model: string }
  | { kind: 'placements-unknown'; device: string; profiles: string[]; model: string }
  | { kind: 'layout'; device: string; problem: LayoutProblem }
  | { kind: 'layout-warning'; device: string; warning: LayoutWarningFacts }
  | { kind: 'current-state-unknown' }
  | { kind: 'file'; problem: FileProblem }
  | { kind: 'advertisement'; warning: AdvertisementWarningFacts }
  | { kind: 'single-strategy-invalid'; product?: string; invalid: SingleStrategyInvalid };

/**
 * What is wrong in a mig-parted file, as data: `found` is the value the file holds, `error` the
 * YAML parser's own words (data, not ours to translate). Entry-level problems name the config and
 * entry in the issue's own fields.
 */
export type FileProblem =
  | {
      kind:
        | 'not-text'
        | 'root-not-a-mapping'
        | 'unknown-version'
        | 'mig-configs-not-a-map'
        | 'config-not-a-list'
        | 'entry-not-a-mapping'
        | 'bad-devices'
        | 'bad-mig-enabled'
        | 'mig-devices-not-a-map';
      found: FoundValue;
    }
  | { kind: 'yaml-unreadable' | 'yaml-syntax'; error: string }
  | {
      kind:
        | 'empty-file'
        | 'collection-key'
        | 'multiple-documents'
        | 'missing-version'
        | 'missing-mig-configs'
        | 'empty-mig-configs'
        | 'empty-config'
        | 'missing-mig-devices'
        | 'mig-devices-when-disabled'
        | 'all-counts-zero';
    }
  | {
      kind: 'unexpected-top-field' | 'unexpected-entry-field' | 'missing-entry-field';
      field: string;
    }
  | { kind: 'bad-device-filter'; found: FoundValue; numberHint: boolean }
  | { kind: 'devices-string'; value: string }
  | { kind: 'filter-not-a-pci-id'; text: string }
  | { kind: 'filter-not-nvidia'; text: string; device: string; vendor: string }
  | { kind: 'bad-profile-name'; profile: string }
  | { kind: 'bad-count'; profile: string; found: FoundValue }
  | { kind: 'config-name-not-a-label-value'; name: string; problem: LabelValueProblem };

export interface ConfigIssue {
  severity: 'error' | 'warning';
  code: ConfigIssueCode;
  /** Plain English; names the config, the entry (0-based, as `entry #N`) and the profile. */
  message: string;
  /** True when mig-parted itself refuses the whole file, so no named config in it can be applied. */
  rejectsFile: boolean;
  configName?: string;
  entryIndex?: number;
  profile?: string;
  gpuIndex?: number;
  /** 1-based position in the YAML text, when the issue comes from parsing. */
  line?: number;
  column?: number;
  /** The same as data, for the UI's words (node-time issues). */
  facts?: ConfigIssueFacts;
}

export interface MigPartedParseResult {
  /**
   * Present when the text is a YAML mapping. Named configs with a malformed entry are left out (their
   * errors are in `issues`), so entry indices of the configs that are present match the file.
   */
  config?: MigPartedConfigFile;
  issues: ConfigIssue[];
  /** True when mig-parted would load the file (no issue with `rejectsFile`). */
  accepted: boolean;
  /** Named configs left out of `config` because an entry is malformed. */
  rejectedConfigNames: string[];
}

const TOP_LEVEL_KEYS = ['version', 'mig-configs'];
const ENTRY_KEYS = ['device-filter', 'devices', 'mig-enabled', 'mig-devices'];

/** Why a string is not a MIG profile name as mig-parted parses it, or undefined when it is one. */
export function profileNameProblem(name: string): string | undefined {
  // mig-parted's parser is case- and space-sensitive (`1G.5GB` fails), unlike our lenient one.
  if (name !== name.trim() || name !== name.toLowerCase() || !parseProfileName(name)) {
    return `'${name}' is not a MIG profile name (expected e.g. 1g.10gb, 1g.10gb+me, 1g.24gb-me, 1c.3g.20gb)`;
  }
  return undefined;
}

/** Why a config name cannot be selected, in plain English (the CLI's words; the UI's are in configIssueText). */
function configNameMessage(name: string, problem: LabelValueProblem): string {
  const why =
    problem === 'empty'
      ? 'an empty config name cannot be a node label value'
      : problem === 'too-long'
        ? `config name '${name}' cannot be a node label value (it has ${name.length} characters, at most ${LABEL_VALUE_MAX_LENGTH} are allowed)`
        : `config name '${name}' cannot be a node label value (only letters, digits, '-', '_' and '.', starting and ending with a letter or digit)`;
  return `${why}, so nvidia.com/mig.config can never select it`;
}

/**
 * The issue for a config name that cannot be a label value, or undefined when it can be one.
 * mig-parted loads such a file, but the node label that selects a config cannot hold the name:
 * the API server refuses the write (422), so the config can never be applied.
 */
export function configNameIssue(name: string): ConfigIssue | undefined {
  const problem = labelValueProblem(name);
  if (problem === undefined) return undefined;
  return {
    severity: 'error',
    code: 'invalid-config-name',
    message: configNameMessage(name, problem),
    rejectsFile: false,
    configName: name,
    facts: { kind: 'file', problem: { kind: 'config-name-not-a-label-value', name, problem } },
  };
}

/** A PCI id as mig-parted reads it (`strconv.ParseUint(s, 0, 32)` on each side of `:`). */
export interface ParsedPciId {
  /** `0xDDDDVVVV`, upper-case hex, the form mig-parted logs. */
  deviceId: string;
  /** `0xSSSSVVVV` when the filter names a subsystem (one board). */
  subsystemId?: string;
}

/** Go's `strconv.ParseUint(s, 0, 32)`: base from the prefix, underscores only with a prefix. */
function parseGoUint32(text: string): number | undefined {
  let digits = text;
  let base = 10;
  const prefix = text.slice(0, 2).toLowerCase();
  if (prefix === '0x' || prefix === '0o' || prefix === '0b') {
    base = prefix === '0x' ? 16 : prefix === '0o' ? 8 : 2;
    digits = text.slice(2);
    // Underscores must sit between digits (or right after the prefix).
    if (/__|_$/.test(digits)) return undefined;
    digits = digits.replace(/_/g, '');
  } else if (text.length > 1 && text.startsWith('0')) {
    base = 8;
    digits = text.slice(1);
    if (/^_|__|_$/.test(digits)) return undefined;
    digits = digits.replace(/_/g, '');
  }
  const alphabet = '0123456789abcdef'.slice(0, base);
  if (digits.length === 0 || ![...digits.toLowerCase()].every((ch) => alphabet.includes(ch))) {
    return undefined;
  }
  const value = parseInt(digits, base);
  return value <= 0xffffffff ? value : undefined;
}

function formatPciWord(value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(8, '0')}`;
}

/** Filters and GPU ids repeat across entries and nodes; parsing them once keeps fleet checks fast. */
const pciIdCache = new Map<string, ParsedPciId | undefined>();
const PCI_ID_CACHE_LIMIT = 4096;

/** Parse `0x20B710DE` or `0x233010DE:0x16C110DE`; undefined when mig-parted could not read it. */
export function parsePciId(text: string): ParsedPciId | undefined {
  if (typeof text !== 'string') return undefined;
  if (pciIdCache.has(text)) return pciIdCache.get(text);
  const parsed = parsePciIdUncached(text);
  if (pciIdCache.size >= PCI_ID_CACHE_LIMIT) pciIdCache.clear();
  pciIdCache.set(text, parsed);
  return parsed;
}

function parsePciIdUncached(text: string): ParsedPciId | undefined {
  const parts = text.trim().split(':');
  if (parts.length > 2) return undefined;
  const device = parseGoUint32(parts[0]);
  if (device === undefined) return undefined;
  if (parts.length === 1) return { deviceId: formatPciWord(device) };
  const subsystem = parseGoUint32(parts[1]);
  if (subsystem === undefined) return undefined;
  return { deviceId: formatPciWord(device), subsystemId: formatPciWord(subsystem) };
}

/** The filter strings of an entry; an absent filter or an empty string means "every GPU". */
export function deviceFilterList(entry: MigPartedEntry): string[] {
  const filter = entry.deviceFilter;
  if (filter === undefined) return [];
  if (typeof filter === 'string') return filter === '' ? [] : [filter];
  return filter;
}

/** A GPU as the resolver sees it: its index on the node and its PCI ids. */
export interface GpuIdentity {
  index: number;
  /** `0xDDDDVVVV` (any case or base mig-parted accepts). */
  deviceId: string;
  subsystemId?: string;
}

/** Whether an entry's device filter selects this GPU (mig-parted `MatchesDeviceFilter`). */
export function entryMatchesDevice(entry: MigPartedEntry, gpu: GpuIdentity): boolean {
  const filters = deviceFilterList(entry);
  if (filters.length === 0) return true;
  const hardware = parsePciId(gpu.deviceId);
  if (!hardware) return false;
  const hardwareSubsystem = gpu.subsystemId ? parsePciId(gpu.subsystemId)?.deviceId : undefined;
  return filters.some((text) => {
    const filter = parsePciId(text);
    if (!filter || filter.deviceId !== hardware.deviceId) return false;
    return filter.subsystemId === undefined || filter.subsystemId === hardwareSubsystem;
  });
}

/** Whether an entry selects this GPU by filter and by index (mig-parted's walk). */
export function entryMatchesGpu(entry: MigPartedEntry, gpu: GpuIdentity): boolean {
  if (!entryMatchesDevice(entry, gpu)) return false;
  return entry.devices === 'all' || entry.devices.includes(gpu.index);
}

/** Object.prototype.hasOwnProperty, because config names like `constructor` are legal. */
export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Sets an own, enumerable property even for keys like `__proto__` (plain assignment would not). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

export function listConfigNames(config: MigPartedConfigFile): string[] {
  return Object.keys(config.migConfigs);
}

export function getNamedConfig(
  config: MigPartedConfigFile,
  name: string,
): MigPartedEntry[] | undefined {
  return hasOwn(config.migConfigs, name) ? config.migConfigs[name] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Parsing

type Path = Array<string | number>;

interface ParseContext {
  doc: Document;
  lineCounter: LineCounter;
  issues: ConfigIssue[];
}

/** A value found in the file, as data: its kind, and its text when it is a scalar. */
export type FoundValue =
  | { kind: 'nothing' | 'list' | 'mapping' }
  | { kind: 'string'; text: string }
  | { kind: 'number' | 'boolean' | 'other'; text: string };

/** Messages quote a found value; a long one (a whole text file read as one string) by its start. */
const FOUND_TEXT_MAX_LENGTH = 80;

function clipped(text: string): string {
  return text.length > FOUND_TEXT_MAX_LENGTH ? `${text.slice(0, FOUND_TEXT_MAX_LENGTH)}…` : text;
}

function foundValue(value: unknown): FoundValue {
  if (value === null || value === undefined) return { kind: 'nothing' };
  if (Array.isArray(value)) return { kind: 'list' };
  if (typeof value === 'object') return { kind: 'mapping' };
  if (typeof value === 'string') return { kind: 'string', text: JSON.stringify(clipped(value)) };
  if (typeof value === 'number') return { kind: 'number', text: String(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', text: String(value) };
  return { kind: 'other', text: `${typeof value} ${clipped(String(value))}` };
}

/** A found value in plain English (CLI, logs, tests). */
export function foundValueMessage(found: FoundValue): string {
  switch (found.kind) {
    case 'nothing':
      return 'nothing';
    case 'list':
      return 'a list';
    case 'mapping':
      return 'a mapping';
    case 'string':
      return `the string ${found.text}`;
    case 'number':
    case 'boolean':
      return `${found.kind} ${found.text}`;
    default:
      return found.text;
  }
}

function describe(value: unknown): string {
  return foundValueMessage(foundValue(value));
}

/** The AST node at a path, and the key node of the last step (to point at a key). */
function nodeAt(doc: Document, path: Path): { node?: YamlNode; key?: YamlNode } {
  let node: unknown = doc.contents;
  let key: YamlNode | undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step),
      );
      if (!pair) return {};
      key = pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      key = undefined;
      node = node.items[step];
    } else {
      return {};
    }
  }
  return { node: (node ?? undefined) as YamlNode | undefined, key };
}

function locate(
  context: ParseContext,
  path: Path,
  atKey: boolean,
): { line?: number; column?: number } {
  const { node, key } = nodeAt(context.doc, path);
  const target = atKey && key ? key : (node ?? key);
  const offset = target?.range?.[0];
  if (offset === undefined) return {};
  const pos = context.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function fileError(
  context: ParseContext,
  code: ConfigIssueCode,
  message: string,
  problem: FileProblem,
  path: Path,
  where: { configName?: string; entryIndex?: number; profile?: string; atKey?: boolean } = {},
): void {
  const { atKey = false, ...names } = where;
  context.issues.push({
    severity: 'error',
    code,
    message,
    rejectsFile: true,
    ...names,
    ...locate(context, path, atKey),
    facts: { kind: 'file', problem },
  });
}

function entryLabel(configName: string, entryIndex: number): string {
  return `config '${configName}', entry #${entryIndex}`;
}

/** Parse one entry; returns undefined (with issues) when mig-parted would reject it. */
function parseEntry(
  context: ParseContext,
  raw: unknown,
  configName: string,
  entryIndex: number,
): MigPartedEntry | undefined {
  const path: Path = ['mig-configs', configName, entryIndex];
  const where = { configName, entryIndex };
  const label = entryLabel(configName, entryIndex);
  const before = context.issues.length;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    fileError(
      context,
      'invalid-entry',
      `${label}: expected a mapping, found ${describe(raw)}`,
      { kind: 'entry-not-a-mapping', found: foundValue(raw) },
      path,
      where,
    );
    return undefined;
  }
  const fields = raw as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!ENTRY_KEYS.includes(key)) {
      fileError(
        context,
        'unexpected-field',
        `${label}: unexpected field '${key}' (allowed: ${ENTRY_KEYS.join(', ')})`,
        { kind: 'unexpected-entry-field', field: key },
        [...path, key],
        { ...where, atKey: true },
      );
    }
  }
  for (const required of ['devices', 'mig-enabled']) {
    if (!hasOwn(fields, required)) {
      fileError(
        context,
        'missing-field',
        `${label}: missing required field '${required}'`,
        { kind: 'missing-entry-field', field: required },
        path,
        where,
      );
    }
  }

  let deviceFilter: string | string[] | undefined;
  if (hasOwn(fields, 'device-filter')) {
    const value = fields['device-filter'];
    const filterPath = [...path, 'device-filter'];
    if (typeof value === 'string') {
      deviceFilter = value;
    } else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      deviceFilter = value as string[];
    } else if (value === null) {
      // JSON null unmarshals into an absent filter in Go: every GPU matches.
      deviceFilter = undefined;
    } else {
      const hint =
        typeof value === 'number' ||
        (Array.isArray(value) && value.some((v) => typeof v === 'number'))
          ? ' (quote PCI ids: YAML reads an unquoted 0x20B710DE as a number)'
          : '';
      fileError(
        context,
        'invalid-device-filter',
        `${label}: device-filter must be a PCI id string or a list of them, found ${describe(value)}${hint}`,
        { kind: 'bad-device-filter', found: foundValue(value), numberHint: hint !== '' },
        filterPath,
        where,
      );
    }
  }

  let devices: 'all' | number[] | undefined;
  if (hasOwn(fields, 'devices')) {
    const value = fields.devices;
    if (value === 'all') {
      devices = 'all';
    } else if (typeof value === 'string') {
      fileError(
        context,
        'invalid-devices',
        `${label}: invalid string input for 'devices': ${value} (use 'all' or a list of GPU indices)`,
        { kind: 'devices-string', value },
        [...path, 'devices'],
        where,
      );
    } else if (
      Array.isArray(value) &&
      value.every((item) => typeof item === 'number' && Number.isSafeInteger(item))
    ) {
      devices = value as number[];
    } else {
      fileError(
        context,
        'invalid-devices',
        `${label}: 'devices' must be 'all' or a list of integer GPU indices, found ${describe(value)}`,
        { kind: 'bad-devices', found: foundValue(value) },
        [...path, 'devices'],
        where,
      );
    }
  }

  let migEnabled: boolean | undefined;
  if (hasOwn(fields, 'mig-enabled')) {
    const value = fields['mig-enabled'];
    if (typeof value === 'boolean') {
      migEnabled = value;
    } else if (value === null) {
      migEnabled = false; // Go leaves the bool at false for JSON null.
    } else {
      fileError(
        context,
        'invalid-mig-enabled',
        `${label}: 'mig-enabled' must be true or false, found ${describe(value)}`,
        { kind: 'bad-mig-enabled', found: foundValue(value) },
        [...path, 'mig-enabled'],
        where,
      );
    }
  }

  let migDevices: ProfileCounts | undefined;
  if (hasOwn(fields, 'mig-devices')) {
    migDevices = parseMigDevices(context, fields['mig-devices'], configName, entryIndex);
  }

  if (migEnabled === true && migDevices === undefined && !hasOwn(fields, 'mig-devices')) {
    fileError(
      context,
      'missing-field',
      `${label}: missing required field 'mig-devices' when 'mig-enabled' is true (use {} for no instances)`,
      { kind: 'missing-mig-devices' },
      path,
      where,
    );
  }
  if (migEnabled === false && migDevices && Object.keys(migDevices).length > 0) {
    fileError(
      context,
      'mig-devices-when-disabled',
      `${label}: MIG devices included when 'mig-enabled' is false`,
      { kind: 'mig-devices-when-disabled' },
      [...path, 'mig-devices'],
      where,
    );
  }
  if (context.issues.length > before || devices === undefined || migEnabled === undefined) {
    return undefined;
  }

  if (deviceFilter !== undefined)
    checkFilterValues(context, deviceFilter, path, configName, entryIndex);
  const entry: MigPartedEntry = { devices, migEnabled };
  if (deviceFilter !== undefined) entry.deviceFilter = deviceFilter;
  if (migDevices !== undefined) entry.migDevices = migDevices;
  return entry;
}

/** Filter strings mig-parted cannot read are silently ignored on the node: the entry matches nothing. */
function checkFilterValues(
  context: ParseContext,
  filter: string | string[],
  entryPath: Path,
  configName: string,
  entryIndex: number,
): void {
  const list = typeof filter === 'string' ? (filter === '' ? [] : [filter]) : filter;
  list.forEach((text, i) => {
    const parsed = parsePciId(text);
    let problem: string | undefined;
    let facts: FileProblem | undefined;
    if (!parsed) {
      problem = `'${text}' is not a PCI id mig-parted can read`;
      facts = { kind: 'filter-not-a-pci-id', text };
    } else if (!parsed.deviceId.endsWith('10DE')) {
      const device = parsed.deviceId.slice(0, 6);
      const vendor = `0x${parsed.deviceId.slice(6)}`;
      problem = `'${text}' reads as device ${device} of vendor ${vendor}, not an NVIDIA GPU`;
      facts = { kind: 'filter-not-nvidia', text, device, vendor };
    }
    if (!problem || !facts) return;
    const path =
      typeof filter === 'string'
        ? [...entryPath, 'device-filter']
        : [...entryPath, 'device-filter', i];
    context.issues.push({
      severity: 'error',
      code: 'unparsable-device-filter',
      message: `${entryLabel(configName, entryIndex)}: device-filter ${problem}; mig-parted accepts the file but this filter matches no GPU (write device then vendor, e.g. 0x20B710DE)`,
      rejectsFile: false,
      configName,
      entryIndex,
      ...locate(context, path, false),
      facts: { kind: 'file', problem: facts },
    });
  });
}

function parseMigDevices(
  context: ParseContext,
  value: unknown,
  configName: string,
  entryIndex: number,
): ProfileCounts | undefined {
  const path: Path = ['mig-configs', configName, entryIndex, 'mig-devices'];
  const label = entryLabel(configName, entryIndex);
  const where = { configName, entryIndex };
  if (value === null) return undefined; // Go: a null map, same as absent.
  if (typeof value !== 'object' || Array.isArray(value)) {
    fileError(
      context,
      'invalid-mig-devices',
      `${label}: 'mig-devices' must be a mapping of profile name to count, found ${describe(value)}`,
      { kind: 'mig-devices-not-a-map', found: foundValue(value) },
      path,
      where,
    );
    return undefined;
  }
  const counts: ProfileCounts = {};
  let ok = true;
  for (const [profile, count] of Object.entries(value as Record<string, unknown>)) {
    const nameProblem = profileNameProblem(profile);
    if (nameProblem) {
      ok = false;
      fileError(
        context,
        'invalid-profile-name',
        `${label}: ${nameProblem}`,
        { kind: 'bad-profile-name', profile },
        [...path, profile],
        { ...where, profile, atKey: true },
      );
    }
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
      ok = false;
      fileError(
        context,
        'invalid-count',
        `${label}: count for profile ${profile} must be a whole number ≥ 0, found ${describe(count)}`,
        { kind: 'bad-count', profile, found: foundValue(count) },
        [...path, profile],
        { ...where, profile },
      );
      continue;
    }
    setOwn(counts, profile, count);
  }
  if (!ok) return undefined;
  const values = Object.values(counts);
  if (values.length > 0 && values.every((count) => count === 0)) {
    fileError(
      context,
      'all-counts-zero',
      `${label}: all counts for all MIG profiles are 0 (use mig-devices: {} for a MIG-enabled GPU with no instances)`,
      { kind: 'all-counts-zero' },
      path,
      where,
    );
    return undefined;
  }
  return counts;
}

function commentLines(comment: string | null | undefined): string[] {
  if (!comment) return [];
  return comment
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Comments directly above each named config (the first one's sits on the map itself). */
function collectComments(doc: Document): Record<string, string[]> {
  const comments: Record<string, string[]> = {};
  const { node } = nodeAt(doc, ['mig-configs']);
  if (!isMap(node)) return comments;
  node.items.forEach((pair, i) => {
    if (!isPair(pair) || !isScalar(pair.key)) return;
    const raw = i === 0 ? (pair.key.commentBefore ?? node.commentBefore) : pair.key.commentBefore;
    const lines = commentLines(raw);
    if (lines.length > 0) {
      setOwn(comments, String(pair.key.value), lines);
    }
  });
  return comments;
}

/**
 * The first mapping key that is a list or a mapping (directly or through an alias). The library
 * would stringify it, and nested ones cost time that grows steeply with depth. Walks with its own
 * stack, so a deep document cannot overflow the call stack.
 */
function firstCollectionKey(doc: Document): YamlNode | undefined {
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isSeq(node)) {
      pending.push(...node.items);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
        if (isMap(key) || isSeq(key)) return pair.key as YamlNode;
        pending.push(pair.value);
      }
    }
  }
  return undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Parse a mig-parted config file. Never throws: malformed YAML and wrong types become issues.
 * YAML 1.1 rules apply (as in mig-parted's Go YAML parser): `yes`/`no`/`on`/`off` are booleans.
 */
export function parseMigPartedConfig(text: string): MigPartedParseResult {
  const issues: ConfigIssue[] = [];
  const fail = (): MigPartedParseResult => ({
    issues,
    accepted: false,
    rejectedConfigNames: [],
  });
  if (typeof text !== 'string') {
    issues.push({
      severity: 'error',
      code: 'not-a-mapping',
      message: `expected the text of a YAML file, got ${describe(text)}`,
      rejectsFile: true,
      facts: { kind: 'file', problem: { kind: 'not-text', found: foundValue(text) } },
    });
    return fail();
  }
  const lineCounter = new LineCounter();
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, {
      version: '1.1',
      lineCounter,
      uniqueKeys: true,
      prettyErrors: true,
      // What the library would warn about (a collection as a key) surfaces as issues; a process
      // warning on the CLI's stderr or the browser console would say it twice, in other words.
      logLevel: 'error',
    }) as unknown as Document[];
  } catch (error) {
    issues.push({
      severity: 'error',
      code: 'yaml-syntax',
      message: `YAML could not be read: ${errorText(error)}`,
      rejectsFile: true,
      facts: { kind: 'file', problem: { kind: 'yaml-unreadable', error: errorText(error) } },
    });
    return fail();
  }
  if (!Array.isArray(docs)) docs = [];
  const doc = docs[0];
  if (!doc) {
    issues.push({
      severity: 'error',
      code: 'missing-version',
      message: `the file is empty: mig-parted reports "unknown version" (expected 'version: ${MIG_PARTED_SPEC_VERSION}' and 'mig-configs')`,
      rejectsFile: true,
      facts: { kind: 'file', problem: { kind: 'empty-file' } },
    });
    return fail();
  }
  const context: ParseContext = { doc, lineCounter, issues };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = error.linePos?.[0];
      issues.push({
        severity: 'error',
        code: 'yaml-syntax',
        message: `YAML syntax: ${firstLine(error.message)}`,
        rejectsFile: true,
        facts: { kind: 'file', problem: { kind: 'yaml-syntax', error: firstLine(error.message) } },
        ...(pos ? { line: pos.line, column: pos.col } : {}),
      });
    }
    return fail();
  }
  if (docs.length > 1) {
    const second = docs[1].range?.[0];
    const pos = second !== undefined ? lineCounter.linePos(second) : undefined;
    issues.push({
      severity: 'warning',
      code: 'multiple-documents',
      message: 'the file holds several YAML documents; mig-parted reads only the first',
      rejectsFile: false,
      facts: { kind: 'file', problem: { kind: 'multiple-documents' } },
      ...(pos ? { line: pos.line, column: pos.col } : {}),
    });
  }

  const collectionKey = firstCollectionKey(doc);
  if (collectionKey) {
    const offset = collectionKey.range?.[0];
    const pos = offset !== undefined ? lineCounter.linePos(offset) : undefined;
    issues.push({
      severity: 'error',
      code: 'collection-key',
      message:
        'a list or mapping is used as a key; mig-parted reads only plain keys (field, config and profile names)',
      rejectsFile: true,
      facts: { kind: 'file', problem: { kind: 'collection-key' } },
      ...(pos ? { line: pos.line, column: pos.col } : {}),
    });
    return fail();
  }

  let root: unknown;
  try {
    // The library's default alias limit (100) stops a "billion laughs"; never raise it.
    root = doc.toJS();
  } catch (error) {
    issues.push({
      severity: 'error',
      code: 'yaml-syntax',
      message: `YAML could not be read: ${errorText(error)}`,
      rejectsFile: true,
      facts: { kind: 'file', problem: { kind: 'yaml-unreadable', error: errorText(error) } },
    });
    return fail();
  }
  if (root === null || root === undefined) {
    fileError(
      context,
      'missing-version',
      `the file is empty: mig-parted reports "unknown version" (expected 'version: ${MIG_PARTED_SPEC_VERSION}' and 'mig-configs')`,
      { kind: 'empty-file' },
      [],
    );
    return fail();
  }
  if (typeof root !== 'object' || Array.isArray(root)) {
    fileError(
      context,
      'not-a-mapping',
      `a mig-parted config must be a mapping with 'version' and 'mig-configs', found ${describe(root)}`,
      { kind: 'root-not-a-mapping', found: foundValue(root) },
      [],
    );
    return fail();
  }
  const top = root as Record<string, unknown>;

  if (!hasOwn(top, 'version')) {
    fileError(
      context,
      'missing-version',
      `missing 'version' field (expected 'version: ${MIG_PARTED_SPEC_VERSION}')`,
      { kind: 'missing-version' },
      [],
    );
  } else if (top.version !== MIG_PARTED_SPEC_VERSION) {
    fileError(
      context,
      'unknown-version',
      `unknown version: ${describe(top.version)} (mig-parted knows only '${MIG_PARTED_SPEC_VERSION}')`,
      { kind: 'unknown-version', found: foundValue(top.version) },
      ['version'],
    );
  }
  for (const key of Object.keys(top)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      fileError(
        context,
        'unexpected-field',
        `unexpected field: ${key}`,
        { kind: 'unexpected-top-field', field: key },
        [key],
        { atKey: true },
      );
    }
  }

  const migConfigs: Record<string, MigPartedEntry[]> = {};
  const rejectedConfigNames: string[] = [];
  const rawConfigs = top['mig-configs'];
  const emptyMigConfigs = () =>
    fileError(
      context,
      'empty-mig-configs',
      "at least one entry in 'mig-configs' is required",
      { kind: 'empty-mig-configs' },
      ['mig-configs'],
    );
  if (!hasOwn(top, 'mig-configs')) {
    fileError(
      context,
      'missing-mig-configs',
      "missing 'mig-configs': the file defines no named config",
      { kind: 'missing-mig-configs' },
      [],
    );
  } else if (rawConfigs === null || typeof rawConfigs !== 'object' || Array.isArray(rawConfigs)) {
    if (rawConfigs === null) {
      emptyMigConfigs();
    } else {
      fileError(
        context,
        'missing-mig-configs',
        `'mig-configs' must map config names to lists of entries, found ${describe(rawConfigs)}`,
        { kind: 'mig-configs-not-a-map', found: foundValue(rawConfigs) },
        ['mig-configs'],
      );
    }
  } else {
    const named = Object.entries(rawConfigs as Record<string, unknown>);
    if (named.length === 0) {
      emptyMigConfigs();
    }
    for (const [name, rawEntries] of named) {
      const nameIssue = configNameIssue(name);
      if (nameIssue) issues.push({ ...nameIssue, ...locate(context, ['mig-configs', name], true) });
      const entries = parseNamedConfig(context, name, rawEntries);
      if (entries) {
        setOwn(migConfigs, name, entries);
      } else {
        rejectedConfigNames.push(name);
      }
    }
  }

  const comments = collectComments(doc);
  const config: MigPartedConfigFile = { version: MIG_PARTED_SPEC_VERSION, migConfigs };
  if (Object.keys(comments).length > 0) config.comments = comments;
  return {
    config,
    issues,
    accepted: !issues.some((issue) => issue.rejectsFile),
    rejectedConfigNames,
  };
}

function parseNamedConfig(
  context: ParseContext,
  name: string,
  rawEntries: unknown,
): MigPartedEntry[] | undefined {
  const path: Path = ['mig-configs', name];
  if (rawEntries === null || (Array.isArray(rawEntries) && rawEntries.length === 0)) {
    fileError(
      context,
      'empty-config',
      `at least one entry in '${name}' is required`,
      { kind: 'empty-config' },
      path,
      { configName: name, atKey: true },
    );
    return undefined;
  }
  if (!Array.isArray(rawEntries)) {
    fileError(
      context,
      'invalid-entry',
      `config '${name}' must be a list of entries (each starting with '- devices: ...'), found ${describe(rawEntries)}`,
      { kind: 'config-not-a-list', found: foundValue(rawEntries) },
      path,
      { configName: name },
    );
    return undefined;
  }
  const entries = rawEntries.map((raw, index) => parseEntry(context, raw, name, index));
  return entries.every((entry): entry is MigPartedEntry => entry !== undefined)
    ? entries
    : undefined;
}

// ---------------------------------------------------------------------------------------------
// Resolution: which entry applies to which GPU (mig-parted `apply` semantics)

/** What a named config does to one GPU. */
export interface GpuConfigResolution {
  index: number;
  deviceId: string;
  subsystemId?: string;
  /** The entry that finally applies (the last matching one); undefined when no entry matches. */
  entryIndex?: number;
  /** Undefined when no entry matches (mig-parted leaves the GPU as it is). */
  migEnabled?: boolean;
  /** Requested instances, zero counts dropped (mig-parted skips them). */
  counts: ProfileCounts;
  /** Earlier entries that matched this GPU too; mig-parted applied them, then the later one won. */
  overriddenEntries: number[];
}

export interface ConfigResolution {
  configName: string;
  found: boolean;
  gpus: GpuConfigResolution[];
  issues: ConfigIssue[];
}

/** A GPU to resolve against; `migCapable: false` marks a GPU mig-parted skips under `devices: all`. */
export interface ConfigGpu extends GpuIdentity {
  migCapable?: boolean;
}

function nonZeroCounts(counts: ProfileCounts | undefined): ProfileCounts {
  const result: ProfileCounts = {};
  for (const [profile, count] of Object.entries(counts ?? {})) {
    if (count > 0) {
      setOwn(result, profile, count);
    }
  }
  return result;
}

function gpuDevice(gpu: GpuIdentity): string {
  return parsePciId(gpu.deviceId)?.deviceId ?? gpu.deviceId;
}

function gpuLabel(gpu: GpuIdentity): string {
  return `GPU ${gpu.index} (${gpuDevice(gpu)})`;
}

function formatIndexList(indices: number[]): string {
  return indices.length === 1 ? `GPU ${indices[0]}` : `GPUs ${indices.join(', ')}`;
}

function configNotFound(config: MigPartedConfigFile, configName: string): ConfigIssue {
  const names = listConfigNames(config);
  const near = names.filter(
    (name) =>
      name.toLowerCase() === configName.toLowerCase() || name.replace(/\+/g, '.') === configName,
  );
  const hint = near.length > 0 ? ` Did you mean '${near[0]}'?` : '';
  return {
    severity: 'error',
    code: 'config-not-found',
    message: `config '${configName}' is not in the file (${names.length} named config${names.length === 1 ? '' : 's'}); mig-parted fails with "selected mig-config not present" and the node state becomes failed.${hint}`,
    rejectsFile: false,
    configName,
    facts: {
      kind: 'config-not-found',
      configCount: names.length,
      ...(near.length > 0 ? { suggestion: near[0] } : {}),
    },
  };
}

/**
 * Which entry of a named config applies to each GPU, as `nvidia-mig-parted apply` walks it: entries
 * in order, each one applied to every GPU its filter and `devices` select, so a later entry
 * overrides an earlier one. GPUs no entry selects are reported: mig-parted skips them silently and
 * the node still reports `success`.
 */
export function resolveMigConfigForGpus(
  config: MigPartedConfigFile,
  configName: string,
  gpus: ConfigGpu[],
): ConfigResolution {
  const entries = getNamedConfig(config, configName);
  if (!entries) {
    return {
      configName,
      found: false,
      gpus: gpus.map((gpu) => ({ ...identityOf(gpu), counts: {}, overriddenEntries: [] })),
      issues: [configNotFound(config, configName)],
    };
  }
  const issues: ConfigIssue[] = [];
  const presentIndices = new Set(gpus.map((gpu) => gpu.index));
  const overrides = new Map<string, { overridden: number; by: number; gpus: number[] }>();

  const resolved = gpus.map((gpu): GpuConfigResolution => {
    const matching = entries
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => entryMatchesGpu(entry, gpu))
      // mig-parted skips GPUs without MIG support when the entry says `devices: all`.
      .filter(({ entry }) => !(gpu.migCapable === false && entry.devices === 'all'));
    const base = { ...identityOf(gpu), overriddenEntries: [] as number[] };
    if (matching.length === 0) return { ...base, counts: {} };
    const winner = matching[matching.length - 1];
    const overridden = matching.slice(0, -1).map(({ index }) => index);
    for (const index of overridden) {
      const key = `${index}>${winner.index}`;
      const record = overrides.get(key) ?? { overridden: index, by: winner.index, gpus: [] };
      record.gpus.push(gpu.index);
      overrides.set(key, record);
    }
    return {
      ...base,
      entryIndex: winner.index,
      migEnabled: winner.entry.migEnabled,
      counts: winner.entry.migEnabled ? nonZeroCounts(winner.entry.migDevices) : {},
      overriddenEntries: overridden,
    };
  });

  for (const gpu of resolved) {
    const input = gpus.find((candidate) => candidate.index === gpu.index);
    if (gpu.entryIndex !== undefined || input?.migCapable === false) continue;
    issues.push({
      severity: 'error',
      code: 'gpu-not-covered',
      message: `config '${configName}': no entry matches ${gpuLabel(gpu)}; mig-parted leaves this GPU as it is and the node still reports success`,
      rejectsFile: false,
      configName,
      gpuIndex: gpu.index,
      facts: { kind: 'gpu-not-covered', device: gpuDevice(gpu) },
    });
  }
  for (const record of overrides.values()) {
    issues.push({
      severity: 'warning',
      code: 'entry-overridden',
      message: `config '${configName}', entry #${record.overridden} is overridden by entry #${record.by} on ${formatIndexList(record.gpus)}: mig-parted applies both in order, so only entry #${record.by} takes effect`,
      rejectsFile: false,
      configName,
      entryIndex: record.overridden,
      facts: { kind: 'entry-overridden', by: record.by, gpus: record.gpus },
    });
  }
  entries.forEach((entry, entryIndex) => {
    if (entry.devices === 'all') return;
    const absent = entry.devices.filter((index) => !presentIndices.has(index));
    if (absent.length === 0 || gpus.length === 0) return;
    const present = [...presentIndices].sort((a, b) => a - b);
    issues.push({
      severity: 'warning',
      code: 'device-index-absent',
      message: `config '${configName}', entry #${entryIndex} names ${formatIndexList(absent)}, which this node does not have (it has ${formatIndexList(present)})`,
      rejectsFile: false,
      configName,
      entryIndex,
      facts: { kind: 'device-index-absent', gpus: absent, present },
    });
  });
  return { configName, found: true, gpus: resolved, issues };
}

function identityOf(gpu: GpuIdentity): GpuIdentity {
  const identity: GpuIdentity = { index: gpu.index, deviceId: gpu.deviceId };
  if (gpu.subsystemId !== undefined) identity.subsystemId = gpu.subsystemId;
  return identity;
}

// ---------------------------------------------------------------------------------------------
// Serialization and merging

const YAML_11_SPECIAL_WORDS = new Set([
  'y',
  'n',
  'yes',
  'no',
  'on',
  'off',
  'true',
  'false',
  'null',
  '~',
]);

/** Plain when YAML 1.1 reads it back as the same string (`E0`, `yes`, `1e3` are not); quoted otherwise. */
function yamlString(text: string): string {
  const plain =
    /^[A-Za-z][A-Za-z0-9._+-]*$/.test(text) &&
    !YAML_11_SPECIAL_WORDS.has(text.toLowerCase()) &&
    parseYaml(text, { version: '1.1' }) === text;
  return plain ? text : JSON.stringify(text);
}

function serializeEntry(entry: MigPartedEntry): string[] {
  const lines: string[] = [];
  const fields: string[] = [];
  if (entry.deviceFilter !== undefined) {
    const filter =
      typeof entry.deviceFilter === 'string'
        ? JSON.stringify(entry.deviceFilter)
        : `[${entry.deviceFilter.map((id) => JSON.stringify(id)).join(', ')}]`;
    fields.push(`device-filter: ${filter}`);
  }
  fields.push(`devices: ${entry.devices === 'all' ? 'all' : `[${entry.devices.join(', ')}]`}`);
  fields.push(`mig-enabled: ${entry.migEnabled ? 'true' : 'false'}`);
  if (entry.migDevices !== undefined) {
    const profiles = Object.entries(entry.migDevices);
    if (profiles.length === 0) {
      fields.push('mig-devices: {}');
    } else {
      fields.push('mig-devices:');
      for (const [profile, count] of profiles)
        fields.push(`  ${JSON.stringify(profile)}: ${count}`);
    }
  }
  fields.forEach((field, i) => lines.push(`${i === 0 ? '    - ' : '      '}${field}`));
  return lines;
}

/**
 * YAML that mig-parted accepts, laid out like NVIDIA's own file (comments above named configs,
 * a blank line between them). `parseMigPartedConfig(serializeMigPartedConfig(c)).config` equals `c`.
 */
export function serializeMigPartedConfig(config: MigPartedConfigFile): string {
  const lines = [`version: ${MIG_PARTED_SPEC_VERSION}`, 'mig-configs:'];
  listConfigNames(config).forEach((name, i) => {
    if (i > 0) lines.push('');
    const comments = config.comments && hasOwn(config.comments, name) ? config.comments[name] : [];
    for (const comment of comments) {
      for (const line of comment.split(/\r\n|\r|\n/)) {
        if (line.trim() !== '') lines.push(`  # ${line.trim()}`);
      }
    }
    lines.push(`  ${yamlString(name)}:`);
    for (const entry of config.migConfigs[name]) lines.push(...serializeEntry(entry));
  });
  return `${lines.join('\n')}\n`;
}

export interface MergeResult {
  config: MigPartedConfigFile;
  /** Names only `additions` had. */
  added: string[];
  /** Names both had; the addition replaced the base config of that name. */
  replaced: string[];
}

/**
 * The base file's named configs (order kept), with `additions` added after them; an addition with
 * a name the base already has replaces it in place. Used to write a custom ConfigMap that keeps the
 * configs a cluster already uses.
 */
export function mergeNamedConfigs(
  base: MigPartedConfigFile,
  additions: MigPartedConfigFile | Record<string, MigPartedEntry[]>,
): MergeResult {
  const extra: MigPartedConfigFile =
    'migConfigs' in additions && 'version' in additions
      ? (additions as MigPartedConfigFile)
      : {
          version: MIG_PARTED_SPEC_VERSION,
          migConfigs: additions as Record<string, MigPartedEntry[]>,
        };
  const migConfigs: Record<string, MigPartedEntry[]> = {};
  const comments: Record<string, string[]> = {};
  const added: string[] = [];
  const replaced: string[] = [];
  const commentOf = (file: MigPartedConfigFile, name: string) =>
    file.comments && hasOwn(file.comments, name) ? file.comments[name] : undefined;
  for (const name of listConfigNames(base)) {
    const fromExtra = getNamedConfig(extra, name);
    if (fromExtra) replaced.push(name);
    setOwn(migConfigs, name, fromExtra ?? base.migConfigs[name]);
    const comment = fromExtra ? commentOf(extra, name) : commentOf(base, name);
    if (comment) setOwn(comments, name, comment);
  }
  for (const name of listConfigNames(extra)) {
    if (hasOwn(migConfigs, name)) continue;
    added.push(name);
    setOwn(migConfigs, name, extra.migConfigs[name]);
    const comment = commentOf(extra, name);
    if (comment) setOwn(comments, name, comment);
  }
  const config: MigPartedConfigFile = { version: MIG_PARTED_SPEC_VERSION, migConfigs };
  if (Object.keys(comments).length > 0) config.comments = comments;
  return { config, added, replaced };
}

/** A GPU's desired state, for building a named config from a plan. */
export interface PlannedGpuLayout {
  index: number;
  migEnabled: boolean;
  counts: ProfileCounts;
}

/**
 * Entries of a named config that give every GPU its planned layout: one `devices: all` entry when
 * all GPUs share a layout, otherwise one entry per distinct layout listing its GPU indices.
 */
export function entriesForPlannedLayouts(gpus: PlannedGpuLayout[]): MigPartedEntry[] {
  const groups = new Map<string, { entry: MigPartedEntry; indices: number[] }>();
  for (const gpu of [...gpus].sort((a, b) => a.index - b.index)) {
    const counts = nonZeroCounts(gpu.counts);
    const sorted = Object.fromEntries(
      Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)),
    );
    const key = JSON.stringify([gpu.migEnabled, gpu.migEnabled ? sorted : {}]);
    const group = groups.get(key);
    if (group) {
      group.indices.push(gpu.index);
    } else {
      const entry: MigPartedEntry = { devices: [], migEnabled: gpu.migEnabled };
      if (gpu.migEnabled) entry.migDevices = sorted;
      groups.set(key, { entry, indices: [gpu.index] });
    }
  }
  const list = [...groups.values()];
  if (list.length === 1) return [{ ...list[0].entry, devices: 'all' }];
  return list.map(({ entry, indices }) => ({ ...entry, devices: indices }));
}

// ---------------------------------------------------------------------------------------------
// Validation against the catalog: what mig-parted only finds out on the node

/** How a named config works out on one GPU. */
export type GpuConfigVerdict =
  /** Applies and is known to fit (or turns MIG off / on with no instances). */
  | 'valid'
  /** mig-parted will fail on this GPU (unknown profile, too many, no placement...). */
  | 'invalid'
  /** Cannot be decided offline: unknown device id or placements the catalog does not know. */
  | 'unknown'
  /** No entry matches: mig-parted skips the GPU silently. */
  | 'not-covered';

export interface GpuConfigCheck extends GpuConfigResolution {
  modelId?: string;
  verdict: GpuConfigVerdict;
  /** The predicted layout when MIG is enabled on a known model. */
  layout?: LayoutResult;
}

export interface ConfigValidation {
  configName: string;
  found: boolean;
  /** `valid` only when every GPU is valid; `invalid` when any error; else `unknown`. */
  verdict: 'valid' | 'invalid' | 'unknown';
  gpus: GpuConfigCheck[];
  issues: ConfigIssue[];
}

/** A GPU to validate against: its identity and, when already known, its catalog model. */
export interface ValidationGpu extends ConfigGpu {
  model?: GpuModel;
}

/** The catalog filled in placements nobody has seen printed (e.g. RTX PRO 5000). */
function placementsAssumed(profile: MigProfile): boolean {
  return profile.unconfirmed.some((fact) => fact.startsWith('placements: assumed'));
}

const LAYOUT_PROBLEM_CODES: Record<LayoutProblem['code'], ConfigIssueCode> = {
  'unknown-profile': 'unknown-profile',
  'too-many-instances': 'too-many-instances',
  'compute-exceeded': 'compute-exceeded',
  'no-placement': 'no-placement',
  'invalid-count': 'invalid-count',
};

/**
 * Layouts are a pure function of (model, counts) and identical GPUs repeat across a node and a
 * fleet, so they are computed once per model object. Shared results: treat them as read-only.
 */
const layoutCache = new WeakMap<GpuModel, Map<string, LayoutResult>>();
const LAYOUT_CACHE_LIMIT = 2048;

function cachedLayout(model: GpuModel, counts: ProfileCounts): LayoutResult {
  const key = JSON.stringify(
    Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  let perModel = layoutCache.get(model);
  if (!perModel) {
    perModel = new Map();
    layoutCache.set(model, perModel);
  }
  const known = perModel.get(key);
  if (known) return known;
  const layout = placeInstances(model, counts);
  if (perModel.size >= LAYOUT_CACHE_LIMIT) perModel.clear();
  perModel.set(key, layout);
  return layout;
}

function checkGpu(
  resolution: GpuConfigResolution,
  gpu: ValidationGpu,
  configName: string,
  issues: ConfigIssue[],
): GpuConfigCheck {
  const model = gpu.model ?? findModelByDeviceId(gpu.deviceId);
  const base: GpuConfigCheck = { ...resolution, verdict: 'valid' };
  if (model) base.modelId = model.id;
  const entryIndex = resolution.entryIndex;
  if (entryIndex === undefined) {
    return { ...base, verdict: gpu.migCapable === false ? 'valid' : 'not-covered' };
  }
  const where = `config '${configName}', entry #${entryIndex}, ${gpuLabel(gpu)}`;
  const device = gpuDevice(gpu);
  const push = (
    issue: Omit<ConfigIssue, 'rejectsFile' | 'configName' | 'entryIndex' | 'gpuIndex'>,
  ) => issues.push({ ...issue, rejectsFile: false, configName, entryIndex, gpuIndex: gpu.index });

  if (!resolution.migEnabled) return base;
  if (gpu.migCapable === false) {
    push({
      severity: 'error',
      code: 'not-mig-capable',
      message: `${where}: the entry names this GPU explicitly with mig-enabled: true, but it does not support MIG; mig-parted fails`,
      facts: { kind: 'not-mig-capable', device },
    });
    return { ...base, verdict: 'invalid' };
  }
  if (!model) {
    push({
      severity: 'warning',
      code: 'unknown-device',
      message: `${where}: device id ${gpu.deviceId} is not in the MIG catalog, so profiles and placements cannot be checked`,
      facts: { kind: 'unknown-device', device, deviceId: gpu.deviceId },
    });
    return { ...base, verdict: 'unknown' };
  }
  const layout = cachedLayout(model, resolution.counts);
  const name = shortModelName(model);
  if (Object.keys(resolution.counts).length === 0) {
    push({
      severity: 'warning',
      code: 'empty-mig-layout',
      message: `${where}: MIG is enabled with no instances, so this ${name} advertises no GPU resource (the single strategy treats it as invalid)`,
      facts: { kind: 'empty-mig-layout', device, model: name },
    });
    return { ...base, layout };
  }
  const requested = Object.keys(resolution.counts)
    .map((profileName) => findProfile(model, profileName))
    .filter((profile): profile is MigProfile => profile !== undefined);
  const assumed = requested.filter(placementsAssumed);
  const placementOnly = layout.problems.every((problem) => problem.code === 'no-placement');
  if (assumed.length > 0 && (layout.valid || placementOnly)) {
    push({
      severity: 'warning',
      code: 'placements-unknown',
      profile: assumed[0].name,
      message: `${where}: placements of ${assumed.map((profile) => profile.name).join(', ')} on ${name} are not known from any NVIDIA source, so whether the instances fit cannot be decided offline`,
      facts: {
        kind: 'placements-unknown',
        device,
        profiles: assumed.map((profile) => profile.name),
        model: name,
      },
    });
    return { ...base, layout, verdict: 'unknown' };
  }
  for (const problem of layout.problems) {
    const issue: Omit<ConfigIssue, 'rejectsFile' | 'configName' | 'entryIndex' | 'gpuIndex'> = {
      severity: 'error',
      code: LAYOUT_PROBLEM_CODES[problem.code],
      message: `${where}: ${problem.message}`,
      facts: { kind: 'layout', device, problem },
    };
    if (problem.profile !== undefined) issue.profile = problem.profile;
    push(issue);
  }
  layout.warnings.forEach((warning, index) => {
    const facts = layout.warningFacts?.[index];
    push({
      severity: 'warning',
      code: 'layout-warning',
      message: `${where}: ${warning}`,
      ...(facts ? { facts: { kind: 'layout-warning', device, warning: facts } } : {}),
    });
  });
  return { ...base, layout, verdict: layout.valid ? 'valid' : 'invalid' };
}

/**
 * Checks a named config for the GPUs of one node, going beyond mig-parted: profiles that do not
 * exist on the GPU, counts above the maximum, layouts with no legal placement, GPUs no entry
 * matches, entries a later one overrides. Never throws.
 */
export function validateMigConfig(
  config: MigPartedConfigFile,
  configName: string,
  gpus: ValidationGpu[],
): ConfigValidation {
  const resolution = resolveMigConfigForGpus(config, configName, gpus);
  const nameIssue = resolution.found ? configNameIssue(configName) : undefined;
  const issues = nameIssue ? [nameIssue, ...resolution.issues] : [...resolution.issues];
  const checks = resolution.gpus.map((resolved, i) =>
    resolution.found
      ? checkGpu(resolved, gpus[i], configName, issues)
      : { ...resolved, verdict: 'invalid' as const },
  );
  const hasError = issues.some((issue) => issue.severity === 'error');
  const verdict =
    hasError ||
    checks.some((check) => check.verdict === 'invalid' || check.verdict === 'not-covered')
      ? 'invalid'
      : checks.every((check) => check.verdict === 'valid')
        ? 'valid'
        : 'unknown';
  return { configName, found: resolution.found, verdict, gpus: checks, issues };
}

/** One named config as a choice for a node or a GPU model. */
export interface ConfigChoice {
  name: string;
  verdict: 'valid' | 'invalid' | 'unknown';
  /** Why it is not valid (error messages first), empty when valid. */
  reasons: string[];
  /** The issues behind `reasons`, in the same order, for the UI's words. */
  issues?: ConfigIssue[];
  /** Comment NVIDIA wrote above the config, if any. */
  comment?: string[];
}

/** Every named config judged for the GPUs of one node (the mig.config label applies to all). */
export function configsValidForGpus(
  config: MigPartedConfigFile,
  gpus: ValidationGpu[],
): ConfigChoice[] {
  return listConfigNames(config).map((name) => {
    const validation = validateMigConfig(config, name, gpus);
    const ordered = [
      ...validation.issues.filter((issue) => issue.severity === 'error'),
      ...(validation.verdict === 'valid'
        ? []
        : validation.issues.filter((issue) => issue.severity === 'warning')),
    ];
    const issues = validation.verdict === 'valid' ? [] : ordered;
    const choice: ConfigChoice = {
      name,
      verdict: validation.verdict,
      reasons: issues.map((issue) => issue.message),
      issues,
    };
    const comment =
      config.comments && hasOwn(config.comments, name) ? config.comments[name] : undefined;
    if (comment) choice.comment = comment;
    return choice;
  });
}

/**
 * Every named config judged for one GPU of `model`. Device filters select by PCI id, and one model
 * has several (e.g. RTX PRO 6000 Server vs Workstation), so pass the GPU's own id when known;
 * the model's first id is used otherwise.
 */
export function configsValidForModel(
  config: MigPartedConfigFile,
  model: GpuModel,
  deviceId: string = model.pciDeviceIds[0],
): ConfigChoice[] {
  return configsValidForGpus(config, [{ index: 0, deviceId, model }]);
}
