import { ResponseError, ValidationError } from '../../base/errors.js';
import { lazy } from '../../base/lazy.js';
import type { OpenStackResponse } from '../../base/types.js';
import type { Checksum, Download, HashAlgorithm } from '../../transfer/download.js';
import type { Image } from './schemas.js';

// The checksum code loads with the first verified download, not with the image service.
const checksums = lazy('checksums', () => import('../../transfer/verify.js'));

/** Image data to upload: a Blob or File, a stream of bytes, or bytes in memory. */
export type ImageDataSource = Blob | ReadableStream<Uint8Array> | ArrayBuffer | ArrayBufferView;

/** Options of an image data upload: its size, and the store to write to. */
export interface ImageUploadOptions {
  /** Size in bytes, sent as `X-OpenStack-Image-Size` (taken from a Blob or buffer when not given). */
  size?: number;
  /** Store to write to on a multi-store cloud (`X-Image-Meta-Store`). */
  store?: string;
}

/** Headers of `PUT /file` and `PUT /stage`: the size lets Glance refuse what exceeds a quota up front. */
export function uploadHeaders(data: ImageDataSource, opts: ImageUploadOptions): Record<string, string> {
  if (data === null || typeof data !== 'object') throw new ValidationError('must be a Blob, a ReadableStream or bytes', 'data');
  const size = opts.size ?? sizeOf(data);
  if (size !== undefined && !(Number.isInteger(size) && size >= 0)) throw new ValidationError('must be a whole number of bytes', 'size');
  const h: Record<string, string> = { 'content-type': 'application/octet-stream' };
  if (size !== undefined) h['x-openstack-image-size'] = String(size);
  if (opts.store) h['x-image-meta-store'] = opts.store;
  return h;
}

function sizeOf(data: ImageDataSource): number | undefined {
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.size;
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  return undefined;
}

/** A download of an image's data: `info` is the image record. Glance never answers 304, so `stream` is always set. */
export interface ImageDownload extends Download<Image> {
  stream: ReadableStream<Uint8Array>;
}

/** @deprecated Use `Checksum`; this name goes in the next release. */
export type ExpectedHash = Checksum;

/**
 * The digest to check: `os_hash_value` in its `os_hash_algo` first (multihash, sha512 by default),
 * else the MD5 `checksum`, else the `Content-MD5` header of the download. `canVerify` says which
 * algorithms the checksum code computes (it is loaded on demand).
 */
export function expectedHash(image: Image, headers: Headers, canVerify: (algorithm: string) => algorithm is HashAlgorithm): Checksum | undefined {
  const algorithm = image.os_hash_algo?.toLowerCase();
  if (image.os_hash_value && algorithm && canVerify(algorithm)) return { algorithm, value: image.os_hash_value };
  if (image.checksum) return { algorithm: 'md5', value: image.checksum };
  const md5 = headers.get('content-md5');
  if (md5 && /^[0-9a-f]{32}$/i.test(md5)) return { algorithm: 'md5', value: md5 };
  return undefined;
}

/** Wraps the response of `GET /file` into an {@link ImageDownload}, verifying unless told not to. */
export async function toDownload(image: Image, res: OpenStackResponse<ReadableStream<Uint8Array> | undefined>, verify: boolean): Promise<ImageDownload> {
  const data = res.data;
  if (!data) throw new ResponseError(`image ${image.id} has no data to download (status ${image.status})`);
  const length = Number(res.headers.get('content-length') ?? image.size ?? NaN);
  let stream = data;
  let checksum: Checksum | undefined;
  if (verify) {
    const code = await checksums().catch(async (e: unknown) => {
      await data.cancel().catch(() => undefined);
      throw e;
    });
    checksum = expectedHash(image, res.headers, code.isHashAlgorithm);
    if (checksum) stream = code.verifyingStream(data, { checksum, hasher: code.createHasher(checksum.algorithm), what: `image ${image.id}` });
  }
  return {
    stream,
    size: Number.isFinite(length) ? length : undefined,
    checksum,
    contentType: res.headers.get('content-type') ?? undefined,
    status: res.status,
    info: image,
  };
}
