/**
 * The three patch formats of the Kubernetes API: JSON Patch (RFC 6902), JSON Merge Patch
 * (RFC 7386) and strategic merge patch (Kubernetes' own: lists with a merge key are merged by that
 * key, `$patch` directives). Errors follow the API server: a patch that cannot be decoded is 400
 * BadRequest; one that decodes but cannot be applied (missing path, failed `test`) is 422 Invalid.
 * JSON Patch is `fast-json-patch`'s; merge patches are short enough to keep here, and no library
 * knows Kubernetes' strategic merge.
 */
import { applyOperation, getValueByPointer, type Operation } from 'fast-json-patch';
import { isDeepStrictEqual } from 'node:util';
import { ApiError, badRequest } from './apiErrors';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A deep copy as the wire would carry it: `undefined` members are dropped (objects built with
 * spreads carry them, and `structuredClone` would keep them, so a stored object would differ from
 * the same object read back).
 */
function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

const deepEqual = (a: unknown, b: unknown): boolean => isDeepStrictEqual(a, b);

/**
 * A deep copy whose objects have no prototype: the JSON Patch library looks keys up with `obj[key]`,
 * so `constructor` or `toString` would otherwise be found on every object of the document.
 */
function withoutPrototypes<T>(value: T): T {
  if (value === undefined) return value;
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    isObject(item) ? Object.assign(Object.create(null) as JsonObject, item) : item,
  ) as T;
}

/** The API server's answer to a JSON patch that decodes but does not apply. */
function unprocessable(detail: string): ApiError {
  return new ApiError('Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'FieldValueInvalid', message: detail }],
  });
}

interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: Json;
}

function decodeJsonPatch(patch: unknown): JsonPatchOperation[] {
  if (!Array.isArray(patch))
    throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  return patch.map((operation: unknown) => {
    if (!isObject(operation) || typeof operation.op !== 'string') {
      throw badRequest('json patch operation is missing "op"');
    }
    if (typeof operation.path !== 'string')
      throw badRequest(`json patch ${operation.op} operation is missing "path"`);
    if (['move', 'copy'].includes(operation.op) && typeof operation.from !== 'string') {
      throw badRequest(`json patch ${operation.op} operation is missing "from"`);
    }
    if (['add', 'replace', 'test'].includes(operation.op) && !('value' in operation)) {
      throw badRequest(`json patch ${operation.op} operation is missing "value"`);
    }
    if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(operation.op)) {
      throw badRequest(`Unexpected kind: ${operation.op}`);
    }
    return operation as unknown as JsonPatchOperation;
  });
}

/**
 * The 422 for an operation whose pointer does not resolve, in the words of the API server's
 * json-patch library: a missing `key` when the pointer's parent is an object, a missing `path`
 * otherwise (or when `document` is not given).
 */
function missing(document: Json | undefined, op: string, pointer: string): ApiError {
  let parent: unknown;
  try {
    parent = getValueByPointer(document, pointer.slice(0, pointer.lastIndexOf('/')));
  } catch {
    parent = undefined;
  }
  const what = document !== undefined && pointer.startsWith('/') && isObject(parent);
  return unprocessable(
    `jsonpatch ${op} operation does not apply: doc is missing ${what ? 'key' : 'path'}: "${pointer}"`,
  );
}

/** An empty token where the pointer indexes a list: the library reads it as index 0. */
function emptyListIndex(document: Json, pointer: string): boolean {
  const tokens = pointer.split('/');
  return tokens.some((token, i) => {
    if (i === 0 || token !== '') return false;
    try {
      return Array.isArray(getValueByPointer(document, tokens.slice(0, i).join('/')));
    } catch {
      return false;
    }
  });
}

/**
 * One add, remove, replace, test or get through the library, which checks that its path resolves
 * (a relative pointer or an empty list index it would misread); `op` names the operation asked for.
 */
function step(document: Json, operation: Operation, op: string): Json {
  const { path } = operation;
  if (/^[^/]/.test(path) || emptyListIndex(document, path)) throw missing(undefined, op, path);
  try {
    // Again without prototypes: values the operation brought in have them.
    return withoutPrototypes(applyOperation(document, operation, true).newDocument);
  } catch {
    throw missing(document, op, path);
  }
}

/**
 * One operation of a patch. Move and copy are a checked get, remove and add here: the library
 * checks neither where they put the value nor, for the document root, where they take it from.
 */
function applyOperationTo(document: Json, operation: JsonPatchOperation): Json {
  const { op, path, from } = operation;
  if (op === 'remove' && path === '') throw missing(document, op, path);
  if (op !== 'move' && op !== 'copy') return step(document, operation as Operation, op);
  const get: Operation = { op: '_get', path: from as string, value: undefined };
  step(document, get, op);
  const rest =
    op === 'move' ? step(document, { op: 'remove', path: from as string }, op) : document;
  return step(rest, { op: 'add', path, value: clone(get.value as Json) }, op);
}

export function applyJsonPatch<T>(target: T, patch: unknown): T {
  let document = withoutPrototypes(target) as Json;
  for (const operation of decodeJsonPatch(patch)) {
    try {
      document = applyOperationTo(document, operation);
    } catch (error) {
      if (operation.op !== 'test') throw error;
      throw unprocessable(`testing value ${operation.path} failed: test failed`);
    }
  }
  return clone(document) as T;
}

export function applyMergePatch<T>(target: T, patch: unknown): T {
  if (!isObject(patch)) return clone(patch) as T;
  const result: JsonObject = isObject(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value) as Json;
  }
  return result as T;
}

/**
 * Merge keys of the lists kubectl and the console patch strategically (from the Kubernetes API
 * types' `patchMergeKey` tags), by the field name of the list. Lists not named here are replaced.
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  conditions: 'type',
  ownerReferences: 'uid',
  addresses: 'type',
  hostAliases: 'ip',
  tolerations: 'key',
};

/** Lists of scalars Kubernetes merges as sets (`patchStrategy:merge` on a primitive list). */
const MERGED_SCALAR_LISTS = new Set(['finalizers']);

function strategicList(field: string, original: Json | undefined, patch: Json[]): Json[] {
  const mergeKey = MERGE_KEYS[field];
  const base = Array.isArray(original) ? clone(original) : [];
  if (MERGED_SCALAR_LISTS.has(field)) {
    const merged = [...base];
    for (const item of patch)
      if (!merged.some((existing) => deepEqual(existing, item))) merged.push(item);
    return merged;
  }
  if (!mergeKey) {
    const replaceDirective = patch.find((item) => isObject(item) && item.$patch === 'replace');
    return replaceDirective ? patch.filter((item) => item !== replaceDirective) : clone(patch);
  }
  if (patch.some((item) => isObject(item) && item.$patch === 'replace')) {
    return patch.filter((item) => !(isObject(item) && item.$patch === 'replace'));
  }
  let result = base;
  for (const item of patch) {
    if (!isObject(item)) continue;
    const keyValue = item[mergeKey];
    const index = result.findIndex(
      (existing) => isObject(existing) && deepEqual(existing[mergeKey], keyValue),
    );
    if (item.$patch === 'delete') {
      if (index >= 0) result = result.filter((_, position) => position !== index);
      continue;
    }
    if (index >= 0) result[index] = applyStrategicMergePatch(result[index], item);
    else result.push(applyStrategicMergePatch({}, item));
  }
  return result;
}

export function applyStrategicMergePatch<T>(target: T, patch: unknown): T {
  if (!isObject(patch)) {
    throw badRequest('strategic merge patch must be a JSON object');
  }
  if (patch.$patch === 'replace') {
    const replacement = clone(patch);
    delete replacement.$patch;
    return replacement as T;
  }
  if (patch.$patch === 'delete') return {} as T;
  const result: JsonObject = isObject(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys') continue;
    if (key.startsWith('$setElementOrder/')) continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const existing = result[field];
      if (Array.isArray(existing) && Array.isArray(value)) {
        result[field] = existing.filter((item) => !value.some((gone) => deepEqual(gone, item)));
      }
      continue;
    }
    if (value === null) delete result[key];
    else if (Array.isArray(value)) result[key] = strategicList(key, result[key], value);
    else if (isObject(value)) result[key] = applyStrategicMergePatch(result[key], value);
    else result[key] = value;
  }
  if (Array.isArray(patch.$retainKeys)) {
    for (const key of Object.keys(result)) {
      if (!(patch.$retainKeys as Json[]).includes(key)) delete result[key];
    }
  }
  return result as T;
}

export type PatchType = 'json' | 'merge' | 'strategic';

export function patchTypeOf(contentType: string | undefined): PatchType | undefined {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (media === 'application/json-patch+json') return 'json';
  if (media === 'application/merge-patch+json') return 'merge';
  if (media === 'application/strategic-merge-patch+json') return 'strategic';
  return undefined;
}

export function applyPatch<T>(
  type: PatchType,
  target: T,
  patch: unknown,
  strategicAllowed: boolean,
): T {
  if (type === 'json') return applyJsonPatch(target, patch);
  if (!isObject(patch)) throw badRequest('the patch must be a JSON object');
  if (type === 'merge') return applyMergePatch(target, patch);
  if (!strategicAllowed) {
    throw new ApiError(
      'UnsupportedMediaType',
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
  }
  return applyStrategicMergePatch(target, patch);
}

export { deepEqual, clone as cloneJson };
