/**
 * Jest mock of `@openshift-console/dynamic-plugin-sdk` (picked up automatically for every test).
 *
 * Watches behave like a tiny fake API server fed by the test:
 *
 *   // Typed access (the real SDK's types do not know these helpers):
 *   import { sdkMock } from '<src>/hooks/testing/sdkMock';
 *
 *   sdkMock.setK8sWatchFixtures({
 *     objects: [node, pod, clusterPolicy],            // served by apiVersion + kind
 *     errors: [{ kind: 'Pod', error: sdkMock.mockHttpError(403) }],
 *     loading: [{ kind: 'ConfigMap' }],               // watch stays `loaded: false`
 *   });
 *
 * - `useK8sWatchResource(res)` / `useK8sWatchResources({key: res})` return the objects whose kind
 *   and group match `res.groupVersionKind`, filtered by `namespace`, `name`, `selector.matchLabels`
 *   (and `matchExpressions` with In/NotIn/Exists/DoesNotExist) and `fieldSelector`
 *   (`a=b`, `a==b`, `a!=b` on dotted paths such as `spec.nodeName`, `status.phase`).
 *   `isList` gives an array; otherwise the single object, or `HttpError 404` when none matches.
 * - An `errors` entry matching the watch (`kind`, optional `group`, `namespace`, `name`) gives
 *   `[[] or {}, true, error]`; `mockNoModelError()` reproduces a missing CRD (`[[], true, NoModelError]`).
 * - A `loading` entry gives `[[] or {}, false, undefined]`, as before the first load.
 * - `null` gives `[undefined, true, undefined]`, exactly like the real hook.
 * - `updateK8sWatchFixtures(partial)` changes fixtures and re-renders every mounted watch (wrap it
 *   in `act`). `resetK8sWatchFixtures()` clears everything (call it in `afterEach`).
 * - `getK8sWatchCalls()` lists every resource the hooks asked for (assert selectors).
 *
 * Other exports are typed stubs: components render plain HTML with their main props; CRUD
 * functions (`k8sPatch`, `k8sCreate`, …) are `jest.fn`s resolving to the object they were given
 * (override with `mockResolvedValueOnce`/`mockRejectedValueOnce`); `useAccessReview` returns
 * `[allowed, false]` where allowed comes from `setAccessReviewAllowed(bool)` (default true).
 */
import * as React from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

type K8sObject = SDK.K8sResourceCommon & Record<string, unknown>;

export interface K8sWatchFixtureMatch {
  kind: string;
  group?: string;
  namespace?: string;
  name?: string;
}

export interface K8sWatchFixtures {
  objects?: SDK.K8sResourceCommon[];
  errors?: Array<K8sWatchFixtureMatch & { error: unknown }>;
  loading?: K8sWatchFixtureMatch[];
}

let fixtures: Required<K8sWatchFixtures> = { objects: [], errors: [], loading: [] };
let watchCalls: SDK.WatchK8sResource[] = [];
const listeners = new Set<() => void>();
let accessAllowed = true;

function notify(): void {
  listeners.forEach((listener) => listener());
}

export function setK8sWatchFixtures(next: K8sWatchFixtures): void {
  fixtures = { objects: [], errors: [], loading: [], ...next };
  notify();
}

export function updateK8sWatchFixtures(next: K8sWatchFixtures): void {
  fixtures = { ...fixtures, ...next };
  notify();
}

export function resetK8sWatchFixtures(): void {
  fixtures = { objects: [], errors: [], loading: [] };
  watchCalls = [];
  accessAllowed = true;
  notify();
}

export function getK8sWatchCalls(): SDK.WatchK8sResource[] {
  return [...watchCalls];
}

export function setAccessReviewAllowed(allowed: boolean): void {
  accessAllowed = allowed;
  notify();
}

/** An error shaped like the SDK's `HttpError` (`code`, `response.status`, `message`). */
export function mockHttpError(status: number, message?: string): Error {
  const text =
    message ??
    (
      { 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' } as Record<number, string>
    )[status] ??
    `HTTP ${status}`;
  const error = new Error(text) as Error & { code: number; response: { status: number } };
  error.name = 'HttpError';
  error.code = status;
  error.response = { status };
  return error;
}

/** The SDK's `NoModelError` (the watched kind's CRD is not installed). */
export function mockNoModelError(): Error {
  const error = new Error('Model does not exist');
  error.name = 'NoModelError';
  return error;
}

function groupOf(object: SDK.K8sResourceCommon): string {
  const apiVersion = object.apiVersion ?? '';
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

function matchesFixture(res: SDK.WatchK8sResource, match: K8sWatchFixtureMatch): boolean {
  const gvk = res.groupVersionKind;
  if (!gvk || gvk.kind !== match.kind) return false;
  if (match.group !== undefined && (gvk.group ?? '') !== match.group) return false;
  if (match.namespace !== undefined && res.namespace !== match.namespace) return false;
  if (match.name !== undefined && res.name !== match.name) return false;
  return true;
}

function readPath(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => {
    if (value && typeof value === 'object') return (value as Record<string, unknown>)[key];
    return undefined;
  }, object);
}

function matchesFieldSelector(object: unknown, fieldSelector: string | undefined): boolean {
  if (!fieldSelector) return true;
  return fieldSelector.split(',').every((term) => {
    const match = /^([^!=]+)(!=|==|=)(.*)$/.exec(term.trim());
    if (!match) return true;
    const [, path, operator, expected] = match;
    const actual = readPath(object, path.trim());
    const text = actual === undefined || actual === null ? '' : String(actual);
    return operator === '!=' ? text !== expected : text === expected;
  });
}

function matchesSelector(object: SDK.K8sResourceCommon, selector: SDK.Selector | undefined) {
  if (!selector) return true;
  const labels = object.metadata?.labels ?? {};
  const matchLabels = (selector.matchLabels ?? {}) as Record<string, string>;
  if (Object.entries(matchLabels).some(([key, value]) => labels[key] !== value)) return false;
  return (selector.matchExpressions ?? []).every((expression) => {
    const value = labels[expression.key];
    const values = (expression.values ?? []) as string[];
    switch (expression.operator) {
      case 'In':
        return value !== undefined && values.includes(value);
      case 'NotIn':
        return value === undefined || !values.includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return true;
    }
  });
}

function resolveWatch(
  res: SDK.WatchK8sResource | null,
): SDK.WatchK8sResult<K8sObject | K8sObject[]> {
  if (!res) return [undefined as unknown as K8sObject, true, undefined];
  const empty = (res.isList ? [] : {}) as K8sObject | K8sObject[];
  const failure = fixtures.errors.find((entry) => matchesFixture(res, entry));
  if (failure) return [empty, true, failure.error];
  if (fixtures.loading.some((entry) => matchesFixture(res, entry)))
    return [empty, false, undefined];
  const gvk = res.groupVersionKind;
  const matching = fixtures.objects.filter(
    (object) =>
      !!gvk &&
      object.kind === gvk.kind &&
      groupOf(object) === (gvk.group ?? '') &&
      (res.namespace === undefined || object.metadata?.namespace === res.namespace) &&
      (res.name === undefined || object.metadata?.name === res.name) &&
      matchesSelector(object, res.selector) &&
      matchesFieldSelector(object, res.fieldSelector),
  ) as K8sObject[];
  if (res.isList) return [matching, true, undefined];
  if (matching.length === 0) return [empty, true, mockHttpError(404)];
  return [matching[0], true, undefined];
}

function useFixtureVersion(): number {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => {
    const listener = () => setVersion((value) => value + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return version;
}

function useStableKey(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export const useK8sWatchResource = ((res: SDK.WatchK8sResource | null) => {
  const version = useFixtureVersion();
  const key = useStableKey(res);
  React.useEffect(() => {
    if (res) watchCalls.push(res);
    // Record each distinct request once, like the real hook re-subscribes only on change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return React.useMemo(() => resolveWatch(res), [key, version]);
}) as typeof SDK.useK8sWatchResource;

export const useK8sWatchResources = ((resources: Record<string, SDK.WatchK8sResource>) => {
  const version = useFixtureVersion();
  const key = useStableKey(resources);
  React.useEffect(() => {
    Object.values(resources).forEach((res) => watchCalls.push(res));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return React.useMemo(() => {
    const results: Record<string, SDK.WatchK8sResultsObject<K8sObject | K8sObject[]>> = {};
    for (const [name, res] of Object.entries(resources)) {
      const [data, loaded, loadError] = resolveWatch(res);
      results[name] = { data, loaded, loadError };
    }
    return results;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);
}) as unknown as typeof SDK.useK8sWatchResources;

export const useK8sModel = ((groupVersionKind?: SDK.K8sGroupVersionKind | string) => {
  const gvk = typeof groupVersionKind === 'string' ? undefined : groupVersionKind;
  const kind = gvk?.kind ?? String(groupVersionKind ?? '');
  const model: SDK.K8sModel = {
    kind,
    apiVersion: gvk?.version ?? 'v1',
    ...(gvk?.group ? { apiGroup: gvk.group } : {}),
    abbr: kind.slice(0, 2).toUpperCase(),
    label: kind,
    labelPlural: `${kind}s`,
    plural: `${kind.toLowerCase()}s`,
  };
  return [model, false];
}) as unknown as typeof SDK.useK8sModel;

export const useAccessReview = (() => {
  useFixtureVersion();
  return [accessAllowed, false];
}) as unknown as typeof SDK.useAccessReview;

export const checkAccess = jest.fn(() =>
  Promise.resolve({ status: { allowed: accessAllowed } }),
) as unknown as typeof SDK.checkAccess;

export const useFlag = (() => true) as unknown as typeof SDK.useFlag;

export const useActiveNamespace = (() => [
  '#ALL_NS#',
  () => undefined,
]) as unknown as typeof SDK.useActiveNamespace;

/** What `usePrometheusPoll` answers per call; default: loaded, no response (no Prometheus data). */
export type PrometheusPollFixture = (
  props: SDK.PrometheusPollProps,
) => [SDK.PrometheusResponse | undefined, boolean, unknown];
let prometheusPollFixture: PrometheusPollFixture | undefined;

export function setPrometheusPollFixture(next: PrometheusPollFixture | undefined): void {
  prometheusPollFixture = next;
}

export const usePrometheusPoll = ((props: SDK.PrometheusPollProps) =>
  prometheusPollFixture
    ? prometheusPollFixture(props)
    : [undefined, true, undefined]) as unknown as typeof SDK.usePrometheusPoll;

export const PrometheusEndpoint = {
  LABEL: 'api/v1/label',
  QUERY: 'api/v1/query',
  QUERY_RANGE: 'api/v1/query_range',
  RULES: 'api/v1/rules',
  TARGETS: 'api/v1/targets',
} as typeof SDK.PrometheusEndpoint;

type CrudOptions = { data?: unknown; resource?: unknown };
const resolveWithInput = (options: CrudOptions) =>
  Promise.resolve(options.data ?? options.resource);

export const k8sPatch = jest.fn((options: CrudOptions) =>
  Promise.resolve(options.resource),
) as unknown as typeof SDK.k8sPatch & jest.Mock;
export const k8sCreate = jest.fn(resolveWithInput) as unknown as typeof SDK.k8sCreate & jest.Mock;
export const k8sUpdate = jest.fn(resolveWithInput) as unknown as typeof SDK.k8sUpdate & jest.Mock;
export const k8sGet = jest.fn(() => Promise.resolve({})) as unknown as typeof SDK.k8sGet &
  jest.Mock;
export const k8sDelete = jest.fn(() => Promise.resolve({})) as unknown as typeof SDK.k8sDelete &
  jest.Mock;
export const k8sList = jest.fn(() => Promise.resolve([])) as unknown as typeof SDK.k8sList &
  jest.Mock;
export const consoleFetchJSON = jest.fn(() =>
  Promise.resolve({}),
) as unknown as typeof SDK.consoleFetchJSON & jest.Mock;

/** Resolves to a Response-like object whose `text()` is '' (override with `mockResolvedValueOnce`). */
export const consoleFetch = jest.fn(() =>
  Promise.resolve({
    ok: true,
    status: 200,
    text: () => Promise.resolve(''),
    json: () => Promise.resolve({}),
  }),
) as unknown as typeof SDK.consoleFetch & jest.Mock;

export const getGroupVersionKindForModel = ((model: SDK.K8sModel) => ({
  ...(model.apiGroup ? { group: model.apiGroup } : {}),
  version: model.apiVersion,
  kind: model.kind,
})) as typeof SDK.getGroupVersionKindForModel;

// Components: plain HTML, enough for queries by role and text.

export const ListPageHeader = (({
  title,
  children,
}: {
  title: string;
  children?: React.ReactNode;
}) => (
  <div>
    <h1>{title}</h1>
    {children}
  </div>
)) as unknown as typeof SDK.ListPageHeader;

export const DocumentTitle = (() => null) as unknown as typeof SDK.DocumentTitle;

export const ResourceLink = (({
  name,
  namespace,
  groupVersionKind,
  displayName,
}: {
  name?: string;
  namespace?: string;
  groupVersionKind?: SDK.K8sGroupVersionKind;
  displayName?: string;
}) => (
  <a
    href={`#${groupVersionKind?.kind ?? 'resource'}/${namespace ? `${namespace}/` : ''}${name ?? ''}`}
    data-test="resource-link"
  >
    {displayName ?? name}
  </a>
)) as unknown as typeof SDK.ResourceLink;

export const Timestamp = (({ timestamp }: { timestamp?: string | number | Date }) => (
  <span data-test="timestamp">{timestamp ? new Date(timestamp).toISOString() : '-'}</span>
)) as unknown as typeof SDK.Timestamp;

export const StatusIconAndText = (({ title }: { title?: string }) => (
  <span>{title}</span>
)) as unknown as typeof SDK.StatusIconAndText;

export const HorizontalNav = (({
  pages,
}: {
  pages: Array<{ name: string; href?: string; component?: React.ComponentType }>;
}) => (
  <nav>
    {pages.map((page) => (
      <span key={page.name}>{page.name}</span>
    ))}
  </nav>
)) as unknown as typeof SDK.HorizontalNav;
