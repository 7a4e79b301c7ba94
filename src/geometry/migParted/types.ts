/**
 * The data of a mig-parted config file (spec v1) and of the problems found in one: what the parser
 * returns and the resolver, validator, serializer and merger take.
 */
import type { LabelValueProblem } from '../naming';
import type { AdvertisementWarningFacts, SingleStrategyInvalid } from '../prediction';
import type { LayoutProblem, LayoutWarningFacts, ProfileCounts } from '../types';

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

/**
 * An issue as data (`device` is the device id as `0x20b7`; the config, entry and GPU index are the
 * issue's own fields).
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

/** A problem in a config file, located as precisely as we can. */
export interface ConfigIssue {
  severity: 'error' | 'warning';
  code: ConfigIssueCode;
  /** True when mig-parted itself refuses the whole file, so no named config in it can be applied. */
  rejectsFile: boolean;
  configName?: string;
  entryIndex?: number;
  profile?: string;
  gpuIndex?: number;
  /** 1-based position in the YAML text, when the issue comes from parsing. */
  line?: number;
  column?: number;
  facts: ConfigIssueFacts;
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

/** A value found in the file, as data: its kind, and its text when it is a scalar. */
export type FoundValue =
  | { kind: 'nothing' | 'list' | 'mapping' }
  | { kind: 'string'; text: string }
  | { kind: 'number' | 'boolean' | 'other'; text: string };
