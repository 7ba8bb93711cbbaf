import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fileRange } from '../../src/node/file-blob.js';

// The Blob-like file view that file uploads use, read here with Node and compared with a real Blob.
const SIZE = 2 * 1024 * 1024 + 700 * 1024 + 13;
const data = new Uint8Array(SIZE).map((_, i) => (i * 31 + (i >> 10)) & 0xff);
let dir = '';
let path = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ossdk-file-blob-'));
  path = join(dir, 'data.bin');
  await writeFile(path, data);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const read = async (b: Blob) => Buffer.from(await new Response(b.stream()).arrayBuffer());

describe('a file read as a Blob', () => {
  test('streams its bytes in pieces, and slices like a Blob, negative and out-of-range bounds included', async () => {
    const file = fileRange(path, 0, SIZE);
    const real = new Blob([data]);
    expect(file.size).toBe(SIZE);
    const chunks: number[] = [];
    for await (const c of file.stream() as unknown as AsyncIterable<Uint8Array>) chunks.push(c.byteLength);
    expect(Math.max(...chunks)).toBeLessThan(SIZE);
    expect((await read(file)).equals(data)).toBe(true);
    for (const [from, to] of [[0, 1], [100, 300_000], [-5000, undefined], [262_144, -1], [SIZE - 3, SIZE + 100], [500, 100], [-SIZE * 2, 10]] as const) {
      const got = file.slice(from, to);
      const want = real.slice(from, to);
      expect(got.size).toBe(want.size);
      expect((await read(got)).equals(Buffer.from(await want.arrayBuffer()))).toBe(true);
    }
    // A slice of a slice is relative to the slice.
    expect([...(await read(file.slice(1000, 5000).slice(10, 20)))]).toEqual([...data.subarray(1010, 1020)]);
  });

  test('a file that shrank while it is read fails the stream instead of sending fewer bytes', async () => {
    const p = join(dir, 'shrinks.bin');
    await writeFile(p, data);
    const file = fileRange(p, 0, SIZE);
    await truncate(p, 1000);
    await expect(read(file)).rejects.toThrow(/changed while it was read/);
  });
});
