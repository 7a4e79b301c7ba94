import { k8sCreate, type K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';

/** authentication.k8s.io/v1 SelfSubjectReview: who the API server says the user is. */
export const SelfSubjectReviewModel: K8sModel = {
  kind: 'SelfSubjectReview',
  apiGroup: 'authentication.k8s.io',
  apiVersion: 'v1',
  abbr: 'SSR',
  label: 'SelfSubjectReview',
  labelPlural: 'SelfSubjectReviews',
  plural: 'selfsubjectreviews',
  namespaced: false,
};

export interface SelfSubject {
  username?: string;
  /** The user's groups without the ones every user has (`system:authenticated`, …). */
  groups: string[];
  loaded: boolean;
}

interface SelfSubjectReviewKind {
  status?: { userInfo?: { username?: unknown; groups?: unknown } };
}

/** Groups the API server adds to everyone, or to whole classes of users: not worth a binding. */
const isSystemGroup = (group: string) => group.startsWith('system:');

const NOBODY: SelfSubject = { groups: [], loaded: false };

/**
 * The user's name and groups (a SelfSubjectReview, which every authenticated user may create),
 * so the page can print the exact binding an administrator runs. `enabled` false asks nothing;
 * a failed review leaves both unknown.
 */
export const useSelfSubject = (enabled: boolean): SelfSubject => {
  const [subject, setSubject] = React.useState<SelfSubject>(NOBODY);
  React.useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    k8sCreate<SelfSubjectReviewKind & { apiVersion: string; kind: string }>({
      model: SelfSubjectReviewModel,
      data: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    })
      .then((review) => {
        const info = review?.status?.userInfo;
        const groups = Array.isArray(info?.groups)
          ? info.groups.filter(
              (group): group is string => typeof group === 'string' && !isSystemGroup(group),
            )
          : [];
        const username = typeof info?.username === 'string' ? info.username : undefined;
        if (current) setSubject({ ...(username ? { username } : {}), groups, loaded: true });
      })
      .catch(() => {
        if (current) setSubject({ groups: [], loaded: true });
      });
    return () => {
      current = false;
    };
  }, [enabled]);
  return subject;
};
