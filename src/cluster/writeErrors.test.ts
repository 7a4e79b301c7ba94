// Tests use the sandbox (JSON Patch, validation) and the host's console-like fetch errors as oracles.
import { ApiError, invalid } from '../../sandbox/apiErrors';
import { applyJsonPatch } from '../../sandbox/patch';
import { httpErrorFromResponse } from '../../host/sdk/k8s/errors';
import { classifyWriteError, PATCH_NOT_APPLIED_MESSAGE } from './writeErrors';

/** The error the console's fetch throws for a Status answer (message from the first cause, else the Status). */
const consoleError = (status: object, code: number) =>
  httpErrorFromResponse(
    new Response(JSON.stringify(status), {
      status: code,
      headers: { 'content-type': 'application/json' },
    }),
  );

const node = { metadata: { name: 'worker1', labels: { 'nvidia.com/mig.config': 'all-1g.6gb' } } };

describe('classifyWriteError', () => {
  it("takes kube-apiserver's answer to a failed test op (422, generic message, no causes) as a conflict", async () => {
    // NewGenericServerResponse(422, …, isUnexpectedResponse=false): the json-patch text is dropped.
    const error = await consoleError(
      {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: PATCH_NOT_APPLIED_MESSAGE,
        reason: 'Invalid',
        details: {},
        code: 422,
      },
      422,
    );
    expect(classifyWriteError(error)).toEqual({
      kind: 'conflict',
      status: 422,
      message: PATCH_NOT_APPLIED_MESSAGE,
    });
  });

  it("takes the sandbox's failed test op (the json-patch text as a cause) as a conflict", async () => {
    let refusal: unknown;
    try {
      applyJsonPatch(node, [
        { op: 'test', path: '/metadata/labels/nvidia.com~1mig.config', value: 'all-disabled' },
        { op: 'replace', path: '/metadata/labels/nvidia.com~1mig.config', value: 'all-balanced' },
      ]);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ApiError);
    const error = await consoleError((refusal as ApiError).toStatus(), 422);
    expect(error.message).toMatch(/testing value .* failed/);
    expect(classifyWriteError(error).kind).toBe('conflict');
  });

  it('takes a test of a path that no longer exists as a conflict', () => {
    expect(
      classifyWriteError({
        code: 422,
        message: 'test operation does not apply: is missing path: /spec/mig/strategy',
      }).kind,
    ).toBe('conflict');
  });

  it('takes a validation 422 as invalid input, with the Status message', async () => {
    const status = invalid('', 'Node', 'worker1', [
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.labels',
        message: 'Invalid value: "My A30 config": a valid label must be an empty string or …',
      },
    ]).toStatus();
    const error = await consoleError(status, 422);
    expect(classifyWriteError(error)).toEqual({
      kind: 'invalid',
      status: 422,
      message: status.message,
    });
    expect(status.message).toMatch(/^Node "worker1" is invalid: metadata\.labels: Invalid value/);
  });

  it('takes a 422 without a Status body and another message as invalid', () => {
    expect(
      classifyWriteError({ response: { status: 422 }, message: 'spec.mig.strategy: Unsupported' }),
    ).toEqual({ kind: 'invalid', status: 422, message: 'spec.mig.strategy: Unsupported' });
  });

  it('classifies the other answers', () => {
    expect(classifyWriteError({ code: 409, message: 'the object has been modified' }).kind).toBe(
      'conflict',
    );
    expect(classifyWriteError({ response: { status: 403 }, message: 'no' }).kind).toBe('forbidden');
    expect(classifyWriteError({ code: 404, message: 'gone' }).kind).toBe('not-found');
    expect(classifyWriteError(new TypeError('Failed to fetch')).kind).toBe('network');
    expect(classifyWriteError({ code: 500, message: 'etcd' })).toEqual({
      kind: 'failed',
      status: 500,
      message: 'etcd',
    });
    expect(classifyWriteError(undefined)).toEqual({ kind: 'failed', message: 'undefined' });
    expect(classifyWriteError('boom')).toEqual({ kind: 'failed', message: 'boom' });
  });
});
