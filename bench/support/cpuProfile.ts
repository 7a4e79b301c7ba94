/**
 * Reading a Chromium CPU profile (CDP `Profiler.stop`): self time per function, split into the
 * plugin's own code and the rest. Development only (benches).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  timeDeltas: number[];
}

export type FrameClassifier = (frame: CallFrame) => boolean;

/** Not JavaScript: the profiler's own entries. */
const PSEUDO_FRAMES = new Set(['(idle)', '(program)', '(root)', '(garbage collector)']);

/** Self time (ms) per profile node: each sample owns the time until the next one. */
const selfTimeByNode = (profile: CpuProfile): Map<number, number> => {
  const self = new Map<number, number>();
  for (let index = 0; index < profile.samples.length; index++) {
    const delta = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const node = profile.samples[index];
    self.set(node, (self.get(node) ?? 0) + delta);
  }
  return self;
};

/** JavaScript self time in all and in the plugin's code, and garbage collection, in ms. */
export const selfTimes = (profile: CpuProfile, isPlugin: FrameClassifier) => {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  let scripting = 0;
  let plugin = 0;
  let gc = 0;
  for (const [id, time] of selfTimeByNode(profile)) {
    const frame = frames.get(id)!;
    if (frame.functionName === '(garbage collector)') gc += time;
    if (PSEUDO_FRAMES.has(frame.functionName)) continue;
    scripting += time;
    if (isPlugin(frame)) plugin += time;
  }
  return { scripting, plugin, gc };
};

/** A few lines: totals, then the functions with the most self time (PLUGIN marks ours). */
export const profileSummary = (profile: CpuProfile, isPlugin: FrameClassifier, top: number) => {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, { time: number; plugin: boolean }>();
  for (const [id, time] of selfTimeByNode(profile)) {
    const frame = frames.get(id)!;
    if (frame.functionName === '(idle)' || frame.functionName === '(root)') continue;
    const file = frame.url.slice(frame.url.lastIndexOf('/') + 1).slice(0, 60);
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    const entry = byFunction.get(key) ?? { time: 0, plugin: isPlugin(frame) };
    entry.time += time;
    byFunction.set(key, entry);
  }
  const totals = selfTimes(profile, isPlugin);
  const lines = [
    `JavaScript ${Math.round(totals.scripting)} ms, of which plugin ${Math.round(totals.plugin)} ms; ` +
      `garbage collection ${Math.round(totals.gc)} ms`,
  ];
  for (const [key, { time, plugin }] of [...byFunction].sort((a, b) => b[1].time - a[1].time)) {
    if (lines.length > top) break;
    lines.push(`${String(Math.round(time)).padStart(6)} ms ${plugin ? 'PLUGIN ' : ''}${key}`);
  }
  return lines.join('\n');
};

/**
 * For a development bundle with source maps (the demo host's): a frame is the plugin's when the
 * source map places the function's first line in a source `isOurs` accepts.
 */
export const sourceMapClassifier = (
  bundleDir: string,
  isOurs: (source: string) => boolean,
): FrameClassifier => {
  const consumers = new Map<string, SourceMapConsumer | undefined>();
  const verdicts = new Map<string, boolean>();
  const consumerFor = (url: string) => {
    const file = url.slice(url.lastIndexOf('/') + 1).split('?')[0];
    if (!consumers.has(file)) {
      const mapFile = join(bundleDir, `${file}.map`);
      consumers.set(
        file,
        existsSync(mapFile)
          ? new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8')))
          : undefined,
      );
    }
    return consumers.get(file);
  };
  return (frame) => {
    if (!frame.url) return false;
    const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      const source = consumerFor(frame.url)?.originalPositionFor({
        line: frame.lineNumber + 1,
        column: frame.columnNumber,
      }).source;
      verdict = source ? isOurs(source) : false;
      verdicts.set(key, verdict);
    }
    return verdict;
  };
};
