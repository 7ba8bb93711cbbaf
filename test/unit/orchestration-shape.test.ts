import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { shapeViolations } from '../helpers/shape-rules.js';

// The orchestration proxy follows the shape every proxy follows (README, "One shape for every service").
test('OrchestrationProxy breaks none of the shape rules', () => {
  const r = shapeViolations(fileURLToPath(new URL('../../src/services/orchestration/index.ts', import.meta.url)));
  expect(r.proxies).toEqual(['OrchestrationProxy']);
  expect(r.methods).toBeGreaterThan(25);
  expect(r.violations).toEqual([]);
}, 60_000);
