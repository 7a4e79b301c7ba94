/**
 * The part of i18next's `t` the wording functions use. `usePluginTranslation().t` satisfies it, and
 * so does a plain English stand-in (the slice map's `englishTranslate`, tests).
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
