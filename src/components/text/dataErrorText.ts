/**
 * The words for data the page could not read (`classifyDataError` in src/cluster/errors.ts), from
 * its kind and resource. The error's own text (the API server's) stays as it is, inside a
 * translated sentence.
 */
import { READER_CLUSTER_ROLE } from '../../cluster/errors';
import type { Translate } from '../apply/planIssueText';

/** A `DataError`, or the looser shape the page props use. */
export interface DataErrorLike {
  kind: string;
  message: string;
  resource?: string;
  reason?: string;
}

export function dataErrorText(t: Translate, error: DataErrorLike): string {
  const { resource } = error;
  // Without the resource there is nothing to word it from (not built by classifyDataError).
  if (resource === undefined) return error.message;
  switch (error.kind) {
    case 'no-model':
      return t(
        'The API for {{resource}} is not available on this cluster (its CustomResourceDefinition is not installed).',
        { resource },
      );
    case 'forbidden':
      return t(
        "You are not allowed to read {{resource}}. Ask an administrator to bind the ClusterRole '{{role}}' to you (it grants read-only access to nodes, pods, ClusterPolicies and the mig-parted ConfigMaps).",
        { resource, role: READER_CLUSTER_ROLE },
      );
    case 'not-found':
      return t('{{resource}} not found.', { resource });
    default:
      return t('Could not read {{resource}}: {{reason}}', {
        resource,
        reason: error.reason ?? error.message,
      });
  }
}
