import { afterEach, expect, test } from 'vitest';
import { Connection } from '../../src/core.js';
import { ResourceFailureError } from '../../src/base/errors.js';
import { orchestration } from '../../src/services/orchestration/index.js';
import { fakeAuth, fakeServer, json, keystoneRoute, type FakeServer } from '../helpers/fake-server.js';

// A stack whose delete fails cannot be made on demand in the local cloud (Heat deletes whatever
// the demo user made there), so Heat's answers are played here.
let srv: FakeServer;
afterEach(() => srv?.close());

test('waitForStackDelete ends on DELETE_FAILED with Heat\'s reason in the message', async () => {
  let polls = 0;
  const stack = (status: string, reason: string) => ({ stack: { id: 's1', stack_name: 'web', stack_status: status, stack_status_reason: reason } });
  srv = await fakeServer([
    keystoneRoute(() => srv.url, { orchestration: '/heat/v1/p1' }),
    [/^GET \/heat\/v1\/p1\/stacks\/web\/s1$/, (_q, res) => {
      polls++;
      json(res, 200, polls < 2 ? stack('DELETE_IN_PROGRESS', 'Stack DELETE started') : stack('DELETE_FAILED', 'Resource DELETE failed: Conflict: port in use'));
    }],
  ]);
  const conn = new Connection({ auth: fakeAuth(srv.url), services: [orchestration], retry: { retries: 0 } });
  const err = await conn.orchestration.waitForStackDelete({ id: 's1', stack_name: 'web' }, { interval: 1 }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ResourceFailureError);
  expect((err as ResourceFailureError).status).toBe('DELETE_FAILED');
  expect((err as ResourceFailureError).message).toBe('stack web reached stack_status DELETE_FAILED while being deleted: Resource DELETE failed: Conflict: port in use');
  expect(polls).toBe(2);
});
