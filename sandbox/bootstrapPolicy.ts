/**
 * The RBAC objects every sandbox starts with, as kube-apiserver's bootstrap policy and an OpenShift
 * install would leave them (reduced to the kinds the sandbox serves), plus the bindings of the
 * sandbox's three users and the chart's roles (unbound):
 *
 * - `sandbox-admin`: ClusterRole `cluster-admin` (and the group `system:masters`);
 * - `sandbox-viewer`: ClusterRole `cluster-reader`, get/list/watch on everything;
 * - `sandbox-data-scientist` (group `data-scientists`): ClusterRole `edit` in the project `team-a`
 *   only, as an OpenShift AI user in their own data science project;
 * - every authenticated user: discovery, health, and reviews of their own access.
 */
import {
  AVAILABILITY_READER_ROLE,
  AVAILABILITY_READER_RULES,
  VIEWER_CLUSTER_ROLE_RULES,
  VIEWER_ROLE,
  VIEWER_ROLE_RULES,
} from './chartRoles';
import { OPERATOR_NAMESPACE } from './operator';
import {
  CLUSTER_ROLE_BINDINGS,
  CLUSTER_ROLES,
  RBAC_GROUP,
  ROLE_BINDINGS,
  ROLES,
  type PolicyRule,
  type RoleRef,
  type Subject,
} from './rbac';
import type { KubeObject, ObjectStore } from './store';

export const DATA_SCIENTIST_NAMESPACE = 'team-a';
export const DATA_SCIENTISTS_GROUP = 'data-scientists';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const API_VERSION = `${RBAC_GROUP}/v1`;

/** Discovery and health: what `system:discovery` and `system:public-info-viewer` allow. */
const PUBLIC_INFO_URLS = ['/healthz', '/livez', '/readyz', '/version', '/version/'];
const DISCOVERY_URLS = ['/api', '/api/*', '/apis', '/apis/*', '/openapi', '/openapi/*'];

/** What a project member reads and writes in their namespace (OpenShift's `edit`, reduced). */
const EDIT_RULES: PolicyRule[] = [
  { apiGroups: [''], resources: ['pods', 'configmaps'], verbs: [...READ, ...WRITE] },
  { apiGroups: [''], resources: ['pods/log', 'pods/status'], verbs: READ },
  { apiGroups: [''], resources: ['events'], verbs: READ },
  { apiGroups: [''], resources: ['namespaces'], verbs: ['get'] },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: READ },
  // What OpenShift AI aggregates into edit: project-scoped profiles.
  { apiGroups: ['infrastructure.opendatahub.io'], resources: ['hardwareprofiles'], verbs: READ },
  { apiGroups: ['dashboard.opendatahub.io'], resources: ['acceleratorprofiles'], verbs: READ },
];

/** OpenShift's `view`, reduced: the same kinds read-only. */
const VIEW_RULES: PolicyRule[] = EDIT_RULES.map((rule) => ({
  ...rule,
  verbs: rule.verbs.filter((verb) => READ.includes(verb)),
}));

export const BOOTSTRAP_CLUSTER_ROLES: Record<string, PolicyRule[]> = {
  'cluster-admin': [
    { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
    { nonResourceURLs: ['*'], verbs: ['*'] },
  ],
  // The sandbox viewer's rights: read everything (including pods/log), no writes.
  'cluster-reader': [
    { apiGroups: ['*'], resources: ['*'], verbs: READ },
    { nonResourceURLs: ['*'], verbs: ['get'] },
  ],
  edit: EDIT_RULES,
  view: VIEW_RULES,
  'system:discovery': [
    { nonResourceURLs: [...DISCOVERY_URLS, ...PUBLIC_INFO_URLS], verbs: ['get'] },
  ],
  'system:public-info-viewer': [{ nonResourceURLs: PUBLIC_INFO_URLS, verbs: ['get'] }],
  'system:basic-user': [
    {
      apiGroups: ['authorization.k8s.io'],
      resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
      verbs: ['create'],
    },
    { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
  ],
  [AVAILABILITY_READER_ROLE]: AVAILABILITY_READER_RULES,
  [VIEWER_ROLE]: VIEWER_CLUSTER_ROLE_RULES,
};

export const user = (name: string): Subject => ({ kind: 'User', apiGroup: RBAC_GROUP, name });
export const group = (name: string): Subject => ({ kind: 'Group', apiGroup: RBAC_GROUP, name });

const AUTHENTICATED = group('system:authenticated');

const CLUSTER_ROLE_BINDING_SPECS: [string, string, Subject[]][] = [
  ['cluster-admin', 'cluster-admin', [group('system:masters')]],
  ['sandbox-admin', 'cluster-admin', [user('sandbox-admin')]],
  ['sandbox-viewer', 'cluster-reader', [user('sandbox-viewer')]],
  ['system:discovery', 'system:discovery', [AUTHENTICATED]],
  ['system:basic-user', 'system:basic-user', [AUTHENTICATED]],
  [
    'system:public-info-viewer',
    'system:public-info-viewer',
    [AUTHENTICATED, group('system:unauthenticated')],
  ],
];

const metadata = (name: string, namespace?: string): KubeObject['metadata'] => ({
  name,
  ...(namespace ? { namespace } : {}),
  labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
});

export const clusterRole = (name: string, rules: PolicyRule[]): KubeObject => ({
  apiVersion: API_VERSION,
  kind: 'ClusterRole',
  metadata: { name },
  rules,
});

export const role = (name: string, namespace: string, rules: PolicyRule[]): KubeObject => ({
  apiVersion: API_VERSION,
  kind: 'Role',
  metadata: { name, namespace },
  rules,
});

export const binding = (
  name: string,
  roleRef: Omit<RoleRef, 'apiGroup'>,
  subjects: Subject[],
  namespace?: string,
): KubeObject => ({
  apiVersion: API_VERSION,
  kind: namespace ? 'RoleBinding' : 'ClusterRoleBinding',
  metadata: namespace ? { name, namespace } : { name },
  roleRef: { apiGroup: RBAC_GROUP, ...roleRef },
  subjects,
});

function createIfAbsent(store: ObjectStore, key: string, object: KubeObject): void {
  if (!store.has(key, object.metadata.namespace, object.metadata.name ?? '')) {
    store.create(key, object);
  }
}

/**
 * Creates the bootstrap RBAC objects that are missing, and the data scientist's project.
 * Run on every scenario, and on a state saved before the sandbox had RBAC.
 */
export function installBootstrapPolicy(store: ObjectStore): void {
  for (const [name, rules] of Object.entries(BOOTSTRAP_CLUSTER_ROLES)) {
    const object = clusterRole(name, rules);
    if (!name.startsWith('gpu-partitioning-plugin')) object.metadata = metadata(name);
    createIfAbsent(store, CLUSTER_ROLES, object);
  }
  for (const [name, roleName, subjects] of CLUSTER_ROLE_BINDING_SPECS) {
    const object = binding(name, { kind: 'ClusterRole', name: roleName }, subjects);
    object.metadata = metadata(name);
    createIfAbsent(store, CLUSTER_ROLE_BINDINGS, object);
  }
  if (store.has('namespaces', undefined, OPERATOR_NAMESPACE)) {
    createIfAbsent(store, ROLES, role(VIEWER_ROLE, OPERATOR_NAMESPACE, VIEWER_ROLE_RULES));
  }
  if (!store.has('namespaces', undefined, DATA_SCIENTIST_NAMESPACE)) {
    store.create('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: DATA_SCIENTIST_NAMESPACE,
        labels: {
          'kubernetes.io/metadata.name': DATA_SCIENTIST_NAMESPACE,
          'opendatahub.io/dashboard': 'true',
        },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  createIfAbsent(
    store,
    ROLE_BINDINGS,
    binding(
      'sandbox-data-scientist-edit',
      { kind: 'ClusterRole', name: 'edit' },
      [user('sandbox-data-scientist')],
      DATA_SCIENTIST_NAMESPACE,
    ),
  );
}
