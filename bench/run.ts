/**
 * Transfer benchmark of the SDK against raw fetch, curl and the Python openstacksdk (not a test:
 * figures from one run, nothing asserted about time). `npm run bench` bundles this file and
 * bench/rss-child.ts with esbuild into node_modules/.cache/ossdk-bench and runs it with node:
 *
 *   npm run bench                                   the local cloud (`local-demo`), 1 GiB file
 *   OS_CLOUD=mycloud npm run bench                  a cloud from clouds.yaml
 *   BENCH_SIZE_MIB=64 BENCH_CASES=upload,rss npm run bench
 *
 * Cases (bench/cases/): listing, upload (single PUT and Static Large Object), small, download, rss,
 * image. Makes the large file once in a temporary directory, runs the cases one after the other,
 * prints the table and writes it into README.md (between `<!-- bench:start -->` and
 * `<!-- bench:end -->`) when every case ran at the default size, unless `BENCH_README=0`.
 * Deletes its files, containers and images afterwards; the 20,000 objects of the listing case stay
 * in `ossdk-bench-list` for later runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { image } from './cases/image.js';
import { listing } from './cases/listing.js';
import { objectDownload } from './cases/object-download.js';
import { objectUpload } from './cases/object-upload.js';
import { rss } from './cases/rss.js';
import { small } from './cases/small.js';
import { connectCloud, errorText, makeFile, MiB, SIZE, type Context, type Row } from './lib.js';
import { machine, table, writeReadme } from './report.js';

const CASES: Record<string, (ctx: Context) => Promise<Row[]>> = {
  listing,
  upload: objectUpload,
  small,
  download: objectDownload,
  rss,
  image,
};

async function main() {
  const only = process.env.BENCH_CASES?.split(',').filter(Boolean);
  const unknown = only?.filter((c) => !(c in CASES));
  if (unknown?.length) throw new Error(`unknown case ${unknown.join(', ')}; cases: ${Object.keys(CASES).join(', ')}`);
  const conn = connectCloud();
  const os = conn.objectStore;
  const endpoint = await os.endpoint();
  const token = (await conn.auth.getAuthState()).token;
  const dir = await mkdtemp(join(tmpdir(), 'ossdk-bench-'));
  const stamp = Date.now().toString(36);
  const containers: string[] = [];
  const images: string[] = [];
  const ctx: Context = {
    conn,
    endpoint,
    token,
    dir,
    file: join(dir, 'large.bin'),
    size: SIZE,
    async container(purpose) {
      const name = `ossdk-bench-${purpose}-${stamp}`;
      await os.createContainer(name);
      containers.push(name);
      return name;
    },
    trackImage: (id) => void images.push(id),
  };
  const rows: Row[] = [];
  const header = machine(SIZE);
  try {
    console.log(`making a ${SIZE / MiB} MiB file in ${dir}...`);
    await makeFile(ctx.file, SIZE);
    for (const [name, fn] of Object.entries(CASES)) {
      if (only && !only.includes(name)) continue;
      console.log(`case ${name}...`);
      try {
        const got = await fn(ctx);
        for (const r of got) console.log(`  ${table([r]).split('\n')[2]}`);
        rows.push(...got);
      } catch (e) {
        console.log(`  failed: ${errorText(e)}`);
        rows.push({
          case: name,
          kind: 'time',
          sdk: `failed: ${errorText(e)}`,
          baseline: '',
          base: '',
        });
      }
    }
  } finally {
    // A `_segments` container outlives the large objects deleted one by one during the cases.
    for (const c of containers.flatMap((name) => [name, `${name}_segments`]))
      await os.deleteContainer(c, { recursive: true, ignoreMissing: true }).catch((e) => console.log(`cleanup ${c}: ${errorText(e)}`));
    for (const id of images) await conn.image.deleteImage(id, { ignoreMissing: true }).catch((e) => console.log(`cleanup image ${id}: ${errorText(e)}`));
    await rm(dir, { recursive: true, force: true });
  }
  const block = `${header}\n\n${table(rows)}`;
  console.log(`\n${block}\n`);
  const full = !only && SIZE === 1024 * MiB;
  if (process.env.BENCH_README === '0' || !full) console.log('README.md not written (only at the default size with every case, and not with BENCH_README=0).');
  else console.log(writeReadme(block) ? 'README.md: benchmark table written.' : 'README.md has no bench markers: nothing written.');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
