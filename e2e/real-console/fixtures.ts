import { type Locator, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  findRealConsole,
  startRealConsole,
  type RealConsoleVersion,
  type RunningRealConsole,
} from '../../host/realConsole';
import { kubectlRunner, type KubectlResult } from '../../sandbox/testKubectl';
import {
  startRenderedNginx,
  type RunningNginx,
} from '../../charts/gpu-partitioning-plugin/nginx-harness';
import { test as base, expect, updatingScreenshots } from '../fixtures';
import { distFiles, productionDist } from './pluginDist';

/**
 * The real-console suite: the sandbox (e2e/fixtures.ts, one per spec file), the production
 * bundle served by the chart's nginx over TLS (one per worker), and the real OpenShift console
 * (host/realConsole.ts) in front of both, as admin or viewer (`test.use({ consoleUser })`).
 * Runs only where `../shared/real-console` exists (or REAL_CONSOLE_DIR names it).
 */
export const REAL_CONSOLE = findRealConsole(process.env.REAL_CONSOLE_DIR);

const PLUGIN_NAME = 'gpu-partitioning-plugin';
/** Where the console serves the plugin's files: every frame of our code carries it. */
export const PLUGIN_ASSETS_PATH = `/api/plugins/${PLUGIN_NAME}/`;

// Said once, by the runner (workers have TEST_WORKER_INDEX), when the suite will be skipped.
if (!REAL_CONSOLE.install && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(`real-console suite skipped: ${REAL_CONSOLE.reason}`);
}

/** Skips the spec file, with the reason, when the real console is not here (a fresh clone). */
export const skipWithoutRealConsole = () =>
  base.skip(!REAL_CONSOLE.install, `real-console suite skipped: ${REAL_CONSOLE.reason}`);

export type ConsoleUser = 'admin' | 'viewer';

type Options = { consoleUser: ConsoleUser; consoleVersion: RealConsoleVersion };
/** The chart's nginx serving the production bundle over TLS, and its URL. */
type PluginServer = { nginx: RunningNginx; url: string };
type WorkerFixtures = { pluginServer: PluginServer; consolePool: ConsolePool };
type TestFixtures = {
  realConsole: RunningRealConsole;
  /**
   * Goes to a console path. The first visit loads the console (a development build: seconds on
   * two cores) and skips its tour; later ones move inside the single-page app as its links do,
   * through the history its router listens to.
   */
  visit: (path: string) => Promise<void>;
  /** kubectl against the sandbox, as a presenter types it. */
  kubectl: (args: string[]) => Promise<KubectlResult>;
};

/** The consoles of the current sandbox, one per user and version; closed when it changes. */
class ConsolePool {
  private api = '';
  private consoles = new Map<string, Promise<RunningRealConsole>>();

  constructor(private readonly pluginURL: string) {}

  /** `thanos`: the Prometheus the console proxies `/api/prometheus/` to (none: no monitoring). */
  async get(api: string, token: string, version: RealConsoleVersion, thanos?: string) {
    if (api !== this.api) {
      await this.close();
      this.api = api;
    }
    const key = `${token} ${version} ${thanos ?? ''}`;
    let running = this.consoles.get(key);
    if (!running) {
      running = startRealConsole({
        dir: REAL_CONSOLE.install?.dir,
        api,
        token,
        version,
        plugins: { [PLUGIN_NAME]: this.pluginURL },
        ...(thanos ? { thanos } : {}),
      });
      this.consoles.set(key, running);
    }
    return running;
  }

  async close() {
    const consoles = [...this.consoles.values()];
    this.consoles.clear();
    await Promise.all(consoles.map(async (running) => (await running).close()));
  }
}

/** A message or stack raised by the plugin's own code (its chunks, loaded through the console). */
const fromPlugin = (text: string) => text.includes(PLUGIN_ASSETS_PATH);

/**
 * webpack's module federation in our plugin entry, saying that a shared singleton (react, the
 * SDK, react-i18next, react-router-dom-v5-compat) is not the version the plugin was built with:
 * console 4.19 registers its shared modules without a version ("*"), console 4.22 provides React
 * 18 and newer libraries (see ../shared/real-console/README.md). Every plugin built with the
 * 4.19 SDK logs these once per module; they are noted on the test, not failures.
 */
const SHARED_MODULE_NOTICE =
  /^warning: Unsatisfied version \S+ from \S+ of shared singleton module /;

/**
 * Collects what fails a test in the real console: a page error or a console error or warning
 * (React's warnings included) raised from the plugin's code. The console itself logs errors
 * against the sandbox (no Prometheus, no OLM); those are noted on the test, not failures.
 */
const collectPluginProblems = async (
  { page }: { page: Page },
  provide: (problems: string[]) => Promise<void>,
  testInfo: TestInfo,
) => {
  const fromThePlugin: string[] = [];
  const others: string[] = [];
  const notices: string[] = [];
  page.on('pageerror', (error) => {
    const text = error.stack ?? error.message;
    (fromPlugin(text) ? fromThePlugin : others).push(`page error: ${text}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const text = `${message.type()}: ${message.text()} (at ${message.location().url})`;
    if (!fromPlugin(text)) return;
    (SHARED_MODULE_NOTICE.test(text) ? notices : fromThePlugin).push(text);
  });
  await provide(fromThePlugin);
  if (notices.length > 0) {
    testInfo.annotations.push({
      type: 'shared-module notices from the plugin entry',
      description: notices.join('\n'),
    });
  }
  if (others.length > 0) {
    testInfo.annotations.push({
      type: "the console's own page errors",
      description: others.join('\n').slice(0, 4000),
    });
  }
  expect(fromThePlugin, "page errors and React warnings from the plugin's code").toEqual([]);
};

export const test = base.extend<TestFixtures & Options, WorkerFixtures>({
  consoleUser: ['admin', { option: true }],
  consoleVersion: ['4.19', { option: true }],
  pluginServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      // E2E_PLUGIN_DIST serves a bundle built elsewhere (e.g. from an older commit, to see a
      // test fail before a fix).
      const dist = process.env.E2E_PLUGIN_DIST ?? (await productionDist());
      const nginx = await startRenderedNginx({ files: distFiles(dist) });
      await provide({ nginx, url: `https://127.0.0.1:${nginx.port}` });
      await nginx.stop();
    },
    // The first build of the production bundle takes about a minute on two cores.
    { scope: 'worker', timeout: 300_000 },
  ],
  consolePool: [
    async ({ pluginServer }, provide) => {
      const pool = new ConsolePool(`${pluginServer.url}/`);
      await provide(pool);
      await pool.close();
    },
    { scope: 'worker' },
  ],
  realConsole: async ({ demo, consolePool, consoleUser, consoleVersion }, provide) => {
    const sandbox = demo.sandbox!;
    const token = consoleUser === 'admin' ? sandbox.adminToken : sandbox.viewerToken;
    await provide(await consolePool.get(sandbox.url, token, consoleVersion, demo.prometheus?.url));
  },
  baseURL: async ({ realConsole }, provide) => {
    await provide(realConsole.url);
  },
  visit: async ({ page, consoleVersion }, provide) => {
    await provide(async (path) => {
      if (!page.url().startsWith('http')) {
        await page.goto(path);
        // 4.19 greets every first visit (each test's browser context is one) with its tour.
        if (consoleVersion === '4.19') {
          await page.getByRole('button', { name: 'Skip tour' }).click({ timeout: 60_000 });
        }
        // The shell is up; wait (generously: two busy cores) for the page's code to load too.
        await expect(page.getByRole('navigation', { name: 'Nav' })).toBeVisible({
          timeout: 60_000,
        });
        await expect(page.getByRole('main').getByRole('progressbar')).toHaveCount(0, {
          timeout: 60_000,
        });
        return;
      }
      await page.evaluate((to) => {
        window.history.pushState(null, '', to);
        window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
      }, path);
      await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === path);
    });
  },
  kubectl: async ({ demo }, provide) => {
    await provide(kubectlRunner(demo.sandbox!.kubeconfigPath));
  },
  // Replaces e2e/fixtures.ts's check (and stays automatic, as it is there).
  pageErrors: collectPluginProblems,
});

export { expect };

/** The console's left navigation: opens a section and follows one of its links. */
export const navigate = async (page: Page, section: string, item: string) => {
  const nav = page.getByRole('navigation', { name: 'Nav' });
  const sectionButton = nav.getByRole('button', { name: section, exact: true });
  if ((await sectionButton.getAttribute('aria-expanded')) !== 'true') await sectionButton.click();
  await nav.getByRole('link', { name: item, exact: true }).click();
};

/**
 * The README's screenshots, retaken in the real console only when UPDATE_SCREENSHOTS=1 (or SCREENSHOTS=1; a normal run
 * never rewrites the committed images): the page from its top, or one element, in a window tall
 * enough to show what the step is about, without a hover tooltip.
 */
export const docsScreenshot = async (page: Page, name: string, target?: Locator) => {
  if (!updatingScreenshots()) return;
  const dir = join(__dirname, '..', '..', 'docs', 'screenshots', 'real-console');
  mkdirSync(dir, { recursive: true });
  const size = page.viewportSize();
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: 1280, height: 1000 });
  if (!target)
    await page.locator('#content-scrollable').evaluate((element) => element.scrollTo(0, 0));
  // Let charts and transitions settle so the picture shows what the assertions saw.
  await page.waitForTimeout(500);
  await (target ?? page).screenshot({ path: join(dir, `${name}.png`) });
  if (size) await page.setViewportSize(size);
};
