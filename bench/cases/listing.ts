/**
 * Listing 20,000 objects: the SDK's `objects()` iterator against a raw fetch loop (GET
 * `?format=json&marker=...` until an empty page) and openstacksdk's `object_store.objects()`.
 * Ratio: SDK seconds / baseline seconds. The objects live in container `ossdk-bench-list`, made once
 * and kept so that later runs skip creating them.
 */
import { inProcess, measured, pyMeasure, python, type Context, type Row } from '../lib.js';

export const LIST_CONTAINER = 'ossdk-bench-list';
const COUNT = 20_000;

async function ensureListing(ctx: Context) {
  const os = ctx.conn.objectStore;
  await os.createContainer(LIST_CONTAINER);
  const have = new Set<string>();
  for await (const e of os.objects(LIST_CONTAINER)) if ('name' in e && typeof e.name === 'string') have.add(e.name);
  const missing = Array.from({ length: COUNT }, (_, i) => `obj/${String(i).padStart(6, '0')}`).filter((n) => !have.has(n));
  if (missing.length) console.log(`creating ${missing.length} objects for the listing case (kept for later runs)...`);
  let i = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (i < missing.length)
        await os.uploadObject({
          container: LIST_CONTAINER,
          name: missing[i++]!,
          data: 'x',
          contentType: 'text/plain',
          leaveSegments: true,
        });
    }),
  );
}

async function rawList(endpoint: string, token: string): Promise<number> {
  let marker = '';
  let n = 0;
  for (;;) {
    const res = await fetch(`${endpoint}/${LIST_CONTAINER}?format=json&marker=${encodeURIComponent(marker)}`, { headers: { 'x-auth-token': token } });
    if (!res.ok) throw new Error(`raw listing: HTTP ${res.status}`);
    const page = (await res.json()) as { name: string }[];
    if (!page.length) return n;
    n += page.length;
    marker = page[page.length - 1]!.name;
  }
}

export async function listing(ctx: Context): Promise<Row[]> {
  await ensureListing(ctx);
  const raw = await inProcess(() => rawList(ctx.endpoint, ctx.token));
  const sdk = await inProcess(async () => {
    let n = 0;
    for await (const _ of ctx.conn.objectStore.objects(LIST_CONTAINER)) n++;
    return n;
  });
  if (raw.value !== COUNT || sdk.value !== COUNT) throw new Error(`listed ${raw.value} raw, ${sdk.value} by the SDK, expected ${COUNT}`);
  const py = python(['list', LIST_CONTAINER]);
  if (typeof py !== 'string' && py.count !== COUNT) throw new Error(`openstacksdk listed ${py.count}, expected ${COUNT}`);
  const name = `list ${COUNT.toLocaleString('en')} objects`;
  const s = measured(sdk, { items: COUNT });
  return [
    {
      case: name,
      kind: 'time',
      sdk: s,
      baseline: 'raw fetch loop',
      base: measured(raw, { items: COUNT }),
    },
    {
      case: name,
      kind: 'time',
      sdk: s,
      baseline: 'openstacksdk',
      base: pyMeasure(py, { items: COUNT }),
    },
  ];
}
