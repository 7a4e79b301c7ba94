/**
 * Config engine benchmark: how fast NVIDIA's default mig-parted config is parsed and validated, how
 * long validating it for a 10,000-node fleet of mixed GPU models takes, and how long the apply
 * preview (`predictNodeAfterConfig`) takes across 1,000 nodes. Prints figures; never asserts on
 * time (the machine is shared).
 *
 *   npx tsx bench/configs.ts
 */
import { listModels } from '../src/geometry/catalog';
import { DEFAULT_MIG_PARTED_CONFIG_YAML } from '../src/geometry/defaultMigPartedConfig';
import {
  configsValidForGpus,
  listConfigNames,
  parseMigPartedConfig,
  validateMigConfig,
  type ConfigChoice,
  type MigPartedConfigFile,
  type ValidationGpu,
} from '../src/geometry/migParted';
import { predictNodeAfterConfig } from '../src/geometry/predictConfig';
import type { GpuModel } from '../src/geometry/types';

interface FleetNode {
  name: string;
  model: GpuModel;
  product: string;
  gpus: ValidationGpu[];
  /** The node's `nvidia.com/mig.config` label. */
  configName: string;
}

/**
 * A deterministic fleet: models taken in a stride over every catalog model and PCI id, 1 to 8 GPUs
 * per node, labels cycling through the config's names.
 */
function buildFleet(size: number, configNames: string[]): FleetNode[] {
  const variants = listModels().flatMap((model) =>
    model.pciDeviceIds.map((deviceId) => ({ model, deviceId })),
  );
  return Array.from({ length: size }, (_, i) => {
    const { model, deviceId } = variants[(i * 7) % variants.length];
    const gpuCount = 1 + (i % 8);
    return {
      name: `node-${i}`,
      model,
      product: model.gfdProducts[0] ?? model.displayName,
      gpus: Array.from({ length: gpuCount }, (_, index) => ({ index, deviceId, model })),
      configName: configNames[(i * 13) % configNames.length],
    };
  });
}

function timeIt<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

/** Repeats `work` for at least `minMs` and returns runs per second. */
function perSecond(work: () => void, minMs: number): { runs: number; perSecond: number } {
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    work();
    runs++;
    elapsed = performance.now() - start;
  }
  return { runs, perSecond: runs / (elapsed / 1000) };
}

/** Hardware signature of a node: nodes with the same GPUs get the same config choices. */
function hardwareKey(node: FleetNode): string {
  return node.gpus.map((gpu) => gpu.deviceId).join(',');
}

export interface ConfigBenchResult {
  configNames: number;
  parsesPerSecond: number;
  /** Parse + judge all named configs for one 8-GPU H100 node, per second. */
  fullValidationsPerSecond: number;
  /** One named config on one node, per second. */
  singleConfigValidationsPerSecond: number;
  fleetNodes: number;
  fleetModels: number;
  /** Each node's labelled config validated for its GPUs. */
  fleetLabelValidationMs: number;
  fleetInvalidLabels: number;
  /** All named configs judged per node, computed once per distinct hardware and reused. */
  fleetChoicesMs: number;
  fleetDistinctHardware: number;
  previewNodes: number;
  previewMs: number;
  previewApplicable: number;
}

export async function runConfigBench(
  options: { fleetSize?: number; previewNodes?: number; minMs?: number } = {},
): Promise<ConfigBenchResult> {
  const fleetSize = options.fleetSize ?? 10_000;
  const previewNodes = options.previewNodes ?? 1_000;
  const minMs = options.minMs ?? 1_000;

  const parsed = parseMigPartedConfig(DEFAULT_MIG_PARTED_CONFIG_YAML);
  if (!parsed.config || !parsed.accepted) {
    throw new Error(`the built-in default config does not parse: ${parsed.issues[0]?.code}`);
  }
  const config: MigPartedConfigFile = parsed.config;
  const names = listConfigNames(config);

  const h100 = listModels().find((model) => model.id === 'h100-80gb-sxm5') ?? listModels()[0];
  const h100Node: ValidationGpu[] = Array.from({ length: 8 }, (_, index) => ({
    index,
    deviceId: h100.pciDeviceIds[0],
    model: h100,
  }));

  const parses = perSecond(() => parseMigPartedConfig(DEFAULT_MIG_PARTED_CONFIG_YAML), minMs);
  const full = perSecond(() => {
    const again = parseMigPartedConfig(DEFAULT_MIG_PARTED_CONFIG_YAML).config!;
    configsValidForGpus(again, h100Node);
  }, minMs);
  const single = perSecond(() => validateMigConfig(config, 'all-balanced', h100Node), minMs);

  const fleet = buildFleet(fleetSize, names);
  const labels = timeIt(
    () =>
      fleet.filter(
        (node) => validateMigConfig(config, node.configName, node.gpus).verdict === 'invalid',
      ).length,
  );
  const choices = timeIt(() => {
    const cache = new Map<string, ConfigChoice[]>();
    for (const node of fleet) {
      const key = hardwareKey(node);
      if (!cache.has(key)) cache.set(key, configsValidForGpus(config, node.gpus));
    }
    return cache.size;
  });

  const previewFleet = fleet.slice(0, previewNodes);
  const preview = timeIt(
    () =>
      previewFleet.filter(
        (node) =>
          predictNodeAfterConfig({
            config,
            configName: 'all-balanced',
            strategy: 'mixed',
            product: node.product,
            gpus: node.gpus,
          }).applicable,
      ).length,
  );

  return {
    configNames: names.length,
    parsesPerSecond: Math.round(parses.perSecond),
    fullValidationsPerSecond: Math.round(full.perSecond),
    singleConfigValidationsPerSecond: Math.round(single.perSecond),
    fleetNodes: fleet.length,
    fleetModels: new Set(fleet.map((node) => node.model.id)).size,
    fleetLabelValidationMs: Math.round(labels.ms),
    fleetInvalidLabels: labels.result,
    fleetChoicesMs: Math.round(choices.ms),
    fleetDistinctHardware: choices.result,
    previewNodes: previewFleet.length,
    previewMs: Math.round(preview.ms),
    previewApplicable: preview.result,
  };
}

function report(result: ConfigBenchResult): string[] {
  return [
    `Default mig-parted config (${result.configNames} named configs):`,
    `  parses per second:                               ${result.parsesPerSecond}`,
    `  validations per second (parse + all configs, 8×H100 node): ${result.fullValidationsPerSecond}`,
    `  single-config validations per second (all-balanced, 8×H100): ${result.singleConfigValidationsPerSecond}`,
    `Fleet of ${result.fleetNodes} nodes (${result.fleetModels} GPU models, 1-8 GPUs each):`,
    `  validate each node's labelled config:            ${result.fleetLabelValidationMs} ms (${result.fleetInvalidLabels} labels invalid for their node)`,
    `  judge all ${result.configNames} configs for every node:        ${result.fleetChoicesMs} ms (${result.fleetDistinctHardware} distinct hardware shapes, cached)`,
    `Apply preview (predictNodeAfterConfig, all-balanced, mixed) across ${result.previewNodes} nodes: ${result.previewMs} ms (${result.previewApplicable} applicable)`,
  ];
}

if (process.argv[1] && /bench[\\/]configs\.ts$/.test(process.argv[1])) {
  runConfigBench()
    .then((result) => report(result).forEach((line) => console.log(line)))
    .catch((error: unknown) => {
      console.error('Config bench failed:', error);
      process.exitCode = 1;
    });
}
