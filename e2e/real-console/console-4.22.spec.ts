import { expect, skipWithoutRealConsole, test } from './fixtures';
import {
  acknowledgeWarnings,
  cell,
  chooseConfig,
  expectPhase,
  nodeRow,
  openTab,
  summaryCard,
} from './pluginPage';

/**
 * Smoke test on console 4.22 (React 18, react-router 7), which loads the plugin built with the
 * 4.19 SDK: the page, the Nodes tab, a node's GPU tab, and an apply followed to success.
 */
skipWithoutRealConsole();
// Loading the console's development build takes seconds on two busy cores.
test.describe.configure({ timeout: 120_000 });
test.use({ scenario: 'seed', consoleVersion: '4.22' });

const NODE = 'worker1.redhat.com';

test('console 4.22: the page, the Nodes tab and a node applied from its GPU tab', async ({
  page,
  visit,
  adminApi,
}) => {
  await visit('/gpu-partitioning');
  await expect(summaryCard(page, 'GPUs')).toContainText('GPU nodes: 2');
  await expect(summaryCard(page, 'MIG-enabled GPUs')).toContainText('0out of 2');
  await openTab(page, 'Nodes');
  await expect(cell(nodeRow(page, NODE), 'MIG config')).toHaveText('all-disabled');

  await nodeRow(page, NODE).getByRole('link', { name: NODE, exact: true }).click();
  await page.getByRole('tab', { name: 'GPU', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/k8s/cluster/nodes/${NODE}/gpu$`));
  await page.getByRole('button', { name: 'Apply MIG config…' }).click();
  const dialog = page.getByRole('dialog');
  await chooseConfig(page, 'all-1g.6gb');
  await acknowledgeWarnings(dialog);
  await dialog
    .getByRole('button', { name: /^Apply nvidia.com\/mig.config=all-1g.6gb on 1 node/ })
    .click();
  await expectPhase(page, NODE, 'Applied');
  const labels = (await adminApi.get(`/api/v1/nodes/${NODE}`)).metadata?.labels;
  expect(labels?.['nvidia.com/mig.config']).toBe('all-1g.6gb');
});
