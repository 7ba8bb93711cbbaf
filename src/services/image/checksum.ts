import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ChecksumMismatchError } from '../../session/errors.js';

// crypto.subtle only hashes a whole buffer at once; these hash chunk by chunk, so an image of any
// size is verified while it streams without being held in memory.
const HASHES = { md5, sha1, sha224, sha256, sha384, sha512 } as const;

/** A digest the data is expected to have. */
export interface ExpectedHash {
  /** Algorithm name as Glance writes it (`sha512`, `md5`...). */
  algorithm: string;
  /** Lower-case hex digest. */
  value: string;
}

/** True when the SDK can compute this algorithm incrementally. */
export function canVerify(algorithm: string | null | undefined): boolean {
  return !!algorithm && algorithm.toLowerCase() in HASHES;
}

/**
 * Passes bytes through unchanged while hashing them; at the end of the stream a digest that differs
 * from `expected` errors the stream with {@link ChecksumMismatchError}.
 */
export function verifyingStream(expected: ExpectedHash, what: string): TransformStream<Uint8Array, Uint8Array> {
  const hash = HASHES[expected.algorithm.toLowerCase() as keyof typeof HASHES].create();
  return new TransformStream({
    transform(chunk, controller) {
      hash.update(chunk);
      controller.enqueue(chunk);
    },
    flush(controller) {
      const got = bytesToHex(hash.digest());
      if (got !== expected.value.toLowerCase())
        controller.error(new ChecksumMismatchError(`${what}: ${expected.algorithm} of the data received is ${got}, expected ${expected.value}`));
    },
  });
}
