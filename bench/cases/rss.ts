/**
 * Peak resident memory of the client during one single-PUT upload from a file, for a quarter of,
 * once and twice the large file's size (256 MiB, 1 GiB and 2 GiB by default). Each upload runs in a
 * fresh process, so the figures are independent: bench/rss-child.ts for the SDK
 * (`process.resourceUsage().maxRSS`) and bench/openstacksdk.py `put` for openstacksdk
 * (`ru_maxrss`; above 1 GiB its `create_object` makes a large object of 1 GiB segments).
 * A first row gives, for scale, the peak RSS of each client's process when it only logs in.
 * A size is skipped when the machine has too little memory left for the cloud to store it.
 * Ratio: SDK MiB / openstacksdk MiB.
 */
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorText, makeFile, needMemory, pyMeasure, python, sizeLabel, type Context, type Measure, type Row } from '../lib.js';

const CHILD = fileURLToPath(new URL('./rss-child.js', import.meta.url));

function child(container: string, name: string, file: string): Measure | string {
  const r = spawnSync(process.execPath, [CHILD, container, name, file], {
    encoding: 'utf8',
  });
  if (r.status !== 0)
    return `failed: ${
      r.stderr
        .trim()
        .split('\n')
        .find((l) => /Error/.test(l)) ?? r.stderr.trim().split('\n').at(-1)
    }`;
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measure;
}

export async function rss(ctx: Context): Promise<Row[]> {
  const os = ctx.conn.objectStore;
  const c = await ctx.container('rss');
  const rows: Row[] = [];
  // What a process that only loads the SDK and logs in takes, for scale.
  const idle = child(c, '-', ctx.file);
  rows.push({
    case: 'peak RSS of a process that only logs in',
    kind: 'rss',
    sdk: idle,
    baseline: 'openstacksdk',
    base: pyMeasure(python(['login'])),
  });
  for (const size of [ctx.size / 4, ctx.size, ctx.size * 2]) {
    const name = `peak RSS, single PUT of ${sizeLabel(size)}`;
    try {
      needMemory(size, 'this size');
    } catch (e) {
      const why = errorText(e).replace(/^Error: /, '');
      rows.push({
        case: name,
        kind: 'rss',
        sdk: why,
        baseline: 'openstacksdk create_object',
        base: why,
        goal: '< 96 MiB',
      });
      continue;
    }
    const file = size === ctx.size ? ctx.file : join(ctx.dir, `rss-${size}.bin`);
    if (file !== ctx.file) await makeFile(file, size);
    try {
      const sdk = child(c, 'sdk.bin', file);
      await os.deleteObject(c, 'sdk.bin', { ignoreMissing: true });
      const py = python(['put', c, 'py.bin', file]);
      await os.deleteObject(c, 'py.bin', { ignoreMissing: true });
      const sdkM = typeof sdk === 'string' ? sdk : { ...sdk, bytes: size };
      rows.push({
        case: name,
        kind: 'rss',
        sdk: sdkM,
        baseline: 'openstacksdk create_object',
        base: pyMeasure(py, { bytes: size }),
        goal: '< 96 MiB',
      });
    } catch (e) {
      rows.push({
        case: name,
        kind: 'rss',
        sdk: `failed: ${errorText(e)}`,
        baseline: 'openstacksdk create_object',
        base: '',
      });
    } finally {
      if (file !== ctx.file) await rm(file, { force: true });
    }
  }
  return rows;
}
