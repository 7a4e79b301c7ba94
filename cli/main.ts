/**
 * `gpu-partitioning`: the MIG geometry engine on the command line.
 *
 *   gpu-partitioning models                       the catalog, with confidence
 *   gpu-partitioning profiles --model M           one model's profiles and placements
 *   gpu-partitioning layout --model M 1g.10gb=2   place instances, print a slice map
 *   gpu-partitioning validate FILE --model M      check a mig-parted config file for that GPU
 *
 * Exit codes: 0 valid, 1 invalid input (unknown model, invalid layout or config, a file over
 * 1 MiB, anything unexpected: one line, never a stack trace), 2 usage error.
 * `runCli` does no I/O of its own beyond the `CliIo` it is given, so tests can drive it directly.
 */
import { closeSync, fstatSync, openSync, readSync } from 'fs';
import { parseArgs } from 'node:util';
import {
  findModel,
  listModels,
  normalizeDeviceId,
  parseMigPartedConfig,
  placeInstances,
  hasOwn,
  setOwn,
  predictNodeAfterConfig,
  listConfigNames,
  shortModelName,
  type ConfigIssue,
  type ConfigPrediction,
  type GpuModel,
  type LayoutResult,
  type MigPartedParseResult,
  type MigProfile,
  type MigStrategy,
  type PlacedInstance,
  type ProfileCounts,
} from '../src/geometry';
import { configIssueText } from '../src/components/text/configIssueText';
import { englishT } from '../src/components/text/englishCatalogue';
import { layoutProblemText, layoutWarningText } from '../src/components/text/layoutText';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The file's text; throws `InputTooLargeError` when it holds more than `maxBytes` bytes. */
  readFile: (path: string, maxBytes: number) => string;
}

/**
 * The largest file `validate` reads: a ConfigMap holds at most 1 MiB of data, so the GPU operator
 * can never give mig-parted a larger file, and parsing one costs seconds and gigabytes.
 */
export const MAX_INPUT_BYTES = 1024 * 1024;

export class InputTooLargeError extends Error {
  /** `bytes` is the file's size when the file system knows it (not for a device or a pipe). */
  constructor(readonly bytes?: number) {
    super(bytes === undefined ? 'the input is too large' : `the input holds ${bytes} bytes`);
    this.name = 'InputTooLargeError';
  }
}

/**
 * Reads a file as UTF-8, refusing one over `maxBytes` without reading further: a regular file by
 * its size, anything else (`/dev/zero`, a pipe) after `maxBytes + 1` bytes.
 */
export function readFileAtMost(path: string, maxBytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > maxBytes) throw new InputTooLargeError(stat.size);
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) throw new InputTooLargeError();
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

const USAGE = `Usage: gpu-partitioning <command> [options]

Commands:
  models                                   List the MIG-capable GPU models in the catalog.
  profiles --model M                       List the MIG profiles of a model and their placements.
  layout --model M PROFILE=N[,PROFILE=N]   Place instances on one GPU and print a slice map.
  validate FILE --model M [--config NAME] [--strategy single|mixed|none] [--gpus N]
                                           Check a mig-parted config file for a node with N GPUs
                                           of model M (default 1), per named config.

Options:
  --model M    a model id (h100-80gb-sxm5), a GFD product (NVIDIA-H100-80GB-HBM3) or a PCI id
               (0x2330, 0x233010DE). A PCI id also picks which device-filter entries match.
  --json       machine-readable output.
  --help, -h   this text.

Exit codes: 0 valid, 1 invalid input (unknown model, invalid layout or config), 2 usage error.
validate exits 0 when the file loads and the named config (with --config) or at least one named
config (without it) can be applied to the GPU. It refuses a FILE over 1 MiB, the most a ConfigMap
holds.
Placements are predictions: mig-parted lets the NVIDIA driver choose the actual starts.
`;

class UsageError extends Error {}

interface ParsedArgs {
  command?: string;
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

const OPTIONS = {
  model: { type: 'string' },
  config: { type: 'string' },
  strategy: { type: 'string' },
  gpus: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What an option token of `parseArgs` says (its `name`, and the value written after it or with `=`). */
interface OptionToken {
  name: string;
  value?: string;
  inlineValue?: boolean;
}

/** A `--name[=value]` option, checked here so every mistake gets this CLI's words and exit code. */
function readLongOption(parsed: ParsedArgs, token: OptionToken, arg: string): void {
  const { name, value } = token;
  if (!Object.prototype.hasOwnProperty.call(OPTIONS, name)) {
    throw new UsageError(`unknown option ${arg}`);
  }
  if (OPTIONS[name as keyof typeof OPTIONS].type === 'boolean') {
    if (token.inlineValue) throw new UsageError(`--${name} takes no value`);
    parsed.flags.add(name);
  } else {
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    parsed.options.set(name, value);
  }
}

/**
 * `parseArgs` reads `-1` or `-a-b` as short options (`-a-b` even as `-a -- -b`); this CLI has one,
 * `-h`, so any other word starting with one dash is an argument: it passes as a plain stand-in,
 * and every word is read back from `argv` by its index.
 */
const isDashWord = (word: string) => /^-[^-]/.test(word) && word !== '-h';

/**
 * The command, its arguments and options. `node:util` splits the words, not strictly (a value
 * option takes the next word whatever it is) so that each mistake gets this CLI's own words and
 * exit code; after `--` every word is an argument.
 */
function readArgs(argv: string[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], options: new Map(), flags: new Set() };
  const { tokens } = parseArgs({
    args: argv.map((word) => (isDashWord(word) ? 'argument' : word)),
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  let terminated = false;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') {
      terminated = true;
    } else if (token.kind === 'positional') {
      if (parsed.command === undefined && !terminated) parsed.command = argv[token.index];
      else parsed.positionals.push(argv[token.index]);
    } else if (token.rawName === '-h') {
      parsed.flags.add('help');
    } else {
      const value = token.inlineValue === false ? argv[token.index + 1] : token.value;
      readLongOption(parsed, { ...token, value }, argv[token.index]);
    }
  }
  return parsed;
}

function requireModel(args: ParsedArgs, io: CliIo): GpuModel | undefined {
  const query = args.options.get('model');
  if (query === undefined) throw new UsageError(`${args.command} needs --model`);
  const model = findModel(query);
  if (!model) {
    io.err(
      `Unknown GPU model '${query}'. Known models: ${listModels()
        .map((candidate) => candidate.id)
        .join(', ')}. Run 'gpu-partitioning models' for PCI ids and product names.\n`,
    );
  }
  return model;
}

function rejectExtra(args: ParsedArgs, allowed: number): void {
  if (args.positionals.length > allowed) {
    throw new UsageError(`unexpected argument '${args.positionals[allowed]}'`);
  }
}

/** An error's message as one short line: bad input never gets a stack trace. */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0].trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

// --- models -----------------------------------------------------------------------------------

function commandModels(args: ParsedArgs, io: CliIo): number {
  rejectExtra(args, 0);
  const models = listModels();
  if (args.flags.has('json')) {
    io.out(
      json(
        models.map((model) => ({
          id: model.id,
          displayName: model.displayName,
          architecture: model.architecture,
          pciDeviceIds: model.pciDeviceIds,
          gfdProducts: model.gfdProducts,
          totalMemoryMiB: model.totalMemoryMiB,
          computeSlices: model.computeSlices,
          placementUnits: model.placementUnits,
          confidence: model.confidence,
          profiles: model.profiles.map((profile) => profile.name),
        })),
      ),
    );
    return EXIT_OK;
  }
  const rows = [['MODEL', 'NAME', 'PCI IDS', 'SLICES', 'GRID', 'PROFILES', 'CONFIDENCE']];
  for (const model of models) {
    rows.push([
      model.id,
      shortModelName(model),
      model.pciDeviceIds.join(','),
      String(model.computeSlices),
      String(model.placementUnits),
      String(model.profiles.length),
      model.confidence,
    ]);
  }
  io.out(`${table(rows)}\n`);
  return EXIT_OK;
}

// --- profiles ---------------------------------------------------------------------------------

function formatPlacements(instances: { start: number; size: number }[]): string {
  if (instances.length === 0) return '-';
  const sizes = new Set(instances.map((slot) => slot.size));
  if (sizes.size === 1) {
    return `{${instances.map((slot) => slot.start).join(',')}}:${instances[0].size}`;
  }
  return instances.map((slot) => `${slot.start}:${slot.size}`).join(' ');
}

function profileJson(profile: MigProfile) {
  return {
    name: profile.name,
    computeSlices: profile.computeSlices,
    memorySlices: profile.memorySlices,
    memoryMiB: profile.memoryMiB,
    multiprocessors: profile.multiprocessors,
    maxInstances: profile.maxInstances,
    placements: profile.placements,
    placementSize: profile.placementSize,
    resourceName: profile.resourceName,
    giProfileId: profile.giProfileId,
    engines: profile.engines,
    attributes: profile.attributes,
    confidence: profile.confidence,
    unconfirmed: profile.unconfirmed,
    notes: profile.notes,
  };
}

function commandProfiles(args: ParsedArgs, io: CliIo): number {
  rejectExtra(args, 0);
  const model = requireModel(args, io);
  if (!model) return EXIT_INVALID;
  if (args.flags.has('json')) {
    io.out(json(model.profiles.map(profileJson)));
    return EXIT_OK;
  }
  const rows = [['PROFILE', 'SLICES', 'MEMORY', 'MiB', 'SMs', 'MAX', 'PLACEMENTS', 'CONFIDENCE']];
  for (const profile of model.profiles) {
    rows.push([
      profile.name,
      String(profile.computeSlices),
      `${profile.placementSize}/${model.placementUnits}`,
      String(profile.memoryMiB),
      profile.multiprocessors > 0 ? String(profile.multiprocessors) : '?',
      String(profile.maxInstances),
      formatPlacements(profile.placements),
      profile.confidence,
    ]);
  }
  io.out(
    `${model.displayName} (${model.id}): ${model.computeSlices} compute slices, ${model.placementUnits}-unit placement grid, confidence ${model.confidence}\n`,
  );
  io.out(`${table(rows)}\n`);
  const unsure = model.profiles.filter((profile) => profile.unconfirmed.length > 0);
  for (const profile of unsure) {
    io.out(`  ${profile.name}: unconfirmed ${profile.unconfirmed.join('; ')}\n`);
  }
  return EXIT_OK;
}

// --- layout -----------------------------------------------------------------------------------

/** `1g.10gb=2,3g.40gb=1` (also `1g.10gb:2`, several arguments, or a bare name for 1). */
function parseCountsSpec(parts: string[]): ProfileCounts {
  const counts: ProfileCounts = {};
  const items = parts
    .flatMap((part) => part.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new UsageError('layout needs instances, e.g. 1g.10gb=2,3g.40gb=1');
  for (const item of items) {
    const match = /^([^=:\s]+)(?:[=:](\d+))?$/.exec(item);
    if (!match) throw new UsageError(`cannot read '${item}': write PROFILE=COUNT, e.g. 1g.10gb=2`);
    const count = match[2] === undefined ? 1 : Number(match[2]);
    setOwn(counts, match[1], (hasOwn(counts, match[1]) ? counts[match[1]] : 0) + count);
  }
  return counts;
}

function instanceLabel(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < letters.length ? letters[index] : `I${index}`;
}

const CELL = 6;

/** A text slice map: one cell per grid unit, instances spanning their units. */
export function renderSliceMap(model: GpuModel, instances: PlacedInstance[]): string {
  const units = model.placementUnits;
  const header = Array.from({ length: units }, (_, unit) => String(unit).padEnd(CELL)).join('|');
  const cells: string[] = [];
  let unit = 0;
  const sorted = [...instances].sort((a, b) => a.start - b.start);
  while (unit < units) {
    const index = sorted.findIndex((instance) => instance.start === unit);
    if (index >= 0) {
      const instance = sorted[index];
      const width = instance.size * CELL + (instance.size - 1);
      const full = `${instanceLabel(index)} ${instance.profile}`;
      cells.push((full.length <= width ? full : instanceLabel(index)).padEnd(width));
      unit += Math.max(1, instance.size);
    } else {
      cells.push('.'.padEnd(CELL));
      unit += 1;
    }
  }
  const legend = sorted.map(
    (instance, index) =>
      `  ${instanceLabel(index)} = ${instance.profile}: ${instance.size === 1 ? `unit ${instance.start}` : `units ${instance.start}-${instance.start + instance.size - 1}`}, ${instance.computeSlices} compute slice${instance.computeSlices === 1 ? '' : 's'}`,
  );
  const used = new Set(
    sorted.flatMap((instance) =>
      Array.from({ length: instance.size }, (_, k) => instance.start + k),
    ),
  );
  const free = Array.from({ length: units }, (_, k) => k).filter((k) => !used.has(k));
  return [
    `unit |${header}|`,
    `     |${cells.join('|')}|`,
    ...legend,
    `  free units: ${free.length === 0 ? 'none' : free.join(', ')}`,
  ].join('\n');
}

function commandLayout(args: ParsedArgs, io: CliIo): number {
  const model = requireModel(args, io);
  const counts = parseCountsSpec(args.positionals);
  if (!model) return EXIT_INVALID;
  const layout = placeInstances(model, counts);
  if (args.flags.has('json')) {
    io.out(
      json({
        valid: layout.valid,
        predicted: true,
        model: model.id,
        placements: layout.instances,
        reasons: layout.problems.map((problem) => layoutProblemText(englishT, problem)),
        warnings: layoutWarningTexts(layout),
        computeSlicesUsed: layout.computeSlicesUsed,
        computeSlices: model.computeSlices,
        unitsUsed: layout.unitsUsed,
        placementUnits: model.placementUnits,
      }),
    );
    return layout.valid ? EXIT_OK : EXIT_INVALID;
  }
  io.out(`${describeLayout(model, layout)}\n`);
  return layout.valid ? EXIT_OK : EXIT_INVALID;
}

/** The CLI says everything in the page's English words (locales/en), from the engine's data. */
const layoutWarningTexts = (layout: LayoutResult): string[] =>
  layout.warnings.map((warning) => layoutWarningText(englishT, warning));
const issueText = (issue: ConfigIssue): string => configIssueText(englishT, issue);

function describeLayout(model: GpuModel, layout: LayoutResult, indent = ''): string {
  const lines: string[] = [];
  if (layout.valid) {
    lines.push(
      `Valid on ${shortModelName(model)}: ${layout.computeSlicesUsed}/${model.computeSlices} compute slices, ${layout.unitsUsed}/${model.placementUnits} grid units.`,
      'Predicted placement (mig-parted lets the driver choose the actual starts):',
      renderSliceMap(model, layout.instances),
    );
  } else {
    lines.push(`Invalid on ${shortModelName(model)}:`);
    for (const problem of layout.problems)
      lines.push(`  - ${layoutProblemText(englishT, problem)}`);
  }
  for (const warning of layoutWarningTexts(layout)) lines.push(`  ! ${warning}`);
  return lines.map((line) => line.replace(/^/gm, indent)).join('\n');
}

// --- validate ---------------------------------------------------------------------------------

function readErrorMessage(file: string, error: unknown): string {
  if (error instanceof InputTooLargeError) {
    const size =
      error.bytes === undefined
        ? 'more than 1 MiB, the most'
        : `${error.bytes} bytes, more than the 1 MiB (${MAX_INPUT_BYTES} bytes)`;
    return `Refusing ${file}: it holds ${size} a ConfigMap can hold, so the GPU operator could never give it to mig-parted`;
  }
  return `Cannot read ${file}: ${oneLine(error)}`;
}

function formatIssue(issue: ConfigIssue): string {
  const where = issue.line !== undefined ? `line ${issue.line}: ` : '';
  return `${issue.severity === 'error' ? 'error' : 'warning'}: ${where}${issueText(issue)}`;
}

function parseStrategy(value: string | undefined): MigStrategy {
  if (value === undefined) return 'mixed';
  if (value === 'single' || value === 'mixed' || value === 'none') return value;
  throw new UsageError(`--strategy must be single, mixed or none, not '${value}'`);
}

function parseGpuCount(value: string | undefined): number {
  if (value === undefined) return 1;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    throw new UsageError(`--gpus must be a whole number from 1 to 64, not '${value}'`);
  }
  return count;
}

function predictionJson(prediction: ConfigPrediction) {
  return {
    name: prediction.configName,
    applicable: prediction.applicable,
    gpus: prediction.gpus.map((gpu) => ({
      index: gpu.index,
      entryIndex: gpu.entryIndex ?? null,
      verdict: gpu.verdict,
      migEnabled: gpu.migEnabled,
      counts: gpu.counts,
      placements: gpu.layout?.instances ?? [],
    })),
    resources: prediction.advertisement?.resources ?? null,
    errors: prediction.errors.map(issueText),
    warnings: prediction.warnings.map(issueText),
  };
}

function describePrediction(model: GpuModel, prediction: ConfigPrediction): string {
  const mark = prediction.applicable ? 'valid' : 'INVALID';
  const lines = [`${prediction.configName}: ${mark}`];
  for (const gpu of prediction.gpus) {
    const entry = gpu.entryIndex === undefined ? 'no entry' : `entry #${gpu.entryIndex}`;
    if (!gpu.migEnabled) {
      lines.push(`  GPU ${gpu.index} (${entry}): MIG ${gpu.untouched ? 'unchanged, off' : 'off'}`);
    } else if (gpu.layout && gpu.layout.valid && gpu.layout.instances.length > 0) {
      lines.push(`  GPU ${gpu.index} (${entry}):`);
      lines.push(renderSliceMap(model, gpu.layout.instances).replace(/^/gm, '    '));
    } else {
      const counts = Object.entries(gpu.counts)
        .map(([profile, count]) => `${profile}×${count}`)
        .join(', ');
      lines.push(`  GPU ${gpu.index} (${entry}): MIG on, ${counts || 'no instances'}`);
    }
  }
  if (prediction.advertisement && prediction.applicable) {
    const resources = Object.entries(prediction.advertisement.resources)
      .map(([name, count]) => `${name}=${count}`)
      .join(', ');
    lines.push(`  node advertises: ${resources || 'no GPU resources'}`);
  }
  for (const issue of prediction.errors) lines.push(`  - ${issueText(issue)}`);
  for (const issue of prediction.warnings) lines.push(`  ! ${issueText(issue)}`);
  return lines.join('\n');
}

/** The GPU `validate` checks: the PCI id asked for when the model has it, else the model's first. */
function queriedDeviceId(query: string, model: GpuModel): string {
  const pciQuery = /^(0x)?[0-9a-f]{4}([0-9a-f]{4})?$/i.test(query)
    ? normalizeDeviceId(query)
    : undefined;
  return pciQuery && model.pciDeviceIds.includes(pciQuery) ? pciQuery : model.pciDeviceIds[0];
}

interface ValidationReport {
  file: string;
  model: GpuModel;
  deviceId: string;
  gpuCount: number;
  strategy: MigStrategy;
  /** The named config asked for with --config. */
  wanted?: string;
  parsed: MigPartedParseResult;
  predictions: ConfigPrediction[];
  ok: boolean;
}

/** The file judged for the node: every named config (or the one asked for) predicted on it. */
function judgeFile(
  report: Omit<ValidationReport, 'predictions' | 'ok' | 'parsed'>,
  text: string,
): ValidationReport {
  const { model, deviceId, gpuCount, strategy, wanted } = report;
  const parsed = parseMigPartedConfig(text);
  const product = model.gfdProducts[0] ?? model.displayName;
  const gpus = Array.from({ length: gpuCount }, (_, index) => ({ index, deviceId, model }));
  const config = parsed.config;
  const selected = wanted !== undefined ? [wanted] : config ? listConfigNames(config) : [];
  const predictions = config
    ? selected.map((configName) =>
        predictNodeAfterConfig({ config, configName, strategy, product, gpus }),
      )
    : [];
  const rejected = wanted !== undefined && parsed.rejectedConfigNames.includes(wanted);
  const ok =
    parsed.accepted &&
    !rejected &&
    (wanted !== undefined
      ? predictions.every((prediction) => prediction.applicable)
      : predictions.some((prediction) => prediction.applicable));
  return { ...report, parsed, predictions, ok };
}

function validationJson(report: ValidationReport) {
  const { file, ok, parsed, model, deviceId, gpuCount, strategy, predictions } = report;
  return {
    file,
    valid: ok,
    accepted: parsed.accepted,
    model: model.id,
    deviceId,
    gpus: gpuCount,
    strategy,
    issues: parsed.issues.map((issue) => ({
      severity: issue.severity,
      code: issue.code,
      message: issueText(issue),
      line: issue.line ?? null,
      configName: issue.configName ?? null,
      entryIndex: issue.entryIndex ?? null,
      profile: issue.profile ?? null,
    })),
    configs: predictions.map(predictionJson),
  };
}

function printValidation(io: CliIo, report: ValidationReport): void {
  const { file, parsed, model, deviceId, gpuCount, strategy, predictions, wanted } = report;
  io.out(
    `${file}: ${parsed.accepted ? 'mig-parted accepts the file' : 'mig-parted REJECTS the file: every named config in it fails'}\n`,
  );
  for (const issue of parsed.issues) io.out(`  ${formatIssue(issue)}\n`);
  io.out(
    `Checking for ${gpuCount} × ${shortModelName(model)} (${deviceId}), strategy ${strategy}:\n\n`,
  );
  for (const prediction of predictions) io.out(`${describePrediction(model, prediction)}\n\n`);
  if (wanted === undefined && parsed.config) {
    const valid = predictions.filter((prediction) => prediction.applicable).length;
    io.out(`${valid} of ${predictions.length} named configs can be applied to this node.\n`);
  }
}

function commandValidate(args: ParsedArgs, io: CliIo): number {
  rejectExtra(args, 1);
  const file = args.positionals[0];
  if (file === undefined) throw new UsageError('validate needs a FILE (a mig-parted config YAML)');
  const strategy = parseStrategy(args.options.get('strategy'));
  const gpuCount = parseGpuCount(args.options.get('gpus'));
  const model = requireModel(args, io);
  if (!model) return EXIT_INVALID;
  let text: string;
  try {
    text = io.readFile(file, MAX_INPUT_BYTES);
  } catch (error) {
    io.err(`${readErrorMessage(file, error)}\n`);
    return EXIT_INVALID;
  }
  const deviceId = queriedDeviceId(args.options.get('model')!, model);
  const wanted = args.options.get('config');
  const report = judgeFile({ file, model, deviceId, gpuCount, strategy, wanted }, text);
  if (args.flags.has('json')) io.out(json(validationJson(report)));
  else printValidation(io, report);
  return report.ok ? EXIT_OK : EXIT_INVALID;
}

// --- entry ------------------------------------------------------------------------------------

const COMMANDS: Record<string, (args: ParsedArgs, io: CliIo) => number> = {
  models: commandModels,
  profiles: commandProfiles,
  layout: commandLayout,
  validate: commandValidate,
};

export function runCli(argv: string[], io: CliIo): number {
  try {
    const args = readArgs(argv);
    if (args.command === 'help' || args.flags.has('help')) {
      io.out(USAGE);
      return EXIT_OK;
    }
    if (args.command === undefined) throw new UsageError('no command given');
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, args.command)
      ? COMMANDS[args.command]
      : undefined;
    if (!command) throw new UsageError(`unknown command '${args.command}'`);
    return command(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`gpu-partitioning: ${error.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    io.err(`gpu-partitioning: unexpected error: ${oneLine(error)}\n`);
    return EXIT_INVALID;
  }
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: readFileAtMost,
};

/** Entry point used by bin/gpu-partitioning.mjs. */
export function main(argv: string[] = process.argv.slice(2)): number {
  return runCli(argv, processIo);
}
