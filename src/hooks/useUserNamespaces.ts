import {
  useActiveNamespace,
  useK8sWatchResource,
  type K8sGroupVersionKind,
  type K8sResourceCommon,
} from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';

/** OpenShift's projects: the namespaces the user may work in (absent on plain Kubernetes). */
export const ProjectGroupVersionKind: K8sGroupVersionKind = {
  group: 'project.openshift.io',
  version: 'v1',
  kind: 'Project',
};

/** The console's value of the active namespace for "all namespaces". */
export const ALL_NAMESPACES_KEY = '#ALL_NS#';

/** More namespaces than this are not watched one by one (a user in 200 projects reads less). */
export const USER_NAMESPACE_WATCH_LIMIT = 20;

export interface UserNamespaces {
  /** The user's namespaces, sorted: their OpenShift projects and the console's active namespace. */
  namespaces: string[];
  /** The project list answered (or does not exist); the active namespace is always known. */
  loaded: boolean;
  /** True when more projects exist than are watched (see `USER_NAMESPACE_WATCH_LIMIT`). */
  truncated: boolean;
  /** The console's active namespace, undefined for "all namespaces". */
  activeNamespace?: string;
  setActiveNamespace: (namespace: string) => void;
}

/**
 * The namespaces a project-scoped user works in, for reading their own pods when they may not
 * list pods cluster-wide: OpenShift lists a user's projects to them (project.openshift.io); the
 * console's active namespace counts too (on plain Kubernetes it is the only source). `enabled`
 * false watches nothing.
 */
export const useUserNamespaces = (enabled: boolean): UserNamespaces => {
  const [active, setActiveNamespace] = useActiveNamespace();
  const [projects, projectsLoaded, projectsError] = useK8sWatchResource<K8sResourceCommon[]>(
    enabled ? { groupVersionKind: ProjectGroupVersionKind, isList: true } : null,
  );
  const activeNamespace = active && active !== ALL_NAMESPACES_KEY ? active : undefined;
  return React.useMemo(() => {
    const names = new Set<string>();
    if (enabled && Array.isArray(projects)) {
      for (const project of projects) {
        if (project?.metadata?.name) names.add(project.metadata.name);
      }
    }
    const sorted = [...names].sort();
    const watched = sorted.slice(0, USER_NAMESPACE_WATCH_LIMIT);
    if (activeNamespace && !watched.includes(activeNamespace)) watched.unshift(activeNamespace);
    return {
      namespaces: enabled ? watched.sort() : [],
      loaded: !enabled || projectsLoaded || Boolean(projectsError),
      truncated: sorted.length > USER_NAMESPACE_WATCH_LIMIT,
      ...(activeNamespace ? { activeNamespace } : {}),
      setActiveNamespace,
    };
  }, [enabled, projects, projectsLoaded, projectsError, activeNamespace, setActiveNamespace]);
};
