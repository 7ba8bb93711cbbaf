/**
 * 300 uploads of 4 KiB, 8 at a time: the SDK's `uploadObject` with default options (so with the
 * HEAD that looks for the segments of a large object being replaced) against raw fetch PUTs and
 * openstacksdk's `create_object(data=...)` in 8 threads, each to new names in a fresh container;
 * then the same 300 names uploaded again (overwrites), SDK against raw fetch.
 * Ratio: SDK seconds / baseline seconds.
 */
import { inProcess, measured, pyMeasure, python, type Context, type Row } from '../lib.js';

const COUNT = 300;
const SIZE = 4096;
const PARALLEL = 8;

/** `COUNT` uploads of 4 KiB, `PARALLEL` at a time, each by `put(name, data)`. */
function uploads(put: (name: string, data: Uint8Array<ArrayBuffer>) => Promise<unknown>) {
  const data = new Uint8Array(SIZE).fill(7);
  let i = 0;
  return inProcess(() =>
    Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (i < COUNT) await put(`small/${String(i++).padStart(4, '0')}`, data);
      }),
    ),
  );
}

export async function small(ctx: Context): Promise<Row[]> {
  const os = ctx.conn.objectStore;
  const sdkC = await ctx.container('small-sdk');
  const rawC = await ctx.container('small-raw');
  const pyC = await ctx.container('small-py');
  const raw = (c: string) =>
    uploads(async (name, data) => {
      const res = await fetch(`${ctx.endpoint}/${c}/${name}`, {
        method: 'PUT',
        body: data,
        headers: { 'x-auth-token': ctx.token },
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`raw PUT: HTTP ${res.status}`);
    });
  const sdk = (c: string) => uploads((name, data) => os.uploadObject({ container: c, name, data }));

  const rawNew = await raw(rawC);
  const sdkNew = await sdk(sdkC);
  const rawAgain = await raw(rawC);
  const sdkAgain = await sdk(sdkC);
  const py = python(['small', pyC, String(COUNT)]);

  const m = (r: { seconds: number; cpu: number }) => measured(r, { bytes: COUNT * SIZE, items: COUNT });
  const name = `${COUNT} uploads of 4 KiB, ${PARALLEL} at a time, new names`;
  return [
    {
      case: name,
      kind: 'time',
      sdk: m(sdkNew),
      baseline: 'raw fetch PUT',
      base: m(rawNew),
      goal: '<= 1.0',
    },
    {
      case: name,
      kind: 'time',
      sdk: m(sdkNew),
      baseline: 'openstacksdk create_object',
      base: pyMeasure(py, { bytes: COUNT * SIZE, items: COUNT }),
    },
    {
      case: `the same ${COUNT} names again (overwrite)`,
      kind: 'time',
      sdk: m(sdkAgain),
      baseline: 'raw fetch PUT',
      base: m(rawAgain),
    },
  ];
}
