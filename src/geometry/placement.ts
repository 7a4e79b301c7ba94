/**
 * Placing MIG instances on a GPU's placement grid.
 *
 * A layout is legal iff every instance sits on one of its profile's starts, no two
 * `[start, start+size)` ranges overlap, no profile exceeds its max count and the compute slices fit
 * (geometry notes section 1). mig-parted does not pick starts: it creates instances largest first
 * and the driver chooses (section 4). `placeInstances` therefore predicts: it tries instances in
 * mig-parted's order with the starts the driver was seen to prefer, and backtracks only when that
 * greedy choice cannot fit everything, so a legal packing is found whenever one exists.
 */
import { findProfile, shortModelName } from './catalog';
import type {
  GpuModel,
  LayoutProblem,
  LayoutProblemFacts,
  LayoutWarningFacts,
  LayoutResult,
  MigProfile,
  PlacedInstance,
  ProfileAmount,
  ProfileCounts,
  UnitHolder,
} from './types';

/** A requested profile with a validated, positive count. */
export interface ProfileRequest {
  profile: MigProfile;
  count: number;
}

export interface ResolvedCounts {
  requests: ProfileRequest[];
  problems: LayoutProblem[];
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null ||
    value === undefined
  ) {
    return String(value);
  }
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns user-supplied counts into profile requests of this model, collecting every problem
 * (unknown profile, bad count, too many instances). Names may use `.` for `+`; aliases of one
 * profile are added together. Zero counts are dropped.
 */
export function resolveCounts(model: GpuModel, counts: ProfileCounts): ResolvedCounts {
  const problems: LayoutProblem[] = [];
  if (!isPlainObject(counts)) {
    problems.push({
      code: 'invalid-count',
      facts: { kind: 'counts-not-a-map', got: describeValue(counts) },
    });
    return { requests: [], problems };
  }
  const totals = new Map<MigProfile, number>();
  for (const [name, value] of Object.entries(counts)) {
    const profile = findProfile(model, name);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      problems.push({
        code: 'invalid-count',
        profile: profile?.name ?? name,
        facts: { kind: 'bad-count', profile: name, got: describeValue(value) },
      });
      continue;
    }
    if (!profile) {
      problems.push({
        code: 'unknown-profile',
        profile: name,
        facts: {
          kind: 'unknown-profile',
          profile: name,
          model: shortModelName(model),
          profiles: model.profiles.map((p) => p.name),
        },
      });
      continue;
    }
    if (value > 0) totals.set(profile, (totals.get(profile) ?? 0) + value);
  }
  const requests: ProfileRequest[] = [];
  for (const profile of model.profiles) {
    const count = totals.get(profile);
    if (count === undefined) continue;
    if (count > profile.maxInstances) {
      problems.push({
        code: 'too-many-instances',
        profile: profile.name,
        facts: tooMany(model, profile, count, false),
      });
    }
    requests.push({ profile, count });
  }
  return { requests, problems };
}

/**
 * mig-parted's creation order (`pkg/types/mig_config.go Flatten`): more compute slices first, then
 * attribute-bearing profiles; ties broken by larger placement then name so the result is stable.
 */
export function creationOrder(requests: ProfileRequest[]): MigProfile[] {
  const sorted = [...requests].sort(
    (a, b) =>
      b.profile.computeSlices - a.profile.computeSlices ||
      b.profile.attributes.length - a.profile.attributes.length ||
      b.profile.placementSize - a.profile.placementSize ||
      a.profile.name.localeCompare(b.profile.name),
  );
  return sorted.flatMap(({ profile, count }) => Array<MigProfile>(count).fill(profile));
}

/**
 * Starts in the order the driver was observed to choose them: a 3-slice instance goes to the
 * highest free start (a lone 3g lands at 4), everything else fills from the lowest free start.
 */
export function preferredStarts(profile: MigProfile): number[] {
  const starts = profile.placements.map((slot) => slot.start).sort((a, b) => a - b);
  return profile.computeSlices === 3 ? starts.reverse() : starts;
}

function rangeMask(start: number, size: number): number {
  return ((1 << size) - 1) << start;
}

interface PackingSearch {
  /** Starts for each instance of `order`, when every instance fits. */
  starts?: number[];
  /** Longest prefix of `order` that could be placed (the first one found), for explanations. */
  deepest: number[];
}

/**
 * Depth-first search over starts in preference order; the first leaf found is the greedy,
 * driver-like packing whenever that one works. Failed (index, occupied units) states are cached,
 * so the search is at most instances × 2^units.
 */
export function searchPacking(order: MigProfile[]): PackingSearch {
  const failed = new Set<string>();
  let deepest: number[] = [];
  const chosen: number[] = [];
  const visit = (index: number, occupied: number): boolean => {
    if (index > deepest.length) deepest = chosen.slice(0, index);
    if (index === order.length) return true;
    const key = `${index}:${occupied}`;
    if (failed.has(key)) return false;
    const profile = order[index];
    for (const start of preferredStarts(profile)) {
      const mask = rangeMask(start, profile.placementSize);
      if ((occupied & mask) !== 0) continue;
      chosen[index] = start;
      if (visit(index + 1, occupied | mask)) return true;
    }
    failed.add(key);
    return false;
  };
  const found = visit(0, 0);
  return found ? { starts: chosen.slice(0, order.length), deepest } : { deepest };
}

function tooMany(
  model: GpuModel,
  profile: MigProfile,
  count: number,
  placed: boolean,
): LayoutProblemFacts {
  const max = profile.maxInstances;
  return {
    kind: 'too-many',
    profile: profile.name,
    count,
    max,
    model: shortModelName(model),
    placed,
  };
}

function holdersOf(holders: PlacedInstance[]): UnitHolder[] {
  return holders.map(({ profile, start }) => ({ profile, start }));
}

function overlaps(a: { start: number; size: number }, b: { start: number; size: number }): boolean {
  return a.start < b.start + b.size && b.start < a.start + a.size;
}

function toInstance(profile: MigProfile, start: number): PlacedInstance {
  return {
    profile: profile.name,
    start,
    size: profile.placementSize,
    computeSlices: profile.computeSlices,
  };
}

function amounts(
  requests: ProfileRequest[],
  budget: 'placementSize' | 'computeSlices',
): ProfileAmount[] {
  return requests.map(({ profile, count }) => ({
    profile: profile.name,
    count,
    amount: count * profile[budget],
  }));
}

/** Every instance of `placed` holding a unit one of `profile`'s legal slots needs. */
function blockingHolders(profile: MigProfile, placed: PlacedInstance[]): UnitHolder[] {
  const holders = placed.filter((instance) =>
    profile.placements.some((slot) => overlaps(instance, slot)),
  );
  return holdersOf(holders);
}

function problemsOfPacking(
  model: GpuModel,
  requests: ProfileRequest[],
  order: MigProfile[],
  search: PackingSearch,
): LayoutProblem[] {
  const unitsNeeded = order.reduce((sum, profile) => sum + profile.placementSize, 0);
  const blocked = order[search.deepest.length];
  if (unitsNeeded > model.placementUnits) {
    return [
      {
        code: 'no-placement',
        profile: blocked.name,
        facts: {
          kind: 'units-exceeded',
          needed: unitsNeeded,
          available: model.placementUnits,
          model: shortModelName(model),
          parts: amounts(requests, 'placementSize'),
        },
      },
    ];
  }
  const placed = search.deepest.map((start, index) => toInstance(order[index], start));
  return [
    {
      code: 'no-placement',
      profile: blocked.name,
      facts: {
        kind: 'no-arrangement',
        units: model.placementUnits,
        profile: blocked.name,
        starts: blocked.placements.map((slot) => slot.start),
        holders: blockingHolders(blocked, placed),
      },
    },
  ];
}

function computeProblem(model: GpuModel, requests: ProfileRequest[]): LayoutProblem | undefined {
  const used = requests.reduce((sum, { profile, count }) => sum + profile.computeSlices * count, 0);
  if (used <= model.computeSlices) return undefined;
  const largest = [...requests].sort(
    (a, b) => b.profile.computeSlices * b.count - a.profile.computeSlices * a.count,
  )[0];
  return {
    code: 'compute-exceeded',
    profile: largest.profile.name,
    facts: {
      kind: 'compute-exceeded',
      needed: used,
      available: model.computeSlices,
      model: shortModelName(model),
      parts: amounts(requests, 'computeSlices'),
    },
  };
}

function hasMediaAttribute(profile: MigProfile): boolean {
  return profile.attributes.includes('me');
}

/** Legal but unverified or unusual combinations, and facts about the profiles that are not confirmed. */
export function layoutWarnings(model: GpuModel, profiles: MigProfile[]): LayoutWarningFacts[] {
  const warnings: LayoutWarningFacts[] = [];
  const oneSlice = profiles.filter((profile) => profile.computeSlices === 1);
  const withMedia = oneSlice.find(hasMediaAttribute);
  if (withMedia && oneSlice.length > 1) {
    warnings.push({ kind: 'media-next-to-one-slice', profile: withMedia.name });
  }
  const fourSlice = profiles.find(
    (profile) => profile.computeSlices === 4 && profile.placementSize * 2 === model.placementUnits,
  );
  const threeSlice = profiles.find((profile) => profile.computeSlices === 3);
  if (fourSlice && threeSlice) {
    warnings.push({ kind: 'needs-r510', profile: fourSlice.name, other: threeSlice.name });
  }
  for (const profile of new Set(profiles)) {
    if (profile.confidence !== 'confirmed') {
      warnings.push({
        kind: 'unconfirmed',
        profile: profile.name,
        model: shortModelName(model),
        confidence: profile.confidence,
        notes: profile.unconfirmed,
      });
    }
  }
  return warnings;
}

/**
 * Places the requested instances on one GPU of `model`. Deterministic. The starts are a prediction
 * (the driver chooses them); an invalid request explains every reason it cannot be created.
 */
export function placeInstances(model: GpuModel, counts: ProfileCounts): LayoutResult {
  const { requests, problems } = resolveCounts(model, counts);
  const computeSlicesUsed = requests.reduce(
    (sum, { profile, count }) => sum + profile.computeSlices * count,
    0,
  );
  const unitsUsed = requests.reduce(
    (sum, { profile, count }) => sum + profile.placementSize * count,
    0,
  );
  const result: LayoutResult = {
    valid: false,
    predicted: true,
    modelId: model.id,
    instances: [],
    problems,
    warnings: [],
    computeSlicesUsed,
    unitsUsed,
  };
  const compute = computeProblem(model, requests);
  if (compute) problems.push(compute);
  // Counts beyond the max are already explained and would only make the search longer.
  if (problems.some((problem) => problem.code !== 'compute-exceeded')) return result;

  const order = creationOrder(requests);
  const search = searchPacking(order);
  if (!search.starts) {
    problems.push(...problemsOfPacking(model, requests, order, search));
    return result;
  }
  if (problems.length > 0) return result;
  const starts = search.starts;
  result.instances = order
    .map((profile, index) => toInstance(profile, starts[index]))
    .sort((a, b) => a.start - b.start);
  result.valid = true;
  result.warnings = layoutWarnings(model, order);
  return result;
}

function isInstanceShaped(value: unknown): value is PlacedInstance {
  return (
    isPlainObject(value) &&
    typeof value.profile === 'string' &&
    Number.isInteger(value.start) &&
    Number.isInteger(value.size)
  );
}

/**
 * Every reason a given set of placed instances is not a legal layout of `model` (empty when it
 * is): unknown profiles, illegal starts or sizes, overlaps, too many instances, compute exceeded.
 */
export function isLegalLayout(model: GpuModel, instances: PlacedInstance[]): LayoutProblem[] {
  if (!Array.isArray(instances)) {
    return [
      {
        code: 'invalid-count',
        facts: { kind: 'not-a-list', got: describeValue(instances) },
      },
    ];
  }
  const problems: LayoutProblem[] = [];
  const known: Array<{ instance: PlacedInstance; profile: MigProfile }> = [];
  instances.forEach((instance, index) => {
    if (!isInstanceShaped(instance)) {
      problems.push({
        code: 'invalid-count',
        facts: { kind: 'bad-entry', index: index + 1 },
      });
      return;
    }
    const profile = findProfile(model, instance.profile);
    if (!profile) {
      problems.push({
        code: 'unknown-profile',
        profile: instance.profile,
        facts: {
          kind: 'unknown-profile',
          profile: instance.profile,
          model: shortModelName(model),
        },
      });
      return;
    }
    const legal = profile.placements.some(
      (slot) => slot.start === instance.start && slot.size === instance.size,
    );
    if (!legal) {
      problems.push({
        code: 'no-placement',
        profile: profile.name,
        facts: {
          kind: 'illegal-start',
          profile: profile.name,
          start: instance.start,
          size: instance.size,
          starts: profile.placements.map((slot) => slot.start),
          legalSize: profile.placementSize,
        },
      });
    }
    known.push({ instance, profile });
  });
  for (let i = 0; i < known.length; i++) {
    for (let j = i + 1; j < known.length; j++) {
      const a = known[i].instance;
      const b = known[j].instance;
      if (overlaps(a, b)) {
        problems.push({
          code: 'no-placement',
          profile: known[j].profile.name,
          facts: {
            kind: 'overlap',
            profile: known[j].profile.name,
            start: b.start,
            other: known[i].profile.name,
            otherStart: a.start,
          },
        });
      }
    }
  }
  const counts = new Map<MigProfile, number>();
  known.forEach(({ profile }) => counts.set(profile, (counts.get(profile) ?? 0) + 1));
  counts.forEach((count, profile) => {
    if (count > profile.maxInstances) {
      problems.push({
        code: 'too-many-instances',
        profile: profile.name,
        facts: tooMany(model, profile, count, true),
      });
    }
  });
  const compute = computeProblem(
    model,
    Array.from(counts, ([profile, count]) => ({ profile, count })),
  );
  if (compute) problems.push(compute);
  return problems;
}

export interface StartOption {
  start: number;
  free: boolean;
  /** Why the start cannot take the profile now (only when `free` is false). */
  blocked?: StartBlock;
}

/** Why a legal start cannot take one more instance of a profile now. */
export type StartBlock =
  | { kind: 'held'; start: number; size: number; holders: UnitHolder[] }
  | { kind: 'max-reached'; profile: string; count: number }
  | { kind: 'compute'; needed: number; left: number };

/** Why one more instance cannot be added, as data in the layout designer (`additionBlockText` says it in words). */
export type AdditionBlock =
  | { kind: 'not-a-profile'; profile: string }
  | { kind: 'layout'; problem: LayoutProblem }
  | { kind: 'start'; block: StartBlock }
  | { kind: 'does-not-fit' };

/**
 * For the layout designer: each legal start of `profileName`, and whether it is free next to the
 * `existing` instances (or why not: held units, max count reached, compute slices used up).
 * Empty for a profile the model does not have.
 */
export function legalStartsFor(
  model: GpuModel,
  existing: PlacedInstance[],
  profileName: string,
): StartOption[] {
  const profile = findProfile(model, profileName);
  if (!profile) return [];
  const placed = Array.isArray(existing) ? existing.filter(isInstanceShaped) : [];
  const sameProfile = placed.filter(
    (instance) => findProfile(model, instance.profile) === profile,
  ).length;
  const computeUsed = placed.reduce(
    (sum, instance) => sum + (findProfile(model, instance.profile)?.computeSlices ?? 0),
    0,
  );
  const computeLeft = model.computeSlices - computeUsed;
  return profile.placements.map((slot) => {
    const holders = placed.filter((instance) => overlaps(instance, slot));
    const blocked: StartBlock | undefined =
      holders.length > 0
        ? { kind: 'held', start: slot.start, size: slot.size, holders: holdersOf(holders) }
        : sameProfile >= profile.maxInstances
          ? { kind: 'max-reached', profile: profile.name, count: sameProfile }
          : profile.computeSlices > computeLeft
            ? { kind: 'compute', needed: profile.computeSlices, left: Math.max(computeLeft, 0) }
            : undefined;
    return blocked === undefined
      ? { start: slot.start, free: true }
      : { start: slot.start, free: false, blocked };
  });
}
