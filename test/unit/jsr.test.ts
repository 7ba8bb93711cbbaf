import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPoints, root } from '../../scripts/entries.mjs';

// jsr.json publishes the TypeScript sources to JSR for Deno: the same version and the same entry
// points as the npm package (`npm test` runs `deno publish --dry-run` on it).
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const jsr = JSON.parse(readFileSync(join(root, 'jsr.json'), 'utf8')) as { name: string; version: string; exports: Record<string, string> };

describe('jsr.json', () => {
  it('has the version of package.json', () => expect(jsr.version).toBe(pkg.version));

  it("exports every entry point of package.json's exports, from its TypeScript source", () => {
    expect(jsr.exports).toEqual(Object.fromEntries(entryPoints().map((e) => [e.subpath, `./${e.source}`])));
  });

  it('maps the entry points the way the bundles are built (rollup.config.ts)', () => {
    const rollup = readFileSync(join(root, 'rollup.config.ts'), 'utf8');
    for (const e of entryPoints()) expect(rollup, e.source).toContain(`'${e.source}'`);
  });
});
