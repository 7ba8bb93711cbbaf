/** The shape every service's download resolves to. */
import type { HashAlgorithm } from './hash.js';

export type { HashAlgorithm } from './hash.js';

/** A digest that data is checked against. */
export interface Checksum {
  algorithm: HashAlgorithm;
  /** Lower-case hex digest. */
  value: string;
}

/**
 * A download, the same in every service: the content as a stream, what the response says about
 * it, and `info`, the service's own description of what was downloaded.
 */
export interface Download<Info> {
  /**
   * The content; null when the server answered 304 Not Modified. With `checksum` set, content
   * that does not match errors the stream at its end with ChecksumMismatchError.
   */
  stream: ReadableStream<Uint8Array> | null;
  /** Bytes the stream holds, when known (0 without a stream). */
  size: number | undefined;
  /** What the content is verified against while it is read; undefined when it is not verified. */
  checksum: Checksum | undefined;
  /** The response's `Content-Type`. */
  contentType: string | undefined;
  /** HTTP status: 200, 206 for a range, 304 when a conditional request matched. */
  status: number;
  /** What was downloaded: the object's headers (object store), the image record (image service). */
  info: Info;
}
