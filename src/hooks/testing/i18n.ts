/**
 * The tests' one i18next set-up: as the console configures it (English keys, `~` namespaces, no key
 * nesting) with no catalogue, so `t('… {{count}} …', { count })` interpolates in tests (without an
 * instance react-i18next returns the raw key).
 */
import i18next, { type InitOptions } from 'i18next';
import { initReactI18next } from 'react-i18next';

const TEST_I18N_OPTIONS: InitOptions = {
  lng: 'en',
  fallbackLng: 'en',
  keySeparator: false,
  nsSeparator: '~',
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
};

export async function initTestI18n(): Promise<void> {
  if (i18next.isInitialized) return;
  await i18next.use(initReactI18next).init({ ...TEST_I18N_OPTIONS, resources: {} });
}
