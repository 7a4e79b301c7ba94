/** Profile and config names as mig-parted and the node label that selects a config accept them. */
import { labelValueProblem, parseProfileName } from '../naming';
import type { ConfigIssue } from './types';

/** Whether mig-parted parses the string as a MIG profile name. */
export function isMigPartedProfileName(name: string): boolean {
  // mig-parted's parser is case- and space-sensitive (`1G.5GB` fails), unlike our lenient one.
  return name === name.trim() && name === name.toLowerCase() && !!parseProfileName(name);
}

/**
 * The issue for a config name that cannot be a label value, or undefined when it can be one.
 * mig-parted loads such a file, but the node label that selects a config cannot hold the name:
 * the API server refuses the write (422), so the config can never be applied.
 */
export function configNameIssue(name: string): ConfigIssue | undefined {
  const problem = labelValueProblem(name);
  if (problem === undefined) return undefined;
  return {
    severity: 'error',
    code: 'invalid-config-name',
    rejectsFile: false,
    configName: name,
    facts: { kind: 'file', problem: { kind: 'config-name-not-a-label-value', name, problem } },
  };
}
