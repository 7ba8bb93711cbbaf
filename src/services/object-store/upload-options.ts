/** What an upload takes and gives, shared by the upload paths (whole, stream, large object): types only. */
import type { CallOptions } from '../../base/types.js';
import type { ObjectUpdate } from './headers.js';
import type { Part, UploadData } from './source.js';

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

/** Options of object store upload. */
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

/** Segments handed out one at a time to the upload workers. */
export interface SegmentSource {
  next(): Promise<{ index: number; data: Part } | undefined>;
  /** Stops reading the input (after a failure). */
  cancel(reason?: unknown): Promise<void>;
}
