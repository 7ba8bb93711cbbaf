/**
 * One large file into the object store, from disk:
 * - a single PUT by the SDK (`uploadFile` with `largeObjectThreshold` = the file's size) against
 *   `curl -T` and openstacksdk's `create_object` (which hashes the file, MD5 and SHA-256, then sends
 *   one PUT: its default segment size is 1 GiB);
 * - a Static Large Object by the SDK with its default segment size and concurrency
 *   (`largeObjectThreshold: 0` forces segmenting; the result must have more than one segment)
 *   against the same `curl -T` single PUT and openstacksdk `create_object`.
 * Ratio: SDK MiB/s / baseline MiB/s. Each object is deleted right after its upload (the local
 * cloud keeps Swift's data in memory).
 */
import { uploadFile } from '../../src/node/object-store.js';
import { curlPut, errorText, inProcess, measured, needMemory, pyMeasure, python, sizeLabel, type Context, type Measure, type Row } from '../lib.js';

export async function objectUpload(ctx: Context): Promise<Row[]> {
  const os = ctx.conn.objectStore;
  needMemory(ctx.size, 'the case');
  const c = await ctx.container('up');
  const { size, file } = ctx;
  const curlRun = curlPut(file, `${ctx.endpoint}/${c}/curl.bin`, ctx.token);
  await os.deleteObject(c, 'curl.bin');
  const put = await inProcess(() => uploadFile(os, c, file, { name: 'single.bin', largeObjectThreshold: size }));
  if (put.value.bytes !== size || put.value.segments !== 0) throw new Error(`single PUT stored ${put.value.bytes} bytes in ${put.value.segments} segments`);
  await os.deleteObject(c, 'single.bin');
  const py = python(['put', c, 'py.bin', file]);
  await os.deleteObject(c, 'py.bin', { ignoreMissing: true });
  // A failure of the large-object upload leaves the single PUT rows standing.
  let sloM: Measure | string;
  let segments = 0;
  try {
    const slo = await inProcess(() => uploadFile(os, c, file, { name: 'slo.bin', largeObjectThreshold: 0 }));
    segments = slo.value.segments;
    await os.deleteObject(c, 'slo.bin');
    if (!(segments > 1) || slo.value.bytes !== size) throw new Error(`stored ${slo.value.bytes} bytes in ${segments} segments, expected more than one`);
    sloM = measured(slo, { bytes: size });
  } catch (e) {
    sloM = `failed: ${errorText(e)}`;
  }

  const gib = sizeLabel(size);
  const curlM = measured(curlRun, { bytes: size });
  const pyM = pyMeasure(py, { bytes: size });
  const putM = measured(put, { bytes: size });
  const sloName = `${gib} upload as SLO (SDK defaults: ${segments} segments)`;
  return [
    {
      case: `${gib} single PUT from a file`,
      kind: 'throughput',
      sdk: putM,
      baseline: 'curl -T',
      base: curlM,
      goal: '>= 0.9',
    },
    {
      case: `${gib} single PUT from a file`,
      kind: 'throughput',
      sdk: putM,
      baseline: 'openstacksdk create_object',
      base: pyM,
    },
    {
      case: sloName,
      kind: 'throughput',
      sdk: sloM,
      baseline: 'curl -T (single PUT)',
      base: curlM,
      goal: '> 1',
    },
    {
      case: sloName,
      kind: 'throughput',
      sdk: sloM,
      baseline: 'openstacksdk create_object',
      base: pyM,
      goal: '> 1',
    },
  ];
}
