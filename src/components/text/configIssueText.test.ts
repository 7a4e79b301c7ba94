import {
  findModel,
  parseMigPartedConfig,
  predictNodeAfterConfig,
  validateMigConfig,
  type ConfigIssue,
  type GpuModel,
} from '../../geometry';
import { BUILT_IN_SOURCE, a30DisabledNode, viewOf } from '../../cluster/__fixtures__/applyNodes';
import { planNodeApply } from '../../cluster/applyPlan';
import { resolveMigConfigSources } from '../../cluster/configSource';
import { configFallbackText } from './configSourceText';
import { planIssueDetails } from './planIssueText';
import { catalogueT } from './__fixtures__/catalogue';
import { configIssueText } from './configIssueText';

const t = catalogueT();
const marked = catalogueT(true);

const a30 = findModel('a30-24gb')!;
const a100 = findModel('a100-40gb')!;
const gpu = (index: number, m: GpuModel) => ({ index, deviceId: m.pciDeviceIds[0], model: m });

const CONFIG = parseMigPartedConfig(`version: v1
mig-configs:
  mixed-up:
    - devices: [4]
      mig-enabled: true
      mig-devices:
        "1g.6gb": 5
    - devices: [0, 1, 7]
      mig-enabled: true
      mig-devices:
        "1g.6gb+me": 1
        "1g.6gb": 3
    - devices: [2]
      mig-enabled: true
      mig-devices: {}
    - devices: [3]
      mig-enabled: true
      mig-devices:
        "4g.20gb": 1
        "3g.20gb": 1
    - devices: [1]
      mig-enabled: true
      mig-devices:
        "1g.6gb": 4
  single:
    - devices: all
      mig-enabled: true
      mig-devices:
        "1g.6gb": 2
        "2g.12gb": 1
  A30-one:
    - device-filter: "0xFFFF10DE"
      devices: all
      mig-enabled: true
      mig-devices:
        "1g.6gb": 4
`).config!;

const expectWordedLikeMessage = (issues: ConfigIssue[]) => {
  for (const issue of issues) {
    expect(configIssueText(t, issue)).toBe(issue.message);
    expect(configIssueText(marked, issue)).toMatch(/^«.*»$/s);
  }
};

describe('configIssueText', () => {
  it('words every node-time issue from its facts, as the engine says it in English', () => {
    const gpus = [gpu(0, a30), gpu(1, a30), gpu(2, a30), gpu(3, a100), gpu(4, a30), gpu(5, a30)];
    const mixed = validateMigConfig(CONFIG, 'mixed-up', gpus).issues;
    const unknownDevice = validateMigConfig(CONFIG, 'single', [
      { index: 0, deviceId: '0x123410DE' },
    ]).issues;
    const notFound = validateMigConfig(CONFIG, 'a30-one', gpus).issues;
    const prediction = predictNodeAfterConfig({
      config: CONFIG,
      configName: 'single',
      strategy: 'single',
      product: 'NVIDIA-A30',
      gpus: [{ ...gpu(0, a30) }],
    });
    const untouched = predictNodeAfterConfig({
      config: CONFIG,
      configName: 'mixed-up',
      strategy: 'mixed',
      product: 'NVIDIA-A30',
      gpus: [gpu(5, a30)],
    });
    const all = [
      ...untouched.warnings,
      ...mixed,
      ...unknownDevice,
      ...notFound,
      ...prediction.errors,
      ...prediction.warnings,
    ];
    expect(new Set(all.map((issue) => issue.facts?.kind))).toEqual(
      new Set([
        'layout',
        'layout-warning',
        'entry-overridden',
        'device-index-absent',
        'empty-mig-layout',
        'gpu-not-covered',
        'unknown-device',
        'config-not-found',
        'single-strategy-invalid',
        'current-state-unknown',
      ]),
    );
    expectWordedLikeMessage(all);
    const suggestion = notFound.find((issue) => issue.facts?.kind === 'config-not-found')!;
    expect(configIssueText(marked, suggestion)).toMatch(/Did you mean 'A30-one'\?»$/);
  });

  it('words placements nobody has printed and a GPU without MIG', () => {
    const issue: ConfigIssue = {
      severity: 'error',
      code: 'not-mig-capable',
      message: 'English',
      rejectsFile: false,
      configName: 'c',
      entryIndex: 0,
      gpuIndex: 1,
      facts: { kind: 'not-mig-capable', device: '0x1eb8' },
    };
    expect(configIssueText(marked, issue)).toBe(
      "««config 'c', entry #0, GPU 1 (0x1eb8)»: the entry names this GPU explicitly with mig-enabled: true, but it does not support MIG; mig-parted fails»",
    );
    expect(
      configIssueText(marked, {
        ...issue,
        facts: {
          kind: 'placements-unknown',
          device: '0x2bb5',
          profiles: ['1g.12gb'],
          model: 'RTX',
        },
      }),
    ).toMatch(/^««config 'c', entry #0, GPU 1 \(0x2bb5\)»: placements of 1g\.12gb on RTX are not/);
  });

  it('words every problem of the file itself, as the parser says it in English', () => {
    const entry = (body: string) =>
      `version: v1\nmig-configs:\n  c:\n    - devices: all\n      mig-enabled: true\n${body}`;
    const files = [
      '',
      'version: [',
      'a: 1\n---\nb: 2',
      '[1, 2]',
      'mig-configs: {}\nextra: 1',
      'version: v9\nmig-configs: null',
      'version: v1\nmig-configs: [1]',
      'version: v1\nmig-configs:\n  c: []\n  d: 5',
      'version: v1\nmig-configs:\n  c:\n    - 5',
      'version: v1\nmig-configs:\n  c:\n    - odd: 1',
      'version: v1\nmig-configs:\n  c:\n    - devices: some\n      mig-enabled: maybe',
      'version: v1\nmig-configs:\n  c:\n    - devices: [a]\n      mig-enabled: true',
      'version: v1\nmig-configs:\n  c:\n    - devices: all\n      mig-enabled: false\n      mig-devices:\n        1g.10gb: 1',
      entry('      device-filter: 0x20B710DE\n      mig-devices: 5'),
      entry('      device-filter: [1]\n      mig-devices:\n        1G.10GB: -1'),
      entry('      device-filter: ["zzz", "0x20B71234"]\n      mig-devices:\n        1g.10gb: 0'),
      entry('      device-filter: ["zzz", "0x20B71234"]\n      mig-devices:\n        1g.10gb: 1'),
      entry('      device-filter: {a: 1}\n      mig-devices: {}'),
      `version: v1\nmig-configs:\n  My A30 config:\n    - devices: all\n      mig-enabled: false`,
      'version: v1\n? [a]\n: 1',
    ];
    const issues = [
      ...files.flatMap((text) => parseMigPartedConfig(text).issues),
      ...parseMigPartedConfig(42 as never).issues,
    ];
    const kinds = issues.map((issue) =>
      issue.facts?.kind === 'file' ? issue.facts.problem.kind : undefined,
    );
    expect(kinds).not.toContain(undefined);
    // Every kind but `yaml-unreadable` (the parser throwing), worded below.
    expect(new Set(kinds).size).toBe(30);
    expectWordedLikeMessage(issues);
    const [unreadable] = parseMigPartedConfig('version: [').issues;
    expect(
      configIssueText(marked, {
        ...unreadable,
        facts: { kind: 'file', problem: { kind: 'yaml-unreadable', error: 'boom' } },
      }),
    ).toBe('«YAML could not be read: boom»');
  });
});

describe('config names that cannot be label values', () => {
  it('words each label-value problem as the parser says it in English', () => {
    const disabled = '    - devices: all\n      mig-enabled: false\n';
    const { issues } = parseMigPartedConfig(
      `version: v1\nmig-configs:\n  My A30 config:\n${disabled}  ${'x'.repeat(70)}:\n${disabled}  "":\n${disabled}`,
    );
    expect(issues.map((issue) => issue.code)).toEqual([
      'invalid-config-name',
      'invalid-config-name',
      'invalid-config-name',
    ]);
    expectWordedLikeMessage(issues);
    expect(configIssueText(marked, issues[1])).toMatch(/has 70 characters, at most 63/);
  });
});

describe('planIssueDetails', () => {
  it('words the mig-parted issues and the built-in fallback of an apply plan', () => {
    const a30 = viewOf(a30DisabledNode('worker1'), 'mixed');
    const custom = { ...BUILT_IN_SOURCE, config: CONFIG };
    const fallback = resolveMigConfigSources({ configMaps: [] }).forNode('worker1');
    const plans = [
      planNodeApply(a30, 'mixed-up', 'mixed', custom),
      planNodeApply(a30, 'single', 'single', custom),
      planNodeApply(a30, 'nope', 'mixed', custom),
      planNodeApply(a30, 'all-balanced', 'mixed', fallback),
    ];
    const issues = plans.flatMap((plan) => plan.issues);
    expect(issues.some((issue) => issue.configIssues)).toBe(true);
    expect(issues.some((issue) => issue.source)).toBe(true);
    for (const issue of issues) {
      expect(planIssueDetails(t, issue)).toEqual(
        issue.configIssues?.map((configIssue) => configIssueText(t, configIssue)) ??
          (issue.source ? [configFallbackText(t, issue.source)] : issue.details),
      );
      if (issue.configIssues || issue.source) {
        for (const detail of planIssueDetails(marked, issue)) expect(detail).toMatch(/^«.*»$/s);
      }
    }
  });
});
