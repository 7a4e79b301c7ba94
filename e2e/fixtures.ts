import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { type PrometheusMode, type RunningDemo, startDemo } from '../host/demo';
import { KubeApiClient } from './api-client';
import { ARTIFACTS_DIR, e2eHostBundle } from './browser';

/**
 * Test fixtures: every test file gets its own demo (sandbox cluster + standalone host, random
 * ports) for the scenario it picks with `test.use({ scenario: 'mixed-fleet' })`; tests within a
 * file share it, in order, like a presenter's session.
 */

type DemoOptions = {
  /** Sandbox scenario (`seed`, `mixed-fleet`, `single-invalid`, `large`). */
  scenario: string;
  /** Simulated MIG reconfiguration time; short so tests do not wait. */
  reconfigureDelayMs: number;
  /**
   * A real Prometheus scraping the sandbox behind `/api/prometheus/` (host/prometheus.ts), for
   * the tests of slice use; off by default (one more process per spec file on two cores).
   */
  prometheus: PrometheusMode;
};

type WorkerFixtures = { demoPool: DemoPool };

type TestFixtures = {
  demo: RunningDemo;
  /** Admin access to the sandbox's API, for steps a presenter would do with kubectl. */
  adminApi: KubeApiClient;
  /** Read-only access to the sandbox's API as the `viewer` user. */
  viewerApi: KubeApiClient;
  /** Uncaught page errors seen during the test; checked after every test. */
  pageErrors: string[];
};

class DemoPool {
  private current?: { key: string; demo: RunningDemo };

  async get(file: string, options: DemoOptions): Promise<RunningDemo> {
    const key = JSON.stringify([file, options]);
    if (this.current?.key === key) return this.current.demo;
    await this.close();
    const demo = await startDemo({
      port: 0,
      sandboxPort: 0,
      scenario: options.scenario,
      reconfigureDelayMs: options.reconfigureDelayMs,
      prometheus: options.prometheus,
      bundleDir: e2eHostBundle(),
      build: 'never',
    });
    this.current = { key, demo };
    return demo;
  }

  async close() {
    const current = this.current;
    this.current = undefined;
    await current?.demo.close();
  }
}

export const test = base.extend<TestFixtures & DemoOptions, WorkerFixtures>({
  scenario: ['seed', { option: true }],
  reconfigureDelayMs: [300, { option: true }],
  prometheus: ['off', { option: true }],
  demoPool: [
    // Playwright reads fixture dependencies from this (empty) destructuring pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      const pool = new DemoPool();
      await provide(pool);
      await pool.close();
    },
    { scope: 'worker' },
  ],
  demo: async ({ demoPool, scenario, reconfigureDelayMs, prometheus }, provide, testInfo) => {
    await provide(await demoPool.get(testInfo.file, { scenario, reconfigureDelayMs, prometheus }));
  },
  baseURL: async ({ demo }, provide) => {
    await provide(demo.url);
  },
  adminApi: async ({ demo }, provide) => {
    if (!demo.sandbox) throw new Error('adminApi needs the sandbox');
    await provide(new KubeApiClient(demo.sandbox.url, demo.sandbox.adminToken));
  },
  viewerApi: async ({ demo }, provide) => {
    if (!demo.sandbox) throw new Error('viewerApi needs the sandbox');
    await provide(new KubeApiClient(demo.sandbox.url, demo.sandbox.viewerToken));
  },
  pageErrors: [
    async ({ page }, provide) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
      await provide(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Errors the host collected in `window.hostErrors` (uncaught errors and rejections). */
export const hostErrors = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { hostErrors?: string[] }).hostErrors ?? []);

/** Switches the user the host's API proxy acts as; the page reloads. */
export const switchUser = async (page: Page, user: 'admin' | 'viewer') => {
  await Promise.all([page.waitForEvent('load'), page.locator(`#host-user-${user}`).click()]);
  await expect(page.getByTestId('masthead-user')).toHaveText(user);
};

/** Switches between the light and dark PatternFly themes. */
export const setTheme = async (page: Page, theme: 'light' | 'dark') => {
  await page.locator(`#host-theme-${theme}`).click();
  await expect(page.locator('html')).toHaveClass(
    theme === 'dark' ? /pf-v6-theme-dark/ : /^(?!.*pf-v6-theme-dark)/,
  );
};

/** Saves a full-page screenshot under e2e/artifacts/ for people (and CI) to look at. */
export const saveScreenshot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });

/**
 * True when a run may rewrite the committed documentation images (docs/screenshots/,
 * docs/workshop/): UPDATE_SCREENSHOTS=1. The older names still work: SCREENSHOTS=1 (the
 * real-console suite) and UPDATE_WORKSHOP_DOCS=1 (the workshop). A normal run never rewrites them.
 */
export const updatingScreenshots = (): boolean =>
  ['UPDATE_SCREENSHOTS', 'SCREENSHOTS', 'UPDATE_WORKSHOP_DOCS'].some(
    (name) => process.env[name] === '1',
  );

/** The documentation's picture docs/screenshots/<name>.png of `target`, only when `updatingScreenshots()`. */
export const saveDocsScreenshot = async (target: Page | Locator, name: string) => {
  if (!updatingScreenshots()) return;
  await target.screenshot({ path: join(__dirname, '..', 'docs', 'screenshots', `${name}.png`) });
};

/** Ticks every MIG-capable node the Nodes tab shows (the bulk select's checkbox). */
export const selectAllNodes = async (page: Page) => {
  await page.getByRole('checkbox', { name: 'Select all nodes' }).click();
  await expect(page.getByRole('checkbox', { name: 'Select no nodes' })).toBeChecked();
};
