/**
 * `npx tsx scripts/screenshots.ts [--scenario mixed-fleet] [--no-build] [--url URL] [--out DIR]`:
 * screenshots of the GPU Partitioning page for the README, light and dark: the Overview, the Nodes
 * table with an expanded node, and a node's GPU tab. Starts the demo (sandbox + host) unless
 * `--url` points at one already running.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { type RunningDemo, startDemo } from '../host/demo';

const THEME_STORAGE_KEY = 'gpu-partitioning-host/theme';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'mixed-fleet' },
    'no-build': { type: 'boolean', default: false },
    url: { type: 'string' },
    out: { type: 'string', default: join(__dirname, '..', 'docs', 'screenshots') },
    node: { type: 'string' },
  },
});

/** Waits for the page's data: the skeleton gone and the tab panel rendered. */
const settle = async (page: Page) => {
  // Watches stay open, so "network idle" never comes: wait for content instead.
  await page.waitForSelector('main [role="tablist"], main .pf-v6-c-empty-state, main table', {
    timeout: 60_000,
  });
  await page.waitForSelector('[aria-busy="true"]', { state: 'detached', timeout: 60_000 });
  // Charts and slice maps animate in; let them finish.
  await page.waitForTimeout(800);
};

const shoot = async (page: Page, name: string) => {
  const path = join(values.out!, `${name}.png`);
  // The console layout scrolls inside <main>, so a "full page" shot would cut it: grow the
  // viewport to the content instead.
  const height = await page.evaluate(() => {
    const main = document.querySelector('main');
    const scroller = main?.closest('.pf-v6-c-page__main-container') ?? main;
    if (!main || !scroller) return document.documentElement.scrollHeight;
    return Math.ceil(scroller.getBoundingClientRect().top + main.scrollHeight + 24);
  });
  const width = page.viewportSize()?.width ?? 1440;
  await page.setViewportSize({ width, height: Math.max(900, Math.min(height, 6000)) });
  await page.waitForTimeout(300);
  await page.screenshot({ path, fullPage: true });
  await page.setViewportSize({ width, height: 900 });
  console.log(`wrote ${path}`);
};

/** The node whose row and tab make the best picture: a drifted/failed one if the fleet has it. */
const pickNode = async (page: Page): Promise<string> => {
  if (values.node) return values.node;
  await page.goto('/gpu-partitioning?tab=nodes&health=drifted');
  await settle(page);
  const drifted = page.locator('table[aria-label="GPU nodes"] tbody td[data-label="Name"] a');
  if ((await drifted.count()) > 0) return (await drifted.first().textContent()) ?? '';
  await page.goto('/gpu-partitioning?tab=nodes');
  await settle(page);
  return (await drifted.first().textContent()) ?? '';
};

const main = async () => {
  mkdirSync(values.out!, { recursive: true });
  let demo: RunningDemo | undefined;
  const baseURL =
    values.url ??
    (demo = await startDemo({
      port: 0,
      sandboxPort: 0,
      scenario: values.scenario,
      build: values['no-build'] ? 'if-missing' : 'always',
    })).url;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        baseURL,
        viewport: { width: 1440, height: 900 },
        deviceScaleFactor: 1,
        colorScheme: theme,
      });
      await context.addInitScript(
        ([key, value]) => window.localStorage.setItem(key, value),
        [THEME_STORAGE_KEY, theme],
      );
      const page = await context.newPage();
      const suffix = theme === 'dark' ? '-dark' : '';

      await page.goto('/gpu-partitioning');
      await settle(page);
      await shoot(page, `overview${suffix}`);

      const node = await pickNode(page);
      await page.goto(`/gpu-partitioning?tab=nodes`);
      await settle(page);
      const row = page.locator('tr', { has: page.getByRole('link', { name: node, exact: true }) });
      await row.getByRole('button', { name: 'Details' }).first().click();
      await page.waitForTimeout(500);
      await shoot(page, `nodes${suffix}`);

      await page.goto(`/k8s/cluster/nodes/${encodeURIComponent(node)}/gpu`);
      await settle(page);
      await shoot(page, `node-gpu-tab${suffix}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await demo?.close();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
