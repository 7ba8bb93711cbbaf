import type { IHasher } from 'hash-wasm';
import { ChecksumMismatchError } from '../../base/errors.js';
import { lazy } from '../../base/lazy.js';

// crypto.subtle only hashes a whole buffer at once; hash-wasm (the library the object store uses
// for MD5 too) hashes chunk by chunk, so an image of any size is verified while it streams.
type Hashers = typeof import('./hashers.js');
const FACTORIES = {
  md5: (m: Hashers) => m.createMD5(),
  sha1: (m: Hashers) => m.createSHA1(),
  sha224: (m: Hashers) => m.createSHA224(),
  sha256: (m: Hashers) => m.createSHA256(),
  sha384: (m: Hashers) => m.createSHA384(),
  sha512: (m: Hashers) => m.createSHA512(),
} as const;
const hashers = lazy('checksums', () => import('./hashers.js'));

/** A digest the data is expected to have. */
export interface ExpectedHash {
  /** Algorithm name as Glance writes it (`sha512`, `md5`...). */
  algorithm: string;
  /** Lower-case hex digest. */
  value: string;
}

/** True when the SDK can compute this algorithm incrementally. */
export function canVerify(algorithm: string | null | undefined): boolean {
  return !!algorithm && algorithm.toLowerCase() in FACTORIES;
}

/**
 * Passes bytes through unchanged while hashing them; at the end of the stream a digest that differs
 * from `expected` errors the stream with {@link ChecksumMismatchError}.
 */
export function verifyingStream(expected: ExpectedHash, what: string): TransformStream<Uint8Array, Uint8Array> {
  const create = FACTORIES[expected.algorithm.toLowerCase() as keyof typeof FACTORIES];
  let hash: IHasher;
  return new TransformStream({
    // chunks wait for start(): the hasher is ready before the first one arrives
    async start() {
      hash = await create(await hashers());
      hash.init();
    },
    transform(chunk, controller) {
      hash.update(chunk);
      controller.enqueue(chunk);
    },
    flush(controller) {
      const got = hash.digest('hex');
      if (got !== expected.value.toLowerCase())
        controller.error(new ChecksumMismatchError(`${what}: ${expected.algorithm} of the data received is ${got}, expected ${expected.value}`));
    },
  });
}
