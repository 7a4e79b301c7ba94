import { type Locator, type Page } from '@playwright/test';
import { expect } from './fixtures';

/** Finding things on the plugin's pages, shared by the real-console specs. */

export const nodeRow = (page: Page, node: string) =>
  page
    .getByRole('grid', { name: 'GPU nodes' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: node, exact: true }) });

/** A row's cell by its column's title, or the title's start ('Advertised' for 'Advertised (…)'). */
export const cell = (row: Locator, column: string) => row.locator(`td[data-label^="${column}"]`);

export const summaryCard = (page: Page, title: string | RegExp) =>
  page
    .locator('.pf-v6-c-card')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });

export const profileRow = (page: Page, profile: string) =>
  page
    .getByRole('grid', { name: 'MIG instances per profile' })
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: profile, exact: true }) });

/** The plugin's own tabs (Overview, Nodes, Layout designer, OpenShift AI). */
export const openTab = async (page: Page, name: string) => {
  const tab = page.getByRole('tab', { name: new RegExp(`^${name}`) });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
};

export const chooseConfig = async (page: Page, name: string) => {
  await page.getByRole('button', { name: 'MIG config' }).click();
  await page
    .getByRole('option', { name: new RegExp(`^${name.replace(/\./g, '\\.')}(\\s|$)`) })
    .click();
};

/** Ticks the acknowledgement when the preview has warnings (e.g. the built-in config is used). */
export const acknowledgeWarnings = async (dialog: Locator) => {
  const acknowledge = dialog.getByRole('checkbox', { name: /I have read the warnings/ });
  if (await acknowledge.isVisible()) await acknowledge.check();
};

export const openRowAction = async (page: Page, node: string, action: string) => {
  await nodeRow(page, node).getByRole('button', { name: 'Kebab toggle' }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${action}`) }).click();
};

/**
 * Follows a node's change to `phase`. A follow that takes the plugin's own write for someone
 * else's stops at 'Label changed by someone else', so this fails on that false conflict.
 */
export const expectPhase = async (page: Page, node: string, phase: string) => {
  // The GPU tab and the apply dialog both show the change: the first is enough.
  const shown = page.getByTestId(`mig-progress-${node}`).getByTestId('mig-progress-phase').first();
  await expect(shown).toHaveText(phase, { timeout: 30_000 });
};

/** Closes the progress panel of a write. */
export const closeProgress = (page: Page) =>
  page.getByRole('contentinfo').getByRole('button', { name: 'Close' }).click();

/** The resources table of a node's GPU tab, row by profile. */
export const expectAdvertised = async (page: Page, node: string, counts: [string, string][]) => {
  const resources = page.getByRole('grid', {
    name: `Advertised and expected resources of ${node}`,
  });
  for (const [profile, count] of counts) {
    const row = resources
      .getByRole('row')
      .filter({ has: page.getByRole('gridcell', { name: profile, exact: true }) });
    await expect(cell(row, 'Expected')).toHaveText(count);
    await expect(cell(row, 'Advertised')).toHaveText(count);
    await expect(cell(row, 'Match')).toHaveText('Yes');
  }
};

/**
 * Records every phase the progress shows from now on, in order, however briefly: a follow that
 * takes its own write for someone else's may say so for only a moment, until the view catches up.
 * Returns a function that reads the record.
 */
export const recordPhases = async (page: Page): Promise<() => Promise<string[]>> => {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { migPhasesSeen: string[] }).migPhasesSeen = seen;
    const record = () => {
      for (const element of document.querySelectorAll('[data-test="mig-progress-phase"]')) {
        const text = element.textContent ?? '';
        if (seen[seen.length - 1] !== text) seen.push(text);
      }
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  return () =>
    page.evaluate(() => (window as unknown as { migPhasesSeen: string[] }).migPhasesSeen);
};

/** What the progress says when the follow takes a change of the label for someone else's. */
export const SOMEONE_ELSES_CHANGE = 'Label changed by someone else';
