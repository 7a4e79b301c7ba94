import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, hostErrors, saveScreenshot, switchUser, test } from './fixtures';

/**
 * The GPU Partitioning page on a fleet with every case the page explains: A100/H100/H200 and
 * non-MIG nodes, pods on MIG slices, a failed node, a node stuck pending, a drifted node and
 * garbage labels.
 */
test.use({ scenario: 'mixed-fleet' });

const MIG_CONFIG = 'nvidia.com/mig.config';
const MIG_CONFIG_STATE = 'nvidia.com/mig.config.state';
const nodesTable = '[aria-label="GPU nodes"]';
const nodeRow = (page: Page, name: string) =>
  page.locator(`${nodesTable} tbody tr`, {
    has: page.getByRole('link', { name, exact: true }),
  });

test('Overview answers what is free, per profile and in the request form', async ({ page }) => {
  await page.goto('/gpu-partitioning');
  await expect(page.getByRole('heading', { level: 1, name: 'GPU Partitioning' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('heading', { name: 'MIG-enabled GPUs' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nodes by state' })).toBeVisible();
  const profiles = page.getByRole('grid', { name: 'MIG instances per profile' });
  await expect(profiles.locator('tbody tr').first()).toBeVisible();
  // The chart has a title and a description of the same numbers for screen readers.
  await expect(page.locator('svg title', { hasText: 'MIG instances in use and free' })).toHaveCount(
    1,
  );

  const firstProfile = (await profiles.locator('tbody tr td').first().textContent())?.trim() ?? '';
  await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: firstProfile });
  await expect(page.getByText(new RegExp(`(Yes|No): \\d+ × ${firstProfile}`))).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Number of instances' }).fill('500');
  await expect(
    page.getByText(new RegExp(`No: \\d+ × ${firstProfile} free now, 500 wanted`)),
  ).toBeVisible();

  await expectNoSeriousA11yViolations(page, { include: 'main' });
  await saveScreenshot(page, 'gpu-page-overview');
  expect(await hostErrors(page)).toEqual([]);
});

test('Nodes table lists GPU nodes and explains the failed and drifted ones', async ({
  page,
  adminApi,
}) => {
  const gpuNodes = await adminApi.list('/api/v1/nodes', 'nvidia.com/gpu.present=true');
  // A node whose config exists but failed (the scenario's other failed node has a typo'd name).
  const failed = gpuNodes.find(
    (node) =>
      node.metadata?.labels?.[MIG_CONFIG_STATE] === 'failed' &&
      node.metadata.labels['nvidia.com/mig.config'] === 'all-balanced',
  );
  expect(failed, 'the scenario has a failed node').toBeDefined();
  const failedName = failed!.metadata!.name!;

  await page.goto('/gpu-partitioning');
  // The Overview's state counts link to the filtered Nodes tab.
  await page.getByRole('link', { name: /^Nodes in state Failed: / }).click();
  await expect(page).toHaveURL(/tab=nodes/);
  await expect(page).toHaveURL(/health=failed/);
  const failedRow = nodeRow(page, failedName);
  await expect(failedRow.getByText('Failed').first()).toBeVisible();
  await failedRow.getByRole('button', { name: 'Details' }).click();
  await expect(page.getByText(/Applying MIG configuration .* failed/).first()).toBeVisible();
  await expect(
    page.getByText(/The reason is in the logs of the nvidia-mig-manager pod on this node/).first(),
  ).toBeVisible();

  // A typo'd config name: one alert with the nearest name, fixed through the usual preview.
  await page.goto('/gpu-partitioning?tab=nodes&name=a100-40-03');
  await nodeRow(page, 'a100-40-03').getByRole('button', { name: 'Details' }).click();
  await expect(
    page.getByText('all-balancd is not in the mig-parted config: did you mean all-balanced?'),
  ).toBeVisible();
  await expect(page.getByText(/Applying MIG configuration .* failed/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Preview all-balanced…' }).click();
  await expect(
    page
      .getByRole('dialog')
      .getByRole('button', { name: /^Apply nvidia.com\/mig.config=all-balanced on 1 node/ }),
  ).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await page.goto('/gpu-partitioning?tab=nodes&health=drifted');
  const driftedRow = page.locator(`${nodesTable} tbody tr`).first();
  await expect(driftedRow.getByText('Drifted')).toBeVisible();
  await driftedRow.getByRole('button', { name: 'Details' }).click();
  await expect(page.getByText(/Advertised resources differ from /)).toBeVisible();
  await expect(
    page.getByRole('grid', { name: /^Expected and advertised resources of / }),
  ).toBeVisible();
  await expect(page.getByText('Differs').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, { include: 'main' });
  await saveScreenshot(page, 'gpu-page-nodes-drifted');

  // Every GPU node is listed when no filter is set (the scenario fits on the first page).
  await page.goto('/gpu-partitioning?tab=nodes');
  for (const node of gpuNodes) {
    await expect(nodeRow(page, node.metadata!.name!)).toBeVisible();
  }
  expect(await hostErrors(page)).toEqual([]);
});

test('Node GPU tab shows slice maps, state, history, resources and pods', async ({
  page,
  adminApi,
}) => {
  const withPods = (await adminApi.list('/api/v1/pods'))
    .map(
      (pod) =>
        pod as {
          spec?: {
            nodeName?: string;
            containers?: Array<{
              resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
            }>;
          };
        },
    )
    .find((pod) =>
      pod.spec?.containers?.some((container) =>
        Object.keys({ ...container.resources?.limits, ...container.resources?.requests }).some(
          (resource) => resource.startsWith('nvidia.com/mig-'),
        ),
      ),
    );
  expect(withPods?.spec?.nodeName, 'the scenario has a pod on a MIG slice').toBeTruthy();
  const nodeName = withPods!.spec!.nodeName!;

  await page.goto(`/k8s/cluster/nodes/${nodeName}/gpu`);
  await expect(page.getByRole('heading', { name: 'MIG state' })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Advertised and expected resources' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'State history' })).toBeVisible();
  const pods = page.getByRole('grid', { name: `Pods using GPUs on ${nodeName}` });
  await expect(pods.locator('tbody tr').first()).toBeVisible();
  // Only the plugin's tab content (the tab strip around it is the host's, checked in a11y.spec);
  // make sure the scope exists, or axe would check nothing.
  await expect(page.locator('[data-test="gpu-partitioning-node-tab"]')).toBeVisible();
  await expectNoSeriousA11yViolations(page, { include: '[data-test="gpu-partitioning-node-tab"]' });
  await saveScreenshot(page, 'gpu-page-node-tab');
  expect(await hostErrors(page)).toEqual([]);
});

test('a label change in the cluster shows on the page without a reload', async ({
  page,
  adminApi,
}) => {
  const gpuNodes = await adminApi.list('/api/v1/nodes', 'nvidia.com/gpu.present=true');
  const settled = gpuNodes.find(
    (node) =>
      node.metadata?.labels?.[MIG_CONFIG_STATE] === 'success' &&
      node.metadata?.labels?.['nvidia.com/mig.capable'] === 'true',
  );
  expect(settled, 'the scenario has a settled MIG-capable node').toBeDefined();
  const name = settled!.metadata!.name!;
  const next =
    settled!.metadata?.labels?.[MIG_CONFIG] === 'all-disabled' ? 'all-balanced' : 'all-disabled';

  await page.goto(`/gpu-partitioning?tab=nodes&name=${encodeURIComponent(name)}`);
  const row = nodeRow(page, name);
  await expect(row).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });

  await adminApi.patch(`/api/v1/nodes/${name}`, { metadata: { labels: { [MIG_CONFIG]: next } } });
  await expect(row.locator('td[data-label="MIG config"]')).toHaveText(next);
  expect(
    await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
  ).toBe(true);
});

test('the viewer: one read-only notice, write actions disabled with the reason (toolbar, row, GPU tab), suggested changes still previewed', async ({
  page,
}) => {
  await page.goto('/gpu-partitioning');
  await switchUser(page, 'viewer');
  const notice = page.getByTestId('read-only-notice');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('Read-only: you cannot patch nodes or ClusterPolicies');
  await expect(notice).toContainText('Missing: verb patch on nodes.');
  await expect(notice).toContainText('Missing: verb patch on clusterpolicies.nvidia.com.');

  // "Can I get 1 × 7g.80gb?": no, a pod already waits for one; the suggested change opens the
  // apply dialog with its config chosen, where the viewer can look but not apply.
  await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: '7g.80gb' });
  await page.getByRole('spinbutton', { name: 'Number of instances' }).fill('1');
  await expect(page.getByText('1 pod is already waiting for 7g.80gb:')).toBeVisible();
  await expect(page.getByText('ai-team/waiting-for-slice asks for 1')).toBeVisible();
  await saveScreenshot(page, 'gpu-page-viewer-overview');
  await page.getByRole('button', { name: 'Preview this change' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'MIG config' })).toHaveText(/^all-7g\.80gb/);
  await expect(
    dialog.getByRole('button', { name: /^Apply nvidia\.com\/mig\.config=all-7g\.80gb/ }),
  ).toBeDisabled();
  await expect(dialog.getByText(/You are not allowed to patch nodes/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('tab', { name: /^Nodes/ }).click();
  for (const name of [/^Change strategy$/, /^Apply MIG config…$/, /^Disable MIG…$/]) {
    await expect(page.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true');
  }
  await page.getByRole('button', { name: /^Apply MIG config…$/ }).hover();
  await expect(page.getByRole('tooltip')).toContainText(
    'You cannot patch nodes (verb patch on nodes).',
  );
  await nodeRow(page, 'a100-80-01').getByRole('button', { name: 'Kebab toggle' }).click();
  for (const name of [/^Apply MIG config…/, /^Disable MIG/]) {
    const item = page.getByRole('menuitem', { name });
    await expect(item).toHaveAttribute('aria-disabled', 'true');
    await expect(item).toContainText('You cannot patch nodes');
  }
  await saveScreenshot(page, 'gpu-page-viewer-nodes');
  await page.keyboard.press('Escape');

  await page.goto('/k8s/cluster/nodes/a100-80-01/gpu');
  await expect(page.getByTestId('read-only-notice')).toContainText(
    'Read-only: you cannot patch nodes',
  );
  for (const name of ['Apply MIG config…', 'Disable MIG']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  }
  await saveScreenshot(page, 'gpu-page-viewer-node-tab');
  expect(await hostErrors(page)).toEqual([]);
  await switchUser(page, 'admin');
});
