import { afterEach, describe, expect, test } from 'vitest';
import { defineService, ServiceProxy, NotFoundError, BadRequestError, ResponseError, type LogEvent } from '../../src/index.js';
import { Connection } from '../../src/core.js';
import { cloudMessage } from '../../src/base/error-message.js';
import { fakeAuth, fakeServer, json, keystoneRoute, PASSWORD, type FakeServer } from '../helpers/fake-server.js';

describe('the cloud message is pulled out of every body shape', () => {
  const cases: [string, unknown, string][] = [
    ['nova/cinder', { itemNotFound: { message: 'Instance abc could not be found.', code: 404 } }, 'Instance abc could not be found.'],
    ['neutron', { NeutronError: { type: 'NetworkNotFound', message: 'Network x could not be found.', detail: '' } }, 'Network x could not be found.'],
    ['keystone', { error: { code: 404, message: 'Could not find project: p.', title: 'Not Found' } }, 'Could not find project: p.'],
    ['placement/api-wg', { errors: [{ status: 404, title: 'Not Found', detail: 'No resource provider with uuid x found' }] }, 'No resource provider with uuid x found'],
    ['title + description', { title: 'Bad Request', description: 'Queue name is invalid.' }, 'Bad Request: Queue name is invalid.'],
    ['gnocchi', { code: 400, title: 'Bad Request', description: { cause: 'Invalid input', reason: "unexpected timestamp 'x'", detail: [] } }, "Invalid input: unexpected timestamp 'x'"],
    ['heat', { explanation: 'The server could not comply with the request since it is either malformed or otherwise incorrect.', code: 400, error: { message: 'The Resource Type (OS::Nope::Thing) could not be found.', traceback: null, type: 'StackValidationFailed' }, title: 'Bad Request' }, 'The Resource Type (OS::Nope::Thing) could not be found.'],
    ['glance', { message: 'There was a conflict when trying to complete your request.<br /><br />\nImage status transition from active to saving is not allowed', code: 409 }, 'There was a conflict when trying to complete your request. Image status transition from active to saving is not allowed'],
    ['explanation', { explanation: 'The resource could not be found.', code: 404 }, 'The resource could not be found.'],
    ['faultstring', { faultstring: 'Datastore version not found' }, 'Datastore version not found'],
    ['plain text', 'Container not found', 'Container not found'],
    ['html (swift, webob)', '<html><h1>Not Found</h1><p>The resource could not be found.</p></html>', 'Not Found: The resource could not be found.'],
    ['json in text', '{"badRequest": {"message": "Invalid flavorRef", "code": 400}}', 'Invalid flavorRef'],
  ];
  for (const [name, body, msg] of cases) test(name, () => expect(cloudMessage(body)).toBe(msg));
});

describe('HTTP errors', () => {
  const thing = defineService({ name: 'thing', type: 'thing', create: (ctx) => new ServiceProxy(ctx) });
  let srv: FakeServer;
  afterEach(() => srv?.close());

  test('carry status, method, url, request id, and the class for the status', async () => {
    srv = await fakeServer([
      keystoneRoute(() => srv.url, { thing: '/thing' }),
      [/^GET \/thing\/missing/, (_q, res) => json(res, 404, { itemNotFound: { message: 'Gone.' } }, { 'x-openstack-request-id': 'req-42' })],
      [/^GET \/thing\/bad/, (_q, res) => json(res, 400, { badRequest: { message: 'Nope.' } }, { 'x-compute-request-id': 'req-43' })],
      [/^GET \/thing\/html/, (_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('<html>oops</html>')],
    ]);
    const conn = new Connection({ auth: fakeAuth(srv.url), services: [thing] });
    const err = await conn.thing.request({ path: '/missing' }).catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ status: 404, method: 'GET', url: `${srv.url}/thing/missing`, requestId: 'req-42', cloudMessage: 'Gone.' });
    expect(err.message).toBe(`Gone. (HTTP 404 from GET ${srv.url}/thing/missing, request id req-42)`);
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({ name: 'NotFoundError', status: 404, requestId: 'req-42' });
    const bad = await conn.thing.request({ path: '/bad' }).catch((e) => e);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect(bad.requestId).toBe('req-43');
    const malformed = await conn.thing.request({ path: '/html' }).catch((e) => e);
    expect(malformed).toBeInstanceOf(ResponseError);
    expect(malformed.message).toMatch(/Expected JSON .* but got: <html>oops/);
  });

  test('no secret reaches an error, its JSON, or the log hook', async () => {
    srv = await fakeServer([
      keystoneRoute(() => srv.url, { thing: '/thing' }, 'tok-SECRET-abcdef'),
      // A careless service echoing the token and the password back in its message.
      [/^GET \/thing\/echo/, (req, res) => json(res, 400, { error: { message: `bad token ${req.headers['x-auth-token']} for ${PASSWORD}` } })],
      [/^POST \/thing\/temp/, (_q, res) => json(res, 500, { message: 'x' })],
    ]);
    const events: LogEvent[] = [];
    const conn = new Connection({ auth: fakeAuth(srv.url), services: [thing], log: (e) => events.push(e), retry: { retries: 0 } });
    const errors: unknown[] = [];
    errors.push(await conn.thing.request({ path: '/echo' }).catch((e) => e));
    errors.push(
      await conn.thing
        .request({ method: 'POST', path: `${srv.url}/thing/temp?temp_url_sig=abcdef123456&x=1`, headers: { 'X-Account-Meta-Temp-URL-Key': 'mykey-12345' } })
        .catch((e) => e),
    );
    const everything = JSON.stringify([
      events,
      errors.map((e) => [String(e), (e as Error).message, JSON.stringify(e), (e as { body?: unknown }).body, (e as { headers?: unknown }).headers]),
    ]);
    for (const secret of ['tok-SECRET-abcdef', PASSWORD, 'abcdef123456', 'mykey-12345']) expect(everything).not.toContain(secret);
    expect(everything).toContain('***');
    // the token request body itself (with the password) went over the wire, but never into a log event
    expect(srv.requests[0]!.body).toContain(PASSWORD);
    expect(events.some((e) => e.type === 'request' && e.headers?.['x-auth-token'] === '***')).toBe(true);
  });
});
