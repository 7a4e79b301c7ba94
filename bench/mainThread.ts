/**
 * Main-thread figures of the GPU Partitioning pages on a large sandbox cluster, in the real
 * OpenShift console and in the demo host, measured in one run against one sandbox:
 *
 * - page loads: a fresh browser context opens the page and waits `--window` seconds (20 by
 *   default); the figure is the page's long tasks (> 50 ms, the browser's Long Tasks API) that
 *   started in that window: their total, their count and the longest. In the real console the
 *   console's own Projects page is measured the same way, interleaved with the plugin's pages, as
 *   the yardstick (plugin ÷ Projects; on the sandbox, which serves no projects API, that page is
 *   the console's shell with an empty list), the console's own Nodes list (1,003 nodes) and its
 *   Pods list in all namespaces (the 9,000 pods our pages also watch) as console pages that hold as
 *   much in the console's store as ours do. Also the first data row (as `bench/browser.ts` marks it)
 *   and the JS heap after a forced garbage collection at the end of the window;
 * - one burst of watch events: the Nodes tab filtered to the last GPU node, its row expanded (the
 *   strategy label is in the row's details), then the
 *   `nvidia.com/mig.strategy` label of every GPU node rewritten in the sandbox's store in one go
 *   (one MODIFIED event per node, name order, so the filtered node comes last). Figures: wall
 *   clock from the burst to the page showing the last node's new value, and from the last node's
 *   watch message reaching the page (a wrapped WebSocket records it) to the page showing it (the
 *   console applies watch events in bulk every 500 ms, so up to 500 ms of that is the console's
 *   wait); the long tasks in between; and, in a second burst under the CPU profiler, the self time
 *   of the plugin's own code (in the real console: every function served from the plugin's URL
 *   path, its bundled libraries included; in the demo host: functions whose source map says
 *   `src/`).
 *
 * `--profile` also records a CPU profile of each page load and prints the functions with the
 * most self time; `--call-counts` counts the calls of the plugin's functions instead (precise
 * coverage: a function called far more often than its data changes is the suspect). Prints figures; never asserts on time (the machine is shared): read the load
 * average printed with each figure, and the ratios measured in the same run.
 *
 *   npx tsx bench/mainThread.ts [--target both|real|host] [--scenario large] [--runs 1]
 *     [--window 20] [--dist DIR] [--host-bundle DIR] [--build] [--profile] [--port-base 9950]
 *     [--no-burst] [--screenshots DIR] [--call-counts]
 *
 * `--dist` is a production plugin build (default `dist/`, built when missing or with `--build`);
 * `--host-bundle` a demo-host bundle (default a fresh one in a temporary directory, or
 * `host/dist` when it exists and `--build` is not given).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { buildHostBundle, hostBundleExists, HOST_DIST } from '../host/build';
import { startDemo, type RunningDemo } from '../host/demo';
import { findRealConsole, startRealConsole, type RunningRealConsole } from '../host/realConsole';
import {
  buildPluginDist,
  PLUGIN_DIST,
  startStaticServer,
  type RunningStaticServer,
} from '../host/realConsoleDemo';
import { startSandbox, type RunningSandbox } from '../sandbox/server';
import {
  profileSummary,
  selfTimes,
  sourceMapClassifier,
  type CpuProfile,
  type FrameClassifier,
} from './support/cpuProfile';

const STRATEGY_LABEL = 'nvidia.com/mig.strategy';
const STRATEGY_DETAIL = '[data-test="node-strategy"]';
const STRATEGY_COLUMN = 'td[data-label="Strategy"]';
const PLUGIN_PATH = '/api/plugins/gpu-partitioning-plugin/';
// Generous: on two cores shared by a dozen processes the console's first load alone can take minutes.
const TIMEOUT_MS = 600_000;

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Runs in every page before its scripts: long tasks, the first data row of the Overview and of
 * the Nodes tab, and the arrival of watch messages naming a node (`window.benchWatchFor`).
 * A string, not a function: tsx would wrap inner functions in a helper the page lacks.
 */
const INSTRUMENT_PAGE = `(() => {
  window.benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.benchLongTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {}
  window.benchMarks = {};
  const firstRow = (table, text) => () =>
    Array.from(document.querySelectorAll('table[aria-label="' + table + '"] tbody tr')).some(
      (row) => !text || (row.textContent || '').includes(text),
    );
  const checks = [
    { name: 'overview', test: firstRow('MIG instances per profile') },
    { name: 'nodes', test: firstRow('GPU nodes', 'gpu-node-') },
    { name: 'consoleList', test: () => !!document.querySelector('[data-test-rows="resource-row"], .co-m-pane__body table tbody tr, table tbody tr') },
  ];
  new MutationObserver(() => {
    for (const { name, test } of checks) {
      if (window.benchMarks[name] === undefined && test()) window.benchMarks[name] = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
  window.benchWatch = { count: 0, last: undefined, lastMatch: undefined };
  // The console (and the demo host's SDK) apply buffered watch events on a 500 ms interval: note
  // when each such tick starts while a burst is measured.
  window.benchFlushTicks = [];
  const nativeSetInterval = window.setInterval;
  window.setInterval = function (callback, delay, ...rest) {
    if (delay !== 500 || typeof callback !== 'function') return nativeSetInterval.call(this, callback, delay, ...rest);
    return nativeSetInterval.call(this, function (...args) {
      if (window.benchWatchFor) window.benchFlushTicks.push(performance.now());
      return callback.apply(this, args);
    }, delay, ...rest);
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const now = performance.now();
        window.benchWatch.count += 1;
        window.benchWatch.last = now;
        if (window.benchWatchFor && typeof event.data === 'string' && event.data.includes(window.benchWatchFor)) {
          window.benchWatch.lastMatch = now;
        }
      });
    }
  };
})();`;

type PageWindow = {
  benchLongTasks: [number, number][];
  benchFlushTicks: number[];
  benchMarks: Record<string, number>;
  benchWatch: { count: number; last?: number; lastMatch?: number };
  benchWatchFor?: string;
  benchDone?: number;
};

type LongTasks = { total: number; count: number; longest: number };

const longTasksBetween = (tasks: [number, number][], from: number, to: number): LongTasks => {
  const inside = tasks.filter(([start]) => start >= from && start < to);
  return {
    total: inside.reduce((sum, [, duration]) => sum + duration, 0),
    count: inside.length,
    longest: inside.reduce((max, [, duration]) => Math.max(max, duration), 0),
  };
};

const describeTasks = (tasks: LongTasks) =>
  `${ms(tasks.total)} in ${tasks.count} long tasks, longest ${ms(tasks.longest)}`;

const heapAfterGc = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN;
};

/**
 * CPU time of the page's main thread so far (CDP `Performance` ThreadTime), in ms: unlike the
 * long tasks' wall-clock durations, not stretched by the waits for a core on a loaded machine.
 */
const mainThreadClock = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? NaN) * 1000;
  };
};

/** The plugin functions this bench counts the calls of (`--call-counts`), besides the busiest. */
const COUNTED = new Set([
  'readGpuLabels',
  'nodeLabels',
  'buildGpuNodeView',
  'gpuPodUsage',
  'groupGpuPodsByNode',
  'summarizeCluster',
  'resolveMigConfigSources',
  'useGpuNodeViews',
  'useNodeViewIndex',
  'useNodeViewCache',
  'update',
  'group',
  'summarize',
  'sortNodes',
  'filterNodes',
  'filterOptions',
  'planProfileRequest',
  'GpuPartitioningPage',
  'NodesTab',
  'NodesTable',
  'OverviewTab',
]);

/**
 * Counts calls per function (CDP precise coverage) from now until the returned function is
 * called: the functions named in COUNTED, and the plugin's busiest (from the plugin's URL path,
 * in the real console).
 */
const startCallCounts = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  return async (): Promise<string> => {
    const { result } = await cdp.send('Profiler.takePreciseCoverage');
    await cdp.send('Profiler.stopPreciseCoverage');
    await cdp.detach();
    const counts = new Map<string, number>();
    for (const script of result) {
      const ours = script.url.includes(PLUGIN_PATH);
      for (const fn of script.functions) {
        const calls = fn.ranges[0]?.count ?? 0;
        if (calls === 0 || !fn.functionName) continue;
        if (!COUNTED.has(fn.functionName) && !(ours && calls >= 2000)) continue;
        const key = `${fn.functionName}${ours ? '' : ' (not from the plugin URL)'}`;
        counts.set(key, (counts.get(key) ?? 0) + calls);
      }
    }
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40)
      .map(([name, calls]) => `${String(calls).padStart(9)} ${name}`)
      .join('\n');
  };
};

const startProfiler = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  return async (): Promise<CpuProfile> => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    return profile as CpuProfile;
  };
};

interface Target {
  name: string;
  url: string;
  /** Pages to load, by label and path. */
  pages: { label: string; path: string; mark: string }[];
  /** Whether a profile frame is the plugin's own code. */
  isPlugin: FrameClassifier;
  context(browser: Browser): Promise<BrowserContext>;
}

interface PageFigures {
  label: string;
  tasks: LongTasks;
  /** Main-thread CPU time in the window. */
  cpu: number;
  firstRow?: number;
  heap: number;
  load: string;
}

const measurePageLoad = async (
  browser: Browser,
  target: Target,
  page: Target['pages'][number],
  windowMs: number,
  profile: boolean,
  screenshots?: string,
  callCounts = false,
): Promise<PageFigures> => {
  const context = await target.context(browser);
  const tab = await context.newPage();
  const stopProfiler = profile ? await startProfiler(tab) : undefined;
  const stopCounting = callCounts ? await startCallCounts(tab) : undefined;
  await tab.goto(target.url + page.path, { waitUntil: 'commit' });
  const cpuTime = await mainThreadClock(tab);
  const cpuStart = await cpuTime();
  await tab.waitForTimeout(windowMs);
  const cpu = (await cpuTime()) - cpuStart;
  const profiled = await stopProfiler?.();
  const counted = await stopCounting?.();
  if (counted) {
    console.log(`  calls, ${target.name} ${page.label} (${windowMs / 1000} s):`);
    console.log(counted.replace(/^/gm, '    '));
  }
  if (screenshots) {
    const file = join(screenshots, `${target.name}-${page.label}.png`.replace(/\s+/g, '-'));
    await tab.screenshot({ path: file });
  }
  const { tasks, marks } = await tab.evaluate(() => {
    const w = window as unknown as PageWindow;
    return { tasks: w.benchLongTasks, marks: w.benchMarks };
  });
  const figures: PageFigures = {
    label: page.label,
    tasks: longTasksBetween(tasks, 0, windowMs),
    cpu,
    heap: await heapAfterGc(tab),
    load: load(),
  };
  if (marks[page.mark] !== undefined) figures.firstRow = marks[page.mark];
  if (profiled) {
    console.log(`  CPU profile, ${target.name} ${page.label} (${windowMs / 1000} s):`);
    console.log(profileSummary(profiled, target.isPlugin, 15).replace(/^/gm, '    '));
  }
  await context.close();
  return figures;
};

/** Waits until the page has had no long task for `quietMs` (the lists and pods have arrived). */
const waitUntilQuiet = async (page: Page, quietMs: number, maxMs: number) => {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const idleFor = await page.evaluate(() => {
      const w = window as unknown as PageWindow;
      const last = w.benchLongTasks[w.benchLongTasks.length - 1];
      return performance.now() - (last ? last[0] + last[1] : 0);
    });
    if (idleFor >= quietMs) return;
    await page.waitForTimeout(500);
  }
};

interface BurstFigures {
  events: number;
  storeMs: number;
  toShown: number;
  lastMessageToShown?: number;
  /** From the start of the 500 ms flush that applied the last event. */
  flushToShown?: number;
  tasks: LongTasks;
  /** Main-thread CPU time from the burst to a second after the page showed it. */
  cpu: number;
  pluginSelfMs?: number;
  scriptingMs?: number;
  heapBefore: number;
  heapAfter: number;
  load: string;
}

const burst = async (
  browser: Browser,
  target: Target,
  sandbox: RunningSandbox,
  gpuNodes: string[],
  profile: boolean,
): Promise<BurstFigures> => {
  const lastNode = gpuNodes[gpuNodes.length - 1];
  const context = await target.context(browser);
  const page = await context.newPage();
  await page.goto(`${target.url}/gpu-partitioning?tab=nodes&name=${encodeURIComponent(lastNode)}`, {
    waitUntil: 'commit',
  });
  // The node's strategy label is in its row's details (older builds: a Strategy column).
  const row = page.locator('table[aria-label="GPU nodes"] tbody tr').filter({ hasText: lastNode });
  await row.first().waitFor({ timeout: TIMEOUT_MS });
  const column = (await row.first().locator(STRATEGY_COLUMN).count()) > 0;
  if (!column) await row.first().locator('td').first().locator('button').click();
  const shown = column ? row.first().locator(STRATEGY_COLUMN) : page.locator(STRATEGY_DETAIL);
  const before = (await shown.textContent({ timeout: TIMEOUT_MS }))?.trim();
  const next = before === 'single' ? 'mixed' : 'single';
  await waitUntilQuiet(page, 3000, 60_000);
  const heapBefore = await heapAfterGc(page);
  await page.evaluate(
    ({ lastNode, next, selector }) => {
      const w = window as unknown as PageWindow;
      w.benchWatchFor = `"name":"${lastNode}"`;
      w.benchFlushTicks = [];
      w.benchWatch.lastMatch = undefined;
      w.benchDone = undefined;
      const observer = new MutationObserver(() => {
        const cell = document.querySelector(selector);
        if (cell && (cell.textContent ?? '').trim() === next && w.benchDone === undefined) {
          w.benchDone = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    },
    // One node is shown (filtered by name): its cell or its details are the only match.
    { lastNode, next, selector: column ? STRATEGY_COLUMN : STRATEGY_DETAIL },
  );
  const stopProfiler = profile ? await startProfiler(page) : undefined;
  const cpuTime = await mainThreadClock(page);
  const cpuStart = await cpuTime();
  const pageStart = await page.evaluate(() => performance.now());
  const started = performance.now();
  for (const name of gpuNodes) {
    sandbox.store.mutate('nodes', undefined, name, (node) => {
      (node.metadata.labels ??= {})[STRATEGY_LABEL] = next;
    });
  }
  const storeMs = performance.now() - started;
  await page.waitForFunction(
    () => (window as unknown as PageWindow).benchDone !== undefined,
    undefined,
    { timeout: TIMEOUT_MS, polling: 50 },
  );
  const done = await page.evaluate(() => {
    const w = window as unknown as PageWindow;
    const shown = w.benchDone!;
    const lastMatch = w.benchWatch.lastMatch;
    // The flush that applied the last node's event: the last 500 ms tick after its message
    // arrived and before the page showed it.
    const flush = w.benchFlushTicks
      .filter((tick) => (lastMatch === undefined || tick >= lastMatch) && tick <= shown)
      .pop();
    return { shown, lastMatch, flush };
  });
  // Work the page still does after showing the value (the rest of the render, effects).
  await page.waitForTimeout(1000);
  const cpu = (await cpuTime()) - cpuStart;
  const profiled = await stopProfiler?.();
  const tasks = await page.evaluate(() => (window as unknown as PageWindow).benchLongTasks);
  const figures: BurstFigures = {
    events: gpuNodes.length,
    storeMs,
    toShown: done.shown - pageStart,
    tasks: longTasksBetween(tasks, pageStart, done.shown + 1000),
    cpu,
    heapBefore,
    heapAfter: await heapAfterGc(page),
    load: load(),
  };
  if (done.lastMatch !== undefined) figures.lastMessageToShown = done.shown - done.lastMatch;
  if (done.flush !== undefined) figures.flushToShown = done.shown - done.flush;
  if (profiled) {
    const summary = selfTimes(profiled, target.isPlugin);
    figures.pluginSelfMs = summary.plugin;
    figures.scriptingMs = summary.scripting;
    console.log(`  CPU profile of the burst (${target.name}):`);
    console.log(profileSummary(profiled, target.isPlugin, 12).replace(/^/gm, '    '));
  }
  await context.close();
  return figures;
};

const printBurst = (label: string, figures: BurstFigures) => {
  const parts = [
    `${label}: ${figures.events} watch events (${ms(figures.storeMs)} to write in the store): ` +
      `page shows the last one ${ms(figures.toShown)} after the burst`,
  ];
  if (figures.lastMessageToShown !== undefined) {
    parts.push(`${ms(figures.lastMessageToShown)} after its watch message arrived`);
  }
  if (figures.flushToShown !== undefined) {
    parts.push(`${ms(figures.flushToShown)} after the 500 ms flush that applied it began`);
  }
  console.log(
    `${parts.join(', ')}; ${describeTasks(figures.tasks)}; main-thread CPU ${ms(figures.cpu)} ` +
      `[load ${figures.load}]`,
  );
  if (figures.pluginSelfMs !== undefined) {
    console.log(
      `  profiled burst: plugin self time ${ms(figures.pluginSelfMs)}, all JavaScript ${ms(figures.scriptingMs ?? NaN)}`,
    );
  }
  console.log(
    `  JS heap after GC: before the burst ${mib(figures.heapBefore)}, after ${mib(figures.heapAfter)}`,
  );
};

const realConsoleTarget = async (
  sandbox: RunningSandbox,
  distDir: string,
  portBase: number,
  stops: (() => Promise<void>)[],
): Promise<Target> => {
  const plugin: RunningStaticServer = await startStaticServer(distDir, portBase + 2);
  stops.push(() => plugin.close());
  const running: RunningRealConsole = await startRealConsole({
    port: portBase,
    api: sandbox.url,
    token: sandbox.adminToken,
    plugins: { 'gpu-partitioning-plugin': `${plugin.url}/` },
  });
  stops.push(() => running.close());
  let storageState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;
  return {
    name: 'real console',
    url: running.url,
    pages: [
      { label: 'console Projects page', path: '/k8s/cluster/projects', mark: 'consoleList' },
      { label: 'console Nodes list', path: '/k8s/cluster/nodes', mark: 'consoleList' },
      { label: 'console Pods list', path: '/k8s/all-namespaces/pods', mark: 'consoleList' },
      { label: 'Overview', path: '/gpu-partitioning', mark: 'overview' },
      { label: 'Nodes tab', path: '/gpu-partitioning?tab=nodes', mark: 'nodes' },
    ],
    isPlugin: (frame) => frame.url.includes(PLUGIN_PATH),
    async context(browser) {
      if (!storageState) {
        // The console greets a first visit with its tour; skip it once and keep the setting.
        const first = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await first.newPage();
        await page.goto(`${running.url}/k8s/cluster/projects`);
        await page.getByRole('button', { name: 'Skip tour' }).click({ timeout: 120_000 });
        await page.waitForTimeout(1000);
        storageState = await first.storageState();
        await first.close();
      }
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        storageState,
      });
      await context.addInitScript(INSTRUMENT_PAGE);
      return context;
    },
  };
};

const hostTarget = async (
  sandbox: RunningSandbox,
  bundleDir: string,
  portBase: number,
  stops: (() => Promise<void>)[],
): Promise<Target> => {
  const demo: RunningDemo = await startDemo({
    port: portBase + 1,
    api: sandbox.url,
    token: sandbox.adminToken,
    bundleDir,
    build: 'never',
  });
  stops.push(() => demo.close());
  return {
    name: 'demo host',
    url: demo.url,
    pages: [
      { label: 'Overview', path: '/gpu-partitioning', mark: 'overview' },
      { label: 'Nodes tab', path: '/gpu-partitioning?tab=nodes', mark: 'nodes' },
    ],
    isPlugin: sourceMapClassifier(bundleDir, (source) => /(^|\/)src\//.test(source)),
    async context(browser) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(INSTRUMENT_PAGE);
      return context;
    },
  };
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      target: { type: 'string', default: 'both' },
      scenario: { type: 'string', default: 'large' },
      runs: { type: 'string', default: '1' },
      window: { type: 'string', default: '20' },
      dist: { type: 'string' },
      'host-bundle': { type: 'string' },
      build: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'no-burst': { type: 'boolean', default: false },
      'port-base': { type: 'string', default: '9950' },
      screenshots: { type: 'string' },
      'call-counts': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const runs = Math.max(1, Number(values.runs));
  const windowMs = Number(values.window) * 1000;
  const portBase = Number(values['port-base']);
  const realConsole = findRealConsole();
  let targets = values.target === 'both' ? ['real', 'host'] : [values.target!];
  if (targets.includes('real') && !realConsole.install) {
    // A fresh clone has no ../shared/real-console: measure the demo host alone.
    console.log(`real console skipped: ${realConsole.reason}`);
    targets = targets.filter((target) => target !== 'real');
  }
  const stops: (() => Promise<void>)[] = [];
  const temporary: string[] = [];
  try {
    const distDir = values.dist ?? PLUGIN_DIST;
    if (targets.includes('real')) {
      let exists = false;
      try {
        exists = readFileSync(join(distDir, 'plugin-manifest.json')).length > 0;
      } catch {
        exists = false;
      }
      if (values.build || !exists) {
        const started = performance.now();
        await buildPluginDist(distDir);
        console.log(`production plugin build in ${distDir}: ${ms(performance.now() - started)}`);
      }
    }
    let bundleDir = values['host-bundle'] ?? HOST_DIST;
    if (targets.includes('host') && (values.build || !hostBundleExists(bundleDir))) {
      if (!values['host-bundle']) {
        bundleDir = mkdtempSync(join(tmpdir(), 'gpu-partitioning-bench-host-'));
        temporary.push(bundleDir);
      }
      const started = performance.now();
      await buildHostBundle(bundleDir);
      console.log(`host bundle in ${bundleDir}: ${ms(performance.now() - started)}`);
    }

    const startedSandbox = performance.now();
    const sandbox = await startSandbox({ port: portBase + 3, scenario: values.scenario });
    stops.push(() => sandbox.close());
    const gpuNodes = sandbox.store
      .list('nodes')
      .map((node) => node.metadata.name ?? '')
      .filter((name) => name.startsWith('gpu-node-'))
      .sort();
    console.log(
      `sandbox (${values.scenario}): ${gpuNodes.length} GPU nodes, ${sandbox.store.count('pods')} pods, ` +
        `ready in ${ms(performance.now() - startedSandbox)}`,
    );

    const ready: Target[] = [];
    for (const target of targets) {
      ready.push(
        target === 'real'
          ? await realConsoleTarget(sandbox, distDir, portBase, stops)
          : await hostTarget(sandbox, bundleDir, portBase, stops),
      );
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    stops.push(() => browser.close());

    for (const target of ready) {
      console.log(`\n== ${target.name} (${target.url}), ${windowMs / 1000} s after navigation`);
      // Warm the browser's and the server's first-visit costs once, outside the figures.
      await (await target.context(browser)).close();
      for (let run = 1; run <= runs; run++) {
        const figures: PageFigures[] = [];
        for (const page of target.pages) {
          figures.push(
            await measurePageLoad(
              browser,
              target,
              page,
              windowMs,
              values.profile,
              values.screenshots,
              values['call-counts'],
            ),
          );
        }
        const yardstick = figures.find((page) => page.label === 'console Projects page');
        for (const page of figures) {
          const ratio = (of: number, to: number | undefined) =>
            yardstick && page !== yardstick && to ? ` = ${(of / to).toFixed(2)} × Projects` : '';
          console.log(
            `run ${run} ${page.label}: ${describeTasks(page.tasks)}` +
              `${ratio(page.tasks.total, yardstick?.tasks.total)}; main-thread CPU ${ms(page.cpu)}` +
              `${ratio(page.cpu, yardstick?.cpu)}; first row ` +
              `${page.firstRow === undefined ? 'not seen' : ms(page.firstRow)}; JS heap after GC ` +
              `${mib(page.heap)} [load ${page.load}]`,
          );
        }
      }
      if (!values['no-burst']) {
        for (const profiled of [false, true]) {
          const label = profiled ? 'burst (profiled)' : 'burst';
          try {
            printBurst(label, await burst(browser, target, sandbox, gpuNodes, profiled));
          } catch (error) {
            console.log(`${label}: failed (${(error as Error).message.split('\n')[0]})`);
          }
        }
      }
    }
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
