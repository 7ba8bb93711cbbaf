import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Built from src/ so that the unit run does not depend on dist/; `npm run size` measures dist/.
const root = join(import.meta.dirname, '../..');

interface Report {
  sizes: Record<string, { initial: number; lazy: number }>;
  budgets: Record<string, number>;
}

function report(): Report {
  const out = execFileSync(process.execPath, [join(root, 'scripts/size.mjs'), '--src', '--json'], {
    cwd: root,
    encoding: 'utf8',
  }).toString();
  return JSON.parse(out) as Report;
}

describe('bundle size (min+gzip, browser, ofetch and valibot included)', () => {
  let r: Report;
  try {
    r = report();
  } catch (e) {
    // Over budget the script exits 1 but still prints its figures.
    const stdout = (e as { stdout?: string }).stdout;
    if (!stdout) throw e;
    r = JSON.parse(stdout) as Report;
  }

  it('the full SDK stays within 50 KB', () => {
    expect(r.budgets.full).toBe(50 * 1024);
    expect(r.sizes.full!.initial, 'gzip bytes; `npm run size` shows the breakdown').toBeLessThanOrEqual(r.budgets.full!);
  });

  it('auth + object store through the slim entries stays within its ceiling (16 KB)', () => {
    expect(r.budgets['core + object-store']).toBe(16 * 1024);
    expect(r.sizes['core + object-store']!.initial, 'gzip bytes; `npm run size` shows the breakdown').toBeLessThanOrEqual(
      r.budgets['core + object-store']!,
    );
  });

  it('the slim entries tree-shake: one service costs less than the full SDK', () => {
    for (const [name, { initial }] of Object.entries(r.sizes)) if (name !== 'full') expect(initial).toBeLessThan(r.sizes.full!.initial);
  });
});
