import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/browser';

/** Test results and the HTML report; CI keeps e2e/artifacts. */
const ARTIFACTS_BASE = process.env.E2E_OUTPUT_DIR ?? 'e2e/artifacts';

/**
 * Browser tests: each test file gets its own sandbox cluster and standalone host on random
 * ports (see e2e/fixtures.ts); the host bundle is built once by the global setup.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Playwright empties this at start; E2E_OUTPUT_DIR keeps parallel runs from wiping each other.
  outputDir: join(ARTIFACTS_BASE, 'test-results'),
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Two cores shared by several processes: one browser at a time keeps timings predictable.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // One retry on CI: a test that passes only on retry is reported as flaky in the summary.
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    [
      'html',
      {
        outputFolder: join(ARTIFACTS_BASE, 'report'),
        open: 'never',
      },
    ],
  ],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    testIdAttribute: 'data-test',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
