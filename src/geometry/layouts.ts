/**
 * Every layout a GPU model allows, as profile multisets (`ProfileCounts`). A multiset is valid when
 * some packing of it is legal (placement.ts); it is maximal when no further instance of any
 * considered profile fits next to it. The geometry notes (section 4) give the expected numbers.
 */
import { resolveCounts, creationOrder, searchPacking } from './placement';
import type { GpuModel, MigProfile, ProfileCounts } from './types';

export interface EnumerateOptions {
  /**
   * Include attribute variants (`+me`, `-me`, `+gfx`, `+me.all`). Default true. The double-memory
   * 1g profile (`1g.10gb` on A100 40GB) has no attribute and is always included.
   */
  includeVariants?: boolean;
}

/** Profiles considered for enumeration, in catalog order. */
export function enumerationProfiles(model: GpuModel, options: EnumerateOptions = {}): MigProfile[] {
  const includeVariants = options.includeVariants ?? true;
  return model.profiles.filter((profile) => includeVariants || profile.attributes.length === 0);
}

function fits(model: GpuModel, counts: number[], profiles: MigProfile[]): boolean {
  let compute = 0;
  const requests = [];
  for (let i = 0; i < profiles.length; i++) {
    if (counts[i] === 0) continue;
    compute += counts[i] * profiles[i].computeSlices;
    requests.push({ profile: profiles[i], count: counts[i] });
  }
  if (compute > model.computeSlices) return false;
  return searchPacking(creationOrder(requests)).starts !== undefined;
}

function toCounts(counts: number[], profiles: MigProfile[]): ProfileCounts {
  const result: ProfileCounts = {};
  counts.forEach((count, index) => {
    if (count > 0) result[profiles[index].name] = count;
  });
  return result;
}

/**
 * All non-empty valid layouts of the model, deterministic order (catalog profile order, counts
 * ascending). Adding instances never turns an invalid layout valid, so the search prunes there.
 */
function enumerateCountVectors(model: GpuModel, profiles: MigProfile[]): number[][] {
  const found: number[][] = [];
  const counts = profiles.map(() => 0);
  const visit = (index: number): void => {
    if (index === profiles.length) {
      if (counts.some((count) => count > 0)) found.push([...counts]);
      return;
    }
    visit(index + 1);
    for (let count = 1; count <= profiles[index].maxInstances; count++) {
      counts[index] = count;
      if (!fits(model, counts, profiles)) break;
      visit(index + 1);
    }
    counts[index] = 0;
  };
  visit(0);
  return found;
}

export function enumerateLayouts(model: GpuModel, options: EnumerateOptions = {}): ProfileCounts[] {
  const profiles = enumerationProfiles(model, options);
  return enumerateCountVectors(model, profiles).map((counts) => toCounts(counts, profiles));
}

/** Valid layouts to which no instance of any considered profile can be added. */
export function enumerateMaximalLayouts(
  model: GpuModel,
  options: EnumerateOptions = {},
): ProfileCounts[] {
  const profiles = enumerationProfiles(model, options);
  const vectors = enumerateCountVectors(model, profiles);
  const valid = new Set(vectors.map((vector) => vector.join(',')));
  return vectors
    .filter((vector) =>
      profiles.every((_, index) => {
        const grown = [...vector];
        grown[index] += 1;
        return !valid.has(grown.join(','));
      }),
    )
    .map((counts) => toCounts(counts, profiles));
}

/**
 * The layouts of `enumerateMaximalLayouts` that contain `counts` (all ways to fill the rest of the
 * GPU), for suggestions in the layout designer. Empty when `counts` itself is not valid.
 */
export function completionsOf(
  model: GpuModel,
  counts: ProfileCounts,
  options: EnumerateOptions = {},
): ProfileCounts[] {
  const { requests, problems } = resolveCounts(model, counts);
  if (problems.length > 0) return [];
  const wanted = new Map(requests.map(({ profile, count }) => [profile.name, count]));
  return enumerateMaximalLayouts(model, options).filter((layout) =>
    Array.from(wanted).every(([name, count]) => (layout[name] ?? 0) >= count),
  );
}
