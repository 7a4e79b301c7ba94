/**
 * The resource types the sandbox serves. Built-in types are fixed; custom resources come from the
 * CustomResourceDefinition objects in the store, as on a real cluster (a CRD that is not there
 * means its group is not in discovery and its URLs answer 404).
 */

export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  verbs: string[];
  categories?: string[];
  /** `status` splits spec from status writes; `log` is the pods/log text stream. */
  subresources: string[];
  /** Only `create` exists (access reviews): nothing is stored. */
  virtual?: boolean;
  /** Extra columns for `kubectl get` (CRD additionalPrinterColumns). */
  printerColumns?: { name: string; type: string; jsonPath: string }[];
}

const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

function builtIn(
  type: Omit<ResourceType, 'verbs' | 'listKind' | 'subresources' | 'shortNames'> &
    Partial<Pick<ResourceType, 'verbs' | 'subresources' | 'shortNames'>>,
): ResourceType {
  return {
    verbs: ALL_VERBS,
    subresources: [],
    shortNames: [],
    listKind: `${type.kind}List`,
    ...type,
  };
}

export const BUILT_IN_TYPES: ResourceType[] = [
  builtIn({
    group: '',
    version: 'v1',
    kind: 'Namespace',
    plural: 'namespaces',
    singular: 'namespace',
    namespaced: false,
    shortNames: ['ns'],
    subresources: ['status'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  }),
  builtIn({
    group: '',
    version: 'v1',
    kind: 'Node',
    plural: 'nodes',
    singular: 'node',
    namespaced: false,
    shortNames: ['no'],
    subresources: ['status'],
  }),
  builtIn({
    group: '',
    version: 'v1',
    kind: 'Pod',
    plural: 'pods',
    singular: 'pod',
    namespaced: true,
    shortNames: ['po'],
    categories: ['all'],
    subresources: ['status', 'log'],
  }),
  builtIn({
    group: '',
    version: 'v1',
    kind: 'ConfigMap',
    plural: 'configmaps',
    singular: 'configmap',
    namespaced: true,
    shortNames: ['cm'],
  }),
  builtIn({
    group: '',
    version: 'v1',
    kind: 'Event',
    plural: 'events',
    singular: 'event',
    namespaced: true,
    shortNames: ['ev'],
  }),
  builtIn({
    group: 'apiextensions.k8s.io',
    version: 'v1',
    kind: 'CustomResourceDefinition',
    plural: 'customresourcedefinitions',
    singular: 'customresourcedefinition',
    namespaced: false,
    shortNames: ['crd', 'crds'],
    subresources: ['status'],
    categories: ['api-extensions'],
  }),
  // The console's pod details watch a namespace's PDBs and describe the field from /openapi/v2;
  // without the kind its details page crashes ("Cannot read properties of undefined").
  builtIn({
    group: 'policy',
    version: 'v1',
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    namespaced: true,
    shortNames: ['pdb'],
    subresources: ['status'],
  }),
  // The console's Nodes list watches CSRs beside nodes (to show nodes waiting to join); without
  // this type it says "Error loading Nodes - Model does not exist".
  builtIn({
    group: 'certificates.k8s.io',
    version: 'v1',
    kind: 'CertificateSigningRequest',
    plural: 'certificatesigningrequests',
    singular: 'certificatesigningrequest',
    namespaced: false,
    shortNames: ['csr'],
    subresources: ['status', 'approval'],
  }),
  // RBAC, evaluated for every request (rbac.ts); roles and bindings are plain stored objects.
  builtIn({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'ClusterRole',
    plural: 'clusterroles',
    singular: 'clusterrole',
    namespaced: false,
  }),
  builtIn({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'ClusterRoleBinding',
    plural: 'clusterrolebindings',
    singular: 'clusterrolebinding',
    namespaced: false,
  }),
  builtIn({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'Role',
    plural: 'roles',
    singular: 'role',
    namespaced: true,
  }),
  builtIn({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'RoleBinding',
    plural: 'rolebindings',
    singular: 'rolebinding',
    namespaced: true,
  }),
  builtIn({
    group: 'authorization.k8s.io',
    version: 'v1',
    kind: 'SelfSubjectAccessReview',
    plural: 'selfsubjectaccessreviews',
    singular: 'selfsubjectaccessreview',
    namespaced: false,
    verbs: ['create'],
    virtual: true,
  }),
  // `kubectl auth can-i --list`: the rules that apply to the caller in a namespace.
  builtIn({
    group: 'authorization.k8s.io',
    version: 'v1',
    kind: 'SelfSubjectRulesReview',
    plural: 'selfsubjectrulesreviews',
    singular: 'selfsubjectrulesreview',
    namespaced: false,
    verbs: ['create'],
    virtual: true,
  }),
  builtIn({
    group: 'authentication.k8s.io',
    version: 'v1',
    kind: 'SelfSubjectReview',
    plural: 'selfsubjectreviews',
    singular: 'selfsubjectreview',
    namespaced: false,
    verbs: ['create'],
    virtual: true,
  }),
];

/** Store key of a type: `nodes`, `clusterpolicies.nvidia.com`. */
export function typeKey(type: Pick<ResourceType, 'group' | 'plural'>): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

export function apiVersionOf(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

interface CrdVersion {
  name?: string;
  served?: boolean;
  storage?: boolean;
  subresources?: { status?: unknown };
  additionalPrinterColumns?: { name?: string; type?: string; jsonPath?: string }[];
}

interface CrdLike {
  spec?: {
    group?: string;
    scope?: string;
    names?: {
      kind?: string;
      listKind?: string;
      plural?: string;
      singular?: string;
      shortNames?: string[];
      categories?: string[];
    };
    versions?: CrdVersion[];
  };
}

/** The served versions of a CRD object as resource types (invalid CRDs yield none). */
export function typesFromCrd(crd: CrdLike): ResourceType[] {
  const spec = crd.spec;
  const names = spec?.names;
  if (!spec?.group || !names?.kind || !names.plural || !Array.isArray(spec.versions)) return [];
  const result: ResourceType[] = [];
  for (const version of spec.versions) {
    if (!version.name || version.served === false) continue;
    result.push({
      group: spec.group,
      version: version.name,
      kind: names.kind,
      listKind: names.listKind ?? `${names.kind}List`,
      plural: names.plural,
      singular: names.singular ?? names.kind.toLowerCase(),
      namespaced: spec.scope !== 'Cluster',
      shortNames: names.shortNames ?? [],
      categories: names.categories,
      verbs: ALL_VERBS,
      subresources: version.subresources?.status !== undefined ? ['status'] : [],
      printerColumns: (version.additionalPrinterColumns ?? []).flatMap((column) =>
        column.name && column.jsonPath
          ? [{ name: column.name, type: column.type ?? 'string', jsonPath: column.jsonPath }]
          : [],
      ),
    });
  }
  return result;
}
