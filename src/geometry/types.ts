/**
 * Core types of the MIG geometry engine. Pure data: no React, no console SDK, no Kubernetes client.
 *
 * Units: a GPU has two budgets. `computeSlices` (7 on most models, 4 on A30 / RTX PRO 6000) and a
 * placement grid `placementUnits` wide (8 on most models, 4 on A30, 12 on RTX PRO 6000) on which
 * instances may not overlap. Placement starts and sizes are in grid units, exactly as
 * `nvidia-smi mig -lgipp` prints them.
 */

/** How sure we are of a fact. `inferred` and `unconfirmed` must be surfaced to callers, never hidden. */
export type Confidence = 'confirmed' | 'inferred' | 'unconfirmed';

/** The MIG strategy of the GPU operator's ClusterPolicy (`spec.mig.strategy`). */
export type MigStrategy = 'none' | 'single' | 'mixed';

/** One legal position of a GPU instance on the placement grid: `{start}:size` in `-lgipp` output. */
export interface PlacementSlot {
  start: number;
  size: number;
}

export interface MigEngines {
  copy: number;
  decoder: number;
  encoder: number;
  jpeg: number;
  ofa: number;
}

/** A GPU-instance profile of one GPU model. Keyed by (model / PCI device id, name). */
export interface MigProfile {
  /** Profile name as mig-parted and GFD write it: `1g.10gb`, `1g.10gb+me`, `1g.24gb+gfx`, `1g.24gb-me`, `1g.24gb+me.all`. */
  name: string;
  /** Extended resource name under the mixed strategy, `+` written `.`: `nvidia.com/mig-1g.10gb.me`. */
  resourceName: string;
  computeSlices: number;
  /** Size in the model's memory slices (eighths, or quarters on A30 / RTX PRO 6000). */
  memorySlices: number;
  /** Size on the placement grid (equals every placement's `size`). */
  placementSize: number;
  /** Typical memory; driver-dependent (prefer the node's own `nvidia.com/mig-<p>.memory` label for display). */
  memoryMiB: number;
  multiprocessors: number;
  engines: MigEngines;
  maxInstances: number;
  /** Legal starts as `nvidia-smi mig -lgipp` prints them. */
  placements: PlacementSlot[];
  /** NVML GPU-instance profile id (`ID` column of `nvidia-smi mig -lgip`); device specific. */
  giProfileId?: number;
  /** Attribute suffixes: `me`, `gfx`, `-me` (no media engines), `me.all`. Empty for plain profiles. */
  attributes: string[];
  confidence: Confidence;
  /** Fields no primary source confirms, in words (e.g. "placements", "memoryMiB"). */
  unconfirmed: string[];
  notes: string[];
}

/** A MIG-capable GPU model. */
export interface GpuModel {
  /** Stable id: `a30-24gb`, `a100-40gb`, `h100-80gb-sxm5`, `rtx-pro-6000-blackwell`, ... */
  id: string;
  displayName: string;
  architecture: string;
  /** PCI ids as mig-parted writes them: `0x20B710DE` (device, then vendor; upper-case hex). */
  pciDeviceIds: string[];
  /** `nvidia.com/gpu.product` values GPU Feature Discovery writes: `NVIDIA-A30`, `NVIDIA-H100-80GB-HBM3`. */
  gfdProducts: string[];
  /** NVML product names (`NVIDIA A30`). */
  nvmlNames: string[];
  totalMemoryMiB: number;
  computeSlices: number;
  /** Width of the placement grid: 8, 4 on A30, 12 on RTX PRO 6000. */
  placementUnits: number;
  memorySlices: number;
  confidence: Confidence;
  /** Where the facts come from (keys of the sources table in the geometry notes). */
  sources: string[];
  notes: string[];
  profiles: MigProfile[];
}

/** Requested instance counts per profile name: `{ '1g.10gb': 2, '3g.40gb': 1 }`. */
export type ProfileCounts = Record<string, number>;

/** One MIG instance at a predicted position on the grid. */
export interface PlacedInstance {
  profile: string;
  start: number;
  size: number;
  computeSlices: number;
}

/** `count × profile` and what they take of one budget (compute slices or grid units). */
export interface ProfileAmount {
  profile: string;
  count: number;
  amount: number;
}

/** Instances holding some units of the grid, as `profile (start n)`. */
export interface UnitHolder {
  profile: string;
  start: number;
}

/**
 * The facts behind a `LayoutProblem`, keyed by a stable `kind`, so a UI can say the same thing in
 * its own (translated) words. Model names are `shortModelName(model)`.
 */
export type LayoutProblemFacts =
  | { kind: 'counts-not-a-map'; got: string }
  | { kind: 'bad-count'; profile: string; got: string }
  | { kind: 'unknown-profile'; profile: string; model: string; profiles?: string[] }
  | {
      kind: 'too-many';
      profile: string;
      count: number;
      max: number;
      model: string;
      /** True when the instances are placed (a layout), not requested (counts). */
      placed: boolean;
    }
  | {
      kind: 'units-exceeded';
      needed: number;
      available: number;
      model: string;
      parts: ProfileAmount[];
    }
  | {
      kind: 'no-arrangement';
      units: number;
      profile: string;
      starts: number[];
      holders: UnitHolder[];
    }
  | {
      kind: 'compute-exceeded';
      needed: number;
      available: number;
      model: string;
      parts: ProfileAmount[];
    }
  | { kind: 'not-a-list'; got: string }
  | { kind: 'bad-entry'; index: number }
  | {
      kind: 'illegal-start';
      profile: string;
      start: number;
      size: number;
      starts: number[];
      /** The profile's size on the grid (`size` is the instance's). */
      legalSize: number;
    }
  | { kind: 'overlap'; profile: string; start: number; other: string; otherStart: number };

/**
 * A legal layout that is unverified or unusual. `notes` are the catalog's own notes on a profile
 * NVIDIA does not confirm (data, as the catalog states them).
 */
export type LayoutWarningFacts =
  | { kind: 'media-next-to-one-slice'; profile: string }
  | { kind: 'needs-r510'; profile: string; other: string }
  | {
      kind: 'unconfirmed';
      profile: string;
      model: string;
      confidence: Exclude<Confidence, 'confirmed'>;
      notes: string[];
    };

/** Why a layout cannot be placed or is not allowed (`facts` for the words; src/components/text). */
export interface LayoutProblem {
  code:
    | 'unknown-profile'
    | 'too-many-instances'
    | 'compute-exceeded'
    | 'no-placement'
    | 'invalid-count';
  profile?: string;
  facts: LayoutProblemFacts;
}

/**
 * Result of placing a set of instances on one GPU. Placements are a *prediction*: mig-parted lets
 * the driver choose the starts, so `predicted` is always true and the UI must say so.
 */
export interface LayoutResult {
  valid: boolean;
  predicted: true;
  modelId: string;
  instances: PlacedInstance[];
  problems: LayoutProblem[];
  /** Legal but unverified or unusual (e.g. `1g+me` next to other 1g instances). */
  warnings: LayoutWarningFacts[];
  /** Compute slices used / total, grid units used / total. */
  computeSlicesUsed: number;
  unitsUsed: number;
}
