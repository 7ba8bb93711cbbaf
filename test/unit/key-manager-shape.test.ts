import { fileURLToPath } from 'node:url';
import { test, expect } from 'vitest';
import { shapeViolations } from '../helpers/shape-rules.js';
test('shape', () => {
  const r = shapeViolations(fileURLToPath(new URL('../../src/services/key-manager/index.ts', import.meta.url)));
  console.log(r.proxies, r.methods, JSON.stringify(r.violations, null, 1));
  expect(r.violations).toEqual([]);
}, 120000);
