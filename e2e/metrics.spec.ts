import type { Page } from '@playwright/test';
import { findPrometheus, waitForSeries } from '../host/prometheus';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, hostErrors, saveScreenshot, test } from './fixtures';

/**
 * Idle slices (issue 15), in the demo host: a real Prometheus (Debian's package) scrapes the
 * sandbox's simulated DCGM exporter, and the page reads it through `/api/prometheus/` with
 * `usePrometheusPoll`. In the `demand` scenario the notebook on gpu-node-2's 2g.20gb does nothing
 * and the trainer on gpu-node-1's 1g.10gb is busy: the Overview lists the notebook's slice as
 * allocated but idle (since metrics began: Prometheus has just started), and the slice maps say
 * each instance's engine activity in words. Without Prometheus the page says so in one line.
 */
const PROMETHEUS = findPrometheus();
if (!PROMETHEUS.binary && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(`slice-use tests with Prometheus skipped: ${PROMETHEUS.reason}`);
}

const sliceUse = (page: Page) =>
  page.locator('.pf-v6-c-card').filter({ has: page.getByRole('heading', { name: 'Slice use' }) });

const nodeRow = (page: Page, node: string) =>
  page
    .getByRole('grid', { name: 'GPU nodes' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: node, exact: true }) });

test.describe('with Prometheus scraping the DCGM exporter', () => {
  test.skip(!PROMETHEUS.binary, `needs Prometheus: ${PROMETHEUS.reason}`);
  test.use({ scenario: 'demand', prometheus: 'required' });

  test.beforeEach(async ({ demo }) => {
    // The first scrape lands a few seconds after Prometheus starts.
    await waitForSeries(demo.prometheus!.url, 'DCGM_FI_PROF_GR_ENGINE_ACTIVE');
  });

  test('the Overview finds the idle slice and shows use per profile', async ({ page }) => {
    await page.goto('/gpu-partitioning');
    const card = sliceUse(page);
    await expect(card).toBeVisible();

    const idle = card.getByRole('grid', { name: 'Allocated but idle for more than an hour' });
    const row = idle.getByRole('row').filter({ hasText: 'notebook-idle' });
    await expect(row).toHaveCount(1);
    for (const [column, text] of [
      ['Namespace', 'ml-team'],
      ['Node', 'gpu-node-2'],
      ['GPU', '0'],
      ['Profile', '2g.20gb'],
    ]) {
      await expect(row.locator(`td[data-label="${column}"]`)).toHaveText(text);
    }
    // Prometheus has held data for a minute at most: the page does not claim an hour.
    await expect(row.locator('td[data-label="Idle"]')).toHaveText(
      /^since metrics began \((under a minute|\d+ min)\)$/,
    );
    await expect(card).toContainText('Prometheus holds less than an hour of data');
    await expect(idle).not.toContainText('train-resnet');

    const perProfile = card.getByRole('grid', { name: 'Use per profile' });
    const busy = perProfile.getByRole('row').filter({ hasText: '1g.10gb' });
    // gpu-node-1 and gpu-node-3 run all-1g.10gb: 14 instances, one allocated and busy.
    await expect(busy.locator('td[data-label="Slices reporting"]')).toHaveText('14');
    await expect(busy.locator('td[data-label="Allocated"]')).toHaveText('1');
    await expect(busy.locator('td[data-label="Allocated and idle now"]')).toHaveText('0');
    const notebook = perProfile.getByRole('row').filter({ hasText: '2g.20gb' });
    await expect(notebook.locator('td[data-label="Allocated and idle now"]')).toHaveText('1');

    await expectNoSeriousA11yViolations(page, { include: 'main' });
    await saveScreenshot(page, 'metrics-overview');
    expect(await hostErrors(page)).toEqual([]);
  });

  test("the slice maps say each instance's engine activity", async ({ page }) => {
    await page.goto('/gpu-partitioning?tab=nodes');
    for (const node of ['gpu-node-1', 'gpu-node-2']) {
      await nodeRow(page, node).getByRole('button', { name: 'Details' }).click();
    }
    // The notebook's instance: held, and idle; the trainer's: busy (0.85 ± 0.02).
    await expect(page.getByText(/ml-team\/notebook-idle.*engine active 0%/).first()).toBeAttached();
    await expect(
      page.getByText(/ml-team\/train-resnet.*engine active 8[3-7]%/).first(),
    ).toBeAttached();
    // In the block itself: a strip filled to the percentage and the percentage in words
    // ("0% active", or "0%" where the block is narrow).
    const notebookBlock = page.getByRole('listitem').filter({ hasText: 'ml-team/notebook-idle' });
    const activity = notebookBlock.locator('.gpu-partitioning-slice-map__activity');
    await expect(activity).toBeVisible();
    expect(await activity.innerText()).toMatch(/^0%( active)?$/);
    const trainerBlock = page.getByRole('listitem').filter({ hasText: 'ml-team/train-resnet' });
    const fill = trainerBlock.locator('.gpu-partitioning-slice-map__activity-fill');
    await expect(fill).toHaveAttribute('style', /width: 8[3-7]%/);
    await saveScreenshot(page, 'metrics-slice-maps');

    // The node's own GPU tab asks for that node's series and shades its slice map the same way.
    await page.goto('/k8s/cluster/nodes/gpu-node-2/gpu');
    const onTab = page.getByRole('listitem').filter({ hasText: 'ml-team/notebook-idle' });
    await expect(onTab.locator('.gpu-partitioning-slice-map__activity')).toBeVisible();
    await expect(onTab).toContainText('0% active');
    expect(await hostErrors(page)).toEqual([]);
  });
});

test.describe('without Prometheus', () => {
  test.use({ scenario: 'demand', prometheus: 'off' });

  test('one line says slice use is not shown; the rest of the page works', async ({ page }) => {
    await page.goto('/gpu-partitioning');
    await expect(page.getByTestId('slice-use-unavailable')).toHaveText(
      /Slice use is not shown: the console has no Prometheus to ask, or cannot reach it\./,
    );
    await expect(sliceUse(page)).toHaveCount(0);
    await expect(page.getByRole('grid', { name: 'MIG instances per profile' })).toBeVisible();
    expect(await hostErrors(page)).toEqual([]);
  });
});
