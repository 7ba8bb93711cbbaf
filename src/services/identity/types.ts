import type * as v from 'valibot';
import type { TokenBody } from '../../auth/token-body.js';
import type { ListFilters } from '../../resource/declare.js';
import type * as s from './schemas.js';

/** Attributes of `create*` and `update*`, as the schemas check them before anything is sent. */
export type DomainAttrs = v.InferInput<typeof s.DomainCreate>;
/** Changes to a domain, checked before the update is sent. */
export type DomainUpdateAttrs = v.InferInput<typeof s.DomainUpdate>;
/** Attributes of a new project, checked before the create is sent. */
export type ProjectAttrs = v.InferInput<typeof s.ProjectCreate>;
/** Changes to a project, checked before the update is sent. */
export type ProjectUpdateAttrs = v.InferInput<typeof s.ProjectUpdate>;
/** Attributes of a new user, checked before the create is sent. */
export type UserAttrs = v.InferInput<typeof s.UserCreate>;
/** Changes to a user, checked before the update is sent. */
export type UserUpdateAttrs = v.InferInput<typeof s.UserUpdate>;
/** Attributes of a new group, checked before the create is sent. */
export type GroupAttrs = v.InferInput<typeof s.GroupCreate>;
/** Changes to a group, checked before the update is sent. */
export type GroupUpdateAttrs = v.InferInput<typeof s.GroupUpdate>;
/** Attributes of a new role, checked before the create is sent. */
export type RoleAttrs = v.InferInput<typeof s.RoleCreate>;
/** Changes to a role, checked before the update is sent. */
export type RoleUpdateAttrs = v.InferInput<typeof s.RoleUpdate>;
/** Attributes of a new application credential, checked before the create is sent. */
export type ApplicationCredentialAttrs = v.InferInput<typeof s.ApplicationCredentialCreate>;
/** Attributes of a new credential, checked before the create is sent. */
export type CredentialAttrs = v.InferInput<typeof s.CredentialCreate>;
/** Changes to a credential, checked before the update is sent. */
export type CredentialUpdateAttrs = v.InferInput<typeof s.CredentialUpdate>;
/** Attributes of a new region, checked before the create is sent. */
export type RegionAttrs = v.InferInput<typeof s.RegionCreate>;
/** Changes to a region, checked before the update is sent. */
export type RegionUpdateAttrs = v.InferInput<typeof s.RegionUpdate>;
/** Attributes of a new service, checked before the create is sent. */
export type ServiceAttrs = v.InferInput<typeof s.ServiceCreate>;
/** Changes to a service, checked before the update is sent. */
export type ServiceUpdateAttrs = v.InferInput<typeof s.ServiceUpdate>;
/** Attributes of a new endpoint, checked before the create is sent. */
export type EndpointAttrs = v.InferInput<typeof s.EndpointCreate>;
/** Changes to a endpoint, checked before the update is sent. */
export type EndpointUpdateAttrs = v.InferInput<typeof s.EndpointUpdate>;
/** Attributes of a new registered limit, checked before the create is sent. */
export type RegisteredLimitAttrs = v.InferInput<typeof s.RegisteredLimitCreate>;
/** Changes to a registered limit, checked before the update is sent. */
export type RegisteredLimitUpdateAttrs = v.InferInput<typeof s.RegisteredLimitUpdate>;
/** Attributes of a new limit, checked before the create is sent. */
export type LimitAttrs = v.InferInput<typeof s.LimitCreate>;
/** Changes to a limit, checked before the update is sent. */
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
