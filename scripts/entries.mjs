// The package's public entry points: each subpath of package.json's `exports` and the TypeScript
// file it is built from (as rollup.config.ts builds them). The API reference (scripts/docs.mjs) and
// jsr.json cover exactly these.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `.` -> `src/index.ts`, `./core` -> `src/core.ts`, `./node` -> `src/node/index.ts`, a service -> `src/services/<name>/index.ts`. */
export function sourceOf(subpath) {
  if (subpath === '.') return 'src/index.ts';
  const name = subpath.slice(2);
  if (name === 'core') return 'src/core.ts';
  if (name === 'node') return 'src/node/index.ts';
  return `src/services/${name}/index.ts`;
}

/** `{ subpath, source }` for every code entry of package.json's exports (not `./package.json`). */
export function entryPoints() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return Object.keys(pkg.exports)
    .filter((subpath) => subpath !== './package.json')
    .map((subpath) => {
      const source = sourceOf(subpath);
      if (!existsSync(join(root, source))) throw new Error(`package.json exports ${subpath}, but ${source} does not exist`);
      return { subpath, source };
    });
}
