import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe on the page (WCAG 2.x A/AA rules) and fails on serious or critical violations,
 * listing each with the offending elements. `include` limits the check to part of the page,
 * e.g. the plugin's content rather than the host's chrome.
 */
export const expectNoSeriousA11yViolations = async (
  page: Page,
  options: { include?: string; disableRules?: string[] } = {},
) => {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (options.include) builder = builder.include(options.include);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes
          .map((node) => `  ${node.target.join(' ')}: ${node.failureSummary}`)
          .join('\n'),
    );
  expect(serious, 'serious accessibility violations').toEqual([]);
};
