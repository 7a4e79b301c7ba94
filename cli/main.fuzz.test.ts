/**
 * Fuzzes the CLI in process: random argument lists and random files (binary junk, broken and deep
 * YAML, huge numbers, mutations of NVIDIA's default file). Whatever comes in, the CLI answers with
 * exit code 0, 1 or 2 and a message: never a stack trace, never an "unexpected error" (every bad
 * input has its own words), no process warning, and `--json` output is always JSON.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEFAULT_MIG_PARTED_CONFIG_YAML } from '../src/geometry/defaultMigPartedConfig';
import { readFileAtMost, runCli } from './main';

const dir = mkdtempSync(join(tmpdir(), 'gpp-cli-fuzz-'));
// A Node process warning (e.g. from the YAML library) would reach the user's stderr unasked.
const emitWarning = jest.spyOn(process, 'emitWarning');
afterAll(() => {
  emitWarning.mockRestore();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI over the real file reader, capturing what it prints. */
function runInProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  emitWarning.mockClear();
  const code = runCli(args, {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    readFile: readFileAtMost,
  });
  return { code, stdout, stderr };
}

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

function expectAnswered({ code, stdout, stderr }: ReturnType<typeof runInProcess>): void {
  expect([0, 1, 2]).toContain(code);
  expect(`${stdout}${stderr}`).not.toMatch(STACK_FRAME);
  expect(stderr).not.toContain('unexpected error');
  expect(`${stdout}${stderr}`).not.toContain('[object Object]');
  if (code === 2) expect(stderr).toContain('Usage:');
  if (code !== 0) expect(`${stdout}${stderr}`.trim()).not.toBe('');
  expect(emitWarning).not.toHaveBeenCalled();
}

const MODELS = ['a30-24gb', 'h100-80gb-sxm5', '0x20B7', 'NVIDIA-A100-SXM4-40GB', 'b200', 'nope'];
const HUGE_NUMBERS = [
  '0',
  '-1',
  '1e400',
  '99999999999999999999999',
  '9007199254740993',
  'NaN',
  'Infinity',
  '0x40',
  '1.5',
];

const argToken = fc.oneof(
  fc.constantFrom(
    'models',
    'profiles',
    'layout',
    'validate',
    'help',
    '--model',
    '--config',
    '--strategy',
    '--gpus',
    '--json',
    '--help',
    '-h',
    '--',
    '--json=1',
    '--model=',
    '--gpus=2',
    '--strategy=single',
    'single',
    'mixed',
    'none',
    '1g.6gb=2,2g.12gb=1',
    '1g.10gb=99999999999999999999',
    '3g.40gb:1',
    '=',
    ',',
    '__proto__',
    'constructor',
    '/dev/null',
    '/dev/zero',
    dir,
  ),
  fc.constantFrom(...MODELS, ...HUGE_NUMBERS),
  fc.string({ maxLength: 20 }),
  fc.fullUnicodeString({ maxLength: 8 }),
);

describe('gpu-partitioning fuzzed (in process)', () => {
  it('answers any argument list with 0, 1 or 2 and a message', () => {
    fc.assert(
      fc.property(fc.array(argToken, { maxLength: 8 }), (args) => {
        expectAnswered(runInProcess(args));
      }),
      { numRuns: 600 },
    );
  });

  const deepYaml = fc
    .tuple(fc.constantFrom('[', '{a: ', '- ', 'a:\n  ', '? '), fc.integer({ min: 1, max: 3000 }))
    .map(([open, depth]) => open.repeat(depth) + 'x');

  const hugeCount = fc.oneof(
    fc.constantFrom(...HUGE_NUMBERS, '.inf', '-.inf', '.nan', '1e308', '0b1111', '0o777', '~'),
    fc.double().map(String),
    fc.bigInt().map(String),
  );
  const configWithCount = fc
    .tuple(fc.constantFrom('1g.6gb', '1g.10gb', '7g.80gb', 'x'), hugeCount)
    .map(
      ([profile, count]) =>
        `version: v1\nmig-configs:\n  c:\n    - devices: all\n      mig-enabled: true\n      mig-devices: {"${profile}": ${count}}\n`,
    );

  /** NVIDIA's file with a random slice replaced: mostly valid YAML, locally broken. */
  const mutatedDefault = fc
    .tuple(
      fc.nat({ max: DEFAULT_MIG_PARTED_CONFIG_YAML.length }),
      fc.nat({ max: 200 }),
      fc.string({ maxLength: 40 }),
    )
    .map(
      ([start, length, insert]) =>
        DEFAULT_MIG_PARTED_CONFIG_YAML.slice(0, start) +
        insert +
        DEFAULT_MIG_PARTED_CONFIG_YAML.slice(start + length),
    );

  const yamlShaped = fc
    .letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(fc.string({ maxLength: 10 }), fc.double(), fc.boolean(), fc.constant(null)),
        fc.constantFrom('all', 'v1', '1g.6gb', '0x20B710DE', 'My A30 config'),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(
          fc.constantFrom('version', 'mig-configs', 'devices', 'mig-enabled', 'mig-devices', 'x'),
          tie('node'),
          { maxKeys: 4 },
        ),
      ),
    }))
    .node.map((value) => JSON.stringify(value) ?? 'null');

  const fileContent = fc.oneof(
    fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
    fc.fullUnicodeString({ maxLength: 300 }),
    deepYaml,
    configWithCount,
    mutatedDefault,
    yamlShaped,
  );

  it('answers any file with 0 or 1, a message, and JSON under --json', () => {
    let run = 0;
    fc.assert(
      fc.property(
        fileContent,
        fc.constantFrom(...MODELS),
        fc.constantFrom([], ['--config', 'c'], ['--config', 'all-balanced']),
        fc.constantFrom([], ['--strategy', 'single'], ['--gpus', '2']),
        fc.boolean(),
        (content, model, config, options, asJson) => {
          const file = join(dir, `input-${run++}.yaml`);
          writeFileSync(file, content);
          const args = ['validate', file, '--model', model, ...config, ...options];
          const result = runInProcess(asJson ? [...args, '--json'] : args);
          expectAnswered(result);
          expect(result.code).not.toBe(2);
          if (asJson && result.stdout !== '') {
            const report = JSON.parse(result.stdout) as { valid: boolean };
            expect(report.valid).toBe(result.code === 0);
          }
        },
      ),
      { numRuns: 250 },
    );
  });
});
