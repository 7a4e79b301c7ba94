import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEFAULT_MIG_PARTED_CONFIG_YAML } from '../src/geometry/defaultMigPartedConfig';
import { InputTooLargeError, readFileAtMost, runCli, type CliIo } from './main';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'gpu-partitioning.mjs');
const DEFAULT_CONFIG = join(
  ROOT,
  'src',
  'geometry',
  '__fixtures__',
  'mig-parted-config-default.yaml',
);

/** Spawns the real bin, as a user would run it. */
function run(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs in-process, for the many small argument cases. */
function runInProcess(args: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    readFile: (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file '${path}'`);
      return files[path];
    },
  };
  const code = runCli(args, io);
  return { code, stdout, stderr };
}

jest.setTimeout(120_000);

describe('gpu-partitioning (spawned bin)', () => {
  it('prints usage with --help and exits 0', () => {
    const { code, stdout } = run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: gpu-partitioning <command>');
    expect(stdout).toContain('validate FILE --model M');
  });

  it('exits 2 with a usage message on an unknown command', () => {
    const { code, stderr } = run('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'frobnicate'");
    expect(stderr).toContain('Usage:');
  });

  it('lists the catalog as JSON with confidence', () => {
    const { code, stdout } = run('models', '--json');
    expect(code).toBe(0);
    const models = JSON.parse(stdout) as Array<{
      id: string;
      confidence: string;
      pciDeviceIds: string[];
    }>;
    const a30 = models.find((model) => model.id === 'a30-24gb');
    expect(a30).toMatchObject({ confidence: 'confirmed', pciDeviceIds: ['0x20B710DE'] });
    expect(models.length).toBeGreaterThanOrEqual(18);
  });

  it('prints profiles for a PCI id as JSON', () => {
    const { code, stdout } = run('profiles', '--model', '0x233010DE', '--json');
    expect(code).toBe(0);
    const profiles = JSON.parse(stdout) as Array<Record<string, unknown>>;
    const threeG = profiles.find((profile) => profile.name === '3g.40gb');
    expect(threeG).toMatchObject({
      computeSlices: 3,
      maxInstances: 2,
      placements: [
        { start: 0, size: 4 },
        { start: 4, size: 4 },
      ],
      multiprocessors: 60,
    });
    expect(Object.keys(threeG!)).toEqual(
      expect.arrayContaining(['memorySlices', 'memoryMiB', 'confidence']),
    );
  });

  it('places a layout and draws the slice map', () => {
    const { code, stdout } = run(
      'layout',
      '--model',
      'NVIDIA-H100-80GB-HBM3',
      '1g.10gb=2,3g.40gb=1',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Predicted placement');
    expect(stdout).toMatch(/unit \|0 +\|1 +\|2/);
    expect(stdout).toContain('C = 3g.40gb: units 4-7, 3 compute slices');
    expect(stdout).toContain('free units: 2, 3');
  });

  it('reports an impossible layout as JSON and exits 1', () => {
    const { code, stdout } = run(
      'layout',
      '--model',
      'a100-40gb',
      '4g.20gb=1,3g.20gb=1,1g.5gb=1',
      '--json',
    );
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as {
      valid: boolean;
      placements: unknown[];
      reasons: string[];
    };
    expect(result.valid).toBe(false);
    expect(result.placements).toEqual([]);
    expect(result.reasons.join(' ')).toMatch(/compute/i);
  });

  it('validates NVIDIA’s default file for an A30: 8 of 81 configs apply', () => {
    const { code, stdout } = run('validate', DEFAULT_CONFIG, '--model', '0x20B7');
    expect(code).toBe(0);
    expect(stdout).toContain('mig-parted accepts the file');
    expect(stdout).toContain('all-balanced: valid');
    expect(stdout).toContain('all-1g.5gb: INVALID');
    expect(stdout).toContain('has no MIG profile 1g.5gb');
    expect(stdout).toContain('8 of 81 named configs can be applied to this node.');
  });

  it('fails a mixed layout under the single strategy', () => {
    const { code, stdout } = run(
      'validate',
      DEFAULT_CONFIG,
      '--model',
      'h100-80gb-sxm5',
      '--config',
      'all-balanced',
      '--strategy',
      'single',
      '--json',
    );
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as {
      valid: boolean;
      configs: Array<{ name: string; applicable: boolean; errors: string[] }>;
    };
    expect(result.valid).toBe(false);
    expect(result.configs[0].errors.join(' ')).toContain('MIG-INVALID');
  });

  it('reports a broken file with line numbers and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpu-partitioning-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'version: v1\nmig-configs:\n  mine:\n    - devices: all\n      mig-enabled: true\n      mig-devices: {"1g.10gb": -1}\n',
    );
    const { code, stdout } = run('validate', file, '--model', 'h100-80gb-sxm5');
    expect(code).toBe(1);
    expect(stdout).toContain('mig-parted REJECTS the file');
    expect(stdout).toContain("error: line 6: config 'mine', entry #0: count for profile 1g.10gb");
  });
});

describe('gpu-partitioning arguments (in process)', () => {
  it.each([
    [['profiles'], 'profiles needs --model'],
    [['layout', '--model', 'a30-24gb'], 'layout needs instances'],
    [['layout', '--model', 'a30-24gb', '1g.6gb=x'], "cannot read '1g.6gb=x'"],
    [['validate', '--model', 'a30-24gb'], 'validate needs a FILE'],
    [['validate', 'f.yaml', '--model', 'a30-24gb', '--strategy', 'both'], '--strategy must be'],
    [['validate', 'f.yaml', '--model', 'a30-24gb', '--gpus', '0'], '--gpus must be'],
    [['models', '--bogus'], 'unknown option --bogus'],
    [['models', '--json=1'], '--json takes no value'],
    [['profiles', '--model'], '--model needs a value'],
    [['models', 'extra'], "unexpected argument 'extra'"],
    [[], 'no command given'],
  ])('%j → exit 2', (args, message) => {
    const { code, stderr } = runInProcess(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage:');
  });

  it('exits 1 on an unknown model, listing the known ones', () => {
    const { code, stderr } = runInProcess(['profiles', '--model', 'a31']);
    expect(code).toBe(1);
    expect(stderr).toContain("Unknown GPU model 'a31'");
    expect(stderr).toContain('a30-24gb');
  });

  it('exits 1 when the file cannot be read', () => {
    const { code, stderr } = runInProcess(['validate', 'missing.yaml', '--model', 'a30-24gb']);
    expect(code).toBe(1);
    expect(stderr).toContain('Cannot read missing.yaml');
  });

  it('validates one named config on several GPUs, with overriding entries', () => {
    const file = [
      'version: v1',
      'mig-configs:',
      '  split:',
      '    - devices: all',
      '      mig-enabled: true',
      '      mig-devices: {"1g.6gb": 4}',
      '    - devices: [1]',
      '      mig-enabled: false',
      '',
    ].join('\n');
    const { code, stdout } = runInProcess(
      ['validate', 'c.yaml', '--model', 'a30-24gb', '--gpus', '2', '--config', 'split', '--json'],
      { 'c.yaml': file },
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      configs: Array<{
        gpus: Array<{ entryIndex: number; migEnabled: boolean }>;
        resources: unknown;
        warnings: string[];
      }>;
    };
    const [config] = result.configs;
    expect(config.gpus.map((gpu) => [gpu.entryIndex, gpu.migEnabled])).toEqual([
      [0, true],
      [1, false],
    ]);
    expect(config.resources).toEqual({ 'nvidia.com/gpu': 1, 'nvidia.com/mig-1g.6gb': 4 });
    expect(config.warnings.join(' ')).toContain('entry #0 is overridden by entry #1 on GPU 1');
  });

  it('exits 1 for a config name the file does not have', () => {
    const { code, stdout } = runInProcess(
      ['validate', 'c.yaml', '--model', 'a30-24gb', '--config', 'nope'],
      {
        'c.yaml': 'version: v1\nmig-configs:\n  a:\n    - devices: all\n      mig-enabled: false\n',
      },
    );
    expect(code).toBe(1);
    expect(stdout).toContain("config 'nope' is not in the file");
  });
});

describe('gpu-partitioning and bad input', () => {
  const ONE_MIB = 1024 * 1024;

  it('refuses a file over 1 MiB (the most a ConfigMap holds) without parsing it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gpp-cli-big-')), 'big.yaml');
    const text = `version: v1\n# ${'x'.repeat(ONE_MIB)}\n`;
    writeFileSync(file, text);
    const { code, stdout, stderr } = run('validate', file, '--model', 'a30-24gb');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `Refusing ${file}: it holds ${text.length} bytes, more than the 1 MiB (1048576 bytes) a ConfigMap can hold, so the GPU operator could never give it to mig-parted\n`,
    );
  });

  it('reads at most the limit, then stops: a file of exactly the limit is read, /dev/zero is not', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gpp-cli-limit-')), 'ten.yaml');
    writeFileSync(file, '0123456789');
    expect(readFileAtMost(file, 10)).toBe('0123456789');
    expect(() => readFileAtMost(file, 9)).toThrow(InputTooLargeError);
    // A device reports size 0 and never ends: only the bounded read stops it.
    expect(() => readFileAtMost('/dev/zero', 1000)).toThrow(InputTooLargeError);
  });

  it('prints one line and no stack trace when something unexpected fails', () => {
    let stderr = '';
    const code = runCli(['models'], {
      out: () => {
        throw new Error('disk full\n    at somewhere (file.ts:1:1)');
      },
      err: (text) => (stderr += text),
      readFile: () => '',
    });
    expect(code).toBe(1);
    expect(stderr).toBe('gpu-partitioning: unexpected error: disk full\n');
  });

  it('exits 1 for a config name that cannot be a node label value', () => {
    const { code, stdout } = runInProcess(['validate', 'c.yaml', '--model', 'a30-24gb'], {
      'c.yaml':
        'version: v1\nmig-configs:\n  My A30 config:\n    - devices: all\n      mig-enabled: false\n',
    });
    expect(code).toBe(1);
    expect(stdout).toContain(
      "error: line 3: config name 'My A30 config' cannot be a node label value (only letters, digits, '-', '_' and '.', starting and ending with a letter or digit), so nvidia.com/mig.config can never select it",
    );
    expect(stdout).toContain('My A30 config: INVALID');
    expect(stdout).toContain('0 of 1 named configs can be applied to this node.');
  });
});

describe('gpu-partitioning in a pipe', () => {
  it('stops quietly when the reader closes the pipe early (`| head`)', () => {
    // validate writes line by line; `head -n 1` exits after the first, so later writes meet a
    // closed pipe. The CLI must not die with an EPIPE stack trace.
    const file = join(mkdtempSync(join(tmpdir(), 'gpp-cli-pipe-')), 'config.yaml');
    writeFileSync(file, DEFAULT_MIG_PARTED_CONFIG_YAML);
    const { status, stderr } = spawnSync(
      'bash',
      [
        '-c',
        `node "${BIN}" validate "${file}" --model 0x20B7 | head -n 1 >/dev/null; exit "\${PIPESTATUS[0]}"`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(stderr).not.toContain('EPIPE');
    expect(status).toBe(0);
  });
});
