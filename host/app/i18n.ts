import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import pluginStrings from '../../locales/en/plugin__gpu-partitioning-plugin.json';
import { I18N_NAMESPACE } from './plugin';

/** Called with `namespace~key` for every string the pages ask for that the catalogue lacks. */
export type MissingTranslationHandler = (key: string) => void;

/**
 * i18next set up as the console does for plugins: `ns~key`, no key separator, English preloaded.
 * `i18n.use(initReactI18next)` binds this very instance to react-i18next, so the plugin's
 * `useTranslation` resolves plurals (`key_one`/`key_other`) from the catalogue below. A key the
 * catalogue lacks would be shown as the key itself (e.g. "on 2 node"): `onMissing` reports it.
 */
export const initI18n = (onMissing?: MissingTranslationHandler) =>
  i18n.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    ns: [I18N_NAMESPACE],
    defaultNS: I18N_NAMESPACE,
    resources: { en: { [I18N_NAMESPACE]: pluginStrings } },
    keySeparator: false,
    nsSeparator: '~',
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    returnEmptyString: false,
    saveMissing: Boolean(onMissing),
    // A plural call reports its key once, not once per plural form.
    saveMissingPlurals: false,
    missingKeyHandler: onMissing
      ? (_languages, namespace, key) => onMissing(`${namespace}~${key}`)
      : undefined,
  });
