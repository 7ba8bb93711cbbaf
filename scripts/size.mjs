#!/usr/bin/env node
/**
 * Bytes a web app pays for the SDK: each case is bundled with esbuild the way an app's bundler would
 * (browser conditions, ofetch and valibot included, tree-shaken, minified, code split) and gzipped.
 * "initial" is what loads up front; "lazy" is code behind a dynamic import (e.g. MD5 for ETag checks).
 *
 *   node scripts/size.mjs            figures for dist/ (run `npm run build` first)
 *   node scripts/size.mjs --src      the same from the TypeScript sources
 *   node scripts/size.mjs --json     machine-readable output
 *
 * Exits 1 when a budget is exceeded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fromSrc = process.argv.includes('--src');
const asJson = process.argv.includes('--json');

/**
 * KB = 1024 bytes, min+gzip. The goal for auth + object store is 12 KB, but the core alone, with
 * ofetch and valibot, is about 14 KB: until the core and the object store are slimmed, the budget
 * is a ceiling just above today's size, so that nothing grows unnoticed.
 */
export const BUDGETS = { full: 50 * 1024, 'core + object-store': 25 * 1024 };

const services = ['identity', 'object-store', 'compute', 'image', 'network', 'block-storage'];

/** Entry name -> file, from dist/ or from src/. */
function entryFile(name) {
  if (!fromSrc) return join(root, 'dist', `${name === 'full' ? 'index' : name}.js`);
  if (name === 'full') return join(root, 'src/index.ts');
  if (name === 'core') return join(root, 'src/core.ts');
  return join(root, 'src/services', name, 'index.ts');
}

const camel = (s) => s.replace(/-(\w)/g, (_, c) => c.toUpperCase());
const q = (name) => JSON.stringify(entryFile(name));

/** What each case's app imports. */
const cases = {
  full: `export * from ${q('full')};`,
  core: `export { Connection } from ${q('core')};`,
  ...Object.fromEntries(
    services.map((s) => [`core + ${s}`, `export { Connection } from ${q('core')};\nexport { ${camel(s)} } from ${q(s)};`]),
  ),
};

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

async function measure(contents) {
  const out = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'app.js', loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    treeShaking: true,
    write: false,
    outdir: join(root, '.size-out'),
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  });
  // Files reachable from the entry through static imports load up front; the rest load on demand.
  const outputs = out.metafile.outputs;
  const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint);
  const initial = new Set();
  const visit = (path) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const imp of outputs[path].imports) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(entry);
  let init = 0;
  let lazy = 0;
  for (const f of out.outputFiles) {
    if (f.path.endsWith('.map')) continue;
    const rel = relative(root, f.path);
    if (initial.has(rel)) init += gzip(f.contents);
    else lazy += gzip(f.contents);
  }
  return { initial: init, lazy };
}

export async function sizes() {
  const result = {};
  for (const [name, contents] of Object.entries(cases)) result[name] = await measure(contents);
  const umd = join(root, 'dist/openstack-sdk.umd.min.js');
  if (!fromSrc && existsSync(umd)) result['umd bundle'] = { initial: gzip(readFileSync(umd)), lazy: 0 };
  return result;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!fromSrc && !existsSync(entryFile('full'))) {
    console.error('dist/ is missing: run `npm run build` first (or pass --src).');
    process.exit(2);
  }
  const result = await sizes();
  const over = Object.entries(BUDGETS).filter(([name, max]) => result[name].initial > max);
  if (asJson) console.log(JSON.stringify({ from: fromSrc ? 'src' : 'dist', sizes: result, budgets: BUDGETS }, null, 2));
  else {
    const coreSize = result.core.initial;
    console.log(`min+gzip, from ${fromSrc ? 'src/' : 'dist/'} (browser bundle with ofetch + valibot):`);
    for (const [name, { initial, lazy }] of Object.entries(result)) {
      const extra = name.startsWith('core + ') ? `  (+${kb(initial - coreSize)} over core)` : '';
      const budget = BUDGETS[name] ? `  budget ${kb(BUDGETS[name])}` : '';
      const lazyText = lazy ? `  + ${kb(lazy)} lazy` : '';
      console.log(`  ${name.padEnd(26)} ${kb(initial).padStart(9)}${lazyText}${extra}${budget}`);
    }
  }
  for (const [name, max] of over) console.error(`over budget: ${name} is ${kb(result[name].initial)}, budget ${kb(max)}`);
  process.exitCode = over.length ? 1 : 0;
}
