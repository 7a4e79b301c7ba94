/**
 * What the host server and the host app agree on: the user cookie, the proxy prefix and the
 * `/api/host/info` answer. Plain constants and types, safe in the browser bundle and in Node.
 */

/** Cookie the banner sets to pick the user whose token the proxy sends. */
export const USER_COOKIE = 'sandbox-user';
export const K8S_PROXY_PREFIX = '/api/kubernetes';
export const HOST_INFO_PATH = '/api/host/info';

export type HostInfo = {
  /** `sandbox`: the built-in simulated cluster; `api`: a cluster reached with `--api`. */
  mode: 'sandbox' | 'api';
  /** The upstream API URL, shown in the banner in `api` mode. */
  apiURL: string;
  scenario?: string;
  kubeconfigPath?: string;
  users: string[];
  user: string;
};
