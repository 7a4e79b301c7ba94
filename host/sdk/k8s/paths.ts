import type {
  K8sGroupVersionKind,
  K8sModel,
  K8sResourceCommon,
  Selector,
} from '@openshift-console/dynamic-plugin-sdk';

/** Where the host server proxies the Kubernetes API, as the console's bridge does. */
export const K8S_BASE_PATH = '/api/kubernetes';

export type ResourcePathOptions = {
  ns?: string;
  name?: string;
  path?: string;
  queryParams?: Record<string, string | undefined>;
};

const apiPrefix = ({ apiGroup, apiVersion }: Pick<K8sModel, 'apiGroup' | 'apiVersion'>) =>
  !apiGroup || apiGroup === 'core' ? `/api/${apiVersion}` : `/apis/${apiGroup}/${apiVersion}`;

/** `/api/kubernetes/apis/<group>/<version>[/namespaces/<ns>]/<plural>[/<name>][/<path>][?query]` */
export const resourceURL = (model: K8sModel, options: ResourcePathOptions = {}): string => {
  let url = K8S_BASE_PATH + apiPrefix(model);
  if (options.ns) url += `/namespaces/${encodeURIComponent(options.ns)}`;
  url += `/${model.plural}`;
  if (options.name) url += `/${encodeURIComponent(options.name)}`;
  if (options.path) url += `/${options.path}`;
  const query = Object.entries(options.queryParams ?? {}).filter(([, value]) => value != null);
  if (query.length > 0) {
    url += `?${query.map(([key, value]) => `${key}=${value}`).join('&')}`;
  }
  return url;
};

type Requirement = { key: string; operator: string; values?: string[] };

const requirementToString = ({ key, operator, values = [] }: Requirement): string => {
  switch (operator) {
    case 'Equals':
      return `${key}=${values[0]}`;
    case 'NotEquals':
    case 'NotEqual':
      return `${key}!=${values[0]}`;
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
    case 'In':
      return `${key} in (${values.join(',')})`;
    case 'NotIn':
      return `${key} notin (${values.join(',')})`;
    case 'GreaterThan':
      return `${key} > ${values[0]}`;
    case 'LessThan':
      return `${key} < ${values[0]}`;
    default:
      return '';
  }
};

/**
 * A label selector (`{matchLabels, matchExpressions}`, or the old bare label map) in the
 * Kubernetes string form, with matchLabels sorted first as the console does.
 */
export const selectorToString = (selector: Selector | Record<string, string> = {}): string => {
  const isOldFormat = !('matchLabels' in selector) && !('matchExpressions' in selector);
  const matchLabels: Record<string, string> =
    (isOldFormat ? (selector as Record<string, string>) : (selector as Selector).matchLabels) ?? {};
  const expressions = isOldFormat ? [] : ((selector as Selector).matchExpressions ?? []);
  const requirements: Requirement[] = [
    ...Object.keys(matchLabels)
      .sort()
      .map((key) => ({ key, operator: 'Equals', values: [String(matchLabels[key])] })),
    ...expressions.map((expression) => ({
      key: expression.key,
      operator: expression.operator,
      values: expression.values,
    })),
  ];
  return requirements.map(requirementToString).join(',');
};

export const getReference = ({ group, version, kind }: K8sGroupVersionKind): string =>
  [group || 'core', version, kind].join('~');

export const getReferenceForModel = (model: K8sModel): string =>
  getReference({ group: model.apiGroup, version: model.apiVersion, kind: model.kind });

export const getGroupVersionKindForReference = (reference: string): K8sGroupVersionKind => {
  const [group, version, kind] = reference.split('~');
  return { group: group === 'core' ? undefined : group, version, kind };
};

export const getAPIVersionForModel = (model: K8sModel): string =>
  model.apiGroup ? `${model.apiGroup}/${model.apiVersion}` : model.apiVersion;

export const getGroupVersionKindForModel = ({
  apiGroup,
  apiVersion: version,
  kind,
}: K8sModel): K8sGroupVersionKind => ({ ...(apiGroup && { group: apiGroup }), version, kind });

export const getGroupVersionKindForResource = (
  resource: K8sResourceCommon,
): K8sGroupVersionKind | undefined => {
  const { apiVersion, kind } = resource ?? {};
  const parts = apiVersion?.split('/');
  if (parts && parts.length > 2) throw new Error('Provided resource has invalid apiVersion.');
  if (!apiVersion || !kind || !parts) return undefined;
  return parts.length === 2
    ? { group: parts[0], version: parts[1], kind }
    : { version: apiVersion, kind };
};
