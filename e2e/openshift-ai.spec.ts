import { expect, test } from './fixtures';

/**
 * The article's "create accelerator profiles" step in one action: after MIG is enabled (mixed
 * strategy, all-balanced on both A30 workers, done through the API like `oc`), the OpenShift AI tab
 * creates HardwareProfiles mig-1g-6gb and mig-2g-12gb.
 */
test.use({ scenario: 'seed' });

const NODES = ['worker1.redhat.com', 'worker2.redhat.com'];
const PROFILES =
  '/apis/infrastructure.opendatahub.io/v1/namespaces/redhat-ods-applications/hardwareprofiles';

test('create the MIG profiles OpenShift AI users pick from', async ({ page, adminApi }) => {
  await adminApi.patch(
    '/apis/nvidia.com/v1/clusterpolicies/gpu-cluster-policy',
    [{ op: 'add', path: '/spec/mig', value: { strategy: 'mixed' } }],
    'json',
  );
  for (const node of NODES)
    await adminApi.labelNode(node, { 'nvidia.com/mig.config': 'all-balanced' });
  for (const node of NODES) {
    await adminApi.waitFor<{ status: { capacity: Record<string, string> } }>(
      `/api/v1/nodes/${node}`,
      (object) => object.status.capacity['nvidia.com/mig-2g.12gb'] === '1',
      30_000,
    );
  }

  await page.goto('/gpu-partitioning?tab=openshift-ai');
  await expect(page.getByTestId('openshift-ai-row-mig-1g-6gb')).toContainText('4 on');
  await page.getByRole('button', { name: 'Select all missing (2)' }).click();
  await page.getByRole('button', { name: 'Preview 2 profiles' }).click();
  await expect(page.locator('#openshift-ai-preview-yaml')).toContainText('kind: HardwareProfile');
  await page.getByRole('button', { name: 'Create 2 profiles' }).click();
  await expect(page.getByTestId('openshift-ai-results')).toContainText('2 of 2 profiles created');

  const created = await adminApi.list<{
    metadata: { name: string };
    spec: { identifiers: Array<{ identifier: string }> };
  }>(PROFILES);
  expect(created.map((profile) => profile.metadata.name).sort()).toEqual([
    'mig-1g-6gb',
    'mig-2g-12gb',
  ]);
  expect(created.flatMap((p) => p.spec.identifiers.map((i) => i.identifier)).sort()).toEqual([
    'nvidia.com/mig-1g.6gb',
    'nvidia.com/mig-2g.12gb',
  ]);
  await expect(page.getByTestId('openshift-ai-row-mig-2g-12gb')).toContainText('Exposed');
});
