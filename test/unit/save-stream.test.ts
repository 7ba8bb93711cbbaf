import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { saveDownload } from '../../src/node/save-stream.js';

let dir = '';
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'ossdk-save-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** 300 chunks of 10,007 bytes (about 2.9 MiB, so several batched writes); at chunk `at` it fails or calls `atChunk`. */
function chunks(opts: { failAt?: number; at?: number; atChunk?: () => void } = {}) {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (i === opts.failAt) return c.error(new Error('connection lost'));
      if (i === opts.at) opts.atChunk?.();
      if (i === 300) return c.close();
      c.enqueue(new Uint8Array(10_007).fill(i++ % 251));
    },
  });
}
const expected = Buffer.concat(Array.from({ length: 300 }, (_, i) => Buffer.alloc(10_007, i % 251)));
const download = (stream: ReadableStream<Uint8Array>) => ({ stream, size: undefined, checksum: undefined, contentType: undefined, status: 200, info: {} });

describe('saving a download into a file', () => {
  test('every chunk lands in order, and the byte count is returned', async () => {
    const path = join(dir, 'sub/ok.bin');
    const saved = await saveDownload(download(chunks()), path);
    expect(saved.bytes).toBe(expected.length);
    expect((await readFile(path)).equals(expected)).toBe(true);
    expect(existsSync(`${path}.part`)).toBe(false);
  });

  test('a stream that fails halfway leaves neither the file nor its .part', async () => {
    const path = join(dir, 'failed.bin');
    await expect(saveDownload(download(chunks({ failAt: 200 })), path)).rejects.toThrow('connection lost');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.part`)).toBe(false);
  });

  test('an abort halfway rejects with the reason, and leaves nothing', async () => {
    const path = join(dir, 'aborted.bin');
    const ac = new AbortController();
    const stream = chunks({ at: 150, atChunk: () => ac.abort(new Error('stopped by the user')) });
    await expect(saveDownload(download(stream), path, ac.signal)).rejects.toThrow('stopped by the user');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.part`)).toBe(false);
  });
});
