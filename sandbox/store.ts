/**
 * The object store: every object of every type, one global resourceVersion counter (as etcd's
 * revision), a bounded history of changes for watches that resume from a resourceVersion, and
 * listeners for the simulated controllers. Objects are deep-copied in and out so no caller can
 * change stored state behind the store's back.
 */
import { randomUUID } from 'node:crypto';
import { alreadyExists, conflict, expired, notFound } from './apiErrors';
import { deepEqual, cloneJson } from './patch';
import {
  backdateLabelOwners,
  DEFAULT_WRITER,
  nextManagedFields,
  type Writer,
} from './managedFields';

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: unknown[];
  finalizers?: string[];
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/**
 * A change. `object` and `previous` are the store's own immutable versions, shared with every
 * listener and the watch history without copying: listeners must only read them.
 */
export interface StoreEvent {
  /** Type key (`nodes`, `clusterpolicies.nvidia.com`). */
  key: string;
  type: WatchEventType;
  object: KubeObject;
  /** The object before the change (MODIFIED and DELETED). */
  previous?: KubeObject;
  resourceVersion: number;
}

export type StoreListener = (event: StoreEvent) => void;

export interface StoreSnapshot {
  format: 'gpu-partitioning-sandbox/v1';
  resourceVersion: number;
  objects: Record<string, KubeObject[]>;
}

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Five characters as the API server appends to `generateName`. */
export function randomSuffix(length = 5): string {
  let suffix = '';
  for (let index = 0; index < length; index += 1) {
    suffix += SUFFIX_ALPHABET[Math.floor(Math.random() * SUFFIX_ALPHABET.length)];
  }
  return suffix;
}

function splitKey(key: string): { group: string; plural: string } {
  const dot = key.indexOf('.');
  return dot < 0
    ? { group: '', plural: key }
    : { group: key.slice(dot + 1), plural: key.slice(0, dot) };
}

function objectId(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

function stripVolatile(object: KubeObject): unknown {
  const { metadata, status: _status, ...rest } = object;
  void metadata;
  return rest;
}

function setManagedFields(object: KubeObject, entries: unknown[] | undefined): void {
  if (entries && entries.length > 0) object.metadata.managedFields = entries;
  else delete object.metadata.managedFields;
}

export class ObjectStore {
  private revision = 0;
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<StoreListener>();
  /** Oldest resourceVersion a watch may still resume from. */
  private compactedThrough = 0;
  private readonly pending: StoreEvent[] = [];
  /** Field index `spec.nodeName` → pod ids, as the API server indexes pods for kubelets. */
  private readonly podsByNode = new Map<string, Set<string>>();
  private delivering = false;

  constructor(private readonly historyLimit = 10000) {}

  /** The current global resourceVersion, as a list's `metadata.resourceVersion`. */
  get resourceVersion(): string {
    return String(this.revision);
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(key: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.objects.get(key)?.get(objectId(namespace, name));
    return found ? cloneJson(found) : undefined;
  }

  /** Reads one stored object without copying it; the reader must only read. */
  inspect<T>(
    key: string,
    namespace: string | undefined,
    name: string,
    read: (object: KubeObject) => T,
  ): T | undefined {
    const found = this.objects.get(key)?.get(objectId(namespace, name));
    return found ? read(found) : undefined;
  }

  /** Like get, but 404 NotFound when absent. */
  require(key: string, namespace: string | undefined, name: string): KubeObject {
    const found = this.get(key, namespace, name);
    if (!found) {
      const { group, plural } = splitKey(key);
      throw notFound(group, plural, name);
    }
    return found;
  }

  /** Objects of a type sorted by namespace then name (the order etcd keys give). */
  list(key: string, namespace?: string): KubeObject[] {
    const bucket = this.objects.get(key);
    if (!bucket) return [];
    const result: KubeObject[] = [];
    for (const object of bucket.values()) {
      if (namespace === undefined || object.metadata.namespace === namespace)
        result.push(cloneJson(object));
    }
    return result.sort((a, b) =>
      objectId(a.metadata.namespace, a.metadata.name ?? '').localeCompare(
        objectId(b.metadata.namespace, b.metadata.name ?? ''),
      ),
    );
  }

  /**
   * Objects for which `predicate` holds, sorted like `list`. The predicate sees the stored object
   * (read it, never change it); only matches are copied, which keeps scans over large types cheap.
   */
  filter(
    key: string,
    namespace: string | undefined,
    predicate: (object: KubeObject) => boolean,
  ): KubeObject[] {
    const result: KubeObject[] = [];
    for (const object of this.objects.get(key)?.values() ?? []) {
      if (namespace !== undefined && object.metadata.namespace !== namespace) continue;
      if (predicate(object)) result.push(cloneJson(object));
    }
    return result.sort((a, b) =>
      objectId(a.metadata.namespace, a.metadata.name ?? '').localeCompare(
        objectId(b.metadata.namespace, b.metadata.name ?? ''),
      ),
    );
  }

  /**
   * One page of `filter`: the matches sorted like `list`, of which only the first `limit` are
   * copied (all of them when `limit` is 0); `total` counts every match. A paged list of a large
   * type (9,000 pods, 250 a page) then copies one page per request instead of the whole type.
   */
  filterPage(
    key: string,
    namespace: string | undefined,
    predicate: (object: KubeObject) => boolean,
    limit: number,
  ): { items: KubeObject[]; total: number } {
    const matches: { id: string; object: KubeObject }[] = [];
    for (const object of this.objects.get(key)?.values() ?? []) {
      if (namespace !== undefined && object.metadata.namespace !== namespace) continue;
      if (predicate(object)) {
        matches.push({
          id: objectId(object.metadata.namespace, object.metadata.name ?? ''),
          object,
        });
      }
    }
    matches.sort((a, b) => a.id.localeCompare(b.id));
    const page = limit > 0 ? matches.slice(0, limit) : matches;
    return { items: page.map(({ object }) => cloneJson(object)), total: matches.length };
  }

  /**
   * Visits every stored object of a type without copying it (readers of many objects, such as the
   * simulated metrics); the visitor must only read.
   */
  forEachObject(key: string, visit: (object: KubeObject) => void): void {
    for (const object of this.objects.get(key)?.values() ?? []) visit(object);
  }

  /** Names of the objects of a type (in a namespace, unordered), without copying the objects. */
  names(key: string, namespace?: string): string[] {
    const result: string[] = [];
    for (const object of this.objects.get(key)?.values() ?? []) {
      if (namespace === undefined || object.metadata.namespace === namespace)
        result.push(object.metadata.name ?? '');
    }
    return result;
  }

  has(key: string, namespace: string | undefined, name: string): boolean {
    return this.objects.get(key)?.has(objectId(namespace, name)) ?? false;
  }

  /** Pods bound to a node (through the `spec.nodeName` index), optionally filtered. */
  podsOnNode(nodeName: string, predicate: (pod: KubeObject) => boolean = () => true): KubeObject[] {
    const bucket = this.objects.get('pods');
    const result: KubeObject[] = [];
    for (const id of this.podsByNode.get(nodeName) ?? []) {
      const pod = bucket?.get(id);
      if (pod && predicate(pod)) result.push(cloneJson(pod));
    }
    return result.sort((a, b) =>
      objectId(a.metadata.namespace, a.metadata.name ?? '').localeCompare(
        objectId(b.metadata.namespace, b.metadata.name ?? ''),
      ),
    );
  }

  private index(
    key: string,
    id: string,
    before: KubeObject | undefined,
    after: KubeObject | undefined,
  ): void {
    if (key !== 'pods') return;
    const nodeOf = (pod: KubeObject | undefined) =>
      (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
    const previousNode = nodeOf(before);
    const nextNode = nodeOf(after);
    if (previousNode === nextNode) return;
    if (previousNode) this.podsByNode.get(previousNode)?.delete(id);
    if (nextNode) {
      const ids = this.podsByNode.get(nextNode) ?? new Set<string>();
      ids.add(id);
      this.podsByNode.set(nextNode, ids);
    }
  }

  count(key: string): number {
    return this.objects.get(key)?.size ?? 0;
  }

  /** Stores a new object; `writer` becomes the manager of its fields (`metadata.managedFields`). */
  create(key: string, input: KubeObject, writer: Writer = DEFAULT_WRITER): KubeObject {
    const object = cloneJson(input);
    const metadata = object.metadata;
    if (!metadata.name && metadata.generateName) {
      let candidate = `${metadata.generateName}${randomSuffix()}`;
      while (this.objects.get(key)?.has(objectId(metadata.namespace, candidate))) {
        candidate = `${metadata.generateName}${randomSuffix()}`;
      }
      metadata.name = candidate;
    }
    const name = metadata.name as string;
    const id = objectId(metadata.namespace, name);
    let bucket = this.objects.get(key);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(key, bucket);
    }
    if (bucket.has(id)) {
      const { group, plural } = splitKey(key);
      throw alreadyExists(group, plural, name);
    }
    metadata.uid = randomUUID();
    metadata.creationTimestamp =
      metadata.creationTimestamp ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    metadata.generation = 1;
    delete metadata.deletionTimestamp;
    delete metadata.managedFields;
    setManagedFields(object, nextManagedFields(undefined, object, writer));
    this.revision += 1;
    metadata.resourceVersion = String(this.revision);
    bucket.set(id, object);
    this.index(key, id, undefined, object);
    this.record({ key, type: 'ADDED', object, resourceVersion: this.revision });
    return cloneJson(object);
  }

  /**
   * Replaces an object. With `expectedResourceVersion` set (the caller's `metadata.resourceVersion`)
   * a stale version is a 409 Conflict, the API server's optimistic concurrency. Writing an
   * identical object is a no-op that keeps the resourceVersion, as the API server does. Changed
   * fields move to `writer` in `metadata.managedFields` (the caller's managedFields are ignored).
   */
  update(
    key: string,
    input: KubeObject,
    expectedResourceVersion?: string,
    writer: Writer = DEFAULT_WRITER,
  ): KubeObject {
    const object = cloneJson(input);
    const name = object.metadata.name ?? '';
    const id = objectId(object.metadata.namespace, name);
    const current = this.objects.get(key)?.get(id);
    const { group, plural } = splitKey(key);
    if (!current) throw notFound(group, plural, name);
    if (expectedResourceVersion && expectedResourceVersion !== current.metadata.resourceVersion) {
      throw conflict(group, plural, name);
    }
    // Identity and bookkeeping fields belong to the server.
    object.metadata.uid = current.metadata.uid;
    object.metadata.creationTimestamp = current.metadata.creationTimestamp;
    object.metadata.generation = current.metadata.generation;
    object.metadata.resourceVersion = current.metadata.resourceVersion;
    if (current.metadata.deletionTimestamp)
      object.metadata.deletionTimestamp = current.metadata.deletionTimestamp;
    setManagedFields(object, current.metadata.managedFields as unknown[] | undefined);
    if (deepEqual(object, current)) return cloneJson(current);
    setManagedFields(object, nextManagedFields(current, object, writer));
    if (!deepEqual(stripVolatile(object), stripVolatile(current))) {
      object.metadata.generation = (current.metadata.generation ?? 1) + 1;
    }
    this.revision += 1;
    object.metadata.resourceVersion = String(this.revision);
    this.objects.get(key)?.set(id, object);
    this.index(key, id, current, object);
    this.record({
      key,
      type: 'MODIFIED',
      object,
      previous: current,
      resourceVersion: this.revision,
    });
    return cloneJson(object);
  }

  /** Read-modify-write for controllers; returns the stored result (unchanged objects stay put). */
  mutate(
    key: string,
    namespace: string | undefined,
    name: string,
    change: (object: KubeObject) => void,
    writer: Writer = DEFAULT_WRITER,
  ): KubeObject | undefined {
    const object = this.get(key, namespace, name);
    if (!object) return undefined;
    change(object);
    return this.update(key, object, undefined, writer);
  }

  /**
   * Scenario set-up only: dates the managedFields entries owning these labels at `time`, as if
   * their writers had set them then. A MODIFIED event like any change.
   */
  backdateLabels(
    key: string,
    namespace: string | undefined,
    name: string,
    labels: string[],
    time: string,
  ): void {
    const id = objectId(namespace, name);
    const current = this.objects.get(key)?.get(id);
    if (!current) return;
    const object = cloneJson(current);
    if (!backdateLabelOwners(object, labels, time)) return;
    this.revision += 1;
    object.metadata.resourceVersion = String(this.revision);
    this.objects.get(key)?.set(id, object);
    this.record({
      key,
      type: 'MODIFIED',
      object,
      previous: current,
      resourceVersion: this.revision,
    });
  }

  delete(
    key: string,
    namespace: string | undefined,
    name: string,
    expectedUid?: string,
    expectedResourceVersion?: string,
  ): KubeObject {
    const id = objectId(namespace, name);
    const current = this.objects.get(key)?.get(id);
    const { group, plural } = splitKey(key);
    if (!current) throw notFound(group, plural, name);
    if (expectedUid && expectedUid !== current.metadata.uid) throw conflict(group, plural, name);
    if (expectedResourceVersion && expectedResourceVersion !== current.metadata.resourceVersion) {
      throw conflict(group, plural, name);
    }
    this.objects.get(key)?.delete(id);
    this.index(key, id, current, undefined);
    this.revision += 1;
    const deleted = cloneJson(current);
    deleted.metadata.resourceVersion = String(this.revision);
    const answer = cloneJson(deleted);
    this.record({
      key,
      type: 'DELETED',
      object: deleted,
      previous: current,
      resourceVersion: this.revision,
    });
    return answer;
  }

  /**
   * Changes of one type after `sinceResourceVersion`, oldest first. 410 Expired when the history
   * no longer reaches back that far.
   */
  eventsSince(key: string, sinceResourceVersion: number): StoreEvent[] {
    if (sinceResourceVersion < this.compactedThrough) {
      throw expired(`too old resource version: ${sinceResourceVersion} (${this.compactedThrough})`);
    }
    return this.history.filter(
      (event) => event.key === key && event.resourceVersion > sinceResourceVersion,
    );
  }

  /** Throws 410 Expired when a watch or continue token refers to compacted history. */
  checkNotExpired(resourceVersion: number): void {
    if (resourceVersion < this.compactedThrough) {
      throw expired(`too old resource version: ${resourceVersion} (${this.compactedThrough})`);
    }
  }

  snapshot(): StoreSnapshot {
    const objects: Record<string, KubeObject[]> = {};
    for (const key of [...this.objects.keys()].sort()) objects[key] = this.list(key);
    return { format: 'gpu-partitioning-sandbox/v1', resourceVersion: this.revision, objects };
  }

  /** Replaces all state with a snapshot; the history starts afresh (old resourceVersions expire). */
  restore(snapshot: StoreSnapshot): void {
    this.objects.clear();
    this.history.length = 0;
    this.podsByNode.clear();
    for (const [key, items] of Object.entries(snapshot.objects)) {
      const bucket = new Map<string, KubeObject>();
      for (const item of items)
        bucket.set(objectId(item.metadata.namespace, item.metadata.name ?? ''), cloneJson(item));
      this.objects.set(key, bucket);
    }
    this.revision = snapshot.resourceVersion;
    this.compactedThrough = snapshot.resourceVersion;
  }

  private record(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length > this.historyLimit) {
      // Drop in chunks so compaction is amortised, like etcd compacting a window of revisions.
      const dropped = this.history.splice(0, Math.ceil(this.historyLimit / 10));
      this.compactedThrough = dropped[dropped.length - 1].resourceVersion;
    }
    // Listeners that write (controllers) must not make later events overtake this one: deliver
    // from a queue, so every listener sees events in resourceVersion order.
    this.pending.push(event);
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) {
        for (const listener of [...this.listeners]) {
          try {
            listener(next);
          } catch (error) {
            // A failing controller must not stop delivery to watchers and other controllers.
            console.error('sandbox: store listener failed:', error);
          }
        }
      }
    } finally {
      this.delivering = false;
      this.pending.length = 0;
    }
  }
}
