import { ChecksumMismatchError, ConnectionError, HttpError } from '../../session/errors.js';
import { DEFAULT_RETRY } from '../../session/retry.js';
import { sleep } from '../../session/signals.js';
import { unquote } from './headers.js';
import { createMd5, md5Of } from './md5.js';
import type { ObjectStoreProxy } from './proxy.js';
import { canStreamRequests, type Part } from './source.js';

const ATTEMPTS = 3;

/**
 * PUTs one re-readable part and checks the ETag Swift returns against the part's MD5, sending it
 * again on a mismatch. Bytes in memory are hashed first and the MD5 sent along, so Swift itself
 * refuses corrupt data. Where fetch streams request bodies (Node, Deno), a Blob goes as its own
 * stream, hashed on the way (Node's fetch would otherwise read a Blob body whole into memory); it is
 * sent again on a connection error, a retryable status or an expired token, since the session cannot
 * replay a stream.
 * Elsewhere (browsers) the Blob is the body and is hashed in parallel.
 */
export async function putVerified(
  store: ObjectStoreProxy,
  path: string,
  part: Part,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
  md5?: Promise<string>,
): Promise<string> {
  const streamed = !(part instanceof Uint8Array) && canStreamRequests();
  const expected = md5 ?? (streamed ? undefined : md5Of(part, signal));
  expected?.catch(() => undefined);
  const h = { ...headers };
  if (part instanceof Uint8Array) h.etag = (await expected)!;
  for (let attempt = 1; ; attempt++) {
    let body: Part | ReadableStream<Uint8Array> = part;
    let hashed: Promise<string> | undefined;
    if (streamed && !(part instanceof Uint8Array)) {
      if (expected) body = part.stream();
      else [body, hashed] = await hashing(part.stream());
    }
    let stored: string;
    try {
      const res = await store.request({ method: 'PUT', path, body, headers: h, signal, responseType: 'none' });
      stored = unquote(res.headers.get('etag'));
    } catch (e) {
      if (attempt >= ATTEMPTS || signal?.aborted) throw e;
      // 422: Swift received bytes whose MD5 is not the one announced. 401 on a stream: the session
      // could not resend it but dropped the token, so the next attempt logs in again.
      const again =
        e instanceof HttpError
          ? e.status === 422 || (streamed && (e.status === 401 || DEFAULT_RETRY.statuses.includes(e.status)))
          : streamed && e instanceof ConnectionError;
      if (!again) throw e;
      await sleep(DEFAULT_RETRY.baseDelay * attempt, signal);
      continue;
    }
    const local = await (hashed ?? expected)!;
    if (stored === local) return local;
    if (attempt >= ATTEMPTS)
      throw new ChecksumMismatchError(`Swift stored ${path} with ETag ${stored} but the data sent has MD5 ${local} (${ATTEMPTS} attempts)`);
  }
}

/** The stream passed through an MD5 hasher; the digest settles once the stream has been read. */
async function hashing(stream: ReadableStream<Uint8Array>): Promise<[ReadableStream<Uint8Array>, Promise<string>]> {
  const hasher = await createMd5();
  let done!: (hex: string) => void;
  const digest = new Promise<string>((resolve) => (done = resolve));
  const out = stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        hasher.update(chunk);
        controller.enqueue(chunk);
      },
      flush: () => done(hasher.digest('hex')),
    }),
  );
  return [out, digest];
}
