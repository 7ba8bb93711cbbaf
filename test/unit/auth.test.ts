import { afterEach, describe, expect, test } from 'vitest';
import { defineAuth, defineService, EndpointNotFoundError, PasswordAuth, ServiceProxy, UnauthorizedError, ValidationError } from '../../src/index.js';
import { Connection } from '../../src/core.js';
import { fakeAuth, fakeServer, json, keystoneRoute, type FakeServer } from '../helpers/fake-server.js';

const thing = defineService({ name: 'thing', type: 'thing', create: (ctx) => new ServiceProxy(ctx) });
let srv: FakeServer;
afterEach(() => srv?.close());
const tokenPosts = () => srv.requests.filter((r) => r.method === 'POST' && r.url === '/v3/auth/tokens').length;

describe('authentication', () => {
  test('50 concurrent requests on a fresh Connection make one token request', async () => {
    srv = await fakeServer([keystoneRoute(() => srv.url, { thing: '/thing' }), [/^GET \/thing/, (_q, res) => json(res, 200, {})]]);
    const conn = new Connection({ auth: fakeAuth(srv.url), services: [thing] });
    await Promise.all(Array.from({ length: 50 }, () => conn.thing.request({ path: '/x' })));
    expect(tokenPosts()).toBe(1);
  });

  test('a 401 logs in again once and resends; a second 401 is an error', async () => {
    let rejectNext = 1;
    srv = await fakeServer([
      keystoneRoute(() => srv.url, { thing: '/thing' }),
      [/^GET \/thing\/x/, (_q, res) => (rejectNext-- > 0 ? json(res, 401, { error: { message: 'expired' } }) : json(res, 200, { ok: 1 }))],
      [/^GET \/thing\/never/, (_q, res) => json(res, 401, { error: { message: 'The request you have made requires authentication.' } })],
    ]);
    const conn = new Connection({ auth: fakeAuth(srv.url), services: [thing] });
    expect((await conn.thing.request({ path: '/x' })).data).toEqual({ ok: 1 });
    expect(tokenPosts()).toBe(2);
    const tokens = srv.requests.filter((r) => r.url === '/thing/x').map((r) => r.headers['x-auth-token']);
    expect(tokens[0]).not.toBe(tokens[1]);
    await expect(conn.thing.request({ path: '/never' })).rejects.toBeInstanceOf(UnauthorizedError);
    expect(tokenPosts()).toBe(3);
  });

  test('a token close to expiry is renewed before use', async () => {
    srv = await fakeServer([keystoneRoute(() => srv.url, { thing: '/thing' }), [/^GET \/thing/, (_q, res) => json(res, 200, {})]]);
    const conn = new Connection({ auth: fakeAuth(srv.url), services: [thing] });
    const state = await conn.auth.getAuthState();
    // issued an hour ago, 30 s left: inside the 120 s refresh margin
    conn.auth.provider.setAuthState({
      ...state,
      issuedAt: new Date(Date.now() - 3600_000).toISOString(),
      expiresAt: new Date(Date.now() + 30_000).toISOString(),
    });
    await conn.thing.request({ path: '/x' });
    expect(tokenPosts()).toBe(2);
  });

  test('an exported auth state skips the login', async () => {
    srv = await fakeServer([keystoneRoute(() => srv.url, { thing: '/thing' }), [/^GET \/thing/, (_q, res) => json(res, 200, {})]]);
    const first = new Connection({ auth: fakeAuth(srv.url), services: [thing] });
    const saved = JSON.parse(JSON.stringify(await first.auth.getAuthState()));
    const second = new Connection({ authState: saved, services: [thing] });
    await second.thing.request({ path: '/x' });
    expect(tokenPosts()).toBe(1);
    expect(srv.requests.at(-1)!.headers['x-auth-token']).toBe(saved.token);
  });

  test('bad input is a ValidationError naming the field, before any request', async () => {
    let calls = 0;
    const fetch = () => {
      calls++;
      return Promise.reject(new Error('must not be called'));
    };
    const attempts: [() => unknown, string][] = [
      [() => new Connection({ auth: { type: 'password', username: 'u', password: 'p', userDomainId: 'default' } as never, fetch }), 'auth.authUrl'],
      [() => new Connection({ auth: { type: 'password', authUrl: 'not a url', username: 'u', password: 'p' } as never, fetch }), 'auth.authUrl'],
      [() => new Connection({ auth: { type: 'kerberos-ish', authUrl: 'http://k' }, fetch }), 'auth.type'],
      [() => new Connection({ auth: { type: 'password', authUrl: 'http://k', password: 'p' }, fetch }), 'auth.username'],
      [() => new Connection({ auth: { type: 'password', authUrl: 'http://k', username: 'u', password: 'p' }, fetch }), 'auth.userDomainName'],
      [() => new Connection({ auth: { type: 'password', authUrl: 'http://k', userId: 'u', password: '' }, fetch }), 'auth.password'],
      [() => new Connection({ auth: { type: 'password', authUrl: 'http://k', userId: 'u', password: 'p', projectDomainName: 'Default' }, fetch }), 'auth.projectName'],
      [() => new Connection({ auth: { type: 'password', authUrl: 'http://k', userId: 'u', password: 'p', projectName: 'x' }, fetch }), 'auth.projectDomainName'],
      [() => new Connection({ auth: { type: 'password', authUrl: 'http://k', userId: 'u', password: 'p', projectId: 'x', domainId: 'd' }, fetch }), 'auth.projectId'],
      [() => new Connection({ auth: { type: 'applicationCredential', authUrl: 'http://k', applicationCredentialId: 'x' } as never, fetch }), 'auth.applicationCredentialSecret'],
      [() => new Connection({ auth: { type: 'totp', authUrl: 'http://k', userId: 'u' } as never, fetch }), 'auth.passcode'],
      [() => new Connection({} as never), 'auth'],
    ];
    for (const [make, field] of attempts) {
      let err: unknown;
      try {
        make();
      } catch (e) {
        err = e;
      }
      expect(err, field).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field).toBe(field);
    }
    expect(() => new Connection({ auth: { type: 'kerberos-ish', authUrl: 'http://k' }, fetch })).toThrow(/known: password, v3password, token/);
    expect(calls).toBe(0);
  });

  test('an unknown service type names what the catalog has', async () => {
    srv = await fakeServer([keystoneRoute(() => srv.url, { thing: '/thing', compute: '/compute/v2.1' })]);
    const conn = new Connection({ auth: fakeAuth(srv.url), services: [thing] });
    const err = await conn.auth.getEndpoint('nope').catch((e) => e);
    expect(err).toBeInstanceOf(EndpointNotFoundError);
    expect(err.message).toMatch(/'nope'.*The catalog has: thing \(public@RegionOne\); compute \(public@RegionOne\)/);
  });

  test('an auth plugin added by name is used from a plain options object', async () => {
    srv = await fakeServer([keystoneRoute(() => srv.url, { thing: '/thing' }), [/^GET \/thing/, (_q, res) => json(res, 200, {})]]);
    const vendor = defineAuth<{ authUrl: string; apiKey: string }>({
      names: ['vendorKey'],
      create: (o) => new PasswordAuth({ authUrl: o.authUrl, userId: 'u1', password: o.apiKey, projectId: 'p1' }),
    });
    const conn = new Connection({ auth: { type: 'vendorKey', authUrl: srv.url, apiKey: 'k-123456' }, authTypes: [vendor], services: [thing] });
    await conn.thing.request({ path: '/x' });
    expect(JSON.parse(srv.requests[0]!.body).auth.identity.password.user).toEqual({ id: 'u1', password: 'k-123456' });
  });
});
