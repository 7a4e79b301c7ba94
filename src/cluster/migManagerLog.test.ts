import fc from 'fast-check';
import { logMessage, podLogPath, readMigManagerLog } from './migManagerLog';

const t = (level: string, msg: string) => `time="2026-09-01T10:00:00Z" level=${level} msg="${msg}"`;

const RUN_START = [
  t('info', 'Updating to MIG config: all-balanced'),
  "Getting current value of the 'nvidia.com/gpu.deploy.device-plugin' node label",
  'Asserting that the requested configuration is present in the configuration file',
];
const FAILED_END = [
  "Changing the 'nvidia.com/mig.config.state' node label to 'failed'",
  'node/worker1 labeled',
  t('error', 'Error: exit status 1'),
  t('info', "Waiting for change to 'nvidia.com/mig.config' label"),
];

describe('logMessage', () => {
  it('takes the logrus msg, unescaping quotes', () => {
    expect(logMessage(t('error', 'a \\"quoted\\" word'))).toBe('a "quoted" word');
    expect(logMessage('node/worker1 labeled')).toBe('node/worker1 labeled');
  });
});

describe('readMigManagerLog', () => {
  it('finds pods holding the GPU (the mig-manager does not drain them)', () => {
    const reading = readMigManagerLog(
      [
        ...RUN_START,
        t(
          'error',
          'Error clearing MIG config on GPU 0, erroneous devices may persist: In use by another client',
        ),
        t('error', 'GPU processes still running in pods: sample-project/train-1, ml/infer-0'),
        ...FAILED_END,
      ].join('\n'),
    );
    expect(reading.outcome).toBe('failed');
    expect(reading.configName).toBe('all-balanced');
    expect(reading.findings).toEqual([
      expect.objectContaining({ code: 'in-use', pods: ['sample-project/train-1', 'ml/infer-0'] }),
    ]);
  });

  it('prefers nvidia_drm over the generic "in use" it also prints', () => {
    const reading = readMigManagerLog(
      [
        ...RUN_START,
        t(
          'error',
          'Error setting MIG mode: unable to reset GPU 0: the nvidia_drm kernel module is loaded',
        ),
        t(
          'error',
          'Unable to apply MIG mode change: In use by another client (unload nvidia_drm or set WITH_REBOOT=true)',
        ),
        ...FAILED_END,
      ].join('\n'),
    );
    expect(reading.findings[0].code).toBe('nvidia-drm');
  });

  it.each([
    [
      'Error applying MIG configuration with hooks: error setting MIGConfig: error attempting multiple config orderings: all orderings failed: Insufficient Resources',
      'insufficient-resources',
    ],
    ['Error validating config: selected mig-config not present: all-2g.12gb', 'config-not-found'],
    ['failed to validate MIG configuration: exit status 1', 'invalid-config'],
  ])('maps %s', (message, code) => {
    const reading = readMigManagerLog(
      [...RUN_START, t('error', message), ...FAILED_END].join('\n'),
    );
    expect(reading.findings[0].code).toBe(code);
  });

  it('names the missing config', () => {
    const reading = readMigManagerLog(
      [
        ...RUN_START,
        t('error', 'Error validating config: selected mig-config not present: custom-x'),
        ...FAILED_END,
      ].join('\n'),
    );
    expect(reading.findings[0].configName).toBe('custom-x');
  });

  it('names only the missing config: the line after it does not blame the file', () => {
    const reading = readMigManagerLog(
      [
        ...RUN_START,
        t('error', 'Error validating config: selected mig-config not present: all-balancd'),
        'Unable to validate the selected MIG configuration',
        ...FAILED_END,
      ].join('\n'),
    );
    expect(reading.findings.map((finding) => finding.code)).toEqual(['config-not-found']);
    expect(reading.findings[0].configName).toBe('all-balancd');
  });

  it('blames the file when the validation failed for no named cause', () => {
    const reading = readMigManagerLog(
      [...RUN_START, 'Unable to validate the selected MIG configuration', ...FAILED_END].join('\n'),
    );
    expect(reading.findings.map((finding) => finding.code)).toEqual(['invalid-config']);
  });

  it('maps a config file mig-parted refuses', () => {
    const reading = readMigManagerLog(
      [
        ...RUN_START,
        'Error: error parsing configuration file /mig-parted-config/config.yaml: invalid MIG configuration',
        'Unable to validate the selected MIG configuration',
        "Changing the 'nvidia.com/mig.config.state' node label to 'failed'",
      ].join('\n'),
    );
    expect(reading.findings.map((finding) => finding.code)).toEqual(['invalid-config']);
  });

  it('reads only the last run', () => {
    const reading = readMigManagerLog(
      [
        ...RUN_START,
        t('error', 'Insufficient Resources'),
        ...FAILED_END,
        t('info', 'Updating to MIG config: all-disabled'),
        'MIG configuration applied successfully',
        t('info', 'Successfully updated to MIG config: all-disabled'),
      ].join('\n'),
    );
    expect(reading).toMatchObject({ configName: 'all-disabled', outcome: 'success', findings: [] });
  });

  it('says which operand it waits for when a run stalls', () => {
    const reading = readMigManagerLog(
      [
        ...RUN_START,
        "Changing the 'nvidia.com/mig.config.state' node label to 'pending'",
        'Waiting for the device-plugin to shutdown',
      ].join('\n'),
    );
    expect(reading.outcome).toBe('running');
    expect(reading.findings).toEqual([
      expect.objectContaining({ code: 'operand-not-stopping', operand: 'device-plugin' }),
    ]);
  });

  it('copes with an empty or unrelated log', () => {
    expect(readMigManagerLog('')).toEqual({ outcome: 'unknown', findings: [], lines: [] });
    expect(readMigManagerLog('Starting nvidia-mig-manager').outcome).toBe('unknown');
  });
});

describe('readMigManagerLog fuzzed', () => {
  const KNOWN = [
    'Updating to MIG config: all-balanced',
    'Updating to MIG config: ',
    'Successfully updated to MIG config: all-balanced',
    "Changing the 'nvidia.com/mig.config.state' node label to 'failed'",
    "Changing the 'nvidia.com/mig.config.state' node label to 'rebooting'",
    'Rebooting the node',
    'Error: exit status 1',
    'In use by another client',
    'unable to reset GPU 0: the nvidia_drm kernel module is loaded',
    'GPU processes still running in pods: ,a/b, ,',
    'GPU processes still running in pods: ',
    'selected mig-config not present: ',
    'Insufficient Resources',
    'Waiting for the device-plugin to shutdown',
    'Waiting for  to shutdown',
    'MIG mode change did not take effect after reboot',
  ];
  const message = fc.oneof(fc.constantFrom(...KNOWN), fc.string(), fc.fullUnicodeString());
  const line = fc.oneof(
    message,
    fc
      .tuple(fc.constantFrom('info', 'error', 'fatal'), message)
      .map(([level, text]) => t(level, text.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))),
    fc.constantFrom('msg="', 'msg="\\', 'level=fatal msg="Error', '\r', '"'),
  );
  const log = fc
    .tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'))
    .map(([lines, newline]) => lines.join(newline));
  const OUTCOMES = ['success', 'failed', 'running', 'unknown'];

  it('never throws, and every finding rests on a line of the last run', () => {
    fc.assert(
      fc.property(log, (text) => {
        const reading = readMigManagerLog(text);
        expect(OUTCOMES).toContain(reading.outcome);
        const codes = reading.findings.map((finding) => finding.code);
        expect(new Set(codes).size).toBe(codes.length);
        const messages = reading.lines.map(logMessage);
        for (const finding of reading.findings) {
          expect(messages).toContain(finding.evidence);
          for (const pod of finding.pods ?? []) expect(pod).not.toBe('');
        }
        if (reading.outcome === 'running') expect(reading.configName).toBeDefined();
        for (const kept of reading.lines) expect(kept.trim()).not.toBe('');
      }),
    );
  });

  it('depends only on the last run: an earlier run changes nothing', () => {
    fc.assert(
      fc.property(log, log, (earlier, last) => {
        const lastRun = [t('info', 'Updating to MIG config: all-1g.6gb'), last].join('\n');
        expect(readMigManagerLog(`${earlier}\n${lastRun}`)).toEqual(readMigManagerLog(lastRun));
      }),
    );
  });

  it('reads anything that is not text as an empty log', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const reading = readMigManagerLog(
          (typeof value === 'string' ? null : value) as unknown as string,
        );
        expect(reading).toEqual({ outcome: 'unknown', findings: [], lines: [] });
      }),
    );
  });
});

describe('podLogPath', () => {
  it('goes through the console proxy with a tail', () => {
    expect(podLogPath('nvidia-gpu-operator', 'nvidia-mig-manager-abcde')).toBe(
      '/api/kubernetes/api/v1/namespaces/nvidia-gpu-operator/pods/nvidia-mig-manager-abcde/log?tailLines=200',
    );
  });
});
