/**
 * A scenario's `rbac:` section: extra ClusterRoles, Roles, and bindings of a role to a user, a
 * group or a ServiceAccount (a ClusterRoleBinding, or a RoleBinding when `namespace` is given),
 * created after the bootstrap policy (bootstrapPolicy.ts). For example, the minimal role for the
 * data scientists:
 *
 *   rbac:
 *     bindings:
 *       - { group: data-scientists, clusterRole: gpu-partitioning-plugin-availability-reader }
 */
import {
  BOOTSTRAP_CLUSTER_ROLES,
  binding,
  clusterRole,
  group,
  role,
  user,
} from './bootstrapPolicy';
import {
  CLUSTER_ROLE_BINDINGS,
  CLUSTER_ROLES,
  ROLE_BINDINGS,
  ROLES,
  type PolicyRule,
  type Subject,
} from './rbac';
import { FieldReader, ScenarioError } from './scenarioFields';
import type { ObjectStore } from './store';

export interface ScenarioRbac {
  clusterRoles: { name: string; rules: PolicyRule[] }[];
  roles: { name: string; namespace: string; rules: PolicyRule[] }[];
  bindings: {
    name: string;
    subject: Subject;
    roleRef: { kind: 'Role' | 'ClusterRole'; name: string };
    namespace?: string;
  }[];
}

const RULE_FIELDS = [
  'verbs',
  'apiGroups',
  'resources',
  'resourceNames',
  'nonResourceURLs',
] as const;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function stringList(reader: FieldReader, key: string): string[] | undefined {
  if (reader.value[key] === undefined) return undefined;
  return reader.list(key).map((entry, index) => {
    if (typeof entry !== 'string') reader.fail(`${key}[${index}]`, 'must be a string');
    return entry;
  });
}

function readRules(reader: FieldReader, clusterScoped: boolean): PolicyRule[] {
  return reader.list('rules').map((value, index) => {
    const rule = FieldReader.of(reader.file, reader.field(`rules[${index}]`), value, [
      ...RULE_FIELDS,
    ]);
    const result: PolicyRule = { verbs: stringList(rule, 'verbs') ?? [] };
    for (const key of RULE_FIELDS.slice(1)) {
      const list = stringList(rule, key);
      if (list) result[key] = list;
    }
    if (result.verbs.length === 0) rule.fail('verbs', 'required (at least one verb)');
    if (result.nonResourceURLs) {
      if (!clusterScoped)
        rule.fail('nonResourceURLs', 'only ClusterRoles may name non-resource URLs');
      if (result.resources || result.apiGroups)
        rule.fail('nonResourceURLs', 'a rule names resources or non-resource URLs, not both');
    } else if (!result.resources?.length || !result.apiGroups?.length) {
      rule.fail(result.resources?.length ? 'apiGroups' : 'resources', 'required (at least one)');
    }
    return result;
  });
}

function readNamespace(reader: FieldReader): string {
  const namespace = reader.string('namespace');
  if (!NAMESPACE.test(namespace))
    reader.fail('namespace', `"${namespace}" is not a namespace name`);
  return namespace;
}

function readSubject(reader: FieldReader): Subject {
  const given = ['user', 'group', 'serviceAccount'].filter(
    (key) => reader.value[key] !== undefined,
  );
  if (given.length !== 1) {
    reader.fail(given[1] ?? 'user', 'give exactly one of user, group, serviceAccount');
  }
  if (given[0] === 'user') return user(reader.string('user'));
  if (given[0] === 'group') return group(reader.string('group'));
  const text = reader.string('serviceAccount');
  const match = /^([a-z0-9-]+)\/([a-z0-9.-]+)$/.exec(text);
  if (!match) reader.fail('serviceAccount', `"${text}" is not namespace/name`);
  return { kind: 'ServiceAccount', namespace: match[1], name: match[2] };
}

function readBinding(
  reader: FieldReader,
  clusterRoleNames: Set<string>,
  roleNames: Set<string>,
): ScenarioRbac['bindings'][number] {
  const subject = readSubject(reader);
  const hasRole = reader.value.role !== undefined;
  if (hasRole === (reader.value.clusterRole !== undefined))
    reader.fail('clusterRole', 'give exactly one of clusterRole, role');
  const namespace = reader.value.namespace !== undefined ? readNamespace(reader) : undefined;
  const roleName = reader.string(hasRole ? 'role' : 'clusterRole');
  if (hasRole && namespace === undefined) reader.fail('namespace', 'required with role');
  if (hasRole && !roleNames.has(`${namespace}/${roleName}`))
    reader.fail('role', `no role "${roleName}" in namespace ${namespace} under rbac.roles`);
  if (!hasRole && !clusterRoleNames.has(roleName))
    reader.fail('clusterRole', `unknown ClusterRole "${roleName}"`);
  const name = reader.optionalString('name') ?? `${roleName}-${subject.name}`.replace(/[/%]/g, '-');
  return {
    name,
    subject,
    roleRef: { kind: hasRole ? 'Role' : 'ClusterRole', name: roleName },
    ...(namespace !== undefined ? { namespace } : {}),
  };
}

/** Parses `rbac:` (undefined: none). */
export function readScenarioRbac(file: string, value: unknown): ScenarioRbac {
  const empty: ScenarioRbac = { clusterRoles: [], roles: [], bindings: [] };
  if (value === undefined || value === null) return empty;
  const root = FieldReader.of(file, 'rbac', value, ['clusterRoles', 'roles', 'bindings']);
  const clusterRoles = root.list('clusterRoles').map((entry, index) => {
    const reader = FieldReader.of(file, `rbac.clusterRoles[${index}]`, entry, ['name', 'rules']);
    return { name: reader.string('name'), rules: readRules(reader, true) };
  });
  const roles = root.list('roles').map((entry, index) => {
    const reader = FieldReader.of(file, `rbac.roles[${index}]`, entry, [
      'name',
      'namespace',
      'rules',
    ]);
    return {
      name: reader.string('name'),
      namespace: readNamespace(reader),
      rules: readRules(reader, false),
    };
  });
  const clusterRoleNames = new Set([
    ...Object.keys(BOOTSTRAP_CLUSTER_ROLES),
    ...clusterRoles.map((entry) => entry.name),
  ]);
  const roleNames = new Set(roles.map((entry) => `${entry.namespace}/${entry.name}`));
  const bindings = root
    .list('bindings')
    .map((entry, index) =>
      readBinding(
        FieldReader.of(file, `rbac.bindings[${index}]`, entry, [
          'name',
          'user',
          'group',
          'serviceAccount',
          'clusterRole',
          'role',
          'namespace',
        ]),
        clusterRoleNames,
        roleNames,
      ),
    );
  return { clusterRoles, roles, bindings };
}

/** Namespaces the section's roles and bindings live in. */
export const rbacNamespaces = (rbac: ScenarioRbac): string[] => [
  ...rbac.roles.map((entry) => entry.namespace),
  ...rbac.bindings.flatMap((entry) => (entry.namespace ? [entry.namespace] : [])),
];

/** Creates the section's objects (after the bootstrap policy; a name already taken is an error). */
export function createScenarioRbac(file: string, rbac: ScenarioRbac, store: ObjectStore): void {
  const create = (key: string, field: string, object: ReturnType<typeof role>) => {
    if (store.has(key, object.metadata.namespace, object.metadata.name ?? '')) {
      throw new ScenarioError(file, field, `"${object.metadata.name}" already exists`);
    }
    store.create(key, object);
  };
  rbac.clusterRoles.forEach((entry, index) =>
    create(CLUSTER_ROLES, `rbac.clusterRoles[${index}]`, clusterRole(entry.name, entry.rules)),
  );
  rbac.roles.forEach((entry, index) =>
    create(ROLES, `rbac.roles[${index}]`, role(entry.name, entry.namespace, entry.rules)),
  );
  rbac.bindings.forEach((entry, index) =>
    create(
      entry.namespace ? ROLE_BINDINGS : CLUSTER_ROLE_BINDINGS,
      `rbac.bindings[${index}]`,
      binding(entry.name, entry.roleRef, [entry.subject], entry.namespace),
    ),
  );
}
