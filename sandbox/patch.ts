/**
 * The three patch formats of the Kubernetes API: JSON Patch (RFC 6902), JSON Merge Patch
 * (RFC 7386) and strategic merge patch (Kubernetes' own: lists with a merge key are merged by that
 * key, `$patch` directives). Errors follow the API server: a patch that cannot be decoded is 400
 * BadRequest; one that decodes but cannot be applied (missing path, failed `test`) is 422 Invalid.
 */
import { ApiError, badRequest } from './apiErrors';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

/** The API server's answer to a JSON patch that decodes but does not apply. */
function unprocessable(detail: string): ApiError {
  return new ApiError('Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'FieldValueInvalid', message: detail }],
  });
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw badRequest(`JSON pointer "${pointer}" must start with "/"`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Location {
  parent: Json[] | JsonObject;
  key: string;
}

function locate(document: Json, pointer: string, op: string): Location {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0)
    throw unprocessable(`jsonpatch ${op} operation on the document root is not supported`);
  let current: Json = document;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(current)) {
      const index = Number(token);
      if (!/^\d+$/.test(token) || index >= current.length) {
        throw unprocessable(
          `jsonpatch ${op} operation does not apply: doc is missing path: "${pointer}"`,
        );
      }
      current = current[index];
    } else if (isObject(current) && Object.prototype.hasOwnProperty.call(current, token)) {
      current = current[token];
    } else {
      throw unprocessable(
        `jsonpatch ${op} operation does not apply: doc is missing path: "${pointer}"`,
      );
    }
  }
  if (!Array.isArray(current) && !isObject(current)) {
    throw unprocessable(
      `jsonpatch ${op} operation does not apply: doc is missing path: "${pointer}"`,
    );
  }
  return { parent: current, key: tokens[tokens.length - 1] };
}

function arrayIndex(
  array: Json[],
  key: string,
  pointer: string,
  op: string,
  allowEnd: boolean,
): number {
  if (key === '-' && allowEnd) return array.length;
  const index = Number(key);
  const limit = allowEnd ? array.length : array.length - 1;
  if (!/^\d+$/.test(key) || index > limit) {
    throw unprocessable(
      `jsonpatch ${op} operation does not apply: doc is missing path: "${pointer}"`,
    );
  }
  return index;
}

function getAt(document: Json, pointer: string, op: string): Json {
  if (pointer === '') return document;
  const { parent, key } = locate(document, pointer, op);
  if (Array.isArray(parent)) return parent[arrayIndex(parent, key, pointer, op, false)];
  if (!Object.prototype.hasOwnProperty.call(parent, key)) {
    throw unprocessable(
      `jsonpatch ${op} operation does not apply: doc is missing key: "${pointer}"`,
    );
  }
  return parent[key];
}

function addAt(document: Json, pointer: string, value: Json, op: string): void {
  const { parent, key } = locate(document, pointer, op);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, pointer, op, true), 0, value);
  else parent[key] = value;
}

function removeAt(document: Json, pointer: string, op: string): Json {
  const { parent, key } = locate(document, pointer, op);
  if (Array.isArray(parent))
    return parent.splice(arrayIndex(parent, key, pointer, op, false), 1)[0];
  if (!Object.prototype.hasOwnProperty.call(parent, key)) {
    throw unprocessable(
      `jsonpatch ${op} operation does not apply: doc is missing key: "${pointer}"`,
    );
  }
  const removed = parent[key];
  delete parent[key];
  return removed;
}

interface JsonPatchOperation {
  op: string;
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

export function applyJsonPatch<T>(target: T, patch: unknown): T {
  const operations = decodeJsonPatch(patch);
  // A root wrapper lets operations replace the whole document uniformly.
  const document = clone(target) as Json;
  const root: JsonObject = { doc: document };
  const prefixed = (pointer: string): string => `/doc${pointer}`;
  for (const operation of operations) {
    const path = prefixed(operation.path);
    switch (operation.op) {
      case 'add':
        addAt(root, path, clone(operation.value as Json), 'add');
        break;
      case 'remove':
        removeAt(root, path, 'remove');
        break;
      case 'replace':
        getAt(root, path, 'replace');
        removeAt(root, path, 'replace');
        addAt(root, path, clone(operation.value as Json), 'replace');
        break;
      case 'move': {
        const value = removeAt(root, prefixed(operation.from as string), 'move');
        addAt(root, path, value, 'move');
        break;
      }
      case 'copy':
        addAt(root, path, clone(getAt(root, prefixed(operation.from as string), 'copy')), 'copy');
        break;
      case 'test': {
        let actual: Json | undefined;
        try {
          actual = getAt(root, path, 'test');
        } catch {
          actual = undefined;
        }
        if (!deepEqual(actual, operation.value)) {
          throw unprocessable(`testing value ${operation.path} failed: test failed`);
        }
        break;
      }
    }
  }
  return root.doc as T;
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
