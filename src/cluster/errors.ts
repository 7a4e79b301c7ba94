/**
 * Classifies errors from console watches and fetches so the pages can say *why* data is missing:
 * a 403 names the ClusterRole that would let the user read it; a missing CRD means the GPU
 * operator is not installed; anything else is shown as it is.
 */

/** The plugin's read-only ClusterRole (shipped by the Helm chart). */
export const READER_CLUSTER_ROLE = 'gpu-partitioning-plugin-viewer';

/**
 * The chart's minimal ClusterRole: get/list/watch on nodes and ClusterPolicies, nothing else
 * (charts/gpu-partitioning-plugin/templates/availability-reader.yaml).
 */
export const AVAILABILITY_READER_CLUSTER_ROLE = 'gpu-partitioning-plugin-availability-reader';

/** What the minimal role grants, as `DataError.resource` names them. */
const AVAILABILITY_RESOURCES = new Set(['nodes', 'ClusterPolicies', 'clusterpolicies']);

export type DataErrorKind = 'forbidden' | 'not-found' | 'no-model' | 'other';

/**
 * What could not be read, when it is more than an API kind (`nodes`, `pods`): as data, so the UI
 * can say it in its own words around the names.
 */
export type DataSubject =
  | { kind: 'node'; name: string }
  | { kind: 'pod-log'; namespace: string; name: string }
  | { kind: 'mig-manager-pods'; namespace: string }
  | { kind: 'config-maps'; namespace: string }
  | { kind: 'config-map'; namespace: string; name: string };

/** A subject in plain English: the `resource` of a `DataError`. */
export function dataSubjectMessage(subject: DataSubject): string {
  switch (subject.kind) {
    case 'node':
      return `node ${subject.name}`;
    case 'pod-log':
      return `the log of pod ${subject.namespace}/${subject.name}`;
    case 'mig-manager-pods':
      return `mig-manager pods in ${subject.namespace}`;
    case 'config-maps':
      return `ConfigMaps in ${subject.namespace}`;
    default:
      return `ConfigMap ${subject.namespace}/${subject.name}`;
  }
}

export interface DataError {
  kind: DataErrorKind;
  /** What we tried to read: `nodes`, `pods`, `configmaps/default-mig-parted-config`… */
  resource: string;
  /** The same as data, when it names more than an API kind. */
  subject?: DataSubject;
  /** The error's own text (the API server's or the SDK's), for `kind: 'other'`; not ours to translate. */
  reason?: string;
  status?: number;
  /** The error as the SDK gave it, for logs. */
  cause?: unknown;
}

function readStatus(error: unknown): number | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const candidate = error as {
    code?: unknown;
    status?: unknown;
    response?: { status?: unknown };
    json?: { code?: unknown };
  };
  for (const value of [
    candidate.response?.status,
    candidate.code,
    candidate.status,
    candidate.json?.code,
  ]) {
    if (typeof value === 'number' && value >= 100 && value < 600) return value;
  }
  return undefined;
}

function readMessage(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object') {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return 'unknown error';
}

/** True for the SDK's `NoModelError` (the kind's CRD is not installed). Name survives minification poorly, so the message is checked too. */
function isNoModelError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { name } = error as { name?: unknown };
  return name === 'NoModelError' || readMessage(error) === 'Model does not exist';
}

/** Whether the chart's minimal role is enough to read `resource` (as `DataError.resource` names it). */
export const availabilityReaderGrants = (resource: string): boolean =>
  AVAILABILITY_RESOURCES.has(resource);

/**
 * The user may not read `resource` (a 403, or an access review that said no before any read).
 * Nodes and ClusterPolicies come with the minimal role; pods with the viewer ClusterRole; the
 * mig-parted ConfigMaps and pod logs with the viewer Role in the GPU operator's namespace.
 */
export function forbiddenDataError(resource: string): DataError {
  return { kind: 'forbidden', resource, status: 403 };
}

/** Undefined when there is no error. */
export function classifyDataError(
  error: unknown,
  what: string | DataSubject,
): DataError | undefined {
  // The console's watch hooks report "no error" as an empty string (the k8s reducer's initial
  // `loadError: ''`), not only as undefined.
  if (error === undefined || error === null || error === false || error === '') return undefined;
  const classified = classify(error, typeof what === 'string' ? what : dataSubjectMessage(what));
  return typeof what === 'string' ? classified : { ...classified, subject: what };
}

function classify(error: unknown, resource: string): DataError {
  if (isNoModelError(error)) {
    return { kind: 'no-model', resource, cause: error };
  }
  const status = readStatus(error);
  const message = readMessage(error);
  if (status === 403 || (status === undefined && /forbidden/i.test(message))) {
    return { ...forbiddenDataError(resource), cause: error };
  }
  if (status === 404 || (status === undefined && /not found/i.test(message))) {
    return { kind: 'not-found', resource, status: 404, cause: error };
  }
  return {
    kind: 'other',
    resource,
    ...(status !== undefined ? { status } : {}),
    reason: message,
    cause: error,
  };
}
