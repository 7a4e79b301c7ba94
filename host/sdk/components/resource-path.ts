import type { K8sGroupVersionKind } from '@openshift-console/dynamic-plugin-sdk';
import { getReference } from '../k8s/paths';

/** Console plural for a core kind when discovery has no model at hand. */
const corePlural = (kind: string) => `${kind.toLowerCase()}s`;

/**
 * The console's URL for a resource: `/k8s/cluster/<ref>/<name>` when cluster-scoped and
 * `/k8s/ns/<ns>/<ref>/<name>` otherwise, where `<ref>` is the plural for core kinds and
 * `group~version~Kind` for the rest.
 */
export const resourcePath = (
  groupVersionKind: K8sGroupVersionKind,
  name?: string,
  namespace?: string,
): string => {
  const reference = groupVersionKind.group
    ? getReference(groupVersionKind)
    : corePlural(groupVersionKind.kind);
  const base = namespace ? `/k8s/ns/${namespace}/${reference}` : `/k8s/cluster/${reference}`;
  return name ? `${base}/${encodeURIComponent(name)}` : base;
};
