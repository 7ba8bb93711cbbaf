import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { shapeViolations } from '../helpers/shape-rules.js';

// The checker itself: the one-shape test of the built package (e2e/node/one-shape.test.ts) is only
// as good as this.
test('the shape rules pass a proxy that follows them and name each rule a proxy breaks', () => {
  const r = shapeViolations(fileURLToPath(new URL('../fixtures/shape/proxies.ts', import.meta.url)));
  expect(r.proxies).toEqual(['GoodProxy', 'BadProxy']);
  expect(r.violations.filter((v) => v.proxy === 'GoodProxy')).toEqual([]);
  expect(r.violations.filter((v) => v.proxy === 'BadProxy').map((v) => `${v.method}: ${v.rule}`)).toEqual([
    'getThings: a list is named for what it lists (`servers`, not `getServers`)',
    'getThing: the last parameter is the call options, with `signal`',
    'findThing: a find resolves to undefined when nothing matches',
    'createThing: a create\'s name goes in its attributes object',
    'createLabel: a create takes one attributes object before its options',
    'updateThing: the call options are optional',
    'deleteThing: a delete takes `ignoreMissing`',
    'waitForThingDelete: waitFor<Resource>Delete resolves to nothing',
    'downloadThing: a download resolves to { stream, size, checksum, ... }',
    'updateByQuery: get/update/delete/waitFor take the resource (or its id) first',
  ]);
}, 120_000);
