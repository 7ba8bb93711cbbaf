import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import type { GetManualChunk, RollupOptions } from 'rollup';
import dts from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};

/** One file per public entry: `openstack-sdk`, `openstack-sdk/core`, one per service, and the Node/Deno entry. */
const entries = {
  index: 'src/index.ts',
  core: 'src/core.ts',
  identity: 'src/services/identity/index.ts',
  'object-store': 'src/services/object-store/index.ts',
  compute: 'src/services/compute/index.ts',
  image: 'src/services/image/index.ts',
  network: 'src/services/network/index.ts',
  'block-storage': 'src/services/block-storage/index.ts',
  metric: 'src/services/metric/index.ts',
  alarm: 'src/services/alarm/index.ts',
  message: 'src/services/message/index.ts',
  orchestration: 'src/services/orchestration/index.ts',
  'key-manager': 'src/services/key-manager/index.ts',
  clustering: 'src/services/clustering/index.ts',
  database: 'src/services/database/index.ts',
  node: 'src/node/index.ts',
};

// Dependencies stay imports in the package builds (the user's package manager installs them once);
// only the UMD bundle carries its own copy.
const deps = Object.keys(pkg.dependencies ?? {});
const external = (id: string) =>
  id.startsWith('node:') || builtinModules.includes(id) || deps.some((d) => id === d || id.startsWith(`${d}/`));

// Unused imports of dependencies are dropped (the package and its dependencies have no side effects).
const treeshake = { moduleSideEffects: 'no-external' as const };

// Chunks are laid out so that the app's bundler keeps the same lazy boundaries:
// - a module loaded with import() anywhere (MD5, large objects, signing, version discovery, waits)
//   is a chunk of its own;
// - a module reached only through such a chunk (hmac, the worker pool) is left to rollup, which
//   places it with the lazy code that needs it;
// - every other module reached statically from an entry goes to its service's chunk, or the core's.
// Without the last rule rollup would move statically used modules (the errors, say) into a lazy
// chunk that depends on them, and that chunk would load up front.
let staticallyReached: Set<string> | undefined;
const manualChunks: GetManualChunk = (id, { getModuleInfo, getModuleIds }) => {
  if (!staticallyReached) {
    staticallyReached = new Set();
    const visit = (m: string) => {
      if (staticallyReached!.has(m)) return;
      staticallyReached!.add(m);
      for (const dep of getModuleInfo(m)?.importedIds ?? []) visit(dep);
    };
    for (const m of getModuleIds()) if (getModuleInfo(m)?.isEntry) visit(m);
  }
  const m = getModuleInfo(id);
  // The full and core entries, and the Node-only code (reached from the node entry alone), are rollup's.
  if (!m || !id.includes('/src/') || /\/src\/(index|core)\.ts$|\/src\/node\//.test(id)) return undefined;
  if (m.dynamicImporters.length > 0) return basename(id).replace(/\.[cm]?[jt]s$/, '');
  if (!staticallyReached.has(id)) return undefined;
  const service = /\/src\/services\/([^/]+)\//.exec(id)?.[1];
  if (service) return service;
  return id.includes('/src/services/') ? 'services' : 'core';
};

const banner = `/*! openstack-sdk ${pkg.version} | Apache-2.0 */`;

// A clean dist/ so files of renamed chunks do not linger in the published package.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });

const config: RollupOptions[] = [
  // ESM for bundlers, browsers with an import map, Deno and Node.
  {
    input: entries,
    external,
    treeshake,
    plugins: [esbuild({ target: 'es2022' })],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // Otherwise the imports of lazily loaded chunks (hash-wasm) are repeated in every entry.
      hoistTransitiveImports: false,
      manualChunks,
      sourcemap: true,
      banner,
    },
  },
  // CommonJS for `require('openstack-sdk')` in Node.
  {
    input: entries,
    external,
    treeshake,
    plugins: [esbuild({ target: 'es2022' })],
    output: {
      dir: 'dist',
      format: 'cjs',
      entryFileNames: '[name].cjs',
      chunkFileNames: 'chunks/[name]-[hash].cjs',
      hoistTransitiveImports: false,
      manualChunks,
      sourcemap: true,
      banner,
      exports: 'named',
    },
  },
  // One minified file for a <script> tag: `window.OpenStack.Connection`.
  {
    input: 'src/index.ts',
    plugins: [
      nodeResolve({
        browser: true,
        exportConditions: ['browser', 'import', 'default'],
      }),
      esbuild({ target: 'es2022' }),
    ],
    output: {
      file: 'dist/openstack-sdk.umd.min.js',
      format: 'umd',
      name: 'OpenStack',
      sourcemap: true,
      inlineDynamicImports: true,
      banner,
      plugins: [terser({ format: { comments: /^!/ } })],
    },
  },
  // Type declarations for the ESM entries, and the same again for `require` (.d.cts beside .cjs).
  ...(['.d.ts', '.d.cts'] as const).map((ext): RollupOptions => ({
    input: entries,
    external,
    plugins: [dts()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: `[name]${ext}`,
      chunkFileNames: `chunks/[name]-[hash]${ext}`,
    },
  })),
];

export default config;
