/**
 * Whether the mig-manager reboots a node when a MIG mode change fails: the ClusterPolicy's
 * `spec.migManager.env` can set `WITH_REBOOT=true` (geometry notes section 9, step 9). The reboot
 * kills every pod on the node, not only GPU pods, so the apply preview must say so. Pure.
 */
import type { ClusterPolicyKind } from './models';
import { safeText } from './quantities';

export const WITH_REBOOT_ENV = 'WITH_REBOOT';

/**
 * `on`: a failed MIG mode change reboots the node. `off`: it leaves the state `failed`.
 * `unknown`: the value comes from `valueFrom` or is not a boolean the mig-manager reads.
 */
export type WithRebootSetting = 'on' | 'off' | 'unknown';

export interface WithRebootReading {
  setting: WithRebootSetting;
  /** The value as written (short text), when it is not plainly true or false. */
  value?: string;
}

// The mig-manager's `--with-reboot` flag reads the variable with Go's strconv.ParseBool.
const TRUE_VALUES = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE_VALUES = ['', '0', 'f', 'F', 'FALSE', 'false', 'False'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads `WITH_REBOOT` from `spec.migManager.env` (the last entry wins, as in a container). Never throws. */
export function readWithReboot(policy: ClusterPolicyKind | undefined): WithRebootReading {
  const spec: unknown = isRecord(policy) ? policy.spec : undefined;
  const migManager: unknown = isRecord(spec) ? spec.migManager : undefined;
  const env: unknown = isRecord(migManager) ? migManager.env : undefined;
  if (!Array.isArray(env)) return { setting: 'off' };
  const entry: unknown = [...env]
    .reverse()
    .find((item: unknown) => isRecord(item) && item.name === WITH_REBOOT_ENV);
  if (!isRecord(entry)) return { setting: 'off' };
  if (entry.valueFrom !== undefined && entry.valueFrom !== null) {
    return { setting: 'unknown', value: 'valueFrom' };
  }
  const value = entry.value ?? '';
  if (typeof value === 'string' && TRUE_VALUES.includes(value)) return { setting: 'on' };
  if (typeof value === 'string' && FALSE_VALUES.includes(value)) return { setting: 'off' };
  return { setting: 'unknown', value: safeText(value).slice(0, 40) };
}
