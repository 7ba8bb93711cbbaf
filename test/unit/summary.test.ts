import { describe, expect, it } from 'vitest';
import { closingLine, details, summarize } from '../../scripts/summary.mjs';

// The closing line of `npm test` counts what vitest's totals leave out: files that fail with no
// failed test (an import error, a failing beforeAll or afterAll).
const test = (title: string, status: string) => ({ title, fullName: title, status, failureMessages: [] });
const file = (name: string, status: string, tests: ReturnType<typeof test>[], message = '') => ({
  name: `/repo/${name}`,
  status,
  message,
  assertionResults: tests,
});
const report = (...files: ReturnType<typeof file>[]) => ({ success: files.every((f) => f.status === 'passed'), testResults: files });

describe('npm test closing line', () => {
  it('counts tests as vitest does when every file ran', () => {
    const s = summarize(
      report(
        file('a.test.ts', 'passed', [test('x', 'passed'), test('y', 'passed'), test('z', 'skipped')]),
        file('b.test.ts', 'failed', [test('x', 'passed'), test('y', 'failed'), test('t', 'todo')]),
      ),
      1,
    );
    expect(closingLine(s)).toBe('3 passed, 1 failed, 2 skipped');
    expect(details(s, '/repo')).toEqual([]);
  });

  it('counts a file that failed to import as one failure', () => {
    const s = summarize(
      report(
        file('a.test.ts', 'passed', [test('x', 'passed')]),
        file('b.test.ts', 'failed', [], "Cannot find module './gone.js' imported from /repo/b.test.ts"),
      ),
      1,
    );
    expect(closingLine(s)).toBe('1 passed, 1 failed, 0 skipped');
    expect(details(s, '/repo')).toEqual(["failed file: b.test.ts: Cannot find module './gone.js' imported from /repo/b.test.ts"]);
  });

  it('counts a failing beforeAll as one failure, and its tests as not run rather than skipped', () => {
    // What vitest reports for a file whose beforeAll throws: the file failed, its tests "skipped".
    const s = summarize(
      report(
        file('a.test.ts', 'passed', [test('x', 'passed'), test('y', 'skipped')]),
        file('hook.test.ts', 'failed', [test('p', 'skipped'), test('q', 'skipped'), test('r', 'skipped')]),
      ),
      1,
    );
    expect(closingLine(s)).toBe('1 passed, 1 failed, 1 skipped');
    expect(s.notRun).toBe(3);
    expect(details(s, '/repo')).toEqual(['failed file: hook.test.ts (3 tests not run): a hook or the file itself failed (see above)']);
  });

  it('counts a failing afterAll (every test passed, the file failed) as one failure', () => {
    const s = summarize(report(file('after.test.ts', 'failed', [test('x', 'passed'), test('y', 'passed')])), 1);
    expect(closingLine(s)).toBe('2 passed, 1 failed, 0 skipped');
  });

  it('adds nothing for a file that failed through its own failed tests', () => {
    const s = summarize(report(file('b.test.ts', 'failed', [test('x', 'failed'), test('y', 'failed'), test('z', 'skipped')])), 1);
    expect(closingLine(s)).toBe('0 passed, 2 failed, 1 skipped');
    expect(s.failedFiles).toEqual([]);
  });

  it('never ends on 0 failed when vitest failed: no report, or an error outside every file', () => {
    expect(closingLine(summarize(undefined, 1))).toBe('0 passed, 1 failed, 0 skipped');
    const s = summarize({ success: false, testResults: [file('a.test.ts', 'passed', [test('x', 'passed')])] }, 1);
    expect(closingLine(s)).toBe('1 passed, 1 failed, 0 skipped');
    expect(details(s)).toHaveLength(1);
    expect(closingLine(summarize(report(file('a.test.ts', 'passed', [test('x', 'passed')])), 0))).toBe('1 passed, 0 failed, 0 skipped');
  });
});
