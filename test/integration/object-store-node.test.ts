import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { downloadObjectToFile, uploadDirectory, uploadFile } from '../../src/node/index.js';
import { isSwiftPseudoFolder } from '../../src/services/object-store/index.js';
import { connectTo, uniqueName } from '../helpers/cloud.js';

const conn = connectTo('local-demo');
const C = uniqueName('os-node');
let dir = '';

afterAll(async () => {
  await conn.objectStore.deleteContainer(C, { recursive: true, ignoreMissing: true });
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('uploadDirectory with a glob, uploadFile, downloadObjectToFile', async () => {
  dir = await mkdtemp(join(tmpdir(), 'ossdk-dir-'));
  await mkdir(join(dir, 'docs/deep'), { recursive: true });
  const files: Record<string, string> = { 'a.txt': 'A', 'b.log': 'B', 'docs/c.txt': 'C', 'docs/deep/d e.txt': 'D', 'docs/deep/f.bin': 'F' };
  for (const [p, body] of Object.entries(files)) await writeFile(join(dir, p), body);
  await conn.objectStore.createContainer({ name: C });

  const done = await uploadDirectory(conn, C, dir, '**/*.txt', { prefix: 'site/' });
  expect(done.map((r) => r.name).sort()).toEqual(['site/a.txt', 'site/docs/c.txt', 'site/docs/deep/d e.txt']);
  const braces = await uploadDirectory(conn, C, dir, 'docs/**/*.{bin,txt}', { prefix: 'braces/' });
  expect(braces.map((r) => r.name).sort()).toEqual(['braces/docs/c.txt', 'braces/docs/deep/d e.txt', 'braces/docs/deep/f.bin']);
  const listed = await conn.objectStore.objects(C, { prefix: 'site/' }).toArray();
  expect(listed.flatMap((e) => (isSwiftPseudoFolder(e) ? [] : [e.name]))).toEqual(['site/a.txt', 'site/docs/c.txt', 'site/docs/deep/d e.txt']);

  const one = await uploadFile(conn.objectStore, C, join(dir, 'docs/deep/f.bin'));
  expect(one).toMatchObject({ name: 'f.bin', bytes: 1 });

  const out = join(dir, 'out/d.txt');
  const r = await downloadObjectToFile(conn, C, 'site/docs/deep/d e.txt', out);
  expect(r.bytes).toBe(1);
  expect(r).toMatchObject({ status: 200, size: 1, checksum: { algorithm: 'md5', value: r.info.hash }, info: { name: 'site/docs/deep/d e.txt' } });
  expect(r.hash).toBe(r.info.hash); // the deprecated name
  expect(await readFile(out, 'utf8')).toBe('D');
  await expect(downloadObjectToFile(conn, C, 'missing', join(dir, 'out/missing'))).rejects.toMatchObject({ status: 404 });
});

test('uploadFile reports progress while the file is sent', async () => {
  const MiB = 1024 * 1024;
  const path = join(await mkdtemp(join(tmpdir(), 'ossdk-progress-')), 'five-mib.bin');
  await writeFile(path, new Uint8Array(5 * MiB).fill(7));
  await conn.objectStore.createContainer({ name: C });
  const loaded: number[] = [];
  const r = await uploadFile(conn, C, path, { onProgress: (p) => loaded.push(p.loaded) });
  await rm(dirname(path), { recursive: true });
  expect(r).toMatchObject({ bytes: 5 * MiB, segments: 0 });
  // A 1 MiB piece at a time as fetch takes them; the whole size once Swift has it.
  expect(loaded).toEqual([0, 1, 2, 3, 4, 5].map((n) => n * MiB));
});

test('uploadDirectory lists the prefix once: new and ordinary names send no HEAD, a large object it replaces loses its segments', async () => {
  const heads: string[] = [];
  const logged = connectTo('local-demo', { log: (e) => void (e.type === 'request' && e.method === 'HEAD' && heads.push(decodeURIComponent(e.url))) });
  const src = await mkdtemp(join(tmpdir(), 'ossdk-replace-'));
  try {
    await conn.objectStore.createContainer({ name: C });
    await conn.objectStore.uploadObject({ container: C, name: 'rep/big.bin', data: new Blob([new Uint8Array(2 * 1024 * 1024 + 1)]), segmentSize: 1024 * 1024 });
    await conn.objectStore.uploadObject({ container: C, name: 'rep/old.txt', data: 'old' });
    for (const [p, body] of Object.entries({ 'big.bin': 'now small', 'old.txt': 'new', 'n1.txt': '1', 'n2.txt': '2' })) await writeFile(join(src, p), body);

    const done = await uploadDirectory(logged, C, src, '*', { prefix: 'rep/' });
    expect(done.find((r) => r.name === 'rep/big.bin')).toMatchObject({ segments: 0, replacedSegments: 3 });
    expect(heads.filter((u) => u.includes('/rep/'))).toEqual([expect.stringMatching(/\/rep\/big\.bin$/)]);
    expect(await conn.objectStore.objects(`${C}_segments`, { prefix: 'rep/big.bin/' }).toArray()).toEqual([]);
    expect(await conn.objectStore.downloadObjectAsText(C, 'rep/old.txt')).toBe('new');
  } finally {
    await rm(src, { recursive: true, force: true });
    await conn.objectStore.deleteContainer(`${C}_segments`, { recursive: true, ignoreMissing: true });
  }
});
