import { ChecksumMismatchError } from '../base/errors.js';
import type { Checksum } from './download.js';
import type { Hasher } from './hash.js';

export { createHasher, isHashAlgorithm } from './hash.js';

export interface VerifyOptions {
  /** The digest the bytes must have. */
  checksum: Checksum;
  /**
   * A fresh hasher for `checksum.algorithm`: `createHasher(algorithm)`, or `createMd5()` where only
   * MD5 is wanted, which keeps the other hashes out of the bundle.
   */
  hasher: Promise<Hasher>;
  /** The data, as the error names it: `object c/o`, `image <id>`. */
  what: string;
}

/**
 * The stream's bytes, passed on unchanged while they are hashed: when the stream ends and the
 * digest is not the checksum's, the stream errors with {@link ChecksumMismatchError} instead of
 * ending, so that a reader never takes corrupt data for complete.
 */
export function verifyingStream(stream: ReadableStream<Uint8Array>, { checksum, hasher, what }: VerifyOptions): ReadableStream<Uint8Array> {
  let hash: Hasher;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      // Chunks wait for start(): the hasher is ready before the first one arrives.
      async start() {
        hash = await hasher;
      },
      transform(chunk, controller) {
        hash.update(chunk);
        controller.enqueue(chunk);
      },
      flush(controller) {
        const got = hash.digest();
        const expected = checksum.value.toLowerCase();
        if (got !== expected)
          controller.error(new ChecksumMismatchError(`${what}: ${checksum.algorithm} of the data received is ${got}, expected ${expected}`));
      },
    }),
  );
}
