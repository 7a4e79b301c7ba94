import { findPrometheus, waitForSeries } from '../../host/prometheus';
import { saveScreenshot } from '../fixtures';
import { expect, navigate, skipWithoutRealConsole, test } from './fixtures';

/**
 * Idle slices (issue 15) in the real OpenShift console: the console runs with `--thanos` at a
 * real Prometheus (Debian's package) that scrapes the sandbox's simulated DCGM exporter, so the
 * plugin's `usePrometheusPoll` goes through the bridge's `/api/prometheus/` proxy as on a cluster.
 * The `demand` scenario's notebook holds a 2g.20gb slice and does nothing with it.
 */
skipWithoutRealConsole();
const PROMETHEUS = findPrometheus();
test.skip(!PROMETHEUS.binary, `real-console slice-use test skipped: ${PROMETHEUS.reason}`);
test.describe.configure({ timeout: 180_000 });
test.use({ scenario: 'demand', prometheus: 'required' });

test('the Overview lists the idle slice from the DCGM exporter, through the console’s Prometheus proxy', async ({
  page,
  visit,
  demo,
}) => {
  await waitForSeries(demo.prometheus!.url, 'DCGM_FI_PROF_GR_ENGINE_ACTIVE');
  await visit('/k8s/cluster/projects');
  await navigate(page, 'Compute', 'GPU Partitioning');
  const card = page.getByTestId('slice-use-card');
  await expect(card).toBeVisible({ timeout: 60_000 });
  const row = card
    .getByRole('grid', { name: 'Allocated but idle for more than an hour' })
    .getByRole('row')
    .filter({ hasText: 'notebook-idle' });
  await expect(row.locator('td[data-label="Node"]')).toHaveText('gpu-node-2');
  await expect(row.locator('td[data-label="Profile"]')).toHaveText('2g.20gb');
  await expect(row.locator('td[data-label="Idle"]')).toHaveText(/^since metrics began/);
  await expect(card.getByRole('grid', { name: 'Use per profile' })).toContainText('1g.10gb');
  await card.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'real-console-slice-use');
});
