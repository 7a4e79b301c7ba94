/**
 * What kube-apiserver checks on RBAC writes (k8s.io/kubernetes/pkg/apis/rbac/validation): rules
 * name verbs and either resources with API groups or non-resource URLs (cluster roles only);
 * bindings refer to a role by kind and name, that reference never changes, and every subject has
 * a known kind and a name.
 */
import type { StatusCause } from './apiErrors';
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
import type { KubeObject } from './store';
import type { TypeValidator } from './validation';

const required = (field: string, what = 'Required value'): StatusCause => ({
  reason: 'FieldValueRequired',
  field,
  message: what,
});

const unsupported = (field: string, value: unknown, supported: string[]): StatusCause => ({
  reason: 'FieldValueNotSupported',
  field,
  message: `Unsupported value: "${String(value)}": supported values: ${supported.map((entry) => `"${entry}"`).join(', ')}`,
});

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string');

function ruleCauses(rule: PolicyRule, field: string, clusterScoped: boolean): StatusCause[] {
  if (rule === null || typeof rule !== 'object') return [required(field)];
  const causes: StatusCause[] = [];
  for (const key of ['verbs', 'apiGroups', 'resources', 'resourceNames', 'nonResourceURLs']) {
    const value = (rule as unknown as Record<string, unknown>)[key];
    if (value !== undefined && !isStringList(value)) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: `${field}.${key}`,
        message: 'Invalid value: must be a list of strings',
      });
    }
  }
  if (causes.length) return causes;
  if (!rule.verbs?.length)
    causes.push(
      required(`${field}.verbs`, 'Required value: verbs must contain at least one value'),
    );
  if (rule.nonResourceURLs?.length) {
    if (!clusterScoped) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: `${field}.nonResourceURLs`,
        message: 'Invalid value: namespaced rules cannot apply to non-resource URLs',
      });
    }
    if (rule.apiGroups?.length || rule.resources?.length) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: `${field}.nonResourceURLs`,
        message:
          'Invalid value: rules cannot apply to both regular resources and non-resource URLs',
      });
    }
    return causes;
  }
  if (!rule.apiGroups?.length)
    causes.push(
      required(
        `${field}.apiGroups`,
        'Required value: resource rules must supply at least one api group',
      ),
    );
  if (!rule.resources?.length)
    causes.push(
      required(
        `${field}.resources`,
        'Required value: resource rules must supply at least one resource',
      ),
    );
  return causes;
}

const roleValidator =
  (clusterScoped: boolean): TypeValidator =>
  (object) => {
    const rules = (object as { rules?: unknown }).rules;
    if (rules === undefined || rules === null) return [];
    if (!Array.isArray(rules)) return [required('rules', 'Invalid value: must be a list')];
    return rules.flatMap((rule, index) =>
      ruleCauses(rule as PolicyRule, `rules[${index}]`, clusterScoped),
    );
  };

function subjectCauses(subject: Subject, field: string, clusterScoped: boolean): StatusCause[] {
  if (subject === null || typeof subject !== 'object') return [required(field)];
  const causes: StatusCause[] = [];
  if (!subject.name) causes.push(required(`${field}.name`));
  if (!['User', 'Group', 'ServiceAccount'].includes(subject.kind)) {
    causes.push(unsupported(`${field}.kind`, subject.kind, ['ServiceAccount', 'User', 'Group']));
  } else if (subject.kind === 'ServiceAccount') {
    if (subject.apiGroup) causes.push(unsupported(`${field}.apiGroup`, subject.apiGroup, ['']));
    if (clusterScoped && !subject.namespace) causes.push(required(`${field}.namespace`));
  } else if (subject.apiGroup !== RBAC_GROUP) {
    causes.push(unsupported(`${field}.apiGroup`, subject.apiGroup ?? '', [RBAC_GROUP]));
  }
  return causes;
}

const bindingValidator =
  (clusterScoped: boolean): TypeValidator =>
  (object: KubeObject, previous: KubeObject | undefined) => {
    const { roleRef, subjects } = object as { roleRef?: RoleRef; subjects?: unknown };
    const causes: StatusCause[] = [];
    const kinds = clusterScoped ? ['ClusterRole'] : ['Role', 'ClusterRole'];
    if (!roleRef || typeof roleRef !== 'object') {
      causes.push(required('roleRef'));
    } else {
      if (roleRef.apiGroup !== RBAC_GROUP)
        causes.push(unsupported('roleRef.apiGroup', roleRef.apiGroup ?? '', [RBAC_GROUP]));
      if (!kinds.includes(roleRef.kind))
        causes.push(unsupported('roleRef.kind', roleRef.kind, kinds));
      if (!roleRef.name) causes.push(required('roleRef.name'));
    }
    const before = (previous as { roleRef?: RoleRef } | undefined)?.roleRef;
    if (before && JSON.stringify(before) !== JSON.stringify(roleRef)) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'roleRef',
        message: 'Invalid value: cannot change roleRef',
      });
    }
    if (subjects !== undefined && subjects !== null) {
      if (!Array.isArray(subjects))
        causes.push(required('subjects', 'Invalid value: must be a list'));
      else
        subjects.forEach((subject, index) =>
          causes.push(...subjectCauses(subject as Subject, `subjects[${index}]`, clusterScoped)),
        );
    }
    return causes;
  };

export const RBAC_VALIDATORS: Record<string, TypeValidator> = {
  [CLUSTER_ROLES]: roleValidator(true),
  [ROLES]: roleValidator(false),
  [CLUSTER_ROLE_BINDINGS]: bindingValidator(true),
  [ROLE_BINDINGS]: bindingValidator(false),
};
