import { buildHostBundle, hostBundleExists } from '../host/build';
import { E2E_HOST_BUNDLE } from './browser';

/**
 * Builds the host bundle (the plugin's current pages + SDK shim) once for the whole run.
 * `E2E_REUSE_BUNDLE=1` skips the build when a bundle is already there (fast local reruns).
 */
export default async function globalSetup() {
  if (process.env.E2E_REUSE_BUNDLE === '1' && hostBundleExists(E2E_HOST_BUNDLE)) return;
  const started = Date.now();
  await buildHostBundle(E2E_HOST_BUNDLE);
  console.log(`host bundle built in ${Math.round((Date.now() - started) / 1000)} s`);
}
