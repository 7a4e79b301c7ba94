/**
 * The host's i18n as the plugin's components see it: `usePluginTranslation` (react-i18next)
 * must get the instance `initI18n` set up, so plurals come from the catalogue's
 * `key_one`/`key_other` entries ("on 2 nodes", not the key's "on 2 node").
 */
import { render, screen } from '@testing-library/react';
import { getI18n } from 'react-i18next';
import catalogue from '../../locales/en/plugin__gpu-partitioning-plugin.json';
import { usePluginTranslation } from '../../src/hooks/usePluginTranslation';
import { initI18n } from './i18n';
import { I18N_NAMESPACE } from './plugin';

const APPLY_KEY = 'Apply {{label}}={{config}} on {{count}} node';
const missing: string[] = [];

beforeAll(async () => {
  await initI18n((key) => missing.push(key));
});

const ApplyButtonText = ({ count }: { count: number }) => {
  const { t } = usePluginTranslation();
  return (
    <span data-test="apply">
      {t(APPLY_KEY, { label: 'nvidia.com/mig.config', config: 'all-balanced', count })}
    </span>
  );
};

test("the plugin's useTranslation uses the host's instance and resolves plurals", () => {
  expect(getI18n().options.defaultNS).toBe(I18N_NAMESPACE);
  const { rerender } = render(<ApplyButtonText count={2} />);
  expect(screen.getByTestId('apply').textContent).toBe(
    'Apply nvidia.com/mig.config=all-balanced on 2 nodes',
  );
  rerender(<ApplyButtonText count={1} />);
  expect(screen.getByTestId('apply').textContent).toBe(
    'Apply nvidia.com/mig.config=all-balanced on 1 node',
  );
  expect(missing).toEqual([]);
});

test('every plural entry of the catalogue resolves to its own form for 1 and for 2', () => {
  const strings = catalogue as Record<string, string>;
  const plurals = Object.keys(strings)
    .filter((key) => key.endsWith('_one'))
    .map((key) => key.slice(0, -'_one'.length));
  expect(plurals).toContain(APPLY_KEY);
  const t = getI18n().getFixedT('en', I18N_NAMESPACE);
  const fill = (text: string, values: Record<string, string | number>) =>
    text.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name]));
  for (const key of plurals) {
    const names = [...key.matchAll(/{{(\w+)}}/g)].map(([, name]) => name);
    for (const [count, form] of [
      [1, 'one'],
      [2, 'other'],
    ] as const) {
      const values = { ...Object.fromEntries(names.map((name) => [name, `<${name}>`])), count };
      expect([key, t(key, values)]).toEqual([key, fill(strings[`${key}_${form}`], values)]);
    }
  }
  expect(missing).toEqual([]);
});

test('a string the catalogue lacks is reported with its namespace', () => {
  const t = getI18n().getFixedT('en', I18N_NAMESPACE);
  expect(t('No such string {{count}}', { count: 2 })).toBe('No such string 2');
  expect(missing).toEqual([`${I18N_NAMESPACE}~No such string {{count}}`]);
});
