/**
 * Object store benchmark (not a test): SDK against raw fetch and curl on the local cloud.
 *
 *   npx esbuild bench/object-store.ts --bundle --packages=external --platform=node --format=esm --outfile=node_modules/.cache/ossdk-bench.mjs \
 *     && node node_modules/.cache/ossdk-bench.mjs [local-demo]      (from the repository root)
 *
 * Prints, from one run: listing 20,000 objects (SDK time / raw fetch loop time); a 1 GiB upload as
 * one PUT (SDK throughput / `curl -T` throughput), again with progress events, and as an SLO
 * (SLO throughput / `curl -T`); peak RSS; 300 small uploads (4 KiB, 8 at a time) by the SDK, with
 * and without the HEAD that finds the segments of a replaced large object, against raw fetch PUTs.
 * Then the same work by the Python openstacksdk (bench/openstacksdk.py, Debian's
 * python3-openstacksdk), and the SDK's time over its time. The 20,000 objects are kept in
 * container `ossdk-bench-list` so later runs skip creating them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uploadFile } from '../src/node/object-store.js';
import { connectTo, STATE, type CloudName } from '../test/helpers/cloud.js';

const MiB = 1024 * 1024;
const COUNT = 20_000;
const LIST_CONTAINER = 'ossdk-bench-list';
const CLOUD = (process.argv[2] as CloudName) ?? 'local-demo';
const conn = connectTo(CLOUD);
const os = conn.objectStore;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, (performance.now() - t) / 1000];
}

async function ensureListing() {
  await os.createContainer(LIST_CONTAINER);
  const have = new Set<string>();
  for await (const e of os.objects(LIST_CONTAINER)) if ('name' in e && typeof e.name === 'string') have.add(e.name);
  const missing = Array.from({ length: COUNT }, (_, i) => `obj/${String(i).padStart(6, '0')}`).filter((n) => !have.has(n));
  if (missing.length) console.log(`creating ${missing.length} objects for the listing benchmark (kept for later runs)...`);
  let i = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (i < missing.length) {
        const name = missing[i++]!;
        await os.uploadObject({ container: LIST_CONTAINER, name, data: 'x', contentType: 'text/plain' });
      }
    }),
  );
}

async function rawList(endpoint: string, token: string): Promise<number> {
  let marker = '';
  let n = 0;
  for (;;) {
    const res = await fetch(`${endpoint}/${LIST_CONTAINER}?format=json&marker=${encodeURIComponent(marker)}`, { headers: { 'x-auth-token': token } });
    const page = (await res.json()) as { name: string }[];
    if (!page.length) return n;
    n += page.length;
    marker = page[page.length - 1]!.name;
  }
}

const SMALL = 300;

/** `SMALL` uploads of 4 KiB, 8 at a time, each by `put(name, data)`. */
async function smallUploads(put: (name: string, data: Uint8Array<ArrayBuffer>) => Promise<unknown>): Promise<number> {
  const data = new Uint8Array(4096).fill(7);
  let i = 0;
  const [, seconds] = await time(() =>
    Promise.all(
      Array.from({ length: 8 }, async () => {
        while (i < SMALL) await put(`small/${String(i++).padStart(4, '0')}`, data);
      }),
    ),
  );
  return seconds;
}

interface PythonTimes {
  count: number;
  list: number;
  single: number;
  slo: number;
  small: number;
  rss: number;
}

/** The same work by the Python openstacksdk, or undefined (with the reason printed) where it is missing. */
function openstacksdk(container: string, file: string): PythonTimes | undefined {
  try {
    const out = execFileSync('/usr/bin/python3', ['bench/openstacksdk.py', CLOUD, LIST_CONTAINER, container, file, String(SMALL)], {
      env: { ...process.env, OS_CLIENT_CONFIG_FILE: join(STATE, 'clouds.yaml') },
      encoding: 'utf8',
      // openstacksdk warns that Swift has no version document; only a failure's output is shown.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(out.trim().split('\n').at(-1)!) as PythonTimes;
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? '').trim().split('\n').at(-1);
    console.log(`openstacksdk baseline skipped (apt-get install python3-openstacksdk): ${stderr || (e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

async function makeFile(path: string, size: number) {
  const block = new Uint8Array(MiB).map((_, i) => (i * 2654435761) >>> 24);
  const f = await open(path, 'w');
  for (let written = 0, k = 0; written < size; k++, written += MiB) {
    new DataView(block.buffer).setUint32(0, k);
    await f.write(block.subarray(0, Math.min(MiB, size - written)));
  }
  await f.close();
}

async function main() {
  const endpoint = await os.endpoint();
  const token = (await conn.auth.getAuthState()).token;

  await ensureListing();
  const [rawCount, rawSeconds] = await time(() => rawList(endpoint, token));
  const [sdkCount, sdkSeconds] = await time(async () => {
    let n = 0;
    for await (const _ of os.objects(LIST_CONTAINER)) n++;
    return n;
  });
  if (rawCount !== COUNT || sdkCount !== COUNT) throw new Error(`listed ${rawCount} raw, ${sdkCount} SDK, expected ${COUNT}`);

  const dir = await mkdtemp(join(tmpdir(), 'ossdk-bench-'));
  const size = 1024 * MiB;
  const file = join(dir, 'input.bin');
  await makeFile(file, size);
  const C = `ossdk-bench-up-${Date.now().toString(36)}`;
  await os.createContainer(C);
  try {
    const [, curlSeconds] = await time(async () =>
      execFileSync('curl', ['-sS', '-f', '-o', '/dev/null', '-T', file, '-H', `X-Auth-Token: ${token}`, `${endpoint}/${C}/curl.bin`]),
    );
    const [, putSeconds] = await time(() => uploadFile(os, C, file, { name: 'single.bin', largeObjectThreshold: size }));
    let events = 0;
    const [, progressSeconds] = await time(() => uploadFile(os, C, file, { name: 'progress.bin', largeObjectThreshold: size, onProgress: () => events++ }));
    const [slo, sloSeconds] = await time(() => uploadFile(os, C, file, { name: 'slo.bin', segmentSize: 64 * MiB, concurrency: 4 }));
    if (!slo.segments) throw new Error('expected an SLO');
    const rawSmall = await smallUploads(async (name, data) => {
      const res = await fetch(`${endpoint}/${C}/${name}`, { method: 'PUT', body: data, headers: { 'x-auth-token': token } });
      if (res.status !== 201) throw new Error(`raw PUT: ${res.status}`);
    });
    const sdkSmall = await smallUploads((name, data) => os.uploadObject({ container: C, name, data }));
    const leaveSmall = await smallUploads((name, data) => os.uploadObject({ container: C, name, data, leaveSegments: true }));
    const mbps = (s: number) => (size / MiB / s).toFixed(0);
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(`listing ${COUNT} objects: SDK ${sdkSeconds.toFixed(2)} s, raw fetch ${rawSeconds.toFixed(2)} s, ratio ${(sdkSeconds / rawSeconds).toFixed(2)}`);
    console.log(`1 GiB single PUT: SDK ${mbps(putSeconds)} MiB/s, curl -T ${mbps(curlSeconds)} MiB/s, ratio ${(curlSeconds / putSeconds).toFixed(2)}`);
    console.log(`1 GiB single PUT with onProgress (${events} events): ${mbps(progressSeconds)} MiB/s, ratio to curl -T ${(curlSeconds / progressSeconds).toFixed(2)}`);
    console.log(`1 GiB SLO (64 MiB x 4): ${mbps(sloSeconds)} MiB/s, ratio to curl -T ${(curlSeconds / sloSeconds).toFixed(2)}`);
    console.log(`peak RSS ${rss.toFixed(0)} MiB`);
    console.log(
      `${SMALL} uploads of 4 KiB (8 at a time): raw fetch ${rawSmall.toFixed(2)} s; SDK ${sdkSmall.toFixed(2)} s, ratio ${(sdkSmall / rawSmall).toFixed(2)}; ` +
        `SDK with leaveSegments (no HEAD) ${leaveSmall.toFixed(2)} s, ratio ${(leaveSmall / rawSmall).toFixed(2)}`,
    );
    const py = openstacksdk(C, file);
    if (py) {
      if (py.count !== COUNT) throw new Error(`openstacksdk listed ${py.count}, expected ${COUNT}`);
      const r = (sdk: number, base: number) => `${sdk.toFixed(2)} s vs ${base.toFixed(2)} s, ratio ${(sdk / base).toFixed(2)}`;
      console.log('SDK time / openstacksdk time (below 1: the SDK is faster):');
      console.log(`  listing ${COUNT} objects: ${r(sdkSeconds, py.list)}`);
      console.log(`  1 GiB single PUT: ${r(putSeconds, py.single)}`);
      console.log(`  1 GiB SLO (64 MiB segments): ${r(sloSeconds, py.slo)}`);
      console.log(`  ${SMALL} uploads of 4 KiB: ${r(sdkSmall, py.small)}`);
      console.log(`  peak RSS: SDK ${rss.toFixed(0)} MiB, openstacksdk ${py.rss.toFixed(0)} MiB`);
    }
  } finally {
    await os.deleteObject(C, 'slo.bin', { ignoreMissing: true });
    await os.deleteContainer(C, { recursive: true, ignoreMissing: true });
    await os.deleteContainer(`${C}_segments`, { recursive: true, ignoreMissing: true });
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
