import { afterEach, describe, expect, test } from 'vitest';
import { Connection } from '../../src/core.js';
import { identity } from '../../src/services/identity/index.js';
import { fakeAuth, fakeServer, json, keystoneRoute, type FakeServer } from '../helpers/fake-server.js';

let srv: FakeServer;
afterEach(() => srv?.close());

/** The body key of each list these tests read (every list comes back empty). */
const listKeys: Record<string, string> = {
  '/v3/role_inferences': 'role_inferences',
  '/v3/projects/p1/users/u1/roles': 'roles',
  '/v3/users/u1/access_rules': 'access_rules',
  '/v3/auth/projects': 'projects',
  '/v3/auth/domains': 'domains',
};

async function keystone() {
  srv = await fakeServer([
    keystoneRoute(() => srv.url, { identity: '/v3' }),
    [/^GET \/v3\//, (req, res) => json(res, 200, { [listKeys[req.url!.split('?')[0]!]!]: [] })],
  ]);
  return new Connection({ auth: fakeAuth(srv.url), services: [identity] }).identity;
}
/** The query of each GET of `path`, in order. */
const queries = (path: string) =>
  srv.requests.filter((r) => r.method === 'GET' && r.url.split('?')[0] === path).map((r) => Object.fromEntries(new URL(r.url, srv.url).searchParams));

describe('lists that took only options take filters first; options alone still work (deprecated)', () => {
  test('roleInferences', async () => {
    const id = await keystone();
    await id.roleInferences({ x: 'y' }, { pageSize: 2 }).toArray();
    await id.roleInferences(undefined, { pageSize: 2 }).toArray();
    await id.roleInferences({ pageSize: 2 }).toArray();
    await id.roleInferences().toArray();
    expect(queries('/v3/role_inferences')).toEqual([{ x: 'y', limit: '2' }, { limit: '2' }, { limit: '2' }, {}]);
  });

  test('grantedRoles', async () => {
    const id = await keystone();
    const target = { user: 'u1', project: 'p1' };
    await id.grantedRoles(target, { name: 'member' }, { pageSize: 2 }).toArray();
    await id.grantedRoles(target, undefined, { pageSize: 2 }).toArray();
    await id.grantedRoles(target, { pageSize: 2 }).toArray();
    expect(queries('/v3/projects/p1/users/u1/roles')).toEqual([{ name: 'member', limit: '2' }, { limit: '2' }, { limit: '2' }]);
  });

  test('accessRules', async () => {
    const id = await keystone();
    await id.accessRules('u1', { service: 'identity' }, { pageSize: 2 }).toArray();
    await id.accessRules('u1', { pageSize: 2 }).toArray();
    expect(queries('/v3/users/u1/access_rules')).toEqual([{ service: 'identity', limit: '2' }, { limit: '2' }]);
  });

  test('authProjects and authDomains', async () => {
    const id = await keystone();
    await id.authProjects({ name: 'demo' }).toArray();
    await id.authProjects(undefined, { pageSize: 2 }).toArray();
    await id.authProjects({ pageSize: 2, headers: { 'x-a': 'b' } }).toArray();
    await id.authDomains({ name: 'default' }).toArray();
    await id.authDomains({ pageSize: 2 }).toArray();
    expect(queries('/v3/auth/projects')).toEqual([{ name: 'demo' }, { limit: '2' }, { limit: '2' }]);
    expect(srv.requests.at(-3)?.headers['x-a']).toBe('b');
    expect(queries('/v3/auth/domains')).toEqual([{ name: 'default' }, { limit: '2' }]);
  });
});
