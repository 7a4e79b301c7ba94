import i18next from 'i18next';
import { checkAddition } from '../designer/designerState';
import { initTestI18n } from '../../hooks/testing/i18n';
import type { Translate } from './translate';
import {
  findModel,
  isLegalLayout,
  listModels,
  legalStartsFor,
  placeInstances,
  predictNodeAdvertisement,
  type GpuModel,
  type LayoutProblem,
  type PlacedInstance,
} from '../../geometry';
import {
  additionBlockText,
  advertisementWarningText,
  layoutWarningText,
  layoutProblemText,
  singleStrategyInvalidText,
  startBlockText,
} from './layoutText';

beforeAll(initTestI18n);

/** i18next with an empty catalogue: the English key, interpolated. */
const t = ((key: string, options?: object) => i18next.t(key, options)) as unknown as Translate;
/** Marks what went through t(), to tell translated words from raw English. */
const marked = ((key: string, options?: object) =>
  `«${i18next.t(key, options)}»`) as unknown as Translate;

const model = (id: string): GpuModel => {
  const found = findModel(id);
  if (!found) throw new Error(`catalog lacks ${id}`);
  return found;
};
const h100 = model('h100-80gb-sxm5');
const a100 = model('a100-40gb');
const at = (profile: string, start: number, size: number, computeSlices: number) =>
  ({ profile, start, size, computeSlices }) as PlacedInstance;

/** The problems have these kinds and read as `texts`, every one through t(). */
const expectWorded = (
  problems: LayoutProblem[],
  kinds: string[],
  texts: Array<string | RegExp>,
) => {
  expect(problems.map((problem) => problem.facts.kind)).toEqual(kinds);
  problems.forEach((problem, index) => {
    const text = layoutProblemText(t, problem);
    if (typeof texts[index] === 'string') expect(text).toBe(texts[index]);
    else expect(text).toMatch(texts[index]);
    expect(layoutProblemText(marked, problem)).toMatch(/^«.*»$/);
  });
};
const H100 = 'NVIDIA H100 SXM5 80GB';

describe('layoutProblemText', () => {
  it('words counts, unknown profiles, too many instances and compute from the facts', () => {
    const result = placeInstances(h100, { '1g.20gb': -1, '1g.5gb': 1, '1g.10gb': 8 });
    expectWorded(
      result.problems,
      ['bad-count', 'unknown-profile', 'too-many', 'compute-exceeded'],
      [
        'The count of 1g.20gb must be a whole number of 0 or more, got -1.',
        /^NVIDIA H100 SXM5 80GB has no MIG profile 1g\.5gb; its profiles are 1g\.10gb, .*\.$/,
        `8 × 1g.10gb requested, but at most 7 fit on one ${H100}.`,
        `The instances need 8 compute slices (8 × 1g.10gb = 8) but ${H100} has 7.`,
      ],
    );
    expectWorded(
      placeInstances(h100, null as never).problems,
      ['counts-not-a-map'],
      ['Instance counts must map profile names to numbers, got null.'],
    );
  });

  it('words placement units exceeded', () => {
    const result = placeInstances(a100, { '4g.20gb': 1, '3g.20gb': 2 });
    const units = result.problems.find((problem) => problem.facts?.kind === 'units-exceeded');
    expect(units?.facts).toMatchObject({ needed: 12, available: 8 });
    expect(layoutProblemText(t, units!)).toBe(
      'The instances need 12 placement units (2 × 3g.20gb = 8, 1 × 4g.20gb = 4) but NVIDIA A100 40GB has 8.',
    );
  });

  it('words a blocked arrangement with the instances holding the starts', () => {
    const result = placeInstances(a100, { '4g.20gb': 1, '2g.10gb': 2 });
    const blocked = result.problems.find((problem) => problem.facts?.kind === 'no-arrangement');
    expect(layoutProblemText(marked, blocked!)).toBe(
      '«No arrangement fits all instances on the 8-unit grid: 2g.10gb needs start 0, 2, 4, where «4g.20gb (start 0)», «2g.10gb (start 4)» already sit.»',
    );
  });

  it('words illegal starts, overlaps, placed counts, unknown profiles and bad entries of a layout', () => {
    expectWorded(
      isLegalLayout(h100, [at('3g.40gb', 2, 4, 3)]),
      ['illegal-start'],
      ['3g.40gb cannot sit at units 2–5; its legal starts are 0, 4 with size 4.'],
    );
    expectWorded(
      isLegalLayout(h100, [at('2g.20gb', 0, 2, 2), at('1g.10gb', 1, 1, 1)]),
      ['overlap'],
      ['1g.10gb at start 1 overlaps 2g.20gb at start 0.'],
    );
    expectWorded(
      isLegalLayout(h100, [at('4g.40gb', 0, 4, 4), at('4g.40gb', 4, 4, 4)]),
      ['illegal-start', 'too-many', 'compute-exceeded'],
      [
        '4g.40gb cannot sit at units 4–7; its legal starts are 0 with size 4.',
        `2 × 4g.40gb placed, but at most 1 fit on one ${H100}.`,
        `The instances need 8 compute slices (2 × 4g.40gb = 8) but ${H100} has 7.`,
      ],
    );
    expectWorded(
      isLegalLayout(h100, [at('9g.99gb', 0, 1, 9)]),
      ['unknown-profile'],
      [`${H100} has no MIG profile 9g.99gb.`],
    );
    expectWorded(
      isLegalLayout(h100, null as never),
      ['not-a-list'],
      ['Expected a list of placed instances, got null.'],
    );
    const entry = isLegalLayout(h100, [{ profile: 3 } as never]);
    expect(entry[0].facts).toEqual({ kind: 'bad-entry', index: 1 });
    expect(layoutProblemText(t, entry[0])).toBe(
      'Instance 1 is not a profile, start and size entry.',
    );
  });
});

describe('startBlockText', () => {
  it('words held units, the max count and missing compute', () => {
    expect(startBlockText(marked, { kind: 'max-reached', profile: '4g.40gb', count: 1 })).toBe(
      '«already 1 × 4g.40gb, the most one GPU allows»',
    );
    const held = legalStartsFor(h100, [at('4g.40gb', 0, 4, 4)], '4g.40gb');
    expect(held.map((start) => start.blocked?.kind)).toEqual(['held']);
    expect(startBlockText(marked, held[0].blocked!)).toBe(
      '««units 0–3» held by «4g.40gb (start 0)»»',
    );
    const blockedText = (existing: PlacedInstance[], profile: string) =>
      legalStartsFor(h100, existing, profile).map(
        (start) => start.blocked && startBlockText(t, start.blocked),
      );
    expect(blockedText([at('1g.10gb', 5, 1, 1)], '3g.40gb')).toEqual([
      undefined,
      'units 4–7 held by 1g.10gb (start 5)',
    ]);
    expect(blockedText([at('3g.40gb', 0, 4, 3)], '1g.10gb+me')[0]).toBe(
      'unit 0 held by 3g.40gb (start 0)',
    );
    expect(blockedText([at('1g.10gb+me', 0, 1, 1)], '1g.10gb.me')[1]).toBe(
      'already 1 × 1g.10gb+me, the most one GPU allows',
    );
    expect(startBlockText(marked, { kind: 'compute', needed: 2, left: 1 })).toBe(
      '«needs 2 compute slices, 1 left»',
    );
  });
});

describe('additionBlockText', () => {
  it('words why the designer cannot add a profile', () => {
    const a30 = model('a30-24gb');
    const full = [at('4g.24gb', 0, 4, 4)];
    const check = checkAddition(a30, full, '1g.6gb');
    expect(check.allowed).toBe(false);
    expect(check.blocked?.kind).toBe('layout');
    expect(additionBlockText(marked, check.blocked!)).toMatch(
      /^«The instances need 5 placement units \(1 × 1g\.6gb = 1, 1 × 4g\.24gb = 4\) but NVIDIA A30 24GB has 4\.»$/,
    );
    expect(additionBlockText(marked, checkAddition(a30, full, '7g.80gb').blocked!)).toBe(
      '«7g.80gb is not a profile of this GPU.»',
    );
    expect(additionBlockText(marked, { kind: 'does-not-fit' })).toBe('«It does not fit.»');
    expect(
      additionBlockText(marked, {
        kind: 'start',
        block: { kind: 'max-reached', profile: '2g.12gb', count: 2 },
      }),
    ).toBe('«already 2 × 2g.12gb, the most one GPU allows»');
  });
});

describe('singleStrategyInvalidText', () => {
  it('keeps the GFD and device-plugin log words inside a translated sentence', () => {
    const advertisement = predictNodeAdvertisement({
      product: 'NVIDIA-H100-80GB-HBM3',
      strategy: 'single',
      gpus: [
        { index: 0, model: h100, migEnabled: true, counts: { '1g.10gb': 7 } },
        { index: 1, model: h100, migEnabled: true, counts: { '3g.40gb': 2 } },
      ],
    });
    const invalid = advertisement.invalid!;
    expect(invalid.reason).toBe('more-than-one-mig-type');
    expect(singleStrategyInvalidText(t, invalid)).toBe(
      'Invalid configuration detected for mig-strategy=single: more than one MIG device type present on node. The device plugin refuses to start (invalid MIG configuration: more than one MIG device type present on node), so the node advertises no GPU resources until the strategy or the layout changes.',
    );
    expect(singleStrategyInvalidText(marked, invalid)).toMatch(
      /^«Invalid configuration detected for mig-strategy=single: more than one MIG device type present on node\./,
    );
  });
});

describe('advertisementWarningText', () => {
  it('words every warning of the advertisement model', () => {
    const a30 = model('a30-24gb');
    const gpu = (index: number, counts: Record<string, number>, withModel = true) => ({
      index,
      migEnabled: true,
      counts,
      ...(withModel ? { model: a30 } : {}),
    });
    const advertisements = [
      predictNodeAdvertisement({
        product: 'NVIDIA-A30',
        strategy: 'mixed',
        gpus: [gpu(0, { '1g.6gb': 5 }), gpu(1, {})],
      }),
      predictNodeAdvertisement({
        product: 'NVIDIA-Z9000',
        strategy: 'mixed',
        gpus: [gpu(0, { '1g.5gb': 1 }, false)],
      }),
      predictNodeAdvertisement({ product: 'NVIDIA-A30', strategy: 'none', gpus: [gpu(0, {})] }),
      predictNodeAdvertisement({ product: 'NVIDIA-A30', strategy: 'weird' as never, gpus: [] }),
      predictNodeAdvertisement(null as never),
    ];
    const expected: Record<string, string | RegExp> = {
      'layout-fails':
        /^GPU 0: the requested layout cannot be created on NVIDIA A30 24GB \(5 × 1g\.6gb requested, but at most 4 fit on one NVIDIA A30 24GB\..*\); mig-parted would fail and leave the GPU as it is\.$/,
      'mig-without-instances':
        'GPU 1: MIG is enabled but no instances are configured, so it advertises nothing.',
      'attributes-unknown':
        'Attributes of 1g.5gb are unknown: the GPU model is not in the catalog.',
      'memory-unknown':
        'nvidia.com/gpu.memory left out: the total memory of NVIDIA-Z9000 is not known.',
      'mig-under-none':
        'MIG is enabled on GPU 0 but the strategy is "none": the device plugin still advertises each such GPU whole as nvidia.com/gpu, and its MIG instances are not usable as resources.',
      'unknown-strategy':
        'Unknown MIG strategy weird; the device plugin\'s default "none" is assumed.',
      'no-gpus':
        'The node has no GPUs: GFD writes no GPU labels and the device plugin advertises nothing.',
      'nothing-to-predict': 'Nothing to predict: expected { product, gpus: [...], strategy }.',
    };
    const warnings = advertisements.flatMap((advertisement) => advertisement.warnings);
    expect(new Set(warnings.map((warning) => warning.kind))).toEqual(
      new Set(Object.keys(expected)),
    );
    for (const warning of warnings) {
      const text = expected[warning.kind];
      if (typeof text === 'string') expect(advertisementWarningText(t, warning)).toBe(text);
      else expect(advertisementWarningText(t, warning)).toMatch(text);
      expect(advertisementWarningText(marked, warning)).toMatch(/^«.*»$/);
    }
    expect(
      advertisementWarningText(marked, {
        kind: 'profile-labels-unknown',
        profile: '1g.6gb',
        labels: ['engines.ofa'],
      }),
    ).toBe('«1g.6gb: engines.ofa not known for this GPU, labels left out.»');
  });
});

describe('layoutWarningText', () => {
  it('words every layout warning of the catalog', () => {
    const layouts = listModels().flatMap((gpu) =>
      gpu.profiles.flatMap((profile) => [
        placeInstances(gpu, { [profile.name]: 1 }),
        placeInstances(gpu, { [profile.name]: 1, [gpu.profiles[0].name]: 1 }),
      ]),
    );
    layouts.push(placeInstances(a100, { '4g.20gb': 1, '3g.20gb': 1 }));
    const warnings = layouts.flatMap((layout) => layout.warnings);
    expect(new Set(warnings.map((warning) => warning.kind))).toEqual(
      new Set(['media-next-to-one-slice', 'needs-r510', 'unconfirmed']),
    );
    expect(
      new Set(warnings.map((warning) => warning.kind === 'unconfirmed' && warning.confidence)),
    ).toEqual(new Set([false, 'inferred', 'unconfirmed']));
    for (const warning of warnings) {
      expect(layoutWarningText(marked, warning)).toMatch(/^«.*»$/);
    }
    const wordsOf = (gpu: GpuModel, counts: Record<string, number>) =>
      placeInstances(gpu, counts).warnings.map((warning) => layoutWarningText(t, warning));
    expect(wordsOf(model('a100-80gb'), { '4g.40gb': 1, '3g.40gb': 1 })).toContain(
      '4g.40gb together with 3g.40gb needs driver R510 or newer (older drivers rejected this combination).',
    );
    expect(wordsOf(a100, { '1g.5gb+me': 1, '1g.5gb': 2 })).toContain(
      "1g.5gb+me next to other 1-slice instances is unverified: mig-parted's old layout enumerator rejects it and NVIDIA's documentation does not say.",
    );
    expect(wordsOf(model('b200'), { '3g.90gb': 2 }).join(' ')).toMatch(
      /3g\.90gb on NVIDIA B200 180GB is inferred: .+\./,
    );
  });
});
