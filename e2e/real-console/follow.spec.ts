import { expect, skipWithoutRealConsole, test } from './fixtures';
import {
  acknowledgeWarnings,
  chooseConfig,
  expectPhase,
  recordPhases,
  SOMEONE_ELSES_CHANGE,
} from './pluginPage';

/**
 * Issue 11's false conflict: applied from a node's GPU tab in the real console, whose view of
 * the node lags the PATCH (events flushed every 500 ms), the follow called the plugin's own write
 * "Label changed by someone else" while the node carried exactly that value (for as long as the
 * view lagged). The follow must reach Success and never say so, not even for a moment.
 */
skipWithoutRealConsole();
// Loading the console's development build takes seconds on two busy cores.
test.describe.configure({ timeout: 120_000 });
test.use({ scenario: 'mixed-fleet' });

const NODE = 'a100-80-03';

test("all-balanced applied from a node's GPU tab is followed to success, not called someone else's", async ({
  page,
  visit,
  adminApi,
}) => {
  await visit(`/k8s/cluster/nodes/${NODE}/gpu`);
  await page.getByRole('button', { name: 'Apply MIG config…' }).click();
  const dialog = page.getByRole('dialog');
  await chooseConfig(page, 'all-balanced');
  await acknowledgeWarnings(dialog);
  const phasesSeen = await recordPhases(page);
  await dialog
    .getByRole('button', { name: /^Apply nvidia.com\/mig.config=all-balanced on 1 node/ })
    .click();
  await expectPhase(page, NODE, 'Applied');
  expect(await phasesSeen()).not.toContain(SOMEONE_ELSES_CHANGE);
  const node = await adminApi.get(`/api/v1/nodes/${NODE}`);
  expect(node.metadata?.labels?.['nvidia.com/mig.config']).toBe('all-balanced');
});
