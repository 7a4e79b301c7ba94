/**
 * The words for what the mig-parted checks say about a named config on a node's GPUs
 * (`ConfigIssue.facts`, src/geometry/migParted.ts and predictConfig.ts). Config names, entry
 * numbers, GPU indices and device ids stay as they are, and so do values quoted from the file and
 * the YAML parser's own words.
 */
import {
  LABEL_VALUE_MAX_LENGTH,
  MIG_PARTED_SPEC_VERSION,
  type ConfigIssue,
  type FileProblem,
  type FoundValue,
  type LabelValueProblem,
} from '../../geometry';
import type { Translate } from './translate';
import {
  advertisementWarningText,
  layoutProblemText,
  layoutWarningText,
  singleStrategyInvalidText,
} from './layoutText';

/** `GPU 2` or `GPUs 0, 1`. */
export const gpuIndexListText = (t: Translate, indices: number[]): string =>
  indices.length === 1
    ? t('GPU {{index}}', { index: indices[0] })
    : t('GPUs {{indices}}', { indices: indices.join(', ') });

/** A value found in the file: its kind in words, its text as written. */
function foundText(t: Translate, found: FoundValue): string {
  switch (found.kind) {
    case 'nothing':
      return t('nothing');
    case 'list':
      return t('a list');
    case 'mapping':
      return t('a mapping');
    case 'string':
      return t('the string {{text}}', { text: found.text });
    case 'number':
      return t('number {{text}}', { text: found.text });
    case 'boolean':
      return t('boolean {{text}}', { text: found.text });
    default:
      return found.text;
  }
}

/** What is wrong in the file itself (mig-parted refuses it, or a filter matches nothing). */
function fileProblemText(t: Translate, issue: ConfigIssue, problem: FileProblem): string {
  const version = MIG_PARTED_SPEC_VERSION;
  switch (problem.kind) {
    case 'not-text':
      return t('expected the text of a YAML file, got {{found}}', {
        found: foundText(t, problem.found),
      });
    case 'yaml-unreadable':
      return t('YAML could not be read: {{error}}', { error: problem.error });
    case 'yaml-syntax':
      return t('YAML syntax: {{error}}', { error: problem.error });
    case 'empty-file':
      return t(
        "the file is empty: mig-parted reports \"unknown version\" (expected 'version: {{version}}' and 'mig-configs')",
        { version },
      );
    case 'collection-key':
      return t(
        'a list or mapping is used as a key; mig-parted reads only plain keys (field, config and profile names)',
      );
    case 'multiple-documents':
      return t('the file holds several YAML documents; mig-parted reads only the first');
    case 'root-not-a-mapping':
      return t(
        "a mig-parted config must be a mapping with 'version' and 'mig-configs', found {{found}}",
        { found: foundText(t, problem.found) },
      );
    case 'missing-version':
      return t("missing 'version' field (expected 'version: {{version}}')", { version });
    case 'unknown-version':
      return t("unknown version: {{found}} (mig-parted knows only '{{version}}')", {
        found: foundText(t, problem.found),
        version,
      });
    case 'unexpected-top-field':
      return t('unexpected field: {{field}}', { field: problem.field });
    case 'missing-mig-configs':
      return t("missing 'mig-configs': the file defines no named config");
    case 'empty-mig-configs':
      return t("at least one entry in 'mig-configs' is required");
    case 'mig-configs-not-a-map':
      return t("'mig-configs' must map config names to lists of entries, found {{found}}", {
        found: foundText(t, problem.found),
      });
    case 'empty-config':
      return t("at least one entry in '{{config}}' is required", { config: issue.configName });
    case 'config-name-not-a-label-value':
      return configNameProblemText(t, problem.name, problem.problem);
    case 'config-not-a-list':
      return t(
        "config '{{config}}' must be a list of entries (each starting with '- devices: ...'), found {{found}}",
        { config: issue.configName, found: foundText(t, problem.found) },
      );
    default: {
      const where = t("config '{{config}}', entry #{{entry}}", {
        config: issue.configName,
        entry: issue.entryIndex,
      });
      return t('{{where}}: {{problem}}', { where, problem: entryProblemText(t, problem) });
    }
  }
}

/** Why a config name cannot be the node label `nvidia.com/mig.config` (so it is never applied). */
function configNameProblemText(t: Translate, name: string, problem: LabelValueProblem): string {
  switch (problem) {
    case 'empty':
      return t(
        'an empty config name cannot be a node label value, so nvidia.com/mig.config can never select it',
      );
    case 'too-long':
      return t(
        "config name '{{name}}' cannot be a node label value (it has {{length}} characters, at most {{max}} are allowed), so nvidia.com/mig.config can never select it",
        { name, length: name.length, max: LABEL_VALUE_MAX_LENGTH },
      );
    default:
      return t(
        "config name '{{name}}' cannot be a node label value (only letters, digits, '-', '_' and '.', starting and ending with a letter or digit), so nvidia.com/mig.config can never select it",
        { name },
      );
  }
}

/** What is wrong in one entry of a named config (the config and entry are said around it). */
function entryProblemText(t: Translate, problem: FileProblem): string {
  switch (problem.kind) {
    case 'entry-not-a-mapping':
      return t('expected a mapping, found {{found}}', { found: foundText(t, problem.found) });
    case 'unexpected-entry-field':
      return t(
        "unexpected field '{{field}}' (allowed: device-filter, devices, mig-enabled, mig-devices)",
        { field: problem.field },
      );
    case 'missing-entry-field':
      return t("missing required field '{{field}}'", { field: problem.field });
    case 'missing-mig-devices':
      return t(
        "missing required field 'mig-devices' when 'mig-enabled' is true (use {} for no instances)",
      );
    case 'bad-device-filter':
      return problem.numberHint
        ? t(
            'device-filter must be a PCI id string or a list of them, found {{found}} (quote PCI ids: YAML reads an unquoted 0x20B710DE as a number)',
            { found: foundText(t, problem.found) },
          )
        : t('device-filter must be a PCI id string or a list of them, found {{found}}', {
            found: foundText(t, problem.found),
          });
    case 'devices-string':
      return t(
        "invalid string input for 'devices': {{value}} (use 'all' or a list of GPU indices)",
        { value: problem.value },
      );
    case 'bad-devices':
      return t("'devices' must be 'all' or a list of integer GPU indices, found {{found}}", {
        found: foundText(t, problem.found),
      });
    case 'bad-mig-enabled':
      return t("'mig-enabled' must be true or false, found {{found}}", {
        found: foundText(t, problem.found),
      });
    case 'mig-devices-when-disabled':
      return t("MIG devices included when 'mig-enabled' is false");
    case 'filter-not-a-pci-id':
      return t(
        "device-filter '{{text}}' is not a PCI id mig-parted can read; mig-parted accepts the file but this filter matches no GPU (write device then vendor, e.g. 0x20B710DE)",
        { text: problem.text },
      );
    case 'filter-not-nvidia':
      return t(
        "device-filter '{{text}}' reads as device {{device}} of vendor {{vendor}}, not an NVIDIA GPU; mig-parted accepts the file but this filter matches no GPU (write device then vendor, e.g. 0x20B710DE)",
        { text: problem.text, device: problem.device, vendor: problem.vendor },
      );
    case 'mig-devices-not-a-map':
      return t("'mig-devices' must be a mapping of profile name to count, found {{found}}", {
        found: foundText(t, problem.found),
      });
    case 'bad-profile-name':
      return t(
        "'{{profile}}' is not a MIG profile name (expected e.g. 1g.10gb, 1g.10gb+me, 1g.24gb-me, 1c.3g.20gb)",
        { profile: problem.profile },
      );
    case 'bad-count':
      return t('count for profile {{profile}} must be a whole number ≥ 0, found {{found}}', {
        profile: problem.profile,
        found: foundText(t, problem.found),
      });
    default:
      return t(
        'all counts for all MIG profiles are 0 (use mig-devices: {} for a MIG-enabled GPU with no instances)',
      );
  }
}

export function configIssueText(t: Translate, issue: ConfigIssue): string {
  const { facts } = issue;
  const config = issue.configName ?? '';
  const entry = issue.entryIndex;
  const where = (device: string) =>
    t("config '{{config}}', entry #{{entry}}, GPU {{gpu}} ({{device}})", {
      config,
      entry,
      gpu: issue.gpuIndex,
      device,
    });
  switch (facts.kind) {
    case 'config-not-found':
      return facts.suggestion !== undefined
        ? t(
            "config '{{config}}' is not in the file ({{count}} named config); mig-parted fails with \"selected mig-config not present\" and the node state becomes failed. Did you mean '{{suggestion}}'?",
            { config, count: facts.configCount, suggestion: facts.suggestion },
          )
        : t(
            'config \'{{config}}\' is not in the file ({{count}} named config); mig-parted fails with "selected mig-config not present" and the node state becomes failed.',
            { config, count: facts.configCount },
          );
    case 'gpu-not-covered':
      return t(
        "config '{{config}}': no entry matches GPU {{gpu}} ({{device}}); mig-parted leaves this GPU as it is and the node still reports success",
        { config, gpu: issue.gpuIndex, device: facts.device },
      );
    case 'entry-overridden':
      return t(
        "config '{{config}}', entry #{{entry}} is overridden by entry #{{by}} on {{gpus}}: mig-parted applies both in order, so only entry #{{by}} takes effect",
        { config, entry, by: facts.by, gpus: gpuIndexListText(t, facts.gpus) },
      );
    case 'device-index-absent':
      return t(
        "config '{{config}}', entry #{{entry}} names {{gpus}}, which this node does not have (it has {{present}})",
        {
          config,
          entry,
          gpus: gpuIndexListText(t, facts.gpus),
          present: gpuIndexListText(t, facts.present),
        },
      );
    case 'not-mig-capable':
      return t(
        '{{where}}: the entry names this GPU explicitly with mig-enabled: true, but it does not support MIG; mig-parted fails',
        { where: where(facts.device) },
      );
    case 'unknown-device':
      return t(
        '{{where}}: device id {{deviceId}} is not in the MIG catalog, so profiles and placements cannot be checked',
        { where: where(facts.device), deviceId: facts.deviceId },
      );
    case 'empty-mig-layout':
      return t(
        '{{where}}: MIG is enabled with no instances, so this {{model}} advertises no GPU resource (the single strategy treats it as invalid)',
        { where: where(facts.device), model: facts.model },
      );
    case 'placements-unknown':
      return t(
        '{{where}}: placements of {{profiles}} on {{model}} are not known from any NVIDIA source, so whether the instances fit cannot be decided offline',
        { where: where(facts.device), profiles: facts.profiles.join(', '), model: facts.model },
      );
    case 'layout':
      return t('{{where}}: {{problem}}', {
        where: where(facts.device),
        problem: layoutProblemText(t, facts.problem),
      });
    case 'layout-warning':
      return t('{{where}}: {{warning}}', {
        where: where(facts.device),
        warning: layoutWarningText(t, facts.warning),
      });
    case 'current-state-unknown':
      return t(
        'GPU {{gpu}}: its current MIG state was not given; the prediction assumes MIG is off on it.',
        { gpu: issue.gpuIndex },
      );
    case 'advertisement':
      return advertisementWarningText(t, facts.warning);
    case 'file':
      return fileProblemText(t, issue, facts.problem);
    default:
      return t(
        "config '{{config}}' under the single strategy: GFD labels the node {{product}}. {{why}} Use the mixed strategy, or give every GPU the same single profile.",
        {
          config,
          product: facts.product ?? 'MIG-INVALID',
          why: singleStrategyInvalidText(t, facts.invalid),
        },
      );
  }
}
