/**
 * Runs in a fresh Node process, started by bench/cases/rss.ts: uploads one file as a single PUT
 * (`uploadFile` with `largeObjectThreshold` = its size) and prints one JSON line with the peak
 * resident set size of this process (`process.resourceUsage().maxRSS`, MiB), the upload's seconds
 * and the process's CPU (user + system seconds) during the upload.
 *
 *   node rss-child.js CONTAINER NAME FILE      (the cloud as bench/lib.ts chooses it)
 *
 * With NAME `-` it only logs in: the peak RSS of the SDK's process without an upload.
 */
import { stat } from 'node:fs/promises';
import { uploadFile } from '../src/node/object-store.js';
import { connectCloud, inProcess } from './lib.js';

async function main() {
  const [container, name, file] = process.argv.slice(2) as [string, string, string];
  const size = (await stat(file)).size;
  const os = connectCloud().objectStore;
  await os.endpoint(); // log in before measuring
  const r = await inProcess(async () => (name === '-' ? { bytes: size } : uploadFile(os, container, file, { name, largeObjectThreshold: size })));
  if (r.value.bytes !== size) throw new Error(`stored ${r.value.bytes} bytes, expected ${size}`);
  console.log(
    JSON.stringify({
      seconds: r.seconds,
      cpu: r.cpu,
      rssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
