import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHostBundle, hostBundleExists } from '../host/build';
import { E2E_HOST_BUNDLE_ENV, REUSABLE_E2E_HOST_BUNDLE } from './browser';

/**
 * Builds the host bundle (the plugin's current pages + SDK shim) once for the whole run, in a
 * directory of its own so parallel runs in the same checkout cannot rebuild it under each other;
 * workers find it through the environment. `E2E_REUSE_BUNDLE=1` keeps one bundle across runs
 * and skips the build when it exists (fast local reruns).
 */
export default async function globalSetup(): Promise<() => void> {
  const reuse = process.env.E2E_REUSE_BUNDLE === '1';
  const bundleDir = reuse
    ? REUSABLE_E2E_HOST_BUNDLE
    : mkdtempSync(join(tmpdir(), 'gpu-partitioning-e2e-host-'));
  process.env[E2E_HOST_BUNDLE_ENV] = bundleDir;
  if (!reuse || !hostBundleExists(bundleDir)) {
    const started = Date.now();
    await buildHostBundle(bundleDir);
    console.log(`host bundle built in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return () => {
    if (!reuse) rmSync(bundleDir, { recursive: true, force: true });
  };
}
