// `npm run faults -- --ops 3000 --seed 7 --concurrency 8`: bundles run.ts with esbuild (Node 20
// cannot run TypeScript itself) into a temporary file, then runs it.
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// inside the repository, so that the bundle finds the dependencies in node_modules
const cache = join(here, "..", "..", "node_modules", ".cache");
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, "ossdk-faults-"));
const out = join(dir, "run.mjs");
try {
  await build({
    entryPoints: [join(here, "run.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: out,
    packages: "external",
    logLevel: "warning",
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  const { main } = await import(pathToFileURL(out).href);
  process.exitCode = await main(process.argv.slice(2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
