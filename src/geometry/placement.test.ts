import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { findModel, findModelByDeviceId, listModels } from './catalog';
import { isLegalLayout, legalStartsFor, placeInstances } from './placement';
import type { GpuModel, PlacedInstance, ProfileCounts } from './types';

function model(id: string): GpuModel {
  const found = findModel(id);
  if (!found) throw new Error(`catalog lacks ${id}`);
  return found;
}

const positions = (instances: PlacedInstance[]) => instances.map((i) => `${i.profile}@${i.start}`);

describe('placeInstances examples', () => {
  it('accepts the A30 all-balanced layout (2 × 1g.6gb + 2g.12gb) where the driver puts it', () => {
    const result = placeInstances(model('a30-24gb'), { '1g.6gb': 2, '2g.12gb': 1 });
    expect(result.valid).toBe(true);
    expect(result.predicted).toBe(true);
    expect(result.problems).toEqual([]);
    expect(positions(result.instances)).toEqual(['2g.12gb@0', '1g.6gb@2', '1g.6gb@3']);
    expect([result.computeSlicesUsed, result.unitsUsed]).toEqual([4, 4]);
  });

  it('accepts 4g.40gb + 3g.40gb on an A100 80GB at starts 0 and 4, with the R510 caveat', () => {
    const result = placeInstances(model('a100-80gb'), { '4g.40gb': 1, '3g.40gb': 1 });
    expect(result.valid).toBe(true);
    expect(positions(result.instances)).toEqual(['4g.40gb@0', '3g.40gb@4']);
    expect(result.warnings).toContainEqual({
      kind: 'needs-r510',
      profile: '4g.40gb',
      other: '3g.40gb',
    });
  });

  it('puts a lone 3g at start 4 and fills 1g from the lowest free start', () => {
    const h100 = model('h100-80gb-sxm5');
    expect(positions(placeInstances(h100, { '3g.40gb': 1 }).instances)).toEqual(['3g.40gb@4']);
    expect(positions(placeInstances(h100, { '3g.40gb': 1, '1g.10gb': 3 }).instances)).toEqual([
      '1g.10gb@0',
      '1g.10gb@1',
      '1g.10gb@2',
      '3g.40gb@4',
    ]);
    // all-balanced as observed on DGX H100 (GI ids 2, 3, 9, 10).
    expect(
      positions(placeInstances(h100, { '1g.10gb': 2, '2g.20gb': 1, '3g.40gb': 1 }).instances),
    ).toEqual(['2g.20gb@0', '1g.10gb@2', '1g.10gb@3', '3g.40gb@4']);
    const rtx = model('rtx-pro-6000-blackwell');
    expect(positions(placeInstances(rtx, { '2g.48gb': 1, '1g.24gb': 2 }).instances)).toEqual([
      '2g.48gb@0',
      '1g.24gb@6',
      '1g.24gb@9',
    ]);
    expect(positions(placeInstances(rtx, { '1g.24gb': 4 }).instances)).toEqual([
      '1g.24gb@0',
      '1g.24gb@3',
      '1g.24gb@6',
      '1g.24gb@9',
    ]);
  });

  it('packs layouts that fill the grid exactly', () => {
    const result = placeInstances(model('h100-80gb-sxm5'), { '2g.20gb': 2, '1g.20gb': 2 });
    expect(result.valid).toBe(true);
    expect(isLegalLayout(model('h100-80gb-sxm5'), result.instances)).toEqual([]);
    const tight = placeInstances(model('h100-80gb-sxm5'), { '2g.20gb': 3, '1g.20gb': 1 });
    expect(tight.valid).toBe(true);
    expect(positions(tight.instances)).toEqual([
      '2g.20gb@0',
      '2g.20gb@2',
      '2g.20gb@4',
      '1g.20gb@6',
    ]);
  });

  it('explains two 3g and one 2g on an 8-unit model', () => {
    const result = placeInstances(model('h100-80gb-sxm5'), { '3g.40gb': 2, '2g.20gb': 1 });
    expect(result.valid).toBe(false);
    expect(result.instances).toEqual([]);
    const codes = result.problems.map((p) => p.code);
    expect(codes).toEqual(['compute-exceeded', 'no-placement']);
    expect(result.problems[0].facts).toMatchObject({ needed: 8, available: 7 });
    expect(result.problems[1].facts).toMatchObject({ kind: 'units-exceeded', needed: 10 });
  });

  it('names the holders when a profile has no free start', () => {
    // 1g.20gb at 6 is the only instance using unit 7, so 3g.40gb cannot go to 4, and 4g holds 0-3.
    const result = placeInstances(model('h100-80gb-sxm5'), {
      '4g.40gb': 1,
      '1g.20gb': 1,
      '2g.20gb': 1,
    });
    expect(result.valid).toBe(true);
    const blocked = placeInstances(model('a100-40gb'), { '4g.20gb': 1, '3g.20gb': 2 });
    expect(blocked.valid).toBe(false);
    const placement = blocked.problems.find((p) => p.code === 'no-placement');
    expect(placement?.profile).toBe('3g.20gb');
    expect(placement?.facts).toEqual({
      kind: 'units-exceeded',
      needed: 12,
      available: 8,
      model: 'NVIDIA A100 40GB',
      parts: [
        { profile: '3g.20gb', count: 2, amount: 8 },
        { profile: '4g.20gb', count: 1, amount: 4 },
      ],
    });
    const held = placeInstances(model('a100-40gb'), { '4g.20gb': 1, '2g.10gb': 2 });
    expect(held.valid).toBe(false);
    expect(held.problems.map((p) => p.code)).toEqual(['compute-exceeded', 'no-placement']);
    expect(held.problems[1].facts).toEqual({
      kind: 'no-arrangement',
      units: 8,
      profile: '2g.10gb',
      starts: [0, 2, 4],
      holders: [
        { profile: '4g.20gb', start: 0 },
        { profile: '2g.10gb', start: 4 },
      ],
    });
  });

  it('rejects bad counts, unknown profiles and too many instances, naming the profile', () => {
    const result = placeInstances(model('h100-80gb-sxm5'), {
      '1g.20gb': -1,
      '2g.20gb': 1.5,
      '3g.40gb': Number.NaN,
      '1g.5gb': 1,
      '1g.10gb': 8,
    });
    expect(result.valid).toBe(false);
    expect(result.problems.map((p) => [p.code, p.profile])).toEqual([
      ['invalid-count', '1g.20gb'],
      ['invalid-count', '2g.20gb'],
      ['invalid-count', '3g.40gb'],
      ['unknown-profile', '1g.5gb'],
      ['too-many-instances', '1g.10gb'],
      ['compute-exceeded', '1g.10gb'],
    ]);
    expect(result.problems[3].facts).toMatchObject({
      kind: 'unknown-profile',
      profile: '1g.5gb',
      profiles: expect.arrayContaining(['1g.10gb']),
    });
    expect(result.problems[4].facts).toEqual({
      kind: 'too-many',
      profile: '1g.10gb',
      count: 8,
      max: 7,
      model: 'NVIDIA H100 SXM5 80GB',
      placed: false,
    });
  });

  it('accepts dotted names and adds aliases of one profile together', () => {
    const result = placeInstances(model('h100-80gb-sxm5'), {
      '1g.10gb.me': 1,
      '1g.10gb+me': 0,
      '1g.10gb': 1,
    });
    expect(result.valid).toBe(true);
    expect(positions(result.instances)).toEqual(['1g.10gb+me@0', '1g.10gb@1']);
    const twice = placeInstances(model('h100-80gb-sxm5'), { '1g.10gb.me': 1, '1g.10gb+me': 1 });
    expect(twice.problems.map((p) => p.code)).toEqual(['too-many-instances']);
  });

  it('warns (does not reject) 1g+me next to other 1g instances', () => {
    const result = placeInstances(model('a100-40gb'), { '1g.5gb+me': 1, '1g.5gb': 2 });
    expect(result.valid).toBe(true);
    expect(result.warnings).toContainEqual({
      kind: 'media-next-to-one-slice',
      profile: '1g.5gb+me',
    });
    expect(placeInstances(model('a100-40gb'), { '1g.5gb+me': 1, '3g.20gb': 1 }).warnings).toEqual(
      [],
    );
  });

  it('warns about inferred profiles and accepts an empty request', () => {
    const b200 = placeInstances(model('b200'), { '3g.90gb': 2 });
    expect(b200.valid).toBe(true);
    expect(b200.warnings).toContainEqual(
      expect.objectContaining({
        kind: 'unconfirmed',
        profile: '3g.90gb',
        model: 'NVIDIA B200 180GB',
        confidence: 'inferred',
      }),
    );
    const empty = placeInstances(model('a30-24gb'), {});
    expect(empty).toMatchObject({ valid: true, instances: [], problems: [], computeSlicesUsed: 0 });
  });

  it('never throws on garbage counts', () => {
    for (const junk of [null, undefined, 7, 'x', [], [1, 2]]) {
      const result = placeInstances(model('a30-24gb'), junk as unknown as ProfileCounts);
      expect(result.valid).toBe(false);
      expect(result.problems[0].code).toBe('invalid-count');
    }
  });
});

const REFERENCE_CONFIGS = path.join(__dirname, '__fixtures__', 'mig-default-configs.json');

describe("NVIDIA's named configs (oracle)", () => {
  const reference = JSON.parse(fs.readFileSync(REFERENCE_CONFIGS, 'utf8'));
  const cases: Array<[string, string, string, ProfileCounts, boolean]> = [];
  for (const [name, config] of Object.entries<{
    perDevice: Record<string, Record<string, unknown>>;
  }>(reference.configs)) {
    for (const [deviceId, device] of Object.entries(config.perDevice)) {
      if (device.migEnabled !== true || typeof device.valid !== 'boolean') continue;
      cases.push([
        name,
        deviceId,
        device.model as string,
        (device.migDevices ?? {}) as ProfileCounts,
        device.valid,
      ]);
    }
  }

  it('has cases to check', () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  it('agrees with the exhaustive reference search on every config × device', () => {
    const disagreements = cases.filter(([, deviceId, modelId, counts, valid]) => {
      const found = findModelByDeviceId(deviceId);
      if (found?.id !== modelId) return true;
      const result = placeInstances(found, counts);
      return result.valid !== valid || (valid && isLegalLayout(found, result.instances).length > 0);
    });
    expect(disagreements.map(([name, deviceId]) => `${name} on ${deviceId}`)).toEqual([]);
  });
});

describe('isLegalLayout', () => {
  const h100 = model('h100-80gb-sxm5');
  const at = (
    profile: string,
    start: number,
    size: number,
    computeSlices: number,
  ): PlacedInstance => ({
    profile,
    start,
    size,
    computeSlices,
  });

  it('accepts a legal layout', () => {
    expect(isLegalLayout(h100, [at('4g.40gb', 0, 4, 4), at('3g.40gb', 4, 4, 3)])).toEqual([]);
  });

  it('reports illegal starts, overlaps, counts, compute and unknown profiles', () => {
    const codes = (instances: PlacedInstance[]) =>
      isLegalLayout(h100, instances).map((p) => p.code);
    expect(codes([at('3g.40gb', 2, 4, 3)])).toEqual(['no-placement']);
    expect(codes([at('2g.20gb', 0, 2, 2), at('1g.10gb', 1, 1, 1)])).toEqual(['no-placement']);
    expect(
      codes([at('3g.40gb', 0, 4, 3), at('3g.40gb', 4, 4, 3), at('1g.10gb+me', 0, 1, 1)]),
    ).toEqual(['no-placement']);
    expect(codes([at('4g.40gb', 0, 4, 4), at('4g.40gb', 4, 4, 4)])).toEqual([
      'no-placement',
      'too-many-instances',
      'compute-exceeded',
    ]);
    expect(codes([at('9g.99gb', 0, 1, 9)])).toEqual(['unknown-profile']);
    expect(codes(null as unknown as PlacedInstance[])).toEqual(['invalid-count']);
    expect(codes([{ profile: 3 } as unknown as PlacedInstance])).toEqual(['invalid-count']);
  });
});

describe('legalStartsFor', () => {
  /** A start the instance of `profile` at `holderStart` holds (units start..start+size-1). */
  const heldBy = (start: number, size: number, profile: string, holderStart: number) => ({
    start,
    free: false,
    blocked: { kind: 'held', start, size, holders: [{ profile, start: holderStart }] },
  });

  const h100 = model('h100-80gb-sxm5');

  it('says which starts are free and why the others are not', () => {
    const existing: PlacedInstance[] = [
      { profile: '1g.10gb', start: 5, size: 1, computeSlices: 1 },
    ];
    expect(legalStartsFor(h100, existing, '3g.40gb')).toMatchObject([
      { start: 0, free: true },
      heldBy(4, 4, '1g.10gb', 5),
    ]);
    const full: PlacedInstance[] = [{ profile: '4g.40gb', start: 0, size: 4, computeSlices: 4 }];
    expect(legalStartsFor(h100, full, '4g.40gb')).toMatchObject([heldBy(0, 4, '4g.40gb', 0)]);
    const computeBound: PlacedInstance[] = [
      { profile: '3g.40gb', start: 0, size: 4, computeSlices: 3 },
      { profile: '2g.20gb', start: 4, size: 2, computeSlices: 2 },
      { profile: '1g.10gb', start: 6, size: 1, computeSlices: 1 },
    ];
    expect(legalStartsFor(h100, computeBound, '1g.10gb+me')).toMatchObject([
      heldBy(0, 1, '3g.40gb', 0),
      heldBy(1, 1, '3g.40gb', 0),
      heldBy(2, 1, '3g.40gb', 0),
      heldBy(3, 1, '3g.40gb', 0),
      heldBy(4, 1, '2g.20gb', 4),
      heldBy(5, 1, '2g.20gb', 4),
      heldBy(6, 1, '1g.10gb', 6),
    ]);
    const maxed: PlacedInstance[] = [
      { profile: '1g.10gb+me', start: 0, size: 1, computeSlices: 1 },
    ];
    expect(legalStartsFor(h100, maxed, '1g.10gb.me')[1]).toEqual({
      start: 1,
      free: false,
      blocked: { kind: 'max-reached', profile: '1g.10gb+me', count: 1 },
    });
    const sixUsed: PlacedInstance[] = [
      { profile: '4g.40gb', start: 0, size: 4, computeSlices: 4 },
      { profile: '2g.20gb', start: 4, size: 2, computeSlices: 2 },
    ];
    expect(
      legalStartsFor(
        model('a100-40gb'),
        [
          { profile: '4g.20gb', start: 0, size: 4, computeSlices: 4 },
          { profile: '2g.10gb', start: 4, size: 2, computeSlices: 2 },
          { profile: '1g.5gb', start: 6, size: 1, computeSlices: 1 },
        ],
        '1g.10gb',
      ),
    ).toMatchObject([
      heldBy(0, 2, '4g.20gb', 0),
      heldBy(2, 2, '4g.20gb', 0),
      heldBy(4, 2, '2g.10gb', 4),
      heldBy(6, 2, '1g.5gb', 6),
    ]);
    expect(legalStartsFor(h100, sixUsed, '2g.20gb')).toMatchObject([
      heldBy(0, 2, '4g.40gb', 0),
      heldBy(2, 2, '4g.40gb', 0),
      heldBy(4, 2, '2g.20gb', 4),
    ]);
    expect(legalStartsFor(h100, sixUsed, '1g.20gb')).toMatchObject([
      heldBy(0, 2, '4g.40gb', 0),
      heldBy(2, 2, '4g.40gb', 0),
      heldBy(4, 2, '2g.20gb', 4),
      { start: 6, free: true },
    ]);
  });

  it('gives why a start is blocked as data', () => {
    const existing: PlacedInstance[] = [
      { profile: '1g.10gb', start: 5, size: 1, computeSlices: 1 },
    ];
    expect(legalStartsFor(h100, existing, '3g.40gb')[1].blocked).toEqual({
      kind: 'held',
      start: 4,
      size: 4,
      holders: [{ profile: '1g.10gb', start: 5 }],
    });
  });

  it('reports compute exhaustion when the grid still has room', () => {
    const a30 = model('a30-24gb');
    expect(legalStartsFor(a30, [], 'nope')).toEqual([]);
    const sevenCompute = model('h100-80gb-sxm5');
    const existing: PlacedInstance[] = [
      { profile: '3g.40gb', start: 4, size: 4, computeSlices: 3 },
      { profile: '3g.40gb', start: 0, size: 4, computeSlices: 3 },
    ];
    // No unit is free, so holders come first; on the RTX grid compute runs out before units do.
    expect(legalStartsFor(sevenCompute, existing, '1g.10gb').every((s) => !s.free)).toBe(true);
    const rtx = model('rtx-pro-6000-blackwell');
    expect(
      legalStartsFor(rtx, [{ profile: '2g.48gb', start: 0, size: 6, computeSlices: 2 }], '2g.48gb'),
    ).toMatchObject([heldBy(0, 6, '2g.48gb', 0), { start: 6, free: true }]);
  });
});

describe('placement properties', () => {
  const models = listModels();
  const modelAndCounts = fc
    .constantFrom(...models)
    .chain((m) =>
      fc.tuple(
        fc.constant(m),
        fc.dictionary(
          fc.constantFrom(...m.profiles.map((p) => p.name)),
          fc.integer({ min: 0, max: 4 }),
          { maxKeys: 4 },
        ),
      ),
    );

  it('accepted layouts are legal and carry exactly the requested counts', () => {
    fc.assert(
      fc.property(modelAndCounts, ([m, counts]) => {
        const result = placeInstances(m, counts);
        if (!result.valid) {
          expect(result.problems.length).toBeGreaterThan(0);
          expect(result.problems.some((p) => p.profile !== undefined)).toBe(true);
          return;
        }
        expect(isLegalLayout(m, result.instances)).toEqual([]);
        const placed: Record<string, number> = {};
        result.instances.forEach((i) => (placed[i.profile] = (placed[i.profile] ?? 0) + 1));
        const requested = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
        expect(placed).toEqual(requested);
        for (const instance of result.instances) {
          const profile = m.profiles.find((p) => p.name === instance.profile)!;
          expect(
            profile.placements.some((s) => s.start === instance.start && s.size === instance.size),
          ).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(modelAndCounts, ([m, counts]) => {
        expect(placeInstances(m, counts)).toEqual(placeInstances(m, { ...counts }));
      }),
      { numRuns: 100 },
    );
  });

  it('rejects only what no packing can hold (agrees with a brute-force check)', () => {
    const bruteForceFits = (m: GpuModel, counts: ProfileCounts): boolean => {
      const list = Object.entries(counts).flatMap(([name, n]) =>
        Array(n).fill(m.profiles.find((p) => p.name === name)!),
      );
      if (list.reduce((s, p) => s + p.computeSlices, 0) > m.computeSlices) return false;
      if (
        Object.entries(counts).some(
          ([name, n]) => n > m.profiles.find((p) => p.name === name)!.maxInstances,
        )
      )
        return false;
      const tryPlace = (index: number, used: boolean[]): boolean => {
        if (index === list.length) return true;
        return list[index].placements.some((slot: { start: number; size: number }) => {
          const cells = Array.from({ length: slot.size }, (_, k) => slot.start + k);
          if (cells.some((c) => used[c])) return false;
          cells.forEach((c) => (used[c] = true));
          const ok = tryPlace(index + 1, used);
          cells.forEach((c) => (used[c] = false));
          return ok;
        });
      };
      return tryPlace(0, []);
    };
    fc.assert(
      fc.property(modelAndCounts, ([m, counts]) => {
        expect(placeInstances(m, counts).valid).toBe(bruteForceFits(m, counts));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random garbage', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.anything(),
        fc.string(),
        (m, junk, profileName) => {
          const result = placeInstances(m, junk as ProfileCounts);
          expect(typeof result.valid).toBe('boolean');
          isLegalLayout(m, junk as PlacedInstance[]);
          legalStartsFor(m, junk as PlacedInstance[], profileName);
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.dictionary(
          fc.string(),
          fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
        ),
        (m, counts) => {
          const result = placeInstances(m, counts as ProfileCounts);
          if (!result.valid) expect(result.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
