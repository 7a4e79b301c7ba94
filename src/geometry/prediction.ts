/**
 * What a node will advertise (device-plugin resources and GPU Feature Discovery labels) for a MIG
 * strategy and per-GPU layouts, following the device plugin and GFD (geometry notes section 10;
 * NVIDIA/k8s-device-plugin `internal/lm/mig-strategy.go`, `internal/lm/resource.go`).
 */
import {
  baseGfdProduct,
  findModelByProduct,
  findProfile,
  isProfileFieldUnknown,
  shortModelName,
  unconfirmedModelFacts,
} from './catalog';
import { GPU_RESOURCE, migResourceName } from './naming';
import { placeInstances } from './placement';
import type { GpuModel, LayoutProblem, MigProfile, MigStrategy, ProfileCounts } from './types';

export interface PredictedGpu {
  index: number;
  /** The GPU's model; when absent the node's product label is used to find it. */
  model?: GpuModel;
  migEnabled: boolean;
  counts: ProfileCounts;
}

export interface PredictionInput {
  /** The node's `nvidia.com/gpu.product` (GFD's `-MIG-...`/`-SHARED` suffixes are ignored). */
  product: string;
  gpus: PredictedGpu[];
  strategy: MigStrategy;
}

export interface NodeAdvertisement {
  resources: Record<string, number>;
  labels: Record<string, string>;
  /** Set when the single strategy cannot express the layout: GFD writes MIG-INVALID labels. */
  invalid?: SingleStrategyInvalid;
  warnings: AdvertisementWarningFacts[];
}

/** Why part of an advertisement is a guess or empty, as data (`gpus` are GPU indices). */
export type AdvertisementWarningFacts =
  | { kind: 'layout-fails'; gpu: number; model: string; problems: LayoutProblem[] }
  | { kind: 'attributes-unknown'; profile: string }
  | { kind: 'profile-labels-unknown'; profile: string; labels: string[] }
  | { kind: 'memory-unknown'; product: string }
  | { kind: 'nothing-to-predict' }
  | { kind: 'unknown-strategy'; value: string }
  | { kind: 'no-gpus' }
  | { kind: 'mig-under-none'; gpus: number[] }
  | { kind: 'mig-without-instances'; gpus: number[] };

const LABEL_PREFIX = 'nvidia.com/';
const MIG_STRATEGY_LABEL = 'nvidia.com/mig.strategy';

/** Reasons GFD gives for MIG-INVALID, with what the device plugin says at the same time. */
const SINGLE_STRATEGY_INVALID = {
  'mig-enabled-but-empty': {
    gfd: 'at least one MIG device is enabled but empty',
    plugin: (index: number) => `device ${index} has no MIG devices configured`,
  },
  'mig-enabled-and-disabled': {
    gfd: 'devices with MIG enabled and disable detected',
    plugin: () => 'all devices on the node must be configured with the same migEnabled value',
  },
  'more-than-one-mig-type': {
    gfd: 'more than one MIG device type present on node',
    plugin: () => 'more than one MIG device type present on node',
  },
} as const;

export type InvalidReason = keyof typeof SINGLE_STRATEGY_INVALID;

/**
 * Why the single strategy cannot express a node's layout. `reason` is the stable code, `gpu` the
 * GPU the device plugin names, `gfdLog` and `pluginLog` the words GFD and the device plugin log
 * (quoted as they are, so they can be searched for).
 */
export interface SingleStrategyInvalid {
  reason: InvalidReason;
  gpu: number;
  gfdLog: string;
  pluginLog: string;
}

/** One MIG device type on the node: its profile (when the model is known) and how many. */
interface MigDeviceGroup {
  /** Profile name as the plugin writes it in resource names (`+` as `.`). */
  dottedName: string;
  profile?: MigProfile;
  model?: GpuModel;
  count: number;
}

function isStrategy(value: unknown): value is MigStrategy {
  return value === 'none' || value === 'single' || value === 'mixed';
}

function sanitizeLabelPart(part: string): string {
  return part
    .replace(/[^A-Za-z0-9\-_. ]/g, '')
    .trim()
    .split(/\s+/)
    .join('-');
}

function validCount(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/**
 * Groups the MIG devices of MIG-enabled GPUs by profile, checking each GPU's layout. Invalid
 * layouts become warnings: mig-parted would fail and leave the GPU as it was.
 */
function groupMigDevices(
  gpus: PredictedGpu[],
  fallbackModel: GpuModel | undefined,
  warnings: AdvertisementWarningFacts[],
) {
  const groups = new Map<string, MigDeviceGroup>();
  const emptyGpus: number[] = [];
  for (const gpu of gpus) {
    if (!gpu.migEnabled) continue;
    const model = gpu.model ?? fallbackModel;
    const counts = gpu.counts && typeof gpu.counts === 'object' ? gpu.counts : {};
    if (model) {
      const layout = placeInstances(model, counts);
      if (!layout.valid) {
        warnings.push({
          kind: 'layout-fails',
          gpu: gpu.index,
          model: shortModelName(model),
          problems: layout.problems,
        });
      }
    }
    let instances = 0;
    for (const [name, value] of Object.entries(counts)) {
      const count = validCount(value);
      if (count === 0) continue;
      const profile = model ? findProfile(model, name) : undefined;
      if (model && !profile) continue; // already reported by the layout check
      const dottedName = migResourceName(profile?.name ?? name).slice('nvidia.com/mig-'.length);
      const key = `${model?.id ?? '?'}/${dottedName}`;
      const group = groups.get(key) ?? { dottedName, profile, model, count: 0 };
      group.count += count;
      groups.set(key, group);
      instances += count;
    }
    if (instances === 0) emptyGpus.push(gpu.index);
  }
  return { groups: Array.from(groups.values()), emptyGpus };
}

/**
 * GFD's per-MIG-device attribute labels (`memory`, `multiprocessors`, `slices.*`, `engines.*`).
 * `memory` is the catalog's profile size; GFD reads the MIG device, which can be slightly smaller
 * (H100 3g.40gb: 40320 vs 40448 MiB), so prefer the node's own label when it exists.
 */
function attributeLabels(
  group: MigDeviceGroup,
  warnings: AdvertisementWarningFacts[],
): Record<string, string> {
  const profile = group.profile;
  if (!profile) {
    warnings.push({ kind: 'attributes-unknown', profile: group.dottedName });
    return {};
  }
  const labels: Record<string, string> = {
    memory: String(profile.memoryMiB),
    'slices.gi': String(profile.computeSlices),
    'slices.ci': String(profile.computeSlices),
  };
  const numeric: Array<
    [string, 'multiprocessors' | `engines.${keyof MigProfile['engines']}`, number]
  > = [
    ['multiprocessors', 'multiprocessors', profile.multiprocessors],
    ['engines.copy', 'engines.copy', profile.engines.copy],
    ['engines.decoder', 'engines.decoder', profile.engines.decoder],
    ['engines.encoder', 'engines.encoder', profile.engines.encoder],
    ['engines.jpeg', 'engines.jpeg', profile.engines.jpeg],
    ['engines.ofa', 'engines.ofa', profile.engines.ofa],
  ];
  const unknown: string[] = [];
  for (const [suffix, field, value] of numeric) {
    if (isProfileFieldUnknown(profile, field)) unknown.push(suffix);
    else labels[suffix] = String(value);
  }
  if (unknown.length > 0) {
    warnings.push({ kind: 'profile-labels-unknown', profile: profile.name, labels: unknown });
  }
  return labels;
}

function prefixed(prefix: string, labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).map(([suffix, value]) => [`${prefix}.${suffix}`, value]),
  );
}

/** Labels GFD writes for the physical GPUs (`nvidia.com/gpu.*`). */
function parentGpuLabels(
  product: string,
  gpus: PredictedGpu[],
  model: GpuModel | undefined,
  warnings: AdvertisementWarningFacts[],
): Record<string, string> {
  const anyFullGpu = gpus.some((gpu) => !gpu.migEnabled);
  const labels: Record<string, string> = {
    'nvidia.com/gpu.product': product,
    'nvidia.com/gpu.count': String(gpus.length),
    // MIG-enabled GPUs are labelled without sharing (replicas 0); a full GPU overrides with 1.
    'nvidia.com/gpu.replicas': anyFullGpu ? '1' : '0',
    'nvidia.com/gpu.sharing-strategy': 'none',
  };
  if (model && !unconfirmedModelFacts(model).some((fact) => fact.startsWith('totalMemoryMiB'))) {
    labels['nvidia.com/gpu.memory'] = String(model.totalMemoryMiB);
  } else {
    warnings.push({ kind: 'memory-unknown', product });
  }
  if (model) labels['nvidia.com/mig.capable'] = 'true';
  return labels;
}

function singleStrategyProblem(
  gpus: PredictedGpu[],
  groups: MigDeviceGroup[],
  emptyGpus: number[],
) {
  // Same order of checks as GFD's single-strategy labeler.
  if (emptyGpus.length > 0)
    return { reason: 'mig-enabled-but-empty' as InvalidReason, gpu: emptyGpus[0] };
  if (gpus.some((gpu) => !gpu.migEnabled))
    return { reason: 'mig-enabled-and-disabled' as InvalidReason, gpu: 0 };
  if (groups.length !== 1) return { reason: 'more-than-one-mig-type' as InvalidReason, gpu: 0 };
  return undefined;
}

/**
 * Predicts the node's resources and labels. `none` advertises every GPU whole; `single` needs every
 * GPU MIG-enabled with one profile type (else MIG-INVALID and no GPU resources); `mixed` advertises
 * one resource per profile plus whole GPUs for those with MIG off.
 */
export function predictNodeAdvertisement(input: PredictionInput): NodeAdvertisement {
  const warnings: AdvertisementWarningFacts[] = [];
  const advertisement: NodeAdvertisement = { resources: {}, labels: {}, warnings };
  if (!input || typeof input !== 'object' || !Array.isArray(input.gpus)) {
    warnings.push({ kind: 'nothing-to-predict' });
    return advertisement;
  }
  const strategy: MigStrategy = isStrategy(input.strategy) ? input.strategy : 'none';
  if (!isStrategy(input.strategy)) {
    warnings.push({ kind: 'unknown-strategy', value: String(input.strategy) });
  }
  const gpus = input.gpus.filter((gpu) => gpu && typeof gpu === 'object');
  if (gpus.length === 0) {
    warnings.push({ kind: 'no-gpus' });
    return advertisement;
  }
  const product = baseGfdProduct(typeof input.product === 'string' ? input.product : '');
  const nodeModel = findModelByProduct(product) ?? gpus.find((gpu) => gpu.model)?.model;
  const migGpus = gpus.filter((gpu) => gpu.migEnabled);
  const labels = parentGpuLabels(product, gpus, nodeModel, warnings);
  advertisement.labels = labels;

  if (strategy === 'none') {
    advertisement.resources[GPU_RESOURCE] = gpus.length;
    if (migGpus.length > 0) {
      warnings.push({ kind: 'mig-under-none', gpus: migGpus.map((gpu) => gpu.index) });
    }
    return advertisement;
  }

  labels[MIG_STRATEGY_LABEL] = strategy;
  const { groups, emptyGpus } = groupMigDevices(gpus, nodeModel, warnings);

  if (strategy === 'single') {
    if (migGpus.length === 0) {
      // GFD: no MIG-enabled device is equivalent to the none strategy.
      advertisement.resources[GPU_RESOURCE] = gpus.length;
      return advertisement;
    }
    const problem = singleStrategyProblem(gpus, groups, emptyGpus);
    if (problem) {
      const text = SINGLE_STRATEGY_INVALID[problem.reason];
      labels['nvidia.com/gpu.product'] = `${product}-MIG-INVALID`;
      labels['nvidia.com/gpu.count'] = '0';
      labels['nvidia.com/gpu.replicas'] = '0';
      labels['nvidia.com/gpu.memory'] = '0';
      advertisement.invalid = {
        reason: problem.reason,
        gpu: problem.gpu,
        gfdLog: text.gfd,
        pluginLog: text.plugin(problem.gpu),
      };
      return advertisement;
    }
    const [group] = groups;
    advertisement.resources[GPU_RESOURCE] = group.count;
    Object.assign(labels, {
      'nvidia.com/gpu.product': `${product}-MIG-${sanitizeLabelPart(group.dottedName)}`,
      'nvidia.com/gpu.count': String(group.count),
      'nvidia.com/gpu.replicas': '1',
      'nvidia.com/gpu.sharing-strategy': 'none',
    });
    delete labels['nvidia.com/gpu.memory'];
    Object.assign(labels, prefixed(GPU_RESOURCE, attributeLabels(group, warnings)));
    return advertisement;
  }

  // mixed
  const fullGpus = gpus.length - migGpus.length;
  if (fullGpus > 0) advertisement.resources[GPU_RESOURCE] = fullGpus;
  if (emptyGpus.length > 0) {
    warnings.push({ kind: 'mig-without-instances', gpus: emptyGpus });
  }
  for (const group of groups) {
    const resource = `${LABEL_PREFIX}mig-${group.dottedName}`;
    advertisement.resources[resource] = (advertisement.resources[resource] ?? 0) + group.count;
  }
  for (const group of groups) {
    const resource = `${LABEL_PREFIX}mig-${group.dottedName}`;
    Object.assign(
      labels,
      prefixed(resource, {
        product: `${product}-MIG-${sanitizeLabelPart(group.dottedName)}`,
        count: String(advertisement.resources[resource]),
        replicas: '1',
        'sharing-strategy': 'none',
        ...attributeLabels(group, warnings),
      }),
    );
  }
  return advertisement;
}

export interface ResourceChange {
  resource: string;
  before: number;
  after: number;
  delta: number;
}

function quantity(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return 0;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Resource changes between two advertisements, sorted by resource name (`nvidia.com/gpu` first).
 * Unchanged resources are left out unless `includeUnchanged`. Quantities given as strings (as
 * Kubernetes writes them) are accepted; anything else counts as 0.
 */
export function diffResources(
  before: Record<string, number>,
  after: Record<string, number>,
  options: { includeUnchanged?: boolean } = {},
): ResourceChange[] {
  const from = asRecord(before);
  const to = asRecord(after);
  const names = Array.from(new Set([...Object.keys(from), ...Object.keys(to)]));
  names.sort((a, b) => (a === GPU_RESOURCE ? -1 : b === GPU_RESOURCE ? 1 : a.localeCompare(b)));
  return names
    .map((resource) => {
      const was = quantity(from[resource]);
      const now = quantity(to[resource]);
      return { resource, before: was, after: now, delta: now - was };
    })
    .filter((change) => options.includeUnchanged || change.delta !== 0);
}
