/**
 * Who is calling and what they may do. Two users, by bearer token: an admin who may do everything
 * and a viewer who may only read (get, list, watch — including `pods/log`, as OpenShift's `view`
 * role allows). Denials use the API server's exact message shape.
 */
import { ApiError } from './apiErrors';

export const ADMIN_TOKEN = 'sandbox-admin-token';
export const VIEWER_TOKEN = 'sandbox-viewer-token';

export interface SandboxUser {
  username: string;
  uid: string;
  groups: string[];
  readOnly: boolean;
}

export const USERS: Record<string, SandboxUser> = {
  [ADMIN_TOKEN]: {
    username: 'sandbox-admin',
    uid: '0c9a9f8e-5d2b-4c51-9b7e-000000000001',
    groups: ['system:masters', 'system:authenticated'],
    readOnly: false,
  },
  [VIEWER_TOKEN]: {
    username: 'sandbox-viewer',
    uid: '0c9a9f8e-5d2b-4c51-9b7e-000000000002',
    groups: ['system:authenticated'],
    readOnly: true,
  },
};

const READ_VERBS = new Set(['get', 'list', 'watch']);

export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

/** Reviews of one's own access are open to every authenticated user, as in Kubernetes. */
const SELF_REVIEWS = new Set([
  'selfsubjectaccessreviews',
  'selfsubjectrulesreviews',
  'selfsubjectreviews',
]);

export function isAllowed(user: SandboxUser, attributes: ResourceAttributes): boolean {
  if (!user.readOnly) return true;
  if (attributes.verb === 'create' && SELF_REVIEWS.has(attributes.resource)) return true;
  return READ_VERBS.has(attributes.verb);
}

/** What a WebSocket client may put in `Sec-WebSocket-Protocol` instead of an Authorization header. */
export const BEARER_PROTOCOL_PREFIX = 'base64url.bearer.authorization.k8s.io.';

export interface WebSocketProtocols {
  /** The bearer token carried as `base64url.bearer.authorization.k8s.io.<base64url(token)>`. */
  token?: string;
  /** The other subprotocols offered, in order (the server echoes one of these, never the token). */
  others: string[];
}

/**
 * Splits `Sec-WebSocket-Protocol` as kube-apiserver's WebSocket protocol authenticator does: at most
 * one token protocol, unpadded base64url, and at least one other protocol beside it (so that one
 * can be echoed without echoing the token). A malformed token protocol is a 401.
 */
export function webSocketProtocols(header: string | string[] | undefined): WebSocketProtocols {
  const offered = (Array.isArray(header) ? header : [header ?? ''])
    .flatMap((value) => value.split(','))
    .map((protocol) => protocol.trim())
    .filter(Boolean);
  const others = offered.filter((protocol) => !protocol.startsWith(BEARER_PROTOCOL_PREFIX));
  const carriers = offered.filter((protocol) => protocol.startsWith(BEARER_PROTOCOL_PREFIX));
  if (carriers.length === 0) return { others };
  const encoded = carriers[0].slice(BEARER_PROTOCOL_PREFIX.length);
  if (carriers.length > 1 || !/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) {
    throw new ApiError('Unauthorized', 'Unauthorized');
  }
  const token = Buffer.from(encoded, 'base64url').toString('utf8');
  if (token !== '' && others.length === 0) throw new ApiError('Unauthorized', 'Unauthorized');
  return token === '' ? { others } : { token, others };
}

/**
 * The user behind the request's bearer token: the Authorization header, or for a WebSocket
 * upgrade the token subprotocol (browsers cannot set headers on a WebSocket).
 */
export function authenticate(
  authorization: string | undefined,
  webSocketToken?: string,
): SandboxUser {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const user =
    (match ? USERS[match[1]] : undefined) ??
    (webSocketToken !== undefined ? USERS[webSocketToken] : undefined);
  if (!user) throw new ApiError('Unauthorized', 'Unauthorized');
  return user;
}

/**
 * `nodes "worker-1" is forbidden: User "sandbox-viewer" cannot patch resource "nodes" in API group
 * "" at the cluster scope` — the RBAC authorizer's wording.
 */
export function forbidden(user: SandboxUser, attributes: ResourceAttributes): ApiError {
  const resource = attributes.subresource
    ? `${attributes.resource}/${attributes.subresource}`
    : attributes.resource;
  const qualified = attributes.group
    ? `${attributes.resource}.${attributes.group}`
    : attributes.resource;
  const subject = attributes.name ? `${qualified} "${attributes.name}"` : qualified;
  const scope = attributes.namespace
    ? `in the namespace "${attributes.namespace}"`
    : 'at the cluster scope';
  const message =
    `${subject} is forbidden: User "${user.username}" cannot ${attributes.verb} resource "${resource}" ` +
    `in API group "${attributes.group}" ${scope}`;
  const details: { name?: string; group?: string; kind: string } = { kind: attributes.resource };
  if (attributes.name) details.name = attributes.name;
  if (attributes.group) details.group = attributes.group;
  return new ApiError('Forbidden', message, details);
}

export function authorize(user: SandboxUser, attributes: ResourceAttributes): void {
  if (!isAllowed(user, attributes)) throw forbidden(user, attributes);
}

/** The RBAC reason string a SelfSubjectAccessReview reports. */
export function accessReason(user: SandboxUser, allowed: boolean): string {
  if (!user.readOnly)
    return 'RBAC: allowed by ClusterRoleBinding "sandbox-admin" of ClusterRole "cluster-admin" to User "sandbox-admin"';
  return allowed
    ? 'RBAC: allowed by ClusterRoleBinding "sandbox-viewer" of ClusterRole "view" to User "sandbox-viewer"'
    : '';
}
