import { test as base, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { startHostServer, type RunningHostServer } from '../host/server';
import { startSandbox, type RunningSandbox } from '../sandbox/server';
import { KubeApiClient } from './api-client';
import { ARTIFACTS_DIR, e2eHostBundle } from './browser';
import { saveScreenshot } from './fixtures';

/**
 * A data scientist on the sandbox's `data-science` scenario (issue 16): their project team-a runs
 * one notebook on a 1g.6gb slice, team-b's pods are invisible to them. The same user with no
 * cluster role, then with the chart's minimal role, then with its viewer role, each bound by the
 * administrator as `oc adm policy` would, while the user reloads the page.
 */

type Fixtures = { pageErrors: string[] };
type WorkerFixtures = { cluster: { sandbox: RunningSandbox; host: RunningHostServer } };

const test = base.extend<Fixtures, WorkerFixtures>({
  cluster: [
    // Playwright reads fixture dependencies from this (empty) destructuring pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      const sandbox = await startSandbox({ port: 0, scenario: 'data-science' });
      const host = await startHostServer({
        port: 0,
        staticDir: e2eHostBundle(),
        apiURL: sandbox.url,
        // The first user is the host's default: the page acts as the data scientist.
        users: { 'data-scientist': sandbox.dataScientistToken, admin: sandbox.adminToken },
        mode: 'sandbox',
        scenario: 'data-science',
      });
      await provide({ sandbox, host });
      await host.close();
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ cluster }, provide) => provide(cluster.host.url),
  pageErrors: [
    async ({ page }, provide) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
      await provide(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

test.describe.configure({ mode: 'serial' });

const RBAC = '/apis/rbac.authorization.k8s.io/v1';
const admin = (sandbox: RunningSandbox) => new KubeApiClient(sandbox.url, sandbox.adminToken);

/** What `oc adm policy add-cluster-role-to-group <role> data-scientists` creates. */
const bindToDataScientists = (sandbox: RunningSandbox, role: string, namespace?: string) =>
  admin(sandbox).request(
    'POST',
    namespace ? `${RBAC}/namespaces/${namespace}/rolebindings` : `${RBAC}/clusterrolebindings`,
    {
      metadata: { name: `${role}-data-scientists` },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: namespace ? 'Role' : 'ClusterRole',
        name: role,
      },
      subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'data-scientists' }],
    },
  );

/** Cluster-wide pod lists the page got answered 200: must stay none for a project-scoped user. */
const recordClusterWidePodReads = (page: Page) => {
  const reads: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (/\/api\/v1\/pods$/.test(url.pathname) && response.status() === 200) reads.push(url.href);
  });
  return reads;
};

test('no role: one page says which permission is missing and the exact binding to ask for', async ({
  page,
}) => {
  await page.goto('/gpu-partitioning');
  await expect(
    page.getByRole('heading', { name: 'You cannot see GPU slice availability' }),
  ).toBeVisible();
  await expect(
    page.getByText('Missing permission: get, list and watch nodes at the cluster scope.'),
  ).toBeVisible();
  // The group comes from the user's SelfSubjectReview: the command is ready to paste.
  await expect(
    page
      .getByRole('textbox', {
        name: /Copyable input/,
      })
      .first(),
  ).toHaveValue(
    'oc adm policy add-cluster-role-to-group gpu-partitioning-plugin-availability-reader data-scientists',
  );
  await page.getByRole('button', { name: 'The same binding as YAML' }).click();
  await expect(
    page.getByText('name: gpu-partitioning-plugin-availability-reader-data-scientists'),
  ).toBeVisible();
  await saveScreenshot(page, 'data-scientist-no-role');
});

test('minimal role: allocatable and the slice maps, only their own pods in use, never a free count', async ({
  page,
  cluster,
}) => {
  await bindToDataScientists(cluster.sandbox, 'gpu-partitioning-plugin-availability-reader');
  const clusterWideReads = recordClusterWidePodReads(page);
  await page.goto('/gpu-partitioning');
  await expect(
    page.getByText(
      'Pods of other projects are not visible to you: the numbers below are what nodes offer (allocatable), not what is free.',
    ),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'Your project' }).fill('team-a');
  await page.getByRole('button', { name: 'Count my pods there' }).click();
  await expect(page.getByText('Used by your pods counts the pods in team-a.')).toBeVisible();

  const table = page.getByRole('grid', { name: 'Allocatable GPU resources' });
  // 1g.6gb: 4 allocatable, 1 used by the notebook (team-b's two pods are not counted anywhere).
  await expect(table.locator('tbody tr').first()).toContainText(/1g\.6gb.*4\s*1\s*2 nodes/);
  await expect(table).not.toContainText('free');

  // The notebook's slice is in use; every other slice could be team-b's: "In use or free".
  const worker1 = page.getByRole('figure', { name: 'GPU 0 · NVIDIA A30 24GB' }).first();
  await expect(worker1.getByText('In use', { exact: true })).toHaveCount(1);
  await expect(worker1.getByText('In use or free', { exact: true })).toHaveCount(2);
  await expect(page.getByText('Free', { exact: true })).toHaveCount(0);

  await expect(
    page.getByText('Possibly: up to 3 × 1g.6gb, if other projects leave them free'),
  ).toBeVisible();
  await expect(
    page.getByText(
      'Counted from allocatable: nodes offer 4 × 1g.6gb, your pods use 1. Pods of other projects are not visible to you and may hold the rest.',
    ),
  ).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Number of instances' }).fill('4');
  await expect(page.getByText('No: at most 3 × 1g.6gb, 4 wanted')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Number of instances' }).fill('1');

  const profiles = page.getByRole('grid', { name: 'OpenShift AI hardware profiles you can use' });
  await expect(profiles.locator('tbody tr')).toHaveCount(2);
  await expect(profiles).toContainText('1g.6gb (nvidia.com/mig-1g.6gb)');
  expect(clusterWideReads).toEqual([]);
  await saveScreenshot(page, 'data-scientist-minimal-role');

  // Their own pod waiting for a GPU (issue 15): listed with the scheduler's message; what would
  // make room is not worked out without the other projects' pods.
  await admin(cluster.sandbox).create('/api/v1/namespaces/team-a/pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'big-notebook', namespace: 'team-a' },
    spec: {
      containers: [
        {
          name: 'main',
          image: 'quay.io/sandbox/inference:latest',
          resources: { limits: { 'nvidia.com/mig-4g.24gb': '1' } },
        },
      ],
    },
  });
  const waiting = page.getByTestId('waiting-pods-card');
  await expect(waiting).toContainText(
    'Only the pods of your projects are visible: what is free, and what would make room, cannot be worked out without the others.',
  );
  const own = waiting.getByRole('grid', { name: 'Your pods waiting for GPUs' });
  await expect(own.getByRole('row').filter({ hasText: 'big-notebook' })).toContainText(
    'Insufficient nvidia.com/mig-4g.24gb',
  );
  await expect(waiting).not.toContainText('Make room');
  await waiting.screenshot({ path: join(ARTIFACTS_DIR, 'data-scientist-waiting-card.png') });
  expect(clusterWideReads).toEqual([]);
});

test('viewer role: the whole page, with what is free', async ({ page, cluster }) => {
  await bindToDataScientists(cluster.sandbox, 'gpu-partitioning-plugin-viewer');
  await bindToDataScientists(
    cluster.sandbox,
    'gpu-partitioning-plugin-viewer',
    'nvidia-gpu-operator',
  );
  await page.goto('/gpu-partitioning');
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible();
  const profiles = page.getByRole('grid', { name: 'MIG instances per profile' });
  // Everyone's pods count now: 4 allocatable, 2 in use (team-a's notebook, team-b's inference).
  await expect(profiles.locator('tbody tr').first()).toContainText(/1g\.6gb\s*4\s*2\s*2 free/);
  await expect(page.getByText('Yes: 2 × 1g.6gb free now')).toBeVisible();
  await expect(
    page.getByText('Pods of other projects are not visible to you', { exact: false }),
  ).toHaveCount(0);
  await saveScreenshot(page, 'data-scientist-viewer-role');
});
