import type {
  K8sModel,
  K8sResourceCommon,
  Patch,
  QueryParams,
} from '@openshift-console/dynamic-plugin-sdk';
import { consoleFetchJSON } from './fetch';
import { resourceURL, selectorToString } from './paths';

/** The console's options-object CRUD functions (`k8sGet` … `k8sDelete` in the SDK's index). */

type BaseOptions = { name?: string; ns?: string; path?: string; queryParams?: QueryParams };

const urlOptions = ({ name, ns, path, queryParams }: BaseOptions) => ({
  ...(name && { name }),
  ...(ns && { ns }),
  ...(path && { path }),
  ...(queryParams && { queryParams }),
});

export const k8sGetResource = <R extends K8sResourceCommon>(
  options: BaseOptions & { model: K8sModel; requestInit?: RequestInit },
): Promise<R> =>
  consoleFetchJSON(resourceURL(options.model, urlOptions(options)), 'GET', options.requestInit);

export const k8sCreateResource = <R extends K8sResourceCommon>(
  options: BaseOptions & { model: K8sModel; data: R },
): Promise<R> =>
  consoleFetchJSON.post(
    resourceURL(options.model, { ns: options.data?.metadata?.namespace, ...urlOptions(options) }),
    options.data,
  );

export const k8sUpdateResource = <R extends K8sResourceCommon>(
  options: BaseOptions & { model: K8sModel; data: R },
): Promise<R> =>
  consoleFetchJSON.put(
    resourceURL(options.model, {
      ...urlOptions(options),
      ns: options.ns || options.data.metadata?.namespace,
      name: options.name || options.data.metadata?.name,
    }),
    options.data,
  );

/** Always JSON Patch; an empty patch resolves to the resource without a request. */
export const k8sPatchResource = <R extends K8sResourceCommon>(
  options: BaseOptions & { model: K8sModel; resource: R; data: Patch[] },
): Promise<R> => {
  const patches = options.data.filter(Boolean);
  if (patches.length === 0) return Promise.resolve(options.resource);
  return consoleFetchJSON.patch(
    resourceURL(options.model, {
      ns: options.resource.metadata?.namespace,
      name: options.resource.metadata?.name,
      ...urlOptions(options),
    }),
    patches,
  );
};

export const k8sDeleteResource = <R extends K8sResourceCommon>(
  options: BaseOptions & {
    model: K8sModel;
    resource: R;
    requestInit?: RequestInit;
    json?: Record<string, unknown>;
  },
): Promise<R> => {
  const { propagationPolicy } = options.model;
  const body =
    options.json ??
    (propagationPolicy && { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy });
  return consoleFetchJSON.delete(
    resourceURL(options.model, {
      ns: options.resource.metadata?.namespace,
      name: options.resource.metadata?.name,
      ...urlOptions(options),
    }),
    body,
    options.requestInit,
  );
};

type ListOptions = {
  model: K8sModel;
  queryParams: { [key: string]: unknown };
  requestInit?: RequestInit;
};

/** Resolves to the items (kind and apiVersion filled in), as the console's `k8sList` does. */
export const k8sListResource = async <R extends K8sResourceCommon>(
  options: ListOptions,
): Promise<R[]> => {
  const { model, queryParams = {}, requestInit } = options;
  const query = Object.entries(queryParams)
    .filter(([key]) => key !== 'ns')
    .map(([key, value]) => {
      const text =
        key === 'labelSelector' && typeof value === 'object'
          ? selectorToString(value as Record<string, string>)
          : String(value);
      return `${encodeURIComponent(key)}=${encodeURIComponent(text)}`;
    })
    .join('&');
  const listURL = resourceURL(model, { ns: queryParams.ns as string | undefined });
  const result = (await consoleFetchJSON(`${listURL}?${query}`, 'GET', requestInit)) as {
    apiVersion?: string;
    items?: R[];
  };
  return (result.items ?? []).map((item) => ({
    kind: model.kind,
    apiVersion: result.apiVersion,
    ...item,
  }));
};

export const k8sListResourceItems = <R extends K8sResourceCommon>(options: ListOptions) =>
  k8sListResource<R>(options);
