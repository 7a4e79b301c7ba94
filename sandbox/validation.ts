/**
 * Object validation and defaulting done by the API server on writes: names, labels, namespaces,
 * the pod fields the sandbox relies on. Type-specific checks (a CRD's schema enums) are plugged in
 * by the caller as validators.
 */
import { invalid, type StatusCause } from './apiErrors';
import type { ResourceType } from './resources';
import type { KubeObject } from './store';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Validator of one type: returns the field errors of an object about to be stored. */
export type TypeValidator = (object: KubeObject, previous: KubeObject | undefined) => StatusCause[];

function keyCauses(key: string, path: string): StatusCause[] {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : '';
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const causes: StatusCause[] = [];
  if (slash >= 0 && (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) {
    causes.push({
      reason: 'FieldValueInvalid',
      field: path,
      message: `Invalid value: "${key}": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
    });
  }
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name)) {
    causes.push({
      reason: 'FieldValueInvalid',
      field: path,
      message: `Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    });
  }
  return causes;
}

function metadataCauses(type: ResourceType, object: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const name = object.metadata.name ?? '';
  if (type.group === 'rbac.authorization.k8s.io') {
    // RBAC names are path segments (`system:discovery`), not DNS names.
    if (name === '.' || name === '..' || /[/%]/.test(name)) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message: `Invalid value: "${name}": may not be '.' or '..' and may not contain '/' or '%'`,
      });
    }
    return [...causes, ...labelAndAnnotationCauses(object)];
  }
  const pattern =
    type.namespaced || type.plural !== 'namespaces' ? DNS1123_SUBDOMAIN : DNS1123_LABEL;
  if (name && (name.length > 253 || !pattern.test(name))) {
    causes.push({
      reason: 'FieldValueInvalid',
      field: 'metadata.name',
      message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
    });
  }
  return [...causes, ...labelAndAnnotationCauses(object)];
}

function labelAndAnnotationCauses(object: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const labels = object.metadata.labels ?? {};
  if (typeof labels !== 'object' || Array.isArray(labels)) {
    causes.push({
      reason: 'FieldValueInvalid',
      field: 'metadata.labels',
      message: 'Invalid value: must be a map',
    });
    return causes;
  }
  for (const [key, value] of Object.entries(labels)) {
    causes.push(...keyCauses(key, 'metadata.labels'));
    if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value)) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'metadata.labels',
        message: `Invalid value: "${String(value)}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
      });
    }
  }
  for (const [key, value] of Object.entries(object.metadata.annotations ?? {})) {
    causes.push(...keyCauses(key, 'metadata.annotations'));
    if (typeof value !== 'string') {
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'metadata.annotations',
        message: `Invalid value: annotation "${key}" must be a string`,
      });
    }
  }
  return causes;
}

interface ContainerLike {
  name?: unknown;
  image?: unknown;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}

const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+|[KMGTPE]i?|[munkMGTPE])?$/;

function podCauses(object: KubeObject, previous: KubeObject | undefined): StatusCause[] {
  const causes: StatusCause[] = [];
  const spec = object.spec as { containers?: ContainerLike[]; nodeName?: unknown } | undefined;
  if (!spec || !Array.isArray(spec.containers) || spec.containers.length === 0) {
    return [{ reason: 'FieldValueRequired', field: 'spec.containers', message: 'Required value' }];
  }
  spec.containers.forEach((container, index) => {
    if (typeof container.name !== 'string' || !DNS1123_LABEL.test(container.name)) {
      causes.push({
        reason: 'FieldValueRequired',
        field: `spec.containers[${index}].name`,
        message: 'Required value',
      });
    }
    if (typeof container.image !== 'string' || container.image === '') {
      causes.push({
        reason: 'FieldValueRequired',
        field: `spec.containers[${index}].image`,
        message: 'Required value',
      });
    }
    for (const section of ['requests', 'limits'] as const) {
      for (const [resource, quantity] of Object.entries(container.resources?.[section] ?? {})) {
        if (!QUANTITY.test(String(quantity))) {
          causes.push({
            reason: 'FieldValueInvalid',
            field: `spec.containers[${index}].resources.${section}[${resource}]`,
            message: `Invalid value: "${String(quantity)}": must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
          });
        }
      }
      // Extended resources (nvidia.com/*) must be whole numbers and requests must equal limits.
      const requests = container.resources?.requests ?? {};
      const limits = container.resources?.limits ?? {};
      for (const resource of Object.keys({ ...requests, ...limits })) {
        if (!resource.includes('/') || resource.startsWith('kubernetes.io/')) continue;
        if (
          resource in requests &&
          resource in limits &&
          String(requests[resource]) !== String(limits[resource])
        ) {
          causes.push({
            reason: 'FieldValueInvalid',
            field: `spec.containers[${index}].resources.requests`,
            message: `Invalid value: "${String(requests[resource])}": must be equal to ${resource} limit of ${String(limits[resource])}`,
          });
        }
      }
    }
  });
  const previousNode = (previous?.spec as { nodeName?: unknown } | undefined)?.nodeName;
  if (previous && previousNode && spec.nodeName !== previousNode) {
    causes.push({
      reason: 'FieldValueForbidden',
      field: 'spec',
      message:
        'Forbidden: pod updates may not change fields other than `spec.containers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to existing tolerations) or `spec.terminationGracePeriodSeconds`',
    });
  }
  return causes;
}

/** Throws 422 Invalid with every field error of the object. */
export function validateObject(
  type: ResourceType,
  object: KubeObject,
  previous: KubeObject | undefined,
  extra?: TypeValidator,
): void {
  const causes = metadataCauses(type, object);
  if (!object.metadata.name && !object.metadata.generateName) {
    causes.push({
      reason: 'FieldValueRequired',
      field: 'metadata.name',
      message: 'Required value: name or generateName is required',
    });
  }
  if (type.plural === 'pods' && !type.group) causes.push(...podCauses(object, previous));
  if (extra) causes.push(...extra(object, previous));
  if (causes.length) {
    const kind = type.group ? `${type.kind}.${type.group}` : type.kind;
    throw invalid(
      type.group,
      kind,
      object.metadata.name ?? object.metadata.generateName ?? '',
      causes,
    );
  }
}

/** Defaults the API server fills in on create (only those the sandbox and kubectl look at). */
export function applyCreateDefaults(type: ResourceType, object: KubeObject): void {
  if (type.group) return;
  if (type.plural === 'pods') {
    const spec = (object.spec ?? {}) as Record<string, unknown>;
    spec.restartPolicy = spec.restartPolicy ?? 'Always';
    spec.schedulerName = spec.schedulerName ?? 'default-scheduler';
    spec.dnsPolicy = spec.dnsPolicy ?? 'ClusterFirst';
    spec.terminationGracePeriodSeconds = spec.terminationGracePeriodSeconds ?? 30;
    spec.serviceAccountName = spec.serviceAccountName ?? 'default';
    object.spec = spec;
    // The API server ignores a client's pod status on create.
    const containers =
      (spec.containers as { resources?: Record<string, object> }[] | undefined) ?? [];
    const hasResources = containers.some((container) =>
      Object.values(container.resources ?? {}).some((section) => Object.keys(section).length > 0),
    );
    object.status = { phase: 'Pending', qosClass: hasResources ? 'Burstable' : 'BestEffort' };
  }
  if (type.plural === 'namespaces') {
    object.spec = object.spec ?? { finalizers: ['kubernetes'] };
    object.status = { phase: 'Active' };
  }
}
