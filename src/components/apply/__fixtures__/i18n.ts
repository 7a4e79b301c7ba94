/**
 * An i18next instance with no catalogue, so `t('… {{count}} …', { count })` interpolates in tests
 * (without an instance react-i18next returns the raw key).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export function initTestI18n(): void {
  if (i18n.isInitialized) return;
  void i18n.use(initReactI18next).init({
    lng: 'en',
    resources: {},
    keySeparator: false,
    nsSeparator: '~',
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
}
