/**
 * Geometry engine benchmark: per catalog model, how many valid and maximal layouts exist and how
 * long enumerating them takes, and how many random placement requests per second `placeInstances`
 * answers. Prints figures only; it never asserts on time (the machine is shared).
 *
 *   npx tsx bench/geometry.ts
 */
import { listModels } from '../src/geometry/catalog';
import { enumerateLayouts, enumerateMaximalLayouts } from '../src/geometry/layouts';
import { placeInstances } from '../src/geometry/placement';
import type { GpuModel, ProfileCounts } from '../src/geometry/types';

export interface ModelBenchRow {
  model: string;
  profiles: number;
  validLayouts: number;
  maximalLayouts: number;
  enumerateMs: number;
  randomRequests: number;
  acceptedShare: number;
  placementsPerSecond: number;
}

/** Small deterministic PRNG (mulberry32) so every run measures the same requests. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random requests: up to three profiles with 1..max+1 instances (so some are rejected). */
function randomRequests(model: GpuModel, count: number, random: () => number): ProfileCounts[] {
  const requests: ProfileCounts[] = [];
  for (let i = 0; i < count; i++) {
    const request: ProfileCounts = {};
    const kinds = 1 + Math.floor(random() * 3);
    for (let k = 0; k < kinds; k++) {
      const profile = model.profiles[Math.floor(random() * model.profiles.length)];
      request[profile.name] = 1 + Math.floor(random() * (profile.maxInstances + 1));
    }
    requests.push(request);
  }
  return requests;
}

function benchModel(model: GpuModel, requestsPerModel: number): ModelBenchRow {
  const enumerateStart = performance.now();
  const validLayouts = enumerateLayouts(model).length;
  const maximalLayouts = enumerateMaximalLayouts(model).length;
  const enumerateMs = performance.now() - enumerateStart;

  const requests = randomRequests(model, requestsPerModel, seededRandom(model.id.length * 7919));
  let accepted = 0;
  const placeStart = performance.now();
  for (const request of requests) {
    if (placeInstances(model, request).valid) accepted++;
  }
  const placeMs = performance.now() - placeStart;
  return {
    model: model.id,
    profiles: model.profiles.length,
    validLayouts,
    maximalLayouts,
    enumerateMs: Math.round(enumerateMs * 10) / 10,
    randomRequests: requests.length,
    acceptedShare: Math.round((accepted / requests.length) * 1000) / 1000,
    placementsPerSecond: Math.round(requests.length / (placeMs / 1000)),
  };
}

export async function runGeometryBench(
  options: { requestsPerModel?: number } = {},
): Promise<Record<string, unknown>> {
  const requestsPerModel = options.requestsPerModel ?? 2000;
  const rows = listModels().map((model) => benchModel(model, requestsPerModel));
  const totalRequests = rows.reduce((sum, row) => sum + row.randomRequests, 0);
  const totalSeconds = rows.reduce(
    (sum, row) => sum + row.randomRequests / row.placementsPerSecond,
    0,
  );
  return {
    models: rows.length,
    requestsPerModel,
    totalEnumerateMs: Math.round(rows.reduce((sum, row) => sum + row.enumerateMs, 0)),
    overallPlacementsPerSecond: Math.round(totalRequests / totalSeconds),
    rows,
  };
}

function printTable(rows: ModelBenchRow[]): void {
  const header = [
    'model',
    'profiles',
    'valid',
    'maximal',
    'enumerate ms',
    'accepted',
    'placements/s',
  ];
  const lines = rows.map((row) => [
    row.model,
    String(row.profiles),
    String(row.validLayouts),
    String(row.maximalLayouts),
    row.enumerateMs.toFixed(1),
    `${Math.round(row.acceptedShare * 100)}%`,
    String(row.placementsPerSecond),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  lines.forEach((line) => console.log(format(line)));
}

if (process.argv[1] && /bench[\\/]geometry\.ts$/.test(process.argv[1])) {
  runGeometryBench()
    .then((result) => {
      printTable(result.rows as ModelBenchRow[]);
      console.log(
        `\n${result.models} models; enumeration ${result.totalEnumerateMs} ms in total; ` +
          `${result.overallPlacementsPerSecond} random placements per second overall.`,
      );
    })
    .catch((error: unknown) => {
      console.error('Geometry bench failed:', error);
      process.exitCode = 1;
    });
}
