import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isSwiftPseudoFolder, type ObjectStoreUploadProgress } from '../../src/services/object-store/index.js';
import { connectTo, uniqueName } from '../helpers/cloud.js';

const os = connectTo('local-demo').objectStore;
const C = uniqueName('os-large');
const SEG = `${C}_segments`;
const MiB = 1024 * 1024;

function bytes(n: number, seed = 1): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}
const sha256 = (b: Uint8Array | ArrayBuffer) => createHash('sha256').update(new Uint8Array(b)).digest('hex');
const segmentNames = async (prefix = '') =>
  (await os.objects(SEG, { prefix }).toArray().catch(() => [])).flatMap((e) => (isSwiftPseudoFolder(e) ? [] : [e.name]));

beforeAll(() => os.createContainer({ name: C }));
afterAll(async () => {
  await os.deleteContainer(C, { recursive: true, ignoreMissing: true });
  await os.deleteContainer(SEG, { recursive: true, ignoreMissing: true });
});

describe('Static Large Objects', () => {
  test('a Blob over the segment size becomes an SLO; download equal; delete removes the segments', async () => {
    const data = bytes(15 * MiB + 3);
    const events: ObjectStoreUploadProgress[] = [];
    const r = await os.uploadObject({ container: C, name: 'big/blob.bin', data: new Blob([data]), segmentSize: 3 * MiB, concurrency: 4, onProgress: (p) => events.push(p) });
    expect(r).toMatchObject({ segments: 6, bytes: data.length });
    expect(events.flatMap((e) => (e.segment ? [e.segment.index] : [])).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(events.at(-1)).toMatchObject({ loaded: data.length, total: data.length });
    // In Node the segments in flight count too (a 1 MiB piece at a time: 2 within each full
    // segment), and the total never goes back.
    expect(events.filter((e) => !e.segment).length).toBeGreaterThanOrEqual(5 * 2);
    expect(events.every((e, i) => i === 0 || e.loaded >= events[i - 1]!.loaded)).toBe(true);
    const h = await os.headObject(C, 'big/blob.bin');
    expect(h).toMatchObject({ static_large_object: true, bytes: data.length, hash: r.hash });
    expect(sha256(await os.downloadObjectAsArrayBuffer(C, 'big/blob.bin'))).toBe(sha256(data));
    expect(await segmentNames('big/blob.bin/')).toHaveLength(6);
    await os.deleteObject(C, 'big/blob.bin');
    expect(await segmentNames('big/blob.bin/')).toEqual([]);
  });

  test('a ReadableStream is cut into segments when a segment size is given', async () => {
    const data = bytes(3 * MiB + 100, 2);
    // odd-sized chunks, so segments are cut across chunk boundaries
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < data.length; i += 100_003) c.enqueue(data.slice(i, i + 100_003));
        c.close();
      },
    });
    const r = await os.uploadObject({ container: C, name: 'big/stream.bin', data: stream, segmentSize: MiB, contentType: 'application/x-big' });
    expect(r.segments).toBe(4);
    const d = await os.downloadObject(C, 'big/stream.bin');
    expect(d.info.content_type).toBe('application/x-big');
    expect(d.checksum).toBeUndefined(); // a large object's ETag is not the MD5 of its content
    expect(sha256(await new Response(d.stream).arrayBuffer())).toBe(sha256(data));
    const small = await os.uploadObject({ container: C, name: 'big/small-stream', data: new Blob([data.subarray(0, 1000)]).stream(), segmentSize: MiB });
    expect(small.segments).toBe(0);
  });

  test('an upload aborted halfway leaves no segments behind', async () => {
    const data = new Blob([bytes(8 * MiB, 3)]);
    const ctl = new AbortController();
    const up = os.uploadObject({
      container: C,
      name: 'big/aborted',
      data,
      segmentSize: 512 * 1024,
      concurrency: 2,
      signal: ctl.signal,
      onProgress: (p) => p.loaded >= data.size / 2 && ctl.abort(),
    });
    await expect(up).rejects.toMatchObject({ name: 'AbortError' });
    expect(await segmentNames('big/aborted/')).toEqual([]);
    await expect(os.headObject(C, 'big/aborted')).rejects.toMatchObject({ status: 404 });
  });

  test('a resumed upload skips the segments already stored', async () => {
    const raw = bytes(6 * MiB, 4);
    const data = new File([raw], 'resume.bin', { lastModified: 1_700_000_000_000 });
    const ctl = new AbortController();
    const first = os.uploadObject({
      container: C,
      name: 'big/resumed',
      data,
      segmentSize: 512 * 1024,
      concurrency: 2,
      keepSegmentsOnFailure: true,
      signal: ctl.signal,
      onProgress: (p) => p.loaded >= data.size / 2 && ctl.abort(),
    });
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    const kept = await segmentNames('big/resumed/');
    expect(kept.length).toBeGreaterThanOrEqual(6);
    const events: ObjectStoreUploadProgress[] = [];
    const r = await os.uploadObject({ container: C, name: 'big/resumed', data, segmentSize: 512 * 1024, resume: true, onProgress: (p) => events.push(p) });
    const skipped = events.filter((e) => e.segment?.skipped).length;
    expect(skipped).toBeGreaterThanOrEqual(kept.length - 2);
    expect(skipped).toBeLessThan(12);
    expect(r.segments).toBe(12);
    expect(sha256(await os.downloadObjectAsArrayBuffer(C, 'big/resumed'))).toBe(sha256(raw));
  });
});

describe('upload progress in Node', () => {
  test('a Blob sent in one PUT advances as fetch reads it, and reaches its size only once stored', async () => {
    const data = bytes(8 * MiB, 5);
    const events: ObjectStoreUploadProgress[] = [];
    const r = await os.uploadObject({ container: C, name: 'progress/one-put', data: new Blob([data]), largeObjectThreshold: 64 * MiB, onProgress: (p) => events.push({ ...p }) });
    expect(r).toMatchObject({ segments: 0, bytes: data.length, hash: createHash('md5').update(data).digest('hex') });
    expect(events[0]).toEqual({ loaded: 0, total: data.length });
    expect(events.at(-1)).toEqual({ loaded: data.length, total: data.length });
    // A 1 MiB piece at a time as fetch takes them.
    expect(events.slice(1, -1)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => ({ loaded: n * MiB, total: data.length })));
    expect(events.every((e, i) => i === 0 || e.loaded > events[i - 1]!.loaded)).toBe(true);
  });
});

describe('replacing a large object', () => {
  const NAME = 'big/replace me ü.bin';
  const text = async (name: string) => os.downloadObjectAsText(C, name);

  test('by an ordinary object deletes its segments; by another large object keeps only the new ones', async () => {
    const first = await os.uploadObject({ container: C, name: NAME, data: new Blob([bytes(3 * MiB, 5)]), segmentSize: MiB });
    expect(first).toMatchObject({ segments: 3, replacedSegments: 0 });
    expect(await segmentNames(`${NAME}/`)).toHaveLength(3);

    const bigger = bytes(2 * MiB + 7, 6);
    const second = await os.uploadObject({ container: C, name: NAME, data: new Blob([bigger]), segmentSize: 512 * 1024 });
    expect(second).toMatchObject({ segments: 5, replacedSegments: 3 });
    const left = await segmentNames(`${NAME}/`);
    expect(left).toHaveLength(5);
    expect(left.every((n) => n.includes('/524288/'))).toBe(true);
    expect(sha256(await os.downloadObjectAsArrayBuffer(C, NAME))).toBe(sha256(bigger));

    const third = await os.uploadObject({ container: C, name: NAME, data: 'small now' });
    expect(third).toMatchObject({ segments: 0, replacedSegments: 5 });
    expect(await segmentNames(`${NAME}/`)).toEqual([]);
    expect(await text(NAME)).toBe('small now');
  });

  test('by the same input again keeps the segments the new manifest still uses', async () => {
    const raw = bytes(2 * MiB, 7);
    const data = new File([raw], 'same.bin', { lastModified: 1_700_000_000_000 });
    await os.uploadObject({ container: C, name: 'big/same', data, segmentSize: MiB });
    const again = await os.uploadObject({ container: C, name: 'big/same', data, segmentSize: MiB });
    expect(again).toMatchObject({ segments: 2, replacedSegments: 0 });
    expect(await segmentNames('big/same/')).toHaveLength(2);
    expect(sha256(await os.downloadObjectAsArrayBuffer(C, 'big/same'))).toBe(sha256(raw));
  });

  test('with leaveSegments keeps the old segments', async () => {
    await os.uploadObject({ container: C, name: 'big/leave', data: new Blob([bytes(2 * MiB, 8)]), segmentSize: MiB });
    const r = await os.uploadObject({ container: C, name: 'big/leave', data: 'replaced', leaveSegments: true });
    expect(r.replacedSegments).toBe(0);
    expect(await segmentNames('big/leave/')).toHaveLength(2);
    expect(await text('big/leave')).toBe('replaced');
  });

  test('a Dynamic Large Object: the objects under its prefix go', async () => {
    for (const [i, part] of ['a', 'b', 'c'].entries()) await os.uploadObject({ container: C, name: `dlo parts ü/${i}`, data: part });
    await os.createDynamicLargeObject({ container: C, name: 'big/dlo', prefix: 'dlo parts ü/' });
    expect(await text('big/dlo')).toBe('abc');
    const r = await os.uploadObject({ container: C, name: 'big/dlo', data: 'plain' });
    expect(r.replacedSegments).toBe(3);
    expect(await os.objects(C, { prefix: 'dlo parts ü/' }).toArray()).toEqual([]);
    expect(await text('big/dlo')).toBe('plain');
  });
});

describe('recursive container delete', () => {
  test('removes large objects with their segments, and the segments container it emptied', async () => {
    const c = uniqueName('os-recursive');
    await os.createContainer({ name: c });
    await os.uploadObject({ container: c, name: 'large.bin', data: new Blob([bytes(3 * MiB)]), segmentSize: MiB });
    await os.uploadObject({ container: c, name: 'small.txt', data: 'small', contentType: 'text/plain' });
    expect((await os.objects(`${c}_segments`).toArray()).length).toBe(3);
    await os.deleteContainer(c, { recursive: true });
    await expect(os.getContainer(c)).rejects.toMatchObject({ status: 404 });
    await expect(os.getContainer(`${c}_segments`)).rejects.toMatchObject({ status: 404 });
  });
});
