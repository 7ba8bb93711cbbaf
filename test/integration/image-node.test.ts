import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ChecksumMismatchError } from '../../src/index.js';
import { downloadImageToFile, uploadImageFile } from '../../src/node/index.js';
import { connectTo, uniqueName } from '../helpers/cloud.js';

const conn = connectTo('local-demo');
const made: string[] = [];
const SIZE = 6 * 1024 * 1024 + 123;
let dir = '';
let file = '';
let data: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ossdk-image-file-'));
  file = join(dir, 'disk.raw');
  data = randomBytes(SIZE);
  await writeFile(file, data);
});
afterAll(async () => {
  for (const id of made) await conn.image.deleteImage(id, { ignoreMissing: true });
  await rm(dir, { recursive: true, force: true });
});

async function newImage() {
  const img = await conn.image.createImage({
    name: uniqueName('img-file'),
    disk_format: 'raw',
    container_format: 'bare',
  });
  made.push(img.id);
  return img;
}

test('uploadImageFile sends a file as the image data, and downloadImageToFile writes it back verified', async () => {
  const img = await newImage();
  await uploadImageFile(conn, img, file);
  const active = await conn.image.getImage(img);
  expect(active).toMatchObject({
    status: 'active',
    size: SIZE,
    checksum: createHash('md5').update(data).digest('hex'),
  });

  const out = join(dir, 'out/disk.raw');
  const r = await downloadImageToFile(conn.image, img, out);
  expect(r.bytes).toBe(SIZE);
  expect(r).toMatchObject({ status: 200, size: SIZE, info: { id: img.id } });
  expect(r.checksum).toEqual({
    algorithm: active.os_hash_algo,
    value: active.os_hash_value,
  });
  expect((await readFile(out)).equals(data)).toBe(true);
  expect(existsSync(`${out}.part`)).toBe(false);
});

test('uploadImageFile with stage: true stages the file for a glance-direct import', async () => {
  const img = await newImage();
  await uploadImageFile(conn, img, file, { stage: true });
  expect((await conn.image.getImage(img)).status).toBe('uploading');
  await conn.image.importImage(img, { name: 'glance-direct' });
  const active = await conn.image.waitForImage(img, {
    interval: 300,
    timeout: 120_000,
  });
  expect(active.size).toBe(SIZE);
});

test('a missing file or a directory fails before any request, saying which, and the image stays queued', async () => {
  const img = await newImage();
  const missing = join(dir, 'missing.raw');
  await expect(uploadImageFile(conn, img, missing)).rejects.toMatchObject({
    code: 'ENOENT',
    message: expect.stringContaining(missing),
  });
  await expect(uploadImageFile(conn, img, dir)).rejects.toMatchObject({
    name: 'ValidationError',
    field: 'path',
    message: `path: ${dir} is not a file`,
  });
  expect((await conn.image.getImage(img)).status).toBe('queued');
});

test('a download corrupted on the way rejects with ChecksumMismatchError and leaves no file', async () => {
  const img = await newImage();
  await uploadImageFile(conn, img, file);
  // The cloud's bytes, with one flipped on the way (a fault a real Glance does not produce on demand).
  const corrupting = connectTo('local-demo', {
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      if (!/\/file$/.test(String(input)) || init?.method !== 'GET' || !res.body) return res;
      let flipped = false;
      const flip = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, c) {
          if (!flipped && chunk.byteLength) {
            chunk = chunk.slice();
            chunk[0] ^= 0xff;
            flipped = true;
          }
          c.enqueue(chunk);
        },
      });
      return new Response(res.body.pipeThrough(flip), {
        status: res.status,
        headers: res.headers,
      });
    },
  });
  const out = join(dir, 'corrupt/disk.raw');
  await expect(downloadImageToFile(corrupting, img, out)).rejects.toBeInstanceOf(ChecksumMismatchError);
  expect(await readdir(join(dir, 'corrupt'))).toEqual([]);
});
