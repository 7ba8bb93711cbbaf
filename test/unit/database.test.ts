import { afterEach, expect, test } from 'vitest';
import { Connection } from '../../src/core.js';
import { ResourceFailureError } from '../../src/base/errors.js';
import { database } from '../../src/services/database/index.js';
import { fakeAuth, fakeServer, json, keystoneRoute, type FakeServer } from '../helpers/fake-server.js';

// Trove shows an instance's fault to admins only, and the local cloud's fake compute fails without
// one: the fault of a failed build is played here.
let srv: FakeServer;
afterEach(() => srv?.close());

test('waitForInstance ends on ERROR with the fault message Trove gives', async () => {
  let polls = 0;
  const instance = (status: string, fault?: object) => ({ instance: { id: 'i1', name: 'orders', status, ...(fault ? { fault } : {}) } });
  srv = await fakeServer([
    keystoneRoute(() => srv.url, { database: '/trove/v1.0/p1' }),
    [/^GET \/trove\/v1\.0\/p1\/instances\/i1$/, (_q, res) => {
      polls++;
      json(res, 200, polls < 2 ? instance('BUILD') : instance('ERROR', { message: 'No valid host was found.', created: '2026-12-07T00:00:00' }));
    }],
  ]);
  const conn = new Connection({ auth: fakeAuth(srv.url), services: [database], retry: { retries: 0 } });
  const err = await conn.database.waitForInstance('i1', { interval: 1 }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ResourceFailureError);
  expect((err as ResourceFailureError).status).toBe('ERROR');
  expect((err as ResourceFailureError).message).toBe('database instance i1 reached status ERROR while waiting for active: No valid host was found.');
  expect(polls).toBe(2);
});
