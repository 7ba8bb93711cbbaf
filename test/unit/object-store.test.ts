import { createHash, createHmac } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { Connection } from '../../src/core.js';
import { ChecksumMismatchError, ValidationError } from '../../src/base/errors.js';
import {
  objectStore,
  ObjectStoreObject,
  SwiftObject,
  type ObjectStoreDownload,
  type ObjectStoreObjectInfo,
  type SwiftDownload,
  type SwiftObjectInfo,
} from '../../src/services/object-store/index.js';
import { fromHeaderValue, toHeaderValue } from '../../src/services/object-store/headers.js';
import { objectPath } from '../../src/services/object-store/names.js';
import { streamCutter } from '../../src/services/object-store/stream-upload.js';
import { fakeAuth, fakeServer, json, keystoneRoute, type FakeServer, type Handler } from '../helpers/fake-server.js';

let srv: FakeServer;
afterEach(() => srv?.close());

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const ACCOUNT = '/v1/AUTH_p1';

/** A tiny in-memory Swift: objects by path, bulk delete of `perRequest` names, segment ETags corrupted on demand. */
async function swift(opts: { perRequest?: number; corruptOnce?: RegExp; failPut?: RegExp; routes?: [RegExp, Handler][]; retries?: number } = {}) {
  const objects = new Map<string, string>();
  const corrupted = new Set<string>();
  srv = await fakeServer([
    keystoneRoute(() => srv.url, { 'object-store': ACCOUNT }),
    ...(opts.routes ?? []),
    [/^GET \/info$/, (_q, res) => json(res, 200, { swift: { max_file_size: 5e9 }, slo: { max_manifest_segments: 1000 }, bulk_delete: { max_deletes_per_request: opts.perRequest ?? 10000 } })],
    [/^POST \/v1\/AUTH_p1\/?\?bulk-delete/, (q, res) => {
      const names = q.body.split('\n').filter(Boolean).map(decodeURIComponent);
      let deleted = 0;
      let notFound = 0;
      const errors: [string, string][] = [];
      for (const n of names) {
        if (n.endsWith('/locked')) errors.push([n, '409 Conflict']);
        else if (objects.delete(ACCOUNT + n)) deleted++;
        else notFound++;
      }
      json(res, 200, { 'Number Deleted': deleted, 'Number Not Found': notFound, 'Response Status': errors.length ? '400 Bad Request' : '200 OK', 'Response Body': '', Errors: errors });
    }],
    [/^PUT \/v1\/AUTH_p1\/[^/?]+$/, (_q, res) => void res.writeHead(201).end()],
    [/^PUT \/v1\/AUTH_p1\/[^/]+\/.+\?multipart-manifest=put/, (q, res) => {
      const manifest = JSON.parse(q.body) as { path: string; etag: string }[];
      const path = decodeURI(q.url!.split('?')[0]!);
      objects.set(path, manifest.map((m) => objects.get(ACCOUNT + m.path)).join(''));
      res.writeHead(201, { etag: `"${md5(manifest.map((m) => m.etag).join(''))}"` }).end();
    }],
    [/^PUT \/v1\/AUTH_p1\/[^/]+\/.+/, (q, res) => {
      const path = decodeURIComponent(q.url!.split('?')[0]!);
      if (opts.failPut?.test(path)) return json(res, 500, { error: 'boom' });
      if (q.headers['if-none-match'] === '*' && objects.has(path)) return void res.writeHead(412).end();
      objects.set(path, q.body);
      const bad = opts.corruptOnce?.test(path) && !corrupted.has(path);
      if (bad) corrupted.add(path);
      res.writeHead(201, { etag: bad ? md5('garbage') : md5(q.body) }).end();
    }],
    [/^GET \/v1\/AUTH_p1\/[^/?]+\?/, (q, res) => {
      const u = new URL(q.url!, 'http://x');
      const c = decodeURIComponent(u.pathname);
      const prefix = `${c}/${u.searchParams.get('prefix') ?? ''}`;
      const marker = u.searchParams.get('marker');
      const names = [...objects.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(c.length + 1)).sort().filter((n) => !marker || n > marker);
      json(res, 200, names.map((name) => ({ name, hash: md5(objects.get(`${c}/${name}`)!), bytes: objects.get(`${c}/${name}`)!.length, content_type: 'x', last_modified: 'x' })));
    }],
  ]);
  const conn = new Connection({ auth: fakeAuth(srv.url), services: [objectStore], retry: { retries: opts.retries ?? 2, baseDelay: 1 } });
  const swiftRequests = () => srv.requests.filter((r) => r.url.startsWith(ACCOUNT));
  return { os: conn.objectStore, objects, swiftRequests };
}

describe('names', () => {
  test('object paths keep slashes, encode everything else, and encode whole names with dot segments', () => {
    expect(objectPath('c d', 'a b/ü?#%+.txt')).toBe('/c%20d/a%20b/%C3%BC%3F%23%25%2B.txt');
    expect(objectPath('c', 'x/../y')).toBe('/c/x%2F..%2Fy');
    expect(() => objectPath('c', '')).toThrow(ValidationError);
    expect(() => objectPath('a/b', 'o')).toThrow(ValidationError);
  });

  test('non-ASCII metadata travels as UTF-8 bytes and reads back', () => {
    const v = toHeaderValue('naïve ✓');
    expect([...v].every((ch) => ch.charCodeAt(0) < 256)).toBe(true);
    expect(fromHeaderValue(v)).toBe('naïve ✓');
    expect(fromHeaderValue('plain')).toBe('plain');
  });
});

describe('stream segments', () => {
  test('a stream is cut into exact segments across chunk boundaries', async () => {
    const data = Uint8Array.from({ length: 1000 }, (_, i) => i % 256);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < data.length; i += 77) c.enqueue(data.slice(i, i + 77));
        c.close();
      },
    });
    const cut = streamCutter(stream, 300);
    const parts = await Promise.all([cut.next(), cut.next(), cut.next(), cut.next(), cut.next()]);
    expect(parts.map((p) => p?.length)).toEqual([300, 300, 300, 100, undefined]);
    expect(Uint8Array.from(parts.flatMap((p) => [...(p ?? [])]))).toEqual(data);
  });
});

describe('signatures', () => {
  test('temp URL: HMAC over method, expiry and the unencoded path; prefix and IP range forms', async () => {
    const { os } = await swift();
    const expires = new Date(2_000_000_000_000);
    const url = new URL(await os.generateTempUrl({ method: 'GET', container: 'c', object: 'a b/ü.txt', expires, key: 'k', algorithm: 'sha256' }));
    expect(url.pathname).toBe(`${ACCOUNT}/c/a%20b/%C3%BC.txt`);
    const body = `GET\n2000000000\n${ACCOUNT}/c/a b/ü.txt`;
    expect(url.searchParams.get('temp_url_sig')).toBe(createHmac('sha256', 'k').update(body).digest('hex'));
    expect(url.searchParams.get('temp_url_expires')).toBe('2000000000');
    const pre = new URL(await os.generateTempUrl({ method: 'PUT', container: 'c', prefix: 'up/', expires, key: 'k', algorithm: 'sha512', ipRange: '10.0.0.0/8' }));
    const preBody = `ip=10.0.0.0/8\nPUT\n2000000000\nprefix:${ACCOUNT}/c/up/`;
    expect(pre.searchParams.get('temp_url_sig')).toBe(createHmac('sha512', 'k').update(preBody).digest('hex'));
    expect(pre.searchParams.get('temp_url_prefix')).toBe('up/');
    expect(pre.searchParams.get('temp_url_ip_range')).toBe('10.0.0.0/8');
  });

  test('form POST: HMAC over path, redirect, limits and expiry', async () => {
    const { os } = await swift();
    const sig = await os.generateFormPostSignature({ container: 'c', prefix: 'in/', maxFileSize: 100, maxFileCount: 2, expires: new Date(2_000_000_000_000), key: 'k', algorithm: 'sha1' });
    expect(sig.url).toBe(`${srv.url}${ACCOUNT}/c/in/`);
    const body = [`${ACCOUNT}/c/in/`, '', '100', '2', '2000000000'].join('\n');
    expect(sig.fields).toEqual({ redirect: '', max_file_size: '100', max_file_count: '2', expires: '2000000000', signature: createHmac('sha1', 'k').update(body).digest('hex') });
  });

  test('bad signing input is refused', async () => {
    const { os } = await swift();
    await expect(os.generateTempUrl({ method: 'PATCH' as never, container: 'c', object: 'o', expires: 10, key: 'k' })).rejects.toThrow(ValidationError);
    await expect(os.generateTempUrl({ method: 'GET', container: 'c', object: 'o', expires: 10, key: '' })).rejects.toThrow(ValidationError);
    await expect(os.generateTempUrl({ method: 'GET', container: 'c', object: 'o', expires: 10, key: 'k', algorithm: 'md5' as never })).rejects.toThrow(ValidationError);
    await expect(os.generateFormPostSignature({ container: 'c', maxFileSize: 0, maxFileCount: 1, expires: 10, key: 'k' })).rejects.toThrow(ValidationError);
  });

  test("a temp URL reaches only what the caller named: input cannot widen it", async () => {
    const { os } = await swift();
    const base = { method: 'GET' as const, container: 'c', expires: 10, key: 'k' };
    // '..' would be resolved by the client into another container's path.
    for (const object of ['../other/secret', 'a/../../other/x', './x', 'a/..', 'x\nPUT'])
      await expect(os.generateTempUrl({ ...base, object }), object).rejects.toThrow(/object: must not hold/);
    await expect(os.generateTempUrl({ ...base, prefix: 'up/../' })).rejects.toThrow(/prefix: must not hold/);
    // A line break in the IP range would put other lines into the signed text.
    await expect(os.generateTempUrl({ ...base, object: 'o', ipRange: '10.0.0.0/8\nPUT' })).rejects.toThrow(/ipRange/);
    await expect(os.generateTempUrl({ ...base, object: 'o', prefix: 'p/' })).rejects.toThrow(/must start with the prefix/);
    // Names with dots that are not whole segments are fine.
    expect(await os.generateTempUrl({ ...base, object: 'a..b/.hidden/x.txt', ipRange: '2001:db8::/32' })).toContain('/c/a..b/.hidden/x.txt');
  });
});

describe('containers', () => {
  const routes: [RegExp, Handler][] = [
    [/^HEAD \/v1\/AUTH_p1\/box$/, (_q, res) => void res.writeHead(204, { 'x-container-object-count': '0', 'x-container-meta-owner': 'qa', 'x-container-read': '.r:*' }).end()],
  ];
  const attrs = { metadata: { owner: 'qa' }, readAcl: '.r:*', versions: true, storagePolicy: 'gold', headers: { 'x-container-meta-quota-bytes': '10' } };
  const sent = { 'x-container-meta-owner': 'qa', 'x-container-read': '.r:*', 'x-versions-enabled': 'true', 'x-storage-policy': 'gold', 'x-container-meta-quota-bytes': '10', 'x-trace': 't' };

  test('createContainer takes one attributes object, the call options after it', async () => {
    const { os, swiftRequests } = await swift({ routes });
    const c = await os.createContainer({ name: 'box', ...attrs }, { headers: { 'x-trace': 't' } });
    expect(c).toMatchObject({ name: 'box', metadata: { owner: 'qa' }, read_acl: '.r:*' });
    const [put, head] = swiftRequests();
    expect(put).toMatchObject({ method: 'PUT', url: `${ACCOUNT}/box`, headers: sent });
    expect(head).toMatchObject({ method: 'HEAD', url: `${ACCOUNT}/box` });
    await expect(os.createContainer({ name: 'a/b' })).rejects.toMatchObject({ field: 'container' });
  });

  test('the deprecated createContainer(name, attrs, opts) sends the same request', async () => {
    const { os, swiftRequests } = await swift({ routes });
    const c = await os.createContainer('box', attrs, { headers: { 'x-trace': 't' } });
    expect(c).toMatchObject({ name: 'box', metadata: { owner: 'qa' }, read_acl: '.r:*' });
    expect(swiftRequests()[0]).toMatchObject({ method: 'PUT', url: `${ACCOUNT}/box`, headers: sent });
    await os.createContainer('box');
    expect(swiftRequests()[2]).toMatchObject({ method: 'PUT', url: `${ACCOUNT}/box` });
    await expect(os.createContainer('a/b')).rejects.toMatchObject({ field: 'container' });
  });
});

describe('type names', () => {
  test('the former Swift* names are the ObjectStore* ones', () => {
    expect(SwiftObject).toBe(ObjectStoreObject);
    // Compile-time: each old type is assignable both ways to its new name.
    const info = {} as ObjectStoreObjectInfo;
    const old: SwiftObjectInfo = info;
    const back: ObjectStoreObjectInfo = old;
    const download = {} as SwiftDownload;
    const same: ObjectStoreDownload = download;
    expect([back, same]).toHaveLength(2);
  });
});

describe('downloads', () => {
  const served = (body: string, headers: Record<string, string>, status = 200): [RegExp, Handler][] => [
    [/^GET \/v1\/AUTH_p1\/c\/o$/, (_q, res) => void res.writeHead(status, { 'content-length': String(body.length), ...headers }).end(body)],
  ];

  test('resolve to the shared Download shape: stream, size, checksum, contentType, status and the object as info', async () => {
    const { os } = await swift({ routes: served('content', { etag: md5('content'), 'content-type': 'text/plain', 'x-object-meta-a': 'b' }) });
    const d = await os.downloadObject('c', 'o');
    expect(d).toMatchObject({ size: 7, checksum: { algorithm: 'md5', value: md5('content') }, contentType: 'text/plain', status: 200 });
    expect(d.info).toMatchObject({ container: 'c', name: 'o', hash: md5('content'), bytes: 7, metadata: { a: 'b' } });
    expect(await new Response(d.stream).text()).toBe('content');
    const unchecked = await os.downloadObject('c', 'o', { verify: false });
    expect(unchecked.checksum).toBeUndefined();
  });

  test('the deprecated body and object are the stream and the info', async () => {
    const { os } = await swift({ routes: served('content', { etag: md5('content') }) });
    const d = await os.downloadObject('c', 'o');
    expect(d.body).toBe(d.stream);
    expect(d.object).toBe(d.info);
    expect(await new Response(d.body).text()).toBe('content');
  });

  test('a range is not verified, and its size is that of the part; a 304 has no stream', async () => {
    const { os } = await swift({
      routes: [
        [/^GET \/v1\/AUTH_p1\/c\/part$/, (_q, res) => void res.writeHead(206, { etag: md5('content'), 'content-length': '3', 'content-range': 'bytes 0-2/7' }).end('con')],
        [/^GET \/v1\/AUTH_p1\/c\/same$/, (_q, res) => void res.writeHead(304, { etag: md5('content') }).end()],
      ],
    });
    const part = await os.downloadObject('c', 'part', { range: { start: 0, end: 2 } });
    expect(part).toMatchObject({ status: 206, size: 3, checksum: undefined, info: { bytes: 7 } });
    expect(await new Response(part.stream).text()).toBe('con');
    const same = await os.downloadObject('c', 'same', { ifNoneMatch: md5('content') });
    expect(same).toMatchObject({ status: 304, stream: null, body: null, size: 0, checksum: undefined });
  });

  test('content that does not match the ETag errors the stream with ChecksumMismatchError', async () => {
    const { os } = await swift({
      routes: [[/^GET \/v1\/AUTH_p1\/c\/o$/, (_q, res) => void res.writeHead(200, { etag: md5('expected'), 'content-length': '8' }).end('tampered')]],
    });
    const d = await os.downloadObject('c', 'o');
    await expect(new Response(d.stream).text()).rejects.toBeInstanceOf(ChecksumMismatchError);
    const unchecked = await os.downloadObject('c', 'o', { verify: false });
    expect(await new Response(unchecked.stream).text()).toBe('tampered');
  });
});

describe('bulk delete', () => {
  test('batches by max_deletes_per_request and returns per-name failures', async () => {
    const { os, objects, swiftRequests } = await swift({ perRequest: 2 });
    for (const n of ['a', 'b', 'c']) objects.set(`${ACCOUNT}/box/${n}`, n);
    const r = await os.bulkDelete('box', ['a', 'b', 'c', 'missing', 'dir/locked']);
    expect(r).toEqual({ deleted: 3, notFound: 1, errors: [{ name: 'dir/locked', status: 409, message: '409 Conflict' }] });
    expect(swiftRequests().filter((q) => q.method === 'POST')).toHaveLength(3);
  });
});

describe('large object uploads', () => {
  const data = 'abcdefghij'.repeat(100);

  test('a segment whose ETag does not match is sent again; the manifest follows every verified segment', async () => {
    const { os, objects, swiftRequests } = await swift({ corruptOnce: /\/00000002$/ });
    const r = await os.uploadObject({ container: 'c', name: 'big', data: new Blob([data]), segmentSize: 300, concurrency: 2 });
    expect(r.segments).toBe(4);
    expect(objects.get(`${ACCOUNT}/c/big`)).toBe(data);
    const puts = swiftRequests().filter((q) => q.method === 'PUT').map((q) => q.url);
    expect(puts.filter((u) => u.endsWith('/00000002'))).toHaveLength(2);
    expect(puts.at(-1)).toMatch(/multipart-manifest=put/);
  });

  test('each segment is read once: hashed on its way out, not before', async () => {
    const { os, objects, swiftRequests } = await swift();
    const reads: string[] = [];
    const counted = (b: Blob, label: string): Blob =>
      ({ size: b.size, type: b.type, slice: (s?: number, e?: number) => counted(b.slice(s, e), `${s}-${e}`), stream: () => (reads.push(label), b.stream()) }) as Blob;
    const r = await os.uploadObject({ container: 'c', name: 'big', data: counted(new Blob([data]), 'whole'), segmentSize: 300, concurrency: 2 });
    expect(r.segments).toBe(4);
    expect(objects.get(`${ACCOUNT}/c/big`)).toBe(data);
    expect(reads.sort()).toEqual(['0-300', '300-600', '600-900', '900-1000']);
    // The manifest names every segment with the MD5 computed while it was sent.
    const manifest = JSON.parse(swiftRequests().find((q) => q.url.includes('multipart-manifest=put'))!.body) as { etag: string }[];
    expect(manifest.map((m) => m.etag)).toEqual([0, 300, 600, 900].map((i) => md5(data.slice(i, i + 300))));
  });

  test('with retry: { retries: 0 } a segment whose ETag does not match is sent once, and the upload fails', async () => {
    const { os, objects, swiftRequests } = await swift({ corruptOnce: /\/00000002$/, retries: 0 });
    const upload = os.uploadObject({ container: 'c', name: 'big', data: new Blob([data]), segmentSize: 300, concurrency: 2 });
    await expect(upload).rejects.toBeInstanceOf(ChecksumMismatchError);
    const puts = swiftRequests().filter((q) => q.method === 'PUT').map((q) => q.url);
    expect(puts.filter((u) => u.endsWith('/00000002'))).toHaveLength(1);
    expect(objects.has(`${ACCOUNT}/c/big`)).toBe(false);
  });

  test('a segment PUT refused with 401 (token expired mid-upload) is sent again with a new token', async () => {
    let refused = 0;
    const { os, swiftRequests } = await swift({
      routes: [
        [
          /^PUT \/v1\/AUTH_p1\/c_segments\/.*\/00000001$/,
          (q, res) => (refused++ === 0 ? json(res, 401, { error: 'expired' }) : res.writeHead(201, { etag: md5(q.body) }).end()),
        ],
      ],
    });
    await os.uploadObject({ container: 'c', name: 'big', data: new Blob([data]), segmentSize: 300, concurrency: 1 });
    const tries = swiftRequests().filter((q) => q.url.endsWith('/00000001'));
    expect(tries).toHaveLength(2);
    expect(tries[0]!.headers['x-auth-token']).not.toBe(tries[1]!.headers['x-auth-token']);
    expect(srv.requests.filter((q) => q.url === '/v3/auth/tokens')).toHaveLength(2);
  });

  test('a manifest stored although its answer was lost: the upload succeeds and its segments stay', async () => {
    let manifestEtag = '';
    const { os, objects } = await swift({
      routes: [
        [/^PUT \/v1\/AUTH_p1\/c\/big\?multipart-manifest=put/, (q, res) => {
          const manifest = JSON.parse(q.body) as { path: string; etag: string }[];
          objects.set(`${ACCOUNT}/c/big`, manifest.map((m) => objects.get(ACCOUNT + m.path)).join(''));
          manifestEtag = md5(manifest.map((m) => m.etag).join(''));
          json(res, 500, { error: 'the proxy lost the answer' });
        }],
        [/^HEAD \/v1\/AUTH_p1\/c\/big$/, (_q, res) => void res.writeHead(manifestEtag ? 200 : 404, manifestEtag ? { etag: `"${manifestEtag}"`, 'x-static-large-object': 'True' } : {}).end()],
      ],
      retries: 0,
    });
    const r = await os.uploadObject({ container: 'c', name: 'big', data: new Blob([data]), segmentSize: 300, leaveSegments: true });
    expect(r).toMatchObject({ hash: manifestEtag, bytes: data.length, segments: 4 });
    expect([...objects.keys()].filter((k) => k.includes('c_segments'))).toHaveLength(4);
    expect(objects.get(`${ACCOUNT}/c/big`)).toBe(data);
  });

  test('a manifest PUT that fails and stored nothing: the segments are deleted', async () => {
    const { os, objects, swiftRequests } = await swift({
      routes: [[/^PUT \/v1\/AUTH_p1\/c\/big\?multipart-manifest=put/, (_q, res) => json(res, 500, { error: 'boom' })]],
      retries: 0,
    });
    await expect(os.uploadObject({ container: 'c', name: 'big', data: new Blob([data]), segmentSize: 300, leaveSegments: true })).rejects.toMatchObject({ status: 500 });
    expect([...objects.keys()]).toEqual([]);
    expect(swiftRequests().some((q) => q.method === 'HEAD' && q.url.endsWith('/c/big'))).toBe(true);
  });

  test('a failed upload deletes the segments it stored and writes no manifest', async () => {
    const { os, objects, swiftRequests } = await swift({ failPut: /\/00000003$/ });
    await expect(os.uploadObject({ container: 'c', name: 'big', data: new Blob([data]), segmentSize: 100, concurrency: 3 })).rejects.toMatchObject({ status: 500 });
    expect([...objects.keys()]).toEqual([]);
    expect(swiftRequests().some((q) => q.url.includes('multipart-manifest=put'))).toBe(false);
  });

  test('progress of a Blob sent again after a bad ETag never goes back, and reaches the size only once stored', async () => {
    const { os, swiftRequests } = await swift({ corruptOnce: /\/c\/one$/ });
    const MiB = 1024 * 1024;
    const events: number[] = [];
    await os.uploadObject({ container: 'c', name: 'one', data: new Blob([new Uint8Array(3 * MiB + 1)]), onProgress: (p) => events.push(p.loaded) });
    expect(swiftRequests().filter((q) => q.method === 'PUT')).toHaveLength(2);
    // A piece of 1 MiB at a time: fine-grained enough, and few writes and hash calls per byte.
    expect(events).toEqual([0, MiB, 2 * MiB, 3 * MiB, 3 * MiB + 1]);
  });

  test('small inputs are one PUT whose MD5 is sent along', async () => {
    const { os, swiftRequests } = await swift();
    const r = await os.uploadObject({ container: 'c', name: 'small', data: 'hello' });
    expect(r).toMatchObject({ hash: md5('hello'), bytes: 5, segments: 0 });
    const put = swiftRequests().find((q) => q.method === 'PUT')!;
    expect(put.headers.etag).toBe(md5('hello'));
    expect(put.headers['content-type']).toBeUndefined();
  });

  test('a small upload to a new name is one PUT with If-None-Match: *, and no HEAD', async () => {
    const { os, objects, swiftRequests } = await swift();
    const r = await os.uploadObject({ container: 'c', name: 'new', data: 'fresh', headers: { 'x-delete-after': '60' } });
    expect(r).toMatchObject({ hash: md5('fresh'), segments: 0, replacedSegments: 0 });
    expect(objects.get(`${ACCOUNT}/c/new`)).toBe('fresh');
    expect(swiftRequests().map((q) => `${q.method} ${q.headers['if-none-match'] ?? '-'} ${q.headers['x-delete-after'] ?? '-'}`)).toEqual(['PUT * 60']);
  });

  test('inputs above 1 MiB, streams, and a caller\'s own If-None-Match keep the HEAD first', async () => {
    const { os, swiftRequests } = await swift();
    const sent = () => swiftRequests().map((q) => `${q.method} ${q.headers['if-none-match'] ?? '-'}`);
    await os.uploadObject({ container: 'c', name: 'a', data: new Uint8Array(1024 * 1024) });
    expect(sent()).toEqual(['PUT *']);
    await os.uploadObject({ container: 'c', name: 'b', data: new Uint8Array(1024 * 1024 + 1) });
    expect(sent().slice(1)).toEqual(['HEAD -', 'PUT -']);
    await os.uploadObject({ container: 'c', name: 'c', data: new Blob(['x']).stream() });
    expect(sent().slice(3)).toEqual(['HEAD -', 'PUT -']);
    await os.uploadObject({ container: 'c', name: 'd', data: 'x', headers: { 'If-None-Match': 'abc' } });
    expect(sent().slice(5)).toEqual(['HEAD -', 'PUT abc']);
  });

  test('an object that cannot be read (HEAD refused) is still replaced; leaveSegments sends no HEAD', async () => {
    const { os, objects, swiftRequests } = await swift({ routes: [[/^HEAD \/v1\/AUTH_p1\/c\/wo$/, (_q, res) => json(res, 403, { error: 'read not allowed' })]] });
    objects.set(`${ACCOUNT}/c/wo`, 'old');
    const events: number[] = [];
    const r = await os.uploadObject({ container: 'c', name: 'wo', data: 'write only', headers: { 'x-delete-after': '60' }, onProgress: (p) => events.push(p.loaded) });
    expect(r).toMatchObject({ segments: 0, replacedSegments: 0 });
    expect(objects.get(`${ACCOUNT}/c/wo`)).toBe('write only');
    // Tried as new (412: the name is taken), looked at, then replaced. The object's headers go with its PUTs only.
    expect(swiftRequests().map((q) => `${q.method} ${q.headers['if-none-match'] ?? '-'} ${q.headers['x-delete-after'] ?? '-'}`)).toEqual(['PUT * 60', 'HEAD - -', 'PUT - 60']);
    expect(events).toEqual([0, 0, 10]);
    await os.uploadObject({ container: 'c', name: 'wo', data: 'again', leaveSegments: true });
    expect(swiftRequests().map((q) => q.method)).toEqual(['PUT', 'HEAD', 'PUT', 'PUT']);
    expect(objects.get(`${ACCOUNT}/c/wo`)).toBe('again');
  });

  test('replacing a large object: its segments go by bulk delete, and the object headers go only with its PUT', async () => {
    const { os, objects, swiftRequests } = await swift({
      routes: [
        [/^HEAD \/v1\/AUTH_p1\/c\/big$/, (_q, res) => void res.writeHead(200, { 'x-static-large-object': 'True' }).end()],
        [/^GET \/v1\/AUTH_p1\/c\/big\?multipart-manifest=get/, (_q, res) => json(res, 200, [{ name: '/c_segments/big/0' }, { name: '/c_segments/big/1' }])],
      ],
    });
    objects.set(`${ACCOUNT}/c/big`, 'ab');
    objects.set(`${ACCOUNT}/c_segments/big/0`, 'a');
    objects.set(`${ACCOUNT}/c_segments/big/1`, 'b');
    const r = await os.uploadObject({ container: 'c', name: 'big', data: 'small now', headers: { 'x-delete-after': '60' } });
    expect(r).toMatchObject({ segments: 0, replacedSegments: 2 });
    expect([...objects.keys()]).toEqual([`${ACCOUNT}/c/big`]);
    const sent = swiftRequests().map((q) => `${q.method} ${q.url.split('?')[0]} ${q.headers['x-delete-after'] ?? '-'}`);
    expect(sent).toEqual([`PUT ${ACCOUNT}/c/big 60`, `HEAD ${ACCOUNT}/c/big -`, `GET ${ACCOUNT}/c/big -`, `PUT ${ACCOUNT}/c/big 60`, `POST ${ACCOUNT} -`]);
  });

  test('validation happens before any request', async () => {
    const { os, swiftRequests } = await swift();
    await expect(os.uploadObject({ container: 'c', name: 'o', data: 'x', segmentSize: -1 })).rejects.toMatchObject({ field: 'segmentSize' });
    await expect(os.uploadObject({ container: '', name: 'o', data: 'x' })).rejects.toMatchObject({ field: 'container' });
    await expect(os.uploadObject({ container: 'c', name: 'o'.repeat(1025), data: 'x' })).rejects.toMatchObject({ field: 'name' });
    await expect(os.uploadObject({ container: 'c', name: 'o', data: 'x', metadata: { a: 'b'.repeat(300) } })).rejects.toMatchObject({ field: 'metadata.a' });
    expect(swiftRequests()).toEqual([]);
    expect(srv.requests).toEqual([]);
  });
});
