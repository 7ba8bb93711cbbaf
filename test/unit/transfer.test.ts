import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { ChecksumMismatchError } from '../../src/base/errors.js';
import { createHasher, createMd5, isHashAlgorithm, md5Of, type HashAlgorithm } from '../../src/transfer/hash.js';
import { verifyingStream } from '../../src/transfer/verify.js';

const DATA = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 13) % 251);
const hex = (algo: string, data: Uint8Array) => createHash(algo).update(data).digest('hex');

/** DATA in chunks of 7,777 bytes. */
function chunked(data = DATA): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (let i = 0; i < data.length; i += 7777) c.enqueue(data.slice(i, i + 7777));
      c.close();
    },
  });
}

describe('hash', () => {
  test.each(['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'] as HashAlgorithm[])('%s, fed chunk by chunk, as node:crypto computes it', async (algo) => {
    const h = await createHasher(algo);
    for (let i = 0; i < DATA.length; i += 1000) h.update(DATA.subarray(i, i + 1000));
    expect(h.digest()).toBe(hex(algo, DATA));
    expect(isHashAlgorithm(algo)).toBe(true);
  });

  test('md5Of bytes and of a Blob read piece by piece; createMd5', async () => {
    expect(await md5Of(DATA)).toBe(hex('md5', DATA));
    expect(await md5Of(new Blob([DATA]))).toBe(hex('md5', DATA));
    const h = await createMd5();
    h.update(new TextEncoder().encode('x'));
    expect(h.digest()).toBe('9dd4e461268c8034f5c8564e155c67a6');
  });

  test('an aborted Blob hash stops', async () => {
    await expect(md5Of(new Blob([DATA]), AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('names it does not know', () => {
    for (const name of ['whirlpool', 'SHA256', 'toString', '', undefined]) expect(isHashAlgorithm(name)).toBe(false);
  });
});

describe('verifyingStream', () => {
  const read = (s: ReadableStream<Uint8Array>) => new Response(s).arrayBuffer().then((b) => Buffer.from(b));

  test('passes the bytes through when they match, whatever the case of the expected digest', async () => {
    const checksum = { algorithm: 'sha256' as const, value: hex('sha256', DATA).toUpperCase() };
    const out = await read(verifyingStream(chunked(), { checksum, hasher: createHasher('sha256'), what: 'test data' }));
    expect(out.equals(DATA)).toBe(true); // not toEqual: it compares 200,000 bytes one by one, slowly
  });

  test('errors the stream at its end with ChecksumMismatchError naming the data and both digests', async () => {
    const bad = DATA.slice();
    bad[100_000] ^= 1;
    const checksum = { algorithm: 'md5' as const, value: hex('md5', DATA) };
    const stream = verifyingStream(chunked(bad), { checksum, hasher: createMd5(), what: 'object c/o' });
    const error = await read(stream).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumMismatchError);
    expect((error as Error).message).toBe(`object c/o: md5 of the data received is ${hex('md5', bad)}, expected ${hex('md5', DATA)}`);
  });

  test('a hasher that cannot be made errors the stream', async () => {
    const checksum = { algorithm: 'md5' as const, value: hex('md5', DATA) };
    const stream = verifyingStream(chunked(), { checksum, hasher: Promise.reject(new Error('no code')), what: 'x' });
    await expect(read(stream)).rejects.toThrow('no code');
  });
});
