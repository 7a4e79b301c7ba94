/**
 * The sandbox's `/metrics` page: the DCGM exporter's series for the simulated GPUs, parsed back
 * from the text exposition format (and linted by Prometheus's own `promtool` where installed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findModel } from '../src/geometry/catalog';
import { GPU_UTILIZATION_ANNOTATION, renderExposition } from './dcgmExporter';
import { startSandbox, type RunningSandbox } from './server';

const SCENARIO = `
description: DCGM exporter test
strategy: mixed
nodes:
  - name: a30-node
    gpu: { model: a30-24gb, count: 1 }
    migConfig: all-balanced
  - name: whole-node
    gpu: { model: a30-24gb, count: 1 }
    migConfig: all-disabled
namespaces: [team]
pods:
  - name: busy
    namespace: team
    node: a30-node
    resources: { nvidia.com/mig-2g.12gb: '1' }
  - name: idle
    namespace: team
    node: a30-node
    resources: { nvidia.com/mig-1g.6gb: '1' }
  - name: trainer
    namespace: team
    node: whole-node
    resources: { nvidia.com/gpu: '1' }
`;

interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A reader of the text format, independent of the writer: `name{a="b",...} value`. */
function parseExposition(text: string): { samples: ParsedSample[]; types: Map<string, string> } {
  const samples: ParsedSample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1], type[2]);
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    const labelPattern = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy;
    for (const label of (match[2] ?? '').matchAll(labelPattern)) {
      labels[label[1]] = label[2].replace(/\\(["\\n])/g, (_, char: string) =>
        char === 'n' ? '\n' : char,
      );
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return { samples, types };
}

let sandbox: RunningSandbox;
let dir: string;
let page: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dcgm-exporter-test-'));
  const file = join(dir, 'scenario.yaml');
  writeFileSync(file, SCENARIO);
  sandbox = await startSandbox({
    port: 0,
    scenario: file,
    kubeconfigPath: join(dir, 'kubeconfig'),
  });
  // The simulated use a pod asks for (as a presenter would set it with kubectl annotate).
  for (const [name, utilization] of [
    ['idle', '0'],
    ['trainer', '0.5'],
  ]) {
    const pod = sandbox.store.get('pods', 'team', name)!;
    sandbox.store.update('pods', {
      ...pod,
      metadata: { ...pod.metadata, annotations: { [GPU_UTILIZATION_ANNOTATION]: utilization } },
    });
  }
  const response = await fetch(sandbox.metricsUrl);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  page = await response.text();
});

afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const series = (name: string) => parseExposition(page).samples.filter((s) => s.name === name);

test('every DCGM metric is a gauge with help, and the page needs no token', () => {
  const { types } = parseExposition(page);
  for (const name of [
    'DCGM_FI_PROF_GR_ENGINE_ACTIVE',
    'DCGM_FI_DEV_FB_USED',
    'DCGM_FI_DEV_FB_FREE',
    'DCGM_FI_DEV_GPU_UTIL',
  ]) {
    expect(types.get(name)).toBe('gauge');
    expect(page).toContain(`# HELP ${name} `);
  }
});

test("MIG instances carry the exporter's labels; the pods holding them are named", () => {
  const active = series('DCGM_FI_PROF_GR_ENGINE_ACTIVE').filter(
    (sample) => sample.labels.Hostname === 'a30-node',
  );
  // all-balanced on an A30: 2 × 1g.6gb and 1 × 2g.12gb, numbered 1.. in creation order.
  expect(active.map((s) => s.labels.GPU_I_PROFILE).sort()).toEqual(['1g.6gb', '1g.6gb', '2g.12gb']);
  expect(new Set(active.map((s) => s.labels.GPU_I_ID))).toEqual(new Set(['1', '2', '3']));
  for (const sample of active) {
    expect(sample.labels).toMatchObject({
      gpu: '0',
      device: 'nvidia0',
      modelName: 'NVIDIA A30',
      Hostname: 'a30-node',
    });
    expect(sample.labels.UUID).toMatch(
      /^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(sample.labels.pci_bus_id).toMatch(/^00000000:[0-9A-F]{2}:00\.0$/);
  }
  const byPod = new Map(active.map((s) => [s.labels.pod, s]));
  expect(byPod.get('idle')?.value).toBe(0);
  expect(byPod.get('idle')?.labels).toMatchObject({ namespace: 'team', GPU_I_PROFILE: '1g.6gb' });
  expect(byPod.get('busy')?.value).toBeGreaterThan(0.2);
  expect(byPod.get('busy')?.labels.GPU_I_PROFILE).toBe('2g.12gb');
  // The third instance is free: no pod labels, no activity.
  const free = active.filter((s) => s.labels.pod === undefined);
  expect(free).toHaveLength(1);
  expect(free[0].value).toBe(0);
});

test('memory used and free add up to the instance; an idle pod still holds memory', () => {
  const used = series('DCGM_FI_DEV_FB_USED');
  const free = series('DCGM_FI_DEV_FB_FREE');
  const key = (s: ParsedSample) =>
    `${s.labels.Hostname}/${s.labels.gpu}/${s.labels.GPU_I_ID ?? ''}`;
  const freeByKey = new Map(free.map((s) => [key(s), s.value]));
  for (const sample of used) {
    const total = sample.value + (freeByKey.get(key(sample)) ?? NaN);
    const profile = findModel('a30-24gb')?.profiles.find(
      (p) => p.name === sample.labels.GPU_I_PROFILE,
    );
    const expected = profile?.memoryMiB ?? sandbox.operator.hardwareOf('whole-node')?.memoryMiB;
    expect(total).toBe(expected);
  }
  expect(used.find((s) => s.labels.pod === 'idle')?.value).toBeGreaterThan(0);
});

test('a whole GPU reports GPU_UTIL in percent, MIG instances do not', () => {
  const util = series('DCGM_FI_DEV_GPU_UTIL');
  expect(util).toHaveLength(1);
  expect(util[0].labels).toMatchObject({ Hostname: 'whole-node', pod: 'trainer', gpu: '0' });
  expect(util[0].labels.GPU_I_PROFILE).toBeUndefined();
  expect(util[0].value).toBeGreaterThanOrEqual(48);
  expect(util[0].value).toBeLessThanOrEqual(52);
});

test('a node whose exporter is paused for a MIG change publishes nothing', async () => {
  const node = sandbox.store.get('nodes', undefined, 'a30-node')!;
  sandbox.store.update('nodes', {
    ...node,
    metadata: {
      ...node.metadata,
      labels: {
        ...node.metadata.labels,
        'nvidia.com/gpu.deploy.dcgm-exporter': 'paused-for-mig-change',
      },
    },
  });
  const text = await (await fetch(sandbox.metricsUrl)).text();
  expect(text).not.toContain('Hostname="a30-node"');
  expect(text).toContain('Hostname="whole-node"');
});

test('the console’s cluster metrics are on the page too, with their own labels', () => {
  const memory = series('node_memory_MemTotal_bytes');
  expect(memory.map((s) => s.labels.instance).sort()).toEqual(['a30-node', 'whole-node']);
  expect(memory[0].labels.job).toBe('node-exporter');
});

test('label values and help text are escaped', () => {
  const text = renderExposition([
    {
      name: 'x',
      help: 'a\\b\nc',
      type: 'gauge',
      samples: [{ labels: { pod: 'a"b\\c\nd' }, value: NaN }],
    },
  ]);
  expect(text).toBe('# HELP x a\\\\b\\nc\n# TYPE x gauge\nx{pod="a\\"b\\\\c\\nd"} NaN\n');
  expect(parseExposition(text).samples[0].labels.pod).toBe('a"b\\c\nd');
});

const promtool = '/usr/bin/promtool';
(existsSync(promtool) ? test : test.skip)("Prometheus's promtool parses the page", () => {
  // `check metrics` exits non-zero for lint advice too (DCGM's camelCase labels, the recording
  // rules' colons): only a parse error fails here, and a broken page is shown to be one.
  const check = (text: string) =>
    spawnSync(promtool, ['check', 'metrics'], { input: text, encoding: 'utf8' });
  const parseError = /error while linting|parsing error/i;
  const result = check(page);
  expect(result.error).toBeUndefined();
  expect(`${result.stdout}${result.stderr}`).not.toMatch(parseError);
  expect(`${result.stdout}${result.stderr}`).toMatch(
    /label names should be written in 'snake_case'/,
  );
  const broken = check('DCGM_FI_DEV_FB_USED{gpu="0" 12\n');
  expect(broken.status).not.toBe(0);
  expect(`${broken.stdout}${broken.stderr}`).toMatch(parseError);
});
