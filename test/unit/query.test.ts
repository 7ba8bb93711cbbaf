import { expect, test } from 'vitest';
import { toQuery } from '../../src/resource/query.js';

test('filters become one key per value, lists repeat the key, undefined is left out', () => {
  expect(toQuery({ name: 'a', tag: ['x', 'y'], gone: undefined, n: 0 })).toEqual({ name: 'a', tag: ['x', 'y'], n: 0 });
});

test('the triplet dialect sends q.field/q.op/q.value in step, with the operator a filter names, and plain keys as they are', () => {
  const q = toQuery({ name: 'web', state: 'alarm', timestamp: { op: 'gt', value: '2026-01-01T00:00:00' }, limit: 5, sort: 'name:asc' }, { triplets: { plain: ['limit', 'sort'] } });
  expect(q).toEqual({
    'q.field': ['name', 'state', 'timestamp'],
    'q.op': ['eq', 'eq', 'gt'],
    'q.value': ['web', 'alarm', '2026-01-01T00:00:00'],
    limit: 5,
    sort: 'name:asc',
  });
});

test('comma lists and JSON objects where the dialect says so', () => {
  expect(toQuery({ tags: ['a', 'b'], metadata: { k: 'v' } }, { commaLists: ['tags'], jsonObjects: true })).toEqual({ tags: 'a,b', metadata: '{"k":"v"}' });
});
