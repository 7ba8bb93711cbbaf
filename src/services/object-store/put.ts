import { ChecksumMismatchError, HttpError } from '../../session/errors.js';
import { unquote } from './headers.js';
import { md5Of } from './md5.js';
import type { ObjectStoreProxy } from './proxy.js';
import { type Part } from './source.js';

const ATTEMPTS = 3;

/**
 * PUTs one re-readable part and checks the ETag Swift returns against the part's MD5, sending it
 * again on a mismatch. Bytes in memory are hashed first and the MD5 sent along, so Swift itself
 * refuses corrupt data; a Blob is hashed while it uploads, so the file is read once more, in parallel.
 */
export async function putVerified(
  store: ObjectStoreProxy,
  path: string,
  part: Part,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
  md5?: Promise<string>,
  query?: Record<string, string>,
): Promise<string> {
  const expected = md5 ?? md5Of(part, signal);
  expected.catch(() => undefined);
  const h = { ...headers };
  if (part instanceof Uint8Array) h.etag = await expected;
  for (let attempt = 1; ; attempt++) {
    let stored: string;
    try {
      const res = await store.request({ method: 'PUT', path, query, body: part, headers: h, signal, responseType: 'none' });
      stored = unquote(res.headers.get('etag'));
    } catch (e) {
      // 422: Swift received bytes whose MD5 is not the one announced.
      if (!(e instanceof HttpError && e.status === 422) || attempt >= ATTEMPTS) throw e;
      continue;
    }
    const local = await expected;
    if (stored === local) return local;
    if (attempt >= ATTEMPTS)
      throw new ChecksumMismatchError(`Swift stored ${path} with ETag ${stored} but the data sent has MD5 ${local} (${ATTEMPTS} attempts)`);
  }
}
