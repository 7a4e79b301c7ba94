import { type Page } from '@playwright/test';
import { join } from 'node:path';
import type { KubeApiClient } from './api-client';
import { expectNoSeriousA11yViolations } from './axe';
import { ARTIFACTS_DIR } from './browser';
import { expect, hostErrors, saveDocsScreenshot, test } from './fixtures';

/**
 * The workshop's "why does my pod wait?" (issue 15), in the demo host: the Overview shows two
 * pods waiting for 3g.40gb with the scheduler's message and why (no config in place offers it),
 * "Make room" proposes all-3g.40gb on the idle node and leaves the two nodes with pods alone;
 * Preview opens the apply dialog with that change, the simulated mig-manager applies it, the
 * sandbox's scheduler binds both pods, and the card says no pod waits.
 */
test.use({ scenario: 'demand' });

const WAITING = ['llm-finetune-0', 'llm-finetune-1'];
const NAMESPACE = 'ml-team';

const waitingCard = (page: Page) => page.getByTestId('waiting-pods-card');

const podPhase = async (adminApi: KubeApiClient, name: string) => {
  const pod = await adminApi.get(`/api/v1/namespaces/${NAMESPACE}/pods/${name}`);
  return (pod.status as { phase?: string } | undefined)?.phase;
};

test('a pod waiting for 3g.40gb, why, the change that makes room, and the pods running afterwards', async ({
  page,
  adminApi,
}) => {
  for (const name of WAITING) expect(await podPhase(adminApi, name)).toBe('Pending');
  await page.goto('/gpu-partitioning');
  const card = waitingCard(page);
  await expect(card.getByRole('heading', { name: 'Waiting for GPUs' })).toBeVisible();

  await test.step('the demand, the pods, the scheduler’s reason and ours', async () => {
    await card.getByRole('button', { name: '2 pods wait for 3g.40gb' }).click();
    const pods = card.getByRole('grid', { name: 'Pods: 2 pods wait for 3g.40gb' });
    for (const name of WAITING) {
      const row = pods.getByRole('row').filter({ has: page.getByRole('link', { name }) });
      await expect(row).toContainText('Insufficient nvidia.com/mig-3g.40gb');
      await expect(row).toContainText(
        'No node offers 3g.40gb under its current MIG config; a config change can.',
      );
    }
    await expectNoSeriousA11yViolations(page, { include: '[data-test="waiting-pods-card"]' });
  });

  await test.step('make room: all-3g.40gb on the idle node; the nodes with pods left alone', async () => {
    await expect(card).toContainText('1 config change lets 2 of 2 waiting pods start:');
    await expect(card).toContainText(
      'gpu-node-3: all-1g.10gb → all-3g.40gb: frees 3g.40gb ×2; stops advertising 1g.10gb ×7',
    );
    await expect(card).toContainText(
      'gpu-node-1, gpu-node-2: a change would reconfigure GPUs that pods may be using',
    );
    await card.screenshot({ path: join(ARTIFACTS_DIR, 'demand-waiting-card.png') });
    await saveDocsScreenshot(card, 'demand-waiting-card');
  });

  await test.step('Preview opens the apply dialog with the change; applied and followed', async () => {
    await card.getByRole('button', { name: 'Preview' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'MIG config' })).toHaveText(/^all-3g\.40gb/);
    await expect(
      dialog.getByRole('grid', { name: 'Resources of gpu-node-3 before and after' }),
    ).toContainText('mig-3g.40gb');
    const acknowledge = dialog.getByRole('checkbox', { name: /I have read the warnings/ });
    if (await acknowledge.isVisible()) await acknowledge.check();
    await dialog
      .getByRole('button', { name: /^Apply nvidia\.com\/mig\.config=all-3g\.40gb on 1 node/ })
      .click();
    await expect(
      page.getByTestId('mig-progress-gpu-node-3').getByTestId('mig-progress-phase').first(),
    ).toHaveText('Applied', { timeout: 30_000 });
    await page.getByRole('contentinfo').getByRole('button', { name: 'Close' }).click();
  });

  await test.step('the scheduler binds both pods; the card says no pod waits', async () => {
    for (const name of WAITING) {
      await expect.poll(() => podPhase(adminApi, name), { timeout: 30_000 }).toBe('Running');
    }
    await expect(card).toContainText('No pod is waiting for a GPU.', { timeout: 30_000 });
    await card.screenshot({ path: join(ARTIFACTS_DIR, 'demand-after.png') });
  });
  expect(await hostErrors(page)).toEqual([]);
});
