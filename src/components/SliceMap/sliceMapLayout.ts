/**
 * Pure geometry of a slice map: which grid columns and lane each instance takes, which units are
 * unallocated, and what is wrong with the input. Kept apart from React so the drawing, the
 * accessible description and the tests all read the same facts.
 */
import type { GpuModel } from '../../geometry/types';
import type { SliceMapInstance } from './types';

/** PF6 non-status palette entries the map colours instances with, by compute slices. */
export type SliceColor = 'blue' | 'teal' | 'purple' | 'orange' | 'yellow' | 'gray';

/** Compute sizes in the legend's order; anything else is drawn grey. */
const COLOR_BY_COMPUTE_SLICES: ReadonlyArray<[number, SliceColor]> = [
  [1, 'blue'],
  [2, 'teal'],
  [3, 'purple'],
  [4, 'orange'],
  [7, 'yellow'],
];

export function sliceColorFor(computeSlices: number): SliceColor {
  return COLOR_BY_COMPUTE_SLICES.find(([slices]) => slices === computeSlices)?.[1] ?? 'gray';
}

/** The compute sizes that have their own colour (for legends). */
export function colouredComputeSizes(): number[] {
  return COLOR_BY_COMPUTE_SLICES.map(([slices]) => slices);
}

export interface PlacedSlice {
  instance: SliceMapInstance;
  /** Position in the caller's `instances` (ids of odd input may repeat; this never does). */
  index: number;
  /** 0-based first grid unit and width, validated. */
  start: number;
  size: number;
  /** 0-based row; lane 0 unless the instance overlaps another one (a drifted or bad input). */
  lane: number;
  /** Profiles of the other instances sharing units with this one. */
  overlapsWith: string[];
  color: SliceColor;
}

export interface OffGridSlice {
  instance: SliceMapInstance;
  index: number;
  reason: 'outside-grid' | 'bad-position';
}

export interface FreeRun {
  start: number;
  size: number;
}

export interface ComputeSegment {
  instanceId: string;
  color: SliceColor;
  inUse: boolean;
}

export interface SliceMapLayout {
  units: number;
  computeTotal: number;
  placed: PlacedSlice[];
  offGrid: OffGridSlice[];
  freeRuns: FreeRun[];
  lanes: number;
  /** One entry per allocated compute slice, in grid order; may exceed `computeTotal` on bad input. */
  computeSegments: ComputeSegment[];
  computeUsed: number;
  unitsUsed: number;
  /** Instances drawn or listed (on and off the grid). */
  instanceCount: number;
  inUseCount: number;
  hasOverlaps: boolean;
}

/** A usable placement grid width, or undefined when the model cannot be drawn. */
export function gridUnitsOf(model: GpuModel | undefined): number | undefined {
  const units = model?.placementUnits;
  return typeof units === 'number' && Number.isInteger(units) && units > 0 && units <= 64
    ? units
    : undefined;
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Compute slices of an instance, never negative or NaN (odd input counts as 0). */
export function computeSlicesOf(instance: SliceMapInstance): number {
  return isWholeNumber(instance.computeSlices) && instance.computeSlices > 0
    ? instance.computeSlices
    : 0;
}

function overlaps(a: { start: number; size: number }, b: { start: number; size: number }) {
  return a.start < b.start + b.size && b.start < a.start + a.size;
}

/** Lays the instances out on a grid `units` wide with `computeTotal` compute slices. */
export function layoutSliceMap(
  instances: readonly SliceMapInstance[],
  units: number,
  computeTotal: number,
): SliceMapLayout {
  const onGrid: Array<Omit<PlacedSlice, 'lane' | 'overlapsWith'>> = [];
  const offGrid: OffGridSlice[] = [];
  (instances ?? []).forEach((instance, index) => {
    if (!instance) return;
    const { start, size } = instance;
    if (!isWholeNumber(start) || !isWholeNumber(size) || size < 1) {
      offGrid.push({ instance, index, reason: 'bad-position' });
    } else if (start < 0 || start + size > units) {
      offGrid.push({ instance, index, reason: 'outside-grid' });
    } else {
      const color = sliceColorFor(computeSlicesOf(instance));
      onGrid.push({ instance, index, start, size, color });
    }
  });
  // Grid order (then widest first) so lanes fill left to right and the first lane stays the
  // expected layout; anything overlapping it drops to a lower lane where it is visibly wrong.
  onGrid.sort((a, b) => a.start - b.start || b.size - a.size);

  const placed: PlacedSlice[] = [];
  for (const slice of onGrid) {
    const overlapsWith = onGrid
      .filter((other) => other !== slice && overlaps(slice, other))
      .map((other) => other.instance.profile);
    let lane = 0;
    while (placed.some((other) => other.lane === lane && overlaps(slice, other))) lane += 1;
    placed.push({ ...slice, lane, overlapsWith });
  }

  const covered = new Array<boolean>(units).fill(false);
  for (const slice of placed) covered.fill(true, slice.start, slice.start + slice.size);
  const freeRuns: FreeRun[] = [];
  for (let unit = 0; unit < units; unit += 1) {
    if (covered[unit]) continue;
    const last = freeRuns[freeRuns.length - 1];
    if (last && last.start + last.size === unit) last.size += 1;
    else freeRuns.push({ start: unit, size: 1 });
  }

  const computeSegments = placed.flatMap((slice) =>
    Array.from({ length: computeSlicesOf(slice.instance) }, () => ({
      instanceId: slice.instance.id,
      color: slice.color,
      inUse: Boolean(slice.instance.inUse),
    })),
  );

  return {
    units,
    computeTotal,
    placed,
    offGrid,
    freeRuns,
    lanes: Math.max(1, ...placed.map((slice) => slice.lane + 1)),
    computeSegments,
    computeUsed: computeSegments.length,
    unitsUsed: covered.filter(Boolean).length,
    instanceCount: placed.length + offGrid.length,
    inUseCount: [...placed, ...offGrid].filter((slice) => slice.instance.inUse).length,
    hasOverlaps: placed.some((slice) => slice.overlapsWith.length > 0),
  };
}
