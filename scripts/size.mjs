#!/usr/bin/env node
/**
 * Bytes a web app pays for the SDK: each case is bundled the way Vite builds an app for production
 * (rollup with browser conditions, ofetch and valibot included, tree-shaken, code split, minified
 * with terser) and each chunk gzipped. "initial" is what loads up front; "lazy" is code behind a
 * dynamic import, loaded on first use (MD5 for ETag checks, large objects, bulk delete, signing,
 * version discovery). Rollup rather than esbuild: esbuild moves code that the entry shares with a
 * lazy chunk into a third chunk, which no production app bundler does.
 *
 *   node scripts/size.mjs            figures for dist/ (run `npm run build` first)
 *   node scripts/size.mjs --src      the same from the TypeScript sources
 *   node scripts/size.mjs --json     machine-readable output
 *
 * Exits 1 when a budget is exceeded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fromSrc = process.argv.includes('--src');
const asJson = process.argv.includes('--json');

/**
 * The figures that have budgets or are watched, in KB = 1024 bytes, min+gzip:
 * - the whole SDK up front: the full entry without its lazy chunks. The goal is 50 KB with all 13
 *   services; each service is 4 to 8 KB of its own (mostly its hand-written calls and schemas), so
 *   with all of them built in the full entry is above it. Until the services' calls load on first
 *   use, the budget is a ceiling just above today's size, so that nothing grows unnoticed;
 * - the whole SDK with every lazy chunk: what an app that uses everything ends up loading;
 * - auth + object store up front: what a page loads before its first listing (the slim entries).
 *   The goal is 16 KB, which it met with ofetch 2.0.0-alpha.3 (15.9 KB); ofetch 1.5.1, the latest
 *   stable release, brings destr and ufo and adds 1.3 KB. Until that is won back the budget is a
 *   ceiling just above today's size (17.2 KB), so that nothing grows unnoticed.
 */
export const BUDGETS = { 'whole SDK up front': 66 * 1024, 'auth + object store up front': 17.5 * 1024 };

/** The watched figures from the measured cases. */
export function figures(result) {
  return {
    'whole SDK up front': result.full.initial,
    'whole SDK with every lazy chunk': result.full.initial + result.full.lazy,
    'auth + object store up front': result['core + object-store'].initial,
  };
}

const services = ['identity', 'object-store', 'compute', 'image', 'network', 'block-storage', 'metric', 'alarm', 'message', 'orchestration', 'key-manager', 'clustering', 'database'];

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
  const app = {
    name: 'app',
    resolveId: (id) => (id === '\0app' ? id : null),
    load: (id) => (id === '\0app' ? contents : null),
  };
  const bundle = await rollup({
    input: '\0app',
    plugins: [
      app,
      nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'], extensions: ['.ts', '.mjs', '.js'] }),
      esbuild({ target: 'es2022' }),
    ],
    treeshake: { moduleSideEffects: 'no-external' },
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser({ format: { comments: false } })] });
  await bundle.close();
  // Chunks reachable from the entry through static imports load up front; the rest load on demand.
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((o) => [o.fileName, o]));
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imp of chunks.get(name)?.imports ?? []) visit(imp);
  };
  visit([...chunks.values()].find((c) => c.isEntry).fileName);
  let init = 0;
  let lazy = 0;
  for (const [name, c] of chunks) {
    if (initial.has(name)) init += gzip(c.code);
    else lazy += gzip(c.code);
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
  const figs = figures(result);
  const over = Object.entries(BUDGETS).filter(([name, max]) => figs[name] > max);
  if (asJson) console.log(JSON.stringify({ from: fromSrc ? 'src' : 'dist', sizes: result, figures: figs, budgets: BUDGETS }, null, 2));
  else {
    const coreSize = result.core.initial;
    console.log(`min+gzip, from ${fromSrc ? 'src/' : 'dist/'} (browser bundle with ofetch + valibot):`);
    for (const [name, { initial, lazy }] of Object.entries(result)) {
      const extra = name.startsWith('core + ') ? `  (+${kb(initial - coreSize)} over core)` : '';
      const lazyText = lazy ? `  + ${kb(lazy)} lazy` : '';
      console.log(`  ${name.padEnd(26)} ${kb(initial).padStart(9)}${lazyText}${extra}`);
    }
    console.log('budgets:');
    for (const [name, n] of Object.entries(figs)) {
      const budget = BUDGETS[name] ? `  budget ${kb(BUDGETS[name])}` : '';
      console.log(`  ${name.padEnd(32)} ${kb(n).padStart(9)}${budget}`);
    }
  }
  for (const [name, max] of over) console.error(`over budget: ${name} is ${kb(figs[name])}, budget ${kb(max)}`);
  process.exitCode = over.length ? 1 : 0;
}
