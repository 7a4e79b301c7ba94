/**
 * `/openapi/v2`: the Swagger 2.0 document kube-apiserver publishes, reduced to what its readers
 * use here. The OpenShift console fetches it at start (and logs "Could not get OpenAPI
 * definitions" without it) to find each kind's definition by `x-kubernetes-group-version-kind`:
 * field descriptions in the details pages' popovers, the YAML editor's tooltips and schema
 * sidebar. Each served kind gets a definition named as kube-apiserver names it; top-level fields
 * are described, nested ones are open objects (so the YAML editor never flags a valid field).
 */
import type { ResourceType } from './resources';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';

/** Definition name prefixes of the built-in groups (kube-apiserver's Go package paths). */
const BUILT_IN_PREFIXES: Record<string, string> = {
  '': 'io.k8s.api.core',
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
  'certificates.k8s.io': 'io.k8s.api.certificates',
  policy: 'io.k8s.api.policy',
  'authorization.k8s.io': 'io.k8s.api.authorization',
  'authentication.k8s.io': 'io.k8s.api.authentication',
  'rbac.authorization.k8s.io': 'io.k8s.api.rbac',
};

/** What each built-in kind is, and its top-level fields beside apiVersion, kind and metadata. */
const BUILT_IN_KINDS: Record<string, { description: string; fields: Record<string, string> }> = {
  Node: {
    description: 'A worker machine of the cluster; the kubelet on it reports its status.',
    fields: {
      spec: 'How the node is configured: taints, whether it takes new pods, its pod CIDR.',
      status: 'What the kubelet last reported: capacity, allocatable, conditions, addresses.',
    },
  },
  Pod: {
    description: 'A group of containers scheduled together onto one node.',
    fields: {
      spec: 'The desired containers, their resources, volumes and scheduling constraints.',
      status: 'The last observed phase, conditions and container states.',
    },
  },
  Namespace: {
    description: 'A scope for names; most objects live in one.',
    fields: {
      spec: 'Finalizers that must run before the namespace is removed.',
      status: 'The phase of the namespace (Active or Terminating).',
    },
  },
  ConfigMap: {
    description: 'Configuration data as key-value pairs, for pods and controllers to read.',
    fields: {
      data: 'Text values by key.',
      binaryData: 'Base64-encoded binary values by key.',
      immutable: 'When true, the data can no longer change.',
    },
  },
  Event: {
    description: 'A report of something that happened to an object.',
    fields: {
      involvedObject: 'The object the event is about.',
      reason: 'A short, machine-readable cause in CamelCase.',
      message: 'A human-readable description.',
      type: 'Normal or Warning.',
      count: 'How many times it occurred.',
      firstTimestamp: 'When it first occurred.',
      lastTimestamp: 'When it last occurred.',
    },
  },
  CustomResourceDefinition: {
    description: 'Adds a resource type to the API server, served under its group.',
    fields: {
      spec: 'The group, names, scope and versions (with schemas) of the new type.',
      status: 'Whether the names were accepted and the type is established.',
    },
  },
  PodDisruptionBudget: {
    description:
      'Limits how many pods of a set may be down at once through voluntary disruptions such as node drains.',
    fields: {
      spec: 'The pods it covers (selector) and minAvailable or maxUnavailable.',
      status: 'How many pods are healthy, desired and allowed to be disrupted now.',
    },
  },
  CertificateSigningRequest: {
    description: 'A request for a certificate to be signed by a named signer.',
    fields: {
      spec: 'The PEM request, the signer, the usages and who asked.',
      status: 'Approval conditions and, once issued, the certificate.',
    },
  },
  SelfSubjectAccessReview: {
    description: 'Asks whether the current user may perform an action.',
    fields: {
      spec: 'The action: resource attributes or a non-resource path and verb.',
      status: 'Whether it is allowed, and why.',
    },
  },
  ClusterRole: {
    description: 'A cluster-wide set of permissions, granted through bindings.',
    fields: {
      rules: 'What the role allows: verbs on resources of API groups, or on non-resource URLs.',
      aggregationRule: 'Label selectors of ClusterRoles whose rules are added to this one.',
    },
  },
  ClusterRoleBinding: {
    description: 'Grants a ClusterRole to users, groups or service accounts across the cluster.',
    fields: { roleRef: 'The ClusterRole granted.', subjects: 'Who gets it.' },
  },
  Role: {
    description: 'A set of permissions within one namespace, granted through RoleBindings.',
    fields: { rules: 'What the role allows: verbs on resources of API groups.' },
  },
  RoleBinding: {
    description: 'Grants a Role or a ClusterRole to subjects within one namespace.',
    fields: { roleRef: 'The Role or ClusterRole granted.', subjects: 'Who gets it.' },
  },
  SelfSubjectRulesReview: {
    description: 'Lists the actions the current user may perform in a namespace.',
    fields: {
      spec: 'The namespace to evaluate.',
      status: 'The resource and non-resource rules that apply, and whether the list is complete.',
    },
  },
  SelfSubjectReview: {
    description: 'Tells the current user who the API server thinks they are.',
    fields: { status: 'The user name, UID and groups.' },
  },
};

const API_VERSION =
  'The versioned schema of this representation of an object; servers convert recognized schemas to the latest internal value.';
const KIND =
  'The REST resource this object represents, in CamelCase; servers infer it from the endpoint.';

const OBJECT_META_FIELDS: Record<string, [string, string]> = {
  name: ['string', 'Unique within a namespace (or the cluster, for cluster-scoped kinds).'],
  generateName: [
    'string',
    'A prefix the server completes with random characters when no name is given.',
  ],
  namespace: ['string', 'The namespace the object lives in; empty for cluster-scoped kinds.'],
  uid: ['string', 'Unique in time and space; set by the server.'],
  resourceVersion: [
    'string',
    'Opaque version of the object, for optimistic concurrency and watches.',
  ],
  generation: ['integer', 'Incremented by the server on each change of the desired state.'],
  creationTimestamp: ['string', 'When the object was created (RFC 3339, UTC).'],
  deletionTimestamp: ['string', 'When the object is to be deleted, once its finalizers are done.'],
  labels: ['object', 'Key-value pairs to organize and select objects.'],
  annotations: ['object', 'Key-value pairs for tools and extensions; not used for selection.'],
  ownerReferences: ['array', 'Objects this one depends on; it is collected when they all go away.'],
  finalizers: ['array', 'Tasks that must finish before the object is removed from storage.'],
};

/** `nvidia.com` → `com.nvidia`, as kube-apiserver names custom resources' definitions. */
function reversedGroup(group: string): string {
  return group.split('.').reverse().join('.');
}

export function definitionName(
  type: Pick<ResourceType, 'group' | 'version'>,
  kind: string,
): string {
  const prefix = BUILT_IN_PREFIXES[type.group] ?? reversedGroup(type.group);
  return `${prefix}.${type.version}.${kind}`;
}

function gvk(type: ResourceType, kind: string): Record<string, unknown> {
  return {
    'x-kubernetes-group-version-kind': [{ group: type.group, kind, version: type.version }],
  };
}

function kindDefinition(type: ResourceType): Record<string, unknown> {
  const about = BUILT_IN_PREFIXES[type.group] !== undefined ? BUILT_IN_KINDS[type.kind] : undefined;
  const fields = about?.fields ?? {
    spec: `The desired state of the ${type.kind}.`,
    status: `The observed state of the ${type.kind}.`,
  };
  return {
    description: about?.description ?? `${type.kind} is a custom resource of ${type.group}.`,
    type: 'object',
    properties: {
      apiVersion: { description: API_VERSION, type: 'string' },
      kind: { description: KIND, type: 'string' },
      metadata: {
        $ref: `#/definitions/${OBJECT_META}`,
        description: "Standard object's metadata.",
      },
      ...Object.fromEntries(
        Object.entries(fields).map(([field, description]) => [field, { description }]),
      ),
    },
    ...gvk(type, type.kind),
  };
}

function listDefinition(type: ResourceType): Record<string, unknown> {
  return {
    description: `A list of ${type.kind} objects.`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: { description: API_VERSION, type: 'string' },
      kind: { description: KIND, type: 'string' },
      metadata: { $ref: `#/definitions/${LIST_META}`, description: 'Standard list metadata.' },
      items: { type: 'array', items: { $ref: `#/definitions/${definitionName(type, type.kind)}` } },
    },
    ...gvk(type, type.listKind),
  };
}

export function openApiV2Document(
  types: ResourceType[],
  serverVersion: string,
): Record<string, unknown> {
  const definitions: Record<string, unknown> = {
    [OBJECT_META]: {
      description: 'Metadata every persisted object has.',
      type: 'object',
      properties: Object.fromEntries(
        Object.entries(OBJECT_META_FIELDS).map(([field, [type, description]]) => [
          field,
          { type, description },
        ]),
      ),
    },
    [LIST_META]: {
      description:
        'Metadata of a list: its resourceVersion and the continue token of the next page.',
      type: 'object',
      properties: {
        resourceVersion: { type: 'string', description: 'The version the list was read at.' },
        continue: {
          type: 'string',
          description: 'Set when more items remain; pass it to read on.',
        },
        remainingItemCount: {
          type: 'integer',
          description: 'How many items remain after this page.',
        },
      },
    },
  };
  for (const type of types) {
    definitions[definitionName(type, type.kind)] = kindDefinition(type);
    if (!type.virtual) definitions[definitionName(type, type.listKind)] = listDefinition(type);
  }
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: serverVersion },
    paths: {},
    definitions,
  };
}
