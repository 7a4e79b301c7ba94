/**
 * Kubernetes `Status` errors. Every failure the sandbox returns is one of these, with the code,
 * reason and message shape the real API server uses, so clients (kubectl, client-node, the
 * console SDK) react to them exactly as they would against a cluster.
 */

export type StatusReason =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Expired'
  | 'Invalid'
  | 'UnsupportedMediaType'
  | 'InternalError';

export interface StatusCause {
  reason?: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
}

export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: StatusReason;
  details?: StatusDetails;
  code: number;
}

const CODES: Record<StatusReason, number> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  AlreadyExists: 409,
  Conflict: 409,
  Gone: 410,
  Expired: 410,
  UnsupportedMediaType: 415,
  Invalid: 422,
  InternalError: 500,
};

/** An error that carries the Kubernetes Status the HTTP layer sends back. */
export class ApiError extends Error {
  readonly reason: StatusReason;
  readonly code: number;
  readonly details?: StatusDetails;

  constructor(reason: StatusReason, message: string, details?: StatusDetails) {
    super(message);
    this.name = 'ApiError';
    this.reason = reason;
    this.code = CODES[reason];
    this.details = details;
  }

  toStatus(): KubeStatus {
    const status: KubeStatus = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) status.details = this.details;
    return status;
  }
}

/** `group` + `resource` as the API server prints them: `nodes`, `clusterpolicies.nvidia.com`. */
export function qualifiedResource(group: string, plural: string): string {
  return group ? `${plural}.${group}` : plural;
}

function details(group: string, plural: string, name?: string): StatusDetails {
  const result: StatusDetails = { kind: plural };
  if (name !== undefined) result.name = name;
  if (group) result.group = group;
  return result;
}

export function notFound(group: string, plural: string, name: string): ApiError {
  return new ApiError(
    'NotFound',
    `${qualifiedResource(group, plural)} "${name}" not found`,
    details(group, plural, name),
  );
}

export function alreadyExists(group: string, plural: string, name: string): ApiError {
  return new ApiError(
    'AlreadyExists',
    `${qualifiedResource(group, plural)} "${name}" already exists`,
    details(group, plural, name),
  );
}

export function conflict(group: string, plural: string, name: string): ApiError {
  return new ApiError(
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(group, plural)} "${name}": ` +
      'the object has been modified; please apply your changes to the latest version and try again',
    details(group, plural, name),
  );
}

/** 422 with field causes, message like `Pod "x" is invalid: spec.containers: Required value`. */
export function invalid(
  group: string,
  kind: string,
  name: string,
  causes: StatusCause[],
): ApiError {
  const summary = causes.map((cause) => `${cause.field ?? ''}: ${cause.message}`).join(', ');
  const result: StatusDetails = { name, kind, causes };
  if (group) result.group = group;
  return new ApiError('Invalid', `${kind} "${name}" is invalid: ${summary}`, result);
}

export function badRequest(message: string): ApiError {
  return new ApiError('BadRequest', message);
}

/** A resourceVersion or continue token older than the retained history (kube-apiserver: 410 Expired). */
export function expired(message: string): ApiError {
  return new ApiError('Expired', message);
}

export function methodNotAllowed(
  message = 'the server does not allow this method on the requested resource',
): ApiError {
  return new ApiError('MethodNotAllowed', message);
}
