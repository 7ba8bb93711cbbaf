import { createFetch } from 'ofetch';
import type { FetchLike } from '../base/types.js';

/**
 * The one place a request leaves the SDK: ofetch with its own retries and timeout switched off
 * (the Session does both, correctly for OpenStack), JSON bodies serialised, and streamed bodies sent
 * with `duplex: 'half'`. The response body is left unread for the Session to consume.
 */
export function createTransport(fetchImpl: FetchLike | undefined) {
  // Resolved per call so that a fetch patched after the Connection was made is still used.
  const $fetch = createFetch({
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => (fetchImpl ?? globalThis.fetch)(input as string, init)) as typeof fetch,
  });
  return (url: string, init: { method: string; headers: Headers; body?: unknown; signal?: AbortSignal | undefined }) =>
    $fetch.raw(url, {
      method: init.method,
      headers: init.headers,
      body: init.body as BodyInit,
      signal: init.signal,
      retry: false,
      ignoreResponseError: true,
      responseType: 'stream',
      // Answers are live state: a browser must not serve one from its HTTP cache (Swift listings
      // carry Last-Modified, which invites heuristic caching of a listing taken before a delete).
      cache: 'no-store',
      // With redirects allowed, Node's fetch keeps a streamed request body in memory in case it has
      // to be sent again: a 1 GiB upload would cost 1 GiB. OpenStack APIs do not redirect uploads.
      ...(isStreamBody(init.body) ? { redirect: 'error' as const } : {}),
    }) as Promise<Response>;
}
export type Transport = ReturnType<typeof createTransport>;

function isStreamBody(body: unknown): boolean {
  return (typeof Blob !== 'undefined' && body instanceof Blob) || (!!body && typeof body === 'object' && 'getReader' in body);
}
