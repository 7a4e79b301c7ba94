/**
 * Writing a config file as YAML mig-parted accepts, with the `yaml` library's Document API. A
 * config parsed from a file is written over that file: named configs it still has unchanged keep
 * their text, comments and all; the rest are laid out like NVIDIA's own file.
 */
import {
  Document,
  isMap,
  isPair,
  isScalar,
  Pair,
  parse as parseYaml,
  Scalar,
  visit,
  YAMLMap,
  YAMLSeq,
  type Node as YamlNode,
  type Tags,
} from 'yaml';
import { commentOf, getNamedConfig, listConfigNames } from './configFile';
import { parseConfigDocument } from './parse';
import { sourceTextOf } from './source';
import { MIG_PARTED_SPEC_VERSION, type MigPartedConfigFile, type MigPartedEntry } from './types';

/** No folding: a long quoted string split over lines is harder to read and to diff. */
const TO_STRING_OPTIONS = { lineWidth: 0, flowCollectionPadding: false, nullStr: '' };

/**
 * YAML 1.1 without merge keys: with them the library writes a config named `<<` as a plain `<<`,
 * which reads back as a merge key, quoted or not.
 */
const isMergeTag = (tag: Tags[number]) =>
  typeof tag === 'string' ? tag === 'merge' : tag.tag === 'tag:yaml.org,2002:merge';
const WRITE_SCHEMA = { customTags: (tags: Tags) => tags.filter((tag) => !isMergeTag(tag)) };

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

function quoted(text: string): Scalar {
  const scalar = new Scalar(text);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** Plain when YAML 1.1 reads it back as the same string (`E0`, `yes`, `1e3` are not); quoted otherwise. */
function nameKey(name: string): Scalar {
  const plain =
    /^[A-Za-z][A-Za-z0-9._+-]*$/.test(name) &&
    !YAML_11_SPECIAL_WORDS.has(name.toLowerCase()) &&
    parseYaml(name, { version: '1.1' }) === name;
  return plain ? new Scalar(name) : quoted(name);
}

function flowSeq(items: Scalar[]): YAMLSeq {
  const seq = new YAMLSeq();
  seq.flow = true;
  seq.items = items;
  return seq;
}

/** One entry as NVIDIA writes them: PCI ids and profile names quoted, GPU indices in a flow list. */
function entryNode(entry: MigPartedEntry): YAMLMap {
  const map = new YAMLMap();
  const filter = entry.deviceFilter;
  if (filter !== undefined) {
    map.add(
      new Pair(
        'device-filter',
        typeof filter === 'string' ? quoted(filter) : flowSeq(filter.map(quoted)),
      ),
    );
  }
  const devices = entry.devices;
  map.add(
    new Pair('devices', devices === 'all' ? 'all' : flowSeq(devices.map((i) => new Scalar(i)))),
  );
  map.add(new Pair('mig-enabled', entry.migEnabled));
  if (entry.migDevices !== undefined) {
    const counts = new YAMLMap();
    for (const [profile, count] of Object.entries(entry.migDevices)) {
      counts.add(new Pair(quoted(profile), count));
    }
    counts.flow = counts.items.length === 0;
    map.add(new Pair('mig-devices', counts));
  }
  return map;
}

/** A named config written afresh: its comment above it, a blank line before all but the first. */
function namedConfigPair(config: MigPartedConfigFile, name: string, first: boolean): Pair {
  const key = nameKey(name);
  const lines = (commentOf(config, name) ?? [])
    .flatMap((comment) => comment.split(/\r\n|\r|\n/))
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length > 0) key.commentBefore = lines.map((line) => ` ${line}`).join('\n');
  key.spaceBefore = !first;
  const entries = new YAMLSeq();
  entries.items = config.migConfigs[name].map(entryNode);
  return new Pair(key, entries);
}

function freshDocument(config: MigPartedConfigFile): Document {
  const names = listConfigNames(config);
  const configs = new YAMLMap();
  configs.items = names.map((name, i) => namedConfigPair(config, name, i === 0));
  const doc = new Document(null, { version: '1.1', ...WRITE_SCHEMA });
  const root = new YAMLMap();
  root.add(new Pair('version', MIG_PARTED_SPEC_VERSION));
  // No named config: `mig-configs:` with nothing, as the file before this library wrote it.
  root.add(new Pair('mig-configs', names.length > 0 ? configs : null));
  doc.contents = root;
  return doc;
}

function containsAlias(node: unknown): boolean {
  let found = false;
  visit(node as YamlNode, {
    Alias: () => {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/** The source's pairs per named config, the first one carrying the comment the map holds for it. */
function sourcePairs(configs: YAMLMap): Map<string, Pair> {
  const pairs = new Map<string, Pair>();
  configs.items.forEach((pair, i) => {
    if (!isPair(pair) || !isScalar(pair.key)) return;
    if (i === 0 && configs.commentBefore && !pair.key.commentBefore) {
      pair.key.commentBefore = configs.commentBefore;
    }
    pairs.set(String(pair.key.value), pair as Pair);
  });
  configs.commentBefore = undefined;
  return pairs;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The source document with `config`'s named configs: each one the source has unchanged (same
 * entries, same comment, no alias into another config) keeps its pair as written; the others are
 * written afresh, in `config`'s order. Undefined when the source cannot serve (not a mapping).
 */
function documentOverSource(config: MigPartedConfigFile, text: string): Document | undefined {
  const { result, doc } = parseConfigDocument(text);
  const root = doc?.contents;
  const configs = isMap(root) ? root.get('mig-configs', true) : undefined;
  if (!doc || !result.config || !isMap(root) || !isMap(configs)) return undefined;
  doc.setSchema('1.1', WRITE_SCHEMA);
  const before = result.config;
  const pairs = sourcePairs(configs);
  configs.items = listConfigNames(config).map((name, i) => {
    const pair = pairs.get(name);
    const unchanged =
      pair !== undefined &&
      sameJson(getNamedConfig(before, name), config.migConfigs[name]) &&
      sameJson(commentOf(before, name), commentOf(config, name)) &&
      !containsAlias(pair.value);
    return unchanged ? pair : namedConfigPair(config, name, i === 0);
  });
  // Only what mig-parted reads: other top-level fields would make it refuse the file.
  root.items = root.items.filter(
    (pair) => isScalar(pair.key) && ['version', 'mig-configs'].includes(String(pair.key.value)),
  );
  const version = root.get('version', true);
  if (!(isScalar(version) && version.value === MIG_PARTED_SPEC_VERSION)) {
    root.set('version', MIG_PARTED_SPEC_VERSION);
  }
  return doc;
}

/**
 * YAML that mig-parted accepts. A config parsed from a file (or merged onto one) is written over
 * that file, so the user's comments and layout stay; any other is laid out like NVIDIA's own file
 * (comments above named configs, a blank line between them).
 * `parseMigPartedConfig(serializeMigPartedConfig(c)).config` equals `c`.
 */
export function serializeMigPartedConfig(config: MigPartedConfigFile): string {
  const source = sourceTextOf(config);
  const over =
    source !== undefined && listConfigNames(config).length > 0
      ? documentOverSource(config, source)
      : undefined;
  return (over ?? freshDocument(config)).toString(TO_STRING_OPTIONS);
}
