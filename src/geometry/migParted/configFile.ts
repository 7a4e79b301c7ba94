/** Reading a parsed config file safely: config and profile names are user text, any string. */
import type { ProfileCounts } from '../types';
import type { MigPartedConfigFile, MigPartedEntry } from './types';

/** Object.prototype.hasOwnProperty, because config names like `constructor` are legal. */
export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Sets an own, enumerable property even for keys like `__proto__` (plain assignment would not). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

export function listConfigNames(config: MigPartedConfigFile): string[] {
  return Object.keys(config.migConfigs);
}

export function getNamedConfig(
  config: MigPartedConfigFile,
  name: string,
): MigPartedEntry[] | undefined {
  return hasOwn(config.migConfigs, name) ? config.migConfigs[name] : undefined;
}

/** The comment lines above a named config, if it has any. */
export function commentOf(config: MigPartedConfigFile, name: string): string[] | undefined {
  return config.comments && hasOwn(config.comments, name) ? config.comments[name] : undefined;
}

/** The filter strings of an entry; an absent filter or an empty string means "every GPU". */
export function deviceFilterList(entry: MigPartedEntry): string[] {
  const filter = entry.deviceFilter;
  if (filter === undefined) return [];
  if (typeof filter === 'string') return filter === '' ? [] : [filter];
  return filter;
}

/** The counts without zeros: mig-parted skips a profile asked for 0 times. */
export function nonZeroCounts(counts: ProfileCounts | undefined): ProfileCounts {
  const result: ProfileCounts = {};
  for (const [profile, count] of Object.entries(counts ?? {})) {
    if (count > 0) {
      setOwn(result, profile, count);
    }
  }
  return result;
}
