import type { K8sModel, K8sVerb } from '@openshift-console/dynamic-plugin-sdk';
import { consoleFetchJSON } from './fetch';
import { K8S_BASE_PATH, getReferenceForModel } from './paths';

/**
 * The API models the console learns by API discovery. Like the console, the host re-runs
 * discovery while the page is open, so a CRD installed or removed later (for example with
 * kubectl against the sandbox) shows up without a reload.
 */

type APIResource = {
  name: string;
  singularName?: string;
  namespaced: boolean;
  kind: string;
  verbs: K8sVerb[];
  shortNames?: string[];
};
type APIResourceList = { groupVersion: string; resources: APIResource[] };
type APIGroupList = { groups: { name: string; versions: { groupVersion: string }[] }[] };
type APIVersions = { versions: string[] };

export type DiscoveryState = {
  /** True once discovery has succeeded at least once. */
  loaded: boolean;
  /** Models keyed by `group~version~Kind` (`core` for the legacy group). */
  models: ReadonlyMap<string, K8sModel>;
  error?: unknown;
};

const REDISCOVERY_INTERVAL_MS = 10_000;
const RETRY_INTERVAL_MS = 3_000;

let state: DiscoveryState = { loaded: false, models: new Map() };
let started = false;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

/** "ClusterPolicy" → "Cluster Policy", the console's label for kinds it has no static model for. */
const kindToLabel = (kind: string) => kind.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
const kindToAbbr = (kind: string) => (kind.replace(/[^A-Z]/g, '') || kind[0]).slice(0, 4);

const toModel = (groupVersion: string, resource: APIResource): K8sModel => {
  const [group, version] = groupVersion.includes('/')
    ? groupVersion.split('/')
    : [undefined, groupVersion];
  const label = kindToLabel(resource.kind);
  return {
    kind: resource.kind,
    label,
    labelPlural: `${label}s`,
    abbr: kindToAbbr(resource.kind),
    plural: resource.name,
    apiVersion: version,
    ...(group ? { apiGroup: group, crd: true } : {}),
    namespaced: resource.namespaced,
    verbs: resource.verbs,
    shortNames: resource.shortNames,
  };
};

const discover = async (): Promise<Map<string, K8sModel>> => {
  const [core, groups] = await Promise.all([
    consoleFetchJSON(`${K8S_BASE_PATH}/api`) as Promise<APIVersions>,
    consoleFetchJSON(`${K8S_BASE_PATH}/apis`) as Promise<APIGroupList>,
  ]);
  const groupVersions = [
    ...core.versions.map((version) => ({ path: `/api/${version}`, groupVersion: version })),
    ...groups.groups.flatMap((group) =>
      group.versions.map(({ groupVersion }) => ({ path: `/apis/${groupVersion}`, groupVersion })),
    ),
  ];
  const lists = await Promise.all(
    groupVersions.map(({ path, groupVersion }) =>
      (consoleFetchJSON(K8S_BASE_PATH + path) as Promise<APIResourceList>).then(
        (list) => ({ groupVersion, resources: list.resources ?? [] }),
        // One broken aggregated API must not hide every other kind; the console skips it too.
        () => ({ groupVersion, resources: [] as APIResource[] }),
      ),
    ),
  );
  const models = new Map<string, K8sModel>();
  for (const { groupVersion, resources } of lists) {
    for (const resource of resources) {
      if (resource.name.includes('/')) continue; // subresources such as nodes/status
      const model = toModel(groupVersion, resource);
      models.set(getReferenceForModel(model), model);
    }
  }
  return models;
};

const sameModels = (a: ReadonlyMap<string, K8sModel>, b: ReadonlyMap<string, K8sModel>) =>
  a.size === b.size &&
  [...a.entries()].every(([key, model]) => JSON.stringify(b.get(key)) === JSON.stringify(model));

const setState = (next: DiscoveryState) => {
  state = next;
  listeners.forEach((listener) => listener());
};

const runDiscovery = async () => {
  try {
    const models = await discover();
    if (!state.loaded || state.error || !sameModels(models, state.models)) {
      setState({ loaded: true, models });
    }
    timer = setTimeout(runDiscovery, REDISCOVERY_INTERVAL_MS);
  } catch (error) {
    // Keep the models we had; report the error so the shell can show it.
    setState({ ...state, error });
    timer = setTimeout(runDiscovery, state.loaded ? REDISCOVERY_INTERVAL_MS : RETRY_INTERVAL_MS);
  }
};

const ensureStarted = () => {
  if (started) return;
  started = true;
  void runDiscovery();
};

export const getDiscoveryState = (): DiscoveryState => {
  ensureStarted();
  return state;
};

export const subscribeToDiscovery = (listener: () => void): (() => void) => {
  ensureStarted();
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Stops re-discovery (tests). */
export const stopDiscovery = () => {
  clearTimeout(timer);
  started = false;
};

/**
 * Finds a model by `group~version~Kind` reference, a `{group, version, kind}` or (deprecated) a
 * bare kind, which the console resolves among the core and preferred models.
 */
export const findModel = (
  models: ReadonlyMap<string, K8sModel>,
  reference: string | undefined,
): K8sModel | undefined => {
  if (!reference) return undefined;
  const exact = models.get(reference);
  if (exact || reference.includes('~')) return exact;
  return (
    models.get(`core~v1~${reference}`) ??
    [...models.values()].find((model) => model.kind === reference)
  );
};
