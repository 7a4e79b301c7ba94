/**
 * Browser benchmark on the `large` scenario (1,000 nodes × 8 GPUs), in Debian's Chromium through
 * the standalone host (`startDemo`):
 *
 * - time to first meaningful render of the Overview (the first row of the per-profile table) and
 *   of the Nodes tab (the first row of the GPU nodes table naming a node), measured in the page
 *   as `performance.now()` (milliseconds since navigation start) when a MutationObserver first
 *   sees the element; a fresh browser context per run;
 * - time to apply 1,000 watch events: the `nvidia.com/mig.strategy` label of all 1,000 nodes is
 *   rewritten in one burst straight in the sandbox's store (one MODIFIED event each, in name
 *   order), with the Nodes tab filtered to the last node; the figure is the wall clock from the
 *   burst's start to the moment the page shows the last node's new value;
 * - the page's JavaScript heap (CDP `Performance.getMetrics` JSHeapUsedSize, before and after a
 *   forced garbage collection) after each step.
 *
 * Prints figures; never asserts on time (the machine is shared).
 *
 *   npx tsx bench/browser.ts [--runs 3] [--no-build]
 *
 * `--no-build` reuses the host bundle kept by `E2E_REUSE_BUNDLE=1` e2e runs if it exists.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, type Page, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REUSABLE_E2E_HOST_BUNDLE } from '../e2e/browser';
import { startDemo } from '../host/demo';

const STRATEGY_LABEL = 'nvidia.com/mig.strategy';
const TIMEOUT_MS = 180_000;

type Marks = Record<string, number>;

/**
 * Runs in the page before any of its scripts: records `performance.now()` and `Date.now()` the
 * first time each named condition holds, checking after every DOM mutation batch.
 */
// A string, not a function: tsx (esbuild, keepNames) would wrap inner functions in a `__name`
// helper that does not exist in the page.
const INSTALL_MARKS = `(() => {
  window.benchMarks = {};
  window.benchWallMarks = {};
  const firstRow = (table, text) => () =>
    Array.from(document.querySelectorAll('table[aria-label="' + table + '"] tbody tr')).some(
      (row) => !text || (row.textContent || '').includes(text),
    );
  const checks = [
    { name: 'overview', test: firstRow('MIG instances per profile') },
    { name: 'nodes', test: firstRow('GPU nodes', 'gpu-node-') },
  ];
  new MutationObserver(() => {
    for (const { name, test } of checks) {
      if (window.benchMarks[name] === undefined && test()) {
        window.benchMarks[name] = performance.now();
        window.benchWallMarks[name] = Date.now();
      }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

const waitForMark = async (
  page: Page,
  name: string,
): Promise<{ sinceNav: number; wall: number }> => {
  try {
    await page.waitForFunction(
      (mark) =>
        (window as unknown as { benchMarks: Record<string, number> }).benchMarks[mark] !==
        undefined,
      name,
      { timeout: TIMEOUT_MS, polling: 50 },
    );
  } catch (error) {
    const file = join(tmpdir(), `bench-browser-${name}-timeout.png`);
    await page.screenshot({ path: file }).catch(() => undefined);
    const text = await page
      .locator('main')
      .innerText({ timeout: 5000 })
      .catch(() => '');
    console.log(`${name}: no meaningful render within ${TIMEOUT_MS / 1000} s (screenshot ${file})`);
    console.log(`  page shows: ${text.replace(/\s+/g, ' ').slice(0, 400)}`);
    throw error;
  }
  return page.evaluate((mark) => {
    const w = window as unknown as { benchMarks: Marks; benchWallMarks: Marks };
    return { sinceNav: w.benchMarks[mark], wall: w.benchWallMarks[mark] };
  }, name);
};

const heap = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const used = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN;
  };
  const before = await used();
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await used();
  const { domNodes } = await page.evaluate(() => ({
    domNodes: document.getElementsByTagName('*').length,
  }));
  await cdp.detach();
  return { before, after, domNodes };
};

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const summary = (values: number[]) =>
  `median ${ms(median(values))} (runs: ${values.map((value) => Math.round(value)).join(', ')})`;

const firstRender = async (browser: Browser, url: string, runs: number) => {
  const overview: number[] = [];
  const nodes: number[] = [];
  const overviewHeap: Awaited<ReturnType<typeof heap>>[] = [];
  const nodesHeap: Awaited<ReturnType<typeof heap>>[] = [];
  for (let run = 0; run < runs; run++) {
    for (const [name, path, times, heaps] of [
      ['overview', '/gpu-partitioning', overview, overviewHeap],
      ['nodes', '/gpu-partitioning?tab=nodes', nodes, nodesHeap],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(INSTALL_MARKS);
      await page.goto(url + path, { waitUntil: 'commit' });
      times.push((await waitForMark(page, name)).sinceNav);
      if (run === 0) {
        const problems = await page
          .getByText(/^Could not read /)
          .allInnerTexts()
          .catch(() => []);
        if (problems.length) console.log(`${name}: the page reports ${problems.join(' | ')}`);
      }
      // Let the page settle (charts, remaining watches) before reading the heap.
      await page.waitForTimeout(1000);
      heaps.push(await heap(page));
      await context.close();
    }
  }
  return { overview, nodes, overviewHeap, nodesHeap };
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      'no-build': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const runs = Math.max(1, Number(values.runs));
  const reuse = values['no-build'];
  const bundleDir = reuse
    ? REUSABLE_E2E_HOST_BUNDLE
    : mkdtempSync(join(tmpdir(), 'gpu-partitioning-bench-host-'));

  const startedDemo = performance.now();
  const demo = await startDemo({
    port: 0,
    sandboxPort: 0,
    scenario: 'large',
    // The page is measured, not slice use: no Prometheus scraping the in-process sandbox.
    prometheus: 'off',
    bundleDir,
    build: reuse ? 'if-missing' : 'always',
  });
  console.log(
    `demo (large scenario${reuse ? '' : ', fresh host bundle'}) ready in ${ms(performance.now() - startedDemo)}`,
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const store = demo.sandbox!.store;
    const gpuNodes = store
      .list('nodes')
      .map((node) => node.metadata.name ?? '')
      .filter((name) => name.startsWith('gpu-node-'))
      .sort();
    const gpus = gpuNodes.length * 8;
    console.log(`cluster: ${gpuNodes.length} GPU nodes, ${gpus} GPUs, ${store.count('pods')} pods`);

    const render = await firstRender(browser, demo.url, runs);
    console.log(
      `Overview first meaningful render (profile table row): ${summary(render.overview)}`,
    );
    console.log(`Nodes first meaningful render (GPU nodes table row): ${summary(render.nodes)}`);
    const lastOf = <T>(list: T[]) => list[list.length - 1];
    for (const [name, heaps] of [
      ['Overview', render.overviewHeap],
      ['Nodes', render.nodesHeap],
    ] as const) {
      const last = lastOf(heaps);
      console.log(
        `${name} JS heap used: ${mib(last.before)} (${mib(last.after)} after GC), ${last.domNodes} DOM elements`,
      );
    }

    // 1,000 watch events in one burst.
    const lastNode = gpuNodes[gpuNodes.length - 1];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${demo.url}/gpu-partitioning?tab=nodes&name=${encodeURIComponent(lastNode)}`);
    // The node's strategy label is in its row's details: expand the row.
    const row = page
      .locator('table[aria-label="GPU nodes"] tbody tr')
      .filter({ hasText: lastNode });
    await row.first().locator('td').first().locator('button').click({ timeout: TIMEOUT_MS });
    const before = (
      await page.locator('[data-test="node-strategy"]').textContent({ timeout: TIMEOUT_MS })
    )?.trim();
    const next = before === 'single' ? 'mixed' : 'single';
    await page.evaluate(
      ({ next }) => {
        const w = window as unknown as { benchWallDone?: number };
        const observer = new MutationObserver(() => {
          const cell = document.querySelector('[data-test="node-strategy"]');
          if (cell && (cell.textContent ?? '').trim() === next && w.benchWallDone === undefined) {
            w.benchWallDone = Date.now();
            observer.disconnect();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      },
      { next },
    );
    await page.waitForTimeout(1000);
    const heapBeforeBurst = await heap(page);

    const burstStart = Date.now();
    const burstStartPerf = performance.now();
    for (const name of gpuNodes) {
      store.mutate('nodes', undefined, name, (node) => {
        (node.metadata.labels ??= {})[STRATEGY_LABEL] = next;
      });
    }
    const burstMs = performance.now() - burstStartPerf;
    await page.waitForFunction(
      () => (window as unknown as { benchWallDone?: number }).benchWallDone !== undefined,
      undefined,
      { timeout: TIMEOUT_MS, polling: 50 },
    );
    const done = await page.evaluate(
      () => (window as unknown as { benchWallDone: number }).benchWallDone,
    );
    console.log(
      `${gpuNodes.length} watch events (label ${STRATEGY_LABEL} ${before} → ${next}, one burst, ` +
        `${ms(burstMs)} to write in the store): page shows the last change after ${ms(done - burstStart)}`,
    );
    await page.waitForTimeout(1000);
    const heapAfterBurst = await heap(page);
    console.log(
      `Nodes (filtered) JS heap used: before the burst ${mib(heapBeforeBurst.before)} ` +
        `(${mib(heapBeforeBurst.after)} after GC), after ${mib(heapAfterBurst.before)} ` +
        `(${mib(heapAfterBurst.after)} after GC)`,
    );
    await context.close();
  } finally {
    await browser.close();
    await demo.close();
    if (!reuse) rmSync(bundleDir, { recursive: true, force: true });
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
