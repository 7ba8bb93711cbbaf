import { createHash } from 'node:crypto';
import { useNativeHashes, type Hasher } from '../transfer/hash.js';

/** node:crypto's hashes (OpenSSL), as the SDK's hashers: each one hashes bytes exactly as the WebAssembly ones do. */
export function nodeHasher(algorithm: string): Hasher {
  const h = createHash(algorithm);
  return { update: (data: Uint8Array) => h.update(data), digest: () => h.digest('hex') };
}

/**
 * Makes every upload and download of this process hash with node:crypto (Node, Deno and Bun have
 * it). The Node helpers call it; an app that uploads through the Connection alone can call it once.
 */
export function useNodeHashes(): void {
  useNativeHashes(nodeHasher);
}
