/**
 * The part of i18next's `t` the wording functions use. `usePluginTranslation().t` satisfies it, and
 * so does `englishT` (englishCatalogue.ts: the English catalogue for the CLI, the sandbox and tests).
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
