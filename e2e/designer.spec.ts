import { expect, saveDocsScreenshot, saveScreenshot, test } from './fixtures';

/**
 * A custom layout designed on the slice map, saved as a named config in the plugin's ConfigMap
 * (which keeps the configs in use), the ClusterPolicy pointed at it, then applied to a node.
 */
test.use({ scenario: 'seed' });

const NODE = 'worker1.redhat.com';
const CONFIG_MAP = '/api/v1/namespaces/nvidia-gpu-operator/configmaps/gpu-partitioning-mig-config';
const IN_USE_CONFIG_MAP =
  '/api/v1/namespaces/nvidia-gpu-operator/configmaps/default-mig-parted-config';

test('refuses a name that cannot be a label value, and a preview older than the ConfigMap in use', async ({
  page,
  adminApi,
}) => {
  await page.goto('/gpu-partitioning?tab=designer');
  await page
    .getByTestId('designer-gpu-0')
    .getByRole('button', { name: 'Add 2g.12gb', exact: true })
    .click();
  await page.getByRole('button', { name: 'Save or export as named config…' }).click();
  const dialog = page.getByRole('dialog');
  const name = dialog.getByRole('textbox', { name: /Config name/ });
  await name.fill('My A30 config');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/can hold only letters, digits/);
  await expect(dialog.getByRole('button', { name: 'Preview the ConfigMap' })).toBeDisabled();
  await saveScreenshot(page, 'designer-invalid-name');

  await name.fill('one-half');
  await dialog.getByRole('button', { name: 'Preview the ConfigMap' }).click();
  await expect(dialog.locator('#gpu-partitioning-config-yaml')).toContainText('all-balanced:');
  // Someone adds a config to the ConfigMap in use after the preview copied it.
  const inUse = await adminApi.get<{ data: Record<string, string> }>(IN_USE_CONFIG_MAP);
  await adminApi.patch(IN_USE_CONFIG_MAP, {
    data: {
      'config.yaml': `${inUse.data['config.yaml']}\n  team-edit:\n    - devices: all\n      mig-enabled: false\n`,
    },
  });
  await expect(
    dialog.getByText('A ConfigMap or the ClusterPolicy this preview was made from changed since.'),
  ).toBeVisible();
  await expect(
    dialog.getByRole('button', { name: 'Write ConfigMap and point the ClusterPolicy at it' }),
  ).toHaveAttribute('aria-disabled', 'true');
  await dialog.getByRole('button', { name: 'Preview again' }).click();
  await expect(dialog.locator('#gpu-partitioning-config-yaml')).toContainText('team-edit:');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('design two 2g.12gb halves, save, point the ClusterPolicy, apply to a node', async ({
  page,
  adminApi,
}) => {
  await page.goto('/gpu-partitioning?tab=designer');
  const gpu = page.getByTestId('designer-gpu-0');
  const map = gpu.getByRole('figure', { name: 'All GPUs (1) · NVIDIA A30 24GB' });

  // The documentation's screenshot: a mixed A30 layout, its live map and the mig-devices preview.
  for (const profile of ['2g.12gb', '1g.6gb', '1g.6gb'])
    await gpu.getByRole('button', { name: `Add ${profile}`, exact: true }).click();
  await expect(map).toHaveAccessibleDescription(/3 MIG instances/);
  await expect(gpu.locator('pre')).toContainText('1g.6gb: 2');
  await expect(gpu.locator('pre')).toContainText('2g.12gb: 1');
  await expect(page.locator('#gpu-partitioning-designer-entries')).toContainText(
    'custom-a30-24gb-2x1g.6gb-1x2g.12gb:',
  );
  await page.setViewportSize({ width: 1280, height: 1560 });
  await page.getByRole('heading', { name: 'GPU Partitioning', level: 1 }).scrollIntoViewIfNeeded();
  await saveDocsScreenshot(page, 'designer');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Clear layout' }).click();
  await expect(map).toHaveAccessibleDescription(/0 MIG instances/);

  await gpu.getByRole('button', { name: 'Add 2g.12gb', exact: true }).click();
  await gpu.getByRole('button', { name: 'Add 2g.12gb', exact: true }).click();
  await expect(gpu.getByRole('button', { name: 'Add 1g.6gb', exact: true })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(gpu.getByText(/Cannot add 1g\.6gb:/)).toBeVisible();
  await saveScreenshot(page, 'designer');

  await page.getByRole('button', { name: 'Save or export as named config…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Config name/ }).fill('two-halves');
  await dialog.getByRole('button', { name: 'Preview the ConfigMap' }).click();
  await expect(dialog.getByTestId('designer-diff-summary')).toContainText('Added: two-halves');
  await expect(dialog.locator('#gpu-partitioning-config-yaml')).toContainText('all-balanced:');
  await dialog
    .getByRole('button', { name: 'Write ConfigMap and point the ClusterPolicy at it' })
    .click();
  await expect(dialog.getByTestId('designer-save-result')).toContainText('Saved two-halves');

  const configMap = await adminApi.get<{ data: Record<string, string> }>(CONFIG_MAP);
  expect(configMap.data['config.yaml']).toContain('two-halves:');
  expect(configMap.data['config.yaml']).toContain('all-balanced:');
  const policy = await adminApi.get<{ spec: { migManager: { config: { name: string } } } }>(
    '/apis/nvidia.com/v1/clusterpolicies/gpu-cluster-policy',
  );
  expect(policy.spec.migManager.config.name).toBe('gpu-partitioning-mig-config');

  await dialog.getByRole('button', { name: 'Apply two-halves to nodes…' }).click();
  const apply = page.getByRole('dialog');
  const acknowledge = apply.getByRole('checkbox', { name: /I have read the warnings/ });
  if (await acknowledge.isVisible()) await acknowledge.check();
  await apply.getByRole('button', { name: /^Apply nvidia.com\/mig.config=two-halves/ }).click();
  await adminApi.waitFor<{ metadata: { labels: Record<string, string> } }>(
    `/api/v1/nodes/${NODE}`,
    (node) =>
      node.metadata.labels['nvidia.com/mig.config'] === 'two-halves' &&
      node.metadata.labels['nvidia.com/mig.config.state'] === 'success',
    30_000,
  );
  await page.goto('/gpu-partitioning?tab=nodes');
  await expect(page.getByRole('row', { name: new RegExp(NODE) }).first()).toContainText(
    'two-halves',
  );
});
