/**
 * The catalog of MIG-capable GPU models: the reference rows of `catalog-data.ts` converted into
 * `GpuModel`s, plus lookups by model id, GFD product label, NVML name and PCI device id.
 *
 * Unknown values never silently become facts: when the reference data has no value, the catalog
 * either estimates it (and says so in `unconfirmed`) or leaves 0 with a `<field>: unknown` entry
 * (see `isProfileFieldUnknown`).
 */
import { RAW_CATALOG, type RawGpuModel, type RawMigProfile } from './catalog-data';
import {
  migResourceName,
  parseMigResourceName,
  parseProfileName,
  profileNameFromDottedForm,
} from './naming';
import type { Confidence, GpuModel, MigEngines, MigProfile, PlacementSlot } from './types';

/**
 * Model-level confidence, judged from the reference catalog's status line (geometry notes sections
 * 2–3): `confirmed` = hardware output or NVIDIA docs for the whole table; `inferred` = names/counts
 * documented but placements or sizes follow a family pattern; `unconfirmed` = names and counts only.
 */
const MODEL_CONFIDENCE: Record<string, Confidence> = {
  'a30-24gb': 'confirmed',
  'a100-40gb': 'confirmed',
  'a100-80gb': 'inferred',
  'h100-80gb-sxm5': 'confirmed',
  'h100-80gb-pcie': 'confirmed',
  'h100-nvl-94gb': 'confirmed',
  'h100-94gb-sxm5': 'inferred',
  'h100-96gb-gh200': 'inferred',
  'h20-96gb': 'unconfirmed',
  'pg506-96gb': 'unconfirmed',
  'gh200-144gb': 'inferred',
  'h200-141gb': 'inferred',
  b200: 'inferred',
  gb200: 'inferred',
  b300: 'unconfirmed',
  gb300: 'unconfirmed',
  'rtx-pro-6000-blackwell': 'confirmed',
  'rtx-pro-5000-blackwell': 'unconfirmed',
};

/**
 * GFD products seen in public material that NVML names do not produce: older drivers reported the
 * A100 without the `NVIDIA ` prefix (the device plugin README's `A100-SXM4-40GB-MIG-1g.5gb`).
 */
const EXTRA_GFD_PRODUCTS: Record<string, string[]> = {
  'a100-40gb': ['A100-SXM4-40GB', 'A100-PCIE-40GB'],
  'a100-80gb': ['A100-SXM4-80GB'],
};

const UNCONFIRMED_NAME_SUFFIX = /\s*\(unconfirmed\)\s*$/i;

/** `<field>: unknown` marks a value the catalog does not know (stored as 0). */
const UNKNOWN_SUFFIX = ': unknown (no public source; shown as 0)';

export type UnknownProfileField = 'multiprocessors' | `engines.${keyof MigEngines}`;

/** True when the catalog has no value for this field of the profile (the stored 0 is a placeholder). */
export function isProfileFieldUnknown(profile: MigProfile, field: UnknownProfileField): boolean {
  return profile.unconfirmed.includes(`${field}${UNKNOWN_SUFFIX}`);
}

/**
 * `nvidia.com/gpu.product` as GFD derives it from an NVML name: spaces become `-`, characters
 * outside `[A-Za-z0-9-_.]` are dropped (k8s-device-plugin `internal/lm/resource.go`).
 */
export function gfdProductFromNvmlName(nvmlName: string): string {
  return nvmlName
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^A-Za-z0-9\-_.]/g, '');
}

/** Estimated MiB from a profile name's GB figure (only used when no measurement exists). */
function megabytesFromName(profileName: string): number | undefined {
  const parsed = parseProfileName(profileName);
  return parsed ? parsed.memoryGB * 1024 : undefined;
}

function uniq<T>(values: T[]): T[] {
  return Array.from(new Set(values));
}

/** Placements when the reference has none: an aligned grid one unit per memory slice (RTX PRO 5000). */
function alignedPlacements(size: number, units: number): PlacementSlot[] {
  const slots: PlacementSlot[] = [];
  for (let start = 0; start + size <= units; start += size) slots.push({ start, size });
  return slots;
}

function profileConfidence(modelConfidence: Confidence, unconfirmed: string[]): Confidence {
  if (modelConfidence === 'unconfirmed') return 'unconfirmed';
  if (unconfirmed.some((entry) => /^(everything|whole profile table)/.test(entry))) {
    return 'unconfirmed';
  }
  return unconfirmed.length === 0 ? 'confirmed' : 'inferred';
}

function convertProfile(
  raw: RawMigProfile,
  model: RawGpuModel,
  placementUnits: number,
  modelConfidence: Confidence,
): MigProfile {
  const unconfirmed = [...raw.unconfirmed];
  const notes = raw.notes ? [raw.notes] : [];

  let placements: PlacementSlot[];
  if (raw.placements && raw.placements.length > 0) {
    placements = raw.placements.map(({ start, size }) => ({ start, size }));
  } else {
    const size = raw.memorySlices * (placementUnits / model.memorySlices);
    placements = alignedPlacements(size, placementUnits);
    unconfirmed.push(`placements: assumed aligned on a ${placementUnits}-unit grid`);
  }

  let memoryMiB = raw.memoryMiB;
  if (memoryMiB === undefined) {
    memoryMiB = megabytesFromName(raw.name) ?? 0;
    unconfirmed.push('memoryMiB: estimated from the GB in the profile name');
  }

  const known = (field: UnknownProfileField, value: number | undefined): number => {
    if (value !== undefined) return value;
    unconfirmed.push(`${field}${UNKNOWN_SUFFIX}`);
    return 0;
  };
  const multiprocessors = known('multiprocessors', raw.multiprocessors);
  const engines: MigEngines = {
    copy: known('engines.copy', raw.copyEngines),
    decoder: known('engines.decoder', raw.decoders),
    encoder: known('engines.encoder', raw.encoders),
    jpeg: known('engines.jpeg', raw.jpeg),
    ofa: known('engines.ofa', raw.ofa),
  };

  const olderName = model.olderDriverNames?.[raw.name];
  if (olderName) notes.push(`Older drivers name this profile ${olderName}.`);

  const profile: MigProfile = {
    name: raw.name,
    resourceName: migResourceName(raw.name),
    computeSlices: raw.computeSlices,
    memorySlices: raw.memorySlices,
    placementSize: placements[0].size,
    memoryMiB,
    multiprocessors,
    engines,
    maxInstances: raw.maxInstances,
    placements,
    attributes: parseProfileName(raw.name)?.attributes ?? [],
    confidence: profileConfidence(modelConfidence, raw.unconfirmed),
    unconfirmed: uniq(unconfirmed),
    notes,
  };
  if (raw.giProfileId !== undefined) profile.giProfileId = raw.giProfileId;
  return profile;
}

/** Model-level facts the catalog could not confirm, keyed by model id. */
const MODEL_UNCONFIRMED = new Map<string, string[]>();

function convertModel(raw: RawGpuModel): GpuModel {
  const confidence = MODEL_CONFIDENCE[raw.id] ?? 'unconfirmed';
  const unconfirmed: string[] = [];
  const notes = [`Status: ${raw.status}`, ...(raw.notes ?? [])];

  const placementUnits =
    raw.placementUnits ??
    Math.max(
      raw.memorySlices,
      ...raw.profiles.flatMap((p) => (p.placements ?? []).map((s) => s.start + s.size)),
    );
  if (raw.placementUnits === null) {
    unconfirmed.push(`placementUnits: assumed ${placementUnits} (one unit per memory slice)`);
  }

  const profiles = raw.profiles.map((profile) =>
    convertProfile(profile, raw, placementUnits, confidence),
  );

  let totalMemoryMiB = raw.totalMemoryMiB;
  if (totalMemoryMiB === null) {
    const largest = [...raw.profiles].sort((a, b) => b.memorySlices - a.memorySlices)[0];
    totalMemoryMiB = largest ? (megabytesFromName(largest.name) ?? 0) : 0;
    unconfirmed.push(`totalMemoryMiB: estimated from ${largest?.name ?? 'no profile'}`);
  }

  const nvmlNames = raw.nvmlNames.map((name) => name.replace(UNCONFIRMED_NAME_SUFFIX, ''));
  raw.nvmlNames.forEach((name) => {
    if (UNCONFIRMED_NAME_SUFFIX.test(name)) {
      unconfirmed.push(`nvmlName ${name.replace(UNCONFIRMED_NAME_SUFFIX, '')}: not seen publicly`);
    }
  });
  const gfdProducts = uniq([
    ...raw.gfdProduct,
    ...(EXTRA_GFD_PRODUCTS[raw.id] ?? []),
    ...nvmlNames.map(gfdProductFromNvmlName),
  ]);
  if (raw.gfdProduct.length === 0 && gfdProducts.length > 0) {
    unconfirmed.push('gfdProducts: derived from NVML names, no GFD label seen publicly');
  }

  MODEL_UNCONFIRMED.set(raw.id, unconfirmed);
  return {
    id: raw.id,
    displayName: raw.displayName,
    architecture: raw.architecture,
    pciDeviceIds: raw.pciDeviceIds.map((id) => normalizeDeviceId(id) ?? id),
    gfdProducts,
    nvmlNames,
    totalMemoryMiB,
    computeSlices: raw.computeSlices,
    placementUnits,
    memorySlices: raw.memorySlices,
    confidence,
    sources: uniq(raw.profiles.flatMap((profile) => profile.sources)).sort(),
    notes: unconfirmed.length > 0 ? [...notes, `Unconfirmed: ${unconfirmed.join('; ')}.`] : notes,
    profiles,
  };
}

/**
 * `0x20B710DE` form of a PCI id: accepts `0x20b710de`, `20B710DE`, the short device id `0x2330` /
 * `2330` (NVIDIA vendor assumed), lspci's `10de:2330`, and a device-filter with a subsystem
 * (`0x233010DE:0x16C110DE`, the subsystem is dropped). Undefined when malformed.
 */
export function normalizeDeviceId(id: string): string | undefined {
  if (typeof id !== 'string') return undefined;
  const text = id.trim().toLowerCase();
  const lspci = /^([0-9a-f]{4}):([0-9a-f]{4})$/.exec(text);
  if (lspci) return `0x${(lspci[2] + lspci[1]).toUpperCase()}`;
  const withSubsystem = /^(?:0x)?([0-9a-f]{8})(?::(?:0x)?[0-9a-f]{8})?$/.exec(text);
  if (withSubsystem) return `0x${withSubsystem[1].toUpperCase()}`;
  const short = /^(?:0x)?([0-9a-f]{4})$/.exec(text);
  if (short) return `0x${short[1].toUpperCase()}10DE`;
  return undefined;
}

const MODELS: GpuModel[] = RAW_CATALOG.models.map(convertModel);

/** Every MIG-capable model in the catalog (shared objects: treat them as read-only). */
export function listModels(): GpuModel[] {
  return [...MODELS];
}

/** The model's name for sentences: `NVIDIA A100 80GB` rather than the full variant list. */
export function shortModelName(model: GpuModel): string {
  return model.displayName.split(/\s*[(;]/)[0].trim() || model.id;
}

/** Model-level facts not confirmed by a primary source (estimated memory, derived names...). */
export function unconfirmedModelFacts(model: GpuModel): string[] {
  return [...(MODEL_UNCONFIRMED.get(model.id) ?? [])];
}

/** Description of a source key used in `sources` (`docs`, `a30-hw`, ...). */
export function describeSource(key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(RAW_CATALOG.sources, key)
    ? RAW_CATALOG.sources[key]
    : undefined;
}

export function findModelByDeviceId(deviceId: string): GpuModel | undefined {
  const normalized = normalizeDeviceId(deviceId);
  if (!normalized) return undefined;
  return MODELS.find((model) => model.pciDeviceIds.includes(normalized));
}

/**
 * Strips what GFD appends to `nvidia.com/gpu.product` under sharing (`-SHARED`) and the single
 * strategy (`-MIG-<profile>`, `-MIG-INVALID`).
 */
export function baseGfdProduct(product: string): string {
  return product
    .trim()
    .replace(/-SHARED$/i, '')
    .replace(/-MIG-[^]*$/i, '');
}

const MODELS_BY_PRODUCT_LIMIT = 1000;
const modelsByProduct = new Map<string, GpuModel | undefined>();

/** By `nvidia.com/gpu.product` (with or without GFD's suffixes) or by NVML name; case-insensitive. */
export function findModelByProduct(product: string): GpuModel | undefined {
  if (typeof product !== 'string' || product.trim() === '') return undefined;
  // Asked for every node of a fleet, with a handful of distinct products.
  if (modelsByProduct.has(product)) return modelsByProduct.get(product);
  const wanted = gfdProductFromNvmlName(baseGfdProduct(product)).toLowerCase();
  const found = MODELS.find((model) =>
    [...model.gfdProducts, ...model.nvmlNames.map(gfdProductFromNvmlName)].some(
      (candidate) => candidate.toLowerCase() === wanted,
    ),
  );
  if (modelsByProduct.size >= MODELS_BY_PRODUCT_LIMIT) modelsByProduct.clear();
  modelsByProduct.set(product, found);
  return found;
}

/** By model id, GFD product, NVML name or PCI id (long or short); case-insensitive. */
export function findModel(query: string): GpuModel | undefined {
  if (typeof query !== 'string' || query.trim() === '') return undefined;
  const text = query.trim().toLowerCase();
  return (
    MODELS.find((model) => model.id === text) ??
    findModelByProduct(query) ??
    findModelByDeviceId(query)
  );
}

export interface FindProfileOptions {
  /** Also accept names older drivers used for a profile (`3g.39gb` for A100-80GB `3g.40gb`). */
  allowOlderDriverNames?: boolean;
}

/**
 * A profile of the model by name: exact (`1g.10gb+me`, `1g.24gb-me`, `1g.24gb+me.all`), in `.` form
 * (`1g.10gb.me`, as resources and mig-parted config names write it), or as a resource name
 * (`nvidia.com/mig-1g.10gb.me`). Case-insensitive.
 */
export function findProfile(
  model: GpuModel,
  name: string,
  options: FindProfileOptions = {},
): MigProfile | undefined {
  if (!model || typeof name !== 'string') return undefined;
  const text = name.trim().toLowerCase();
  const exact = model.profiles.find((profile) => profile.name === text);
  if (exact) return exact;
  const fromDotted = parseMigResourceName(text) ?? profileNameFromDottedForm(text);
  const dotted = fromDotted
    ? model.profiles.find((profile) => profile.name === fromDotted)
    : undefined;
  if (dotted || !options.allowOlderDriverNames) return dotted;
  const raw = RAW_CATALOG.models.find((candidate) => candidate.id === model.id);
  const current = Object.entries(raw?.olderDriverNames ?? {}).find(
    ([, older]) => older.split(' ')[0] === (fromDotted ?? text),
  );
  return current ? model.profiles.find((profile) => profile.name === current[0]) : undefined;
}
