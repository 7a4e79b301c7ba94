import { useFlag } from '@openshift-console/dynamic-plugin-sdk';
import { allFlagNames } from './plugin';

const FLAG_NAMES = allFlagNames();

/** The values of every flag the plugin's extensions mention (undefined while unresolved). */
export const usePluginFlags = (): Record<string, boolean | undefined> => {
  const values: Record<string, boolean | undefined> = {};
  // FLAG_NAMES never changes, so the hooks run in the same order on every render.
  for (const name of FLAG_NAMES) {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    values[name] = useFlag(name);
  }
  return values;
};
