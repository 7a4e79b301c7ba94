import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import pluginStrings from '../../locales/en/plugin__gpu-partitioning-plugin.json';
import { I18N_NAMESPACE } from './plugin';

/** i18next set up as the console does for plugins: `ns~key`, no key separator, English preloaded. */
export const initI18n = () =>
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
  });
