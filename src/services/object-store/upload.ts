import { HttpError, ValidationError } from '../../base/errors.js';
import { lazy } from '../../base/lazy.js';
import type { CallOptions } from '../../base/types.js';
import { checkNumber } from '../../base/validate.js';
import type { ObjectStoreClient } from './client.js';
import { metaHeaders, objectHeaders } from './headers.js';
import { checkContainer, checkObject, objectPath } from './names.js';
import { putWhole } from './put.js';
import { DEFAULT_SEGMENT, isStream, sizeOf, sliceOf, toPart, type Part } from './source.js';
import type { Slo, Stored, UploadOptions, UploadResult } from './upload-options.js';

// Parts that only some uploads need, loaded on first use. Their loaders are here rather than in
// on-demand.ts, which loads this file, so that they come with the upload code instead of up front
// (the proxy has a loader for the large-object code too; a chunk is fetched once either way).
const streamUploads = lazy('stream uploads', () => import('./stream-upload.js'));
const largeObjects = lazy('large objects', () => import('./large-object.js'));
const oldSegments = lazy('replaced segments', () => import('./old-segments.js'));

const DEFAULT_MAX_FILE = 5 * 1024 * 1024 * 1024;

export async function uploadObject(store: ObjectStoreClient, o: UploadOptions): Promise<UploadResult> {
  checkContainer(o.container);
  checkObject(o.name);
  checkNumber(o.segmentSize, 'segmentSize', 1, true);
  checkNumber(o.concurrency, 'concurrency', 1, true);
  checkNumber(o.largeObjectThreshold, 'largeObjectThreshold', 0);
  const segmentContainer = checkContainer(o.segmentContainer ?? `${o.container}_segments`, 'segmentContainer');
  const headers = { ...metaHeaders('object', o.metadata), ...objectHeaders(o), ...o.headers };
  const input = toPart(o.data);
  const path = objectPath(o.container, o.name);
  // The object's own headers are not for the HEAD, listings and deletes around the upload.
  const call = { signal: o.signal, timeout: o.timeout };
  if (!o.leaveSegments && sentAsNew(o, input, headers)) {
    // Most uploads make a new object, which replaces no segments: a small input goes first with
    // `If-None-Match: *` and no HEAD before it; Swift refuses it (412) only when the name is taken,
    // and then it is sent again the usual way. Large inputs keep the HEAD, small next to the data.
    try {
      return { ...(await write(store, o, path, { ...headers, 'if-none-match': '*' }, input, segmentContainer)), replacedSegments: 0 };
    } catch (e) {
      if (!(e instanceof HttpError && e.status === 412)) throw e;
    }
  }
  const old = o.leaveSegments ? undefined : await segmentsToReplace(store, o, call);
  const stored = await write(store, o, path, headers, input, segmentContainer);
  const replacedSegments = old?.length ? await (await oldSegments()).deleteReplacedSegments(store, old, stored, call) : 0;
  return { ...stored, replacedSegments };
}

/** Largest input sent first as a new object: sending it twice when the name is taken costs little. */
const NEW_FIRST_MAX = 1024 * 1024;

/** Whether the input goes in one PUT small enough to try as a new object first (not when the caller set If-None-Match). */
function sentAsNew(o: UploadOptions, input: Part | ReadableStream<Uint8Array>, headers: Record<string, string>): boolean {
  if (isStream(input) || Object.keys(headers).some((h) => h.toLowerCase() === 'if-none-match')) return false;
  return sizeOf(input) <= Math.min(NEW_FIRST_MAX, o.largeObjectThreshold ?? Infinity, o.segmentSize ?? Infinity);
}

/**
 * Swift leaves the segments of a large object behind when the object is overwritten: they are
 * looked up before the upload so that they can be deleted after it. An object that cannot be read
 * (a write-only container) is uploaded all the same.
 */
async function segmentsToReplace(store: ObjectStoreClient, o: UploadOptions, call: CallOptions) {
  // Absent (404), unreadable (403) or refused otherwise: nothing known to replace; the PUT reports real trouble.
  const current = await store.headObject(o.container, o.name, call).catch((e) => {
    if (!(e instanceof HttpError)) throw e;
  });
  if (!current || (!current.static_large_object && current.manifest === undefined)) return undefined;
  return (await oldSegments()).segmentsOf(store, o.container, o.name, current.manifest ?? null, call);
}

/** Stores the input as one object or as a Static Large Object. */
async function write(store: ObjectStoreClient, o: UploadOptions, path: string, headers: Record<string, string>, input: Part | ReadableStream<Uint8Array>, segmentContainer: string): Promise<Stored> {
  const base = { container: o.container, name: o.name, segments: 0 };
  // Large-object code loads only when an upload needs it.
  const slo: Slo = async (segmentSize, stamp, total, segments) =>
    (await largeObjects()).uploadStaticLargeObject(
      store,
      {
        container: o.container,
        name: o.name,
        headers,
        segmentContainer,
        segmentSize,
        stamp,
        concurrency: o.concurrency ?? 4,
        resume: !!o.resume,
        keepSegments: !!o.keepSegmentsOnFailure,
        total,
        signal: o.signal,
        onProgress: o.onProgress,
      },
      segments,
    ).then((r) => ({ ...base, ...r }));

  // Streams have their own code, loaded when one is uploaded (web apps mostly upload Files).
  if (isStream(input)) return (await streamUploads()).uploadStream(store, o, path, headers, input, slo);

  // A Blob may be sent as a stream, which carries no type of its own.
  if (!headers['content-type'] && !(input instanceof Uint8Array) && input.type) headers['content-type'] = input.type;
  const size = sizeOf(input);
  const needInfo = o.largeObjectThreshold === undefined && o.segmentSize === undefined;
  const info = needInfo || size > (o.largeObjectThreshold ?? o.segmentSize ?? 0) ? await store.info(o).catch(() => undefined) : undefined;
  const threshold = o.largeObjectThreshold ?? o.segmentSize ?? info?.swift?.max_file_size ?? DEFAULT_MAX_FILE;
  if (size <= threshold) return putWhole(store, o, path, headers, input);

  const maxSegments = info?.slo?.max_manifest_segments ?? 1000;
  const segmentSize = o.segmentSize ?? Math.max(DEFAULT_SEGMENT, Math.ceil(size / maxSegments));
  const count = Math.ceil(size / segmentSize);
  if (count > maxSegments) throw new ValidationError(`makes ${count} segments; the cluster allows ${maxSegments}`, 'segmentSize');
  const modified = (input as { lastModified?: number }).lastModified;
  let index = 0;
  return slo(segmentSize, `${modified ?? 0}/${size}`, size, {
    async next() {
      if (index >= count) return undefined;
      const i = index++;
      return { index: i, data: sliceOf(input, i * segmentSize, Math.min(size, (i + 1) * segmentSize)) };
    },
    cancel: async () => undefined,
  });
}
