/**
 * Malformed entries of a named config `custom`, each with the issue code mig-parted's checks give
 * and a piece of what the words for it say (the geometry tests check the codes, the text tests the
 * words).
 */
import { parseMigPartedConfig } from '../migParted';

export const BAD_ENTRIES: Array<[entryYaml: string, code: string, text: string]> = [
  ['    - mig-enabled: false\n', 'missing-field', "missing required field 'devices'"],
  ['    - devices: all\n', 'missing-field', "missing required field 'mig-enabled'"],
  ['    - devices: all\n      mig-enabled: true\n', 'missing-field', "'mig-devices'"],
  ['    - devices: some\n      mig-enabled: false\n', 'invalid-devices', 'invalid string input'],
  ['    - devices: [0, "1"]\n      mig-enabled: false\n', 'invalid-devices', 'integer'],
  ['    - devices: [0.5]\n      mig-enabled: false\n', 'invalid-devices', 'integer'],
  ['    - devices: all\n      mig-enabled: "true"\n', 'invalid-mig-enabled', 'true or false'],
  [
    '    - devices: all\n      mig-enabled: false\n      colour: red\n',
    'unexpected-field',
    'colour',
  ],
  [
    '    - devices: all\n      mig-enabled: false\n      mig-devices: {"1g.5gb": 1}\n',
    'mig-devices-when-disabled',
    "MIG devices included when 'mig-enabled' is false",
  ],
  [
    '    - devices: all\n      mig-enabled: true\n      mig-devices: {"1g.5gb": 0}\n',
    'all-counts-zero',
    'all counts',
  ],
  [
    '    - devices: all\n      mig-enabled: true\n      mig-devices: {"1g.5gb": -1}\n',
    'invalid-count',
    '1g.5gb',
  ],
  [
    '    - devices: all\n      mig-enabled: true\n      mig-devices: {"1g.5gb": "2"}\n',
    'invalid-count',
    '1g.5gb',
  ],
  [
    '    - devices: all\n      mig-enabled: true\n      mig-devices: {"big": 1}\n',
    'invalid-profile-name',
    "'big'",
  ],
  [
    '    - devices: all\n      mig-enabled: true\n      mig-devices: {"1G.5GB": 1}\n',
    'invalid-profile-name',
    '1G.5GB',
  ],
  [
    '    - devices: all\n      mig-enabled: true\n      mig-devices: [1]\n',
    'invalid-mig-devices',
    'mapping',
  ],
  [
    '    - device-filter: 0x20B710DE\n      devices: all\n      mig-enabled: false\n',
    'invalid-device-filter',
    'quote PCI ids',
  ],
];

/** A file whose only named config, `custom`, is the given entry list. */
export function parseOneEntry(entryYaml: string) {
  return parseMigPartedConfig(`version: v1\nmig-configs:\n  custom:\n${entryYaml}`);
}
