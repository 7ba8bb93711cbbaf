import { defineResource, filters } from '../../resource/declare.js';
import * as s from './schemas.js';
import type { ProjectTagFilters, UserFilters } from './types.js';

/** Keystone deletes only disabled domains: disable one first with `updateDomain(d, { enabled: false })`. */
export const domains = defineResource({
  one: 'Domain',
  many: 'domains',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  name: 'domain',
  path: '/domains',
  key: 'domain',
  listKey: 'domains',
  schema: s.Domain,
  createSchema: s.DomainCreate,
  updateSchema: s.DomainUpdate,
});

/**
 * Lists take `{ parent_id }` for a project's children and `tags`/`tags-any` for tags; `getProject`
 * (with its ancestors and descendants) is in projects.ts. Keystone refuses to delete a project
 * that still has children.
 */
export const projects = defineResource({
  one: 'Project',
  many: 'projects',
  ops: ['list', 'find', 'create', 'update', 'delete'],
  name: 'project',
  path: '/projects',
  key: 'project',
  listKey: 'projects',
  schema: s.Project,
  createSchema: s.ProjectCreate,
  updateSchema: s.ProjectUpdate,
  filters: filters<ProjectTagFilters>(),
});

/** `createUser` and `updateUser` are in users-groups.ts: they keep the password out of logs. */
export const users = defineResource({
  one: 'User',
  many: 'users',
  ops: ['list', 'get', 'find', 'delete'],
  name: 'user',
  path: '/users',
  key: 'user',
  listKey: 'users',
  schema: s.User,
  createSchema: s.UserCreate,
  updateSchema: s.UserUpdate,
  filters: filters<UserFilters>(),
});

export const groups = defineResource({
  one: 'Group',
  many: 'groups',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  name: 'group',
  path: '/groups',
  key: 'group',
  listKey: 'groups',
  schema: s.Group,
  createSchema: s.GroupCreate,
  updateSchema: s.GroupUpdate,
});

/** Lists take `{ domain_id }` for a domain's own roles (they are left out otherwise). */
export const roles = defineResource({
  one: 'Role',
  many: 'roles',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  name: 'role',
  path: '/roles',
  key: 'role',
  listKey: 'roles',
  schema: s.Role,
  createSchema: s.RoleCreate,
  updateSchema: s.RoleUpdate,
});

/** Every inference rule of the cloud, grouped by prior role; listed in implied-roles.ts. */
export const roleInferences = defineResource({
  one: 'RoleInference',
  many: 'roleInferences',
  ops: [],
  name: 'role inference',
  path: '/role_inferences',
  key: 'role_inference',
  listKey: 'role_inferences',
  schema: s.RoleInferences,
});

/** One inference rule, at `/roles/{prior}/implies/{implied}`: implied-roles.ts gives the paths. */
export const impliedRoles = defineResource({
  one: 'ImpliedRole',
  many: 'impliedRoles',
  ops: [],
  name: 'implied role',
  path: '/roles',
  key: 'role_inference',
  listKey: null,
  schema: s.RoleInference,
});

/** Listed with this SDK's shorthand for Keystone's dotted filters (grants.ts). */
export const roleAssignments = defineResource({
  one: 'RoleAssignment',
  many: 'roleAssignments',
  ops: [],
  name: 'role assignment',
  path: '/role_assignments',
  key: null,
  listKey: 'role_assignments',
  schema: s.RoleAssignment,
});

/**
 * Nested under `/users/{id}`: application-credentials.ts gives the full paths. They cannot be
 * changed in Keystone: delete and create instead.
 */
export const applicationCredentials = defineResource({
  one: 'ApplicationCredential',
  many: 'applicationCredentials',
  ops: [],
  name: 'application credential',
  path: '/application_credentials',
  key: 'application_credential',
  listKey: 'application_credentials',
  schema: s.ApplicationCredential,
  createSchema: s.ApplicationCredentialCreate,
});

/** Nested under `/users/{id}`, like application credentials. */
export const accessRules = defineResource({
  one: 'AccessRule',
  many: 'accessRules',
  ops: [],
  name: 'access rule',
  path: '/access_rules',
  key: 'access_rule',
  listKey: 'access_rules',
  schema: s.AccessRule,
});

/**
 * EC2 keys, TOTP secrets, certificates...; lists take `user_id` and `type`. For a TOTP secret:
 * `createCredential({ type: 'totp', user_id, blob: base32Secret })`.
 */
export const credentials = defineResource({
  one: 'Credential',
  many: 'credentials',
  ops: ['list', 'get', 'create', 'update', 'delete'],
  name: 'credential',
  path: '/credentials',
  key: 'credential',
  listKey: 'credentials',
  schema: s.Credential,
  createSchema: s.CredentialCreate,
  updateSchema: s.CredentialUpdate,
});

/** Regions have an id and no name; Keystone generates the id when `createRegion` leaves it out. */
export const regions = defineResource({
  one: 'Region',
  many: 'regions',
  ops: ['list', 'get', 'create', 'update', 'delete'],
  name: 'region',
  path: '/regions',
  key: 'region',
  listKey: 'regions',
  schema: s.Region,
  createSchema: s.RegionCreate,
  updateSchema: s.RegionUpdate,
});

/** Catalog services; lists take `type` and `name`. Deleting a service deletes its endpoints. */
export const services = defineResource({
  one: 'Service',
  many: 'services',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  name: 'service',
  path: '/services',
  key: 'service',
  listKey: 'services',
  schema: s.Service,
  createSchema: s.ServiceCreate,
  updateSchema: s.ServiceUpdate,
});

/**
 * Catalog endpoints as resources; lists take `service_id`, `interface` and `region_id`. The URL a
 * service is called at comes from `conn.auth.getEndpoint`.
 */
export const endpoints = defineResource({
  one: 'Endpoint',
  many: 'endpoints',
  ops: ['list', 'get', 'create', 'update', 'delete'],
  name: 'endpoint',
  path: '/endpoints',
  key: 'endpoint',
  listKey: 'endpoints',
  schema: s.Endpoint,
  createSchema: s.EndpointCreate,
  updateSchema: s.EndpointUpdate,
});

/** Defaults for every project: created as a list (`{ registered_limits: [...] }`, limits.ts), read and updated one by one. */
export const registeredLimits = defineResource({
  one: 'RegisteredLimit',
  many: 'registeredLimits',
  ops: ['list', 'get', 'update', 'delete'],
  name: 'registered limit',
  path: '/registered_limits',
  key: 'registered_limit',
  listKey: 'registered_limits',
  schema: s.RegisteredLimit,
  createSchema: s.RegisteredLimitCreate,
  updateSchema: s.RegisteredLimitUpdate,
});

/** A project's or a domain's own limits: created as a list (`{ limits: [...] }`, limits.ts), read and updated one by one. */
export const limits = defineResource({
  one: 'Limit',
  many: 'limits',
  ops: ['list', 'get', 'update', 'delete'],
  name: 'limit',
  path: '/limits',
  key: 'limit',
  listKey: 'limits',
  schema: s.Limit,
  createSchema: s.LimitCreate,
  updateSchema: s.LimitUpdate,
});

/** What the current token may be scoped to (`/auth/projects`, `/auth/domains`; tokens.ts). */
export const authProjects = defineResource({ ...projects, one: 'AuthProject', many: 'authProjects', ops: [], path: '/auth/projects' });
export const authDomains = defineResource({ ...domains, one: 'AuthDomain', many: 'authDomains', ops: [], path: '/auth/domains' });
