// The closing line of `npm test`, from vitest's JSON report. vitest's own totals count tests only:
// a file that fails to import, or whose beforeAll/afterAll hook throws, fails with no failed test
// (its tests are reported as skipped, or not at all), and would read as "0 failed". Here every such
// file is one failure, and the tests it did not run are not counted as skipped.

const SKIPPED = new Set(['skipped', 'pending', 'todo', 'disabled']);

/**
 * Counts a vitest JSON report (`--reporter=json`).
 *
 * @param {any} report the parsed report, or undefined when vitest wrote none
 * @param {number} exitCode vitest's exit code
 * @returns {{ passed: number, failed: number, skipped: number, notRun: number,
 *   failedFiles: { name: string, message: string, notRun: number }[], notes: string[] }}
 */
export function summarize(report, exitCode = 0) {
  const s = { passed: 0, failed: 0, skipped: 0, notRun: 0, failedFiles: [], notes: [] };
  if (!report) {
    s.failed = 1;
    s.notes.push(`vitest wrote no report (exit ${exitCode}): it failed before running any test file`);
    return s;
  }
  for (const file of report.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    const passed = tests.filter((t) => t.status === 'passed').length;
    const failed = tests.filter((t) => t.status === 'failed').length;
    const skipped = tests.filter((t) => SKIPPED.has(t.status)).length;
    s.passed += passed;
    s.failed += failed;
    if (file.status === 'failed' && failed === 0) {
      // An import error, a failing hook, or an error thrown outside any test.
      s.failed += 1;
      s.notRun += skipped;
      s.failedFiles.push({ name: file.name, message: file.message || 'a hook or the file itself failed (see above)', notRun: skipped });
    } else s.skipped += skipped;
  }
  if (s.failed === 0 && (exitCode !== 0 || report.success === false)) {
    // Every file passed, yet the run failed: an unhandled error, or a global setup or teardown.
    s.failed = 1;
    s.notes.push(`vitest exited ${exitCode} with no failed test or file: an unhandled error or a global setup (see above)`);
  }
  return s;
}

/** `N passed, N failed, N skipped`: the line any CI reads. */
export function closingLine(s) {
  return `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`;
}

/** The lines that explain failures the counts alone do not show. */
export function details(s, root = '') {
  const lines = [];
  for (const f of s.failedFiles) {
    const name = root && f.name.startsWith(root) ? f.name.slice(root.length).replace(/^\//, '') : f.name;
    const notRun = f.notRun ? ` (${f.notRun} test${f.notRun === 1 ? '' : 's'} not run)` : '';
    lines.push(`failed file: ${name}${notRun}: ${f.message.split('\n')[0]}`);
  }
  return [...lines, ...s.notes];
}
