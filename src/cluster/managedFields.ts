/**
 * When a label took its value, as the API server recorded it. Every write to an object updates
 * `metadata.managedFields`: one entry per manager (and operation), listing the fields it owns
 * (`fieldsV1`: `f:metadata` → `f:labels` → `f:<key>`) and the `time` of its last change to the
 * object. A field changed by another manager moves to that manager's entry, so the entry owning a
 * label belongs to whoever set its current value, and its time is that write or a later one of the
 * same manager. Mig-manager and GFD keep no timestamps of their own; this is the cluster's.
 */
import type { NodeKind } from './models';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function ownsLabel(entry: Record<string, unknown>, label: string): boolean {
  const fields = entry.fieldsV1;
  if (!isRecord(fields)) return false;
  const metadata = fields['f:metadata'];
  if (!isRecord(metadata)) return false;
  const labels = metadata['f:labels'];
  return isRecord(labels) && Object.prototype.hasOwnProperty.call(labels, `f:${label}`);
}

/**
 * ISO time the label was set to its current value at the latest, from the managedFields entry
 * that owns it; undefined when no entry does (fields stripped, label absent, malformed entries).
 * Two owners (server-side apply shares a field whose value both applied): the earlier time.
 */
export function labelSetAt(node: NodeKind | undefined | null, label: string): string | undefined {
  const entries: unknown = node?.metadata?.managedFields;
  if (!Array.isArray(entries)) return undefined;
  let earliest: { iso: string; ms: number } | undefined;
  for (const entry of entries) {
    if (!isRecord(entry) || typeof entry.time !== 'string' || !ownsLabel(entry, label)) continue;
    const ms = Date.parse(entry.time);
    if (Number.isNaN(ms)) continue;
    if (!earliest || ms < earliest.ms) earliest = { iso: entry.time, ms };
  }
  return earliest?.iso;
}
