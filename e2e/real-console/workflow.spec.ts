import { selectAllNodes, updatingScreenshots } from '../fixtures';
import { docsScreenshot, expect, navigate, skipWithoutRealConsole, test } from './fixtures';
import {
  acknowledgeWarnings,
  cell,
  chooseConfig,
  closeProgress,
  expectAdvertised,
  expectPhase,
  nodeRow,
  openRowAction,
  openTab,
  profileRow,
  recordPhases,
  SOMEONE_ELSES_CHANGE,
  summaryCard,
} from './pluginPage';

/**
 * The article's workflow in the real OpenShift console, with the production bundle served by the
 * chart's nginx: Compute → GPU Partitioning, the Overview, the strategy switch, all-balanced on
 * both A30 workers followed to success, Node details → GPU, OpenShift AI profiles, a busy GPU's
 * failure and its recovery, a designer config saved and applied, a kubectl change seen at once;
 * the console's own Nodes and Pods pages; the viewer's read-only page. Each test loads the
 * console once (a development build, seconds to start) and moves inside it as a user does.
 */
skipWithoutRealConsole();
// Loading the console's development build takes seconds on two busy cores.
test.describe.configure({ timeout: 120_000 });
test.use({ scenario: 'seed' });

const NODES = ['worker1.redhat.com', 'worker2.redhat.com'];
const NAMESPACE = 'sample-project';
const MIG_CONFIG = 'nvidia.com/mig.config';

test("the article's workflow, as admin", async ({ page, visit, adminApi, kubectl }) => {
  test.setTimeout(240_000);
  const labelOf = async (node: string) =>
    (await adminApi.get(`/api/v1/nodes/${node}`)).metadata?.labels?.[MIG_CONFIG];

  await test.step('Compute → GPU Partitioning: two A30s, MIG disabled, strategy single', async () => {
    await visit('/k8s/cluster/projects');
    await navigate(page, 'Compute', 'GPU Partitioning');
    await expect(page).toHaveURL(/\/gpu-partitioning$/);
    await expect(page.getByRole('heading', { level: 1, name: 'GPU Partitioning' })).toBeVisible();
    await expect(summaryCard(page, 'GPUs')).toContainText('GPU nodes: 2');
    await expect(summaryCard(page, 'MIG-enabled GPUs')).toContainText('0out of 2');
    await expect(summaryCard(page, /^MIG strategy/)).toContainText('single');
    await expect(cell(profileRow(page, 'Whole GPU'), 'Allocatable')).toHaveText('2');
    await openTab(page, 'Nodes');
    for (const node of NODES) {
      const row = nodeRow(page, node);
      await expect(row).toContainText('A30');
      await expect(cell(row, 'MIG config')).toHaveText('all-disabled');
      await expect(cell(row, 'Allocatable')).toHaveText('Whole GPU ×1');
    }
  });

  await test.step('the strategy switch to mixed', async () => {
    await page.getByRole('button', { name: 'Change strategy' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /^mixed/ }).check();
    await expect(
      dialog.getByRole('grid', { name: 'What each node advertises afterwards' }),
    ).toBeVisible();
    await dialog
      .getByRole('button', { name: 'Set spec.mig.strategy=mixed on gpu-cluster-policy' })
      .click();
    await expect(page.getByTestId('strategy-written')).toBeVisible();
    await closeProgress(page);
    await openTab(page, 'Overview');
    await expect(summaryCard(page, /^MIG strategy/)).toContainText('mixed');
    await openTab(page, 'Nodes');
  });

  await test.step('all-balanced on both workers: previewed, applied, followed to success', async () => {
    await selectAllNodes(page);
    await page.getByRole('button', { name: /^Apply MIG config to 2 nodes…$/ }).click();
    const dialog = page.getByRole('dialog');
    await chooseConfig(page, 'all-balanced');
    for (const node of NODES) {
      await expect(
        dialog.getByRole('grid', { name: `Resources of ${node} before and after` }),
      ).toContainText('mig-1g.6gb');
    }
    await docsScreenshot(page, 'apply-preview', dialog);
    await acknowledgeWarnings(dialog);
    const phasesSeen = await recordPhases(page);
    await dialog
      .getByRole('button', { name: /^Apply nvidia.com\/mig.config=all-balanced on 2 nodes?$/ })
      .click();
    for (const node of NODES) await expectPhase(page, node, 'Applied');
    expect(await phasesSeen()).not.toContain(SOMEONE_ELSES_CHANGE);
    for (const node of NODES) expect(await labelOf(node)).toBe('all-balanced');
    await closeProgress(page);
    for (const node of NODES) {
      await expect(cell(nodeRow(page, node), 'Allocatable')).toHaveText('1g.6gb ×2, 2g.12gb ×1');
    }
    await nodeRow(page, NODES[0]).getByRole('button', { name: 'Details' }).click();
    await docsScreenshot(page, 'nodes');
  });

  await test.step("the Overview's numbers after the change", async () => {
    await openTab(page, 'Overview');
    await expect(summaryCard(page, 'MIG-enabled GPUs')).toContainText('2out of 2');
    await expect(cell(profileRow(page, '1g.6gb'), 'Allocatable')).toHaveText('4');
    await expect(cell(profileRow(page, '2g.12gb'), 'Allocatable')).toHaveText('2');
    await docsScreenshot(page, 'overview');
  });

  await test.step('Node details → GPU: the advertised slices match the config', async () => {
    await openTab(page, 'Nodes');
    await nodeRow(page, NODES[0]).getByRole('link', { name: NODES[0], exact: true }).click();
    await page.getByRole('tab', { name: 'GPU', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/k8s/cluster/nodes/${NODES[0]}/gpu$`));
    await expectAdvertised(page, NODES[0], [
      ['1g.6gb', '2'],
      ['2g.12gb', '1'],
    ]);
    await docsScreenshot(page, 'node-gpu-tab');
  });

  await test.step('OpenShift AI: profiles for the two MIG resources', async () => {
    await visit('/gpu-partitioning?tab=openshift-ai');
    await expect(page.getByTestId('openshift-ai-row-mig-1g-6gb')).toContainText('4 on');
    await expect(page.getByTestId('openshift-ai-row-mig-2g-12gb')).toContainText('2 on');
    await page.getByRole('button', { name: 'Select all missing (2)' }).click();
    await page.getByRole('button', { name: 'Preview 2 profiles' }).click();
    await expect(page.locator('#openshift-ai-preview-yaml')).toContainText('kind: HardwareProfile');
    await page.getByRole('button', { name: 'Create 2 profiles' }).click();
    await expect(page.getByTestId('openshift-ai-results')).toContainText('2 of 2 profiles created');
    for (const name of ['mig-1g-6gb', 'mig-2g-12gb']) {
      await expect(page.getByTestId(`openshift-ai-row-${name}`)).toContainText('Exposed');
    }
  });

  await test.step("a busy GPU: failed with the mig-manager's reason, then recovered", async () => {
    const node = NODES[0];
    // Placed by the sandbox's scheduler (and so running), pinned to the node like a workload.
    await adminApi.create(`/api/v1/namespaces/${NAMESPACE}/pods`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'train-1', namespace: NAMESPACE },
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
    await adminApi.waitFor<{ status?: { phase?: string } }>(
      `/api/v1/namespaces/${NAMESPACE}/pods/train-1`,
      (pod) => pod.status?.phase === 'Running',
    );
    await openTab(page, 'Nodes');
    await openRowAction(page, node, 'Apply MIG config');
    const dialog = page.getByRole('dialog');
    await chooseConfig(page, 'all-1g.6gb');
    await expect(dialog.getByText('GPU pods are running on this node')).toBeVisible();
    await acknowledgeWarnings(dialog);
    await dialog
      .getByRole('button', { name: /^Apply nvidia.com\/mig.config=all-1g.6gb on 1 node/ })
      .click();
    await expectPhase(page, node, 'Failed');
    const progress = page.getByTestId(`mig-progress-${node}`);
    await expect(progress.getByText('The GPU was in use by another client')).toBeVisible();
    await progress.getByRole('button', { name: 'Back to all-balanced' }).click();
    await expectPhase(page, node, 'Applied');
    await closeProgress(page);
    await expect(cell(nodeRow(page, node), 'MIG config')).toHaveText('all-balanced');
    await adminApi.delete(`/api/v1/namespaces/${NAMESPACE}/pods/train-1`);
  });

  await test.step('a designer config saved to the ConfigMap and applied', async () => {
    await openTab(page, 'Layout designer');
    const gpu = page.getByTestId('designer-gpu-0');
    if (updatingScreenshots()) {
      // The documentation's picture: a mixed A30 layout, its live map and mig-devices preview.
      for (const profile of ['2g.12gb', '1g.6gb', '1g.6gb'])
        await gpu.getByRole('button', { name: `Add ${profile}`, exact: true }).click();
      await expect(gpu.locator('pre')).toContainText('1g.6gb: 2');
      await docsScreenshot(page, 'designer');
      await page.getByRole('button', { name: 'Clear layout' }).click();
    }
    await gpu.getByRole('button', { name: 'Add 2g.12gb', exact: true }).click();
    await gpu.getByRole('button', { name: 'Add 2g.12gb', exact: true }).click();
    await expect(gpu.locator('pre')).toContainText('2g.12gb: 2');
    await page.getByRole('button', { name: 'Save or export as named config…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Config name/ }).fill('two-halves');
    await dialog.getByRole('button', { name: 'Preview the ConfigMap' }).click();
    await expect(dialog.getByTestId('designer-diff-summary')).toContainText('Added: two-halves');
    await dialog
      .getByRole('button', { name: 'Write ConfigMap and point the ClusterPolicy at it' })
      .click();
    await expect(dialog.getByTestId('designer-save-result')).toContainText('Saved two-halves');
    await dialog.getByRole('button', { name: 'Apply two-halves to nodes…' }).click();
    const apply = page.getByRole('dialog');
    await acknowledgeWarnings(apply);
    await apply.getByRole('button', { name: /^Apply nvidia.com\/mig.config=two-halves/ }).click();
    await expectPhase(page, NODES[0], 'Applied');
    expect(await labelOf(NODES[0])).toBe('two-halves');
    await closeProgress(page);
  });

  await test.step('kubectl label node … --overwrite shows within 2 s', async () => {
    const node = NODES[1];
    await openTab(page, 'Nodes');
    const config = cell(nodeRow(page, node), 'MIG config');
    await expect(config).toHaveText((await labelOf(node))!);
    const labelled = await kubectl([
      'label',
      'node',
      node,
      `${MIG_CONFIG}=all-1g.6gb`,
      '--overwrite',
    ]);
    expect(labelled.stderr).toBe('');
    // Through the console's WebSocket watch; without it only a re-list, seconds later, shows it.
    await expect(config).toHaveText('all-1g.6gb', { timeout: 2_000 });
  });
});

test("the console's own Nodes list, a node's tabs and the Pods list load", async ({
  page,
  visit,
}) => {
  await visit('/k8s/cluster/nodes');
  await expect(page.getByRole('heading', { level: 1, name: 'Nodes' })).toBeVisible();
  for (const node of NODES) {
    await expect(page.getByRole('link', { name: node, exact: true })).toBeVisible();
  }
  await expect(page.getByText('Error loading')).toHaveCount(0);

  await page.getByRole('link', { name: NODES[0], exact: true }).click();
  for (const tab of ['Overview', 'Details', 'YAML', 'Pods']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByText('Error loading')).toHaveCount(0);
  }

  await navigate(page, 'Workloads', 'Pods');
  await expect(page.getByRole('heading', { level: 1, name: 'Pods' })).toBeVisible();
  // The console's table renders the rows in view only: the first ones by name.
  await expect(page.getByRole('link', { name: /^gpu-feature-discovery-/ }).first()).toBeVisible();
  await expect(page.getByText('Error loading')).toHaveCount(0);
});

test.describe('as the viewer', () => {
  test.use({ consoleUser: 'viewer' });

  test('the page is read-only: it says so, and nothing can be applied or switched', async ({
    page,
    visit,
  }) => {
    await visit('/gpu-partitioning?tab=nodes');
    await expect(
      page.getByText('Read-only: you cannot patch nodes or ClusterPolicies'),
    ).toBeVisible();
    await expect(nodeRow(page, NODES[0])).toContainText('A30');
    await selectAllNodes(page);
    for (const button of [/^Apply MIG config to 2 nodes…$/, /^Change strategy$/]) {
      await expect(page.getByRole('button', { name: button })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
    }
  });
});
