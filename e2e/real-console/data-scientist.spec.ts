import { saveScreenshot } from '../fixtures';
import { expect, skipWithoutRealConsole, test as realConsoleTest } from './fixtures';

/**
 * A data scientist in the real OpenShift console (issue 16): the console sends the sandbox's
 * `sandbox-data-scientist` token (group data-scientists, edit in the project team-a only) on the
 * `data-science` scenario, where team-b's pods hold slices the data scientist cannot see. The
 * same user with no cluster role, then with the chart's minimal role, then with its viewer role,
 * each bound with kubectl as an administrator would; each test loads the console afresh, as the
 * user reloading after the binding.
 */
skipWithoutRealConsole();

/** The shared real-console fixtures with the console acting as the data scientist. */
const test = realConsoleTest.extend({
  realConsole: async ({ demo, consolePool, consoleVersion }, provide) => {
    const sandbox = demo.sandbox!;
    await provide(await consolePool.get(sandbox.url, sandbox.dataScientistToken, consoleVersion));
  },
});
test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.use({ scenario: 'data-science', viewport: { width: 1280, height: 1600 } });

const MINIMAL_ROLE = 'gpu-partitioning-plugin-availability-reader';
const VIEWER_ROLE = 'gpu-partitioning-plugin-viewer';

test('no role: which permission is missing, and the binding an administrator runs', async ({
  page,
  visit,
}) => {
  await visit('/gpu-partitioning');
  await expect(
    page.getByRole('heading', { name: 'You cannot see GPU slice availability' }),
  ).toBeVisible();
  await expect(
    page.getByText('Missing permission: get, list and watch nodes at the cluster scope.'),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Copyable input/ }).first()).toHaveValue(
    `oc adm policy add-cluster-role-to-group ${MINIMAL_ROLE} data-scientists`,
  );
  await saveScreenshot(page, 'real-console-data-scientist-no-role');
});

test('minimal role: allocatable, own pods only, no free count', async ({
  page,
  visit,
  kubectl,
}) => {
  const bound = await kubectl([
    'create',
    'clusterrolebinding',
    'ds-availability',
    `--clusterrole=${MINIMAL_ROLE}`,
    '--group=data-scientists',
  ]);
  expect(bound.stderr).toBe('');
  await visit('/gpu-partitioning');
  await expect(
    page.getByText(
      'Pods of other projects are not visible to you: the numbers below are what nodes offer (allocatable), not what is free.',
    ),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'Your project' }).fill('team-a');
  await page.getByRole('button', { name: 'Count my pods there' }).click();
  await expect(page.getByText('Used by your pods counts the pods in team-a.')).toBeVisible();
  const firstRow = page
    .getByRole('grid', { name: 'Allocatable GPU resources' })
    .locator('tbody tr')
    .first();
  await expect(firstRow).toContainText(/1g\.6gb.*4\s*1\s*2 nodes/);
  await expect(page.getByText('In use or free', { exact: true })).toHaveCount(5);
  await expect(page.getByText('Free', { exact: true })).toHaveCount(0);
  await expect(
    page.getByText('Possibly: up to 3 × 1g.6gb, if other projects leave them free'),
  ).toBeVisible();
  await expect(
    page
      .getByRole('grid', { name: 'OpenShift AI hardware profiles you can use' })
      .locator('tbody tr'),
  ).toHaveCount(2);
  await saveScreenshot(page, 'real-console-data-scientist-minimal-role');
});

test('viewer role: the whole page, with what is free', async ({ page, visit, kubectl }) => {
  for (const args of [
    [
      'create',
      'clusterrolebinding',
      'ds-viewer',
      `--clusterrole=${VIEWER_ROLE}`,
      '--group=data-scientists',
    ],
    [
      'create',
      'rolebinding',
      'ds-viewer',
      '-n',
      'nvidia-gpu-operator',
      `--role=${VIEWER_ROLE}`,
      '--group=data-scientists',
    ],
  ]) {
    expect((await kubectl(args)).stderr).toBe('');
  }
  await visit('/gpu-partitioning');
  await expect(page.getByRole('tab', { name: /^Overview/ })).toBeVisible();
  await expect(page.getByText('Yes: 2 × 1g.6gb free now')).toBeVisible();
  await expect(
    page.getByText('Pods of other projects are not visible to you', { exact: false }),
  ).toHaveCount(0);
  await saveScreenshot(page, 'real-console-data-scientist-viewer-role');
});
