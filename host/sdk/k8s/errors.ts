/**
 * Errors shaped like the console's: `HttpError` carries `.code`, `.response` and the decoded
 * Kubernetes `Status` as `.json`, with the Status message as `.message`.
 */
export class CustomError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = this.constructor.name;
  }
}

export class HttpError extends CustomError {
  code?: number;
  response?: Response;
  json?: unknown;

  constructor(message: string, code?: number, response?: Response, json?: unknown) {
    super(message);
    this.code = code;
    this.response = response;
    this.json = json;
  }
}

export class TimeoutError extends CustomError {
  constructor(
    readonly url: string,
    readonly ms: number,
  ) {
    super(`Call to ${url} timed out after ${ms}ms.`);
  }
}

/** What the console's watch hooks report when discovery does not know the requested kind. */
export class NoModelError extends CustomError {
  constructor() {
    super('Model does not exist');
  }
}

type StatusBody = {
  message?: string;
  error?: string;
  details?: { causes?: { message?: string; field?: string }[] };
};

/** Turns a non-2xx response into an HttpError the way the console's fetch wrapper does. */
export const httpErrorFromResponse = async (response: Response): Promise<HttpError> => {
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) {
    return new HttpError(response.statusText, response.status, response);
  }
  let json: StatusBody | undefined;
  try {
    json = (await response.json()) as StatusBody;
  } catch {
    return new HttpError(response.statusText, response.status, response);
  }
  if (response.status === 403) {
    return new HttpError(
      json?.message || 'Access denied due to cluster policy.',
      response.status,
      response,
      json,
    );
  }
  const cause = json?.details?.causes?.[0];
  const reason =
    (cause ? `Error "${cause.message}" for field "${cause.field}".` : undefined) ||
    json?.message ||
    json?.error ||
    response.statusText;
  return new HttpError(reason, response.status, response, json);
};
