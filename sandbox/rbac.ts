/**
 * The RBAC authorizer, as kube-apiserver runs it: Roles, ClusterRoles, RoleBindings and
 * ClusterRoleBindings (rbac.authorization.k8s.io/v1) read from the store on every request.
 * A request is allowed when a rule of a role bound to the user (by name or by one of their groups)
 * covers it: ClusterRoleBindings everywhere, RoleBindings in the request's namespace. Rules match
 * as in k8s.io/kubernetes/pkg/apis/rbac/v1/evaluation_helpers.go (`*` for verbs, groups and
 * resources, a star for any resource with a given subresource, resourceNames, non-resource URLs with a trailing `*`). Aggregated
 * ClusterRoles and the escalation check on role writes are not implemented.
 */
import type { ObjectStore, KubeObject } from './store';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';
export const CLUSTER_ROLES = `clusterroles.${RBAC_GROUP}`;
export const CLUSTER_ROLE_BINDINGS = `clusterrolebindings.${RBAC_GROUP}`;
export const ROLES = `roles.${RBAC_GROUP}`;
export const ROLE_BINDINGS = `rolebindings.${RBAC_GROUP}`;

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

export interface RoleRef {
  apiGroup: string;
  kind: string;
  name: string;
}

/** Who is asking: the authenticated (or impersonated) user. */
export interface UserInfo {
  username: string;
  groups: string[];
}

export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface NonResourceAttributes {
  verb: string;
  path: string;
}

export type RequestAttributes = ResourceAttributes | NonResourceAttributes;

export interface Decision {
  allowed: boolean;
  /** `RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "y" to User "z"`, or empty. */
  reason: string;
}

export const isNonResource = (attributes: RequestAttributes): attributes is NonResourceAttributes =>
  'path' in attributes;

const has = (values: string[] | undefined, wanted: string): boolean =>
  (values ?? []).some((value) => value === '*' || value === wanted);

function resourceMatches(rule: PolicyRule, attributes: ResourceAttributes): boolean {
  const combined = attributes.subresource
    ? `${attributes.resource}/${attributes.subresource}`
    : attributes.resource;
  return (rule.resources ?? []).some(
    (resource) =>
      resource === '*' ||
      resource === combined ||
      (attributes.subresource !== undefined && resource === `*/${attributes.subresource}`),
  );
}

function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some(
    (url) =>
      url === '*' || url === path || (url.endsWith('*') && path.startsWith(url.slice(0, -1))),
  );
}

/** Whether one rule covers the request (RuleAllows in kube-apiserver). */
export function ruleAllows(rule: PolicyRule, attributes: RequestAttributes): boolean {
  if (!has(rule.verbs, attributes.verb)) return false;
  if (isNonResource(attributes)) return nonResourceURLMatches(rule, attributes.path);
  if (!has(rule.apiGroups, attributes.group) || !resourceMatches(rule, attributes)) return false;
  const names = rule.resourceNames ?? [];
  return names.length === 0 || (attributes.name !== undefined && names.includes(attributes.name));
}

function subjectText(subject: Subject): string {
  if (subject.kind === 'ServiceAccount') {
    return `ServiceAccount "${subject.name}/${subject.namespace ?? ''}"`;
  }
  return `${subject.kind} "${subject.name}"`;
}

function appliesTo(subject: Subject, user: UserInfo, bindingNamespace?: string): boolean {
  switch (subject.kind) {
    case 'User':
      return subject.name === user.username;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const namespace = subject.namespace || bindingNamespace || '';
      return user.username === `system:serviceaccount:${namespace}:${subject.name}`;
    }
    default:
      return false;
  }
}

interface RuleSource {
  rules: PolicyRule[];
  /** The binding and role as kube-apiserver names them in the reason. */
  describe: (subject: Subject) => string;
  subjects: Subject[];
  bindingNamespace?: string;
}

const rulesOf = (object: KubeObject | undefined): PolicyRule[] =>
  ((object as { rules?: PolicyRule[] } | undefined)?.rules ?? []).filter(
    (rule) => rule && Array.isArray(rule.verbs),
  );

const bindingParts = (object: KubeObject): { roleRef?: RoleRef; subjects: Subject[] } => {
  const binding = object as { roleRef?: RoleRef; subjects?: Subject[] };
  return { roleRef: binding.roleRef, subjects: binding.subjects ?? [] };
};

export class RbacAuthorizer {
  constructor(private readonly store: ObjectStore) {}

  /** Allowed when a rule bound to the user covers the request; the reason names the binding. */
  authorize(user: UserInfo, attributes: RequestAttributes): Decision {
    const namespace = isNonResource(attributes) ? undefined : attributes.namespace;
    for (const source of this.sources(namespace)) {
      const subject = source.subjects.find((entry) =>
        appliesTo(entry, user, source.bindingNamespace),
      );
      if (!subject) continue;
      if (source.rules.some((rule) => ruleAllows(rule, attributes))) {
        return { allowed: true, reason: `RBAC: allowed by ${source.describe(subject)}` };
      }
    }
    return { allowed: false, reason: '' };
  }

  /** Every rule that applies to the user in a namespace (SelfSubjectRulesReview). */
  rulesFor(user: UserInfo, namespace: string | undefined): PolicyRule[] {
    return this.sources(namespace)
      .filter((source) =>
        source.subjects.some((subject) => appliesTo(subject, user, source.bindingNamespace)),
      )
      .flatMap((source) => source.rules);
  }

  /** ClusterRoleBindings first, then the RoleBindings of the namespace, as kube-apiserver visits them. */
  private sources(namespace: string | undefined): RuleSource[] {
    const sources: RuleSource[] = [];
    this.store.forEachObject(CLUSTER_ROLE_BINDINGS, (binding) => {
      const { roleRef, subjects } = bindingParts(binding);
      if (roleRef?.kind !== 'ClusterRole') return;
      const rules = rulesOf(this.store.get(CLUSTER_ROLES, undefined, roleRef.name));
      const name = binding.metadata.name ?? '';
      sources.push({
        rules,
        subjects,
        describe: (subject) =>
          `ClusterRoleBinding "${name}" of ClusterRole "${roleRef.name}" to ${subjectText(subject)}`,
      });
    });
    if (namespace === undefined || namespace === '') return sources;
    for (const binding of this.store.list(ROLE_BINDINGS, namespace)) {
      const { roleRef, subjects } = bindingParts(binding);
      if (roleRef?.kind !== 'ClusterRole' && roleRef?.kind !== 'Role') continue;
      const role =
        roleRef.kind === 'Role'
          ? this.store.get(ROLES, namespace, roleRef.name)
          : this.store.get(CLUSTER_ROLES, undefined, roleRef.name);
      const name = binding.metadata.name ?? '';
      sources.push({
        rules: rulesOf(role),
        subjects,
        bindingNamespace: namespace,
        describe: (subject) =>
          `RoleBinding "${name}/${namespace}" of ${roleRef.kind} "${roleRef.name}" to ${subjectText(subject)}`,
      });
    }
    return sources;
  }
}
