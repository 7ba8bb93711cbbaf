import type { ResourceDef } from '../../resource/proxy.js';
import * as s from './schemas.js';

/** How each Keystone v3 collection is reached: what the generic proxy helpers work from. */
export const domains = {
  name: 'domain',
  path: '/domains',
  key: 'domain',
  listKey: 'domains',
  schema: s.Domain,
  createSchema: s.DomainCreate,
  updateSchema: s.DomainUpdate,
} satisfies ResourceDef;

export const projects = {
  name: 'project',
  path: '/projects',
  key: 'project',
  listKey: 'projects',
  schema: s.Project,
  createSchema: s.ProjectCreate,
  updateSchema: s.ProjectUpdate,
} satisfies ResourceDef;

export const users = {
  name: 'user',
  path: '/users',
  key: 'user',
  listKey: 'users',
  schema: s.User,
  createSchema: s.UserCreate,
  updateSchema: s.UserUpdate,
} satisfies ResourceDef;

export const groups = {
  name: 'group',
  path: '/groups',
  key: 'group',
  listKey: 'groups',
  schema: s.Group,
  createSchema: s.GroupCreate,
  updateSchema: s.GroupUpdate,
} satisfies ResourceDef;

export const roles = {
  name: 'role',
  path: '/roles',
  key: 'role',
  listKey: 'roles',
  schema: s.Role,
  createSchema: s.RoleCreate,
  updateSchema: s.RoleUpdate,
} satisfies ResourceDef;

export const roleInferences = {
  name: 'role inference',
  path: '/role_inferences',
  key: 'role_inference',
  listKey: 'role_inferences',
  schema: s.RoleInferences,
} satisfies ResourceDef;

export const roleInference = {
  name: 'implied role',
  path: '/roles',
  key: 'role_inference',
  listKey: null,
  schema: s.RoleInference,
} satisfies ResourceDef;

export const roleAssignments = {
  name: 'role assignment',
  path: '/role_assignments',
  key: null,
  listKey: 'role_assignments',
  schema: s.RoleAssignment,
} satisfies ResourceDef;

/** Nested under `/users/{id}`: helpers get the full path. */
export const applicationCredentials = {
  name: 'application credential',
  path: '/application_credentials',
  key: 'application_credential',
  listKey: 'application_credentials',
  schema: s.ApplicationCredential,
  createSchema: s.ApplicationCredentialCreate,
} satisfies ResourceDef;

/** Nested under `/users/{id}`. */
export const accessRules = {
  name: 'access rule',
  path: '/access_rules',
  key: 'access_rule',
  listKey: 'access_rules',
  schema: s.AccessRule,
} satisfies ResourceDef;

export const credentials = {
  name: 'credential',
  path: '/credentials',
  key: 'credential',
  listKey: 'credentials',
  schema: s.Credential,
  createSchema: s.CredentialCreate,
  updateSchema: s.CredentialUpdate,
} satisfies ResourceDef;

export const regions = {
  name: 'region',
  path: '/regions',
  key: 'region',
  listKey: 'regions',
  schema: s.Region,
  createSchema: s.RegionCreate,
  updateSchema: s.RegionUpdate,
} satisfies ResourceDef;

export const services = {
  name: 'service',
  path: '/services',
  key: 'service',
  listKey: 'services',
  schema: s.Service,
  createSchema: s.ServiceCreate,
  updateSchema: s.ServiceUpdate,
} satisfies ResourceDef;

export const endpoints = {
  name: 'endpoint',
  path: '/endpoints',
  key: 'endpoint',
  listKey: 'endpoints',
  schema: s.Endpoint,
  createSchema: s.EndpointCreate,
  updateSchema: s.EndpointUpdate,
} satisfies ResourceDef;

/** Created as a list (`{ registered_limits: [...] }`), read and updated one by one. */
export const registeredLimits = {
  name: 'registered limit',
  path: '/registered_limits',
  key: 'registered_limit',
  listKey: 'registered_limits',
  schema: s.RegisteredLimit,
  createSchema: s.RegisteredLimitCreate,
  updateSchema: s.RegisteredLimitUpdate,
} satisfies ResourceDef;

/** Created as a list (`{ limits: [...] }`), read and updated one by one. */
export const limits = {
  name: 'limit',
  path: '/limits',
  key: 'limit',
  listKey: 'limits',
  schema: s.Limit,
  createSchema: s.LimitCreate,
  updateSchema: s.LimitUpdate,
} satisfies ResourceDef;

/** What the current token may be scoped to (`/auth/projects`, `/auth/domains`). */
export const authProjects = { ...projects, path: '/auth/projects' } satisfies ResourceDef;
export const authDomains = { ...domains, path: '/auth/domains' } satisfies ResourceDef;
