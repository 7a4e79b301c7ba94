import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Chromium: Playwright's own browser downloads are not available here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Names the directory of this run's host bundle (set by the global setup for the workers). */
export const E2E_HOST_BUNDLE_ENV = 'E2E_HOST_BUNDLE';
/** The bundle kept across runs with `E2E_REUSE_BUNDLE=1`, apart from `host/dist` (the demo's). */
export const REUSABLE_E2E_HOST_BUNDLE = join(tmpdir(), 'gpu-partitioning-e2e-host');

export const e2eHostBundle = (): string => {
  const dir = process.env[E2E_HOST_BUNDLE_ENV];
  if (!dir)
    throw new Error(`${E2E_HOST_BUNDLE_ENV} is not set: run the tests with playwright test`);
  return dir;
};

/** Screenshots the tests keep for people to look at (CI uploads e2e/artifacts). */
export const ARTIFACTS_DIR = join(__dirname, 'artifacts');
