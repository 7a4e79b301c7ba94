/**
 * The words for data the page could not read (`classifyDataError` in src/cluster/errors.ts), from
 * its kind and resource. The error's own text (the API server's) stays as it is, inside a
 * translated sentence.
 */
import {
  AVAILABILITY_READER_CLUSTER_ROLE,
  READER_CLUSTER_ROLE,
  availabilityReaderGrants,
  type DataSubject,
} from '../../cluster/errors';
import type { Translate } from './translate';

/** A `DataError`, or the looser shape the page props use. */
export interface DataErrorLike {
  kind: string;
  resource: string;
  subject?: DataSubject;
  reason?: string;
}

/** What could not be read, around its names (an API kind such as `nodes` stays as it is). */
export function dataSubjectText(t: Translate, subject: DataSubject): string {
  switch (subject.kind) {
    case 'node':
      return t('node {{name}}', { name: subject.name });
    case 'pod-log':
      return t('the log of pod {{namespace}}/{{name}}', subject);
    case 'mig-manager-pods':
      return t('mig-manager pods in {{namespace}}', subject);
    case 'config-maps':
      return t('ConfigMaps in {{namespace}}', subject);
    default:
      return t('ConfigMap {{namespace}}/{{name}}', subject);
  }
}

export function dataErrorText(t: Translate, error: DataErrorLike): string {
  const resource = error.subject ? dataSubjectText(t, error.subject) : error.resource;
  switch (error.kind) {
    case 'no-model':
      return t(
        'The API for {{resource}} is not available on this cluster (its CustomResourceDefinition is not installed).',
        { resource },
      );
    case 'forbidden':
      return availabilityReaderGrants(error.resource)
        ? t(
            "You are not allowed to read {{resource}}. Ask an administrator to bind the ClusterRole '{{minimal}}' (nodes and ClusterPolicies, enough for slice availability) or '{{viewer}}' to you.",
            { resource, minimal: AVAILABILITY_READER_CLUSTER_ROLE, viewer: READER_CLUSTER_ROLE },
          )
        : t(
            "You are not allowed to read {{resource}}. Ask an administrator to bind '{{viewer}}' to you: the ClusterRole (nodes, pods, ClusterPolicies) and, for the mig-parted ConfigMaps and pod logs, the Role of that name in the GPU operator's namespace.",
            { resource, viewer: READER_CLUSTER_ROLE },
          );
    case 'not-found':
      return t('{{resource}} not found.', { resource });
    default:
      return t('Could not read {{resource}}: {{reason}}', {
        resource,
        reason: error.reason ?? '',
      });
  }
}
