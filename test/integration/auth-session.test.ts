import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Connection,
  EndpointNotFoundError,
  ValidationError,
  isOpenStackError,
  type AuthOptions,
  type FetchLike,
  type LogEvent,
} from '../../src/index.js';
import { cloud, connectTo, uniqueName } from '../helpers/cloud.js';

/**
 * How a Connection manages its token against the real Keystone: one login for many concurrent
 * calls, a new login after revocation, exported state reused, secrets never shown, bad input
 * refused before anything is sent.
 */
const admin = connectTo('local-admin');
const authUrl: string = cloud.authUrl;
const demoProject: string = cloud.projects.demo.id;
const password = `pw-${crypto.randomUUID()}`;
let userId: string;

/** Everything printable the SDK produced in this file: searched for secrets at the end. */
const events: LogEvent[] = [];
const errors: unknown[] = [];
const secrets = new Set<string>([password]);
let revokedToken = '';

/** A fetch that counts what it sends, and a Connection for the test user using it. */
function counted(extra: { auth?: AuthOptions } = {}) {
  const sent: { method: string; url: string }[] = [];
  const fetchFn: FetchLike = (input, init) => {
    sent.push({ method: init?.method ?? 'GET', url: String(input instanceof Request ? input.url : input) });
    return fetch(input, init);
  };
  const logins = () => sent.filter((r) => r.method === 'POST' && r.url.endsWith('/v3/auth/tokens')).length;
  const conn = new Connection({
    auth: { type: 'password', authUrl, userId, password, projectId: demoProject },
    fetch: fetchFn,
    log: (e) => events.push(e),
    ...extra,
  });
  return { conn, sent, logins, fetchFn };
}

async function capture<T>(p: Promise<T>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    errors.push(e);
    return e;
  }
  throw new Error('expected a failure');
}

beforeAll(async () => {
  userId = (await admin.identity.createUser({ name: uniqueName('sdk-sess'), domain_id: 'default', password })).id;
  const member = await admin.identity.findRole('member', { ignoreMissing: false });
  await admin.identity.grantRole(member!, { user: userId, project: demoProject });
});
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  if (userId) await admin.identity.deleteUser(userId, { ignoreMissing: true });
});

describe('token lifecycle', () => {
  test('50 concurrent calls on a fresh Connection log in exactly once', async () => {
    const { conn, logins, sent } = counted();
    const results = await Promise.all(Array.from({ length: 50 }, () => conn.identity.getProject(demoProject)));
    expect(results.every((p) => p.id === demoProject)).toBe(true);
    expect(logins()).toBe(1);
    expect(sent.length).toBe(51);
    secrets.add(await conn.auth.getToken());
  });

  test('a token revoked mid-run: the next call logs in again by itself', async () => {
    const { conn, logins } = counted();
    await conn.identity.getProject(demoProject);
    const first = await conn.auth.getToken();
    secrets.add(first);
    revokedToken = first;
    await admin.identity.revokeToken(first);
    expect(await admin.identity.checkToken(first)).toBe(false);
    expect((await conn.identity.getProject(demoProject)).id).toBe(demoProject);
    expect(logins()).toBe(2);
    const second = await conn.auth.getToken();
    secrets.add(second);
    expect(second).not.toBe(first);
    expect(events.some((e) => e.type === 'auth')).toBe(true);
  });

  test('an exported authState works in a new Connection without logging in', async () => {
    const { conn } = counted();
    const state = await conn.auth.getAuthState();
    secrets.add(state.token);
    // As a web app would keep it: plain JSON.
    const stored = JSON.parse(JSON.stringify(state));
    const sent: string[] = [];
    const reuse = new Connection({
      authState: stored,
      fetch: (input, init) => {
        sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
        return fetch(input, init);
      },
      log: (e) => events.push(e),
    });
    expect((await reuse.identity.getProject(demoProject)).id).toBe(demoProject);
    expect((await reuse.identity.authProjects().toArray()).map((p) => p.id)).toEqual([demoProject]);
    expect(sent.filter((s) => s.includes('/auth/tokens'))).toEqual([]);
    expect(sent.length).toBe(2);
    expect(await reuse.auth.getToken()).toBe(state.token);
  });

  test('a revoked authState with no credentials fails clearly', async () => {
    const { conn } = counted();
    const state = await conn.auth.getAuthState();
    secrets.add(state.token);
    await admin.identity.revokeToken(state.token);
    const reuse = new Connection({ authState: state, log: (e) => events.push(e) });
    const err = await capture(reuse.identity.getProject(demoProject));
    expect(isOpenStackError(err)).toBe(true);
    expect((err as Error).message).toMatch(/expired or was rejected/);
  });
});

describe('bad input is refused before any request', () => {
  const base = { type: 'password', authUrl, username: 'u', userDomainName: 'Default', password: 'p' };
  test.each([
    ['no auth URL', { ...base, authUrl: undefined }, 'auth.authUrl', /auth URL is required/],
    ['an auth URL that is not a URL', { ...base, authUrl: 'keystone:5000' }, 'auth.authUrl', /http/],
    ['an unknown auth type', { ...base, type: 'kerberos' }, 'auth.type', /known: password, v3password, token.*totp/],
    ['a password provider without a user', { type: 'password', authUrl, password: 'p' }, 'auth.username', /user is required/],
    ['a user name without its domain', { type: 'password', authUrl, username: 'u', password: 'p' }, 'auth.userDomainName', /domain/],
    ['a project domain with no project', { ...base, projectDomainName: 'Default' }, 'auth.projectName', /without a project/],
    ['two scopes at once', { ...base, projectId: 'p', domainId: 'd' }, 'auth.projectId', /only one scope/],
    ['a password provider without a password', { ...base, password: '' }, 'auth.password', /password is required/],
    ['totp without a passcode', { ...base, type: 'totp' }, 'auth.passcode', /passcode/],
    ['an application credential without a secret', { type: 'applicationCredential', authUrl, applicationCredentialId: 'x' }, 'auth.applicationCredentialSecret', /secret/],
  ])('%s', (_what, auth, field, message) => {
    let requests = 0;
    const err = (() => {
      try {
        new Connection({ auth: auth as never, fetch: () => (requests++, Promise.reject(new Error('no request expected'))) });
      } catch (e) {
        errors.push(e);
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe(field);
    expect((err as Error).message).toMatch(message);
    expect(requests).toBe(0);
  });

  test('bad attributes on a fresh Connection: no login, no request', async () => {
    const { conn, sent } = counted();
    const err = await capture(conn.identity.createUser({ name: '', password: 'x' }));
    expect(err).toMatchObject({ name: 'ValidationError', field: 'attrs.name' });
    expect(sent).toEqual([]);
  });

  test("an unknown service type lists what the catalog has", async () => {
    const { conn, sent } = counted();
    const err = await capture(conn.auth.getEndpoint('nope'));
    expect(err).toBeInstanceOf(EndpointNotFoundError);
    expect((err as Error).message).toMatch(/'nope'/);
    expect((err as Error).message).toMatch(/identity \(/);
    // Only the login was needed to know the catalog.
    expect(sent.length).toBe(1);
  });
});

describe('secrets', () => {
  test('an app credential login and a failed one, then: no secret anywhere the SDK printed', async () => {
    const user = counted().conn;
    const ac = await user.identity.createApplicationCredential(userId, { name: uniqueName('sdk-sec'), secret: `acs-${crypto.randomUUID()}` });
    secrets.add(ac.secret!);
    // Deleted before the user: Keystone's bulk delete with the user leaves rows behind on SQLite.
    cleanups.push(() => user.identity.deleteApplicationCredential(userId, ac, { ignoreMissing: true }));
    const viaAc = new Connection({
      auth: { type: 'applicationCredential', authUrl, applicationCredentialId: ac.id, applicationCredentialSecret: ac.secret! },
      log: (e) => events.push(e),
    });
    secrets.add(await viaAc.auth.getToken());
    const wrongSecret = `wrong-${crypto.randomUUID()}`;
    secrets.add(wrongSecret);
    const bad = new Connection({
      auth: { type: 'applicationCredential', authUrl, applicationCredentialId: ac.id, applicationCredentialSecret: wrongSecret },
      log: (e) => events.push(e),
    });
    await capture(bad.auth.getToken());
    const wrongPassword = `wrongpw-${crypto.randomUUID()}`;
    secrets.add(wrongPassword);
    await capture(counted({ auth: { type: 'password', authUrl, userId, password: wrongPassword } }).conn.identity.authProjects().toArray());
    // A token handed to validateToken is a secret too; asking about a revoked one is an error.
    await capture(counted().conn.identity.validateToken(revokedToken));
    await user.identity.deleteApplicationCredential(userId, ac);

    expect(events.length).toBeGreaterThan(50);
    expect(errors.length).toBeGreaterThan(10);
    const printed = [
      ...events.map((e) => JSON.stringify(e)),
      ...errors.flatMap((e) => {
        const err = e as Error & { toJSON?: () => unknown; headers?: unknown; body?: unknown };
        return [err.message, String(err), JSON.stringify(err), JSON.stringify(err.toJSON?.()), JSON.stringify(err.headers ?? null), JSON.stringify(err.body ?? null)];
      }),
    ];
    expect(secrets.size).toBeGreaterThanOrEqual(8);
    for (const s of secrets) {
      const leaks = printed.filter((p) => p.includes(s));
      expect(leaks, `secret ${s.slice(0, 6)}... printed`).toEqual([]);
    }
  });
});
