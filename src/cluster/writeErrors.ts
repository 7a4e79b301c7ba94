/**
 * How the API server refused a write, in categories the UI words differently. One rule for every
 * write of the plugin (node label, cordon, strategy switch, designer save).
 *
 * A 422 is two different things. kube-apiserver answers 422 when a JSON Patch does not apply to
 * the object as it is now — a failed `test` op, a path that no longer exists — with the generic
 * Status message of `NewGenericServerResponse(422)` and no causes (the json-patch error such as
 * "testing value /metadata/labels/… failed" is dropped; the sandbox keeps it as a cause). Every
 * write of the plugin tests what its preview saw, so that 422 means someone else wrote first: a
 * conflict. Any other 422 is validation (`Node "w1" is invalid: metadata.labels: Invalid value…`,
 * a CRD schema, a ValidatingAdmissionPolicy): the input is invalid and the Status message says why.
 */

export type WriteErrorKind =
  'conflict' | 'invalid' | 'forbidden' | 'not-found' | 'network' | 'failed';

export interface WriteError {
  kind: WriteErrorKind;
  /** The HTTP status, when the request got an answer. */
  status?: number;
  /** The API server's Status message (else the error's own text). */
  message: string;
}

/** kube-apiserver's Status message for a 422 without details: a JSON Patch that did not apply. */
export const PATCH_NOT_APPLIED_MESSAGE =
  'the server rejected our request due to an error in our request';

/** The json-patch library's text for a failed or inapplicable `test` (older servers, the sandbox's cause). */
const FAILED_TEST_TEXT = /testing value \S* ?failed|test operation does not apply/i;

interface StatusLike {
  code?: unknown;
  message?: unknown;
  details?: { causes?: unknown };
}

interface ErrorLike {
  code?: unknown;
  status?: unknown;
  response?: { status?: unknown };
  json?: StatusLike;
  message?: unknown;
}

function httpStatusOf(candidate: ErrorLike): number | undefined {
  return [candidate.response?.status, candidate.code, candidate.status, candidate.json?.code].find(
    (value): value is number => typeof value === 'number' && value >= 100 && value < 600,
  );
}

function causeMessages(status: StatusLike | undefined): string[] {
  const causes = status?.details?.causes;
  if (!Array.isArray(causes)) return [];
  return causes
    .map((cause: unknown) => (cause as { message?: unknown } | null)?.message)
    .filter((message): message is string => typeof message === 'string');
}

/** True when a 422 says the JSON Patch did not apply (a `test` failed), not that the input is invalid. */
function patchDidNotApply(candidate: ErrorLike, message: string): boolean {
  const texts = [message, ...causeMessages(candidate.json)];
  if (typeof candidate.message === 'string') texts.push(candidate.message);
  return texts.some(
    (text) =>
      text.trim().toLowerCase().startsWith('the server rejected our request') ||
      FAILED_TEST_TEXT.test(text),
  );
}

export function classifyWriteError(error: unknown): WriteError {
  const candidate = (error !== null && typeof error === 'object' ? error : {}) as ErrorLike;
  const status = httpStatusOf(candidate);
  const jsonMessage = candidate.json?.message;
  const message =
    typeof jsonMessage === 'string' && jsonMessage !== ''
      ? jsonMessage
      : typeof candidate.message === 'string'
        ? candidate.message
        : String(error);
  const kind: WriteErrorKind =
    status === 409
      ? 'conflict'
      : status === 422
        ? patchDidNotApply(candidate, message)
          ? 'conflict'
          : 'invalid'
        : status === 403
          ? 'forbidden'
          : status === 404
            ? 'not-found'
            : status === undefined && /fetch|network|timeout|ECONN/i.test(message)
              ? 'network'
              : 'failed';
  return { ...(status !== undefined ? { status } : {}), kind, message };
}

/** How one write ended, in categories the UI words differently. */
export type WriteStatus =
  | 'written'
  /** The `test` failed (422) or the object changed (409): someone else wrote first. */
  | 'conflict'
  /** The API server refused the value itself (a 422 other than a failed `test`): see the message. */
  | 'invalid'
  | 'forbidden'
  | 'not-found'
  | 'failed'
  /** Not tried because an earlier write failed. */
  | 'not-attempted';

/** The write's outcome from the SDK's error (`classifyWriteError`: a failed `test` is a conflict). */
export function statusOfError(error: unknown): { status: WriteStatus; message: string } {
  const { kind, message } = classifyWriteError(error);
  return { status: kind === 'network' ? 'failed' : kind, message };
}
