/**
 * The English catalogue's t() for tests, which throws on a key the catalogue lacks. With `marked`,
 * every string that went through t() is wrapped in «…», to tell translated words from raw English.
 */
import { englishCatalogue, englishT } from '../englishCatalogue';
import type { Translate } from '../translate';

export function catalogueT(marked = false): Translate {
  const t: Translate = (key, options) => {
    // The extractor misses a t() nested in another's arguments: such a key would never translate.
    if (!englishCatalogue.exists(key, options)) throw new Error(`Not in the catalogue: ${key}`);
    return englishT(key, options);
  };
  return marked ? (key, options) => `«${t(key, options)}»` : t;
}
