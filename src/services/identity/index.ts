/**
 * `openstack-sdk/identity`: the Identity service (Keystone v3) as a plugin.
 *
 * @module openstack-sdk/identity
 */
import { defineService } from '../../plugin.js';
import { IdentityProxy } from './proxy.js';

/**
 * The Keystone v3 service as a plugin: `services: [identity]` adds `conn.identity` to a Connection from
 * `openstack-sdk/core` (the full `openstack-sdk` Connection has it built in).
 *
 * @example
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { identity } from 'openstack-sdk/identity';
 * const conn = new Connection({ auth, services: [identity] });
 * for await (const project of conn.identity.projects()) console.log(project.name);
 * ```
 */
export const identity = defineService({
  name: 'identity',
  type: 'identity',
  version: '3',
  // An unscoped token has no catalog; Keystone itself is still where it logged in.
  catalogFallback: 'authUrl',
  create: (ctx) => new IdentityProxy(ctx),
});
export { IdentityProxy };
export * from './schemas.js';
export type { GrantTarget, RoleAssignmentQuery } from './grants.js';
export type {
  DomainAttrs,
  DomainUpdateAttrs,
  ProjectAttrs,
  ProjectUpdateAttrs,
  ProjectQuery,
  UserAttrs,
  UserUpdateAttrs,
  UserQuery,
  GroupAttrs,
  GroupUpdateAttrs,
  RoleAttrs,
  RoleUpdateAttrs,
  ApplicationCredentialAttrs,
  CredentialAttrs,
  CredentialUpdateAttrs,
  RegionAttrs,
  RegionUpdateAttrs,
  ServiceAttrs,
  ServiceUpdateAttrs,
  EndpointAttrs,
  EndpointUpdateAttrs,
  RegisteredLimitAttrs,
  RegisteredLimitUpdateAttrs,
  LimitAttrs,
  LimitUpdateAttrs,
  Token,
} from './types.js';
