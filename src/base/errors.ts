/**
 * One error hierarchy for the whole SDK. Every error is an {@link OpenStackError}; errors from the
 * cloud are {@link HttpError}s with a subclass per status family, so callers can `instanceof` or
 * switch on `status`. Messages never contain secrets (see `redact.ts`).
 */

/** Base class of every error the SDK throws. */
export class OpenStackError extends Error {
  override name = 'OpenStackError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}

/** Input that cannot be sent: raised before any request. `field` names the offending option. */
export class ValidationError extends OpenStackError {
  override name = 'ValidationError';
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(field ? `${field}: ${message}` : message);
    this.field = field;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field };
  }
}

/** What the cloud answered does not have the shape the SDK expects. */
export class ResponseError extends OpenStackError {
  override name = 'ResponseError';
}

/** Authentication could not be performed or completed (missing method, no receipt, ...). */
export class AuthError extends OpenStackError {
  override name = 'AuthError';
}

/** A requested service, region or interface is not in the catalog. */
export class EndpointNotFoundError extends OpenStackError {
  override name = 'EndpointNotFoundError';
}

/** A request could not reach the cloud (DNS, refused connection, reset, or a browser's CORS refusal). */
export class ConnectionError extends OpenStackError {
  override name = 'ConnectionError';
  readonly method: string;
  readonly url: string;
  constructor(message: string, method: string, url: string, options?: { cause?: unknown }) {
    super(message, options);
    this.method = method;
    this.url = url;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), method: this.method, url: this.url };
  }
}

/** The request took longer than its `timeout`. */
export class TimeoutError extends OpenStackError {
  override name = 'TimeoutError';
}

/** A `find*` name matched more than one resource. */
export class DuplicateResourceError extends OpenStackError {
  override name = 'DuplicateResourceError';
  readonly matches: readonly string[];
  constructor(message: string, matches: readonly string[]) {
    super(message);
    this.matches = matches;
  }
}

/** A `waitFor*` call ran out of time, or the resource reached a failure status. */
export class WaitTimeoutError extends OpenStackError {
  override name = 'WaitTimeoutError';
  readonly lastStatus: string | undefined;
  constructor(message: string, lastStatus?: string) {
    super(message);
    this.lastStatus = lastStatus;
  }
}

/** A resource being waited for reached one of the failure statuses. */
export class ResourceFailureError extends OpenStackError {
  override name = 'ResourceFailureError';
  readonly status: string;
  readonly resource: unknown;
  constructor(message: string, status: string, resource: unknown) {
    super(message);
    this.status = status;
    this.resource = resource;
  }
}

/** Integrity check failed on data received (checksum or ETag mismatch). */
export class ChecksumMismatchError extends OpenStackError {
  override name = 'ChecksumMismatchError';
}

/** What an {@link HttpError} is made from: the request's method and URL, the answer's status and request id, and the cloud's message. */
export interface HttpErrorDetails {
  status: number;
  method: string;
  url: string;
  requestId?: string | undefined;
  service?: string | undefined;
  /** The cloud's own message, pulled out of its error body. */
  cloudMessage?: string | undefined;
  /** The parsed (or textual) error body, secrets removed. */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * True when an earlier attempt of the same call got no answer: the cloud may have done what it
   * asked (a 409 on an upload sent again can mean the first one went through).
   */
  answerLost?: boolean;
}

/** The cloud answered with an error status. */
export class HttpError extends OpenStackError {
  override name = 'HttpError';
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;
  readonly service: string | undefined;
  readonly cloudMessage: string | undefined;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  /** An earlier attempt of this call got no answer (see {@link HttpErrorDetails.answerLost}). */
  readonly answerLost: boolean;

  constructor(d: HttpErrorDetails) {
    const what = d.cloudMessage || statusText(d.status);
    const id = d.requestId ? `, request id ${d.requestId}` : '';
    const from = d.url ? ` from ${d.method} ${d.url}` : '';
    super(`${what} (HTTP ${d.status}${from}${id})`);
    this.status = d.status;
    this.method = d.method;
    this.url = d.url;
    this.requestId = d.requestId;
    this.service = d.service;
    this.cloudMessage = d.cloudMessage;
    this.body = d.body;
    this.headers = d.headers ?? {};
    this.answerLost = d.answerLost ?? false;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      method: this.method,
      url: this.url,
      requestId: this.requestId,
      service: this.service,
      cloudMessage: this.cloudMessage,
    };
  }
}

export class BadRequestError extends HttpError {
  override name = 'BadRequestError';
}
export class UnauthorizedError extends HttpError {
  override name = 'UnauthorizedError';
}
export class ForbiddenError extends HttpError {
  override name = 'ForbiddenError';
}
export class NotFoundError extends HttpError {
  override name = 'NotFoundError';
}
export class ConflictError extends HttpError {
  override name = 'ConflictError';
}
export class PreconditionFailedError extends HttpError {
  override name = 'PreconditionFailedError';
}
export class PayloadTooLargeError extends HttpError {
  override name = 'PayloadTooLargeError';
}
export class RateLimitError extends HttpError {
  override name = 'RateLimitError';
}
export class ServerError extends HttpError {
  override name = 'ServerError';
}

const BY_STATUS: Record<number, new (d: HttpErrorDetails) => HttpError> = {
  400: BadRequestError,
  401: UnauthorizedError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  412: PreconditionFailedError,
  413: PayloadTooLargeError,
  429: RateLimitError,
};

/** The error class for an HTTP status: the one mapping every service shares. */
export function httpErrorFor(d: HttpErrorDetails): HttpError {
  const Cls = BY_STATUS[d.status] ?? (d.status >= 500 ? ServerError : HttpError);
  return new Cls(d);
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not found',
    405: 'Method not allowed',
    409: 'Conflict',
    412: 'Precondition failed',
    413: 'Request entity too large',
    416: 'Range not satisfiable',
    429: 'Too many requests',
    500: 'Internal server error',
    502: 'Bad gateway',
    503: 'Service unavailable',
    504: 'Gateway timeout',
  };
  return texts[status] ?? `HTTP ${status}`;
}

/** True for any error thrown by this SDK, across bundle copies (realms). */
export function isOpenStackError(e: unknown): e is OpenStackError {
  return e instanceof OpenStackError || (e instanceof Error && /Error$/.test(e.name) && 'toJSON' in e);
}
