import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Connection, ForbiddenError, NotFoundError, UnauthorizedError } from '../../src/index.js';
import { cloud, connectTo, uniqueName } from '../helpers/cloud.js';

/** Application credentials, access rules, credentials, tokens and the `/v3/auth/*` views. */
const admin = connectTo('local-admin');
const id = admin.identity;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

const password = `pw-${crypto.randomUUID()}`;
let userId: string;
const login = () =>
  new Connection({ auth: { type: 'password', authUrl: cloud.authUrl, userId, password, projectId: cloud.projects.demo.id } });
let user: ReturnType<typeof login>;

beforeAll(async () => {
  userId = (await id.createUser({ name: uniqueName('sdk-cuser'), domain_id: 'default', password })).id;
  cleanups.push(() => id.deleteUser(userId, { ignoreMissing: true }));
  const member = await id.findRole('member', { ignoreMissing: false });
  await id.grantRole(member!, { user: userId, project: cloud.projects.demo.id });
  user = login();
});

describe('application credentials and access rules', () => {
  test('create with roles and access rules, get, find, list; log in with it; delete', async () => {
    const name = uniqueName('sdk-appcred');
    const created = await user.identity.createApplicationCredential(userId, {
      name,
      description: 'ci',
      roles: [{ name: 'member' }],
      access_rules: [{ service: 'identity', method: 'GET', path: '/v3/auth/projects' }],
    });
    cleanups.push(() => id.deleteApplicationCredential(userId, created, { ignoreMissing: true }));
    expect(created.secret).toMatch(/.{20,}/);
    expect(created.project_id).toBe(cloud.projects.demo.id);
    expect(created.roles?.map((r) => r.name)).toEqual(['member']);
    expect(created.access_rules).toHaveLength(1);

    const got = await user.identity.getApplicationCredential(userId, created.id);
    expect(got.secret).toBeUndefined();
    expect(got.name).toBe(name);
    expect((await user.identity.findApplicationCredential(userId, name))?.id).toBe(created.id);
    expect((await user.identity.applicationCredentials(userId).toArray()).map((a) => a.id)).toEqual([created.id]);
    expect((await user.identity.applicationCredentials(userId, { name: 'nope' }).toArray())).toEqual([]);

    const rules = await user.identity.accessRules(userId).toArray();
    expect(rules.map((r) => [r.service, r.method, r.path])).toEqual([['identity', 'GET', '/v3/auth/projects']]);
    expect((await user.identity.getAccessRule(userId, rules[0]!.id!)).path).toBe('/v3/auth/projects');
    // A rule in use cannot be deleted.
    await expect(user.identity.deleteAccessRule(userId, rules[0]!.id!)).rejects.toBeInstanceOf(ForbiddenError);

    const viaAppCred = new Connection({
      auth: { type: 'applicationCredential', authUrl: cloud.authUrl, applicationCredentialId: created.id, applicationCredentialSecret: created.secret! },
    });
    const state = await viaAppCred.auth.getAuthState();
    expect(state.methods).toEqual(['application_credential']);
    expect(state.project?.id).toBe(cloud.projects.demo.id);
    expect(state.roles.map((r) => r.name)).toContain('member');

    await user.identity.deleteApplicationCredential(userId, created);
    await expect(user.identity.getApplicationCredential(userId, created)).rejects.toBeInstanceOf(NotFoundError);
    // Keystone answers 404 (no such credential) where one might expect 401.
    await expect(viaAppCred.auth.getAuthState({ forceRefresh: true })).rejects.toSatisfy(
      (e) => e instanceof UnauthorizedError || e instanceof NotFoundError,
    );
    // Once no credential uses the rule it can go.
    await user.identity.deleteAccessRule(userId, rules[0]!.id!);
    expect(await user.identity.accessRules(userId).toArray()).toEqual([]);
  });

  test('a chosen secret is kept', async () => {
    const secret = `s-${crypto.randomUUID()}`;
    const created = await user.identity.createApplicationCredential(userId, { name: uniqueName('sdk-ac2'), secret });
    cleanups.push(() => id.deleteApplicationCredential(userId, created, { ignoreMissing: true }));
    expect(created.secret).toBe(secret);
    await user.identity.deleteApplicationCredential(userId, created.id);
    await user.identity.deleteApplicationCredential(userId, created.id, { ignoreMissing: true });
  });

  test('bad input is refused before sending', async () => {
    await expect(user.identity.createApplicationCredential(userId, { name: '' })).rejects.toMatchObject({ field: 'attrs.name' });
    await expect(
      user.identity.createApplicationCredential(userId, { name: 'x', access_rules: [{ service: 'identity', method: 'GET' } as never] }),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(user.identity.createApplicationCredential('', { name: 'x' })).rejects.toMatchObject({ field: 'user' });
  });
});

describe('credentials', () => {
  test('a TOTP credential: create, get, list, update, delete', async () => {
    const cred = await id.createCredential({ type: 'totp', user_id: userId, blob: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' });
    cleanups.push(() => id.deleteCredential(cred, { ignoreMissing: true }));
    expect(cred).toMatchObject({ type: 'totp', user_id: userId });
    expect((await id.getCredential(cred.id)).blob).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect((await id.credentials({ user_id: userId }).toArray()).map((c) => c.id)).toEqual([cred.id]);
    expect(await id.credentials({ user_id: userId, type: 'ec2' }).toArray()).toEqual([]);
    expect((await id.updateCredential(cred, { blob: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' })).blob).toBe('MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U');
    await id.deleteCredential(cred);
    await expect(id.getCredential(cred)).rejects.toBeInstanceOf(NotFoundError);
    await expect(id.createCredential({ type: 'totp', user_id: userId, blob: '' })).rejects.toMatchObject({ field: 'attrs.blob' });
  });
});

describe('tokens', () => {
  test('validate, check, revoke another token', async () => {
    const other = login();
    const token = await other.auth.getToken();
    const body = await id.validateToken(token);
    expect(body.user.id).toBe(userId);
    expect(body.project?.id).toBe(cloud.projects.demo.id);
    expect(body.catalog?.length).toBeGreaterThan(0);
    expect((await id.validateToken(token, { nocatalog: true })).catalog).toBeUndefined();
    expect(await id.checkToken(token)).toBe(true);
    await id.revokeToken(token);
    expect(await id.checkToken(token)).toBe(false);
    await expect(id.validateToken(token)).rejects.toBeInstanceOf(NotFoundError);
    await expect(id.revokeToken(token)).rejects.toBeInstanceOf(NotFoundError);
    await id.revokeToken(token, { ignoreMissing: true });
    await expect(id.validateToken('')).rejects.toMatchObject({ field: 'token' });
  });
});

describe('what the current token can reach', () => {
  test('projects, domains, system and catalog of the current user', async () => {
    expect((await user.identity.authProjects().toArray()).map((p) => p.id)).toEqual([cloud.projects.demo.id]);
    expect(await user.identity.authDomains().toArray()).toEqual([]);
    expect(await user.identity.authSystem()).toEqual([]);
    const catalog = await user.identity.authCatalog();
    expect(catalog.find((e) => e.type === 'identity')?.endpoints.some((e) => e.interface === 'public')).toBe(true);
    expect(await connectTo('local-system-admin').identity.authSystem()).toEqual([{ all: true }]);
  });
});
