import { join } from 'node:path';
import { ARTIFACTS_DIR } from '../browser';
import { docsScreenshot, expect, navigate, skipWithoutRealConsole, test } from './fixtures';
import { acknowledgeWarnings, closeProgress, expectPhase } from './pluginPage';

/**
 * The workshop's "why does my pod wait?" (issue 15) in the real OpenShift console: Compute → GPU
 * Partitioning shows two pods waiting for 3g.40gb, each linked to the console's own pod page,
 * with the scheduler's message and why; "Make room" proposes all-3g.40gb on the idle node;
 * Preview, Apply, the simulated mig-manager applies it, the sandbox's scheduler binds both pods
 * and the card says no pod waits.
 */
skipWithoutRealConsole();
// Loading the console's development build takes seconds on two busy cores.
test.describe.configure({ timeout: 180_000 });
test.use({ scenario: 'demand' });

const WAITING = ['llm-finetune-0', 'llm-finetune-1'];
const NAMESPACE = 'ml-team';

test('a pod waiting for 3g.40gb, why, one click to the change that makes room, the pods running', async ({
  page,
  visit,
  adminApi,
}) => {
  const phaseOf = async (name: string) =>
    (
      (await adminApi.get(`/api/v1/namespaces/${NAMESPACE}/pods/${name}`)).status as
        { phase?: string } | undefined
    )?.phase;

  await visit('/k8s/cluster/projects');
  await navigate(page, 'Compute', 'GPU Partitioning');
  const card = page.getByTestId('waiting-pods-card');
  await expect(card.getByRole('heading', { name: 'Waiting for GPUs' })).toBeVisible();

  await test.step('the demand and the pods, linked to the console’s pod pages', async () => {
    await card.getByRole('button', { name: '2 pods wait for 3g.40gb' }).click();
    const pods = card.getByRole('grid', { name: 'Pods: 2 pods wait for 3g.40gb' });
    for (const name of WAITING) {
      const link = pods.getByRole('link', { name, exact: true });
      await expect(link).toHaveAttribute('href', `/k8s/ns/${NAMESPACE}/pods/${name}`);
      const row = pods
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name, exact: true }) });
      await expect(row).toContainText('Insufficient nvidia.com/mig-3g.40gb');
      await expect(row).toContainText('No node offers 3g.40gb under its current MIG config');
    }
    await expect(card).toContainText(
      'gpu-node-3: all-1g.10gb → all-3g.40gb: frees 3g.40gb ×2; stops advertising 1g.10gb ×7',
    );
    await card.screenshot({ path: join(ARTIFACTS_DIR, 'real-console-demand-card.png') });
    await docsScreenshot(page, 'demand', card);
  });

  await test.step('Preview, Apply, followed to Applied', async () => {
    await card.getByRole('button', { name: 'Preview' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'MIG config' })).toHaveText(/^all-3g\.40gb/);
    await acknowledgeWarnings(dialog);
    await dialog
      .getByRole('button', { name: /^Apply nvidia\.com\/mig\.config=all-3g\.40gb on 1 node/ })
      .click();
    await expectPhase(page, 'gpu-node-3', 'Applied');
    await closeProgress(page);
  });

  await test.step('both pods run; the card says no pod waits', async () => {
    for (const name of WAITING) {
      await expect.poll(() => phaseOf(name), { timeout: 30_000 }).toBe('Running');
    }
    await expect(card).toContainText('No pod is waiting for a GPU.', { timeout: 30_000 });
  });
});
