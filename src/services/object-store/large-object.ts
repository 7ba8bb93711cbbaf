import { ChecksumMismatchError, HttpError, ValidationError } from '../../base/errors.js';
import type { CallOptions } from '../../base/types.js';
import { md5Of } from '../../transfer/hash.js';
import { bulkDelete } from './bulk.js';
import type { ObjectStoreClient } from './client.js';
import { metaHeaders, unquote } from './headers.js';
import { checkContainer, containerPath, objectPath } from './names.js';
import { runWorkers } from './pool.js';
import { putVerified } from './put.js';
import { isSwiftPseudoFolder } from './schemas.js';
import { sizeOf } from './source.js';
import type { SegmentSource, UploadProgress } from './upload-options.js';

export interface SloJob {
  container: string;
  name: string;
  /** Headers of the final object (content type, metadata, expiry...). */
  headers: Record<string, string>;
  segmentContainer: string;
  segmentSize: number;
  /** Identifies the input in segment names, so that `resume` finds the same names again. */
  stamp: string;
  concurrency: number;
  resume: boolean;
  keepSegments: boolean;
  total: number | undefined;
  signal: AbortSignal | undefined;
  onProgress: ((p: UploadProgress) => void) | undefined;
}

/**
 * Uploads a Static Large Object: segments go into `segmentContainer` by `concurrency` workers, each
 * checked against its MD5; the manifest is written once every segment is verified. On failure or
 * abort, the segments uploaded by this call are deleted unless `keepSegments`.
 */
export async function uploadStaticLargeObject(store: ObjectStoreClient, job: SloJob, segments: SegmentSource) {
  const { signal } = job;
  await store.request({ method: 'PUT', path: containerPath(job.segmentContainer), signal, responseType: 'none' });
  const prefix = `${job.name}/slo/${job.stamp}/${job.segmentSize}/`;
  const stored = new Map<string, { hash: string; bytes: number }>();
  if (job.resume)
    for await (const e of store.objects(job.segmentContainer, { prefix }, { signal })) if (!isSwiftPseudoFolder(e)) stored.set(e.name, e);

  const manifest: { path: string; etag: string; size_bytes: number }[] = [];
  // Set once the manifest PUT is sent: from then on a failure may mean only that its answer was lost.
  let expected: string | undefined;
  const written: string[] = [];
  let loaded = 0;
  // Bytes of the segments being sent (Node, Deno, Bun), as putVerified reports them.
  const sending = new Map<number, number>();
  const report = (segment?: UploadProgress['segment']) => {
    let sent = loaded;
    for (const n of sending.values()) sent += n;
    job.onProgress!({ loaded: sent, total: job.total, ...(segment && { segment }) });
  };
  try {
    await runWorkers(job.concurrency, signal, async (s) => {
      for (;;) {
        s.throwIfAborted();
        const seg = await segments.next();
        if (!seg) return;
        s.throwIfAborted();
        const segName = prefix + String(seg.index).padStart(8, '0');
        const bytes = sizeOf(seg.data);
        const have = stored.get(segName);
        // Only a segment that a resumed upload may skip is hashed before it is sent (a read of its
        // own); every other one is hashed on its way out, read once.
        const known = have && have.bytes === bytes ? md5Of(seg.data, s) : undefined;
        const skipped = !!known && have!.hash === (await known);
        if (!skipped) written.push(segName);
        const onSent = job.onProgress && ((n: number) => (sending.set(seg.index, n), report()));
        const etag = skipped
          ? await known!
          : await putVerified(store, objectPath(job.segmentContainer, segName), seg.data, { 'content-type': 'application/octet-stream' }, s, known, onSent);
        manifest[seg.index] = { path: `/${job.segmentContainer}/${segName}`, etag, size_bytes: bytes };
        sending.delete(seg.index);
        loaded += bytes;
        if (job.onProgress) report({ index: seg.index, bytes, skipped });
      }
    });
    expected = await md5Of(new TextEncoder().encode(manifest.map((m) => m.etag).join('')));
    const res = await store.request({
      method: 'PUT',
      path: objectPath(job.container, job.name),
      query: { 'multipart-manifest': 'put' },
      headers: job.headers,
      // Bytes, not a JSON value: the request's content type must stay the object's own.
      body: new TextEncoder().encode(JSON.stringify(manifest)),
      signal,
      responseType: 'none',
    });
    const etag = unquote(res.headers.get('etag'));
    if (etag && etag !== expected) throw new ChecksumMismatchError(`Swift built ${job.container}/${job.name} with ETag ${etag}, expected ${expected}`);
    return { hash: etag || expected, bytes: loaded, segments: manifest.length };
  } catch (e) {
    await segments.cancel(e);
    if (expected) {
      // The manifest may be stored although its answer was lost: then the upload is done, and its
      // segments are the object's data. Unless it is known to be absent, they are kept.
      const now = await store.headObject(job.container, job.name).catch((h: unknown) => (h instanceof HttpError && h.status === 404 ? null : undefined));
      if (now?.hash === expected) return { hash: expected, bytes: loaded, segments: manifest.length };
      if (now === undefined) throw e;
    }
    if (!job.keepSegments && written.length) await bulkDelete(store, job.segmentContainer, written).catch(() => undefined);
    throw e;
  }
}

export interface DynamicLargeObjectOptions extends CallOptions {
  container: string;
  name: string;
  /** Container holding the segments (default: `container`). */
  segmentContainer?: string;
  /** Segments are every object whose name starts with this, in name order. */
  prefix: string;
  contentType?: string;
  metadata?: Record<string, string>;
}

/** Writes a zero-byte DLO manifest (`X-Object-Manifest: <segmentContainer>/<prefix>`). */
export async function createDynamicLargeObject(store: ObjectStoreClient, o: DynamicLargeObjectOptions): Promise<void> {
  const segmentContainer = checkContainer(o.segmentContainer ?? o.container, 'segmentContainer');
  if (typeof o.prefix !== 'string') throw new ValidationError('a segment name prefix is required', 'prefix');
  const headers: Record<string, string> = {
    'x-object-manifest': `${encodeURIComponent(segmentContainer)}/${o.prefix.split('/').map(encodeURIComponent).join('/')}`,
    ...metaHeaders('object', o.metadata),
  };
  if (o.contentType) headers['content-type'] = o.contentType;
  await store.request({
    signal: o.signal,
    timeout: o.timeout,
    method: 'PUT',
    path: objectPath(o.container, o.name),
    headers: { ...headers, ...o.headers },
    body: new Uint8Array(0),
    responseType: 'none',
  });
}
