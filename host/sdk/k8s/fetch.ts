import type {
  ConsoleFetch,
  ConsoleFetchJSON,
  ConsoleFetchText,
} from '@openshift-console/dynamic-plugin-sdk';
import { TimeoutError, httpErrorFromResponse } from './errors';

const DEFAULT_TIMEOUT_MS = 60_000;

type HeaderMap = Record<string, string>;

const toHeaderMap = (headers: HeadersInit | undefined): HeaderMap => {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers);
  return { ...headers };
};

/** `fetch` that rejects non-2xx responses with an HttpError and enforces a timeout, like the console's. */
export const consoleFetch: ConsoleFetch = async (
  url,
  options = {},
  timeout = DEFAULT_TIMEOUT_MS,
) => {
  const request = fetch(url, { credentials: 'same-origin', ...options }).then(async (response) => {
    if (!response.ok) throw await httpErrorFromResponse(response);
    return response;
  });
  if (timeout <= 0) return request;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(url, timeout)), timeout);
  });
  try {
    return await Promise.race([request, expiry]);
  } finally {
    clearTimeout(timer);
  }
};

const parseBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  const isPlainText = response.headers.get('Content-Type') === 'text/plain';
  if (!text) return isPlainText ? '' : {};
  return isPlainText ? text : JSON.parse(text);
};

const fetchWithMethod = async (
  url: string,
  method: string,
  options: RequestInit,
  defaultHeaders: HeaderMap,
  timeout?: number,
) => {
  // Caller headers win, as with the console's `defaultsDeep(options, defaults)`.
  const headers = { ...defaultHeaders, ...toHeaderMap(options.headers) };
  const response = await consoleFetch(url, { ...options, method, headers }, timeout);
  return parseBody(response);
};

const sendJSON = (
  url: string,
  method: string,
  json: unknown,
  options: RequestInit = {},
  timeout?: number,
) =>
  fetchWithMethod(
    url,
    method,
    json == null ? options : { ...options, body: JSON.stringify(json) },
    {
      Accept: 'application/json',
      'Content-Type': `application/${method === 'PATCH' ? 'json-patch+json' : 'json'};charset=UTF-8`,
    },
    timeout,
  );

const fetchJSON = ((url: string, method = 'GET', options: RequestInit = {}, timeout?: number) =>
  fetchWithMethod(
    url,
    method,
    options,
    { Accept: 'application/json' },
    timeout,
  )) as ConsoleFetchJSON;
fetchJSON.delete = (url, json = null, options = {}, timeout) =>
  json
    ? sendJSON(url, 'DELETE', json, options, timeout)
    : fetchJSON(url, 'DELETE', options, timeout);
fetchJSON.post = (url, json, options = {}, timeout) =>
  sendJSON(url, 'POST', json, options, timeout);
fetchJSON.put = (url, json, options = {}, timeout) => sendJSON(url, 'PUT', json, options, timeout);
fetchJSON.patch = (url, json, options = {}, timeout) =>
  sendJSON(url, 'PATCH', json, options, timeout);

export const consoleFetchJSON: ConsoleFetchJSON = fetchJSON;

export const consoleFetchText: ConsoleFetchText = (url, options = {}, timeout) =>
  fetchWithMethod(url, 'GET', options, {}, timeout);
