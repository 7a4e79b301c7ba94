/** Writing a config file back as YAML mig-parted accepts. */
import { parse as parseYaml } from 'yaml';
import { commentOf, listConfigNames } from './configFile';
import { MIG_PARTED_SPEC_VERSION, type MigPartedConfigFile, type MigPartedEntry } from './types';

const YAML_11_SPECIAL_WORDS = new Set([
  'y',
  'n',
  'yes',
  'no',
  'on',
  'off',
  'true',
  'false',
  'null',
  '~',
]);

/** Plain when YAML 1.1 reads it back as the same string (`E0`, `yes`, `1e3` are not); quoted otherwise. */
function yamlString(text: string): string {
  const plain =
    /^[A-Za-z][A-Za-z0-9._+-]*$/.test(text) &&
    !YAML_11_SPECIAL_WORDS.has(text.toLowerCase()) &&
    parseYaml(text, { version: '1.1' }) === text;
  return plain ? text : JSON.stringify(text);
}

function serializeEntry(entry: MigPartedEntry): string[] {
  const lines: string[] = [];
  const fields: string[] = [];
  if (entry.deviceFilter !== undefined) {
    const filter =
      typeof entry.deviceFilter === 'string'
        ? JSON.stringify(entry.deviceFilter)
        : `[${entry.deviceFilter.map((id) => JSON.stringify(id)).join(', ')}]`;
    fields.push(`device-filter: ${filter}`);
  }
  fields.push(`devices: ${entry.devices === 'all' ? 'all' : `[${entry.devices.join(', ')}]`}`);
  fields.push(`mig-enabled: ${entry.migEnabled ? 'true' : 'false'}`);
  if (entry.migDevices !== undefined) {
    const profiles = Object.entries(entry.migDevices);
    if (profiles.length === 0) {
      fields.push('mig-devices: {}');
    } else {
      fields.push('mig-devices:');
      for (const [profile, count] of profiles)
        fields.push(`  ${JSON.stringify(profile)}: ${count}`);
    }
  }
  fields.forEach((field, i) => lines.push(`${i === 0 ? '    - ' : '      '}${field}`));
  return lines;
}

/**
 * YAML that mig-parted accepts, laid out like NVIDIA's own file (comments above named configs,
 * a blank line between them). `parseMigPartedConfig(serializeMigPartedConfig(c)).config` equals `c`.
 */
export function serializeMigPartedConfig(config: MigPartedConfigFile): string {
  const lines = [`version: ${MIG_PARTED_SPEC_VERSION}`, 'mig-configs:'];
  listConfigNames(config).forEach((name, i) => {
    if (i > 0) lines.push('');
    const comments = commentOf(config, name) ?? [];
    for (const comment of comments) {
      for (const line of comment.split(/\r\n|\r|\n/)) {
        if (line.trim() !== '') lines.push(`  # ${line.trim()}`);
      }
    }
    lines.push(`  ${yamlString(name)}:`);
    for (const entry of config.migConfigs[name]) lines.push(...serializeEntry(entry));
  });
  return `${lines.join('\n')}\n`;
}
