import type { CallOptions } from '../../base/types.js';
import { createMd5 } from '../../transfer/hash.js';
import { verifyingStream } from '../../transfer/verify.js';
import type { ObjectStoreClient } from './client.js';
import { unquote } from './headers.js';
import { objectPath } from './names.js';
import { toObject, type SwiftObjectInfo } from './resources.js';

export interface DownloadOptions extends CallOptions {
  /** Part of the object: `{ start, end }` (inclusive byte offsets; `end` omitted reads to the end) or a raw `bytes=` value. */
  range?: { start: number; end?: number } | string;
  /** An ETag the caller already has: a match answers 304 with no body. */
  ifNoneMatch?: string;
  /** Fails with PreconditionFailedError unless the object's ETag matches. */
  ifMatch?: string;
  ifModifiedSince?: Date;
  ifUnmodifiedSince?: Date;
  /** Check the content against the object's MD5 while it is read (default true; ordinary whole objects only). */
  verify?: boolean;
}

/** A download: the content as a stream, and what the response headers say about the object. */
export interface SwiftDownload {
  /** The content; null when the server answered 304 Not Modified. */
  body: ReadableStream<Uint8Array> | null;
  /** 200, 206 for a range, 304 when `ifNoneMatch`/`ifModifiedSince` matched. */
  status: number;
  object: SwiftObjectInfo;
}

export async function downloadObject(store: ObjectStoreClient, container: string, name: string, opts: DownloadOptions = {}): Promise<SwiftDownload> {
  const { range, ifNoneMatch, ifMatch, ifModifiedSince, ifUnmodifiedSince, verify = true, ...call } = opts;
  const headers: Record<string, string> = {};
  if (range !== undefined) headers.range = typeof range === 'string' ? range : `bytes=${range.start}-${range.end ?? ''}`;
  if (ifNoneMatch) headers['if-none-match'] = ifNoneMatch;
  if (ifMatch) headers['if-match'] = ifMatch;
  if (ifModifiedSince) headers['if-modified-since'] = ifModifiedSince.toUTCString();
  if (ifUnmodifiedSince) headers['if-unmodified-since'] = ifUnmodifiedSince.toUTCString();
  const res = await store.request<ReadableStream<Uint8Array> | null>({
    ...call,
    path: objectPath(container, name),
    headers: { ...headers, ...call.headers },
    responseType: 'stream',
  });
  const object = toObject(container, name, res.headers);
  let body = res.data ?? null;
  const h = res.headers;
  const checkable =
    res.status === 200 && !object.static_large_object && !object.manifest && !h.get('content-encoding') && /^[0-9a-f]{32}$/.test(unquote(h.get('etag')));
  if (body && verify && checkable)
    body = verifyingStream(body, { checksum: { algorithm: 'md5', value: object.hash }, hasher: createMd5(), what: `object ${container}/${name}` });
  return { body, status: res.status, object };
}
