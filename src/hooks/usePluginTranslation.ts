import { useTranslation } from 'react-i18next';

/** The plugin's i18n namespace; console-extensions.json uses the same one as `%NAMESPACE~Label%`. */
export const I18N_NAMESPACE = 'plugin__gpu-partitioning-plugin';

/** `useTranslation` bound to the plugin's namespace, so no component can pick the wrong one. */
export const usePluginTranslation = () => useTranslation(I18N_NAMESPACE);
