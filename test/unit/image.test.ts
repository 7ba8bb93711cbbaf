import { createHash } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { Connection } from '../../src/core.js';
import { ChecksumMismatchError, ResponseError, ValidationError } from '../../src/base/errors.js';
import { image, type Checksum, type ExpectedHash, type ImageDownload } from '../../src/services/image/index.js';
import type { Download, Image } from '../../src/index.js';
import { patchOps } from '../../src/services/image/patch.js';
import { fakeAuth, fakeServer, json, keystoneRoute, type FakeServer, type Handler } from '../helpers/fake-server.js';

let srv: FakeServer;
afterEach(() => srv?.close());

async function glance(routes: [RegExp, Handler][]) {
  srv = await fakeServer([keystoneRoute(() => srv.url, { image: '/image/v2' }), ...routes]);
  return new Connection({ auth: fakeAuth(srv.url), services: [image], retry: { retries: 0 } });
}
const glanceRequests = () => srv.requests.filter((r) => r.url.startsWith('/image/'));
const IMG = { id: 'i1', name: 'cirros', status: 'active' };
const DATA = new TextEncoder().encode('image bytes '.repeat(5000));
const hex = (algo: string, data: Uint8Array) => createHash(algo).update(data).digest('hex');

/** Glance serving DATA for image i1 with the given record, optionally flipping one byte. */
function serving(record: object, corrupt = false): [RegExp, Handler][] {
  return [
    [/^GET \/image\/v2\/images\/i1$/, (_q, res) => json(res, 200, { ...IMG, ...record })],
    [/^GET \/image\/v2\/images\/i1\/file$/, (_q, res) => {
      const body = Uint8Array.from(DATA);
      if (corrupt) body[1234] ^= 0xff;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(body.length) });
      // in several writes, so the hash really is incremental
      for (let i = 0; i < body.length; i += 8192) res.write(body.subarray(i, i + 8192));
      res.end();
    }],
  ];
}
const read = (s: ReadableStream<Uint8Array>) => new Response(s).arrayBuffer().then((b) => new Uint8Array(b));

describe('downloadImage', () => {
  test('verifies os_hash_value (sha512) while streaming', async () => {
    const conn = await glance(serving({ os_hash_algo: 'sha512', os_hash_value: hex('sha512', DATA), checksum: hex('md5', DATA) }));
    const d = await conn.image.downloadImage('i1');
    expect(d.checksum).toEqual({ algorithm: 'sha512', value: hex('sha512', DATA) });
    expect(d.size).toBe(DATA.length);
    // Buffer#equals, not toEqual, which compares 60,000 bytes one by one (seconds on a busy machine)
    expect(Buffer.from(await read(d.stream)).equals(DATA)).toBe(true);
    expect(glanceRequests().at(-1)!.headers.accept).toBe('application/octet-stream');
  });
  test('resolves to the shared Download shape, the image as info', async () => {
    const conn = await glance(serving({ os_hash_algo: 'sha256', os_hash_value: hex('sha256', DATA) }));
    const d: Download<Image> = await conn.image.downloadImage('i1');
    expect(d).toMatchObject({ status: 200, contentType: 'application/octet-stream', size: DATA.length, checksum: { algorithm: 'sha256', value: hex('sha256', DATA) } });
    expect(d.info).toMatchObject({ id: 'i1', name: 'cirros', os_hash_algo: 'sha256' });
    expect(hex('sha256', await read(d.stream!))).toBe(hex('sha256', DATA));
    // The deprecated name of the checksum's type is the same type.
    const old: ExpectedHash | undefined = (d as ImageDownload).checksum;
    const same: Checksum | undefined = old;
    expect(same).toBe(d.checksum);
  });
  test('a flipped byte errors the stream with ChecksumMismatchError', async () => {
    const conn = await glance(serving({ os_hash_algo: 'sha512', os_hash_value: hex('sha512', DATA) }, true));
    const d = await conn.image.downloadImage('i1');
    await expect(read(d.stream)).rejects.toBeInstanceOf(ChecksumMismatchError);
  });
  test('falls back to the MD5 checksum for an algorithm it cannot compute', async () => {
    const conn = await glance(serving({ os_hash_algo: 'whirlpool', os_hash_value: 'abc', checksum: hex('md5', DATA) }, true));
    const d = await conn.image.downloadImage('i1');
    expect(d.checksum?.algorithm).toBe('md5');
    await expect(read(d.stream)).rejects.toThrow(/md5 of the data received is [0-9a-f]{32}, expected/);
  });
  test('verify: false passes the bytes as they come', async () => {
    const conn = await glance(serving({ os_hash_algo: 'sha512', os_hash_value: 'wrong' }, true));
    const d = await conn.image.downloadImage('i1', { verify: false });
    expect(d.checksum).toBeUndefined();
    expect((await read(d.stream)).length).toBe(DATA.length);
  });
  test('an image without data is an error, not an empty stream', async () => {
    const conn = await glance([
      [/^GET \/image\/v2\/images\/i1$/, (_q, res) => json(res, 200, { ...IMG, status: 'queued' })],
      [/^GET \/image\/v2\/images\/i1\/file$/, (_q, res) => void res.writeHead(204).end()],
    ]);
    await expect(conn.image.downloadImage('i1')).rejects.toBeInstanceOf(ResponseError);
  });
});

describe('uploadImage and stageImage', () => {
  test('a Blob is sent with its size; a stream without unless given', async () => {
    const conn = await glance([[/^PUT \/image\/v2\/images\/i1\/(file|stage)$/, (_q, res) => void res.writeHead(204).end()]]);
    await conn.image.uploadImage('i1', new Blob([DATA]));
    await conn.image.stageImage({ id: 'i1' }, new Blob([DATA]).stream());
    await conn.image.uploadImage('i1', new Blob([DATA]).stream(), { size: DATA.length, store: 'fast' });
    const [a, b, c] = glanceRequests();
    expect(a.headers).toMatchObject({ 'content-type': 'application/octet-stream', 'x-openstack-image-size': String(DATA.length) });
    expect(a.body.length).toBe(DATA.length);
    expect(b.url).toBe('/image/v2/images/i1/stage');
    expect(b.headers['x-openstack-image-size']).toBeUndefined();
    expect(b.body.length).toBe(DATA.length);
    expect(c.headers).toMatchObject({ 'x-openstack-image-size': String(DATA.length), 'x-image-meta-store': 'fast' });
  });
  test('a size that is not a whole number is refused before sending', async () => {
    const conn = await glance([]);
    await expect(conn.image.uploadImage('i1', new Blob(['x']), { size: 1.5 })).rejects.toBeInstanceOf(ValidationError);
    expect(glanceRequests()).toHaveLength(0);
  });
});

describe('updateImage', () => {
  test('plain changes become JSON patch operations sent with the v2.1 patch content type', async () => {
    const conn = await glance([[/^PATCH \/image\/v2\/images\/i1$/, (_q, res) => json(res, 200, { ...IMG, name: 'new' })]]);
    const img = await conn.image.updateImage('i1', { name: 'new', os_distro: null, skipped: undefined, 'a/b~c': 'x' });
    expect(img.name).toBe('new');
    const req = glanceRequests()[0];
    expect(req.headers['content-type']).toBe('application/openstack-images-v2.1-json-patch');
    expect(JSON.parse(req.body)).toEqual([
      { op: 'add', path: '/name', value: 'new' },
      { op: 'remove', path: '/os_distro' },
      { op: 'add', path: '/a~1b~0c', value: 'x' },
    ]);
  });
  test('raw operations are sent as given, and checked first', async () => {
    const conn = await glance([[/^PATCH \/image\/v2\/images\/i1$/, (_q, res) => json(res, 200, IMG)]]);
    await conn.image.updateImage('i1', [{ op: 'replace', path: '/tags', value: ['a'] }]);
    expect(JSON.parse(glanceRequests()[0].body)).toEqual([{ op: 'replace', path: '/tags', value: ['a'] }]);
    await expect(conn.image.updateImage('i1', [{ op: 'move', path: '/x' } as never])).rejects.toBeInstanceOf(ValidationError);
    expect(glanceRequests()).toHaveLength(1);
  });
  test('patchOps skips undefined', () => {
    expect(patchOps({ a: undefined })).toEqual([]);
  });
});

describe('import', () => {
  test('web-download needs a URL; the body names the method and stores', async () => {
    const conn = await glance([[/^POST \/image\/v2\/images\/i1\/import$/, (_q, res) => void res.writeHead(202).end()]]);
    await expect(conn.image.importImage('i1', { name: 'web-download', uri: 'file:///etc/passwd' })).rejects.toBeInstanceOf(ValidationError);
    await conn.image.importImage('i1', { name: 'web-download', uri: 'https://example.com/x.img' }, { stores: ['a'], allStoresMustSucceed: false });
    expect(JSON.parse(glanceRequests()[0].body)).toEqual({
      method: { name: 'web-download', uri: 'https://example.com/x.img' },
      stores: ['a'],
      all_stores_must_succeed: false,
    });
  });
});
