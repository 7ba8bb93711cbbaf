import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { shapeViolations } from '../helpers/shape-rules.js';
import { ResponseError } from '../../src/base/errors.js';
import { actionIdOf } from '../../src/services/clustering/index.js';

test('the clustering proxy follows the shape every service has', () => {
  const r = shapeViolations(fileURLToPath(new URL('../../src/services/clustering/index.ts', import.meta.url)));
  expect(r.proxies).toEqual(['ClusteringProxy']);
  expect(r.methods).toBeGreaterThan(50);
  expect(r.violations).toEqual([]);
}, 60_000);

// Senlin names the action in the Location header, in the body, or (a broken proxy) nowhere.
test('the action of an accepted change is read from the Location header, else from the body', () => {
  const res = (location: string | undefined, data: unknown) => ({ status: 202, headers: new Headers(location ? { location } : {}), data, url: 'http://x/v1/clusters', requestId: undefined });
  expect(actionIdOf(res('http://senlin:8777/v1/actions/abc-123', { cluster: {} }))).toBe('abc-123');
  expect(actionIdOf(res('/v1/actions/def?x=1', null))).toBe('def');
  expect(actionIdOf(res(undefined, { action: 'from-body' }))).toBe('from-body');
  expect(() => actionIdOf(res(undefined, null))).toThrow(ResponseError);
});
