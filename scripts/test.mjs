// `npm test`: everything, in the order that fails fastest. Lint, build the bundles, typecheck,
// then one vitest run of every project: unit, integration against the local cloud (started or
// reused by the global setup) and the end-to-end bundle tests (Chromium, Deno, Node).
// Extra arguments go to vitest (e.g. `npm test -- --project unit`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const started = Date.now();
function run(label, cmd, args) {
  console.log(`\n== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n== ${label} failed (exit ${r.status})`);
    process.exit(r.status || 1);
  }
}

run('lint', 'npm', ['run', '-s', 'lint']);
// Built before the typecheck: the Deno and Bun script is checked against dist/'s declarations.
run('build', 'npm', ['run', '-s', 'build']);
run('typecheck', 'npm', ['run', '-s', 'typecheck']);
// The bundle sizes an app pays, from dist/, against their budgets (test/unit/size.test.ts checks them too).
run('size', 'npm', ['run', '-s', 'size']);
// The package as published: exports map, conditions and type declarations (publint, attw).
run('package', 'npm', ['run', '-s', 'check:package']);

mkdirSync('e2e/.tmp', { recursive: true });
const report = 'e2e/.tmp/vitest-report.json';
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
console.log(`\n== tests: npx ${args.join(' ')}`);
const r = spawnSync('npx', args, { stdio: 'inherit' });

// One plain closing line that any CI reads, whatever the runner prints.
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  console.log(`\nnpm test finished in ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped`);
}
process.exit(r.status ?? 1);
