import { type Locator, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR } from './browser';
import { expect, selectAllNodes, test, updatingScreenshots } from './fixtures';

/**
 * The article ("NVIDIA GPU sharing with MIG on OpenShift AI") as a presenter shows it, through the
 * plugin's UI only: two A30 workers with MIG disabled and strategy single → strategy mixed →
 * all-balanced on both (preview, pending, success) → the article's capacity → OpenShift AI
 * profiles → GPU pods on the slices → disabling MIG is refused while they run → pods
 * gone, MIG disabled, whole GPUs again. The cluster is touched directly only where the article
 * does so outside the console: creating, scaling and deleting pods.
 *
 * Every step leaves a screenshot in e2e/artifacts/workshop/NN-step.png; with
 * UPDATE_SCREENSHOTS=1 (or the older UPDATE_WORKSHOP_DOCS=1) they are also copied to docs/workshop/ for the presenter's guide.
 */
// 12 s per change: long enough to see both nodes pending on two busy cores (the page shows watch
// events in 500 ms bulks, as the console does), short enough for the nine steps.
test.use({ scenario: 'seed', reconfigureDelayMs: 12_000 });
test.describe.configure({ mode: 'serial' });

const NODES = ['worker1.redhat.com', 'worker2.redhat.com'];
const NAMESPACE = 'sample-project';
const SHOTS_DIR = join(ARTIFACTS_DIR, 'workshop');
const DOCS_DIR = join(__dirname, '..', 'docs', 'workshop');

const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const file = join(SHOTS_DIR, `${name}.png`);
  // Let charts and transitions settle so the picture shows what the assertions saw.
  await page.waitForTimeout(300);
  await page.screenshot({ path: file, fullPage: true });
  if (updatingScreenshots()) {
    mkdirSync(DOCS_DIR, { recursive: true });
    copyFileSync(file, join(DOCS_DIR, `${name}.png`));
  }
};

const nodeRow = (page: Page, node: string) =>
  page
    .getByRole('grid', { name: 'GPU nodes' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: node, exact: true }) });

const cell = (row: Locator, column: string) => row.locator(`td[data-label="${column}"]`);

/** The node's strategy label is in its row's details: open them, read it, close them again. */
const expectStrategyLabel = async (row: Locator, strategy: string) => {
  const details = row.getByRole('button', { name: 'Details' });
  await details.click();
  await expect(row.locator('xpath=..').getByTestId('node-strategy')).toHaveText(strategy);
  await details.click();
};

const summaryCard = (page: Page, title: string | RegExp) =>
  page
    .locator('.pf-v6-c-card')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });

const profileRow = (page: Page, profile: string) =>
  page
    .getByRole('grid', { name: 'MIG instances per profile' })
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: profile, exact: true }) });

const openTab = async (page: Page, name: 'Overview' | 'Nodes') => {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole('tab', { name: new RegExp(`^${name}`) })).toHaveAttribute(
    'aria-selected',
    'true',
  );
};

const chooseConfig = async (page: Page, name: string) => {
  await page.getByRole('button', { name: 'MIG config' }).click();
  await page
    .getByRole('option', { name: new RegExp(`^${name.replace(/\./g, '\\.')}(\\s|$)`) })
    .click();
};

const openApplyToAll = async (page: Page) => {
  await page.goto('/gpu-partitioning?tab=nodes');
  await selectAllNodes(page);
  await page.getByRole('button', { name: /^Apply MIG config to 2 nodes…$/ }).click();
  return page.getByRole('dialog');
};

const expectPhases = async (page: Page, phase: string, timeout = 30_000) => {
  for (const node of NODES) {
    await expect(
      page.getByTestId(`mig-progress-${node}`).getByTestId('mig-progress-phase'),
    ).toHaveText(phase, { timeout });
  }
};

/**
 * The preview asks to acknowledge its warnings before applying. The article's flow has none; the
 * ones shown (e.g. the cluster's mig-parted ConfigMap not readable) are recorded on the test.
 */
const acknowledgeWarnings = async (dialog: Locator) => {
  const ack = dialog.getByRole('checkbox', { name: /I have read the warnings/ });
  if (!(await ack.isVisible())) return;
  const titles = await dialog.locator('.pf-v6-c-alert__title').allInnerTexts();
  test.info().annotations.push({ type: 'preview warnings', description: titles.join(' | ') });
  await ack.check();
};

const applyButton = (dialog: Locator, config: string) =>
  dialog.getByRole('button', {
    name: new RegExp(
      `^Apply nvidia\\.com/mig\\.config=${config.replace(/\./g, '\\.')} on 2 nodes?$`,
    ),
  });

const podsPath = `/api/v1/namespaces/${NAMESPACE}/pods`;

test('1. the starting point: two A30 workers, MIG disabled, strategy single', async ({ page }) => {
  await page.goto('/gpu-partitioning');
  await expect(page.getByRole('heading', { level: 1, name: 'GPU Partitioning' })).toBeVisible();
  await expect(summaryCard(page, /^MIG strategy/)).toContainText('single');
  await expect(summaryCard(page, 'MIG-enabled GPUs')).toContainText('0out of 2');
  await expect(summaryCard(page, 'GPUs')).toContainText('GPU nodes: 2');
  await shot(page, '01-overview-mig-disabled');

  await openTab(page, 'Nodes');
  for (const node of NODES) {
    const row = nodeRow(page, node);
    await expect(cell(row, 'Name')).toContainText('A30');
    await expect(cell(row, 'MIG config')).toHaveText('all-disabled');
    await expectStrategyLabel(row, 'single');
    await expect(cell(row, 'Allocatable')).toHaveText('Whole GPU ×1');
  }
  await shot(page, '02-nodes-mig-disabled');
});

test('2. switch the MIG strategy to mixed', async ({ page }) => {
  await page.goto('/gpu-partitioning?tab=nodes');
  await page.getByRole('button', { name: 'Change strategy' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: /^mixed/ }).check();
  await expect(
    dialog.getByRole('grid', { name: 'What each node advertises afterwards' }),
  ).toBeVisible();
  await shot(page, '03-strategy-preview');
  await dialog
    .getByRole('button', { name: 'Set spec.mig.strategy=mixed on gpu-cluster-policy' })
    .click();
  await expect(page.getByTestId('strategy-written')).toBeVisible();
  await shot(page, '04-strategy-written');
  await page.getByRole('contentinfo').getByRole('button', { name: 'Close' }).click();

  await openTab(page, 'Overview');
  await expect(summaryCard(page, /^MIG strategy/)).toContainText('mixed');
});

test('3. apply all-balanced to both workers: preview, pending, success', async ({ page }) => {
  const dialog = await openApplyToAll(page);
  await chooseConfig(page, 'all-balanced');
  for (const node of NODES) {
    // Per GPU (one A30 per worker): 2 × 1g.6gb and 1 × 2g.12gb.
    const card = dialog.locator('.pf-v6-c-card').filter({ hasText: node }).first();
    const after = card.getByRole('figure', { name: 'GPU 0 after' });
    await expect(after.getByText(/^GPU 0, 1g\.6gb at /)).toHaveCount(2);
    await expect(after.getByText(/^GPU 0, 2g\.12gb at /)).toHaveCount(1);
    const resources = dialog.getByRole('grid', { name: `Resources of ${node} before and after` });
    const resourceRow = (name: string) =>
      resources.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
    await expect(resourceRow('nvidia.com/mig-1g.6gb').getByRole('gridcell').nth(2)).toHaveText('2');
    await expect(resourceRow('nvidia.com/mig-2g.12gb').getByRole('gridcell').nth(2)).toHaveText(
      '1',
    );
  }
  await shot(page, '05-apply-all-balanced-preview');

  await acknowledgeWarnings(dialog);
  await applyButton(dialog, 'all-balanced').click();
  // The simulated mig-manager takes 12 s: long enough to see both nodes pending.
  await expectPhases(page, 'Pending', 10_000);
  await shot(page, '06-apply-pending');
  await expectPhases(page, 'Applied');
  await shot(page, '07-apply-success');
  await page.getByRole('contentinfo').getByRole('button', { name: 'Close' }).click();
});

test("4. the Nodes table and capacity match the article's sample output", async ({ page }) => {
  await page.goto('/gpu-partitioning?tab=nodes');
  for (const node of NODES) {
    const row = nodeRow(page, node);
    await expect(cell(row, 'MIG config')).toHaveText('all-balanced');
    await expectStrategyLabel(row, 'mixed');
    // nvidia.com/mig-1g.6gb: 2, nvidia.com/mig-2g.12gb: 1 (and nvidia.com/gpu: 0).
    await expect(cell(row, 'Allocatable')).toHaveText('1g.6gb ×2, 2g.12gb ×1');
  }
  await nodeRow(page, NODES[0])
    .getByRole('button', { name: /details|expand/i })
    .first()
    .click();
  await shot(page, '08-nodes-all-balanced');

  await page.goto(`/k8s/cluster/nodes/${NODES[0]}/gpu`);
  const resources = page.getByRole('grid', {
    name: `Advertised and expected resources of ${NODES[0]}`,
  });
  for (const [name, count] of [
    ['1g.6gb', '2'],
    ['2g.12gb', '1'],
  ]) {
    const row = resources
      .getByRole('row')
      .filter({ has: page.getByRole('gridcell', { name, exact: true }) });
    await expect(cell(row, 'Expected')).toHaveText(count);
    await expect(cell(row, 'Advertised')).toHaveText(count);
    await expect(cell(row, 'Match')).toHaveText('Yes');
  }
  await shot(page, '09-node-gpu-tab-capacity');

  await page.goto('/gpu-partitioning');
  await expect(cell(profileRow(page, '1g.6gb'), 'Allocatable')).toHaveText('4');
  await expect(cell(profileRow(page, '2g.12gb'), 'Allocatable')).toHaveText('2');
  await expect(summaryCard(page, 'MIG-enabled GPUs')).toContainText('2out of 2');
  await shot(page, '10-overview-all-balanced');
});

test('5. create the OpenShift AI profiles mig-1g-6gb and mig-2g-12gb', async ({ page }) => {
  await page.goto('/gpu-partitioning');
  await page.getByRole('tab', { name: /^OpenShift AI/ }).click();
  const table = page.getByRole('grid', { name: 'MIG resources and OpenShift AI profiles' });
  // Offered: 2 per node × 2 nodes of 1g.6gb, 1 × 2 of 2g.12gb; no profile exposes them yet.
  await expect(page.getByTestId('openshift-ai-row-mig-1g-6gb')).toContainText('4 on');
  await expect(page.getByTestId('openshift-ai-row-mig-2g-12gb')).toContainText('2 on');
  await expect(table).toContainText('nvidia.com/mig-1g.6gb');
  await shot(page, '11-openshift-ai-missing-profiles');

  await page.getByRole('button', { name: 'Select all missing (2)' }).click();
  await page.getByRole('button', { name: 'Preview 2 profiles' }).click();
  await expect(page.locator('#openshift-ai-preview-yaml')).toContainText('mig-1g-6gb');
  await expect(page.locator('#openshift-ai-preview-yaml')).toContainText('mig-2g-12gb');
  await shot(page, '12-openshift-ai-preview');
  await page.getByRole('button', { name: 'Create 2 profiles' }).click();
  await expect(page.getByTestId('openshift-ai-results')).toContainText('2 of 2 profiles created');
  for (const name of ['mig-1g-6gb', 'mig-2g-12gb']) {
    await expect(page.getByTestId(`openshift-ai-row-${name}`)).toContainText('Exposed');
  }
  await shot(page, '13-openshift-ai-created');
});

test('6. a model server pod on nvidia.com/mig-2g.12gb uses that slice', async ({
  page,
  adminApi,
}) => {
  await adminApi.createPod(NAMESPACE, 'model-server-0', { 'nvidia.com/mig-2g.12gb': 1 });
  const pod = await adminApi.waitFor<{ spec?: { nodeName?: string } }>(
    `${podsPath}/model-server-0`,
    (object) => Boolean(object.spec?.nodeName),
  );
  const node = pod.spec!.nodeName!;
  expect(NODES).toContain(node);

  await page.goto('/gpu-partitioning');
  await expect(cell(profileRow(page, '2g.12gb'), 'In use')).toHaveText('1');
  await expect(cell(profileRow(page, '1g.6gb'), 'In use')).toHaveText('0');
  await shot(page, '14-overview-model-server-2g');

  await page.goto(`/k8s/cluster/nodes/${node}/gpu`);
  await expect(
    page.getByText(new RegExp(`2g\\.12gb at .*in use by pod ${NAMESPACE}/model-server-0`)).first(),
  ).toBeAttached();
  const resources = page.getByRole('grid', {
    name: `Advertised and expected resources of ${node}`,
  });
  await expect(
    cell(
      resources.getByRole('row').filter({ has: page.getByRole('gridcell', { name: '2g.12gb' }) }),
      'In use',
    ),
  ).toHaveText('1');
  await shot(page, '15-node-model-server-2g');
});

test('7. scaled to three pods on nvidia.com/mig-1g.6gb: three of the four 1g slices in use', async ({
  page,
  adminApi,
}) => {
  // The model server moves to the smaller slice and scales to three replicas.
  await adminApi.delete(`${podsPath}/model-server-0`);
  for (let i = 1; i <= 3; i++) {
    await adminApi.createPod(NAMESPACE, `model-server-${i}`, { 'nvidia.com/mig-1g.6gb': 1 });
  }
  const placed: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const pod = await adminApi.waitFor<{ spec?: { nodeName?: string } }>(
      `${podsPath}/model-server-${i}`,
      (object) => Boolean(object.spec?.nodeName),
    );
    placed.push(pod.spec!.nodeName!);
  }
  // Two 1g slices per node: the three pods necessarily span both workers.
  expect(new Set(placed)).toEqual(new Set(NODES));

  await page.goto('/gpu-partitioning');
  const row = profileRow(page, '1g.6gb');
  await expect(cell(row, 'Allocatable')).toHaveText('4');
  await expect(cell(row, 'In use')).toHaveText('3');
  await expect(cell(row, 'Free')).toHaveText('1 free');
  await expect(cell(profileRow(page, '2g.12gb'), 'In use')).toHaveText('0');
  await shot(page, '16-overview-three-1g-pods');

  await openTab(page, 'Nodes');
  const pods = await Promise.all(
    NODES.map(async (node) => Number(await cell(nodeRow(page, node), 'GPU pods').textContent())),
  );
  expect(pods.reduce((a, b) => a + b, 0)).toBe(3);
  await shot(page, '17-nodes-three-1g-pods');
});

test('8. disabling MIG while the pods run: the preview warns it would fail on both nodes', async ({
  page,
}) => {
  const dialog = await openApplyToAll(page);
  await chooseConfig(page, 'all-disabled');
  for (const node of NODES) {
    const card = dialog.locator('.pf-v6-c-card').filter({ hasText: node }).first();
    await expect(card.getByText('GPU pods are running on this node')).toBeVisible();
    await expect(card.getByRole('grid', { name: `GPU pods on ${node}` })).toContainText(
      'model-server-',
    );
  }
  await expect(dialog.getByText('GPU pods are running on this node')).toHaveCount(2);
  await shot(page, '18-disable-mig-blocked-by-pods');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('9. pods deleted, MIG disabled: the GPUs are whole again', async ({ page, adminApi }) => {
  for (let i = 1; i <= 3; i++) await adminApi.delete(`${podsPath}/model-server-${i}`);
  await page.goto('/gpu-partitioning');
  await expect(cell(profileRow(page, '1g.6gb'), 'In use')).toHaveText('0');

  const dialog = await openApplyToAll(page);
  await chooseConfig(page, 'all-disabled');
  await expect(
    dialog.getByRole('grid', { name: `Resources of ${NODES[1]} before and after` }),
  ).toBeVisible();
  await expect(dialog.getByText('GPU pods are running on this node')).toHaveCount(0);
  await acknowledgeWarnings(dialog);
  await applyButton(dialog, 'all-disabled').click();
  await expectPhases(page, 'Applied');
  await shot(page, '19-disable-mig-success');
  await page.getByRole('contentinfo').getByRole('button', { name: 'Close' }).click();

  for (const node of NODES) {
    const row = nodeRow(page, node);
    await expect(cell(row, 'MIG config')).toHaveText('all-disabled');
    await expect(cell(row, 'Allocatable')).toHaveText('Whole GPU ×1');
  }
  await shot(page, '20-nodes-whole-gpus');
  await openTab(page, 'Overview');
  await expect(summaryCard(page, 'MIG-enabled GPUs')).toContainText('0out of 2');
  await shot(page, '21-overview-whole-gpus');
});
