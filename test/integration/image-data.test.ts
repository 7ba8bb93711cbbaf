import { createHash } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, test } from 'vitest';
import { ChecksumMismatchError } from '../../src/index.js';
import { connectTo, uniqueName } from '../helpers/cloud.js';

const conn = connectTo('local-demo');
const made: string[] = [];
afterAll(async () => {
  for (const id of made) await conn.image.deleteImage(id, { ignoreMissing: true });
});

/** Deterministic pseudo-random bytes (xorshift32), so the data does not compress or repeat. */
function bytes(size: number, seed = 2463534242): Uint8Array {
  const words = new Uint32Array(Math.ceil(size / 4));
  let x = seed;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return new Uint8Array(words.buffer, 0, size);
}

/** SHA-256 of a stream, read chunk by chunk as a user would. */
async function sha256Of(stream: ReadableStream<Uint8Array>): Promise<{ hex: string; length: number }> {
  const h = createHash('sha256');
  let length = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    h.update(chunk);
    length += chunk.length;
  }
  return { hex: h.digest('hex'), length };
}

async function uploaded(data: Uint8Array) {
  const img = await conn.image.createImage({ name: uniqueName('data'), disk_format: 'raw', container_format: 'bare' });
  made.push(img.id);
  await conn.image.uploadImage(img, new Blob([data as Uint8Array<ArrayBuffer>]));
  return img;
}

describe('image data', () => {
  test('a 200 MB Blob goes up and comes back equal by SHA-256, verified by the SDK while streaming', async () => {
    const data = bytes(200 * 1024 * 1024);
    const expected = createHash('sha256').update(data).digest('hex');
    const img = await uploaded(data);
    const active = await conn.image.getImage(img);
    expect(active).toMatchObject({ status: 'active', size: data.length, os_hash_algo: 'sha512' });

    const download = await conn.image.downloadImage(img);
    expect(download.checksum).toEqual({ algorithm: 'sha512', value: active.os_hash_value });
    expect(download.size).toBe(data.length);
    expect(download).toMatchObject({ status: 200, info: { id: img.id, os_hash_value: active.os_hash_value } });
    const got = await sha256Of(download.stream);
    expect(got).toEqual({ hex: expected, length: data.length });
  });

  test('a download corrupted on the way is raised as ChecksumMismatchError', async () => {
    const img = await uploaded(bytes(3 * 1024 * 1024, 99));
    const proxy = await corruptingProxy('http://127.0.0.1:9292');
    try {
      const viaProxy = connectTo('local-demo', { endpointOverrides: { image: proxy.url } });
      const download = await viaProxy.image.downloadImage(img);
      await expect(sha256Of(download.stream)).rejects.toBeInstanceOf(ChecksumMismatchError);
      expect(proxy.flipped()).toBe(1);
      // the same bytes without the check come through, one byte different
      const unchecked = await viaProxy.image.downloadImage(img, { verify: false });
      expect((await sha256Of(unchecked.stream)).length).toBe(3 * 1024 * 1024);
    } finally {
      await proxy.close();
    }
  });
});

/** A local proxy to Glance that flips one byte in the body of every image download. */
async function corruptingProxy(target: string) {
  const t = new URL(target);
  let flips = 0;
  const server: Server = createServer((req, res) => {
    const upstream = request(
      { host: t.hostname, port: t.port, method: req.method, path: req.url, headers: { ...req.headers, host: t.host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        let first = req.method === 'GET' && /\/images\/[^/]+\/file$/.test(req.url ?? '');
        up.on('data', (chunk: Uint8Array) => {
          if (first && chunk.length > 10) {
            chunk[10] ^= 0x01;
            first = false;
            flips++;
          }
          res.write(chunk);
        });
        up.on('end', () => res.end());
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    flipped: () => flips,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
