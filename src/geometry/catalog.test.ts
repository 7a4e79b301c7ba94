import * as fs from 'fs';
import * as path from 'path';
import { RAW_CATALOG } from './catalog-data';
import {
  baseGfdProduct,
  describeSource,
  findModel,
  findModelByDeviceId,
  findModelByProduct,
  findProfile,
  gfdProductFromNvmlName,
  isProfileFieldUnknown,
  listModels,
  normalizeDeviceId,
  shortModelName,
  unconfirmedModelFacts,
} from './catalog';
import type { GpuModel, MigProfile } from './types';

const REFERENCE = path.join(__dirname, '__fixtures__', 'mig-profiles.json');

function model(id: string): GpuModel {
  const found = findModel(id);
  if (!found) throw new Error(`catalog lacks ${id}`);
  return found;
}

function profile(modelId: string, name: string): MigProfile {
  const found = findProfile(model(modelId), name);
  if (!found) throw new Error(`${modelId} lacks ${name}`);
  return found;
}

const placementsText = (p: MigProfile): string =>
  `{${p.placements.map((slot) => slot.start).join(',')}}:${p.placementSize}`;

describe('catalog data mirrors the reference catalog', () => {
  const reference = JSON.parse(fs.readFileSync(REFERENCE, 'utf8'));

  it('is an exact copy of sources and models', () => {
    expect(RAW_CATALOG.models).toEqual(reference.models);
    expect(RAW_CATALOG.sources).toEqual(reference.sources);
  });

  it('converts every reference model and profile without losing a fact', () => {
    const models = listModels();
    expect(models.map((m) => m.id)).toEqual(reference.models.map((m: { id: string }) => m.id));
    for (const raw of reference.models) {
      const converted = model(raw.id);
      expect(converted.pciDeviceIds).toEqual(raw.pciDeviceIds);
      expect(converted.computeSlices).toBe(raw.computeSlices);
      if (raw.placementUnits !== null) expect(converted.placementUnits).toBe(raw.placementUnits);
      if (raw.totalMemoryMiB !== null) expect(converted.totalMemoryMiB).toBe(raw.totalMemoryMiB);
      expect(converted.profiles.map((p) => p.name)).toEqual(
        raw.profiles.map((p: { name: string }) => p.name),
      );
      raw.profiles.forEach((rawProfile: Record<string, unknown>, index: number) => {
        const p = converted.profiles[index];
        expect(p.computeSlices).toBe(rawProfile.computeSlices);
        expect(p.maxInstances).toBe(rawProfile.maxInstances);
        if (rawProfile.placements) expect(p.placements).toEqual(rawProfile.placements);
        if (rawProfile.memoryMiB !== undefined) expect(p.memoryMiB).toBe(rawProfile.memoryMiB);
        if (rawProfile.multiprocessors !== undefined) {
          expect(p.multiprocessors).toBe(rawProfile.multiprocessors);
        } else {
          expect(isProfileFieldUnknown(p, 'multiprocessors')).toBe(true);
        }
        for (const entry of rawProfile.unconfirmed as string[])
          expect(p.unconfirmed).toContain(entry);
        if ((rawProfile.unconfirmed as string[]).length > 0)
          expect(p.confidence).not.toBe('confirmed');
      });
    }
  });
});

describe('catalog invariants', () => {
  it.each(listModels().map((m) => [m.id, m] as const))('%s is internally consistent', (_id, m) => {
    expect(m.pciDeviceIds.length).toBeGreaterThan(0);
    m.pciDeviceIds.forEach((id) => expect(id).toMatch(/^0x[0-9A-F]{8}$/));
    expect(m.sources.length).toBeGreaterThan(0);
    m.sources.forEach((key) => expect(describeSource(key)).toBeDefined());
    expect(m.totalMemoryMiB).toBeGreaterThan(0);
    for (const p of m.profiles) {
      expect(p.resourceName).toBe(`nvidia.com/mig-${p.name.replace(/\+/g, '.')}`);
      expect(p.placements.length).toBeGreaterThan(0);
      expect(p.maxInstances).toBeGreaterThan(0);
      expect(p.maxInstances).toBeLessThanOrEqual(p.placements.length);
      for (const slot of p.placements) {
        expect(slot.size).toBe(p.placementSize);
        expect(slot.start + slot.size).toBeLessThanOrEqual(m.placementUnits);
      }
      expect(p.computeSlices).toBeLessThanOrEqual(m.computeSlices);
      expect(p.memoryMiB).toBeGreaterThan(0);
      if (m.confidence === 'unconfirmed') expect(p.confidence).toBe('unconfirmed');
    }
    // Exactly one profile spans the whole grid (the full-GPU instance).
    expect(m.profiles.some((p) => p.placementSize === m.placementUnits)).toBe(true);
  });

  it('keeps model ids and device ids unique', () => {
    const ids = listModels().flatMap((m) => m.pciDeviceIds);
    expect(new Set(ids).size).toBe(ids.length);
    const modelIds = listModels().map((m) => m.id);
    expect(new Set(modelIds).size).toBe(modelIds.length);
  });

  it('covers every MIG-capable family NVIDIA documents', () => {
    const wanted = [
      'a30-24gb',
      'a100-40gb',
      'a100-80gb',
      'h100-80gb-sxm5',
      'h100-80gb-pcie',
      'h100-nvl-94gb',
      'h100-94gb-sxm5',
      'h100-96gb-gh200',
      'h20-96gb',
      'pg506-96gb',
      'gh200-144gb',
      'h200-141gb',
      'b200',
      'gb200',
      'b300',
      'gb300',
      'rtx-pro-6000-blackwell',
      'rtx-pro-5000-blackwell',
    ];
    expect(
      listModels()
        .map((m) => m.id)
        .sort(),
    ).toEqual([...wanted].sort());
    // A800 and H800 variants resolve to their A100/H100 twins.
    expect(findModelByDeviceId('0x20F6')?.id).toBe('a100-40gb');
    expect(findModelByDeviceId('0x20F3')?.id).toBe('a100-80gb');
    expect(findModelByDeviceId('0x2324')?.id).toBe('h100-80gb-sxm5');
    expect(findModelByDeviceId('0x2322')?.id).toBe('h100-80gb-pcie');
    expect(findModelByDeviceId('0x233A')?.id).toBe('h100-nvl-94gb');
    expect(findModelByDeviceId('0x233B')?.id).toBe('h200-141gb');
    expect(findModelByDeviceId('0x2342')?.id).toBe('h100-96gb-gh200');
  });
});

describe('documented tables (geometry notes sections 1 and 3)', () => {
  const EIGHT_UNIT_FAMILY = listModels().filter((m) => m.placementUnits === 8);

  it.each(EIGHT_UNIT_FAMILY.map((m) => [m.id, m] as const))(
    '%s follows the 8-unit placement pattern and counts',
    (_id, m) => {
      expect(m.computeSlices).toBe(7);
      const byShape = (computeSlices: number, size: number, attributes: string[]) =>
        m.profiles.filter(
          (p) =>
            p.computeSlices === computeSlices &&
            p.placementSize === size &&
            p.attributes.join() === attributes.join(),
        );
      const expectOne = (
        computeSlices: number,
        size: number,
        attributes: string[],
        text: string,
        max: number,
      ) => {
        const found = byShape(computeSlices, size, attributes);
        expect(found).toHaveLength(1);
        expect(placementsText(found[0])).toBe(text);
        expect(found[0].maxInstances).toBe(max);
      };
      expectOne(1, 1, [], '{0,1,2,3,4,5,6}:1', 7);
      expectOne(1, 1, ['me'], '{0,1,2,3,4,5,6}:1', 1);
      expectOne(1, 2, [], '{0,2,4,6}:2', 4);
      expectOne(2, 2, [], '{0,2,4}:2', 3);
      expectOne(3, 4, [], '{0,4}:4', 2);
      expectOne(4, 4, [], '{0}:4', 1);
      expectOne(7, 8, [], '{0}:8', 1);
    },
  );

  it('gives the A30 a 4-wide grid with 4 compute slices', () => {
    const a30 = model('a30-24gb');
    expect([a30.placementUnits, a30.computeSlices, a30.totalMemoryMiB]).toEqual([4, 4, 24576]);
    expect(a30.profiles.map((p) => `${p.name} ${placementsText(p)} max ${p.maxInstances}`)).toEqual(
      [
        '1g.6gb {0,1,2,3}:1 max 4',
        '1g.6gb+me {0,1,2,3}:1 max 1',
        '2g.12gb {0,2}:2 max 2',
        '2g.12gb+me {0,2}:2 max 1',
        '4g.24gb {0}:4 max 1',
      ],
    );
    expect(a30.profiles.map((p) => p.giProfileId)).toEqual([14, 21, 5, 6, 0]);
    expect(a30.confidence).toBe('confirmed');
  });

  it('gives the RTX PRO 6000 a 12-unit grid with 1g at {0,3,6,9}:3', () => {
    const rtx = model('rtx-pro-6000-blackwell');
    expect([rtx.placementUnits, rtx.computeSlices]).toEqual([12, 4]);
    expect(placementsText(profile(rtx.id, '1g.24gb'))).toBe('{0,3,6,9}:3');
    expect(placementsText(profile(rtx.id, '2g.48gb'))).toBe('{0,6}:6');
    expect(placementsText(profile(rtx.id, '4g.96gb'))).toBe('{0}:12');
    expect(rtx.profiles.map((p) => p.maxInstances)).toEqual([4, 1, 4, 1, 4, 2, 2, 1, 2, 1, 1]);
    expect(profile(rtx.id, '1g.24gb+me.all').attributes).toEqual(['me.all']);
    expect(profile(rtx.id, '1g.24gb-me').attributes).toEqual(['-me']);
    expect(profile(rtx.id, '1g.24gb+gfx').resourceName).toBe('nvidia.com/mig-1g.24gb.gfx');
    expect(rtx.profiles.map((p) => p.multiprocessors)).toEqual([
      46, 46, 46, 46, 46, 94, 94, 94, 94, 188, 188,
    ]);
  });

  it('keys SM counts by device: H100 SXM5 and H100 PCIe differ', () => {
    const sms = (id: string) => model(id).profiles.map((p) => p.multiprocessors);
    expect(sms('h100-80gb-sxm5')).toEqual([16, 16, 26, 32, 60, 64, 132]);
    expect(sms('h100-80gb-pcie')).toEqual([14, 14, 14, 30, 46, 62, 114]);
    expect(findModel('0x233010DE')?.id).toBe('h100-80gb-sxm5');
    expect(findModel('0x233110DE')?.id).toBe('h100-80gb-pcie');
    expect(model('h100-80gb-sxm5').profiles.map((p) => p.name)).toEqual(
      model('h100-80gb-pcie').profiles.map((p) => p.name),
    );
  });

  it('lists the A100 40GB profiles, ids and SMs of the MIG guide', () => {
    const a100 = model('a100-40gb');
    expect(a100.profiles.map((p) => p.name)).toEqual([
      '1g.5gb',
      '1g.5gb+me',
      '1g.10gb',
      '2g.10gb',
      '3g.20gb',
      '4g.20gb',
      '7g.40gb',
    ]);
    expect(a100.profiles.map((p) => p.giProfileId)).toEqual([19, 20, 15, 14, 9, 5, 0]);
    expect(a100.profiles.map((p) => p.multiprocessors)).toEqual([14, 14, 14, 28, 42, 56, 98]);
  });

  it('surfaces what is not confirmed', () => {
    expect(model('b300').confidence).toBe('unconfirmed');
    expect(model('b300').profiles.every((p) => p.confidence === 'unconfirmed')).toBe(true);
    expect(isProfileFieldUnknown(profile('b300', '1g.34gb'), 'engines.copy')).toBe(true);
    expect(isProfileFieldUnknown(profile('h100-80gb-sxm5', '1g.10gb'), 'engines.copy')).toBe(false);
    expect(profile('b200', '3g.90gb').unconfirmed.join(' ')).toMatch(/memoryMiB: estimated/);
    expect(unconfirmedModelFacts(model('b200')).join(' ')).toMatch(/totalMemoryMiB/);
    expect(unconfirmedModelFacts(model('h100-80gb-sxm5')).join(' ')).toMatch(/H800/);
    expect(unconfirmedModelFacts(model('a30-24gb'))).toEqual([]);
    expect(profile('a100-80gb', '1g.20gb').confidence).toBe('inferred');
    // RTX PRO 5000: the docs give no placements; the catalog assumes an aligned 2-unit grid, says so.
    const rtx5000 = model('rtx-pro-5000-blackwell');
    expect(rtx5000.placementUnits).toBe(2);
    expect(placementsText(profile(rtx5000.id, '1g.24gb'))).toBe('{0,1}:1');
    expect(profile(rtx5000.id, '1g.24gb').unconfirmed.join(' ')).toMatch(/placements/);
    expect(unconfirmedModelFacts(rtx5000).join(' ')).toMatch(/placementUnits/);
  });
});

describe('lookups', () => {
  it.each([
    ['a30-24gb', 'a30-24gb'],
    ['A30-24GB', 'a30-24gb'],
    ['NVIDIA-A30', 'a30-24gb'],
    ['NVIDIA A30', 'a30-24gb'],
    ['nvidia-a30', 'a30-24gb'],
    ['NVIDIA-H100-80GB-HBM3', 'h100-80gb-sxm5'],
    ['NVIDIA-H100-80GB-HBM3-MIG-1g.10gb', 'h100-80gb-sxm5'],
    ['NVIDIA-H100-80GB-HBM3-MIG-INVALID', 'h100-80gb-sxm5'],
    ['NVIDIA-H100-80GB-HBM3-SHARED', 'h100-80gb-sxm5'],
    ['A100-SXM4-40GB-MIG-1g.5gb-SHARED', 'a100-40gb'],
    ['NVIDIA-A100-80GB-PCIe', 'a100-80gb'],
    ['NVIDIA-H100-PCIe', 'h100-80gb-pcie'],
    ['NVIDIA-RTX-PRO-6000-Blackwell-Server-Edition', 'rtx-pro-6000-blackwell'],
    ['0x233010DE', 'h100-80gb-sxm5'],
    ['0x233010de', 'h100-80gb-sxm5'],
    ['0x2330', 'h100-80gb-sxm5'],
    ['2bb5', 'rtx-pro-6000-blackwell'],
    ['10de:20b7', 'a30-24gb'],
    ['0x233010DE:0x16C110DE', 'h100-80gb-sxm5'],
  ])('findModel(%s) → %s', (query, id) => {
    expect(findModel(query)?.id).toBe(id);
  });

  it.each(['', '   ', 'NVIDIA-Tesla-T4', '0x1EB810DE', 'h100', 'gpu', '0xZZZZ'])(
    'finds nothing for %p',
    (query) => {
      expect(findModel(query)).toBeUndefined();
    },
  );

  it('never throws on non-string input', () => {
    for (const junk of [undefined, null, 42, {}, []]) {
      expect(findModel(junk as unknown as string)).toBeUndefined();
      expect(findModelByProduct(junk as unknown as string)).toBeUndefined();
      expect(findModelByDeviceId(junk as unknown as string)).toBeUndefined();
      expect(normalizeDeviceId(junk as unknown as string)).toBeUndefined();
      expect(findProfile(model('a30-24gb'), junk as unknown as string)).toBeUndefined();
    }
  });

  it('normalizes PCI ids to the mig-parted form', () => {
    expect(normalizeDeviceId('0x20b710de')).toBe('0x20B710DE');
    expect(normalizeDeviceId('20B710DE')).toBe('0x20B710DE');
    expect(normalizeDeviceId('0x20B7')).toBe('0x20B710DE');
    expect(normalizeDeviceId(' 10de:2330 ')).toBe('0x233010DE');
    expect(normalizeDeviceId('0x233010DE:0x16C110DE')).toBe('0x233010DE');
    for (const bad of ['', '0x', '0x20B71', 'NVIDIA', '0x20B710DEFF', '20B7:', '0xGGGG']) {
      expect(normalizeDeviceId(bad)).toBeUndefined();
    }
  });

  it('finds profiles by exact, dotted and resource names', () => {
    const h100 = model('h100-80gb-sxm5');
    expect(findProfile(h100, '1g.10gb+me')?.name).toBe('1g.10gb+me');
    expect(findProfile(h100, '1g.10gb.me')?.name).toBe('1g.10gb+me');
    expect(findProfile(h100, 'nvidia.com/mig-1g.10gb.me')?.name).toBe('1g.10gb+me');
    expect(findProfile(h100, '1G.10GB')?.name).toBe('1g.10gb');
    expect(findProfile(h100, '1g.5gb')).toBeUndefined();
    const rtx = model('rtx-pro-6000-blackwell');
    expect(findProfile(rtx, '1g.24gb.me.all')?.name).toBe('1g.24gb+me.all');
    expect(findProfile(rtx, '1g.24gb-me')?.name).toBe('1g.24gb-me');
    expect(findProfile(rtx, '2g.48gb.gfx')?.name).toBe('2g.48gb+gfx');
  });

  it('maps older driver names only when asked', () => {
    const a100 = model('a100-80gb');
    expect(findProfile(a100, '3g.39gb')).toBeUndefined();
    expect(findProfile(a100, '3g.39gb', { allowOlderDriverNames: true })?.name).toBe('3g.40gb');
    const gb200 = model('gb200');
    expect(findProfile(gb200, '1g.24gb.me', { allowOlderDriverNames: true })?.name).toBe(
      '1g.23gb+me',
    );
  });

  it('strips GFD suffixes and sanitizes NVML names like GFD', () => {
    expect(baseGfdProduct('NVIDIA-A100-SXM4-40GB-MIG-1g.5gb-SHARED')).toBe('NVIDIA-A100-SXM4-40GB');
    expect(gfdProductFromNvmlName('NVIDIA A100 80GB PCIe')).toBe('NVIDIA-A100-80GB-PCIe');
    expect(gfdProductFromNvmlName('NVIDIA GH200 480GB (x)')).toBe('NVIDIA-GH200-480GB-x');
    expect(shortModelName(model('a100-80gb'))).toBe('NVIDIA A100 80GB');
  });
});
