/**
 * MIG profile and Kubernetes resource names.
 *
 * Profile names follow go-nvlib's format `[<C>c.]<G>g.<GB>gb[+attr[,attr]|-attr]` (geometry notes
 * section 5). Kubernetes cannot carry `+` in a resource name, so the device plugin, GFD and
 * mig-parted's generated config all write it as `.`: `1g.10gb+me` becomes `nvidia.com/mig-1g.10gb.me`.
 */

/** Prefix of every mixed-strategy MIG resource: `nvidia.com/mig-1g.10gb`. */
export const MIG_RESOURCE_PREFIX = 'nvidia.com/mig-';

/** Whole-GPU resource (and the single-strategy MIG resource). */
export const GPU_RESOURCE = 'nvidia.com/gpu';

export interface ParsedProfileName {
  /** `G`: GPU-instance compute slices. */
  computeSlices: number;
  /** `GB` as written in the name (rounded, driver-dependent; never use it to identify a profile). */
  memoryGB: number;
  /** `me`, `gfx`, `me.all` for `+` attributes; `-me` for the minus form. Empty for plain profiles. */
  attributes: string[];
  /** `C` of a `<C>c.` compute-instance prefix (only when the CI is smaller than the GI). */
  computeInstanceSlices?: number;
}

const PROFILE_NAME_PATTERN = /^(?:(\d+)c\.)?(\d+)g\.(\d+)gb(?:([+-])(.+))?$/;
/** go-nvlib: attributes are letters, digits and dots and do not start with a digit. */
const ATTRIBUTE_PATTERN = /^[a-z][a-z0-9.]*$/;

/**
 * Parses a MIG profile name (`1g.10gb`, `1g.24gb+me.all`, `1g.24gb-me`, `1c.3g.20gb`). Returns
 * undefined for anything that is not a well-formed name (never throws). Case-insensitive;
 * attributes are returned lower-case.
 */
export function parseProfileName(name: string): ParsedProfileName | undefined {
  if (typeof name !== 'string') return undefined;
  const match = PROFILE_NAME_PATTERN.exec(name.trim().toLowerCase());
  if (!match) return undefined;
  const [, ciText, giText, gbText, sign, attributeText] = match;
  const computeSlices = Number(giText);
  const memoryGB = Number(gbText);
  if (computeSlices < 1 || memoryGB < 1) return undefined;
  const parsed: ParsedProfileName = { computeSlices, memoryGB, attributes: [] };
  if (ciText !== undefined) {
    const computeInstanceSlices = Number(ciText);
    if (computeInstanceSlices < 1 || computeInstanceSlices > computeSlices) return undefined;
    parsed.computeInstanceSlices = computeInstanceSlices;
  }
  if (sign !== undefined) {
    const attributes = attributeText.split(',');
    if (attributes.some((attribute) => !ATTRIBUTE_PATTERN.test(attribute))) return undefined;
    if (new Set(attributes).size !== attributes.length) return undefined;
    parsed.attributes = sign === '-' ? attributes.map((attribute) => `-${attribute}`) : attributes;
  }
  return parsed;
}

/** `1g.10gb+me` → `nvidia.com/mig-1g.10gb.me` (the mixed-strategy extended resource). */
export function migResourceName(profileName: string): string {
  return `${MIG_RESOURCE_PREFIX}${profileName.replace(/\+/g, '.')}`;
}

/**
 * Suffixes GFD appends to `nvidia.com/mig-<profile>` to form *labels*; a resource never ends with
 * them, so a key ending like this is a label key, not a resource name.
 */
const GFD_MIG_LABEL_SUFFIXES = [
  'count',
  'product',
  'memory',
  'multiprocessors',
  'replicas',
  'sharing-strategy',
  'slices.gi',
  'slices.ci',
  'engines.copy',
  'engines.decoder',
  'engines.encoder',
  'engines.jpeg',
  'engines.ofa',
];

/**
 * Converts a profile name written with `.` for `+` (resource and mig-parted config-name style) back
 * to the profile name: `1g.10gb.me` → `1g.10gb+me`, `1g.24gb.me.all` → `1g.24gb+me.all`. Names
 * already in `+` form are returned unchanged; undefined when it is not a profile name.
 */
export function profileNameFromDottedForm(dotted: string): string | undefined {
  if (typeof dotted !== 'string') return undefined;
  const text = dotted.trim().toLowerCase();
  const match = /^((?:\d+c\.)?\d+g\.\d+gb)(?:\.(.+))?$/.exec(text);
  const candidate = match && match[2] !== undefined ? `${match[1]}+${match[2]}` : text;
  return parseProfileName(candidate) ? candidate : undefined;
}

const PARSED_RESOURCE_NAMES_LIMIT = 1000;
const parsedResourceNames = new Map<string, string | undefined>();

/**
 * `nvidia.com/mig-1g.10gb.me` → `1g.10gb+me`. Undefined for other resources (`nvidia.com/gpu`),
 * GFD label keys (`nvidia.com/mig-1g.10gb.count`) and malformed names.
 */
export function parseMigResourceName(resource: string): string | undefined {
  if (typeof resource !== 'string' || !resource.startsWith(MIG_RESOURCE_PREFIX)) return undefined;
  // The same few names are read for every node and resource of a fleet: parse each once.
  if (parsedResourceNames.has(resource)) return parsedResourceNames.get(resource);
  const rest = resource.slice(MIG_RESOURCE_PREFIX.length);
  const parsed =
    rest !== rest.toLowerCase() ||
    GFD_MIG_LABEL_SUFFIXES.some((suffix) => rest.endsWith(`.${suffix}`))
      ? undefined
      : profileNameFromDottedForm(rest);
  if (parsedResourceNames.size >= PARSED_RESOURCE_NAMES_LIMIT) parsedResourceNames.clear();
  parsedResourceNames.set(resource, parsed);
  return parsed;
}

/** Why a string cannot be a Kubernetes label value (and so a `nvidia.com/mig.config` value). */
export type LabelValueProblem = 'empty' | 'too-long' | 'characters';

/** The API server's limit and pattern for label values (apimachinery `IsValidLabelValue`). */
export const LABEL_VALUE_MAX_LENGTH = 63;
const LABEL_VALUE_PATTERN = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/**
 * What keeps `value` from being a label value, or undefined when it can be one. A mig-parted
 * config name is written as the node label `nvidia.com/mig.config`, so a name that fails here
 * can be defined in a file but never selected (the API server answers 422).
 */
export function labelValueProblem(value: string): LabelValueProblem | undefined {
  if (value === '') return 'empty';
  if (value.length > LABEL_VALUE_MAX_LENGTH) return 'too-long';
  return LABEL_VALUE_PATTERN.test(value) ? undefined : 'characters';
}
