/**
 * The HTTP face of the sandbox: routes Kubernetes API paths to the store with the API server's
 * semantics (discovery, get/list/watch/create/update/patch/delete, status and log subresources,
 * selectors, pagination, server-side printing for kubectl, access reviews, authentication and
 * authorization). Development only.
 */
import { randomUUID } from 'node:crypto';
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { ApiError, badRequest, invalid, methodNotAllowed, notFound } from './apiErrors';
import {
  authenticate,
  authorize,
  decide,
  impersonate,
  webSocketProtocols,
  type ResourceAttributes,
  type SandboxUser,
  type WebSocketProtocols,
} from './auth';
import { applyCsrApproval, CSR_KEY, prepareCsrCreate } from './certificates';
import { managerFromUserAgent, type Writer } from './managedFields';
import { openApiV2Document } from './openapiV2';
import { applyPatch, cloneJson, patchTypeOf } from './patch';
import { RbacAuthorizer, type PolicyRule } from './rbac';
import { RBAC_VALIDATORS } from './rbacValidation';
import { answerPrometheus, PROMETHEUS_PREFIX } from './prometheus';
import { EXPOSITION_CONTENT_TYPE } from './dcgmExporter';
import type { PodLogs } from './podLogs';
import { decodeRbacObject, decodeReview, PROTOBUF_MEDIA_TYPE } from './protobuf';
import type { TypeRegistry } from './registry';
import { apiVersionOf, typeKey, type ResourceType } from './resources';
import {
  checkFieldSelector,
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  type FieldRequirement,
  type LabelRequirement,
} from './selectors';
import type { KubeObject, ObjectStore } from './store';
import { toTable, wantsTable, type IncludeObject } from './tables';
import { applyCreateDefaults, validateObject, type TypeValidator } from './validation';
import {
  chunkedChannel,
  hasUsableOrigin,
  isWebSocketRequest,
  streamWatch,
  webSocketChannel,
  type WatchChannel,
} from './watch';

export const KUBERNETES_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.5-sandbox',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-11-01T00:00:00Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** Largest request body accepted (the API server's limit is 3 MiB). */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface ApiServerOptions {
  store: ObjectStore;
  registry: TypeRegistry;
  logs: PodLogs;
  /** Extra checks per type key (`clusterpolicies.nvidia.com`), e.g. a CRD schema's enums. */
  validators?: Record<string, TypeValidator>;
  /** Interval of BOOKMARK events on watches that allow them. */
  bookmarkIntervalMs?: number;
  /**
   * Browser origins allowed to call across origins (kube-apiserver's `--cors-allowed-origins`,
   * matched exactly). None by default: the development host and the console's bridge call the
   * API from their servers, so no browser needs CORS.
   */
  corsAllowedOrigins?: string[];
  /**
   * The `/metrics` page in the Prometheus text format (the simulated DCGM exporter and cluster
   * monitoring, `metricsPage.ts`), served without credentials as the exporter serves it.
   */
  metricsPage?: () => string;
}

/** What kube-apiserver's CORS filter answers for an allowed origin. */
const CORS_HEADERS = {
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS, PUT, DELETE, PATCH',
  'Access-Control-Allow-Headers':
    'Content-Type, Content-Length, Accept-Encoding, X-CSRF-Token, Authorization, X-Requested-With, If-Modified-Since',
  'Access-Control-Expose-Headers': 'Date',
  'Access-Control-Allow-Credentials': 'true',
};

interface ParsedPath {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** A WebSocket upgrade request: its connection, until a watch takes it over. */
interface Upgrade {
  socket: Duplex;
  head: Buffer;
  protocols: WebSocketProtocols;
}

interface RequestContext {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  user: SandboxUser;
  upgrade?: Upgrade;
}

type Handler = (context: RequestContext) => Promise<void> | void;

/** The field manager of a write: `?fieldManager=`, else the User-Agent's prefix (kube-apiserver). */
function requestWriter(context: RequestContext, subresource?: string): Writer {
  const manager =
    context.url.searchParams.get('fieldManager') ||
    managerFromUserAgent(context.request.headers['user-agent']);
  return subresource ? { manager, subresource } : { manager };
}

function sendJson(response: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  response.end(text);
}

function sendError(response: ServerResponse, error: unknown): void {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError('InternalError', `Internal error occurred: ${(error as Error).message}`);
  if (!(error instanceof ApiError)) console.error('sandbox: internal error:', error);
  if (response.headersSent) {
    response.end();
    return;
  }
  sendJson(response, apiError.code, apiError.toStatus());
}

async function readBody(request: IncomingMessage): Promise<string> {
  return (await readBytes(request)).toString('utf8');
}

async function readBytes(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new ApiError('BadRequest', 'the request body is too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = await readBody(request);
  if (text.trim() === '') throw badRequest('the request body is empty');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(
      `the body of the request could not be decoded as JSON: ${(error as Error).message}`,
    );
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

interface ContinueToken {
  rv: number;
  after: string;
}

function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'sandbox/v1', ...token })).toString('base64url');
}

function decodeContinue(text: string): ContinueToken {
  try {
    const parsed = JSON.parse(
      Buffer.from(text, 'base64url').toString('utf8'),
    ) as Partial<ContinueToken> & {
      v?: string;
    };
    if (
      parsed.v === 'sandbox/v1' &&
      typeof parsed.rv === 'number' &&
      typeof parsed.after === 'string'
    ) {
      return { rv: parsed.rv, after: parsed.after };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest(
    'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
  );
}

function objectSortKey(object: KubeObject): string {
  return object.metadata.namespace
    ? `${object.metadata.namespace}/${object.metadata.name ?? ''}`
    : (object.metadata.name ?? '');
}

interface Selection {
  labels: LabelRequirement[];
  fields: FieldRequirement[];
}

export class ApiServer {
  private readonly store: ObjectStore;
  private readonly registry: TypeRegistry;
  private readonly logs: PodLogs;
  private readonly validators: Record<string, TypeValidator>;
  private readonly bookmarkIntervalMs: number;
  private readonly corsAllowedOrigins: Set<string>;
  private readonly metricsPage?: () => string;
  /** Open watches and followed logs, ended on shutdown. */
  private readonly openStreams = new Set<{ end(): void }>();
  private readonly webSockets: WebSocketServer;
  private readonly authorizer: RbacAuthorizer;

  constructor(options: ApiServerOptions) {
    this.store = options.store;
    this.authorizer = new RbacAuthorizer(options.store);
    this.registry = options.registry;
    this.logs = options.logs;
    this.validators = { ...RBAC_VALIDATORS, ...options.validators };
    this.bookmarkIntervalMs = options.bookmarkIntervalMs ?? 60_000;
    this.corsAllowedOrigins = new Set(options.corsAllowedOrigins ?? []);
    this.metricsPage = options.metricsPage;
    this.webSockets = new WebSocketServer({
      noServer: true,
      // The token protocol is never echoed; the one other protocol offered is (checked before).
      handleProtocols: (_offered, request) =>
        webSocketProtocols(request.headers['sec-websocket-protocol']).others[0] ?? false,
    });
  }

  /** Ends every open watch and log stream (on shutdown); WebSocket watches with a close frame. */
  async closeStreams(): Promise<void> {
    for (const stream of this.openStreams) stream.end();
    this.openStreams.clear();
    await Promise.all(
      [...this.webSockets.clients].map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === socket.CLOSED) return resolve();
            // A client that never answers the close frame is cut off.
            const cutOff = setTimeout(() => socket.terminate(), 1000);
            socket.once('close', () => {
              clearTimeout(cutOff);
              resolve();
            });
          }),
      ),
    );
    this.webSockets.close();
  }

  readonly handle = (request: IncomingMessage, response: ServerResponse): void => {
    this.route(request, response).catch((error: unknown) => sendError(response, error));
  };

  /**
   * An `Upgrade` request. It goes through the same routing, authentication and authorization as any
   * other, answered over its raw connection; only a watch takes the connection over as a WebSocket
   * (kube-apiserver serves nothing else of ours over WebSocket).
   */
  readonly handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const response = new ServerResponse(request);
    response.assignSocket(socket as Socket);
    response.shouldKeepAlive = false;
    response.once('finish', () => {
      response.detachSocket(socket as Socket);
      socket.end();
    });
    socket.on('error', () => socket.destroy());
    const respond = async (): Promise<void> => {
      // An upgrade request's body is never parsed by Node; only bodiless GETs can be served.
      if (request.method !== 'GET') throw badRequest('an upgrade request must be a GET');
      const upgrade = isWebSocketRequest(request)
        ? { socket, head, protocols: webSocketProtocols(request.headers['sec-websocket-protocol']) }
        : undefined;
      await this.route(request, response, upgrade);
    };
    respond().catch((error: unknown) => sendError(response, error));
  };

  /** kube-apiserver's CORS filter; true when it answered a preflight. */
  private applyCors(request: IncomingMessage, response: ServerResponse): boolean {
    const origin = request.headers.origin;
    if (!origin || !this.corsAllowedOrigins.has(origin)) return false;
    response.setHeader('Access-Control-Allow-Origin', origin);
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.setHeader(name, value);
    if (request.method !== 'OPTIONS') return false;
    response.writeHead(204);
    response.end();
    return true;
  }

  private async route(
    request: IncomingMessage,
    response: ServerResponse,
    upgrade?: Upgrade,
  ): Promise<void> {
    response.setHeader('Audit-Id', randomUUID());
    if (this.applyCors(request, response)) return;
    const url = new URL(request.url ?? '/', 'http://sandbox.local');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    // Like the API server's system:public-info-viewer: version and health need no credentials.
    if (path === '/version') return sendJson(response, 200, KUBERNETES_VERSION);
    if (['/healthz', '/livez', '/readyz'].includes(path)) {
      response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('ok');
      return;
    }
    if (path === '/metrics' && this.metricsPage && request.method === 'GET') {
      const body = this.metricsPage();
      response.writeHead(200, {
        'Content-Type': EXPOSITION_CONTENT_TYPE,
        'Content-Length': Buffer.byteLength(body),
      });
      response.end(body);
      return;
    }
    const caller = authenticate(request.headers.authorization, upgrade?.protocols.token);
    const user = impersonate(caller, request.headers, this.authorizer);
    const context: RequestContext = { request, response, url, user, upgrade };
    if (path === PROMETHEUS_PREFIX || path.startsWith(`${PROMETHEUS_PREFIX}/`)) {
      await answerPrometheus(request, response, url, this.store);
      return;
    }
    const discovery = this.discoveryHandler(path);
    if (discovery) {
      // Discovery documents are non-resource URLs (system:discovery grants them to everyone).
      const verb = (request.method ?? 'GET').toLowerCase();
      authorize(this.authorizer, user, { verb, path });
      await discovery(context);
      return;
    }
    const handler = this.resourceHandler(path, request.method ?? 'GET');
    if (!handler)
      throw new ApiError('NotFound', 'the server could not find the requested resource', {});
    await handler(context);
  }

  // ---------------------------------------------------------------- discovery

  private discoveryHandler(path: string): Handler | undefined {
    const openApi = this.openApiHandler(path);
    if (openApi) return openApi;
    if (path === '/api') {
      return ({ response, request }) =>
        sendJson(response, 200, {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [
            { clientCIDR: '0.0.0.0/0', serverAddress: request.headers.host ?? '' },
          ],
        });
    }
    if (path === '/apis') {
      return ({ response }) =>
        sendJson(response, 200, {
          kind: 'APIGroupList',
          apiVersion: 'v1',
          groups: [...this.registry.groups().entries()]
            .filter(([group]) => group !== '')
            .map(([group, versions]) => this.groupDocument(group, versions)),
        });
    }
    const groupMatch = /^\/apis\/([^/]+)$/.exec(path);
    if (groupMatch) {
      const versions = this.registry.groups().get(groupMatch[1]);
      if (!versions) return undefined;
      return ({ response }) =>
        sendJson(response, 200, {
          kind: 'APIGroup',
          apiVersion: 'v1',
          ...this.groupDocument(groupMatch[1], versions),
        });
    }
    const versionMatch = /^\/api\/(v1)$|^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
    if (versionMatch) {
      const group = versionMatch[1] ? '' : versionMatch[2];
      const version = versionMatch[1] ?? versionMatch[3];
      const types = this.registry
        .all()
        .filter((type) => type.group === group && type.version === version);
      if (types.length === 0) return undefined;
      return ({ response }) => sendJson(response, 200, this.resourceList(group, version, types));
    }
    return undefined;
  }

  /**
   * A minimal OpenAPI v3: for each group-version, the PATCH operation of every resource with its
   * `fieldValidation` parameter. That is what kubectl checks before it leaves validation to the
   * server (`kubectl create` would otherwise insist on downloading full schemas); the sandbox accepts
   * `fieldValidation` and does not reject unknown fields.
   */
  private openApiHandler(path: string): Handler | undefined {
    const groupVersions = [...this.registry.groups().entries()].flatMap(([group, versions]) =>
      versions.map((version) => ({
        group,
        version,
        path: group ? `apis/${group}/${version}` : `api/${version}`,
      })),
    );
    if (path === '/openapi/v2') {
      return ({ response }) =>
        sendJson(
          response,
          200,
          openApiV2Document(this.registry.all(), KUBERNETES_VERSION.gitVersion),
        );
    }
    if (path === '/openapi/v3') {
      return ({ response }) =>
        sendJson(response, 200, {
          paths: Object.fromEntries(
            groupVersions.map((entry) => [
              entry.path,
              { serverRelativeURL: `/openapi/v3/${entry.path}?hash=${this.store.resourceVersion}` },
            ]),
          ),
        });
    }
    const match = groupVersions.find((entry) => path === `/openapi/v3/${entry.path}`);
    if (!match) return undefined;
    return ({ response }) => {
      const paths: Record<string, unknown> = {};
      for (const type of this.registry.all()) {
        if (type.group !== match.group || type.version !== match.version || type.virtual) continue;
        const base = type.namespaced
          ? `/${match.path}/namespaces/{namespace}/${type.plural}`
          : `/${match.path}/${type.plural}`;
        paths[`${base}/{name}`] = {
          patch: {
            'x-kubernetes-action': 'patch',
            'x-kubernetes-group-version-kind': {
              group: type.group,
              version: type.version,
              kind: type.kind,
            },
            parameters: ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
              name,
              in: 'query',
              schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true },
            })),
            responses: { '200': { description: 'OK' } },
          },
        };
      }
      sendJson(response, 200, {
        openapi: '3.0.0',
        info: { title: 'Kubernetes', version: KUBERNETES_VERSION.gitVersion },
        paths,
        components: { schemas: {} },
      });
    };
  }

  private groupDocument(group: string, versions: string[]): Record<string, unknown> {
    const versionEntries = versions.map((version) => ({
      groupVersion: `${group}/${version}`,
      version,
    }));
    return { name: group, versions: versionEntries, preferredVersion: versionEntries[0] };
  }

  private resourceList(
    group: string,
    version: string,
    types: ResourceType[],
  ): Record<string, unknown> {
    const resources: Record<string, unknown>[] = [];
    for (const type of types) {
      const entry: Record<string, unknown> = {
        name: type.plural,
        singularName: type.singular,
        namespaced: type.namespaced,
        kind: type.kind,
        verbs: type.verbs,
      };
      if (type.shortNames.length) entry.shortNames = type.shortNames;
      if (type.categories?.length) entry.categories = type.categories;
      resources.push(entry);
      for (const subresource of type.subresources) {
        resources.push({
          name: `${type.plural}/${subresource}`,
          singularName: '',
          namespaced: type.namespaced,
          kind: subresource === 'log' ? 'Pod' : type.kind,
          verbs: subresource === 'log' ? ['get'] : ['get', 'patch', 'update'],
        });
      }
    }
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: apiVersionOf({ group, version }),
      resources,
    };
  }

  // ---------------------------------------------------------------- resources

  private parseResourcePath(path: string): ParsedPath | undefined {
    const match = /^\/api\/v1(\/.*)?$/.exec(path) ?? /^\/apis\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    if (!match) return undefined;
    const core = path.startsWith('/api/');
    const group = core ? '' : match[1];
    const version = core ? 'v1' : match[2];
    const rest = (core ? match[1] : match[3]) ?? '';
    const segments = rest.split('/').filter(Boolean).map(decodeURIComponent);
    if (segments.length === 0) return undefined;
    if (segments[0] === 'namespaces' && segments.length >= 3) {
      const namespacedType = this.registry.resolve(group, version, segments[2]);
      if (namespacedType?.namespaced) {
        if (segments.length > 5) return undefined;
        return {
          type: namespacedType,
          namespace: segments[1],
          name: segments[3],
          subresource: segments[4],
        };
      }
    }
    const type = this.registry.resolve(group, version, segments[0]);
    if (!type || segments.length > 3) return undefined;
    return { type, name: segments[1], subresource: segments[2] };
  }

  private resourceHandler(path: string, method: string): Handler | undefined {
    const parsed = this.parseResourcePath(path);
    if (!parsed) return undefined;
    const { type, name, subresource } = parsed;
    if (subresource && !type.subresources.includes(subresource)) return undefined;
    if (type.virtual) {
      if (method !== 'POST' || name)
        return () => {
          throw methodNotAllowed();
        };
      return (context) => this.review(context, type);
    }
    switch (method) {
      case 'GET':
        if (!name) return (context) => this.listOrWatch(context, parsed);
        if (subresource === 'log') return (context) => this.podLog(context, parsed);
        return (context) => this.getOne(context, parsed);
      case 'POST':
        if (name)
          return () => {
            throw methodNotAllowed();
          };
        return (context) => this.create(context, parsed);
      case 'PUT':
        if (!name || subresource === 'log')
          return () => {
            throw methodNotAllowed();
          };
        return (context) => this.replace(context, parsed);
      case 'PATCH':
        if (!name || subresource === 'log')
          return () => {
            throw methodNotAllowed();
          };
        return (context) => this.patch(context, parsed);
      case 'DELETE':
        if (subresource)
          return () => {
            throw methodNotAllowed();
          };
        return name
          ? (context) => this.deleteOne(context, parsed)
          : (context) => this.deleteCollection(context, parsed);
      default:
        return () => {
          throw methodNotAllowed();
        };
    }
  }

  /**
   * The request's attributes as kube-apiserver's RequestInfo gives them: a namespace object's
   * namespace is its own name; a list or watch of one object by `metadata.name` field selector
   * carries that name (so a role with resourceNames can watch it).
   */
  private authorizeRequest(context: RequestContext, verb: string, parsed: ParsedPath): void {
    const isNamespaceObject = parsed.type.plural === 'namespaces' && !parsed.type.group;
    const name = parsed.name ?? this.nameFromFieldSelector(context, verb);
    authorize(this.authorizer, context.user, {
      verb,
      group: parsed.type.group,
      resource: parsed.type.plural,
      subresource: parsed.subresource,
      namespace: isNamespaceObject && name !== undefined ? name : parsed.namespace,
      name,
    });
  }

  private nameFromFieldSelector(context: RequestContext, verb: string): string | undefined {
    if (verb !== 'list' && verb !== 'watch') return undefined;
    const selector = context.url.searchParams.get('fieldSelector') ?? '';
    const names = selector
      .split(',')
      .map((term) => /^metadata\.name(==?)(.*)$/.exec(term.trim())?.[2])
      .filter((value): value is string => value !== undefined);
    return names.length === 1 ? names[0] : undefined;
  }

  /** Ensures an object the request names is addressed in a namespace that exists. */
  private requireNamespace(namespace: string | undefined): void {
    if (namespace !== undefined && !this.store.get('namespaces', undefined, namespace)) {
      throw notFound('', 'namespaces', namespace);
    }
  }

  private withTypeMeta(type: ResourceType, object: KubeObject): KubeObject {
    return { apiVersion: apiVersionOf(type), kind: type.kind, ...object };
  }

  private selection(url: URL, type: ResourceType): Selection {
    const labelSelector = url.searchParams.get('labelSelector') ?? '';
    const fieldSelector = url.searchParams.get('fieldSelector') ?? '';
    const fields = fieldSelector ? parseFieldSelector(fieldSelector) : [];
    checkFieldSelector(type.plural, fields);
    return { labels: labelSelector ? parseLabelSelector(labelSelector) : [], fields };
  }

  private matches(selection: Selection, object: KubeObject): boolean {
    return (
      matchesLabels(selection.labels, object.metadata.labels) &&
      matchesFields(selection.fields, object)
    );
  }

  private getOne(context: RequestContext, parsed: ParsedPath): void {
    this.authorizeRequest(context, 'get', parsed);
    const key = typeKey(parsed.type);
    const object = this.store.get(key, parsed.namespace, parsed.name as string);
    if (!object) throw notFound(parsed.type.group, parsed.type.plural, parsed.name as string);
    this.respondObjects(context, parsed.type, object);
  }

  /** Answers with one object, or a one-row Table when kubectl asked for one. */
  private respondObjects(
    context: RequestContext,
    type: ResourceType,
    object: KubeObject,
    code = 200,
  ): void {
    const typed = this.withTypeMeta(type, object);
    if (wantsTable(context.request.headers.accept)) {
      const include =
        (context.url.searchParams.get('includeObject') as IncludeObject | null) ?? 'Metadata';
      sendJson(
        context.response,
        code,
        toTable(type, [typed], { resourceVersion: object.metadata.resourceVersion }, include),
      );
      return;
    }
    sendJson(context.response, code, typed);
  }

  private listOrWatch(context: RequestContext, parsed: ParsedPath): void {
    const watch = context.url.searchParams.get('watch');
    if (watch === 'true' || watch === '1') {
      this.authorizeRequest(context, 'watch', parsed);
      this.watch(context, parsed);
      return;
    }
    this.authorizeRequest(context, 'list', parsed);
    const { type } = parsed;
    const selection = this.selection(context.url, type);
    const key = typeKey(type);
    const continueText = context.url.searchParams.get('continue');
    let listRv = this.store.resourceVersion;
    let after: string | undefined;
    if (continueText) {
      const token = decodeContinue(continueText);
      this.store.checkNotExpired(token.rv);
      after = token.after;
      listRv = String(token.rv);
    }
    const limitText = context.url.searchParams.get('limit');
    const limit = limitText ? Number(limitText) : 0;
    if (limitText && (!Number.isInteger(limit) || limit < 0))
      throw badRequest(`invalid limit: ${limitText}`);
    // Only the page is copied out of the store: copying all 9,000 pods for each 250-pod page made
    // a paged list quadratic (seconds for the large scenario).
    const { items, total } = this.store.filterPage(
      key,
      parsed.namespace,
      (object) =>
        this.matches(selection, object) && (after === undefined || objectSortKey(object) > after),
      limit,
    );
    const metadata: Record<string, unknown> = { resourceVersion: listRv };
    if (limit > 0 && total > limit) {
      metadata.continue = encodeContinue({
        rv: Number(listRv),
        after: objectSortKey(items[items.length - 1]),
      });
      metadata.remainingItemCount = total - limit;
    }
    const typedItems = items.map((object) => this.withTypeMeta(type, object));
    if (wantsTable(context.request.headers.accept)) {
      const include =
        (context.url.searchParams.get('includeObject') as IncludeObject | null) ?? 'Metadata';
      sendJson(context.response, 200, toTable(type, typedItems, metadata, include));
      return;
    }
    sendJson(context.response, 200, {
      kind: type.listKind,
      apiVersion: apiVersionOf(type),
      metadata,
      items: typedItems,
    });
  }

  private watch(context: RequestContext, parsed: ParsedPath): void {
    const { type } = parsed;
    const { url, request } = context;
    const selection = this.selection(url, type);
    const table = wantsTable(request.headers.accept);
    const include = (url.searchParams.get('includeObject') as IncludeObject | null) ?? 'Metadata';
    const rvText = url.searchParams.get('resourceVersion') ?? '';
    if (rvText !== '' && !/^\d+$/.test(rvText)) {
      throw invalid('', 'ListOptions', '', [
        {
          reason: 'FieldValueInvalid',
          field: 'resourceVersion',
          message: `Invalid value: "${rvText}": must be a number`,
        },
      ]);
    }
    const allowBookmarks = ['true', '1'].includes(
      url.searchParams.get('allowWatchBookmarks') ?? '',
    );
    const timeoutSeconds = Number(url.searchParams.get('timeoutSeconds') ?? '') || 1800;
    const start = (channel: WatchChannel): void => {
      this.openStreams.add(channel);
      channel.onClose(() => this.openStreams.delete(channel));
      streamWatch(channel, {
        store: this.store,
        key: typeKey(type),
        namespace: parsed.namespace,
        inScope: (object) =>
          (parsed.namespace === undefined || object.metadata.namespace === parsed.namespace) &&
          (parsed.name === undefined || object.metadata.name === parsed.name) &&
          this.matches(selection, object),
        present: (object) => {
          const typed = this.withTypeMeta(type, object);
          return table
            ? toTable(type, [typed], { resourceVersion: object.metadata.resourceVersion }, include)
            : typed;
        },
        bookmark: (resourceVersion) => ({
          kind: type.kind,
          apiVersion: apiVersionOf(type),
          metadata: { resourceVersion },
        }),
        resourceVersion: rvText,
        bookmarkIntervalMs: allowBookmarks ? this.bookmarkIntervalMs : undefined,
        timeoutMs: timeoutSeconds * 1000,
      });
    };
    if (context.upgrade) this.upgradeToWebSocket(context, context.upgrade, start);
    else start(chunkedChannel(context.response));
  }

  /**
   * Completes a watch's WebSocket handshake as golang.org/x/net/websocket does for kube-apiserver:
   * 403 without a usable Origin, 400 when more than one subprotocol is left to echo.
   */
  private upgradeToWebSocket(
    context: RequestContext,
    upgrade: Upgrade,
    start: (channel: WatchChannel) => void,
  ): void {
    const { request, response } = context;
    if (!hasUsableOrigin(request) || upgrade.protocols.others.length > 1) {
      response.writeHead(hasUsableOrigin(request) ? 400 : 403);
      response.end();
      return;
    }
    response.detachSocket(upgrade.socket as Socket);
    this.webSockets.handleUpgrade(request, upgrade.socket, upgrade.head, (socket) =>
      start(webSocketChannel(socket)),
    );
  }

  private async create(context: RequestContext, parsed: ParsedPath): Promise<void> {
    this.authorizeRequest(context, 'create', parsed);
    const { type } = parsed;
    // kubectl's typed clients (`kubectl create clusterrolebinding`) send built-in kinds as protobuf.
    const isProtobuf = (context.request.headers['content-type'] ?? '').startsWith(
      PROTOBUF_MEDIA_TYPE,
    );
    const body =
      isProtobuf && type.group === 'rbac.authorization.k8s.io'
        ? decodeRbacObject(await readBytes(context.request))
        : await readJson(context.request);
    const object = this.checkBody(body, type, parsed.namespace);
    if (type.namespaced) {
      if (parsed.namespace === undefined) {
        throw badRequest('the server could not find the requested resource');
      }
      object.metadata.namespace = parsed.namespace;
      this.requireNamespace(parsed.namespace);
    } else {
      delete object.metadata.namespace;
    }
    for (const field of [
      'uid',
      'resourceVersion',
      'creationTimestamp',
      'deletionTimestamp',
      'generation',
    ]) {
      delete object.metadata[field];
    }
    applyCreateDefaults(type, object);
    if (typeKey(type) === CSR_KEY) prepareCsrCreate(object, context.user);
    validateObject(type, object, undefined, this.validators[typeKey(type)]);
    if (this.isDryRun(context)) {
      this.respondObjects(context, type, object, 201);
      return;
    }
    const created = this.store.create(typeKey(type), object, requestWriter(context));
    this.respondObjects(context, type, created, 201);
  }

  private isDryRun(context: RequestContext): boolean {
    const dryRun = context.url.searchParams.get('dryRun');
    if (dryRun && dryRun !== 'All')
      throw badRequest(`Unsupported value: "${dryRun}": supported values: "All"`);
    return dryRun === 'All';
  }

  /** Checks apiVersion/kind/namespace of a request body against the URL. */
  private checkBody(body: unknown, type: ResourceType, namespace: string | undefined): KubeObject {
    if (!isPlainObject(body)) throw badRequest('the request body must be a JSON object');
    const apiVersion = body.apiVersion;
    const kind = body.kind;
    if (apiVersion !== undefined && apiVersion !== apiVersionOf(type)) {
      throw badRequest(
        `the API version in the data (${String(apiVersion)}) does not match the expected API version (${apiVersionOf(type)})`,
      );
    }
    if (kind !== undefined && kind !== type.kind) {
      throw badRequest(
        `the kind in the data (${String(kind)}) does not match the expected kind (${type.kind})`,
      );
    }
    const metadata = body.metadata === undefined ? {} : body.metadata;
    if (!isPlainObject(metadata)) throw badRequest('metadata must be an object');
    if (
      type.namespaced &&
      metadata.namespace !== undefined &&
      metadata.namespace !== '' &&
      metadata.namespace !== namespace
    ) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    const object = { ...cloneJson(body), metadata: cloneJson(metadata) } as KubeObject;
    object.apiVersion = apiVersionOf(type);
    object.kind = type.kind;
    return object;
  }

  private async replace(context: RequestContext, parsed: ParsedPath): Promise<void> {
    this.authorizeRequest(context, 'update', parsed);
    const body = await readJson(context.request);
    const incoming = this.checkBody(body, parsed.type, parsed.namespace);
    if (incoming.metadata.name !== undefined && incoming.metadata.name !== parsed.name) {
      throw badRequest(
        `the name of the object (${String(incoming.metadata.name)}) does not match the name on the URL (${String(parsed.name)})`,
      );
    }
    const current = this.store.require(
      typeKey(parsed.type),
      parsed.namespace,
      parsed.name as string,
    );
    // Custom resources reject unconditional updates, as the API server does for CRs.
    if (
      parsed.type.group &&
      !['apiextensions.k8s.io'].includes(parsed.type.group) &&
      !incoming.metadata.resourceVersion
    ) {
      throw invalid(parsed.type.group, parsed.type.kind, parsed.name as string, [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.resourceVersion',
          message: 'Invalid value: 0x0: must be specified for an update',
        },
      ]);
    }
    this.write(context, parsed, current, incoming, incoming.metadata.resourceVersion);
  }

  private async patch(context: RequestContext, parsed: ParsedPath): Promise<void> {
    this.authorizeRequest(context, 'patch', parsed);
    const patchType = patchTypeOf(context.request.headers['content-type']);
    if (!patchType) {
      const received = context.request.headers['content-type'] ?? '';
      if (received.startsWith('application/apply-patch')) {
        throw new ApiError(
          'UnsupportedMediaType',
          'server-side apply is not supported by the sandbox; use kubectl apply without --server-side',
        );
      }
      throw new ApiError(
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
      );
    }
    const body = await readJson(context.request);
    const current = this.store.require(
      typeKey(parsed.type),
      parsed.namespace,
      parsed.name as string,
    );
    const patched = applyPatch(
      patchType,
      cloneJson(current),
      body,
      !parsed.type.group || parsed.type.group === 'apiextensions.k8s.io',
    );
    if (!isPlainObject(patched) || !isPlainObject(patched.metadata)) {
      throw badRequest('the patched object has no metadata');
    }
    // A resourceVersion inside a patch is a precondition, as with update.
    const patchedRv = (patched.metadata as { resourceVersion?: string }).resourceVersion;
    const precondition = patchedRv !== current.metadata.resourceVersion ? patchedRv : undefined;
    const object = this.checkBody(patched, parsed.type, parsed.namespace);
    if (object.metadata.name !== parsed.name) {
      throw invalid(parsed.type.group, parsed.type.kind, parsed.name as string, [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.name',
          message: 'Invalid value: field is immutable',
        },
      ]);
    }
    this.write(context, parsed, current, object, precondition);
  }

  /** Shared tail of update and patch: status subresource split, validation, optimistic concurrency. */
  private write(
    context: RequestContext,
    parsed: ParsedPath,
    current: KubeObject,
    incoming: KubeObject,
    expectedResourceVersion: string | undefined,
  ): void {
    const { type } = parsed;
    let next: KubeObject;
    if (parsed.subresource === 'status') {
      next = { ...cloneJson(current), status: incoming.status };
    } else if (parsed.subresource === 'approval') {
      next = applyCsrApproval(current, incoming);
    } else if (type.subresources.includes('status')) {
      next = { ...incoming, status: cloneJson(current.status) };
      if (current.status === undefined) delete next.status;
    } else {
      next = incoming;
    }
    next.metadata.namespace = current.metadata.namespace;
    if (next.metadata.namespace === undefined) delete next.metadata.namespace;
    validateObject(type, next, current, this.validators[typeKey(type)]);
    if (expectedResourceVersion && expectedResourceVersion !== current.metadata.resourceVersion) {
      // Same answer the store would give; checked here so dry runs see it too.
      this.store.update(
        typeKey(type),
        { ...next, metadata: { ...next.metadata } },
        expectedResourceVersion,
      );
    }
    if (this.isDryRun(context)) {
      this.respondObjects(context, type, next);
      return;
    }
    const stored = this.store.update(
      typeKey(type),
      next,
      expectedResourceVersion,
      requestWriter(context, parsed.subresource),
    );
    this.respondObjects(context, type, stored);
  }

  private async deleteOne(context: RequestContext, parsed: ParsedPath): Promise<void> {
    this.authorizeRequest(context, 'delete', parsed);
    const { type } = parsed;
    const name = parsed.name as string;
    const text = await readBody(context.request);
    let preconditions: { uid?: string; resourceVersion?: string } = {};
    if (text.trim()) {
      const options = JSON.parse(text) as {
        preconditions?: { uid?: string; resourceVersion?: string };
      };
      preconditions = options.preconditions ?? {};
    }
    const key = typeKey(type);
    const current = this.store.require(key, parsed.namespace, name);
    if (this.isDryRun(context)) {
      this.respondDeleted(context, type, current);
      return;
    }
    if (type.plural === 'namespaces' && !type.group) this.deleteNamespaceContents(name);
    const deleted = this.store.delete(
      key,
      parsed.namespace,
      name,
      preconditions.uid,
      preconditions.resourceVersion,
    );
    if (type.plural === 'pods' && !type.group) this.logs.remove(parsed.namespace as string, name);
    this.respondDeleted(context, type, deleted);
  }

  /** Pods come back as the deleted object; other types as a Success Status (ReturnDeletedObject). */
  private respondDeleted(context: RequestContext, type: ResourceType, deleted: KubeObject): void {
    if (type.plural === 'pods' && !type.group) {
      this.respondObjects(context, type, deleted);
      return;
    }
    const details: Record<string, unknown> = {
      name: deleted.metadata.name,
      kind: type.plural,
      uid: deleted.metadata.uid,
    };
    if (type.group) details.group = type.group;
    sendJson(context.response, 200, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details,
    });
  }

  /** Namespace deletion removes everything in it (finalization without the Terminating wait). */
  private deleteNamespaceContents(namespace: string): void {
    for (const type of this.registry.all()) {
      if (!type.namespaced || type.virtual) continue;
      const key = typeKey(type);
      for (const object of this.store.list(key, namespace)) {
        if (this.store.get(key, namespace, object.metadata.name ?? '')) {
          this.store.delete(key, namespace, object.metadata.name ?? '');
        }
      }
    }
  }

  private deleteCollection(context: RequestContext, parsed: ParsedPath): void {
    this.authorizeRequest(context, 'deletecollection', parsed);
    const { type } = parsed;
    const selection = this.selection(context.url, type);
    const key = typeKey(type);
    const deleted = this.store
      .list(key, parsed.namespace)
      .filter((object) => this.matches(selection, object))
      .map((object) =>
        this.store.delete(key, object.metadata.namespace, object.metadata.name ?? ''),
      );
    sendJson(context.response, 200, {
      kind: type.listKind,
      apiVersion: apiVersionOf(type),
      metadata: { resourceVersion: this.store.resourceVersion },
      items: deleted.map((object) => this.withTypeMeta(type, object)),
    });
  }

  private podLog(context: RequestContext, parsed: ParsedPath): void {
    this.authorizeRequest(context, 'get', parsed);
    const namespace = parsed.namespace as string;
    const name = parsed.name as string;
    const pod = this.store.require('pods', namespace, name);
    const containers = (
      (pod.spec as { containers?: { name: string }[] } | undefined)?.containers ?? []
    ).map((container) => container.name);
    const requested = context.url.searchParams.get('container');
    if (requested && !containers.includes(requested)) {
      throw badRequest(`container ${requested} is not valid for pod ${name}`);
    }
    if (!requested && containers.length > 1) {
      throw badRequest(
        `a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]`,
      );
    }
    const container = requested ?? containers[0] ?? '';
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Pending') {
      throw badRequest(
        `container "${container}" in pod "${name}" is waiting to start: ContainerCreating`,
      );
    }
    let lines = this.logs.read(namespace, name);
    const tail = context.url.searchParams.get('tailLines');
    if (tail !== null && /^\d+$/.test(tail))
      lines = Number(tail) === 0 ? [] : lines.slice(-Number(tail));
    const { response } = context;
    const follow = ['true', '1'].includes(context.url.searchParams.get('follow') ?? '');
    response.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
    const text = lines.map((line) => `${line}\n`).join('');
    if (!follow) {
      response.end(text);
      return;
    }
    response.write(text);
    this.openStreams.add(response);
    const stopFollowing = this.logs.follow(namespace, name, (added) =>
      response.write(added.map((line) => `${line}\n`).join('')),
    );
    const stopWatchingPod = this.store.subscribe((event) => {
      if (
        event.key === 'pods' &&
        event.type === 'DELETED' &&
        event.object.metadata.name === name &&
        event.object.metadata.namespace === namespace
      ) {
        response.end();
      }
    });
    response.on('close', () => {
      stopFollowing();
      stopWatchingPod();
      this.openStreams.delete(response);
    });
  }

  // ---------------------------------------------------------------- access reviews

  private async review(context: RequestContext, type: ResourceType): Promise<void> {
    authorize(this.authorizer, context.user, {
      verb: 'create',
      group: type.group,
      resource: type.plural,
    });
    const isProtobuf = (context.request.headers['content-type'] ?? '').startsWith(
      PROTOBUF_MEDIA_TYPE,
    );
    const body = isProtobuf
      ? decodeReview(await readBytes(context.request))
      : await readJson(context.request);
    if (!isPlainObject(body)) throw badRequest('the request body must be a JSON object');
    const { user } = context;
    if (type.plural === 'selfsubjectreviews') {
      sendJson(context.response, 201, {
        kind: 'SelfSubjectReview',
        apiVersion: 'authentication.k8s.io/v1',
        metadata: { creationTimestamp: null },
        status: { userInfo: { username: user.username, uid: user.uid, groups: user.groups } },
      });
      return;
    }
    const spec = isPlainObject(body.spec) ? body.spec : {};
    if (type.plural === 'selfsubjectrulesreviews') {
      this.rulesReview(context, typeof spec.namespace === 'string' ? spec.namespace : '', spec);
      return;
    }
    const status = this.accessReview(user, type, spec);
    sendJson(context.response, 201, {
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec,
      status,
    });
  }

  /** A SelfSubjectAccessReview's status: RBAC's decision and the binding that allowed it. */
  private accessReview(
    user: SandboxUser,
    type: ResourceType,
    spec: Record<string, unknown>,
  ): Record<string, unknown> {
    const resourceAttributes = isPlainObject(spec.resourceAttributes)
      ? spec.resourceAttributes
      : undefined;
    const nonResourceAttributes = isPlainObject(spec.nonResourceAttributes)
      ? spec.nonResourceAttributes
      : undefined;
    const text = (value: unknown) => (value ? String(value) : undefined);
    let decision: { allowed: boolean; reason: string };
    if (resourceAttributes) {
      const attributes: ResourceAttributes = {
        verb: String(resourceAttributes.verb ?? ''),
        group: String(resourceAttributes.group ?? ''),
        resource: String(resourceAttributes.resource ?? ''),
        subresource: text(resourceAttributes.subresource),
        namespace: text(resourceAttributes.namespace),
        name: text(resourceAttributes.name),
      };
      decision = decide(this.authorizer, user, attributes);
    } else if (nonResourceAttributes) {
      decision = decide(this.authorizer, user, {
        verb: String(nonResourceAttributes.verb ?? ''),
        path: String(nonResourceAttributes.path ?? ''),
      });
    } else {
      throw invalid(type.group, type.kind, '', [
        {
          reason: 'FieldValueRequired',
          field: 'spec.resourceAttributes',
          message:
            'Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified',
        },
      ]);
    }
    return decision.reason
      ? { allowed: decision.allowed, reason: decision.reason }
      : { allowed: decision.allowed };
  }

  /** `kubectl auth can-i --list`: every rule bound to the caller, cluster-wide and in the namespace. */
  private rulesReview(
    context: RequestContext,
    namespace: string,
    spec: Record<string, unknown>,
  ): void {
    const rules = this.authorizer.rulesFor(context.user, namespace || undefined);
    const resourceRules = rules
      .filter((rule) => !rule.nonResourceURLs?.length)
      .map((rule: PolicyRule) => ({
        verbs: rule.verbs,
        apiGroups: rule.apiGroups ?? [],
        resources: rule.resources ?? [],
        ...(rule.resourceNames?.length ? { resourceNames: rule.resourceNames } : {}),
      }));
    const nonResourceRules = rules
      .filter((rule) => rule.nonResourceURLs?.length)
      .map((rule) => ({ verbs: rule.verbs, nonResourceURLs: rule.nonResourceURLs }));
    sendJson(context.response, 201, {
      kind: 'SelfSubjectRulesReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec,
      status: { resourceRules, nonResourceRules, incomplete: false },
    });
  }
}
