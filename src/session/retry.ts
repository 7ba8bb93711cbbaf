/**
 * When a failed request is sent again. Only requests that are safe to repeat: idempotent methods
 * with a body that can be read again. 409 is never retried (it is a state conflict, not a blip).
 */
export interface RetryOptions {
  /** Extra attempts after the first one (default 2). */
  retries?: number;
  /** First backoff delay in ms when the server gives no Retry-After (default 500, doubled each time). */
  baseDelay?: number;
  /** Longest wait in ms, for Retry-After as well (default 30000). */
  maxDelay?: number;
  /** Statuses that are retried (default 408, 429, 502, 503, 504). */
  statuses?: readonly number[];
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  retries: 2,
  baseDelay: 500,
  maxDelay: 30_000,
  statuses: [408, 429, 502, 503, 504],
};

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export function isReplayable(method: string, body: unknown, idempotent = false): boolean {
  if (!idempotent && !IDEMPOTENT.has(method)) return false;
  // A stream can be read once: it cannot be sent a second time.
  return !(body && typeof body === 'object' && 'getReader' in body);
}

/** Delay before attempt `attempt` (1-based retry number), honouring Retry-After up to the cap. */
export function retryDelay(attempt: number, retryAfter: string | null, opts: Required<RetryOptions>): number {
  const fromHeader = parseRetryAfter(retryAfter);
  if (fromHeader !== undefined) return Math.min(fromHeader, opts.maxDelay);
  const exp = opts.baseDelay * 2 ** (attempt - 1);
  // jitter keeps many clients from retrying in lockstep
  return Math.min(exp / 2 + Math.random() * (exp / 2), opts.maxDelay);
}

/** Retry-After as delta-seconds or an HTTP date, in ms. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - Date.now());
}
