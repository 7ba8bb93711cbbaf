/**
 * Uploads from a ReadableStream: one streamed PUT where fetch streams request bodies and no
 * segment size is asked for, else the stream is cut into segments (a single one is a plain PUT).
 */
import { ChecksumMismatchError } from '../../base/errors.js';
import type { ObjectStoreClient } from './client.js';
import { unquote } from './headers.js';
import { passThrough, putWhole } from './put.js';
import { canStreamRequests, DEFAULT_SEGMENT } from './source.js';
import type { Slo, Stored, UploadOptions } from './upload-options.js';

export async function uploadStream(
  store: ObjectStoreClient,
  o: UploadOptions,
  path: string,
  headers: Record<string, string>,
  input: ReadableStream<Uint8Array>,
  slo: Slo,
): Promise<Stored> {
  if (o.segmentSize === undefined && o.largeObjectThreshold === undefined && canStreamRequests()) return putStream(store, o, path, headers, input);
  const size = o.segmentSize ?? DEFAULT_SEGMENT;
  const cutter = streamCutter(input, size);
  const first = await cutter.next();
  const second = first?.byteLength === size ? await cutter.next() : undefined;
  if (!second) return putWhole(store, o, path, headers, first ?? new Uint8Array(0));
  let index = 0;
  const ahead = [first!, second];
  return slo(size, 'stream', undefined, {
    async next() {
      const data = ahead.shift() ?? (await cutter.next());
      return data && { index: index++, data };
    },
    cancel: (reason) => cutter.cancel(reason),
  });
}

/**
 * Cuts a stream into segments of `size` bytes (the last one shorter). Calls are served one after
 * the other; each segment is its own buffer, released once uploaded.
 */
export function streamCutter(stream: ReadableStream<Uint8Array>, size: number) {
  const reader = stream.getReader();
  let spill: Uint8Array | undefined;
  let done = false;
  let queue: Promise<unknown> = Promise.resolve();
  const cut = async (): Promise<Uint8Array | undefined> => {
    if (done && !spill) return undefined;
    const buf = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      let chunk = spill;
      spill = undefined;
      if (!chunk) {
        if (done) break;
        const r = await reader.read();
        if (r.done) {
          done = true;
          break;
        }
        chunk = r.value;
      }
      const take = Math.min(chunk.byteLength, size - filled);
      buf.set(chunk.subarray(0, take), filled);
      filled += take;
      if (take < chunk.byteLength) spill = chunk.subarray(take);
    }
    if (!filled) return undefined;
    return filled === size ? buf : buf.slice(0, filled);
  };
  return {
    next(): Promise<Uint8Array | undefined> {
      const p = queue.then(cut);
      queue = p.catch(() => undefined);
      return p;
    },
    async cancel(reason?: unknown): Promise<void> {
      await reader.cancel(reason).catch(() => undefined);
    },
  };
}

/** One streamed PUT (`duplex: 'half'`) of a stream of unknown length, hashed as it is sent. */
async function putStream(
  store: ObjectStoreClient,
  o: UploadOptions,
  path: string,
  headers: Record<string, string>,
  input: ReadableStream<Uint8Array>,
): Promise<Stored> {
  let loaded = 0;
  const [body, digest] = await passThrough(input, true, (n) => {
    loaded = n;
    o.onProgress?.({ loaded, total: undefined });
  });
  const res = await store.request({ method: 'PUT', path, body, headers, signal: o.signal, responseType: 'none' });
  const stored = unquote(res.headers.get('etag'));
  // Swift answers once it has the whole body, so fetch has read the stream to its end.
  const local = await digest!;
  if (stored !== local) {
    // The stream cannot be sent again: remove what Swift kept rather than leave corrupt data.
    await store.request({ method: 'DELETE', path, okStatuses: [404], responseType: 'none' }).catch(() => undefined);
    throw new ChecksumMismatchError(`Swift stored ${o.container}/${o.name} with ETag ${stored} but the data sent has MD5 ${local}`);
  }
  return { container: o.container, name: o.name, hash: local, bytes: loaded, segments: 0 };
}
