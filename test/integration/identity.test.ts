import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Connection, DuplicateResourceError, NotFoundError, ValidationError, type FetchLike } from '../../src/index.js';
import { cloud, connectTo, uniqueName } from '../helpers/cloud.js';

/** Keystone v3 domains, projects, users and groups against the local cloud. */
const admin = connectTo('local-admin');
const id = admin.identity;
const cleanups: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

describe('domains', () => {
  test('create, get, find, list, update, delete', async () => {
    const name = uniqueName('sdk-dom');
    const dom = await id.createDomain({ name, description: 'first' });
    cleanups.push(async () => {
      await id.updateDomain(dom, { enabled: false });
      await id.deleteDomain(dom, { ignoreMissing: true });
    });
    expect(dom.name).toBe(name);
    expect((await id.getDomain(dom.id)).description).toBe('first');
    expect((await id.findDomain(name))?.id).toBe(dom.id);
    expect((await id.findDomain(dom.id))?.id).toBe(dom.id);
    expect((await id.domains({ name }).toArray()).map((d) => d.id)).toEqual([dom.id]);
    const updated = await id.updateDomain(dom, { description: 'second' });
    expect(updated.description).toBe('second');
    // Keystone deletes only disabled domains.
    await expect(id.deleteDomain(dom)).rejects.toBeInstanceOf(Error);
    await id.updateDomain(dom, { enabled: false });
    await id.deleteDomain(dom);
    await expect(id.getDomain(dom.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await id.findDomain(name)).toBeUndefined();
    await id.deleteDomain(dom, { ignoreMissing: true });
  });
});

describe('projects', () => {
  let parentId: string;
  let childId: string;
  const parentName = uniqueName('sdk-par');

  beforeAll(async () => {
    const parent = await id.createProject({ name: parentName, domain_id: 'default', tags: ['alpha', 'beta'] });
    parentId = parent.id;
    cleanups.push(() => id.deleteProject(parentId, { ignoreMissing: true }));
    const child = await id.createProject({ name: uniqueName('sdk-child'), parent_id: parentId, description: 'kid' });
    childId = child.id;
    cleanups.push(() => id.deleteProject(childId, { ignoreMissing: true }));
  });

  test('get, find, list with filters, update', async () => {
    expect((await id.getProject(childId)).parent_id).toBe(parentId);
    expect((await id.findProject(parentName))?.id).toBe(parentId);
    expect((await id.findProject(parentName, { query: { domain_id: 'default' } }))?.id).toBe(parentId);
    expect(await id.findProject(uniqueName('missing'))).toBeUndefined();
    await expect(id.findProject(uniqueName('missing'), { ignoreMissing: false })).rejects.toBeInstanceOf(NotFoundError);
    const children = await id.projects({ parent_id: parentId }).toArray();
    expect(children.map((p) => p.id)).toEqual([childId]);
    const tagged = await id.projects({ tags: 'alpha,beta' }).toArray();
    expect(tagged.map((p) => p.id)).toContain(parentId);
    expect(tagged.map((p) => p.id)).not.toContain(childId);
    const updated = await id.updateProject(childId, { description: 'grown up', enabled: false });
    expect(updated.description).toBe('grown up');
    expect(updated.enabled).toBe(false);
  });

  test('pages are followed: pageSize 1 still yields every project', async () => {
    const all = await id.projects({ domain_id: 'default' }).toArray();
    const paged = await id.projects({ domain_id: 'default' }, { pageSize: 1 }).toArray();
    // Keystone ignores `limit` unless list_limit is set; either way every project comes back.
    expect(paged.map((p) => p.id).sort()).toEqual(all.map((p) => p.id).sort());
  });

  test('parents and subtree, as ids and as lists', async () => {
    const withParents = await id.getProject(childId, { parents: 'ids' });
    expect(withParents.parents).toEqual({ [parentId]: { default: null } });
    const withSubtree = await id.getProject(parentId, { subtree: 'ids' });
    expect(withSubtree.subtree).toEqual({ [childId]: null });
    // As lists Keystone shows only projects the caller has a role on: grant one on the parent.
    const member = await id.findRole('member', { ignoreMissing: false });
    await id.grantRole(member!, { user: cloud.users.admin.id, project: parentId });
    await id.grantRole(member!, { user: cloud.users.admin.id, project: childId });
    const listed = await id.getProject(childId, { parents: 'list' });
    expect(Array.isArray(listed.parents) && listed.parents.map((p) => p.project.id)).toEqual([parentId]);
    const sub = await id.getProject(parentId, { subtree: 'list' });
    expect(Array.isArray(sub.subtree) && sub.subtree.map((p) => p.project.id)).toEqual([childId]);
  });

  test('tags: list, add, check, remove, replace', async () => {
    expect((await id.projectTags(parentId)).sort()).toEqual(['alpha', 'beta']);
    await id.addProjectTag(parentId, 'gamma');
    expect(await id.checkProjectTag(parentId, 'gamma')).toBe(true);
    expect(await id.checkProjectTag(parentId, 'delta')).toBe(false);
    await id.removeProjectTag(parentId, 'alpha');
    expect((await id.projectTags(parentId)).sort()).toEqual(['beta', 'gamma']);
    await expect(id.removeProjectTag(parentId, 'alpha')).rejects.toBeInstanceOf(NotFoundError);
    await id.removeProjectTag(parentId, 'alpha', { ignoreMissing: true });
    expect((await id.replaceProjectTags(parentId, ['one', 'two'])).sort()).toEqual(['one', 'two']);
    expect((await id.getProject(parentId)).tags?.sort()).toEqual(['one', 'two']);
    expect(await id.replaceProjectTags(parentId, [])).toEqual([]);
  });

  test('a project with children cannot be deleted; leaves first', async () => {
    await expect(id.deleteProject(parentId)).rejects.toMatchObject({ status: expect.any(Number) });
    await id.deleteProject(childId);
    await id.deleteProject(parentId);
    await expect(id.getProject(parentId)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('two projects with one name in different domains: find says which', async () => {
    const name = uniqueName('sdk-dup');
    const dom = await id.createDomain({ name: uniqueName('sdk-dupdom') });
    cleanups.push(async () => {
      await id.updateDomain(dom, { enabled: false });
      await id.deleteDomain(dom, { ignoreMissing: true });
    });
    const a = await id.createProject({ name, domain_id: 'default' });
    cleanups.push(() => id.deleteProject(a, { ignoreMissing: true }));
    const b = await id.createProject({ name, domain_id: dom.id });
    cleanups.push(() => id.deleteProject(b, { ignoreMissing: true }));
    const err = await id.findProject(name).catch((e) => e);
    expect(err).toBeInstanceOf(DuplicateResourceError);
    expect([...err.matches].sort()).toEqual([a.id, b.id].sort());
    expect((await id.findProject(name, { query: { domain_id: dom.id } }))?.id).toBe(b.id);
  });
});

describe('users and groups', () => {
  const password = `pw-${crypto.randomUUID()}`;
  let userId: string;
  let groupId: string;
  const userName = uniqueName('sdk-user');

  beforeAll(async () => {
    const user = await id.createUser({ name: userName, domain_id: 'default', password, email: 'a@example.org' });
    userId = user.id;
    cleanups.push(() => id.deleteUser(userId, { ignoreMissing: true }));
    const group = await id.createGroup({ name: uniqueName('sdk-group'), domain_id: 'default', description: 'g' });
    groupId = group.id;
    cleanups.push(() => id.deleteGroup(groupId, { ignoreMissing: true }));
  });

  test('users: get, find, list, update', async () => {
    const user = await id.getUser(userId);
    expect(user.name).toBe(userName);
    expect(user.email).toBe('a@example.org');
    expect((await id.findUser(userName, { query: { domain_id: 'default' } }))?.id).toBe(userId);
    expect((await id.users({ name: userName }).toArray()).map((u) => u.id)).toEqual([userId]);
    expect((await id.updateUser(userId, { description: 'tester' })).description).toBe('tester');
  });

  test('the user changes their own password; the old one stops working', async () => {
    const newPassword = `pw-${crypto.randomUUID()}`;
    await id.changePassword(userId, { originalPassword: password, password: newPassword });
    const login = (pw: string) =>
      new Connection({ auth: { type: 'password', authUrl: cloud.authUrl, userId, password: pw } }).auth.getAuthState();
    expect((await login(newPassword)).user?.id).toBe(userId);
    await expect(login(password)).rejects.toMatchObject({ status: 401 });
    await expect(id.changePassword(userId, { originalPassword: 'wrong-password', password: 'x'.repeat(12) })).rejects.toMatchObject({
      status: 401,
    });
  });

  test("a user's projects follow role grants", async () => {
    expect(await id.userProjects(userId).toArray()).toEqual([]);
    const member = await id.findRole('member', { ignoreMissing: false });
    await id.grantRole(member!, { user: userId, project: cloud.projects.demo.id });
    expect((await id.userProjects(userId).toArray()).map((p) => p.id)).toEqual([cloud.projects.demo.id]);
  });

  test('groups: get, find, list, update; membership add, check, list, remove', async () => {
    const group = await id.getGroup(groupId);
    expect((await id.findGroup(group.name))?.id).toBe(groupId);
    expect((await id.groups({ name: group.name }).toArray()).map((g) => g.id)).toEqual([groupId]);
    expect((await id.updateGroup(groupId, { description: 'renamed' })).description).toBe('renamed');

    expect(await id.checkUserInGroup(groupId, userId)).toBe(false);
    await id.addUserToGroup(groupId, userId);
    expect(await id.checkUserInGroup(group, { id: userId })).toBe(true);
    expect((await id.groupUsers(groupId).toArray()).map((u) => u.id)).toEqual([userId]);
    expect((await id.userGroups(userId).toArray()).map((g) => g.id)).toEqual([groupId]);
    await id.removeUserFromGroup(groupId, userId);
    expect(await id.checkUserInGroup(groupId, userId)).toBe(false);
    await expect(id.removeUserFromGroup(groupId, userId)).rejects.toBeInstanceOf(NotFoundError);
    await id.removeUserFromGroup(groupId, userId, { ignoreMissing: true });
    expect(await id.userGroups(userId).toArray()).toEqual([]);
  });

  test('delete user and group', async () => {
    await id.deleteGroup(groupId);
    await id.deleteUser(userId);
    await expect(id.getUser(userId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await id.findGroup(groupId)).toBeUndefined();
  });
});

describe('bad input is refused before any request', () => {
  test.each([
    ['createProject without a name', (c: Connection) => c.identity.createProject({ name: '' }), 'attrs.name'],
    ['createUser with a non-string name', (c: Connection) => c.identity.createUser({ name: 42 as never }), 'attrs.name'],
    ['a tag with a slash', (c: Connection) => c.identity.addProjectTag('p', 'a/b'), 'tag'],
    ['replace tags with an empty tag', (c: Connection) => c.identity.replaceProjectTags('p', ['ok', '']), 'tags.1'],
    ['getProject without an id', (c: Connection) => c.identity.getProject(''), 'id'],
    ['findUser without a name', (c: Connection) => c.identity.findUser(''), 'nameOrId'],
    ['changePassword without the old one', (c: Connection) => c.identity.changePassword('u', { originalPassword: '', password: 'x' }), 'attrs.originalPassword'],
    ['addUserToGroup without a user', (c: Connection) => c.identity.addUserToGroup('g', undefined as never), 'user'],
  ])('%s', async (_what, call, field) => {
    let requests = 0;
    const counting: FetchLike = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    const conn = connectTo('local-demo', { fetch: counting });
    const err = await call(conn).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe(field);
    expect(requests).toBe(0);
  });
});
