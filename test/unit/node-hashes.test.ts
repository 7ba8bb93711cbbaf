import { createHash } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { nodeHasher, useNodeHashes } from '../../src/node/hashes.js';
import { createHasher, createMd5, md5Of, useNativeHashes, type HashAlgorithm } from '../../src/transfer/hash.js';

const ALGORITHMS: HashAlgorithm[] = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];
// Pieces of several sizes, an empty one among them: digests must not depend on how data is cut.
const pieces = [new Uint8Array(0), new Uint8Array(1).fill(1), new Uint8Array(1 << 20).map((_, i) => i * 13), new Uint8Array(4097).fill(200)];

async function digest(make: () => Promise<{ update(d: Uint8Array): unknown; digest(): string }>) {
  const h = await make();
  for (const p of pieces) h.update(p);
  return h.digest();
}

afterEach(() => useNativeHashes(undefined));

describe('hashes computed by node:crypto', () => {
  test('give the same hex digests as the WebAssembly ones, for every algorithm', async () => {
    for (const a of ALGORITHMS) {
      const wasm = await digest(() => createHasher(a));
      expect(await digest(async () => nodeHasher(a))).toBe(wasm);
      expect(wasm).toBe(createHash(a).update(Buffer.concat(pieces)).digest('hex'));
    }
  });

  test('once switched on, the SDK hashes (uploads, downloads, ETag checks) with them', async () => {
    // hash-wasm's hashers have init(), blockSize and more; node:crypto's wrappers only the two methods.
    expect('init' in (await createMd5())).toBe(true);
    useNodeHashes();
    expect(Object.keys(await createMd5()).sort()).toEqual(['digest', 'update']);
    expect(Object.keys(await createHasher('sha256')).sort()).toEqual(['digest', 'update']);
    expect(await md5Of(new Blob(pieces))).toBe(createHash('md5').update(Buffer.concat(pieces)).digest('hex'));
    useNativeHashes(undefined);
    expect('init' in (await createMd5())).toBe(true);
  });
});
