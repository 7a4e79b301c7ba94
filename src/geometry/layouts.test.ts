import { findModel, listModels } from './catalog';
import {
  completionsOf,
  enumerateLayouts,
  enumerateMaximalLayouts,
  enumerationProfiles,
} from './layouts';
import { placeInstances } from './placement';
import type { GpuModel } from './types';

function model(id: string): GpuModel {
  const found = findModel(id);
  if (!found) throw new Error(`catalog lacks ${id}`);
  return found;
}

describe('layout counts from the geometry notes (section 4)', () => {
  it.each([
    ['a30-24gb', 21, 9, 9, 4],
    ['a100-40gb', 127, 44, 77, 28],
    ['h100-80gb-sxm5', 127, 44, 77, 28],
    ['rtx-pro-6000-blackwell', 171, 104, 9, 4],
  ])(
    '%s: %i valid / %i maximal, %i / %i without variants',
    (id, valid, maximal, plainValid, plainMaximal) => {
      const m = model(id);
      expect(enumerateLayouts(m)).toHaveLength(valid);
      expect(enumerateMaximalLayouts(m)).toHaveLength(maximal);
      expect(enumerateLayouts(m, { includeVariants: false })).toHaveLength(plainValid);
      expect(enumerateMaximalLayouts(m, { includeVariants: false })).toHaveLength(plainMaximal);
    },
  );

  it('lists the A30 maximal plain layouts', () => {
    expect(enumerateMaximalLayouts(model('a30-24gb'), { includeVariants: false })).toEqual([
      { '4g.24gb': 1 },
      { '2g.12gb': 2 },
      { '1g.6gb': 2, '2g.12gb': 1 },
      { '1g.6gb': 4 },
    ]);
  });

  it('includes the A100 40GB layouts a hand-written list tends to miss', () => {
    const keys = enumerateMaximalLayouts(model('a100-40gb'), { includeVariants: false }).map((l) =>
      JSON.stringify(l),
    );
    expect(keys).toContain(JSON.stringify({ '1g.5gb': 4, '3g.20gb': 1 }));
    expect(keys).toContain(JSON.stringify({ '3g.20gb': 1, '4g.20gb': 1 }));
    expect(keys).not.toContain(JSON.stringify({ '1g.5gb': 3, '3g.20gb': 1 }));
  });
});

describe('enumeration properties', () => {
  it.each(listModels().map((m) => [m.id, m] as const))(
    '%s: every layout is valid, unique, and maximal ones cannot grow',
    (_id, m) => {
      const layouts = enumerateLayouts(m);
      const keys = layouts.map((l) => JSON.stringify(l));
      expect(new Set(keys).size).toBe(keys.length);
      for (const layout of layouts) expect(placeInstances(m, layout).valid).toBe(true);
      const maximal = enumerateMaximalLayouts(m);
      for (const layout of maximal) {
        expect(keys).toContain(JSON.stringify(layout));
        for (const profile of enumerationProfiles(m)) {
          const grown = { ...layout, [profile.name]: (layout[profile.name] ?? 0) + 1 };
          expect(placeInstances(m, grown).valid).toBe(false);
        }
      }
      // Every single-profile layout up to its max count is reachable (no profile is lost).
      for (const profile of m.profiles) {
        expect(keys).toContain(JSON.stringify({ [profile.name]: 1 }));
      }
    },
  );

  it('suggests ways to complete a partial layout', () => {
    const h100 = model('h100-80gb-sxm5');
    const completions = completionsOf(
      h100,
      { '3g.40gb': 1, '2g.20gb': 1 },
      { includeVariants: false },
    );
    expect(completions).toEqual(
      expect.arrayContaining([
        { '1g.10gb': 2, '2g.20gb': 1, '3g.40gb': 1 },
        { '1g.20gb': 1, '2g.20gb': 1, '3g.40gb': 1 },
      ]),
    );
    completions.forEach((layout) => {
      expect(layout['3g.40gb']).toBeGreaterThanOrEqual(1);
      expect(layout['2g.20gb']).toBeGreaterThanOrEqual(1);
    });
    expect(completionsOf(h100, { '1g.5gb': 1 })).toEqual([]);
  });
});
