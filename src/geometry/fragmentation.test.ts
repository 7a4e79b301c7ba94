import fc from 'fast-check';
import { findModel, findProfile, listModels } from './catalog';
import { compareProfileSize, largestProfile, roomOnGpu } from './fragmentation';
import { isLegalLayout } from './placement';
import type { GpuModel, PlacedInstance } from './types';

function model(id: string): GpuModel {
  const found = findModel(id);
  if (!found) throw new Error(`catalog lacks ${id}`);
  return found;
}

function instance(m: GpuModel, profile: string, start: number): PlacedInstance {
  const found = findProfile(m, profile);
  if (!found) throw new Error(`${m.id} lacks ${profile}`);
  return { profile, start, size: found.placementSize, computeSlices: found.computeSlices };
}

const fitNames = (m: GpuModel, placed: PlacedInstance[]) =>
  roomOnGpu(m, placed).fits.map((fit) => fit.profile);

describe('roomOnGpu examples', () => {
  it('offers every profile of an empty GPU, the whole-GPU profile first', () => {
    const h100 = model('h100-80gb-sxm5');
    const room = roomOnGpu(h100, []);
    expect(room.fits[0].profile).toBe('7g.80gb');
    expect(room.fits).toHaveLength(h100.profiles.length);
    expect([room.unallocatedUnits, room.unallocatedCompute]).toEqual([8, 7]);
    expect(room.fragmentedOut).toEqual([]);
  });

  it('says a 3g no longer fits an H100 whose two 1g sit at units 1 and 5, though 5 compute slices and 6 units are free', () => {
    const h100 = model('h100-80gb-sxm5');
    const room = roomOnGpu(h100, [instance(h100, '1g.10gb', 1), instance(h100, '1g.10gb', 5)]);
    expect([room.unallocatedUnits, room.unallocatedCompute]).toEqual([6, 5]);
    expect(room.fits[0]).toEqual({ profile: '2g.20gb', computeSlices: 2, starts: [2] });
    expect(room.fragmentedOut).toEqual(['4g.40gb', '3g.40gb']);
  });

  it('on an A30 with 1g at units 0 and 2, the 2 free units take no 2g (starts 0 and 2 are both cut)', () => {
    const a30 = model('a30-24gb');
    const room = roomOnGpu(a30, [instance(a30, '1g.6gb', 0), instance(a30, '1g.6gb', 2)]);
    expect(room.fits.map((fit) => fit.profile)).toEqual(['1g.6gb', '1g.6gb+me']);
    expect(room.fits[0].starts).toEqual([1, 3]);
    expect(room.fragmentedOut).toEqual(['2g.12gb', '2g.12gb+me']);
  });

  it('on an RTX PRO 6000 two 1g at starts 3 and 6 leave no room for a 2g (the public walkthrough)', () => {
    const rtx = model('rtx-pro-6000-blackwell');
    const room = roomOnGpu(rtx, [instance(rtx, '1g.24gb', 3), instance(rtx, '1g.24gb', 6)]);
    expect(room.fits.every((fit) => fit.computeSlices === 1)).toBe(true);
    expect(room.fragmentedOut).toContain('2g.48gb');
  });

  it('finds neither room nor fragmentation on a full A100 (4g + 3g)', () => {
    const a100 = model('a100-40gb');
    const room = roomOnGpu(a100, [instance(a100, '4g.20gb', 0), instance(a100, '3g.20gb', 4)]);
    expect(room).toEqual({
      fits: [],
      unallocatedUnits: 0,
      unallocatedCompute: 0,
      fragmentedOut: [],
    });
  });

  it('does not offer a profile at its max count, nor count that as fragmentation', () => {
    const a100 = model('a100-40gb');
    const withMedia = [instance(a100, '1g.5gb+me', 0)];
    expect(fitNames(a100, withMedia)).not.toContain('1g.5gb+me');
    expect(roomOnGpu(a100, withMedia).fragmentedOut).not.toContain('1g.5gb+me');
  });

  it('lets an instance of an unknown profile hold its units and compute slices', () => {
    const a30 = model('a30-24gb');
    const room = roomOnGpu(a30, [{ profile: '9g.99gb', start: 0, size: 2, computeSlices: 2 }]);
    expect([room.unallocatedUnits, room.unallocatedCompute]).toEqual([2, 2]);
    expect(room.fits[0]).toMatchObject({ profile: '2g.12gb', starts: [2] });
  });

  it('ignores entries that are not placed instances', () => {
    const a30 = model('a30-24gb');
    const odd = [null, { profile: '1g.6gb', start: 'x' }] as unknown as PlacedInstance[];
    expect(roomOnGpu(a30, odd).fits).toHaveLength(a30.profiles.length);
    expect(roomOnGpu(a30, 'nope' as unknown as PlacedInstance[]).unallocatedUnits).toBe(4);
  });
});

describe('largestProfile', () => {
  it('prefers compute, then memory, then the plain profile over its variants', () => {
    const a100 = model('a100-40gb');
    const names = (...wanted: string[]) => wanted.map((name) => findProfile(a100, name)!);
    expect(largestProfile(names('1g.5gb', '1g.10gb', '1g.5gb+me'))?.name).toBe('1g.10gb');
    expect(largestProfile(names('1g.5gb+me', '1g.5gb'))?.name).toBe('1g.5gb');
    expect(largestProfile(names('3g.20gb', '4g.20gb', '2g.10gb'))?.name).toBe('4g.20gb');
    expect(largestProfile([])).toBeUndefined();
  });

  it('puts the whole-GPU profile first on every catalog model', () => {
    for (const m of listModels()) {
      const largest = largestProfile(m.profiles)!;
      expect(largest.computeSlices).toBe(Math.max(...m.profiles.map((p) => p.computeSlices)));
      expect(m.profiles.every((p) => compareProfileSize(largest, p) <= 0)).toBe(true);
    }
  });
});

/** A random legal layout of `m`: candidates are kept when the layout stays legal. */
const layoutOf = (m: GpuModel) =>
  fc
    .array(fc.tuple(fc.nat(m.profiles.length - 1), fc.nat(64)), { maxLength: 10 })
    .map((choices) => {
      const placed: PlacedInstance[] = [];
      for (const [profileIndex, startIndex] of choices) {
        const profile = m.profiles[profileIndex];
        const slot = profile.placements[startIndex % profile.placements.length];
        const candidate = instance(m, profile.name, slot.start);
        if (isLegalLayout(m, [...placed, candidate]).length === 0) placed.push(candidate);
      }
      return placed;
    });

const modelAndLayout = fc
  .constantFrom(...listModels())
  .chain((m) => fc.tuple(fc.constant(m), layoutOf(m)));

/** Brute force: every profile and legal start for which `placed + one instance` is a legal layout. */
function oracleFits(m: GpuModel, placed: PlacedInstance[]): Map<string, number[]> {
  const fits = new Map<string, number[]>();
  for (const profile of m.profiles) {
    const starts = profile.placements
      .map((slot) => slot.start)
      .filter(
        (start) => isLegalLayout(m, [...placed, instance(m, profile.name, start)]).length === 0,
      );
    if (starts.length > 0) fits.set(profile.name, starts);
  }
  return fits;
}

describe('roomOnGpu against a brute-force oracle over the catalog', () => {
  it('finds exactly the profiles and starts the oracle finds, largest first', () => {
    fc.assert(
      fc.property(modelAndLayout, ([m, placed]) => {
        const room = roomOnGpu(m, placed);
        const found = new Map(room.fits.map((fit) => [fit.profile, fit.starts]));
        expect(found).toEqual(oracleFits(m, placed));
        const profiles = room.fits.map((fit) => findProfile(m, fit.profile)!);
        expect(profiles).toEqual([...profiles].sort(compareProfileSize));
      }),
      { numRuns: 300 },
    );
  });

  it('calls a profile fragmented out only when units and compute would hold it but no start is free', () => {
    fc.assert(
      fc.property(modelAndLayout, ([m, placed]) => {
        const room = roomOnGpu(m, placed);
        const held = new Set(
          placed.flatMap((p) => Array.from({ length: p.size }, (_, i) => p.start + i)),
        );
        expect(room.unallocatedUnits).toBe(m.placementUnits - held.size);
        for (const name of room.fragmentedOut) {
          const profile = findProfile(m, name)!;
          expect(profile.placementSize).toBeLessThanOrEqual(room.unallocatedUnits);
          expect(profile.computeSlices).toBeLessThanOrEqual(room.unallocatedCompute);
          expect(oracleFits(m, placed).has(name)).toBe(false);
          const every = profile.placements.every((slot) =>
            Array.from({ length: slot.size }, (_, i) => slot.start + i).some((u) => held.has(u)),
          );
          expect(every).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never offers more after one more instance is placed', () => {
    fc.assert(
      fc.property(modelAndLayout, fc.nat(), ([m, placed], pick) => {
        const before = roomOnGpu(m, placed);
        if (before.fits.length === 0) return;
        const fit = before.fits[pick % before.fits.length];
        const grown = [...placed, instance(m, fit.profile, fit.starts[0])];
        expect(isLegalLayout(m, grown)).toEqual([]);
        const after = new Set(fitNames(m, grown));
        const was = new Set(before.fits.map((f) => f.profile));
        for (const name of after) expect(was.has(name)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
