import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NotFoundError, ValidationError, type Role } from '../../src/index.js';
import { cloud, connectTo, uniqueName } from '../helpers/cloud.js';

/** Roles, inference rules, grants and role assignments against the local cloud. */
const admin = connectTo('local-admin');
const id = admin.identity;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

let prior: Role;
let implied: Role;
let userId: string;
let groupId: string;
const projectId = cloud.projects.altDemo.id;

beforeAll(async () => {
  prior = await id.createRole({ name: uniqueName('sdk-prior'), description: 'prior' });
  cleanups.push(() => id.deleteRole(prior, { ignoreMissing: true }));
  implied = await id.createRole({ name: uniqueName('sdk-implied') });
  cleanups.push(() => id.deleteRole(implied, { ignoreMissing: true }));
  userId = (await id.createUser({ name: uniqueName('sdk-ruser'), domain_id: 'default' })).id;
  cleanups.push(() => id.deleteUser(userId, { ignoreMissing: true }));
  groupId = (await id.createGroup({ name: uniqueName('sdk-rgroup'), domain_id: 'default' })).id;
  cleanups.push(() => id.deleteGroup(groupId, { ignoreMissing: true }));
});

describe('roles', () => {
  test('get, find, list, update; domain-specific roles', async () => {
    expect((await id.getRole(prior.id)).description).toBe('prior');
    expect((await id.findRole(prior.name))?.id).toBe(prior.id);
    expect((await id.roles({ name: prior.name }).toArray()).map((r) => r.id)).toEqual([prior.id]);
    expect((await id.updateRole(prior, { description: 'changed' })).description).toBe('changed');

    const domRole = await id.createRole({ name: uniqueName('sdk-domrole'), domain_id: 'default' });
    cleanups.push(() => id.deleteRole(domRole, { ignoreMissing: true }));
    expect(domRole.domain_id).toBe('default');
    expect((await id.roles({ domain_id: 'default' }).toArray()).map((r) => r.id)).toContain(domRole.id);
    expect((await id.roles().toArray()).map((r) => r.id)).not.toContain(domRole.id);
    await id.deleteRole(domRole);
    await expect(id.getRole(domRole.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('implied roles', () => {
  test('create, get, check, list, delete an inference rule', async () => {
    expect(await id.checkImpliedRole(prior, implied)).toBe(false);
    const rule = await id.addImpliedRole(prior, implied);
    cleanups.push(() => id.deleteImpliedRole(prior, implied, { ignoreMissing: true }));
    expect(rule.prior_role.id).toBe(prior.id);
    expect(rule.implies.id).toBe(implied.id);
    expect((await id.getImpliedRole(prior.id, implied.id)).implies.id).toBe(implied.id);
    expect(await id.checkImpliedRole(prior, implied)).toBe(true);
    expect((await id.impliedRoles(prior)).implies.map((r) => r.id)).toEqual([implied.id]);
    const all = await id.roleInferences().toArray();
    expect(all.find((r) => r.prior_role.id === prior.id)?.implies.map((r) => r.id)).toEqual([implied.id]);

    // An effective assignment of the prior role shows the implied one as well.
    await id.grantRole(prior, { user: userId, project: projectId });
    const effective = await id.roleAssignments({ user: userId, project: projectId, effective: true }).toArray();
    expect(effective.map((a) => a.role.id).sort()).toEqual([prior.id, implied.id].sort());
    await id.revokeRole(prior, { user: userId, project: projectId });

    await id.deleteImpliedRole(prior, implied);
    expect(await id.checkImpliedRole(prior, implied)).toBe(false);
    await expect(id.getImpliedRole(prior, implied)).rejects.toBeInstanceOf(NotFoundError);
    await expect(id.deleteImpliedRole(prior, implied)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('grants and role assignments', () => {
  test('user on a project: grant, check, list, revoke', async () => {
    const target = { user: userId, project: projectId };
    expect(await id.checkRoleGrant(prior, target)).toBe(false);
    await id.grantRole(prior, target);
    expect(await id.checkRoleGrant(prior.id, target)).toBe(true);
    expect((await id.grantedRoles(target).toArray()).map((r) => r.id)).toEqual([prior.id]);
    const [a, ...rest] = await id.roleAssignments({ user: userId, include_names: true }).toArray();
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ role: { id: prior.id, name: prior.name }, scope: { project: { id: projectId, name: cloud.projects.altDemo.name } } });
    await id.revokeRole(prior, target);
    expect(await id.checkRoleGrant(prior, target)).toBe(false);
    await expect(id.revokeRole(prior, target)).rejects.toBeInstanceOf(NotFoundError);
    await id.revokeRole(prior, target, { ignoreMissing: true });
  });

  test('user on a domain and on the system', async () => {
    await id.grantRole(prior, { user: userId, domain: 'default' });
    await id.grantRole(prior, { user: userId, system: true });
    expect(await id.checkRoleGrant(prior, { user: userId, domain: 'default' })).toBe(true);
    expect(await id.checkRoleGrant(prior, { user: userId, system: 'all' })).toBe(true);
    const onDomain = await id.roleAssignments({ user: userId, domain: 'default' }).toArray();
    expect(onDomain.map((a) => a.scope.domain?.id)).toEqual(['default']);
    const onSystem = await id.roleAssignments({ user: userId, system: true }).toArray();
    expect(onSystem.map((a) => a.scope.system)).toEqual([{ all: true }]);
    expect((await id.grantedRoles({ user: userId, system: true }).toArray()).map((r) => r.id)).toEqual([prior.id]);
    await id.revokeRole(prior, { user: userId, domain: 'default' });
    await id.revokeRole(prior, { user: userId, system: true });
    expect(await id.roleAssignments({ user: userId }).toArray()).toEqual([]);
  });

  test('group on a project and a domain; effective expands membership', async () => {
    await id.addUserToGroup(groupId, userId);
    await id.grantRole(implied, { group: groupId, project: projectId });
    await id.grantRole(implied, { group: groupId, domain: 'default' });
    expect(await id.checkRoleGrant(implied, { group: groupId, project: projectId })).toBe(true);
    expect(await id.checkRoleGrant(implied, { group: groupId, domain: 'default' })).toBe(true);
    const byGroup = await id.roleAssignments({ group: groupId }).toArray();
    expect(byGroup).toHaveLength(2);
    expect(await id.roleAssignments({ user: userId }).toArray()).toEqual([]);
    const eff = await id.roleAssignments({ user: userId, effective: true, role: implied }).toArray();
    expect(eff.map((a) => a.scope.project?.id ?? a.scope.domain?.id).sort()).toEqual([projectId, 'default'].sort());
    // `effective: false` is the same as leaving it out (Keystone would read any value as true).
    expect(await id.roleAssignments({ user: userId, effective: false }).toArray()).toEqual([]);
    await id.revokeRole(implied, { group: groupId, project: projectId });
    await id.revokeRole(implied, { group: groupId, domain: 'default' });
    expect(await id.roleAssignments({ group: groupId }).toArray()).toEqual([]);
  });

  test('the filters by role and project show an existing assignment of the demo user', async () => {
    const member = await id.findRole('member', { ignoreMissing: false });
    const list = await id.roleAssignments({ role: member!, project: cloud.projects.demo.id }).toArray();
    expect(list.map((a) => a.user?.id)).toContain(cloud.users.demo.id);
  });

  test('a grant needs exactly one actor and one scope', async () => {
    await expect(id.grantRole(prior, { project: projectId })).rejects.toMatchObject({ field: 'target.user' });
    await expect(id.grantRole(prior, { user: userId, group: groupId, project: projectId })).rejects.toMatchObject({ field: 'target.user' });
    await expect(id.grantRole(prior, { user: userId })).rejects.toMatchObject({ field: 'target.project' });
    await expect(id.grantRole(prior, { user: userId, project: projectId, domain: 'default' })).rejects.toBeInstanceOf(ValidationError);
    await expect(id.grantRole('', { user: userId, project: projectId })).rejects.toMatchObject({ field: 'role' });
  });
});
