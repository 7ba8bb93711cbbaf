import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { Connection } from '../../src/core.js';
import { message } from '../../src/services/message/index.js';
import { newClientId } from '../../src/services/message/client-id.js';
import { fakeAuth, fakeServer, json, keystoneRoute, type FakeServer, type Handler } from '../helpers/fake-server.js';
import { shapeViolations } from '../helpers/shape-rules.js';

let srv: FakeServer;
afterEach(() => srv?.close());

async function zaqar(routes: [RegExp, Handler][]) {
  srv = await fakeServer([keystoneRoute(() => srv.url, { messaging: '/messaging/v2' }), ...routes]);
  return new Connection({ auth: fakeAuth(srv.url), services: [message], retry: { retries: 0 } });
}
const zaqarRequests = () => srv.requests.filter((r) => r.url.startsWith('/messaging/'));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('the message proxy follows the one-shape rules', () => {
  const r = shapeViolations(fileURLToPath(new URL('../../src/services/message/index.ts', import.meta.url)));
  expect(r.proxies).toEqual(['MessageProxy']);
  expect(r.methods).toBeGreaterThan(20);
  expect(r.violations).toEqual([]);
}, 120_000);

describe('Client-ID', () => {
  test('a version 4 UUID, also where crypto.randomUUID is missing (browsers on plain http)', () => {
    expect(newClientId()).toMatch(UUID);
    // Node keeps randomUUID on Crypto's prototype: an own property hides it for this test.
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 50 }, () => newClientId()));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(id).toMatch(UUID);
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof globalThis.crypto.randomUUID).toBe('function');
  });

  test("every request carries the proxy's Client-ID; `clientId` replaces it for one call", async () => {
    const conn = await zaqar([[/^GET \/messaging\/v2\/queues/, (_q, res) => json(res, 200, { queues: [], links: [] })]]);
    await conn.message.queues().toArray();
    await conn.message.queues({}, { clientId: 'other-client-id-0001' }).toArray();
    const [first, second] = zaqarRequests();
    expect(first!.headers['client-id']).toBe(conn.message.clientId);
    expect(second!.headers['client-id']).toBe('other-client-id-0001');
  });
});

test("a claim's id comes from its messages' hrefs when Location cannot be read (CORS without Expose-Headers)", async () => {
  const href = (id: string) => `/v2/queues/q/messages/${id}?claim_id=c-42`;
  const conn = await zaqar([
    [/^POST \/messaging\/v2\/queues\/q\/claims\?limit=2$/, (_q, res) =>
      json(res, 201, { messages: [{ id: 'm1', href: href('m1'), ttl: 60, age: 1, body: 1 }, { id: 'm2', href: href('m2'), ttl: 60, age: 1, body: 2 }] })],
  ]);
  const claim = await conn.message.createClaim('q', { limit: 2, ttl: 60 });
  expect(claim).toMatchObject({ id: 'c-42', ttl: 60, messages: [{ id: 'm1' }, { id: 'm2' }] });
  expect(JSON.parse(zaqarRequests()[0]!.body)).toEqual({ ttl: 60 });
});
