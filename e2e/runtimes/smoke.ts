// Deno or Bun with the built ESM bundle: clouds.yaml through the Node/Deno entry, then the object
// store with Blobs and a file, and the image service with the same file. Prints one JSON line for
// the test to check.
import { Connection, UnauthorizedError } from '../../dist/index.js';
import { cloudOptions, connect, uploadFile, uploadImageFile } from '../../dist/node.js';

// The little of each runtime's globals used here (the project's type check has neither's types).
declare const Deno:
  | { env: { get(name: string): string | undefined }; version: { deno: string }; memoryUsage(): { rss: number } }
  | undefined;
declare const process: { env: Record<string, string | undefined>; versions: Record<string, string>; memoryUsage(): { rss: number } };

const runtime = typeof Deno !== 'undefined' ? `deno ${Deno.version.deno}` : `bun ${process.versions.bun}`;
const env = (name: string) => (typeof Deno !== 'undefined' ? Deno.env.get(name) : process.env[name]);
const cloud = env('OSSDK_TEST_CLOUD') ?? 'local-demo';
const container = env('OSSDK_TEST_CONTAINER') ?? `runtime-${Date.now().toString(36)}`;

const conn = connect({ cloud });
const state = await conn.auth.getAuthState();

await conn.objectStore.createContainer({ name: container });
const text = `hello from ${runtime}`;
const uploaded = await conn.objectStore.uploadObject({
  container,
  name: 'hello.txt',
  data: new Blob([text], { type: 'text/plain' }),
});
// 4 MiB in one PUT: progress between the first event and the last comes from the streamed body
// (a piece of 1 MiB at most at a time, smaller where the runtime's Blob streams smaller chunks).
let progressSteps = 0;
const big = await conn.objectStore.uploadObject({
  container,
  name: 'four-mib.bin',
  data: new Blob([new Uint8Array(4 * 1024 * 1024)]),
  onProgress: (p) => (progressSteps += p.loaded > 0 && p.loaded < p.total! ? 1 : 0),
});

// A file far larger than the memory its upload may take, read piece by piece: to Swift, then to Glance.
const file = env('OSSDK_TEST_FILE');
let fileUpload: { bytes: number; peakRssMiB: number } | undefined;
let imageUpload: { bytes: number | null | undefined; status: string; peakRssMiB: number } | undefined;
if (file) {
  const rss = () => (typeof Deno !== 'undefined' ? Deno.memoryUsage().rss : process.memoryUsage().rss);
  /** Runs `f` and returns the highest RSS seen meanwhile, in MiB. */
  const peakDuring = async (f: (sample: () => void) => Promise<void>) => {
    let peak = rss();
    const sample = () => void (peak = Math.max(peak, rss()));
    const timer = setInterval(sample, 10);
    await f(sample).finally(() => clearInterval(timer));
    return Math.round(peak / 1024 / 1024);
  };
  let bytes = 0;
  const peak = await peakDuring(async (sample) => {
    bytes = (await uploadFile(conn, container, file, { name: 'file.bin', onProgress: sample })).bytes;
  });
  fileUpload = { bytes, peakRssMiB: peak };

  const image = await conn.image.createImage({ name: container, disk_format: 'raw', container_format: 'bare' });
  try {
    const imagePeak = await peakDuring(() => uploadImageFile(conn, image, file));
    const stored = await conn.image.getImage(image);
    imageUpload = { bytes: stored.size, status: stored.status, peakRssMiB: imagePeak };
  } finally {
    await conn.image.deleteImage(image);
  }
}
const names: string[] = [];
for await (const o of conn.objectStore.objects(container)) names.push((o as { name: string }).name);
const downloaded = await conn.objectStore.downloadObjectAsText(container, 'hello.txt');
await conn.objectStore.deleteContainer(container, { recursive: true });

let wrongPassword: unknown;
try {
  const o = cloudOptions({ cloud });
  await new Connection({ ...o, auth: { ...(o.auth as object), password: 'wrong' } as never }).auth.getAuthState();
} catch (e) {
  wrongPassword = { name: (e as Error).name, typed: e instanceof UnauthorizedError };
}

console.log(
  JSON.stringify({
    runtime,
    project: state.project?.id,
    bytes: uploaded.bytes,
    bigBytes: big.bytes,
    progressSteps,
    fileUpload,
    imageUpload,
    names,
    roundTrip: downloaded === text,
    wrongPassword,
  }),
);
