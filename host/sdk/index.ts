/**
 * Development-only stand-in for `@openshift-console/dynamic-plugin-sdk`, aliased in by the
 * standalone host's webpack config. Every export has the real SDK's type, so a signature that
 * drifts from the console's fails `tsc`, and only names the SDK's index exports exist here; an import the plugin needs but this file lacks fails
 * the host build (`exportsPresence: 'error'`).
 */
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { HorizontalNav as HostHorizontalNav } from './components/HorizontalNav';
import {
  DocumentTitle as HostDocumentTitle,
  ListPageHeader as HostListPageHeader,
} from './components/ListPageHeader';
import { ResourceLink as HostResourceLink } from './components/ResourceLink';
import { StatusIconAndText as HostStatusIconAndText } from './components/StatusIconAndText';
import { Timestamp as HostTimestamp } from './components/Timestamp';
import * as access from './k8s/access';
import * as fetching from './k8s/fetch';
import * as flags from './k8s/flags';
import * as hooks from './k8s/hooks';
import * as namespace from './k8s/namespace';
import * as paths from './k8s/paths';
import * as prometheus from './k8s/prometheus';
import * as resources from './k8s/resources';

/** Found in any bundle that contains this shim; the production bundle test looks for it. */
export const HOST_ONLY_MARKER = 'HOST_ONLY_MARKER: gpu-partitioning standalone host SDK shim';
(globalThis as { __gpuPartitioningHostShim?: string }).__gpuPartitioningHostShim = HOST_ONLY_MARKER;

export const useK8sWatchResource: typeof SDK.useK8sWatchResource = hooks.useK8sWatchResource;
export const useK8sWatchResources: typeof SDK.useK8sWatchResources = hooks.useK8sWatchResources;
export const useK8sModel: typeof SDK.useK8sModel = hooks.useK8sModel;
export const useK8sModels: typeof SDK.useK8sModels = hooks.useK8sModels;

export const consoleFetch: typeof SDK.consoleFetch = fetching.consoleFetch;
export const consoleFetchJSON: typeof SDK.consoleFetchJSON = fetching.consoleFetchJSON;
export const consoleFetchText: typeof SDK.consoleFetchText = fetching.consoleFetchText;

export const k8sGet: typeof SDK.k8sGet = resources.k8sGetResource;
export const k8sCreate: typeof SDK.k8sCreate = resources.k8sCreateResource;
export const k8sUpdate: typeof SDK.k8sUpdate = resources.k8sUpdateResource;
export const k8sPatch: typeof SDK.k8sPatch = resources.k8sPatchResource;
export const k8sDelete: typeof SDK.k8sDelete = resources.k8sDeleteResource;
export const k8sList: typeof SDK.k8sList = resources.k8sListResource;
export const k8sListItems: typeof SDK.k8sListItems = resources.k8sListResourceItems;

export const getAPIVersionForModel: typeof SDK.getAPIVersionForModel = paths.getAPIVersionForModel;
export const getGroupVersionKindForModel: typeof SDK.getGroupVersionKindForModel =
  paths.getGroupVersionKindForModel;
export const getGroupVersionKindForResource: typeof SDK.getGroupVersionKindForResource =
  paths.getGroupVersionKindForResource as typeof SDK.getGroupVersionKindForResource;

export const checkAccess: typeof SDK.checkAccess = access.checkAccess;
export const useAccessReview: typeof SDK.useAccessReview = access.useAccessReview;
export const useAccessReviewAllowed: typeof SDK.useAccessReviewAllowed =
  access.useAccessReviewAllowed;

export const useFlag: typeof SDK.useFlag = flags.useFlag;

export const usePrometheusPoll: typeof SDK.usePrometheusPoll = prometheus.usePrometheusPoll;
/** The SDK's enum is a runtime object; the same values here. */
export const PrometheusEndpoint = {
  LABEL: 'api/v1/label',
  QUERY: 'api/v1/query',
  QUERY_RANGE: 'api/v1/query_range',
  RULES: 'api/v1/rules',
  TARGETS: 'api/v1/targets',
} as typeof SDK.PrometheusEndpoint;
export const useActiveNamespace: typeof SDK.useActiveNamespace = namespace.useActiveNamespace;

export const ListPageHeader: typeof SDK.ListPageHeader = HostListPageHeader;
export const DocumentTitle: typeof SDK.DocumentTitle = HostDocumentTitle;
export const ResourceLink: typeof SDK.ResourceLink = HostResourceLink;
export const Timestamp: typeof SDK.Timestamp = HostTimestamp;
export const HorizontalNav: typeof SDK.HorizontalNav = HostHorizontalNav;
export const StatusIconAndText: typeof SDK.StatusIconAndText = HostStatusIconAndText;
