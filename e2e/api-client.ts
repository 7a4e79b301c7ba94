/**
 * A small Kubernetes API client for test steps that act on the cluster directly ("create a pod",
 * "label a node"), as a presenter would with kubectl. It talks to the sandbox with a token.
 */
export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    resourceVersion?: string;
  };
  [key: string]: unknown;
};

export type PatchType = 'json' | 'merge' | 'strategic';

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    method: string,
    path: string,
  ) {
    super(
      `${method} ${path}: ${status} ${(body as { message?: string })?.message ?? JSON.stringify(body)}`,
    );
  }
}

export class KubeApiClient {
  constructor(
    readonly baseURL: string,
    private readonly token: string,
  ) {}

  async request<T = KubeObject>(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<T> {
    const response = await fetch(this.baseURL + path, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': contentType }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new ApiError(response.status, parsed, method, path);
    return parsed as T;
  }

  get<T = KubeObject>(path: string) {
    return this.request<T>('GET', path);
  }

  async list<T = KubeObject>(path: string, labelSelector?: string): Promise<T[]> {
    const query = labelSelector ? `?labelSelector=${encodeURIComponent(labelSelector)}` : '';
    const list = await this.request<{ items: T[] }>('GET', path + query);
    return list.items;
  }

  create<T = KubeObject>(path: string, object: T) {
    return this.request<T>('POST', path, object);
  }

  patch<T = KubeObject>(path: string, patch: unknown, type: PatchType = 'merge') {
    return this.request<T>('PATCH', path, patch, PATCH_CONTENT_TYPES[type]);
  }

  delete(path: string) {
    return this.request('DELETE', path);
  }

  /** Sets (or, with `null`, removes) a node label, like `kubectl label node`. */
  labelNode(name: string, labels: Record<string, string | null>) {
    return this.patch(`/api/v1/nodes/${encodeURIComponent(name)}`, { metadata: { labels } });
  }

  /** Creates a pod that requests extended resources (e.g. `nvidia.com/mig-1g.6gb: 1`). */
  createPod(
    namespace: string,
    name: string,
    resources: Record<string, string | number>,
    options: { nodeName?: string; image?: string } = {},
  ) {
    const limits = Object.fromEntries(Object.entries(resources).map(([k, v]) => [k, String(v)]));
    return this.create(`/api/v1/namespaces/${namespace}/pods`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace },
      spec: {
        ...(options.nodeName ? { nodeName: options.nodeName } : {}),
        restartPolicy: 'Never',
        containers: [
          {
            name: 'main',
            image: options.image ?? 'nvcr.io/nvidia/cuda:12.4.1-base-ubi9',
            command: ['sleep', 'infinity'],
            resources: { limits },
          },
        ],
      },
    });
  }

  /** Polls `path` until `predicate` holds (the sandbox's controllers act asynchronously). */
  async waitFor<T = KubeObject>(
    path: string,
    predicate: (object: T) => boolean,
    timeoutMs = 15_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    while (Date.now() < deadline) {
      last = await this.get<T>(path);
      if (predicate(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`timed out waiting for ${path}; last state: ${JSON.stringify(last)}`);
  }
}
