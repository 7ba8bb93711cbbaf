import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Connection, EndpointNotFoundError, UnauthorizedError, type AuthOptions } from '../../src/index.js';
import { cloud, cloudOptions, connectTo, uniqueName } from '../helpers/cloud.js';

/** Every Keystone v3 auth method and scope the SDK offers, against the local cloud. */
const admin = connectTo('local-admin');
const authUrl: string = cloud.authUrl;
const demoProject: string = cloud.projects.demo.id;
const password = `pw-${crypto.randomUUID()}`;
const userName = uniqueName('sdk-auth');
let userId: string;

const connect = (auth: AuthOptions) => new Connection({ auth });

beforeAll(async () => {
  userId = (await admin.identity.createUser({ name: userName, domain_id: 'default', password })).id;
  const member = await admin.identity.findRole('member', { ignoreMissing: false });
  await admin.identity.grantRole(member!, { user: userId, project: demoProject });
  await admin.identity.grantRole(member!, { user: userId, domain: 'default' });
});
afterAll(async () => {
  if (userId) await admin.identity.deleteUser(userId, { ignoreMissing: true });
});

describe('password', () => {
  test('by user id, project scope by id', async () => {
    const state = await connect({ type: 'password', authUrl, userId, password, projectId: demoProject }).auth.getAuthState();
    expect(state.methods).toEqual(['password']);
    expect(state.user?.id).toBe(userId);
    expect(state.project?.id).toBe(demoProject);
    expect(state.roles.map((r) => r.name)).toContain('member');
    expect(state.catalog.some((e) => e.type === 'identity')).toBe(true);
  });

  test('by name and domain name, project scope by name and domain id', async () => {
    const conn = connect({
      type: 'password',
      authUrl: 'http://127.0.0.1:5000', // without /v3: normalised
      username: userName,
      userDomainName: 'Default',
      password,
      projectName: cloud.projects.demo.name,
      projectDomainId: 'default',
    });
    const state = await conn.auth.getAuthState();
    expect(state.user?.id).toBe(userId);
    expect(state.project).toMatchObject({ id: demoProject, domain: { id: 'default' } });
    // The token is usable: the identity service answers through the catalog.
    expect((await conn.identity.getProject(demoProject)).name).toBe(cloud.projects.demo.name);
  });

  test('by name with a default domain; project by name and domain name', async () => {
    const state = await connect({
      type: 'v3password',
      authUrl,
      username: userName,
      defaultDomainId: 'default',
      password,
      projectName: cloud.projects.demo.name,
      projectDomainName: 'Default',
    }).auth.getAuthState();
    expect(state.project?.id).toBe(demoProject);
  });

  test('clouds.yaml entry (local-demo)', async () => {
    const conn = connectTo('local-demo');
    const state = await conn.auth.getAuthState();
    expect(state.user?.id).toBe(cloud.users.demo.id);
    expect(state.project?.id).toBe(cloud.projects.demo.id);
  });

  test('a wrong password is a 401', async () => {
    await expect(connect({ type: 'password', authUrl, userId, password: 'not-the-password' }).auth.getToken()).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
  });
});

describe('scopes', () => {
  test('domain scope, by id and by name', async () => {
    const byId = await connect({ type: 'password', authUrl, userId, password, domainId: 'default' }).auth.getAuthState();
    expect(byId.domain?.id).toBe('default');
    expect(byId.project).toBeUndefined();
    const conn = connect({ type: 'password', authUrl, userId, password, domainName: 'Default' });
    expect((await conn.auth.getAuthState()).domain?.name).toBe('Default');
    expect((await conn.identity.authDomains().toArray()).map((d) => d.id)).toEqual(['default']);
  });

  test('system scope (local-system-admin)', async () => {
    const conn = connectTo('local-system-admin');
    const state = await conn.auth.getAuthState();
    expect(state.system).toEqual({ all: true });
    expect(state.project).toBeUndefined();
    expect((await conn.identity.findUser(userName))?.id).toBe(userId);
  });

  test('unscoped: no catalog, yet conn.identity reaches Keystone at the auth URL', async () => {
    const conn = connect({ type: 'password', authUrl, userId, password });
    const state = await conn.auth.getAuthState();
    expect(state.project).toBeUndefined();
    expect(state.domain).toBeUndefined();
    expect(state.catalog).toEqual([]);
    expect((await conn.identity.authProjects().toArray()).map((p) => p.id)).toEqual([demoProject]);
    await expect(conn.auth.getEndpoint('identity')).rejects.toBeInstanceOf(EndpointNotFoundError);
  });

  test('token: an unscoped token rescoped to a project', async () => {
    const unscoped = await connect({ type: 'password', authUrl, userId, password }).auth.getToken();
    const conn = connect({ type: 'token', authUrl, token: unscoped, projectId: demoProject });
    const state = await conn.auth.getAuthState();
    expect(state.user?.id).toBe(userId);
    expect(state.project?.id).toBe(demoProject);
    expect(state.token).not.toBe(unscoped);
    expect(state.methods).toContain('password');
    expect((await conn.identity.authCatalog()).some((e) => e.type === 'identity')).toBe(true);
  });
});

describe('application credentials', () => {
  test('by id and secret (local-appcred)', async () => {
    const conn = connectTo('local-appcred');
    const state = await conn.auth.getAuthState();
    expect(state.methods).toEqual(['application_credential']);
    expect(state.user?.id).toBe(cloud.appCredential.userId);
    expect(state.project?.id).toBe(cloud.appCredential.projectId);
    expect((await conn.identity.getProject(cloud.appCredential.projectId)).id).toBe(cloud.appCredential.projectId);
  });

  test('by name with the user (by name and domain, and by id)', async () => {
    const byName = connect({
      type: 'applicationCredential',
      authUrl,
      applicationCredentialName: cloud.appCredential.name,
      applicationCredentialSecret: cloud.appCredential.secret,
      username: cloud.users.demo.name,
      userDomainName: 'Default',
    });
    expect((await byName.auth.getAuthState()).project?.id).toBe(cloud.appCredential.projectId);
    const byUserId = connect({
      type: 'v3applicationcredential',
      authUrl,
      applicationCredentialName: cloud.appCredential.name,
      applicationCredentialSecret: cloud.appCredential.secret,
      userId: cloud.appCredential.userId,
    });
    expect((await byUserId.auth.getAuthState()).methods).toEqual(['application_credential']);
  });

  test('the clouds.yaml form resolves to the same login', () => {
    const opts = cloudOptions('local-appcred');
    expect(opts.auth).toMatchObject({ applicationCredentialId: cloud.appCredential.id });
  });
});
