/**
 * What a node will look like after its mig-manager applies a named config: per-GPU layouts, the
 * resources and labels the node then advertises, and everything that blocks or weakens the change.
 * The apply preview and the sandbox's simulated mig-manager both call `predictNodeAfterConfig`.
 */
import { findModelByDeviceId } from './catalog';
import {
  validateMigConfig,
  type ConfigIssue,
  type GpuConfigVerdict,
  type MigPartedConfigFile,
} from './migParted';
import { predictNodeAdvertisement, type NodeAdvertisement, type PredictedGpu } from './prediction';
import type { GpuModel, LayoutResult, MigStrategy, ProfileCounts } from './types';

export interface PredictConfigGpu {
  index: number;
  /** PCI id `0xDDDDVVVV` (mig-parted's device-filter form). */
  deviceId: string;
  subsystemId?: string;
  /** The GPU's model, when the caller knows it better than the device id does. */
  model?: GpuModel;
  /** False for a GPU without MIG support (mig-parted skips it under `devices: all`). */
  migCapable?: boolean;
  /** The GPU's state now; a GPU no entry matches keeps it. Assumed MIG off when absent. */
  current?: { migEnabled: boolean; counts: ProfileCounts };
}

export interface PredictConfigInput {
  config: MigPartedConfigFile;
  configName: string;
  /** The ClusterPolicy's `spec.mig.strategy`. */
  strategy: MigStrategy;
  /** The node's `nvidia.com/gpu.product` label. */
  product: string;
  gpus: PredictConfigGpu[];
}

export interface GpuAfterConfig {
  index: number;
  deviceId: string;
  modelId?: string;
  /** The entry of the named config that applies; undefined when none matches. */
  entryIndex?: number;
  verdict: GpuConfigVerdict;
  /** State after the apply (for an uncovered GPU: its current state, left untouched). */
  migEnabled: boolean;
  counts: ProfileCounts;
  /** Predicted placements when MIG is on and the model is known (starts are the driver's choice). */
  layout?: LayoutResult;
  /** True when mig-parted leaves this GPU as it is. */
  untouched: boolean;
}

export interface ConfigPrediction {
  configName: string;
  found: boolean;
  /** True when nothing blocks the change (no error). Warnings may remain. */
  applicable: boolean;
  gpus: GpuAfterConfig[];
  /**
   * What the node advertises after a successful apply. Absent when the apply itself would fail
   * (the mig-manager then writes `failed` and the node's state is not predictable).
   */
  advertisement?: NodeAdvertisement;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

/**
 * Issue codes after which mig-parted's apply fails on the node (state `failed`). Others, like a GPU
 * no entry matches, still end in `success`. The sandbox's simulated mig-manager uses the same set.
 */
export const APPLY_FAILING_ISSUE_CODES: ReadonlySet<ConfigIssue['code']> = new Set<
  ConfigIssue['code']
>([
  'config-not-found',
  'not-mig-capable',
  'unknown-profile',
  'too-many-instances',
  'compute-exceeded',
  'no-placement',
  'invalid-count',
]);

function predictionIssue(
  severity: ConfigIssue['severity'],
  code: ConfigIssue['code'],
  configName: string,
  extra: Pick<ConfigIssue, 'facts' | 'gpuIndex'>,
): ConfigIssue {
  return { severity, code, rejectsFile: false, configName, ...extra };
}

/**
 * Predicts a node after `nvidia.com/mig.config=<configName>`: resolves the config per GPU, checks
 * every layout, and asks the advertisement model what the device plugin and GFD will publish under
 * the cluster's strategy. Blocking errors: config not found, a layout mig-parted cannot create, a GPU
 * no entry matches (the node says `success` but that GPU is unchanged), and the single strategy
 * with a layout it cannot express (GFD writes MIG-INVALID, the device plugin stops). Never throws.
 */
export function predictNodeAfterConfig(input: PredictConfigInput): ConfigPrediction {
  const { config, configName, strategy, product } = input;
  const gpus = Array.isArray(input.gpus) ? input.gpus : [];
  const validation = validateMigConfig(config, configName, gpus);
  const issues: ConfigIssue[] = [...validation.issues];

  const after: GpuAfterConfig[] = validation.gpus.map((check, i) => {
    const gpu = gpus[i];
    const untouched = check.entryIndex === undefined;
    const current = gpu.current ?? { migEnabled: false, counts: {} };
    const state: GpuAfterConfig = {
      index: check.index,
      deviceId: check.deviceId,
      verdict: check.verdict,
      migEnabled: untouched ? current.migEnabled : check.migEnabled === true,
      counts: untouched ? { ...current.counts } : { ...check.counts },
      untouched,
    };
    if (check.modelId !== undefined) state.modelId = check.modelId;
    if (check.entryIndex !== undefined) state.entryIndex = check.entryIndex;
    if (check.layout) state.layout = check.layout;
    if (untouched && gpu.migCapable !== false && !gpu.current) {
      issues.push(
        predictionIssue('warning', 'current-state-unknown', configName, {
          gpuIndex: check.index,
          facts: { kind: 'current-state-unknown' },
        }),
      );
    }
    return state;
  });

  const applyFails = issues.some(
    (issue) => issue.severity === 'error' && APPLY_FAILING_ISSUE_CODES.has(issue.code),
  );
  let advertisement: NodeAdvertisement | undefined;
  if (validation.found && !applyFails) {
    // GPUs without MIG stay in the list: the device plugin still advertises them whole.
    const predicted: PredictedGpu[] = after.map((gpu) => {
      const source = gpus.find((candidate) => candidate.index === gpu.index);
      const model = source?.model ?? findModelByDeviceId(gpu.deviceId);
      const entry: PredictedGpu = {
        index: gpu.index,
        migEnabled: gpu.migEnabled,
        counts: gpu.counts,
      };
      if (model) entry.model = model;
      return entry;
    });
    advertisement = predictNodeAdvertisement({ product, gpus: predicted, strategy });
    if (advertisement.invalid) {
      const labelled = advertisement.labels['nvidia.com/gpu.product'];
      issues.push(
        predictionIssue('error', 'single-strategy-invalid', configName, {
          facts: {
            kind: 'single-strategy-invalid',
            ...(labelled !== undefined ? { product: labelled } : {}),
            invalid: advertisement.invalid,
          },
        }),
      );
    }
    for (const warning of advertisement.warnings) {
      issues.push(
        predictionIssue('warning', 'advertisement-warning', configName, {
          facts: { kind: 'advertisement', warning },
        }),
      );
    }
  }

  const errors = issues.filter((issue) => issue.severity === 'error');
  const prediction: ConfigPrediction = {
    configName,
    found: validation.found,
    applicable: errors.length === 0,
    gpus: after,
    errors,
    warnings: issues.filter((issue) => issue.severity === 'warning'),
  };
  if (advertisement) prediction.advertisement = advertisement;
  return prediction;
}
