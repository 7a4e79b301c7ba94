import { type Page } from '@playwright/test';
import type { KubeApiClient } from './api-client';
import {
  expect,
  saveDocsScreenshot,
  saveScreenshot,
  selectAllNodes,
  switchUser,
  test,
} from './fixtures';

/**
 * The article's workflow without `oc`: switch the strategy to mixed, apply all-balanced to both
 * A30 workers and watch them succeed; a GPU pod makes a change fail (warned, cordoned, explained,
 * recovered in one click); a concurrent label change is refused, not overwritten; the viewer
 * is told the page is read-only and cannot open the write dialogs.
 */
test.use({ scenario: 'seed' });

const NODES = ['worker1.redhat.com', 'worker2.redhat.com'];
const MIG_CONFIG = 'nvidia.com/mig.config';

const chooseConfig = async (page: Page, name: string) => {
  await page.getByRole('button', { name: 'MIG config' }).click();
  await page
    .getByRole('option', { name: new RegExp(`^${name.replace(/\./g, '\\.')}(\\s|$)`) })
    .click();
};

/** Ticks the acknowledgement when the preview has warnings (e.g. the built-in config is used). */
const acknowledgeWarnings = async (page: Page) => {
  const acknowledge = page.getByRole('checkbox', { name: /I have read the warnings/ });
  if (await acknowledge.isVisible()) await acknowledge.check();
};

/** The plugin's mark on a cordon it set for a MIG change (its time), if any. */
const cordonMarkOf = (node: { metadata?: { annotations?: Record<string, string> } }) =>
  node.metadata?.annotations?.['gpu-partitioning-plugin.openshift.io/cordoned-for-mig-change-at'];

const openRowAction = async (page: Page, node: string, action: string) => {
  await page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: node, exact: true }) })
    .getByRole('button', { name: 'Kebab toggle' })
    .click();
  await page.getByRole('menuitem', { name: new RegExp(`^${action}`) }).click();
};

const labelOf = async (adminApi: KubeApiClient, node: string) =>
  (await adminApi.get(`/api/v1/nodes/${node}`)).metadata?.labels?.[MIG_CONFIG];

test('the viewer is told once that the page is read-only; Apply and Change strategy say why they are disabled', async ({
  page,
}) => {
  await page.goto('/gpu-partitioning?tab=nodes');
  await switchUser(page, 'viewer');
  await expect(page.getByTestId('read-only-notice')).toHaveCount(1);
  await expect(page.getByTestId('read-only-notice')).toContainText(
    'Read-only: you cannot patch nodes or ClusterPolicies',
  );
  await selectAllNodes(page);
  for (const [name, reason] of [
    [/^Apply MIG config to 2 nodes…$/, /^You cannot patch nodes \(verb patch on nodes\)/],
    [/^Change strategy$/, /^You cannot patch ClusterPolicies/],
  ] as const) {
    const button = page.getByRole('button', { name });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await button.hover();
    await expect(page.getByRole('tooltip')).toHaveText(reason);
    await button.click({ force: true });
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  await switchUser(page, 'admin');
  await expect(page.getByTestId('read-only-notice')).toHaveCount(0);
});

test('switch to mixed, then apply all-balanced to both workers and watch them succeed', async ({
  page,
  adminApi,
}) => {
  await page.goto('/gpu-partitioning?tab=nodes');
  await page.getByRole('button', { name: 'Change strategy' }).click();
  await page.getByRole('radio', { name: /^mixed/ }).check();
  await page
    .getByRole('button', { name: 'Set spec.mig.strategy=mixed on gpu-cluster-policy' })
    .click();
  await expect(page.getByTestId('strategy-written')).toBeVisible();
  await page.getByRole('contentinfo').getByRole('button', { name: 'Close' }).click();
  const policy = await adminApi.get('/apis/nvidia.com/v1/clusterpolicies/gpu-cluster-policy');
  expect((policy.spec as { mig: { strategy: string } }).mig.strategy).toBe('mixed');

  await selectAllNodes(page);
  await page.getByRole('button', { name: /^Apply MIG config to 2 nodes…$/ }).click();
  const dialog = page.getByRole('dialog');
  await chooseConfig(page, 'all-balanced');
  for (const node of NODES) {
    await expect(
      dialog.getByRole('grid', { name: `Resources of ${node} before and after` }),
    ).toContainText('mig-1g.6gb');
  }
  await page.waitForTimeout(500);
  await saveScreenshot(page, 'apply-preview-light');
  // The host's theme switch is behind the modal's backdrop: toggle the PatternFly class directly.
  await page.evaluate(() => document.documentElement.classList.add('pf-v6-theme-dark'));
  await saveScreenshot(page, 'apply-preview-dark');
  await page.evaluate(() => document.documentElement.classList.remove('pf-v6-theme-dark'));
  await saveDocsScreenshot(dialog, 'apply-preview');

  await acknowledgeWarnings(page);
  await dialog
    .getByRole('button', { name: /^Apply nvidia.com\/mig.config=all-balanced on 2 nodes?$/ })
    .click();
  for (const node of NODES) {
    await expect(
      page.getByTestId(`mig-progress-${node}`).getByTestId('mig-progress-phase'),
    ).toHaveText('Applied', { timeout: 30_000 });
    expect(await labelOf(adminApi, node)).toBe('all-balanced');
  }
  await page.getByRole('contentinfo').getByRole('button', { name: 'Close' }).click();
});

test('a running GPU pod is warned about, the node cordoned, the failure explained and recovered in one click', async ({
  page,
  adminApi,
}) => {
  const node = NODES[0];
  await adminApi.create('/api/v1/namespaces/sample-project/pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'train-1', namespace: 'sample-project' },
    // Scheduled (and run) by the sandbox's scheduler, pinned to the node like a real workload.
    spec: {
      nodeSelector: { 'kubernetes.io/hostname': node },
      containers: [
        {
          name: 'main',
          image: 'quay.io/example/train:1',
          resources: { limits: { 'nvidia.com/mig-1g.6gb': '1' } },
        },
      ],
    },
  });
  await page.goto('/gpu-partitioning?tab=nodes');
  await openRowAction(page, node, 'Apply MIG config');
  const dialog = page.getByRole('dialog');
  await chooseConfig(page, 'all-1g.6gb');
  await expect(dialog.getByText('GPU pods are running on this node')).toBeVisible();
  await expect(dialog.getByRole('grid', { name: `GPU pods on ${node}` })).toContainText('train-1');
  await dialog.getByRole('checkbox', { name: `Cordon ${node} first` }).check();
  await acknowledgeWarnings(page);
  await dialog
    .getByRole('button', { name: /^Apply nvidia.com\/mig.config=all-1g.6gb on 1 node/ })
    .click();

  const progress = page.getByTestId(`mig-progress-${node}`);
  await expect(progress.getByTestId('mig-progress-phase')).toHaveText('Failed', {
    timeout: 30_000,
  });
  await expect(progress.getByText('The GPU was in use by another client')).toBeVisible();
  await expect(progress.getByText(/sample-project\/train-1/).first()).toBeVisible();
  const cordoned = await adminApi.get(`/api/v1/nodes/${node}`);
  expect((cordoned.spec as { unschedulable?: boolean }).unschedulable).toBe(true);
  expect(cordonMarkOf(cordoned)).toMatch(/^\d{4}-\d\d-\d\dT/);

  await progress.getByRole('button', { name: 'Back to all-balanced' }).click();
  await expect(progress.getByTestId('mig-progress-phase')).toHaveText('Applied', {
    timeout: 30_000,
  });
  expect(await labelOf(adminApi, node)).toBe('all-balanced');
  // The plugin's own cordon, and only that, is undone with its mark.
  await progress.getByRole('button', { name: `Uncordon ${node}` }).click();
  await expect
    .poll(async () => {
      const after = await adminApi.get(`/api/v1/nodes/${node}`);
      return [
        (after.spec as { unschedulable?: boolean }).unschedulable === true,
        cordonMarkOf(after),
      ];
    })
    .toEqual([false, undefined]);
  await page.getByRole('contentinfo').getByRole('button', { name: 'Close' }).click();
});

test('a label changed between preview and apply is refused, never overwritten', async ({
  page,
  adminApi,
}) => {
  const node = NODES[1];
  await page.goto('/gpu-partitioning?tab=nodes');
  await openRowAction(page, node, 'Apply MIG config');
  const dialog = page.getByRole('dialog');
  await chooseConfig(page, 'all-1g.6gb');
  await expect(
    dialog.getByRole('grid', { name: `Resources of ${node} before and after` }),
  ).toBeVisible();

  await adminApi.patch(
    `/api/v1/nodes/${node}`,
    [{ op: 'replace', path: '/metadata/labels/nvidia.com~1mig.config', value: 'all-2g.12gb' }],
    'json',
  );
  await expect(dialog.getByText(/Changed since this preview/)).toBeVisible();
  await acknowledgeWarnings(page);
  await dialog.getByRole('button', { name: /^Apply nvidia.com\/mig.config=all-1g.6gb/ }).click();
  await expect(
    dialog.getByText('Changed by someone else since the preview: nothing was overwritten'),
  ).toBeVisible();
  expect(await labelOf(adminApi, node)).toBe('all-2g.12gb');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});
