import { useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { classifyDataError } from '../cluster/errors';
import {
  AcceleratorProfileGroupVersionKind,
  HardwareProfileGroupVersionKind,
} from '../cluster/models';
import {
  DEFAULT_APPLICATIONS_NAMESPACE,
  readAcceleratorProfile,
  readHardwareProfile,
  type AcceleratorProfileKind,
  type ExistingProfile,
  type HardwareProfileKind,
} from '../cluster/openshiftAi';
import { useUserNamespaces } from './useUserNamespaces';

export interface UsableHardwareProfiles {
  /** Enabled profiles of the namespaces the user may read, OpenShift AI's own first. */
  profiles: ExistingProfile[];
  /** False when neither profile API exists; undefined until known. */
  installed?: boolean;
  loaded: boolean;
  /** Namespaces whose profiles could be read (OpenShift AI's applications namespace, projects). */
  readableNamespaces: string[];
}

type ProfileObject = HardwareProfileKind | AcceleratorProfileKind;

const KINDS = [
  { key: 'hw', groupVersionKind: HardwareProfileGroupVersionKind },
  { key: 'acc', groupVersionKind: AcceleratorProfileGroupVersionKind },
] as const;

const readProfile = (object: ProfileObject, key: string): ExistingProfile =>
  key === 'hw'
    ? readHardwareProfile(object as HardwareProfileKind)
    : readAcceleratorProfile(object as AcceleratorProfileKind);

/**
 * The OpenShift AI profiles a project-scoped user can pick: those of OpenShift AI's applications
 * namespace (offered in every project) and of the user's own projects, each read only where the
 * user may (a 403 leaves that namespace out, it is not an error).
 */
export const useUsableHardwareProfiles = (): UsableHardwareProfiles => {
  const user = useUserNamespaces(true);
  const namespaces = React.useMemo(
    () => [
      DEFAULT_APPLICATIONS_NAMESPACE,
      ...user.namespaces.filter((ns) => ns !== DEFAULT_APPLICATIONS_NAMESPACE),
    ],
    [user.namespaces],
  );
  const watches = React.useMemo(
    () =>
      Object.fromEntries(
        namespaces.flatMap((namespace) =>
          KINDS.map(({ key, groupVersionKind }) => [
            `${key}:${namespace}`,
            { groupVersionKind, namespace, isList: true },
          ]),
        ),
      ),
    [namespaces],
  );
  const results = useK8sWatchResources<Record<string, ProfileObject[]>>(watches);
  return React.useMemo(() => {
    const entries = Object.keys(watches).map((id) => {
      const [key, namespace] = id.split(':');
      const result = results[id];
      return { key, namespace, result, problem: classifyDataError(result?.loadError, id) };
    });
    const absent = entries.filter((entry) => entry.problem?.kind === 'no-model');
    const readable = entries.filter((entry) => !entry.problem);
    const profiles = readable
      .flatMap(({ key, result }) =>
        (Array.isArray(result?.data) ? result.data : []).map((object) => readProfile(object, key)),
      )
      .filter((profile) => profile.enabled);
    const loaded = entries.every((entry) => entry.result?.loaded || entry.problem) && user.loaded;
    const installed =
      entries.length > 0 && absent.length === entries.length ? false : loaded ? true : undefined;
    return {
      profiles,
      ...(installed !== undefined ? { installed } : {}),
      loaded,
      readableNamespaces: namespaces.filter((namespace) =>
        readable.some((entry) => entry.namespace === namespace),
      ),
    };
  }, [watches, results, namespaces, user.loaded]);
};
