/** Options every public method accepts. */
export interface CallOptions {
  /** Aborts the call (and any retry or wait it is doing). */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms (overrides the Connection's). */
  timeout?: number;
  /** Microversion for this call (services that have them), e.g. `'2.60'`. */
  microversion?: string;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** A query parameter's value; an array is sent as the parameter repeated. */
export type QueryValue = string | number | boolean | undefined | null | readonly (string | number | boolean)[];
/** Query parameters; `undefined` and `null` values are left out. */
export type Query = Record<string, QueryValue>;

/** How a response body is read: parsed JSON, text, a stream, a Blob, an ArrayBuffer, or not at all. */
export type ResponseType = 'json' | 'text' | 'stream' | 'blob' | 'arrayBuffer' | 'none';

/** One request as the service proxies describe it. */
export interface RequestSpec extends CallOptions {
  method?: string;
  /** Path relative to the service endpoint (`/servers/detail`), or an absolute URL. */
  path?: string;
  query?: Query;
  /** A JSON value, or a body fetch accepts (Blob, ReadableStream, string, ArrayBuffer, FormData...). */
  body?: unknown;
  responseType?: ResponseType;
  /** Send X-Auth-Token (default true). */
  authenticated?: boolean;
  /** Statuses that are not errors for this call (besides 2xx/3xx). */
  okStatuses?: readonly number[];
  /** A microversion this call needs at least; fails before sending if the cloud cannot do it. */
  minMicroversion?: string;
  /** Extra attempts for this call, overriding the Connection's retry policy (0 disables). */
  retries?: number;
  /** Safe to send again although its method is not idempotent (a login). */
  idempotent?: boolean;
}

/** What a request returns. */
export interface OpenStackResponse<T = unknown> {
  status: number;
  headers: Headers;
  data: T;
  url: string;
  requestId: string | undefined;
}

/** A summary of a request or response, for the log hook. Secrets are masked. */
export interface LogEvent {
  type: 'request' | 'response' | 'retry' | 'error' | 'auth';
  method: string;
  url: string;
  service?: string | undefined;
  headers?: Record<string, string>;
  status?: number;
  requestId?: string | undefined;
  durationMs?: number;
  attempt?: number;
  delayMs?: number;
  message?: string;
}
/** Called with a summary of each request, response, retry, error and login, secrets masked. */
export type LogHook = (event: LogEvent) => void;

/** The fetch signature the SDK calls; inject your own through the Connection's `fetch` option. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
