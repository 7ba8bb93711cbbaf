import type * as v from 'valibot';
import type { TokenBody } from '../../auth/token-body.js';
import type { ListFilters } from '../../resource/declare.js';
import type * as s from './schemas.js';

/** Attributes of `create*` and `update*`, as the schemas check them before anything is sent. */
export type DomainAttrs = v.InferInput<typeof s.DomainCreate>;
export type DomainUpdateAttrs = v.InferInput<typeof s.DomainUpdate>;
export type ProjectAttrs = v.InferInput<typeof s.ProjectCreate>;
export type ProjectUpdateAttrs = v.InferInput<typeof s.ProjectUpdate>;
export type UserAttrs = v.InferInput<typeof s.UserCreate>;
export type UserUpdateAttrs = v.InferInput<typeof s.UserUpdate>;
export type GroupAttrs = v.InferInput<typeof s.GroupCreate>;
export type GroupUpdateAttrs = v.InferInput<typeof s.GroupUpdate>;
export type RoleAttrs = v.InferInput<typeof s.RoleCreate>;
export type RoleUpdateAttrs = v.InferInput<typeof s.RoleUpdate>;
export type ApplicationCredentialAttrs = v.InferInput<typeof s.ApplicationCredentialCreate>;
export type CredentialAttrs = v.InferInput<typeof s.CredentialCreate>;
export type CredentialUpdateAttrs = v.InferInput<typeof s.CredentialUpdate>;
export type RegionAttrs = v.InferInput<typeof s.RegionCreate>;
export type RegionUpdateAttrs = v.InferInput<typeof s.RegionUpdate>;
export type ServiceAttrs = v.InferInput<typeof s.ServiceCreate>;
export type ServiceUpdateAttrs = v.InferInput<typeof s.ServiceUpdate>;
export type EndpointAttrs = v.InferInput<typeof s.EndpointCreate>;
export type EndpointUpdateAttrs = v.InferInput<typeof s.EndpointUpdate>;
export type RegisteredLimitAttrs = v.InferInput<typeof s.RegisteredLimitCreate>;
export type RegisteredLimitUpdateAttrs = v.InferInput<typeof s.RegisteredLimitUpdate>;
export type LimitAttrs = v.InferInput<typeof s.LimitCreate>;
export type LimitUpdateAttrs = v.InferInput<typeof s.LimitUpdate>;

/** The body of a v3 token, as `GET /v3/auth/tokens` returns it. */
export type Token = TokenBody['token'];

/** Keystone's tag filters of projects, each a comma-separated list of tags (`'a,b'`). */
export interface ProjectTagFilters {
  /** Projects with every one of these tags. */
  tags?: string;
  /** Projects with at least one of these tags. */
  'tags-any'?: string;
  /** Projects without this whole set of tags. */
  'not-tags'?: string;
  /** Projects with none of these tags. */
  'not-tags-any'?: string;
}
/** Filters of `projects()` and `userProjects()`: any attribute (`domain_id`, `parent_id`...) and tags. */
export type ProjectQuery = ListFilters<s.Project, ProjectTagFilters>;

/** Filters of federated users besides their attributes. */
export interface UserFilters {
  /** The identity provider the user came from. */
  idp_id?: string;
  /** The federation protocol the user came through. */
  protocol_id?: string;
  /** The user's id at the identity provider. */
  unique_id?: string;
}
/** Filters of `users()` and `groupUsers()`: any attribute (`domain_id`, `name`, `enabled`...) and federation. */
export type UserQuery = ListFilters<s.User, UserFilters>;
