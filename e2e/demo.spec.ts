import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import {
  expect,
  hostErrors,
  saveScreenshot,
  selectAllNodes,
  setTheme,
  switchUser,
  test,
} from './fixtures';

test.use({ scenario: 'seed' });

/** Strings the pages asked the host's i18n for that its catalogue lacks (shown as the key). */
const missingTranslations = (page: Page): Promise<string[]> =>
  page.evaluate(
    () =>
      (window as unknown as { hostMissingTranslations?: string[] }).hostMissingTranslations ?? [],
  );

test('the demo serves the plugin page with data from the sandbox cluster', async ({
  page,
  adminApi,
}) => {
  const workers = (await adminApi.list('/api/v1/nodes', 'node-role.kubernetes.io/worker')).map(
    (node) => node.metadata?.name ?? '',
  );
  expect(workers.length).toBeGreaterThan(0);

  await page.goto('/gpu-partitioning');
  await expect(page.getByRole('heading', { level: 1, name: 'GPU Partitioning' })).toBeVisible();
  await expect(page).toHaveTitle(/GPU Partitioning/);
  // Something only the cluster can have told the page: a GPU worker node's name.
  await expect(page.getByText(workers[0]).first()).toBeVisible();
  await expect(page.getByTestId('sandbox-scenario')).toHaveText('seed');
  await saveScreenshot(page, 'demo-gpu-partitioning-light');

  await setTheme(page, 'dark');
  await saveScreenshot(page, 'demo-gpu-partitioning-dark');
  await setTheme(page, 'light');

  await page.getByTestId('nav-nodes').click();
  for (const worker of workers) {
    await expect(page.getByTestId(`node-row-${worker}`)).toBeVisible();
  }
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: workers[0] }).click();
  // Each tab controls a tab panel that exists (axe: aria-valid-attr-value), labelled by its tab.
  await expect(page.getByRole('tabpanel', { name: 'Details' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // The shim's watches deliver a change made with "kubectl" to the open page, without a reload.
  await adminApi.labelNode(workers[0], { 'demo.sandbox/watched': 'yes' });
  await expect(page.getByText('demo.sandbox/watched=yes')).toBeVisible();
  await adminApi.labelNode(workers[0], { 'demo.sandbox/watched': null });
  await expect(page.getByText('demo.sandbox/watched=yes')).toHaveCount(0);

  await page.getByRole('tab', { name: 'GPU' }).click();
  await expect(page).toHaveURL(new RegExp(`/k8s/cluster/nodes/${workers[0]}/gpu$`));
  await expect(page.getByRole('heading', { level: 1, name: workers[0] })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'GPU' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Details' })).toBeHidden();
  await expectNoSeriousA11yViolations(page, { include: '.host-horizontal-nav' });
  await saveScreenshot(page, 'demo-node-gpu-tab');

  expect(await hostErrors(page)).toEqual([]);
});

test('plural strings come from the catalogue in the host', async ({ page }) => {
  await page.goto('/gpu-partitioning?tab=nodes');
  await selectAllNodes(page);
  await page.getByRole('button', { name: 'Apply MIG config to 2 nodes…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'MIG config' }).click();
  await page.getByRole('option', { name: /^all-balanced(\s|$)/ }).click();
  // The catalogue's `_other` form, not the key ("on 2 node") i18next falls back to.
  await expect(
    dialog.getByRole('button', {
      name: 'Apply nvidia.com/mig.config=all-balanced on 2 nodes',
      exact: true,
    }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await missingTranslations(page)).toEqual([]);
  expect(await hostErrors(page)).toEqual([]);
});

test('a presenter can switch to the read-only viewer user', async ({ page, viewerApi }) => {
  await page.goto('/k8s/cluster/nodes');
  await expect(page.getByTestId('masthead-user')).toHaveText('admin');
  await switchUser(page, 'viewer');

  // The viewer still reads the cluster through the host's proxy…
  const nodes = await viewerApi.list('/api/v1/nodes');
  await expect(page.getByTestId(`node-row-${nodes[0].metadata?.name}`)).toBeVisible();
  // …and the choice survives a reload, because the proxy reads it from a cookie.
  await page.reload();
  await expect(page.getByTestId('masthead-user')).toHaveText('viewer');

  await page.goto('/gpu-partitioning');
  await expect(page.getByRole('heading', { level: 1, name: 'GPU Partitioning' })).toBeVisible();
  expect(await hostErrors(page)).toEqual([]);

  await switchUser(page, 'admin');
});

test('unknown routes get a 404 page, not a blank screen', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: '404: Page Not Found' })).toBeVisible();
});
