/**
 * The text a parsed config came from, so that writing it back keeps what the parsed data drops:
 * the user's comments (inline, inside entries, at the top), quoting and blank lines. Kept beside
 * the config rather than in it, so configs stay plain data that compare, clone and serialize as
 * before; a copy made with a spread simply has no source and is written afresh.
 */
import type { MigPartedConfigFile } from './types';

const sourceTexts = new WeakMap<MigPartedConfigFile, string>();

export function rememberSourceText(config: MigPartedConfigFile, text: string): void {
  sourceTexts.set(config, text);
}

export function sourceTextOf(config: MigPartedConfigFile): string | undefined {
  return sourceTexts.get(config);
}

/** `to` is `from` with named configs added or replaced: it is written over `from`'s text. */
export function carrySourceText(from: MigPartedConfigFile, to: MigPartedConfigFile): void {
  const text = sourceTexts.get(from);
  if (text !== undefined) sourceTexts.set(to, text);
}
