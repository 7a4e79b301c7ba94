/**
 * Room left on one GPU: which profiles one more instance of still fits beside the instances placed
 * now, without moving any of them, and which would fit by amount (grid units and compute slices
 * left) but find no free legal start: the free space is fragmented (geometry notes section 4).
 *
 * "Fits" means the layout `instances + one more` is legal: the new instance sits on one of its
 * profile's starts over units no instance holds, its profile stays within its max count, and the
 * compute slices stay within the GPU's. Getting it is still a config change: mig-parted clears the
 * whole GPU and re-creates every instance, so whether the GPU is idle is the caller's question.
 */
import { findProfile } from './catalog';
import type { GpuModel, MigProfile, PlacedInstance } from './types';

/** A profile one more instance of fits, and the legal starts free for it now. */
export interface ProfileFit {
  profile: string;
  computeSlices: number;
  starts: number[];
}

export interface GpuRoom {
  /** Profiles that fit beside the instances, largest first (`compareProfileSize`). */
  fits: ProfileFit[];
  /** Grid units no instance holds. */
  unallocatedUnits: number;
  /** Compute slices no instance takes (never below 0). */
  unallocatedCompute: number;
  /**
   * Profiles the unallocated units and compute slices would hold in amount, within their max
   * count, yet with every legal start partly held: the free space is fragmented. Largest first.
   */
  fragmentedOut: string[];
}

/**
 * Larger first: more compute slices, then more memory, then a wider placement, then the plain
 * profile before its attribute variants (`+me`, `-me`, `+gfx`), then catalog order (stable sort).
 */
export function compareProfileSize(a: MigProfile, b: MigProfile): number {
  return (
    b.computeSlices - a.computeSlices ||
    b.memorySlices - a.memorySlices ||
    b.placementSize - a.placementSize ||
    a.attributes.length - b.attributes.length
  );
}

/** The largest of `profiles` by `compareProfileSize`, or undefined when there are none. */
export function largestProfile(profiles: readonly MigProfile[]): MigProfile | undefined {
  return [...profiles].sort(compareProfileSize)[0];
}

/** Bits of the grid units `[start, start + size)`, clipped to the grid. */
function unitsMask(start: number, size: number, units: number): number {
  let mask = 0;
  for (let unit = Math.max(0, start); unit < Math.min(units, start + size); unit++) {
    mask |= 1 << unit;
  }
  return mask;
}

function countBits(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

const profilesBySize = new WeakMap<GpuModel, MigProfile[]>();

/** The model's profiles largest first, sorted once per model (asked for every GPU of a fleet). */
function profilesLargestFirst(model: GpuModel): MigProfile[] {
  let sorted = profilesBySize.get(model);
  if (!sorted) {
    sorted = [...model.profiles].sort(compareProfileSize);
    profilesBySize.set(model, sorted);
  }
  return sorted;
}

/** What the placed instances hold: units, compute slices, instances per profile. */
function occupancy(model: GpuModel, instances: readonly PlacedInstance[]) {
  let held = 0;
  let compute = 0;
  const perProfile = new Map<MigProfile, number>();
  for (const instance of Array.isArray(instances) ? instances : []) {
    if (!instance || !Number.isInteger(instance.start) || !Number.isInteger(instance.size))
      continue;
    held |= unitsMask(instance.start, instance.size, model.placementUnits);
    const profile = findProfile(model, instance.profile);
    compute += profile?.computeSlices ?? (Number(instance.computeSlices) || 0);
    if (profile) perProfile.set(profile, (perProfile.get(profile) ?? 0) + 1);
  }
  return { held, compute, perProfile };
}

/**
 * One more instance of which profiles fits beside `instances` on a GPU of `model`, and which are
 * kept out only by where the free units lie. Instances of profiles the model does not have still
 * hold their units and compute slices (a drifted node can report them).
 */
export function roomOnGpu(model: GpuModel, instances: readonly PlacedInstance[]): GpuRoom {
  const { held, compute, perProfile } = occupancy(model, instances);
  const unallocatedUnits = model.placementUnits - countBits(held);
  const unallocatedCompute = Math.max(0, model.computeSlices - compute);
  const fits: ProfileFit[] = [];
  const fragmentedOut: string[] = [];
  for (const profile of profilesLargestFirst(model)) {
    const withinBudgets =
      (perProfile.get(profile) ?? 0) < profile.maxInstances &&
      profile.computeSlices <= unallocatedCompute;
    if (!withinBudgets) continue;
    const starts = profile.placements
      .filter(
        (slot) =>
          slot.start + slot.size <= model.placementUnits &&
          (held & unitsMask(slot.start, slot.size, model.placementUnits)) === 0,
      )
      .map((slot) => slot.start);
    if (starts.length > 0) {
      fits.push({ profile: profile.name, computeSlices: profile.computeSlices, starts });
    } else if (profile.placementSize <= unallocatedUnits) {
      fragmentedOut.push(profile.name);
    }
  }
  return { fits, unallocatedUnits, unallocatedCompute, fragmentedOut };
}
