/**
 * Checks that mig-parted only meets on the node (unknown profile, too many instances, no
 * placement, GPU no entry matches), against the catalog and the placement engine.
 */
import { findModelByDeviceId, findProfile, shortModelName } from '../catalog';
import { placeInstances } from '../placement';
import type { GpuModel, LayoutProblem, LayoutResult, MigProfile, ProfileCounts } from '../types';
import { commentOf, listConfigNames } from './configFile';
import { configNameIssue } from './names';
import {
  gpuDevice,
  resolveMigConfigForGpus,
  type ConfigGpu,
  type GpuConfigResolution,
} from './resolve';
import type { ConfigIssue, ConfigIssueCode, MigPartedConfigFile } from './types';

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

/** An issue about one GPU; the check fills in where it is. */
type GpuIssue = Omit<ConfigIssue, 'rejectsFile' | 'configName' | 'entryIndex' | 'gpuIndex'>;

/** The GPU being checked, and where issues about it go. */
interface GpuScope {
  device: string;
  push: (issue: GpuIssue) => void;
}

/** The layout the resolved counts give on a known model, with its problems and warnings. */
function checkLayout(
  scope: GpuScope,
  base: GpuConfigCheck,
  model: GpuModel,
  counts: ProfileCounts,
): GpuConfigCheck {
  const { device, push } = scope;
  const layout = cachedLayout(model, counts);
  const name = shortModelName(model);
  if (Object.keys(counts).length === 0) {
    push({
      severity: 'warning',
      code: 'empty-mig-layout',
      facts: { kind: 'empty-mig-layout', device, model: name },
    });
    return { ...base, layout };
  }
  const assumed = Object.keys(counts)
    .map((profileName) => findProfile(model, profileName))
    .filter((profile): profile is MigProfile => profile !== undefined)
    .filter(placementsAssumed);
  const placementOnly = layout.problems.every((problem) => problem.code === 'no-placement');
  if (assumed.length > 0 && (layout.valid || placementOnly)) {
    const profiles = assumed.map((profile) => profile.name);
    push({
      severity: 'warning',
      code: 'placements-unknown',
      profile: assumed[0].name,
      facts: { kind: 'placements-unknown', device, profiles, model: name },
    });
    return { ...base, layout, verdict: 'unknown' };
  }
  pushLayoutIssues(scope, layout);
  return { ...base, layout, verdict: layout.valid ? 'valid' : 'invalid' };
}

function pushLayoutIssues({ device, push }: GpuScope, layout: LayoutResult): void {
  for (const problem of layout.problems) {
    const issue: GpuIssue = {
      severity: 'error',
      code: LAYOUT_PROBLEM_CODES[problem.code],
      facts: { kind: 'layout', device, problem },
    };
    if (problem.profile !== undefined) issue.profile = problem.profile;
    push(issue);
  }
  for (const warning of layout.warnings) {
    push({
      severity: 'warning',
      code: 'layout-warning',
      facts: { kind: 'layout-warning', device, warning },
    });
  }
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
  const device = gpuDevice(gpu);
  const scope: GpuScope = {
    device,
    push: (issue) =>
      issues.push({ ...issue, rejectsFile: false, configName, entryIndex, gpuIndex: gpu.index }),
  };
  if (!resolution.migEnabled) return base;
  if (gpu.migCapable === false) {
    scope.push({
      severity: 'error',
      code: 'not-mig-capable',
      facts: { kind: 'not-mig-capable', device },
    });
    return { ...base, verdict: 'invalid' };
  }
  if (!model) {
    scope.push({
      severity: 'warning',
      code: 'unknown-device',
      facts: { kind: 'unknown-device', device, deviceId: gpu.deviceId },
    });
    return { ...base, verdict: 'unknown' };
  }
  return checkLayout(scope, base, model, resolution.counts);
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
  /** Why it is not valid (errors first), empty when valid. */
  issues: ConfigIssue[];
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
    const choice: ConfigChoice = { name, verdict: validation.verdict, issues };
    const comment = commentOf(config, name);
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
