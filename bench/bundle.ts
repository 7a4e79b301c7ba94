/**
 * Bundle size benchmark: builds the production plugin bundle with the root `webpack.config.ts`
 * (into a temporary directory, so `dist/` and a running dev server are untouched) and prints the
 * total JavaScript, the initial JavaScript (the plugin entry plus the chunks the console loads for
 * the `GpuPartitioningPage` exposed module), raw and gzipped (zlib, level 9), and the largest
 * modules (sizes as webpack reports them: source size before minification). Prints figures; never
 * asserts.
 *
 *   npx tsx bench/bundle.ts            # build, then report
 *   npx tsx bench/bundle.ts --dist dist  # report on an existing production build's files only
 *   npx tsx bench/bundle.ts --stats-json /tmp/stats.json  # also keep webpack's stats
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Configuration, StatsCompilation, StatsModule } from 'webpack';

const EXPOSED_PAGE = 'GpuPartitioningPage';
const TOP_MODULES = 15;

type Size = { raw: number; gzip: number };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const fmt = (size: Size) => `${kb(size.raw)} (${kb(size.gzip)} gzipped)`;

const sizeOf = (dir: string, files: string[]): Size =>
  files.reduce<Size>(
    (sum, file) => {
      const content = readFileSync(join(dir, file));
      return {
        raw: sum.raw + content.length,
        gzip: sum.gzip + gzipSync(content, { level: 9 }).length,
      };
    },
    { raw: 0, gzip: 0 },
  );

const isJs = (file: string) => file.endsWith('.js');

const build = async (outputPath: string): Promise<{ stats: StatsCompilation; ms: number }> => {
  process.env.NODE_ENV = 'production';
  // Imported after NODE_ENV is set: the config reads it at load time.
  const { default: webpack } = await import('webpack');
  const { default: baseConfig } = (await import('../webpack.config')) as {
    default: Configuration & { devServer?: unknown };
  };
  const config: Configuration = {
    ...baseConfig,
    output: { ...baseConfig.output, path: outputPath },
  };
  delete (config as { devServer?: unknown }).devServer;
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats || stats.hasErrors()) {
        return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'build failed'));
      }
      resolvePromise({
        ms: performance.now() - started,
        stats: stats.toJson({
          all: false,
          assets: true,
          chunks: true,
          chunkGroups: true,
          chunkGroupChildren: true,
          modules: true,
          nestedModules: true,
          entrypoints: true,
          ids: true,
        }),
      });
    });
  });
};

/** Leaf modules (a concatenated module's parts, not the concatenation itself), with their chunks. */
const leafModules = (modules: StatsModule[] = [], chunks?: StatsModule['chunks']): StatsModule[] =>
  modules
    // Real modules only: not the "orphan modules" / "runtime modules" groups webpack adds.
    .filter((module) => module.type === 'module' && !module.orphan)
    .flatMap((module) =>
      module.modules?.length
        ? leafModules(module.modules, module.chunks?.length ? module.chunks : chunks)
        : [{ ...module, chunks: module.chunks?.length ? module.chunks : chunks }],
    );

const shortName = (name = '') =>
  name
    .replace(/^\.\//, 'src/')
    .replace(/^.*node_modules\//, 'node_modules/')
    .replace(/ \+ \d+ modules$/, '');

const packageOf = (name: string) => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name);
  return match ? match[1] : '(plugin source)';
};

/** The three biggest packages (by source size) in the chunk that produced `file`. */
const chunkContents = (stats: StatsCompilation | undefined, file: string): string => {
  const chunk = stats?.chunks?.find((candidate) => candidate.files?.includes(file));
  if (!chunk || chunk.id === undefined) return '';
  const packages = new Map<string, number>();
  for (const module of leafModules(stats?.modules).filter((leaf) =>
    leaf.chunks?.includes(chunk.id!),
  )) {
    const key = packageOf(module.nameForCondition || module.name || module.identifier || '');
    packages.set(key, (packages.get(key) ?? 0) + (module.size ?? 0));
  }
  const top = [...packages.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return top.length ? ` — ${top.map(([name, size]) => `${name} ${kb(size)}`).join(', ')}` : '';
};

const report = (dir: string, stats?: StatsCompilation, buildMs?: number) => {
  const files = readdirSync(dir);
  const js = files.filter(isJs);
  const entry = js.filter((file) => file.startsWith('plugin-entry'));
  const lines: string[] = [];
  if (buildMs !== undefined) lines.push(`production build: ${(buildMs / 1000).toFixed(1)} s`);
  lines.push(`total JavaScript: ${fmt(sizeOf(dir, js))} in ${js.length} files`);

  // What the console fetches to show the page: the entry (container) script, then the chunks of
  // the exposed module's chunk group. Without stats, the chunk named after the exposed module.
  let pageFiles: string[];
  const group = stats?.namedChunkGroups?.[`exposed-${EXPOSED_PAGE}`];
  if (group?.assets) {
    pageFiles = group.assets.map((asset) => asset.name).filter(isJs);
  } else {
    pageFiles = js.filter((file) => file.startsWith(`exposed-${EXPOSED_PAGE}`));
  }
  const initial = [...new Set([...entry, ...pageFiles])];
  lines.push(
    `initial JavaScript for the ${EXPOSED_PAGE} page: ${fmt(sizeOf(dir, initial))} in ${initial.length} files`,
  );
  lines.push(`  plugin entry: ${fmt(sizeOf(dir, entry))}`);
  for (const file of pageFiles) {
    lines.push(`  ${file}: ${fmt(sizeOf(dir, [file]))}${chunkContents(stats, file)}`);
  }

  const rest = js.filter((file) => !initial.includes(file));
  if (rest.length) {
    lines.push(
      `not in the page's chunk group (NodeGpuTab, lazy chunks, PatternFly shared-module fallbacks the console provides): ${fmt(sizeOf(dir, rest))}`,
    );
  }

  if (stats?.modules) {
    const leaves = leafModules(stats.modules).filter(
      (module) => module.moduleType !== 'runtime' && typeof module.size === 'number',
    );
    const byName = new Map<string, number>();
    for (const module of leaves) {
      const name = shortName(module.nameForCondition || module.name || module.identifier);
      byName.set(name, Math.max(byName.get(name) ?? 0, module.size ?? 0));
    }
    const sourceTotal = [...byName.values()].reduce((a, b) => a + b, 0);
    lines.push(
      `largest modules (of ${byName.size}, ${kb(sourceTotal)} of source before minification):`,
    );
    [...byName.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP_MODULES)
      .forEach(([name, size]) => lines.push(`  ${kb(size).padStart(10)}  ${name}`));

    // node_modules packages actually bundled (shared modules such as React and PatternFly are
    // provided by the console and should not be here).
    const packages = new Map<string, number>();
    for (const [name, size] of byName) {
      packages.set(packageOf(name), (packages.get(packageOf(name)) ?? 0) + size);
    }
    lines.push('source by package:');
    [...packages.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .forEach(([name, size]) => lines.push(`  ${kb(size).padStart(10)}  ${name}`));
  }
  return lines;
};

const main = async () => {
  const { values } = parseArgs({
    options: { dist: { type: 'string' }, 'stats-json': { type: 'string' } },
    strict: true,
  });
  if (values.dist) {
    report(resolve(values.dist)).forEach((line) => console.log(line));
    return;
  }
  const outputPath = mkdtempSync(join(tmpdir(), 'gpu-partitioning-bundle-'));
  try {
    const { stats, ms } = await build(outputPath);
    if (values['stats-json']) writeFileSync(values['stats-json'], JSON.stringify(stats));
    report(outputPath, stats, ms).forEach((line) => console.log(line));
  } finally {
    rmSync(outputPath, { recursive: true, force: true });
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
