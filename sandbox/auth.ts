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

export function authenticate(authorization: string | undefined): SandboxUser {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const user = match ? USERS[match[1]] : undefined;
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
