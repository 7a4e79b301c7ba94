import type {
  AccessReviewResourceAttributes,
  SelfSubjectAccessReviewKind,
} from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { consoleFetchJSON } from './fetch';
import { K8S_BASE_PATH } from './paths';

/**
 * SelfSubjectAccessReviews, memoised per attribute set for the page's lifetime like the
 * console's `checkAccessInternal` (a lodash `memoize` of the promise, in console-dynamic-plugin-sdk
 * `src/app/components/utils/rbac.tsx`): a failed review stays failed, and so allowed, until the
 * page reloads. Switching users reloads the page, which clears the cache.
 */
const reviews = new Map<string, Promise<SelfSubjectAccessReviewKind>>();

const normalise = (attributes: AccessReviewResourceAttributes | undefined) => {
  const {
    group = '',
    resource = '',
    subresource = '',
    verb = '',
    name = '',
    namespace = '',
  } = attributes ?? {};
  return { group, resource, subresource, verb, name, namespace };
};

const review = (attributes: ReturnType<typeof normalise>) => {
  const key = Object.values(attributes).join('~');
  let pending = reviews.get(key);
  if (!pending) {
    pending = consoleFetchJSON.post(
      `${K8S_BASE_PATH}/apis/authorization.k8s.io/v1/selfsubjectaccessreviews`,
      {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: attributes },
      },
    ) as Promise<SelfSubjectAccessReviewKind>;
    reviews.set(key, pending);
  }
  return pending;
};

export const checkAccess = (
  resourceAttributes: AccessReviewResourceAttributes,
): Promise<SelfSubjectAccessReviewKind> => review(normalise(resourceAttributes));

/** `[isAllowed, loading]`; like the console it answers allowed when the review itself fails. */
export const useAccessReview = (
  resourceAttributes: AccessReviewResourceAttributes,
  _impersonate?: unknown,
  noCheckForEmptyGroupAndResource?: boolean,
): [boolean, boolean] => {
  const [result, setResult] = React.useState<[boolean, boolean]>([false, true]);
  const attributes = normalise(resourceAttributes);
  const key = Object.values(attributes).join('~');
  const skip =
    Boolean(noCheckForEmptyGroupAndResource) && !attributes.group && !attributes.resource;
  React.useEffect(() => {
    let active = true;
    if (skip) {
      setResult([false, false]);
      return undefined;
    }
    review(attributes).then(
      (ssar) => active && setResult([Boolean(ssar.status?.allowed), false]),
      (error: unknown) => {
        console.warn('SelfSubjectAccessReview failed', error);
        if (active) setResult([true, false]);
      },
    );
    return () => {
      active = false;
    };
    // `key` identifies `attributes`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, skip]);
  return result;
};

export const useAccessReviewAllowed = (
  resourceAttributes: AccessReviewResourceAttributes,
  impersonate?: unknown,
): boolean => useAccessReview(resourceAttributes, impersonate)[0];
