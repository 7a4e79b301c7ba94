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

/** Where the browser tests' host bundle goes, apart from `host/dist` so a running demo is unaffected. */
export const E2E_HOST_BUNDLE =
  process.env.E2E_HOST_BUNDLE ?? join(tmpdir(), 'gpu-partitioning-e2e-host');

/** Screenshots the tests keep for people to look at (CI uploads e2e/artifacts). */
export const ARTIFACTS_DIR = join(__dirname, 'artifacts');
