/**
 * `metadata.managedFields` as kube-apiserver keeps them for Update operations: one entry per
 * (manager, operation, subresource) listing the fields that manager set last, with the time of its
 * last change. A changed field moves to the writer; a removed field leaves every entry; entries
 * left without fields are dropped. Labels and annotations are tracked per key, other fields per
 * second-level key (`f:spec` → `f:unschedulable`), coarser than the API server but enough for
 * "who set this label, and when" (src/cluster/managedFields.ts).
 */
import { deepEqual } from './patch';
import type { KubeObject } from './store';

/** Who writes: the field manager and, for `/status` writes, the subresource. */
export interface Writer {
  manager: string;
  subresource?: string;
  /** Manager of the `status` fields of the same write (a controller acting as the kubelet). */
  statusManager?: string;
}

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

/** Writes the store makes on its own behalf when the caller names no manager. */
export const DEFAULT_WRITER: Writer = { manager: 'sandbox' };

/** RFC 3339 to the second, as `metav1.Time` serialises. */
export function rfc3339Seconds(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** The field manager for an HTTP request: its User-Agent up to the first '/' (as kube-apiserver). */
export function managerFromUserAgent(userAgent: string | undefined): string {
  const prefix = (userAgent ?? '').split('/')[0].trim();
  return prefix || 'unknown';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SEPARATOR = '\u0000';

/** Tracked field paths of an object → their values. */
function fieldValues(object: KubeObject | undefined): Map<string, unknown> {
  const values = new Map<string, unknown>();
  if (!object) return values;
  const metadata = object.metadata ?? {};
  for (const map of ['labels', 'annotations'] as const) {
    for (const [key, value] of Object.entries(metadata[map] ?? {}))
      values.set(['metadata', map, key].join(SEPARATOR), value);
  }
  for (const field of ['finalizers', 'ownerReferences']) {
    if (metadata[field] !== undefined)
      values.set(['metadata', field].join(SEPARATOR), metadata[field]);
  }
  for (const [key, value] of Object.entries(object)) {
    if (key === 'apiVersion' || key === 'kind' || key === 'metadata') continue;
    if (isRecord(value) && Object.keys(value).length > 0) {
      for (const [inner, innerValue] of Object.entries(value))
        values.set([key, inner].join(SEPARATOR), innerValue);
    } else {
      values.set(key, value);
    }
  }
  return values;
}

function pathsOf(fields: unknown, prefix: string[] = []): string[] {
  if (!isRecord(fields)) return [];
  const paths: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (!key.startsWith('f:')) continue;
    const path = [...prefix, key.slice(2)];
    if (isRecord(value) && Object.keys(value).length > 0) paths.push(...pathsOf(value, path));
    else paths.push(path.join(SEPARATOR));
  }
  return paths;
}

function fieldsOf(paths: Iterable<string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const path of [...paths].sort()) {
    let node = root;
    for (const part of path.split(SEPARATOR)) {
      const key = `f:${part}`;
      node = (node[key] ??= {}) as Record<string, unknown>;
    }
  }
  return root;
}

const entryId = (manager: string, subresource: string | undefined) =>
  `${manager}${SEPARATOR}${subresource ?? ''}`;

/**
 * The managedFields of `next` after `writer` changed `previous` into it (`previous` undefined on
 * create). Only entries whose fields changed get a new time.
 */
export function nextManagedFields(
  previous: KubeObject | undefined,
  next: KubeObject,
  writer: Writer,
  now: Date = new Date(),
): ManagedFieldsEntry[] {
  const before = fieldValues(previous);
  const after = fieldValues(next);
  const entries = new Map<string, { entry: ManagedFieldsEntry; paths: Set<string> }>();
  const existing: unknown = previous?.metadata.managedFields;
  for (const entry of Array.isArray(existing) ? (existing as ManagedFieldsEntry[]) : []) {
    entries.set(entryId(entry.manager, entry.subresource), {
      entry,
      paths: new Set(pathsOf(entry.fieldsV1)),
    });
  }
  const changedBy = new Map<string, { manager: string; subresource?: string }>();
  for (const [path, value] of after) {
    if (before.has(path) && deepEqual(before.get(path), value)) continue;
    const isStatus = path === 'status' || path.startsWith(`status${SEPARATOR}`);
    const owner =
      isStatus && writer.statusManager
        ? { manager: writer.statusManager, subresource: 'status' }
        : { manager: writer.manager, subresource: writer.subresource };
    changedBy.set(path, owner);
  }
  for (const { paths } of entries.values()) {
    for (const path of [...paths]) if (!after.has(path) || changedBy.has(path)) paths.delete(path);
  }
  const writers = new Set<string>();
  const time = rfc3339Seconds(now);
  for (const [path, owner] of changedBy) {
    const id = entryId(owner.manager, owner.subresource);
    let slot = entries.get(id);
    if (!slot) {
      const entry: ManagedFieldsEntry = {
        manager: owner.manager,
        operation: 'Update',
        apiVersion: next.apiVersion ?? 'v1',
        time,
        fieldsType: 'FieldsV1',
        fieldsV1: {},
      };
      if (owner.subresource) entry.subresource = owner.subresource;
      slot = { entry, paths: new Set() };
      entries.set(id, slot);
    }
    slot.paths.add(path);
    writers.add(id);
  }
  const result: ManagedFieldsEntry[] = [];
  for (const [id, { entry, paths }] of entries) {
    if (paths.size === 0) continue;
    const changed = writers.has(id);
    result.push({
      ...entry,
      ...(changed ? { time, apiVersion: next.apiVersion ?? entry.apiVersion } : {}),
      fieldsV1: fieldsOf(paths),
    });
  }
  return result;
}

/**
 * Sets the time of every entry owning one of `labels` (scenario set-up: "set 25 minutes before
 * the demo started"). Returns whether any entry changed.
 */
export function backdateLabelOwners(object: KubeObject, labels: string[], time: string): boolean {
  const entries: unknown = object.metadata.managedFields;
  if (!Array.isArray(entries)) return false;
  let changed = false;
  for (const entry of entries as ManagedFieldsEntry[]) {
    const owned = pathsOf(entry.fieldsV1);
    if (labels.some((label) => owned.includes(['metadata', 'labels', label].join(SEPARATOR)))) {
      entry.time = time;
      changed = true;
    }
  }
  return changed;
}
