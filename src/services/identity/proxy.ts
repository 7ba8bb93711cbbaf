import type { FindOptions } from '../../session/find.js';
import { ServiceProxy, type ListOptions, type Ref, type ResourceDef } from '../../session/proxy.js';
import type { CallOptions } from '../../session/types.js';
import * as s from './schemas.js';

const domains = {
  name: 'domain',
  path: '/domains',
  key: 'domain',
  listKey: 'domains',
  schema: s.Domain,
  createSchema: s.DomainCreate,
  updateSchema: s.DomainUpdate,
} satisfies ResourceDef;
const projects = {
  name: 'project',
  path: '/projects',
  key: 'project',
  listKey: 'projects',
  schema: s.Project,
  createSchema: s.ProjectCreate,
  updateSchema: s.ProjectUpdate,
} satisfies ResourceDef;
const users = {
  name: 'user',
  path: '/users',
  key: 'user',
  listKey: 'users',
  schema: s.User,
  createSchema: s.UserCreate,
  updateSchema: s.UserUpdate,
} satisfies ResourceDef;

export type DomainAttrs = import('valibot').InferInput<typeof s.DomainCreate>;
export type ProjectAttrs = import('valibot').InferInput<typeof s.ProjectCreate>;
export type UserAttrs = import('valibot').InferInput<typeof s.UserCreate>;

/** `conn.identity`: Keystone v3. */
export class IdentityProxy extends ServiceProxy {
  /** Domains (`GET /v3/domains`). */
  domains(query: { name?: string; enabled?: boolean } = {}, opts?: ListOptions) {
    return this._list(domains, query, opts);
  }
  getDomain(domain: Ref, opts?: CallOptions) {
    return this._get(domains, domain, opts);
  }
  findDomain(nameOrId: string, opts?: FindOptions) {
    return this._find(domains, nameOrId, opts);
  }
  createDomain(attrs: DomainAttrs, opts?: CallOptions) {
    return this._create(domains, attrs, opts);
  }
  updateDomain(domain: Ref, attrs: Partial<DomainAttrs>, opts?: CallOptions) {
    return this._update(domains, domain, attrs, opts);
  }
  /** Keystone deletes only disabled domains: disable it first with `updateDomain(d, { enabled: false })`. */
  deleteDomain(domain: Ref, opts?: CallOptions & { ignoreMissing?: boolean }) {
    return this._delete(domains, domain, opts);
  }

  /** Projects, filtered by `domain_id`, `parent_id`, `name`, `enabled`, `tags`, `tags-any`... */
  projects(query: Record<string, string | boolean | undefined> = {}, opts?: ListOptions) {
    return this._list(projects, query, opts);
  }
  getProject(project: Ref, opts?: CallOptions) {
    return this._get(projects, project, opts);
  }
  findProject(nameOrId: string, opts?: FindOptions & { query?: { domain_id?: string } }) {
    return this._find(projects, nameOrId, opts);
  }
  createProject(attrs: ProjectAttrs, opts?: CallOptions) {
    return this._create(projects, attrs, opts);
  }
  updateProject(project: Ref, attrs: Partial<ProjectAttrs>, opts?: CallOptions) {
    return this._update(projects, project, attrs, opts);
  }
  deleteProject(project: Ref, opts?: CallOptions & { ignoreMissing?: boolean }) {
    return this._delete(projects, project, opts);
  }

  /** Users, filtered by `domain_id`, `name`, `enabled`... */
  users(query: Record<string, string | boolean | undefined> = {}, opts?: ListOptions) {
    return this._list(users, query, opts);
  }
  getUser(user: Ref, opts?: CallOptions) {
    return this._get(users, user, opts);
  }
  findUser(nameOrId: string, opts?: FindOptions & { query?: { domain_id?: string } }) {
    return this._find(users, nameOrId, opts);
  }
  createUser(attrs: UserAttrs, opts?: CallOptions) {
    return this._create(users, attrs, opts);
  }
  updateUser(user: Ref, attrs: Partial<UserAttrs>, opts?: CallOptions) {
    return this._update(users, user, attrs, opts);
  }
  deleteUser(user: Ref, opts?: CallOptions & { ignoreMissing?: boolean }) {
    return this._delete(users, user, opts);
  }
}
