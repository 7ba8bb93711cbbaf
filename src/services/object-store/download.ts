import type { CallOptions } from '../../base/types.js';
import type { Checksum, Download } from '../../transfer/download.js';
import { createMd5 } from '../../transfer/hash.js';
import { verifyingStream } from '../../transfer/verify.js';
import type { ObjectStoreClient } from './client.js';
import { num, unquote } from './headers.js';
import { objectPath } from './names.js';
import { toObject, type ObjectStoreObjectInfo } from './resources.js';

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

/**
 * A download of an object: `info` is the object as the response headers describe it (its `bytes`
 * are the whole object's, also for a range). `status` is 200, 206 for a range, or 304 (no `stream`)
 * when `ifNoneMatch`/`ifModifiedSince` matched.
 */
export interface ObjectStoreDownload extends Download<ObjectStoreObjectInfo> {
  /** @deprecated The same as `stream`; `body` goes in the next release. */
  body: ReadableStream<Uint8Array> | null;
  /** @deprecated The same as `info`; `object` goes in the next release. */
  object: ObjectStoreObjectInfo;
}

export async function downloadObject(store: ObjectStoreClient, container: string, name: string, opts: DownloadOptions = {}): Promise<ObjectStoreDownload> {
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
  const info = toObject(container, name, res.headers);
  const h = res.headers;
  const body = res.data ?? null;
  // The ETag is the MD5 of what Swift stores: not of a large object's content, nor of what fetch
  // hands out once it has decoded a compressed object.
  const encoded = !!h.get('content-encoding');
  const checkable = res.status === 200 && !info.static_large_object && !info.manifest && !encoded && /^[0-9a-f]{32}$/.test(unquote(h.get('etag')));
  const checksum: Checksum | undefined = body && verify && checkable ? { algorithm: 'md5', value: info.hash } : undefined;
  const stream = body && checksum ? verifyingStream(body, { checksum, hasher: createMd5(), what: `object ${container}/${name}` }) : body;
  return {
    stream,
    // A decoded body holds other bytes than `Content-Length` counts.
    size: body ? (encoded ? undefined : num(h, 'content-length')) : 0,
    checksum,
    contentType: h.get('content-type') ?? undefined,
    status: res.status,
    info,
    body: stream,
    object: info,
  };
}
