/**
 * A 1 GiB+ file uploaded from `fs.openAsBlob` as a Static Large Object (concurrency 4), downloaded
 * to disk, and compared by SHA-256; the worker's peak RSS shows the file was never held in memory.
 * About a minute on the local cloud; kept in its own file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { downloadObjectToFile, uploadFile } from '../../src/node/object-store.js';
import { connectTo, uniqueName } from '../helpers/cloud.js';

const MiB = 1024 * 1024;
const SIZE = 1024 * MiB + 12_345;
const conn = connectTo('local-demo');
const C = uniqueName('os-1gib');
let dir = '';

afterAll(async () => {
  await conn.objectStore.deleteContainer(C, { recursive: true, ignoreMissing: true });
  await conn.objectStore.deleteContainer(`${C}_segments`, { recursive: true, ignoreMissing: true });
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Writes SIZE pseudo-random bytes (each MiB different) and returns their SHA-256. */
async function makeFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  const block = new Uint8Array(MiB).map((_, i) => (i * 2654435761) >>> 24);
  const f = await open(path, 'w');
  for (let written = 0, n = 0; written < SIZE; n++) {
    new DataView(block.buffer).setUint32(0, n);
    const part = block.subarray(0, Math.min(MiB, SIZE - written));
    await f.write(part);
    hash.update(part);
    written += part.length;
  }
  await f.close();
  return hash.digest('hex');
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * MiB })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

test('1 GiB+ file: SLO upload with concurrency 4, download, equal by SHA-256, RSS well under the input size', async () => {
  dir = await mkdtemp(join(tmpdir(), 'ossdk-1gib-'));
  const src = join(dir, 'input.bin');
  const expected = await makeFile(src);
  await conn.objectStore.createContainer({ name: C });
  const rssBefore = process.resourceUsage().maxRSS * 1024;

  let t = performance.now();
  const up = await uploadFile(conn, C, src, { name: 'big/1gib.bin', segmentSize: 64 * MiB, concurrency: 4 });
  const upSeconds = (performance.now() - t) / 1000;
  expect(up).toMatchObject({ bytes: SIZE, segments: 17 });

  t = performance.now();
  const out = join(dir, 'output.bin');
  const down = await downloadObjectToFile(conn, C, 'big/1gib.bin', out);
  const downSeconds = (performance.now() - t) / 1000;
  expect(down.bytes).toBe(SIZE);
  expect(await sha256File(out)).toBe(expected);

  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `1 GiB SLO: upload ${(SIZE / MiB / upSeconds).toFixed(0)} MiB/s, download ${(SIZE / MiB / downSeconds).toFixed(0)} MiB/s, ` +
      `peak RSS ${(peak / MiB).toFixed(0)} MiB (before upload ${(rssBefore / MiB).toFixed(0)} MiB), input ${(SIZE / MiB).toFixed(0)} MiB`,
  );
  expect(peak).toBeLessThan(SIZE / 2);
  await conn.objectStore.deleteObject(C, 'big/1gib.bin');
  expect(await conn.objectStore.objects(`${C}_segments`).toArray()).toEqual([]);
});
