/** Profile and config names as mig-parted and the node label that selects a config accept them. */
import {
  LABEL_VALUE_MAX_LENGTH,
  labelValueProblem,
  parseProfileName,
  type LabelValueProblem,
} from '../naming';
import type { ConfigIssue } from './types';

/** Why a string is not a MIG profile name as mig-parted parses it, or undefined when it is one. */
export function profileNameProblem(name: string): string | undefined {
  // mig-parted's parser is case- and space-sensitive (`1G.5GB` fails), unlike our lenient one.
  if (name !== name.trim() || name !== name.toLowerCase() || !parseProfileName(name)) {
    return `'${name}' is not a MIG profile name (expected e.g. 1g.10gb, 1g.10gb+me, 1g.24gb-me, 1c.3g.20gb)`;
  }
  return undefined;
}

/** Why a config name cannot be selected, in plain English (the CLI's words; the UI's are in configIssueText). */
function configNameMessage(name: string, problem: LabelValueProblem): string {
  const why =
    problem === 'empty'
      ? 'an empty config name cannot be a node label value'
      : problem === 'too-long'
        ? `config name '${name}' cannot be a node label value (it has ${name.length} characters, at most ${LABEL_VALUE_MAX_LENGTH} are allowed)`
        : `config name '${name}' cannot be a node label value (only letters, digits, '-', '_' and '.', starting and ending with a letter or digit)`;
  return `${why}, so nvidia.com/mig.config can never select it`;
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
    message: configNameMessage(name, problem),
    rejectsFile: false,
    configName: name,
    facts: { kind: 'file', problem: { kind: 'config-name-not-a-label-value', name, problem } },
  };
}
