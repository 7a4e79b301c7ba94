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
export {
  MIG_PARTED_SPEC_VERSION,
  type ConfigIssue,
  type ConfigIssueCode,
  type ConfigIssueFacts,
  type FileProblem,
  type FoundValue,
  type MigPartedConfigFile,
  type MigPartedEntry,
  type MigPartedParseResult,
} from './types';
export { deviceFilterList, getNamedConfig, hasOwn, listConfigNames, setOwn } from './configFile';
export { configNameIssue, isMigPartedProfileName } from './names';
export { parsePciId, type ParsedPciId } from './pciId';
export { parseMigPartedConfig } from './parse';
export {
  entryMatchesDevice,
  entryMatchesGpu,
  resolveMigConfigForGpus,
  type ConfigGpu,
  type ConfigResolution,
  type GpuConfigResolution,
  type GpuIdentity,
} from './resolve';
export {
  configsValidForGpus,
  configsValidForModel,
  validateMigConfig,
  type ConfigChoice,
  type ConfigValidation,
  type GpuConfigCheck,
  type GpuConfigVerdict,
  type ValidationGpu,
} from './validate';
export { serializeMigPartedConfig } from './serialize';
export {
  entriesForPlannedLayouts,
  mergeNamedConfigs,
  type MergeResult,
  type PlannedGpuLayout,
} from './merge';
