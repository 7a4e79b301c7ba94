/**
 * t() over the committed English catalogue, so tests see its plurals (`_one`/`_other`) the way
 * the console does, and throws on a key the catalogue lacks. With `marked`, every string that went through t() is wrapped in «…», to tell
 * translated words from raw English.
 */
import i18next from 'i18next';
import catalogue from '../../../../locales/en/plugin__gpu-partitioning-plugin.json';
import { TEST_I18N_OPTIONS } from '../../../hooks/testing/i18n';
import type { Translate } from '../../apply/planIssueText';

const NS = 'plugin__gpu-partitioning-plugin';
const instance = i18next.createInstance();
void instance.init({
  ...TEST_I18N_OPTIONS,
  ns: [NS],
  defaultNS: NS,
  resources: { en: { [NS]: catalogue } },
  initImmediate: false,
});

export function catalogueT(marked = false): Translate {
  const t = (key: string, options?: object) => {
    // The extractor misses a t() nested in another's arguments: such a key would never translate.
    if (!instance.exists(key, options)) throw new Error(`Not in the catalogue: ${key}`);
    return instance.t(key, options) as string;
  };
  return (marked ? (key: string, options?: object) => `«${t(key, options)}»` : t) as Translate;
}
