// `npm test`: everything, in the order that fails fastest. Chromium for the browser tests (the one
// thing npm cannot install), lint, build the bundles, typecheck, then one vitest run of every
// project: unit, integration against the local cloud (started or reused by the global setup, which
// installs the cloud's packages) and the end-to-end bundle tests (Chromium, Deno, Node).
// Extra arguments go to vitest (e.g. `npm test -- --project unit`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closingLine, details, summarize } from './summary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const started = Date.now();
const vitestArgs = process.argv.slice(2);

function run(label, cmd, args) {
  console.log(`\n== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) fail(`${label} failed (exit ${r.status})`);
}

/** Steps that do not depend on each other, run at the same time; each one's output is shown when it ends. */
async function runTogether(steps) {
  const results = await Promise.all(
    steps.map(
      ([label, cmd, args]) =>
        new Promise((resolve) => {
          const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
          const out = [];
          child.stdout.on('data', (d) => out.push(d));
          child.stderr.on('data', (d) => out.push(d));
          child.on('close', (status) => {
            console.log(`\n== ${label}: ${cmd} ${args.join(' ')}`);
            process.stdout.write(Buffer.concat(out));
            resolve({ label, status });
          });
        }),
    ),
  );
  for (const { label, status } of results) if (status !== 0) fail(`${label} failed (exit ${status})`);
}

// Whatever stops the run early still ends on the closing line that CI reads.
function fail(message) {
  console.error(`\n== ${message}`);
  console.log(`\n${closingLine({ passed: 0, failed: 1, skipped: 0 })}`);
  process.exit(1);
}

/**
 * Debian's Chromium for the browser tests (/usr/bin/chromium, or OSSDK_CHROMIUM), installed with
 * apt-get when it is missing and this is Debian as root; otherwise one line says what to run.
 */
function ensureChromium() {
  const projects = vitestArgs.flatMap((a, i) => (a === '--project' ? [vitestArgs[i + 1]] : a.startsWith('--project=') ? [a.slice(10)] : []));
  if (projects.length && !projects.includes('e2e')) return;
  const chromium = process.env.OSSDK_CHROMIUM ?? '/usr/bin/chromium';
  if (existsSync(chromium)) return;
  const canApt = !process.env.OSSDK_CHROMIUM && process.getuid?.() === 0 && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (!canApt) fail(`${chromium} is missing: run \`sudo apt-get install chromium\` (Debian), or set OSSDK_CHROMIUM to a Chromium binary`);
  const apt = (...args) => {
    console.log(`\n== chromium: apt-get ${args.join(' ')}`);
    return spawnSync('apt-get', ['-q', '-o', 'DPkg::Lock::Timeout=600', ...args], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status;
  };
  const install = () => apt('install', '-y', '--no-install-recommends', 'chromium') === 0 && existsSync(chromium);
  // A fresh machine may have no package lists, or old ones naming versions the mirror no longer has.
  if (!install() && !(apt('update') === 0 && install()))
    fail('apt-get could not install chromium: run `apt-get update && apt-get install chromium` and read its errors');
}

ensureChromium();
run('lint', 'npm', ['run', '-s', 'lint']);
// Built before the typecheck: the Deno and Bun script is checked against dist/'s declarations.
run('build', 'npm', ['run', '-s', 'build']);
run('typecheck', 'npm', ['run', '-s', 'typecheck']);
// The bundle sizes an app pays, from dist/, against their budgets (test/unit/size.test.ts checks them too).
run('size', 'npm', ['run', '-s', 'size']);
// The package as published: exports map, conditions and type declarations (publint, attw).
run('package', 'npm', ['run', '-s', 'check:package']);
await runTogether([
  // The API reference: a TSDoc comment on every export of every entry point, no broken {@link}.
  ['docs', 'npm', ['run', '-s', 'docs', '--', '--check']],
  // The sources as JSR would take them for Deno (jsr.json): resolved and type-checked by Deno.
  ['jsr', 'npm', ['run', '-s', 'check:jsr']],
]);

mkdirSync('e2e/.tmp', { recursive: true });
const report = 'e2e/.tmp/vitest-report.json';
rmSync(report, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs];
console.log(`\n== tests: npx ${args.join(' ')}`);
const r = spawnSync('npx', args, { stdio: ['ignore', 'inherit', 'inherit'] });

// One plain closing line that any CI reads, whatever the runner prints: failed files (an import
// error, a failing hook) count as failures too.
const summary = summarize(existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : undefined, r.status ?? 1);
console.log(`\nnpm test finished in ${Math.round((Date.now() - started) / 1000)} s`);
for (const line of details(summary, root)) console.log(line);
console.log(closingLine(summary));
process.exit(summary.failed ? 1 : 0);
