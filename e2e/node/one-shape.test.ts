/**
 * One shape for every service (README): every public method of every service proxy in the built
 * package's type declarations follows the rules, checked by test/helpers/shape-rules.ts.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { shapeViolations } from '../../test/helpers/shape-rules.js';
import { requireDist, ROOT } from '../browser/harness.js';

test('every method of every service proxy in dist/index.d.ts follows the one-shape rules', () => {
  requireDist();
  const r = shapeViolations(join(ROOT, 'dist/index.d.ts'));
  expect(r.proxies).toEqual(expect.arrayContaining(['IdentityProxy', 'ObjectStoreProxy', 'ComputeProxy', 'ImageProxy', 'NetworkProxy', 'BlockStorageProxy']));
  expect(r.methods).toBeGreaterThan(300);
  expect(r.violations.map((v) => `${v.proxy}.${v.method}: ${v.rule}`)).toEqual([]);
}, 300_000);
