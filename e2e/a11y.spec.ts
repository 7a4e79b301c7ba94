import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, selectAllNodes, test } from './fixtures';

/**
 * Accessibility: axe (WCAG 2.1 A/AA, no serious or critical violations) on every tab and dialog
 * of the plugin, and keyboard use: Tab reaches the tabs, the table rows' expand toggles and the
 * primary actions; Escape closes the dialogs and gives focus back to the page.
 * The seed's two A30 workers are enough to open every tab and dialog.
 */
test.use({ scenario: 'seed' });

const NODES = ['worker1.redhat.com', 'worker2.redhat.com'];

const nodeRow = (page: Page, node: string) =>
  page
    .getByRole('grid', { name: 'GPU nodes' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: node, exact: true }) });

const chooseConfig = async (page: Page, name: string) => {
  await page.getByRole('button', { name: 'MIG config' }).click();
  await page
    .getByRole('option', { name: new RegExp(`^${name.replace(/\./g, '\\.')}(\\s|$)`) })
    .click();
};

/** A readable name of the focused element: role-ish tag, accessible name, and its table row. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '';
    const role = element.getAttribute('role') ?? element.tagName.toLowerCase();
    const label =
      element.getAttribute('aria-label') ??
      (element.getAttribute('aria-labelledby')
        ? element
            .getAttribute('aria-labelledby')!
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
        : (element.textContent ?? '')
      ).trim();
    const row = element.closest('tr')?.querySelector('a')?.textContent;
    return `${role}: ${label.replace(/\s+/g, ' ').slice(0, 80)}${row ? ` [row ${row}]` : ''}`;
  });

/** Presses Tab up to `max` times from the top of the page, returning what got focus, in order. */
const tabThrough = async (page: Page, max: number, until?: (name: string) => boolean) => {
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const name = await focused(page);
    seen.push(name);
    if (until?.(name)) break;
  }
  return seen;
};

test.describe('axe: no serious or critical violations', () => {
  test('Overview tab', async ({ page }) => {
    await page.goto('/gpu-partitioning');
    await expect(page.getByRole('grid', { name: 'MIG instances per profile' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('Nodes tab with an expanded row', async ({ page }) => {
    await page.goto('/gpu-partitioning?tab=nodes');
    const row = nodeRow(page, NODES[0]);
    await row.getByRole('button', { name: 'Details' }).click();
    await expect(page.getByRole('link', { name: `View GPU details of ${NODES[0]}` })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('Node GPU tab', async ({ page }) => {
    await page.goto(`/k8s/cluster/nodes/${NODES[0]}/gpu`);
    await expect(
      page.getByRole('grid', { name: `Advertised and expected resources of ${NODES[0]}` }),
    ).toBeVisible();
    // The Details/GPU tab bar above the plugin's content is the standalone host's stand-in for the
    // console's HorizontalNav (its tabs' aria-controls name panels it never renders): judged on its
    // own below, so the plugin's tab content is checked apart from it.
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .exclude('[aria-label="Resource tabs"]')
      .analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`,
      );
    expect(serious, 'serious accessibility violations').toEqual([]);
  });

  test('the host node page tab bar (not the plugin)', async ({ page }) => {
    await page.goto(`/k8s/cluster/nodes/${NODES[0]}/gpu`);
    await expectNoSeriousA11yViolations(page);
  });

  test('apply preview dialog', async ({ page }) => {
    await page.goto('/gpu-partitioning?tab=nodes');
    await selectAllNodes(page);
    await page.getByRole('button', { name: /^Apply MIG config to 2 nodes…$/ }).click();
    await chooseConfig(page, 'all-balanced');
    await expect(
      page.getByRole('grid', { name: `Resources of ${NODES[1]} before and after` }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('strategy dialog', async ({ page }) => {
    await page.goto('/gpu-partitioning?tab=nodes');
    await page.getByRole('button', { name: 'Change strategy' }).click();
    await page.getByRole('radio', { name: /^mixed/ }).check();
    await expect(
      page.getByRole('grid', { name: 'What each node advertises afterwards' }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('layout designer', async ({ page }) => {
    await page.goto('/gpu-partitioning');
    await page.getByRole('tab', { name: /^Layout designer/ }).click();
    await expect(page.getByTestId('designer-gpu-0')).toBeVisible();
    await page
      .getByTestId('designer-gpu-0')
      .getByRole('button', { name: 'Add 2g.12gb', exact: true })
      .click();
    await expectNoSeriousA11yViolations(page);
  });

  test('OpenShift AI profiles and their preview', async ({ page }) => {
    await page.goto('/gpu-partitioning');
    await page.getByRole('tab', { name: /^OpenShift AI/ }).click();
    await expect(
      page
        .getByRole('grid', { name: 'MIG resources and OpenShift AI profiles' })
        .or(page.getByText('No node advertises a MIG resource (nvidia.com/mig-…)')),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('axe and Escape on the write dialogs, with MIG enabled', () => {
  test.beforeAll(async ({ adminApi }) => {
    // As the article does with oc: mixed strategy and all-balanced on both workers.
    await adminApi.patch(
      '/apis/nvidia.com/v1/clusterpolicies/gpu-cluster-policy',
      [{ op: 'add', path: '/spec/mig', value: { strategy: 'mixed' } }],
      'json',
    );
    for (const node of NODES) {
      await adminApi.labelNode(node, { 'nvidia.com/mig.config': 'all-balanced' });
    }
    for (const node of NODES) {
      await adminApi.waitFor<{ status: { capacity: Record<string, string> } }>(
        `/api/v1/nodes/${node}`,
        (object) => object.status.capacity['nvidia.com/mig-2g.12gb'] === '1',
        30_000,
      );
    }
  });

  test('OpenShift AI profile preview', async ({ page }) => {
    await page.goto('/gpu-partitioning?tab=openshift-ai');
    await page.getByRole('button', { name: 'Select all missing (2)' }).click();
    await page.getByRole('button', { name: 'Preview 2 profiles' }).click();
    await expect(page.locator('#openshift-ai-preview-yaml')).toContainText('mig-2g-12gb');
    await expectNoSeriousA11yViolations(page);
  });

  test('designer save dialog; Escape closes it', async ({ page }) => {
    await page.goto('/gpu-partitioning?tab=designer');
    const gpu = page.getByTestId('designer-gpu-0');
    for (const profile of ['2g.12gb', '1g.6gb', '1g.6gb']) {
      await gpu.getByRole('button', { name: `Add ${profile}`, exact: true }).click();
    }
    await page.getByRole('button', { name: 'Save or export as named config…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Config name/ }).fill('a11y-check');
    await dialog.getByRole('button', { name: 'Preview the ConfigMap' }).click();
    await expect(dialog.getByTestId('designer-diff-summary')).toContainText('Added: a11y-check');
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});

test.describe('keyboard', () => {
  test('Tab reaches the tabs, every row expand toggle and the primary actions', async ({
    page,
  }) => {
    await page.goto('/gpu-partitioning?tab=nodes');
    await expect(nodeRow(page, NODES[1])).toBeVisible();
    const seen = await tabThrough(page, 120, (name) =>
      name.startsWith(`input: Select node ${NODES[1]}`),
    );
    const reached = (pattern: RegExp) =>
      expect(
        seen.some((name) => pattern.test(name)),
        `${pattern} among focused: ${seen.join(' | ')}`,
      ).toBe(true);
    reached(/^tab: Overview/);
    reached(/^tab: Nodes/);
    reached(/^button: Change strategy/);
    reached(/^input: Select all nodes/);
    reached(/^button: Apply MIG config…/);
    for (const node of NODES) {
      reached(new RegExp(`^input: Select node ${node.replace(/\./g, '\\.')}`));
    }
    for (const node of NODES) {
      reached(new RegExp(`^button: Details \\[row ${node.replace(/\./g, '\\.')}\\]`));
    }
  });

  test('Enter on a row toggle expands it; Space on the Overview tab switches to it', async ({
    page,
  }) => {
    await page.goto('/gpu-partitioning?tab=nodes');
    const toggle = nodeRow(page, NODES[0]).getByRole('button', { name: 'Details' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('link', { name: `View GPU details of ${NODES[0]}` })).toBeVisible();

    await page.getByRole('tab', { name: /^Overview/ }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('grid', { name: 'MIG instances per profile' })).toBeVisible();
  });

  test('the apply dialog works from the keyboard alone: arrows choose a config, Tab reaches Apply', async ({
    page,
  }) => {
    await page.goto('/gpu-partitioning?tab=nodes');
    await page.getByRole('checkbox', { name: 'Select all nodes' }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: 'Select no nodes' })).toBeChecked();
    await page.getByRole('button', { name: /^Apply MIG config to 2 nodes…$/ }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();

    const pressUntil = async (key: string, pattern: RegExp, max: number) => {
      let name = await focused(page);
      for (let i = 0; i < max && !pattern.test(name); i++) {
        await page.keyboard.press(key);
        name = await focused(page);
      }
      return name;
    };
    expect(await pressUntil('Tab', /^button: MIG config/, 20)).toMatch(/^button: MIG config/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('option').first()).toBeVisible();
    // Escape closes the open menu only, back on its toggle; the dialog stays.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('option')).toHaveCount(0);
    await expect(dialog).toBeVisible();
    expect(await focused(page)).toMatch(/^button: MIG config/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('option').first()).toBeVisible();
    // The options are inside the dialog, so its focus trap lets the arrows reach them. A config
    // the nodes do not run yet (the tests above may have applied all-balanced).
    expect(await pressUntil('ArrowDown', /^option: all-1g\.6gb/, 20)).toMatch(
      /^option: all-1g\.6gb/,
    );
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'MIG config' })).toHaveText(/all-1g\.6gb/);
    await expect(
      dialog.getByRole('grid', { name: `Resources of ${NODES[1]} before and after` }),
    ).toBeVisible();

    // Tab on to Apply, ticking the acknowledgement on the way if the preview asks for one.
    let name = '';
    for (let i = 0; i < 80 && !/^button: Apply nvidia\.com/.test(name); i++) {
      await page.keyboard.press('Tab');
      name = await focused(page);
      const id = await page.evaluate(() => document.activeElement?.id);
      if (id === 'gpu-partitioning-apply-acknowledge') await page.keyboard.press('Space');
    }
    expect(name).toMatch(/^button: Apply nvidia\.com\/mig\.config=all-1g\.6gb on 2 nodes/);
    await expect(page.locator(':focus')).toBeEnabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  for (const [dialogName, opener] of [
    ['apply', /^Apply MIG config to 2 nodes…$/],
    ['strategy', /^Change strategy$/],
  ] as const) {
    test(`the ${dialogName} dialog takes focus, opens from the keyboard and closes on Escape`, async ({
      page,
    }) => {
      await page.goto('/gpu-partitioning?tab=nodes');
      if (dialogName === 'apply') await selectAllNodes(page);
      const button = page.getByRole('button', { name: opener });
      await button.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await expect
        .poll(() => dialog.evaluate((element) => element.contains(document.activeElement)))
        .toBe(true);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(button).toBeVisible();
    });
  }
});
