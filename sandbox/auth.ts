/**
 * Who is calling: three users, by bearer token, and impersonation (`kubectl --as`). What each may
 * do is RBAC (rbac.ts, bootstrapPolicy.ts). Denials use the API server's exact message shape.
 */
import { ApiError, badRequest } from './apiErrors';
import type { RbacAuthorizer, RequestAttributes, ResourceAttributes } from './rbac';

export type { ResourceAttributes } from './rbac';

export const ADMIN_TOKEN = 'sandbox-admin-token';
export const VIEWER_TOKEN = 'sandbox-viewer-token';
export const DATA_SCIENTIST_TOKEN = 'sandbox-data-scientist-token';

export interface SandboxUser {
  username: string;
  uid: string;
  groups: string[];
}

export const USERS: Record<string, SandboxUser> = {
  [ADMIN_TOKEN]: {
    username: 'sandbox-admin',
    uid: '0c9a9f8e-5d2b-4c51-9b7e-000000000001',
    groups: ['system:masters', 'system:authenticated'],
  },
  [VIEWER_TOKEN]: {
    username: 'sandbox-viewer',
    uid: '0c9a9f8e-5d2b-4c51-9b7e-000000000002',
    groups: ['system:authenticated'],
  },
  [DATA_SCIENTIST_TOKEN]: {
    username: 'sandbox-data-scientist',
    uid: '0c9a9f8e-5d2b-4c51-9b7e-000000000003',
    groups: ['data-scientists', 'system:authenticated'],
  },
};

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

type Headers = Record<string, string | string[] | undefined>;

const headerValues = (headers: Headers, name: string): string[] => {
  const value = headers[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(Boolean);
};

/**
 * `Impersonate-User` / `Impersonate-Group` (kubectl `--as`, `--as-group`), as kube-apiserver's
 * impersonation filter: the caller needs `impersonate` on `users` (or the ServiceAccount) and on
 * each `groups` by name; the impersonated user gets only the groups asked for, plus
 * `system:authenticated` (the API server has no user database to look their groups up).
 */
export function impersonate(
  caller: SandboxUser,
  headers: Headers,
  authorizer: RbacAuthorizer,
): SandboxUser {
  const [username, ...extraUsers] = headerValues(headers, 'impersonate-user');
  const groups = headerValues(headers, 'impersonate-group');
  if (username === undefined) {
    if (groups.length > 0) {
      throw badRequest(`requested groups [${groups.join(' ')}] without impersonating a user`);
    }
    return caller;
  }
  if (extraUsers.length > 0) throw badRequest('only one Impersonate-User header is allowed');
  const serviceAccount = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username);
  const checks: ResourceAttributes[] = [
    serviceAccount
      ? {
          verb: 'impersonate',
          group: '',
          resource: 'serviceaccounts',
          namespace: serviceAccount[1],
          name: serviceAccount[2],
        }
      : { verb: 'impersonate', group: '', resource: 'users', name: username },
    ...groups.map((name) => ({ verb: 'impersonate', group: '', resource: 'groups', name })),
  ];
  for (const attributes of checks) authorize(authorizer, caller, attributes);
  const impersonatedGroups = [...groups];
  if (serviceAccount) {
    impersonatedGroups.push(
      'system:serviceaccounts',
      `system:serviceaccounts:${serviceAccount[1]}`,
    );
  }
  if (!impersonatedGroups.includes('system:authenticated'))
    impersonatedGroups.push('system:authenticated');
  return { username, uid: '', groups: impersonatedGroups };
}

/**
 * `nodes "worker-1" is forbidden: User "sandbox-viewer" cannot patch resource "nodes" in API group
 * "" at the cluster scope` — the RBAC authorizer's wording.
 */
export function forbidden(user: SandboxUser, attributes: RequestAttributes): ApiError {
  if ('path' in attributes) {
    return new ApiError(
      'Forbidden',
      `forbidden: User "${user.username}" cannot ${attributes.verb} path "${attributes.path}"`,
      {},
    );
  }
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

/**
 * RBAC's decision, after kube-apiserver's privileged-group authorizer: `system:masters` may do
 * everything even without a binding.
 */
export function decide(
  authorizer: RbacAuthorizer,
  user: SandboxUser,
  attributes: RequestAttributes,
): { allowed: boolean; reason: string } {
  const decision = authorizer.authorize(user, attributes);
  if (decision.allowed || !user.groups.includes('system:masters')) return decision;
  return { allowed: true, reason: '' };
}

export function authorize(
  authorizer: RbacAuthorizer,
  user: SandboxUser,
  attributes: RequestAttributes,
): void {
  if (!decide(authorizer, user, attributes).allowed) throw forbidden(user, attributes);
}
