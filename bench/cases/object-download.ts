/**
 * A large object downloaded into a file: the SDK's `downloadObjectToFile` (which checks the MD5
 * against the ETag while it streams, writes `<file>.part` and renames it) against `curl -o file` and
 * openstacksdk's `get_object(container, name, outfile=file, resp_chunk_size=65536)` (64 KiB chunks
 * instead of its default of 1 KiB; it checks no hash). The object is uploaded once by curl first.
 * Ratio: SDK MiB/s / baseline MiB/s.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { downloadObjectToFile } from '../../src/node/object-store.js';
import { curlGet, curlPut, inProcess, measured, needMemory, pyMeasure, python, sizeLabel, takeDownload, type Context, type Row } from '../lib.js';

export async function objectDownload(ctx: Context): Promise<Row[]> {
  const os = ctx.conn.objectStore;
  needMemory(ctx.size, 'the case');
  const c = await ctx.container('down');
  const { size } = ctx;
  const out = join(ctx.dir, 'download.bin');
  const url = `${ctx.endpoint}/${c}/obj.bin`;
  curlPut(ctx.file, url, ctx.token);

  const sdk = await inProcess(() => downloadObjectToFile(os, c, 'obj.bin', out));
  await takeDownload(out, size, 'downloadObjectToFile');
  const curlRun = curlGet(url, out, ctx.token);
  await takeDownload(out, size, 'curl -o');
  const py = python(['download', c, 'obj.bin', out]);
  if (typeof py !== 'string') await takeDownload(out, size, 'openstacksdk get_object');
  await rm(out, { force: true });
  await os.deleteObject(c, 'obj.bin');

  const gib = sizeLabel(size);
  const sdkM = measured(sdk, { bytes: size });
  const name = `${gib} download to a file (SDK verifies the ETag)`;
  return [
    {
      case: name,
      kind: 'throughput',
      sdk: sdkM,
      baseline: 'curl -o',
      base: { ...curlRun, bytes: size },
      goal: '>= 0.9',
    },
    {
      case: name,
      kind: 'throughput',
      sdk: sdkM,
      baseline: 'openstacksdk get_object',
      base: pyMeasure(py, { bytes: size }),
    },
  ];
}
