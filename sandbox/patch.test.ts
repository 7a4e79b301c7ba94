import { ApiError } from './apiErrors';
import {
  applyJsonPatch,
  applyMergePatch,
  applyPatch,
  applyStrategicMergePatch,
  cloneJson,
  deepEqual,
  patchTypeOf,
} from './patch';

const node = () => ({
  metadata: { name: 'n1', labels: { a: '1', 'nvidia.com/mig.config': 'all-disabled' } },
  spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] },
});

/** The Status the API server would send for the error `run` throws. */
function statusOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return (error as ApiError).toStatus();
  }
  throw new Error('expected an error');
}

describe('applyJsonPatch (RFC 6902, as kube-apiserver applies it)', () => {
  it('applies every operation in order, without touching the original', () => {
    const original = node();
    const patched = applyJsonPatch(original, [
      { op: 'test', path: '/metadata/labels/a', value: '1' },
      { op: 'replace', path: '/metadata/labels/a', value: '2' },
      { op: 'add', path: '/metadata/labels/b~1c', value: 'x' },
      { op: 'remove', path: '/metadata/labels/nvidia.com~1mig.config' },
      { op: 'add', path: '/spec/taints/-', value: { key: 'k2', effect: 'NoExecute' } },
      { op: 'add', path: '/spec/taints/0', value: { key: 'k0', effect: 'NoExecute' } },
      { op: 'copy', from: '/metadata/name', path: '/metadata/labels/name' },
      { op: 'move', from: '/spec/taints/1', path: '/spec/first' },
    ]);
    expect(patched).toEqual({
      metadata: { name: 'n1', labels: { a: '2', 'b/c': 'x', name: 'n1' } },
      spec: {
        taints: [
          { key: 'k0', effect: 'NoExecute' },
          { key: 'k2', effect: 'NoExecute' },
        ],
        first: { key: 'k', effect: 'NoSchedule' },
      },
    });
    expect(original).toEqual(node());
  });

  it('replaces or tests the whole document at the root', () => {
    expect(applyJsonPatch(node(), [{ op: 'replace', path: '', value: { x: 1 } }])).toEqual({
      x: 1,
    });
    expect(applyJsonPatch({ x: 1 }, [{ op: 'test', path: '', value: { x: 1 } }])).toEqual({ x: 1 });
  });

  it('answers a failed test with 422 Invalid and the json-patch text as the cause', () => {
    const status = statusOf(() =>
      applyJsonPatch(node(), [
        { op: 'test', path: '/metadata/labels/nvidia.com~1mig.config', value: 'all-balanced' },
        { op: 'replace', path: '/metadata/labels/nvidia.com~1mig.config', value: 'x' },
      ]),
    );
    expect(status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server rejected our request due to an error in our request',
      reason: 'Invalid',
      details: {
        causes: [
          {
            reason: 'FieldValueInvalid',
            message: 'testing value /metadata/labels/nvidia.com~1mig.config failed: test failed',
          },
        ],
      },
      code: 422,
    });
  });

  it('fails a test of a path that is not there', () => {
    const status = statusOf(() =>
      applyJsonPatch(node(), [{ op: 'test', path: '/metadata/annotations/x', value: 'y' }]),
    );
    expect(status.code).toBe(422);
    expect(status.details?.causes?.[0].message).toBe(
      'testing value /metadata/annotations/x failed: test failed',
    );
  });

  it('tests by deep equality, key order aside', () => {
    const patched = applyJsonPatch(node(), [
      { op: 'test', path: '/spec/taints/0', value: { effect: 'NoSchedule', key: 'k' } },
    ]);
    expect(patched).toEqual(node());
    expect(
      statusOf(() =>
        applyJsonPatch(node(), [{ op: 'test', path: '/spec/taints', value: [{ key: 'k' }] }]),
      ).code,
    ).toBe(422);
  });

  it.each([
    [{ op: 'replace', path: '/metadata/labels/missing', value: 'x' }, 'doc is missing key'],
    [{ op: 'remove', path: '/metadata/labels/missing' }, 'doc is missing key'],
    [{ op: 'add', path: '/metadata/annotations/x', value: 'y' }, 'doc is missing path'],
    [{ op: 'replace', path: '/spec/taints/1', value: {} }, 'doc is missing path'],
    [{ op: 'add', path: '/spec/taints/2', value: {} }, 'doc is missing path'],
    [{ op: 'remove', path: '/spec/taints/x' }, 'doc is missing path'],
    [{ op: 'move', from: '/metadata/labels/missing', path: '/x' }, 'doc is missing key'],
    [{ op: 'copy', from: '/nothing/here', path: '/x' }, 'doc is missing path'],
  ])('answers %j, which does not apply, with 422 (%s)', (operation, missing) => {
    const status = statusOf(() => applyJsonPatch(node(), [operation]));
    expect(status.code).toBe(422);
    expect(status.reason).toBe('Invalid');
    const pointer = 'from' in operation ? operation.from : operation.path;
    expect(status.details?.causes?.[0].message).toBe(
      `jsonpatch ${operation.op} operation does not apply: ${missing}: "${pointer}"`,
    );
  });

  it('never applies a relative pointer or a removal of the whole document', () => {
    for (const operation of [
      { op: 'add', path: 'metadata', value: 1 },
      { op: 'copy', from: 'metadata', path: '/x' },
      { op: 'remove', path: '' },
    ]) {
      const status = statusOf(() => applyJsonPatch(node(), [operation]));
      expect(status.code).toBe(422);
      expect(status.details?.causes?.[0].message).toMatch(/doc is missing path/);
    }
  });

  it('sees only own properties: a key named like an Object method is missing until added', () => {
    const missing = statusOf(() =>
      applyJsonPatch(node(), [{ op: 'replace', path: '/metadata/labels/constructor', value: 'x' }]),
    );
    expect(missing.code).toBe(422);
    expect(
      applyJsonPatch(node(), [{ op: 'add', path: '/metadata/labels/constructor', value: 'x' }])
        .metadata.labels,
    ).toEqual({ a: '1', 'nvidia.com/mig.config': 'all-disabled', constructor: 'x' });
  });

  it.each([
    [{}, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'],
    [[{ path: '/a' }], 'json patch operation is missing "op"'],
    [[{ op: 'add', value: 1 }], 'json patch add operation is missing "path"'],
    [[{ op: 'move', path: '/a' }], 'json patch move operation is missing "from"'],
    [[{ op: 'replace', path: '/a' }], 'json patch replace operation is missing "value"'],
    [[{ op: 'frobnicate', path: '/a' }], 'Unexpected kind: frobnicate'],
  ])('answers a patch that does not decode (%j) with 400', (patch, message) => {
    const status = statusOf(() => applyJsonPatch(node(), patch));
    expect(status.code).toBe(400);
    expect(status.reason).toBe('BadRequest');
    expect(status.message).toBe(message);
  });
});

describe('applyMergePatch (RFC 7386)', () => {
  it('merges objects, removes nulls and replaces lists', () => {
    expect(
      applyMergePatch(node(), {
        metadata: { labels: { a: null, b: '2' } },
        spec: { taints: [] },
      }),
    ).toEqual({
      metadata: { name: 'n1', labels: { 'nvidia.com/mig.config': 'all-disabled', b: '2' } },
      spec: { taints: [] },
    });
  });
});

describe('applyStrategicMergePatch', () => {
  it('merges lists by their merge key and honours $patch directives', () => {
    const pod = {
      spec: {
        containers: [
          { name: 'a', image: 'a:1' },
          { name: 'b', image: 'b:1' },
        ],
        tolerations: [{ key: 't1' }],
      },
      metadata: { finalizers: ['f1'] },
    };
    expect(
      applyStrategicMergePatch(pod, {
        spec: {
          containers: [
            { name: 'b', image: 'b:2' },
            { name: 'a', $patch: 'delete' },
          ],
          tolerations: [{ key: 't2' }],
        },
        metadata: { finalizers: ['f2', 'f1'] },
      }),
    ).toEqual({
      spec: {
        containers: [{ name: 'b', image: 'b:2' }],
        tolerations: [{ key: 't1' }, { key: 't2' }],
      },
      metadata: { finalizers: ['f1', 'f2'] },
    });
    expect(pod.spec.containers).toHaveLength(2);
  });
});

describe('applyPatch and patchTypeOf', () => {
  it('picks the patch format from the content type', () => {
    expect(patchTypeOf('application/json-patch+json; charset=utf-8')).toBe('json');
    expect(patchTypeOf('application/merge-patch+json')).toBe('merge');
    expect(patchTypeOf('application/strategic-merge-patch+json')).toBe('strategic');
    expect(patchTypeOf('application/json')).toBeUndefined();
  });

  it('refuses a strategic merge patch where the API server does (custom resources)', () => {
    expect(statusOf(() => applyPatch('strategic', {}, { a: 1 }, false)).code).toBe(415);
    expect(statusOf(() => applyPatch('merge', {}, [1], true)).code).toBe(400);
    expect(applyPatch('strategic', { a: 1 }, { b: 2 }, true)).toEqual({ a: 1, b: 2 });
  });
});

describe('cloneJson and deepEqual', () => {
  it('copies JSON data deeply and compares it by value', () => {
    const original = node();
    const copy = cloneJson(original);
    expect(copy).not.toBe(original);
    expect(copy.metadata).not.toBe(original.metadata);
    expect(deepEqual(copy, original)).toBe(true);
    copy.metadata.labels.a = '2';
    expect(deepEqual(copy, original)).toBe(false);
    expect(deepEqual([1, { a: [2] }], [1, { a: [2] }])).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(cloneJson(undefined)).toBeUndefined();
  });
});
