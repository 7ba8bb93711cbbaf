import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { shapeViolations } from '../helpers/shape-rules.js';

// The database proxy follows the shape every proxy follows (README, "One shape for every service").
test('DatabaseProxy breaks none of the shape rules', () => {
  const r = shapeViolations(fileURLToPath(new URL('../../src/services/database/index.ts', import.meta.url)));
  expect(r.proxies).toEqual(['DatabaseProxy']);
  expect(r.methods).toBeGreaterThan(40);
  expect(r.violations).toEqual([]);
}, 120_000);
