import type { Locator, Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';

/**
 * The page at common desktop widths (issue 13 item 8, "Cramped at 1440 px"): the Nodes table
 * fits without scrolling sideways and keeps its actions column in view, names and headers stay on
 * one line, and the layout designer uses the page's width and keeps its design across tabs.
 */
test.use({ scenario: 'mixed-fleet' });

/** True when the element's text takes one line (a wrapped one is at least two lines high). */
const isOneLine = (element: Locator) =>
  element.evaluate((el) => {
    const fontSize = parseFloat(getComputedStyle(el).fontSize);
    return el.getBoundingClientRect().height < 2 * fontSize;
  });

const openNodes = async (page: Page, width: number) => {
  await page.setViewportSize({ width, height: 900 });
  await page.goto('/gpu-partitioning?tab=nodes');
  const table = page.getByRole('grid', { name: 'GPU nodes' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  return table;
};

for (const width of [1280, 1440, 1920]) {
  test(`Nodes table at ${width} px: no sideways scroll, actions in view, one-line names and headers`, async ({
    page,
  }) => {
    const table = await openNodes(page, width);
    // The table's own scroll container (PatternFly's InnerScrollContainer) has nothing to scroll.
    const hidden = await table.evaluate((el) => {
      const container = el.parentElement as HTMLElement;
      return container.scrollWidth - container.clientWidth;
    });
    expect(hidden, 'pixels of the table hidden sideways').toBeLessThanOrEqual(0);

    const firstRow = table.locator('tbody tr').first();
    await expect(firstRow.getByRole('button', { name: 'Kebab toggle' })).toBeInViewport({
      ratio: 1,
    });
    const names = table.getByTestId('node-name');
    expect(await names.count()).toBeGreaterThan(5);
    for (const name of await names.all()) expect(await isOneLine(name)).toBe(true);
    const headers = table.locator('thead .pf-v6-c-table__text');
    expect(await headers.allTextContents()).toEqual([
      'Name',
      'MIG config',
      'State',
      'Allocatable',
      'GPU pods',
    ]);
    for (const header of await headers.all()) expect(await isOneLine(header)).toBe(true);
    if (width === 1440) await saveScreenshot(page, 'nodes-table-1440');
  });
}

test('the layout designer uses the page width and keeps its design when the tab changes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/gpu-partitioning?tab=designer');
  await page.getByRole('combobox', { name: 'GPU model' }).selectOption('a100-40gb');
  const gpu = page.getByTestId('designer-gpu-0');
  await gpu.getByRole('button', { name: 'Add 3g.20gb', exact: true }).click();
  await expect(gpu.locator('pre')).toContainText('3g.20gb: 1');

  // The config is beside the GPU, not below a narrow column of it.
  const card = (await gpu.boundingBox())!;
  const config = (await page.locator('#gpu-partitioning-designer-entries').boundingBox())!;
  expect(config.x).toBeGreaterThanOrEqual(card.x + card.width);
  expect(config.y).toBeLessThan(card.y + card.height);
  const panel = (await page.getByRole('tabpanel').boundingBox())!;
  expect(card.width + config.width).toBeGreaterThan(0.8 * panel.width);
  await saveScreenshot(page, 'designer-1440');

  await page.getByRole('tab', { name: /^Nodes/ }).click();
  await expect(page.getByRole('grid', { name: 'GPU nodes' })).toBeVisible();
  await page.getByRole('tab', { name: 'Layout designer' }).click();
  await expect(page.getByRole('combobox', { name: 'GPU model' })).toHaveValue('a100-40gb');
  await expect(gpu.locator('pre')).toContainText('3g.20gb: 1');
});

test('Node mode starts from a node the catalog knows and never warns about one nobody chose', async ({
  page,
}) => {
  await page.goto('/gpu-partitioning?tab=designer');
  await page.getByRole('button', { name: 'Node', exact: true }).click();
  const node = page.getByRole('combobox', { name: 'Node' });
  await expect(node).not.toHaveValue('');
  const chosen = await node.inputValue();
  await expect(node.locator(`option[value="${chosen}"]`)).toHaveText(/× NVIDIA/);
  await expect(page.getByTestId('designer-gpu-0')).toBeVisible();
  await expect(page.getByText(/not in the catalog/)).toHaveCount(0);
  // Only nodes with a catalog model are offered (mystery-01 and the GPUs without MIG are not).
  await expect(node.locator('option', { hasText: 'mystery-01' })).toHaveCount(0);
  await expect(node.locator('option', { hasText: 'l40s-01' })).toHaveCount(0);
});
