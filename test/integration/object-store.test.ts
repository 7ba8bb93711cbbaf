import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../../src/index.js';
import { isSwiftPseudoFolder } from '../../src/services/object-store/index.js';
import { connectTo, uniqueName } from '../helpers/cloud.js';

const conn = connectTo('local-demo');
const os = conn.objectStore;
const C = uniqueName('os-main');
const created = [C];
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** Runs fn over items, `limit` at a time. */
async function parallel<T>(items: T[], limit: number, fn: (x: T) => Promise<unknown>) {
  let i = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (i < items.length) await fn(items[i++]!);
  }));
}

beforeAll(async () => {
  await os.createContainer({ name: C });
});
afterAll(async () => {
  for (const c of created) await os.deleteContainer(c, { recursive: true, ignoreMissing: true });
});

describe('account', () => {
  test('info is fetched once and describes the middlewares', async () => {
    const a = os.info();
    expect(os.info()).toBe(a);
    const info = await a;
    expect(info.slo?.max_manifest_segments).toBeGreaterThan(0);
    expect(info.bulk_delete?.max_deletes_per_request).toBeGreaterThan(0);
    expect(info.tempurl?.methods).toContain('GET');
  });

  test('metadata set, read and deleted; counts shown', async () => {
    await os.setAccountMetadata({ 'sdk-test': 'yes', 'sdk-unicode': 'naïve ✓' });
    const acc = await os.getAccount();
    expect(acc.metadata['sdk-test']).toBe('yes');
    expect(acc.metadata['sdk-unicode']).toBe('naïve ✓');
    expect(acc.container_count).toBeGreaterThanOrEqual(1);
    expect(acc).toHaveProperty('quota_bytes');
    await os.deleteAccountMetadata(['sdk-test', 'sdk-unicode']);
    expect(await os.getAccountMetadata()).not.toHaveProperty('sdk-test');
  });
});

describe('containers', () => {
  test('create with metadata, ACLs and versioning; update; get', async () => {
    const name = uniqueName('os-attrs');
    created.push(name);
    const c = await os.createContainer({ name, metadata: { owner: 'qa' }, readAcl: '.r:*,.rlistings', versions: true });
    expect(c).toMatchObject({ name, count: 0, bytes: 0, metadata: { owner: 'qa' }, read_acl: '.r:*,.rlistings', versions_enabled: true });
    expect(c.storage_policy).toBeTruthy();
    await os.updateContainer(name, { metadata: { stage: 'two' }, removeMetadata: ['owner'], readAcl: null });
    const after = await os.getContainer(name);
    expect(after.metadata).toEqual({ stage: 'two' });
    expect(after.read_acl).toBeUndefined();
    await os.deleteContainerMetadata(name, ['stage']);
    expect(await os.getContainerMetadata(name)).toEqual({});
  });

  test('the deprecated createContainer(name, attrs) still creates', async () => {
    const name = uniqueName('os-old-form');
    created.push(name);
    const c = await os.createContainer(name, { metadata: { form: 'old' } });
    expect(c).toMatchObject({ name, count: 0, metadata: { form: 'old' } });
  });

  test('listing with prefix, marker, endMarker and a page size', async () => {
    const base = uniqueName('os-list');
    const names = ['a', 'b', 'c', 'd'].map((x) => `${base}-${x}`);
    created.push(...names);
    await Promise.all(names.map((n) => os.createContainer({ name: n })));
    const all = await os.containers({ prefix: base }, { pageSize: 1 }).toArray();
    expect(all.map((c) => c.name)).toEqual(names);
    const mid = await os.containers({ prefix: base, marker: names[0], endMarker: names[3] }).toArray();
    expect(mid.map((c) => c.name)).toEqual(names.slice(1, 3));
    expect(await os.containers({ prefix: `${base}-zzz` }).toArray()).toEqual([]);
  });

  test('a non-empty container: ConflictError, then recursive delete', async () => {
    const name = uniqueName('os-rec');
    await os.createContainer({ name });
    await parallel(Array.from({ length: 30 }, (_, i) => `f/${i}`), 16, (n) => os.uploadObject({ container: name, name: n, data: n }));
    await expect(os.deleteContainer(name)).rejects.toBeInstanceOf(ConflictError);
    await os.deleteContainer(name, { recursive: true });
    await expect(os.getContainer(name)).rejects.toBeInstanceOf(NotFoundError);
    await os.deleteContainer(name, { ignoreMissing: true });
  });
});

describe('objects', () => {
  const tricky = ['with space.txt', 'ünïcødé-日本.txt', 'q?uestion', 'hash#tag', 'per%cent', 'plus+sign', 'a/b/c.txt', '/leading', 'dot/./seg', 'x/../y', "it's & <ok>"];

  test('names with spaces, unicode, ?, #, %, + and / round-trip through upload, list, head, download and delete', async () => {
    const c = uniqueName('os-names');
    created.push(c);
    await os.createContainer({ name: c });
    for (const n of tricky) await os.uploadObject({ container: c, name: n, data: `body of ${n}`, contentType: 'text/plain' });
    const listed = (await os.objects(c).toArray()).map((e) => (isSwiftPseudoFolder(e) ? e.subdir : e.name));
    expect(listed.sort()).toEqual([...tricky].sort());
    for (const n of tricky) {
      const h = await os.headObject(c, n);
      expect(h.bytes).toBe(new TextEncoder().encode(`body of ${n}`).length);
      expect(await os.downloadObjectAsText(c, n)).toBe(`body of ${n}`);
      await os.deleteObject(c, n);
      await expect(os.headObject(c, n)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await os.objects(c).toArray()).toEqual([]);
  });

  test('2,500 objects listed with a page size of 100: exact count and order; prefix; delimiter pseudo-folders', async () => {
    const c = uniqueName('os-2500');
    created.push(c);
    await os.createContainer({ name: c });
    const names = Array.from({ length: 2500 }, (_, i) => `${i % 2 ? 'odd' : 'even'}/${String(i).padStart(5, '0')}`);
    await parallel(names, 16, (n) => os.uploadObject({ container: c, name: n, data: n, contentType: 'text/plain' }));
    let pages = 0;
    const seen: string[] = [];
    for await (const page of os.objects(c, {}, { pageSize: 100 }).pages()) {
      pages++;
      expect(page.length).toBeLessThanOrEqual(100);
      for (const e of page) if (!isSwiftPseudoFolder(e)) seen.push(e.name);
    }
    expect(pages).toBe(25);
    expect(seen).toEqual([...names].sort());
    const odd = await os.objects(c, { prefix: 'odd/' }, { pageSize: 500 }).toArray();
    expect(odd).toHaveLength(1250);
    const folders = await os.objects(c, { delimiter: '/' }).toArray();
    expect(folders).toEqual([{ subdir: 'even/' }, { subdir: 'odd/' }]);
    const r = await os.bulkDelete(c);
    expect(r).toEqual({ deleted: 2500, notFound: 0, errors: [] });
  });

  test('metadata, content type, disposition and expiry; updates keep what they do not change', async () => {
    const n = 'doc.bin';
    await os.uploadObject({
      container: C,
      name: n,
      data: new Uint8Array([1, 2, 3]),
      contentType: 'application/x-test',
      contentDisposition: 'attachment; filename="doc.bin"',
      metadata: { Colour: 'red', note: 'café' },
      deleteAfter: 3600,
    });
    let h = await os.headObject(C, n);
    expect(h.content_type).toBe('application/x-test');
    expect(h.content_disposition).toBe('attachment; filename="doc.bin"');
    expect(h.metadata).toEqual({ colour: 'red', note: 'café' });
    expect(h.delete_at! - Date.now() / 1000).toBeGreaterThan(3500);
    await os.setObjectMetadata(C, n, { size: 'small' });
    await os.deleteObjectMetadata(C, n, ['colour']);
    h = await os.headObject(C, n);
    expect(h.metadata).toEqual({ note: 'café', size: 'small' });
    expect(h.content_disposition).toBe('attachment; filename="doc.bin"');
    expect(h.delete_at).toBeGreaterThan(0);
    expect(h.content_type).toBe('application/x-test');
    const at = new Date(Date.now() + 7200_000);
    await os.updateObject(C, n, { deleteAt: at, contentType: 'text/x-other' });
    h = await os.headObject(C, n);
    expect(h.delete_at).toBe(Math.floor(at.getTime() / 1000));
    expect(h.content_type).toBe('text/x-other');
    await os.updateObject(C, n, { deleteAt: null });
    expect((await os.headObject(C, n)).delete_at).toBeUndefined();
    expect(await os.getObjectMetadata(C, n)).toEqual({ note: 'café', size: 'small' });
  });

  test('copy keeps metadata unless fresh', async () => {
    await os.uploadObject({ container: C, name: 'src', data: 'copy me', metadata: { a: '1' } });
    await os.copyObject({ container: C, name: 'src' }, { container: C, name: 'dst/copy' }, { metadata: { b: '2' } });
    expect(await os.downloadObjectAsText(C, 'dst/copy')).toBe('copy me');
    expect(await os.getObjectMetadata(C, 'dst/copy')).toEqual({ a: '1', b: '2' });
    await os.copyObject({ container: C, name: 'src' }, { container: C, name: 'dst/fresh' }, { freshMetadata: true });
    expect(await os.getObjectMetadata(C, 'dst/fresh')).toEqual({});
  });

  test('downloads: stream verified against the ETag, range, conditional requests, Blob/ArrayBuffer/text', async () => {
    const data = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
    const up = await os.uploadObject({ container: C, name: 'bytes', data, contentType: 'application/octet-stream' });
    expect(up.hash).toBe(createHash('md5').update(data).digest('hex'));
    const d = await os.downloadObject(C, 'bytes');
    expect(d.status).toBe(200);
    expect(d.info.hash).toBe(up.hash);
    expect(d).toMatchObject({ size: 300_000, checksum: { algorithm: 'md5', value: up.hash }, contentType: 'application/octet-stream' });
    expect(new Uint8Array(await new Response(d.stream).arrayBuffer())).toEqual(data);
    const part = await os.downloadObject(C, 'bytes', { range: { start: 10, end: 19 } });
    expect(part.status).toBe(206);
    expect(part.info.bytes).toBe(300_000);
    expect(part.size).toBe(10);
    expect(new Uint8Array(await new Response(part.stream).arrayBuffer())).toEqual(data.subarray(10, 20));
    const tail = await os.downloadObjectAsArrayBuffer(C, 'bytes', { range: 'bytes=-5' });
    expect(new Uint8Array(tail)).toEqual(data.subarray(-5));
    const same = await os.downloadObject(C, 'bytes', { ifNoneMatch: up.hash });
    expect(same).toMatchObject({ status: 304, stream: null });
    // The deprecated names, for one release.
    const old = await os.downloadObject(C, 'bytes');
    expect(old.object.hash).toBe(up.hash);
    expect(new Uint8Array(await new Response(old.body).arrayBuffer())).toEqual(data);
    expect(same).toMatchObject({ status: 304, body: null });
    await expect(os.downloadObject(C, 'bytes', { ifMatch: 'deadbeef' })).rejects.toBeInstanceOf(PreconditionFailedError);
    const blob = await os.downloadObjectAsBlob(C, 'bytes');
    expect(blob.size).toBe(300_000);
    expect(blob.type).toBe('application/octet-stream');
  });

  test('uploads from every input kind; a ReadableStream is streamed', async () => {
    const text = 'héllo wörld';
    const inputs = {
      string: text,
      arrayBuffer: new TextEncoder().encode(text).buffer,
      typed: new TextEncoder().encode(text),
      dataView: new DataView(new TextEncoder().encode(text).buffer),
      blob: new Blob([text]),
      file: new File([text], 'f.txt', { type: 'text/plain' }),
      stream: new Blob([text]).stream(),
    };
    for (const [name, data] of Object.entries(inputs)) {
      const r = await os.uploadObject({ container: C, name: `kinds/${name}`, data });
      expect(r.bytes, name).toBe(new TextEncoder().encode(text).length);
      expect(await os.downloadObjectAsText(C, `kinds/${name}`), name).toBe(text);
    }
    expect((await os.headObject(C, 'kinds/file')).content_type).toBe('text/plain');
  });

  test('a small upload to a new name is one PUT; to a taken name Swift refuses the first try and the object is replaced, its old segments gone', async () => {
    const sent: string[] = [];
    const logged = connectTo('local-demo', { log: (e) => void (e.type === 'request' && e.url.includes('/taken/') && sent.push(`${e.method} ${e.url.split('/taken/')[1]}`)) }).objectStore;
    expect(await logged.uploadObject({ container: C, name: 'taken/new.txt', data: 'one' })).toMatchObject({ hash: md5('one'), replacedSegments: 0 });
    expect(sent).toEqual(['PUT new.txt']);
    // A large object (3 segments of 1 MiB) under a name, then a small upload to the same name.
    await os.uploadObject({ container: C, name: 'taken/big', data: new Blob([new Uint8Array(3 * 1024 * 1024)]), segmentSize: 1024 * 1024 });
    sent.length = 0;
    const now = await logged.uploadObject({ container: C, name: 'taken/big', data: 'small now', contentType: 'text/plain' });
    expect(now).toMatchObject({ hash: md5('small now'), segments: 0, replacedSegments: 3 });
    expect(sent.filter((x) => !x.startsWith('POST'))).toEqual(['PUT big', 'HEAD big', 'GET big?multipart-manifest=get', 'PUT big']);
    expect(await os.downloadObjectAsText(C, 'taken/big')).toBe('small now');
    expect(await os.objects(`${C}_segments`, { prefix: 'taken/big/' }).toArray()).toEqual([]);
    created.push(`${C}_segments`);
  });

  test('Dynamic Large Object: created and read as the concatenation of its segments', async () => {
    for (const i of [1, 2, 3]) await os.uploadObject({ container: C, name: `dlo-parts/${i}`, data: `part${i};` });
    await os.createDynamicLargeObject({ container: C, name: 'dlo', prefix: 'dlo-parts/', contentType: 'text/plain' });
    const h = await os.headObject(C, 'dlo');
    expect(h.manifest).toBe(`${C}/dlo-parts/`);
    expect(await os.downloadObjectAsText(C, 'dlo')).toBe('part1;part2;part3;');
  });

  test('bulk delete of 2,000 objects reports per-name failures', async () => {
    const c = uniqueName('os-bulk');
    created.push(c);
    await os.createContainer({ name: c });
    const names = Array.from({ length: 2000 }, (_, i) => `bulk ${i}/ü?#%+`);
    await parallel(names, 16, (n) => os.uploadObject({ container: c, name: n, data: 'x', contentType: 'text/plain' }));
    const t = performance.now();
    const r = await os.bulkDelete(c, [...names, 'never-existed']);
    console.log(`bulk delete of 2,000 objects: ${Math.round(performance.now() - t)} ms`);
    expect(r).toEqual({ deleted: 2000, notFound: 1, errors: [] });
    expect(await os.objects(c).toArray()).toEqual([]);
  });
});

describe('bad input is refused before any request', () => {
  test('ValidationError naming the field', async () => {
    const sent: string[] = [];
    const watched = connectTo('local-demo', { log: (e) => e.type === 'request' && sent.push(e.url) });
    const s = watched.objectStore;
    const cases: [Promise<unknown>, string][] = [
      [s.createContainer({ name: '' }), 'container'],
      [s.createContainer({ name: 'a/b' }), 'container'],
      [s.createContainer(''), 'container'],
      [s.createContainer('a/b'), 'container'],
      [s.uploadObject({ container: C, name: 'x'.repeat(1025), data: 'x' }), 'name'],
      [s.uploadObject({ container: C, name: 'é'.repeat(513), data: 'x' }), 'name'],
      [s.uploadObject({ container: C, name: 'ok', data: 'x', metadata: { k: 'v'.repeat(257) } }), 'metadata.k'],
      [s.uploadObject({ container: C, name: 'ok', data: 'x', metadata: { ['k'.repeat(129)]: 'v' } }), 'metadata'],
      [s.uploadObject({ container: C, name: 'ok', data: 'x', metadata: Object.fromEntries(Array.from({ length: 91 }, (_, i) => [`k${i}`, 'v'])) }), 'metadata'],
      [s.uploadObject({ container: C, name: 'ok', data: 'x', metadata: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'v'.repeat(250)])) }), 'metadata'],
      [s.uploadObject({ container: C, name: 'ok', data: 'x', segmentSize: -1 }), 'segmentSize'],
      [s.uploadObject({ container: C, name: 'ok', data: 'x', concurrency: 0 }), 'concurrency'],
      [s.uploadObject({ container: C, name: 'ok', data: 42 as never }), 'data'],
      [s.headObject(C, ''), 'name'],
      [s.setContainerMetadata(C, { 'bad name': 'v' }), 'metadata'],
      [s.generateTempUrl({ method: 'GET', container: C, object: 'o', expires: -5, key: 'k' }), 'expires'],
      [s.bulkDelete(C, ['ok', '']), 'names'],
    ];
    // Each outcome is taken at once: some checks run after their code is loaded on first use.
    const outcomes = cases.map(([p, field]) => [p.then(() => undefined, (x: unknown) => x), field] as const);
    for (const [p, field] of outcomes) {
      const e = await p;
      expect(e, field).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).field?.startsWith(field), `${(e as ValidationError).field} vs ${field}`).toBe(true);
    }
    expect(sent).toEqual([]);
  });
});
