import { createFetch } from 'ofetch';
import type { FetchLike } from './types.js';

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
    }) as Promise<Response>;
}
export type Transport = ReturnType<typeof createTransport>;
