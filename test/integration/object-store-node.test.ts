import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  await conn.objectStore.createContainer(C);

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
  expect(await readFile(out, 'utf8')).toBe('D');
  await expect(downloadObjectToFile(conn, C, 'missing', join(dir, 'out/missing'))).rejects.toMatchObject({ status: 404 });
});
