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

/** What the engine said in English for each node-time issue below: the words now. */
const NODE_TIME_WORDS = [
  "config 'mixed-up', entry #0 names GPU 4, which this node does not have (it has GPU 5)",
  "config 'mixed-up', entry #1 names GPUs 0, 1, 7, which this node does not have (it has GPU 5)",
  "config 'mixed-up', entry #2 names GPU 2, which this node does not have (it has GPU 5)",
  "config 'mixed-up', entry #3 names GPU 3, which this node does not have (it has GPU 5)",
  "config 'mixed-up', entry #4 names GPU 1, which this node does not have (it has GPU 5)",
  'GPU 5: its current MIG state was not given; the prediction assumes MIG is off on it.',
  "config 'mixed-up': no entry matches GPU 5 (0x20B710DE); mig-parted leaves this GPU as it is and the node still reports success",
  "config 'mixed-up', entry #1 is overridden by entry #4 on GPU 1: mig-parted applies both in order, so only entry #4 takes effect",
  "config 'mixed-up', entry #1 names GPU 7, which this node does not have (it has GPUs 0, 1, 2, 3, 4, 5)",
  "config 'mixed-up', entry #1, GPU 0 (0x20B710DE): 1g.6gb+me next to other 1-slice instances is unverified: mig-parted's old layout enumerator rejects it and NVIDIA's documentation does not say.",
  "config 'mixed-up', entry #2, GPU 2 (0x20B710DE): MIG is enabled with no instances, so this NVIDIA A30 24GB advertises no GPU resource (the single strategy treats it as invalid)",
  "config 'mixed-up', entry #3, GPU 3 (0x20B010DE): 4g.20gb together with 3g.20gb needs driver R510 or newer (older drivers rejected this combination).",
  "config 'mixed-up', entry #0, GPU 4 (0x20B710DE): 5 × 1g.6gb requested, but at most 4 fit on one NVIDIA A30 24GB.",
  "config 'mixed-up', entry #0, GPU 4 (0x20B710DE): The instances need 5 compute slices (5 × 1g.6gb = 5) but NVIDIA A30 24GB has 4.",
  "config 'single', entry #0, GPU 0 (0x123410DE): device id 0x123410DE is not in the MIG catalog, so profiles and placements cannot be checked",
  "config 'a30-one' is not in the file (3 named configs); mig-parted fails with \"selected mig-config not present\" and the node state becomes failed. Did you mean 'A30-one'?",
  "config 'single' under the single strategy: GFD labels the node NVIDIA-A30-MIG-INVALID. Invalid configuration detected for mig-strategy=single: more than one MIG device type present on node. The device plugin refuses to start (invalid MIG configuration: more than one MIG device type present on node), so the node advertises no GPU resources until the strategy or the layout changes. Use the mixed strategy, or give every GPU the same single profile.",
];

/** The same for every problem of the file itself. */
const FILE_WORDS = [
  "the file is empty: mig-parted reports \"unknown version\" (expected 'version: v1' and 'mig-configs')",
  'YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
  'the file holds several YAML documents; mig-parted reads only the first',
  "missing 'version' field (expected 'version: v1')",
  'unexpected field: a',
  "missing 'mig-configs': the file defines no named config",
  "a mig-parted config must be a mapping with 'version' and 'mig-configs', found a list",
  "missing 'version' field (expected 'version: v1')",
  'unexpected field: extra',
  "at least one entry in 'mig-configs' is required",
  'unknown version: the string "v9" (mig-parted knows only \'v1\')',
  "at least one entry in 'mig-configs' is required",
  "'mig-configs' must map config names to lists of entries, found a list",
  "at least one entry in 'c' is required",
  "config 'd' must be a list of entries (each starting with '- devices: ...'), found number 5",
  "config 'c', entry #0: expected a mapping, found number 5",
  "config 'c', entry #0: unexpected field 'odd' (allowed: device-filter, devices, mig-enabled, mig-devices)",
  "config 'c', entry #0: missing required field 'devices'",
  "config 'c', entry #0: missing required field 'mig-enabled'",
  "config 'c', entry #0: invalid string input for 'devices': some (use 'all' or a list of GPU indices)",
  "config 'c', entry #0: 'mig-enabled' must be true or false, found the string \"maybe\"",
  "config 'c', entry #0: 'devices' must be 'all' or a list of integer GPU indices, found a list",
  "config 'c', entry #0: missing required field 'mig-devices' when 'mig-enabled' is true (use {} for no instances)",
  "config 'c', entry #0: MIG devices included when 'mig-enabled' is false",
  "config 'c', entry #0: device-filter must be a PCI id string or a list of them, found number 548868318 (quote PCI ids: YAML reads an unquoted 0x20B710DE as a number)",
  "config 'c', entry #0: 'mig-devices' must be a mapping of profile name to count, found number 5",
  "config 'c', entry #0: device-filter must be a PCI id string or a list of them, found a list (quote PCI ids: YAML reads an unquoted 0x20B710DE as a number)",
  "config 'c', entry #0: '1G.10GB' is not a MIG profile name (expected e.g. 1g.10gb, 1g.10gb+me, 1g.24gb-me, 1c.3g.20gb)",
  "config 'c', entry #0: count for profile 1G.10GB must be a whole number ≥ 0, found number -1",
  "config 'c', entry #0: all counts for all MIG profiles are 0 (use mig-devices: {} for a MIG-enabled GPU with no instances)",
  "config 'c', entry #0: device-filter 'zzz' is not a PCI id mig-parted can read; mig-parted accepts the file but this filter matches no GPU (write device then vendor, e.g. 0x20B710DE)",
  "config 'c', entry #0: device-filter '0x20B71234' reads as device 0x20B7 of vendor 0x1234, not an NVIDIA GPU; mig-parted accepts the file but this filter matches no GPU (write device then vendor, e.g. 0x20B710DE)",
  "config 'c', entry #0: device-filter must be a PCI id string or a list of them, found a mapping",
  "config name 'My A30 config' cannot be a node label value (only letters, digits, '-', '_' and '.', starting and ending with a letter or digit), so nvidia.com/mig.config can never select it",
  'a list or mapping is used as a key; mig-parted reads only plain keys (field, config and profile names)',
  'expected the text of a YAML file, got number 42',
];

/** The same for config names that cannot be label values. */
const NAME_WORDS = [
  "config name 'My A30 config' cannot be a node label value (only letters, digits, '-', '_' and '.', starting and ending with a letter or digit), so nvidia.com/mig.config can never select it",
  "config name 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' cannot be a node label value (it has 70 characters, at most 63 are allowed), so nvidia.com/mig.config can never select it",
  'an empty config name cannot be a node label value, so nvidia.com/mig.config can never select it',
];

const expectWorded = (issues: ConfigIssue[], words: string[]) => {
  expect(issues.map((issue) => configIssueText(t, issue))).toEqual(words);
  for (const issue of issues) expect(configIssueText(marked, issue)).toMatch(/^«.*»$/s);
};

describe('configIssueText', () => {
  it('words every node-time issue from its facts', () => {
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
    expect(new Set(all.map((issue) => issue.facts.kind))).toEqual(
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
    expectWorded(all, NODE_TIME_WORDS);
    const suggestion = notFound.find((issue) => issue.facts.kind === 'config-not-found')!;
    expect(configIssueText(marked, suggestion)).toMatch(/Did you mean 'A30-one'\?»$/);
  });

  it('words placements nobody has printed and a GPU without MIG', () => {
    const issue: ConfigIssue = {
      severity: 'error',
      code: 'not-mig-capable',
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

  it('words every problem of the file itself', () => {
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
      issue.facts.kind === 'file' ? issue.facts.problem.kind : undefined,
    );
    expect(kinds).not.toContain(undefined);
    // Every kind but `yaml-unreadable` (the parser throwing), worded below.
    expect(new Set(kinds).size).toBe(30);
    expectWorded(issues, FILE_WORDS);
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
  it('words each label-value problem', () => {
    const disabled = '    - devices: all\n      mig-enabled: false\n';
    const { issues } = parseMigPartedConfig(
      `version: v1\nmig-configs:\n  My A30 config:\n${disabled}  ${'x'.repeat(70)}:\n${disabled}  "":\n${disabled}`,
    );
    expect(issues.map((issue) => issue.code)).toEqual([
      'invalid-config-name',
      'invalid-config-name',
      'invalid-config-name',
    ]);
    expectWorded(issues, NAME_WORDS);
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
