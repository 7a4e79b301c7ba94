import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, hostErrors, saveScreenshot, test } from './fixtures';

/**
 * The room left for MIG slices. On the mixed fleet every MIG GPU is full (named configs pack
 * them), so the largest slice is one that exists and is free; a change to all-2g.20gb on an idle
 * A100 80GB leaves units 6–7 and one compute slice, where a 1g.20gb still fits. The fragmented
 * scenario's custom layouts leave a small instance at unit 0, where a 4g alone may start.
 */

const roomCard = (page: Page) =>
  page.locator('.pf-v6-c-card', {
    has: page.getByRole('heading', { name: 'Room for MIG slices' }),
  });

const figureGroup = (page: Page, term: string) =>
  roomCard(page).locator('.pf-v6-c-description-list__group', { hasText: term });

test.describe('mixed fleet', () => {
  test.use({ scenario: 'mixed-fleet' });

  test('Overview shows the largest free and placeable slices, and follows a change', async ({
    page,
    adminApi,
  }) => {
    await page.goto('/gpu-partitioning');
    const freeNow = figureGroup(page, 'Largest slice free now');
    await expect(freeNow.getByText('3g.71gb', { exact: true })).toBeVisible();
    await expect(freeNow.getByText('on h200-01 GPU 0')).toBeVisible();
    const placeable = figureGroup(page, 'Largest new slice that still fits');
    await expect(placeable.getByText('No GPU has room for a new instance')).toBeVisible();
    await expect(
      figureGroup(page, 'GPUs with fragmented free space').getByText('None'),
    ).toBeVisible();
    // The failed and the pending nodes' MIG GPUs are left out, and the card says so.
    await expect(
      roomCard(page).getByText(
        /^\d+ MIG GPUs on cordoned, failed or changing nodes are not counted\.$/,
      ),
    ).toBeVisible();

    await adminApi.labelNode('a100-80-03', { 'nvidia.com/mig.config': 'all-2g.20gb' });
    await expect(placeable.getByText('1g.20gb', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(placeable.getByText('on a100-80-03 GPU 0')).toBeVisible();
    await expect(
      placeable.getByText('A config change on a GPU no pod uses. 2 GPUs have room for it.'),
    ).toBeVisible();

    await expectNoSeriousA11yViolations(page, { include: 'main' });
    await saveScreenshot(page, 'fragmentation-overview');

    await page.goto('/gpu-partitioning?tab=nodes');
    const row = page.locator('[aria-label="GPU nodes"] tbody tr', {
      has: page.getByRole('link', { name: 'a100-80-03', exact: true }),
    });
    await row.getByRole('button', { name: 'Details' }).click();
    await expect(page.getByText('Largest that fits: 1g.20gb').first()).toBeVisible();
    await page.getByRole('button', { name: 'About the room on a100-80-03 GPU 0' }).click();
    await expect(page.getByText(/A new 1g.20gb fits the unallocated memory slices/)).toBeVisible();
    await saveScreenshot(page, 'fragmentation-gpu-room');
    expect(await hostErrors(page)).toEqual([]);
  });
});

test.describe('fragmented free space', () => {
  test.use({ scenario: 'fragmented' });

  test('the Overview and "Can I get" say a 4g has no legal start, and what still fits', async ({
    page,
  }) => {
    await page.goto('/gpu-partitioning');
    const fragmented = figureGroup(page, 'GPUs with fragmented free space');
    await expect(fragmented.getByText('3', { exact: true })).toBeVisible();
    await expect(
      fragmented.getByText('a100-small-jobs GPU 0, h100-notebooks GPU 0, h100-notebooks GPU 1'),
    ).toBeVisible();
    await expect(fragmented.getByText('12 compute slices unallocated in all')).toBeVisible();
    const placeable = figureGroup(page, 'Largest new slice that still fits');
    await expect(placeable.getByText('3g.40gb', { exact: true })).toBeVisible();
    // The notebook pod holds 1g.10gb, which both GPUs of its node offer: either may be in use.
    await expect(placeable.getByText(/^Pods may use that GPU/)).toBeVisible();

    await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: '4g.40gb' });
    await expect(page.getByText('No: 0 × 4g.40gb free now, 1 wanted')).toBeVisible();
    await expect(
      page.getByText(
        '8 compute slices are unallocated on the GPUs that offer 4g.40gb, but none has a free legal start for it: the free space is fragmented (h100-notebooks GPU 0, h100-notebooks GPU 1). The largest that still fits beside the instances: 3g.40gb.',
      ),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page, { include: 'main' });
    await saveScreenshot(page, 'fragmentation-fragmented');
    expect(await hostErrors(page)).toEqual([]);
  });
});
