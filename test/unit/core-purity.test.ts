import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';

// The core and every service must bundle for a browser with no Node built-in anywhere in the graph.
describe('the core reaches no Node built-in', () => {
  for (const entry of ['src/core.ts', 'src/index.ts']) {
    test(entry, async () => {
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        platform: 'browser',
        format: 'esm',
        metafile: true,
        logLevel: 'silent',
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.filter((i) => i.startsWith('src/node/'))).toEqual([]);
      expect(inputs.filter((i) => /^node:|^(fs|path|os|http|https|stream|buffer|crypto)$/.test(i))).toEqual([]);
      // ofetch's web build, not its Node one (node.mjs, which brings node-fetch-native and node:http).
      expect(inputs.some((i) => i.includes('node_modules/ofetch/dist/index.mjs'))).toBe(true);
      expect(inputs.filter((i) => /node_modules\/(ofetch\/dist\/node|node-fetch-native)/.test(i))).toEqual([]);
    });
  }
});
