import { ChecksumMismatchError, ConnectionError, HttpError } from '../../base/errors.js';
import { retryDelay } from '../../session/retry.js';
import { sleep } from '../../base/signals.js';
import { createMd5, md5Of } from '../../transfer/hash.js';
import type { ObjectStoreClient } from './client.js';
import { unquote } from './headers.js';
import { canStreamRequests, sizeOf, type Part } from './source.js';
import type { Stored, UploadOptions } from './upload-options.js';

/**
 * PUTs one re-readable part and checks the ETag Swift returns against the part's MD5, sending it
 * again on a mismatch. Bytes in memory are hashed first and the MD5 sent along, so Swift itself
 * refuses corrupt data. Where fetch streams request bodies (Node, Deno, Bun), a Blob goes as its own
 * stream, hashed on the way (the data is read once, not once to hash and once to send); it is
 * sent again on a connection error, a retryable status or an expired token, since the session cannot
 * replay a stream. Resends follow the Connection's retry policy (`retry.retries` of them). `onSent`
 * then hears how many bytes of the part fetch has read, each time that passes the most any attempt
 * has reached and stays below the part's size: it never goes back on a resend, and the caller
 * reports the whole part once Swift has confirmed it.
 * Elsewhere (browsers) the Blob is the body and is hashed in parallel; `onSent` is not called.
 */
export async function putVerified(
  store: ObjectStoreClient,
  path: string,
  part: Part,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
  md5?: Promise<string>,
  onSent?: (bytes: number) => void,
): Promise<string> {
  const streamed = !(part instanceof Uint8Array) && canStreamRequests();
  const expected = md5 ?? (streamed ? undefined : md5Of(part, signal));
  expected?.catch(() => undefined);
  let most = 0;
  const sent = onSent && ((n: number) => n > most && n < sizeOf(part) && onSent((most = n)));
  const h = { ...headers };
  if (part instanceof Uint8Array) h.etag = (await expected)!;
  const policy = store.session.retryPolicy;
  const attempts = policy.retries + 1;
  for (let attempt = 1; ; attempt++) {
    let body: Part | ReadableStream<Uint8Array> = part;
    let hashed: Promise<string> | undefined;
    if (streamed && !(part instanceof Uint8Array)) [body, hashed] = await passThrough(part.stream(), !expected, sent);
    let stored: string;
    try {
      const res = await store.request({ method: 'PUT', path, body, headers: h, signal, responseType: 'none' });
      stored = unquote(res.headers.get('etag'));
    } catch (e) {
      if (attempt >= attempts || signal?.aborted) throw e;
      // 422: Swift received bytes whose MD5 is not the one announced. 401 on a stream: the session
      // could not resend it but dropped the token, so the next attempt logs in again.
      const again =
        e instanceof HttpError
          ? e.status === 422 || (streamed && (e.status === 401 || policy.statuses.includes(e.status)))
          : streamed && e instanceof ConnectionError;
      if (!again) throw e;
      await sleep(retryDelay(attempt, null, policy), signal);
      continue;
    }
    const local = await (hashed ?? expected)!;
    if (stored === local) return local;
    if (attempt >= attempts)
      throw new ChecksumMismatchError(`Swift stored ${path} with ETag ${stored} but the data sent has MD5 ${local} (${attempts} attempts)`);
  }
}

/**
 * Largest piece handed to fetch at once, so that progress follows what the socket has taken. Each
 * piece costs a write and a hash call: 1 MiB keeps that cost small (64 KiB pieces took a quarter
 * more CPU per byte) and still gives a thousand progress events per GiB.
 */
const PIECE = 1024 * 1024;

/**
 * The stream as fetch reads it: handed out a piece per read (an in-memory Blob streams as one
 * chunk), counted for `onSent` and, with `hash`, passed through an MD5 hasher whose digest settles
 * once the stream has been read.
 */
export async function passThrough(
  stream: ReadableStream<Uint8Array>,
  hash: boolean,
  onSent: ((bytes: number) => void) | undefined,
): Promise<[ReadableStream<Uint8Array>, Promise<string> | undefined]> {
  if (!hash && !onSent) return [stream, undefined];
  const hasher = hash ? await createMd5() : undefined;
  let done!: (hex: string) => void;
  const digest = hasher && new Promise<string>((resolve) => (done = resolve));
  const reader = stream.getReader();
  let rest: Uint8Array = new Uint8Array(0);
  let sent = 0;
  const out = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (!rest.byteLength) {
          const next = await reader.read();
          if (next.done) {
            if (hasher) done(hasher.digest());
            return controller.close();
          }
          rest = next.value;
        }
        const piece = rest.subarray(0, PIECE);
        rest = rest.subarray(PIECE);
        hasher?.update(piece);
        controller.enqueue(piece);
        onSent?.((sent += piece.byteLength));
      },
      cancel: (reason) => reader.cancel(reason),
    },
    // Read only when fetch asks for more, not ahead of it.
    { highWaterMark: 0 },
  );
  return [out, digest];
}

/** One PUT of a re-readable input, checked against its MD5. */
export async function putWhole(store: ObjectStoreClient, o: UploadOptions, path: string, headers: Record<string, string>, part: Part): Promise<Stored> {
  const total = sizeOf(part);
  const progress = o.onProgress;
  progress?.({ loaded: 0, total });
  const hash = await putVerified(store, path, part, headers, o.signal, undefined, progress && ((loaded) => progress({ loaded, total })));
  progress?.({ loaded: total, total });
  return { container: o.container, name: o.name, hash, bytes: total, segments: 0 };
}
