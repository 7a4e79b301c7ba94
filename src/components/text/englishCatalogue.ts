/**
 * t() over the committed English catalogue outside React: what the CLI words the engine's data
 * with, through the same functions as the page (plurals `_one`/`_other` as the console resolves
 * them). Only the CLI and tests import it: the plugin bundle gets its words from the console.
 */
import i18next from 'i18next';
import catalogue from '../../../locales/en/plugin__gpu-partitioning-plugin.json';
import type { Translate } from './translate';

const NS = 'plugin__gpu-partitioning-plugin';

export const englishCatalogue = i18next.createInstance();
void englishCatalogue.init({
  lng: 'en',
  ns: [NS],
  defaultNS: NS,
  resources: { en: { [NS]: catalogue } },
  // Keys are English sentences with '.' and ':' in them, as the console configures i18next.
  keySeparator: false,
  nsSeparator: '~',
  interpolation: { escapeValue: false },
  initImmediate: false,
});

export const englishT: Translate = (key, options) => englishCatalogue.t(key, options) as string;
