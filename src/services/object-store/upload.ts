import { HttpError, ValidationError } from '../../base/errors.js';
import type { CallOptions } from '../../base/types.js';
import { checkNumber } from '../../base/validate.js';
import { metaHeaders, objectHeaders, type ObjectUpdate } from './headers.js';
import type { SegmentSource } from './large-object.js';
import { checkContainer, checkObject, objectPath } from './names.js';
import { largeObjects, oldSegments, streamUploads } from './on-demand.js';
import type { ObjectStoreProxy } from './proxy.js';
import { putVerified } from './put.js';
import { isStream, sizeOf, sliceOf, toPart, type Part, type UploadData } from './source.js';

/**
 * Progress of an upload. In Node, Deno and Bun a Blob or File advances as fetch reads it; in
 * browsers, and for bytes and strings, a segment (or the whole object) at a time. Bytes count as
 * loaded for good once Swift has confirmed them, so `loaded` reaches `total` only when the last of
 * them is stored.
 */
export interface UploadProgress {
  loaded: number;
  /** Undefined for a stream of unknown length. */
  total: number | undefined;
  /** Set when a segment has just been stored (large objects); `skipped` when `resume` found it already stored. */
  segment?: { index: number; bytes: number; skipped: boolean };
}

/** Options of {@link ObjectStoreProxy.uploadObject}: where, what, how large segments are, progress and abort. */
export interface UploadOptions extends Omit<CallOptions, 'microversion'>, Omit<ObjectUpdate, 'removeMetadata' | 'deleteAt'> {
  container: string;
  name: string;
  /** A Blob or File (never read whole), a ReadableStream, bytes or a string. */
  data: UploadData;
  /** Delete the object at this time (a Date or Unix seconds). */
  deleteAt?: Date | number;
  onProgress?: (progress: UploadProgress) => void;
  /** Segment size of a Static Large Object; giving it makes any larger input one. Default 32 MiB (or more, to stay within the cluster's segment count). */
  segmentSize?: number;
  /** Size above which a Static Large Object is made (default: `segmentSize` when given, else the cluster's `max_file_size`). */
  largeObjectThreshold?: number;
  /** Segments uploaded at once (default 4). Memory used is about `concurrency x segmentSize` for streams. */
  concurrency?: number;
  /** Where segments go (default `<container>_segments`). */
  segmentContainer?: string;
  /** Skip segments already stored with the same size and MD5 (after a failed or aborted upload kept with `keepSegmentsOnFailure`). */
  resume?: boolean;
  /** Keep the segments uploaded so far when the upload fails or is aborted (to resume later). */
  keepSegmentsOnFailure?: boolean;
  /**
   * Keep the segments of the large object this upload replaces. By default they are deleted once the
   * new object is stored, as `swift upload` does: a Static Large Object's segments (also those that
   * another manifest shares, such as a copy made with `manifest: true`), or every object under a
   * Dynamic Large Object's prefix. Also saves the HEAD that finds them.
   */
  leaveSegments?: boolean;
}

/** What an upload stored. */
export interface UploadResult {
  container: string;
  name: string;
  /** Swift's ETag, unquoted: the MD5 of the content, or of the segments' MD5s for a large object. */
  hash: string;
  bytes: number;
  /** Number of segments of a Static Large Object (0 for an ordinary object). */
  segments: number;
  /** Segments of the replaced large object that were deleted (see `leaveSegments`). */
  replacedSegments: number;
}

/** Uploads a Static Large Object from `segments` (the large-object code, loaded on demand). */
export type Slo = (segmentSize: number, stamp: string, total: number | undefined, segments: SegmentSource) => Promise<Stored>;

/** What one of the upload paths stored. */
export type Stored = Omit<UploadResult, 'replacedSegments'>;

const MiB = 1024 * 1024;
export const DEFAULT_SEGMENT = 32 * MiB;
const DEFAULT_MAX_FILE = 5 * 1024 * MiB;

export async function uploadObject(store: ObjectStoreProxy, o: UploadOptions): Promise<UploadResult> {
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
  const old = o.leaveSegments ? undefined : await segmentsToReplace(store, o, call);
  const stored = await write(store, o, path, headers, input, segmentContainer);
  const replacedSegments = old?.length ? await (await oldSegments()).deleteReplacedSegments(store, old, stored, call) : 0;
  return { ...stored, replacedSegments };
}

/**
 * Swift leaves the segments of a large object behind when the object is overwritten: they are
 * looked up before the upload so that they can be deleted after it. An object that cannot be read
 * (a write-only container) is uploaded all the same.
 */
async function segmentsToReplace(store: ObjectStoreProxy, o: UploadOptions, call: CallOptions) {
  // Absent (404), unreadable (403) or refused otherwise: nothing known to replace; the PUT reports real trouble.
  const current = await store.headObject(o.container, o.name, call).catch((e) => {
    if (!(e instanceof HttpError)) throw e;
  });
  if (!current || (!current.static_large_object && current.manifest === undefined)) return undefined;
  return (await oldSegments()).segmentsOf(store, o.container, o.name, current.manifest ?? null, call);
}

/** Stores the input as one object or as a Static Large Object. */
async function write(store: ObjectStoreProxy, o: UploadOptions, path: string, headers: Record<string, string>, input: Part | ReadableStream<Uint8Array>, segmentContainer: string): Promise<Stored> {
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

/** One PUT of a re-readable input, checked against its MD5. */
export async function putWhole(store: ObjectStoreProxy, o: UploadOptions, path: string, headers: Record<string, string>, part: Part): Promise<Stored> {
  const total = sizeOf(part);
  const progress = o.onProgress;
  progress?.({ loaded: 0, total });
  const hash = await putVerified(store, path, part, headers, o.signal, undefined, progress && ((loaded) => progress({ loaded, total })));
  progress?.({ loaded: total, total });
  return { container: o.container, name: o.name, hash, bytes: total, segments: 0 };
}
