/** `openstack-sdk/identity`: the Identity service (Keystone v3) as a plugin. */
import { defineService } from '../../plugin.js';
import { IdentityProxy } from './proxy.js';

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
