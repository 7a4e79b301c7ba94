import { distance } from 'fastest-levenshtein';

/**
 * The candidate a mistyped `name` most likely meant: the nearest by edit distance (ignoring case),
 * when near enough to be a typo (at most 2 edits, or a third of the name's length). Ties go to the
 * candidate first in alphabetical order. Undefined when nothing is that near.
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  let best: { name: string; edits: number } | undefined;
  for (const candidate of [...candidates].sort()) {
    const edits = distance(wanted, candidate.toLowerCase());
    if (edits <= limit && (!best || edits < best.edits)) best = { name: candidate, edits };
  }
  return best?.name;
}
