import * as v from 'valibot';

/**
 * Keystone v3 resources as the cloud returns them, and the attributes accepted on create and
 * update. Schemas are loose so newer fields pass through; types come from the schemas.
 */
const links = v.optional(v.record(v.string(), v.nullable(v.string())));
const required = (what: string) => v.pipe(v.string(), v.nonEmpty(`${what} is required`));
const options = v.optional(v.record(v.string(), v.unknown()));

/** Schema of a Keystone domain as the cloud returns it (loose: newer fields pass through). */
export const Domain = v.looseObject({
  id: v.string(),
  name: v.string(),
  description: v.optional(v.nullable(v.string())),
  enabled: v.optional(v.boolean()),
  tags: v.optional(v.array(v.string())),
  links,
});
/** A Keystone domain, as the cloud returns it. */
export type Domain = v.InferOutput<typeof Domain>;
/** Schema of a new Keystone domain's attributes, checked before the create request is sent. */
export const DomainCreate = v.looseObject({
  name: required('a name'),
  description: v.optional(v.string()),
  enabled: v.optional(v.boolean()),
  tags: v.optional(v.array(v.string())),
});
/** Schema of what an update of a Keystone domain can change, checked before the request is sent. */
export const DomainUpdate = v.partial(DomainCreate);

/** A project tag: Keystone refuses empty ones, `/` and `,`, and more than 255 characters. */
export const ProjectTag = v.pipe(
  v.string(),
  v.nonEmpty('a tag cannot be empty'),
  v.maxLength(255, 'a tag has at most 255 characters'),
  v.regex(/^[^/,]*$/, "a tag cannot contain '/' or ','"),
);

const projectFields = {
  id: v.string(),
  name: v.string(),
  domain_id: v.string(),
  description: v.optional(v.nullable(v.string())),
  enabled: v.optional(v.boolean()),
  is_domain: v.optional(v.boolean()),
  parent_id: v.optional(v.nullable(v.string())),
  tags: v.optional(v.array(v.string())),
  options,
  links,
};
/** Ancestors or descendants: `[{ project }]` with `*_as_list`, nested ids with `*_as_ids`. */
const Hierarchy = v.optional(
  v.nullable(v.union([v.array(v.looseObject({ project: v.looseObject(projectFields) })), v.record(v.string(), v.unknown())])),
);
/** Schema of a Keystone project as the cloud returns it (loose: newer fields pass through). */
export const Project = v.looseObject({ ...projectFields, parents: Hierarchy, subtree: Hierarchy });
/** A Keystone project, as the cloud returns it. */
export type Project = v.InferOutput<typeof Project>;
/** Schema of a new Keystone project's attributes, checked before the create request is sent. */
export const ProjectCreate = v.looseObject({
  name: required('a name'),
  domain_id: v.optional(v.string()),
  parent_id: v.optional(v.string()),
  description: v.optional(v.string()),
  enabled: v.optional(v.boolean()),
  is_domain: v.optional(v.boolean()),
  tags: v.optional(v.array(ProjectTag)),
  options,
});
/** Schema of what an update of a Keystone project can change, checked before the request is sent. */
export const ProjectUpdate = v.partial(v.omit(ProjectCreate, ['domain_id', 'parent_id', 'is_domain']));

/** Schema of a Keystone user as the cloud returns it (loose: newer fields pass through). */
export const User = v.looseObject({
  id: v.string(),
  name: v.string(),
  domain_id: v.string(),
  enabled: v.optional(v.boolean()),
  default_project_id: v.optional(v.nullable(v.string())),
  description: v.optional(v.nullable(v.string())),
  email: v.optional(v.nullable(v.string())),
  password_expires_at: v.optional(v.nullable(v.string())),
  options,
  links,
});
/** A Keystone user, as the cloud returns it. */
export type User = v.InferOutput<typeof User>;
/** Schema of a new Keystone user's attributes, checked before the create request is sent. */
export const UserCreate = v.looseObject({
  name: required('a name'),
  domain_id: v.optional(v.string()),
  password: v.optional(v.string()),
  default_project_id: v.optional(v.string()),
  description: v.optional(v.string()),
  email: v.optional(v.string()),
  enabled: v.optional(v.boolean()),
  /** e.g. `{ multi_factor_auth_enabled: true, multi_factor_auth_rules: [['password', 'totp']] }`. */
  options,
});
/** Schema of what an update of a Keystone user can change, checked before the request is sent. */
export const UserUpdate = v.partial(UserCreate);
/** Schema of a user's own password change: the current password and the new one. */
export const PasswordChange = v.object({
  originalPassword: required('the current password'),
  password: required('a new password'),
});

/** Schema of a Keystone group as the cloud returns it (loose: newer fields pass through). */
export const Group = v.looseObject({
  id: v.string(),
  name: v.string(),
  domain_id: v.string(),
  description: v.optional(v.nullable(v.string())),
  links,
});
/** A Keystone group, as the cloud returns it. */
export type Group = v.InferOutput<typeof Group>;
/** Schema of a new Keystone group's attributes, checked before the create request is sent. */
export const GroupCreate = v.looseObject({
  name: required('a name'),
  domain_id: v.optional(v.string()),
  description: v.optional(v.string()),
});
/** Schema of what an update of a Keystone group can change, checked before the request is sent. */
export const GroupUpdate = v.partial(v.omit(GroupCreate, ['domain_id']));

/** Schema of a Keystone role as the cloud returns it (loose: newer fields pass through). */
export const Role = v.looseObject({
  id: v.string(),
  name: v.string(),
  /** Set for domain-specific roles. */
  domain_id: v.optional(v.nullable(v.string())),
  description: v.optional(v.nullable(v.string())),
  options,
  links,
});
/** A Keystone role, as the cloud returns it. */
export type Role = v.InferOutput<typeof Role>;
/** Schema of a new Keystone role's attributes, checked before the create request is sent. */
export const RoleCreate = v.looseObject({
  name: required('a name'),
  domain_id: v.optional(v.string()),
  description: v.optional(v.string()),
  options,
});
/** Schema of what an update of a Keystone role can change, checked before the request is sent. */
export const RoleUpdate = v.partial(v.omit(RoleCreate, ['domain_id']));

const RoleRef = v.looseObject({ id: v.string(), name: v.optional(v.string()), links });
/** One inference rule: holding `prior_role` implies holding `implies`. */
export const RoleInference = v.looseObject({ prior_role: RoleRef, implies: RoleRef });
export type RoleInference = v.InferOutput<typeof RoleInference>;
/** Every role a prior role implies. */
export const RoleInferences = v.looseObject({ prior_role: RoleRef, implies: v.array(RoleRef) });
export type RoleInferences = v.InferOutput<typeof RoleInferences>;

const Actor = v.looseObject({
  id: v.string(),
  name: v.optional(v.string()),
  domain: v.optional(v.looseObject({ id: v.string(), name: v.optional(v.string()) })),
});
/** Schema of a role assignment: a role given to a user or group on a project, a domain or the system. */
export const RoleAssignment = v.looseObject({
  role: v.looseObject({ id: v.string(), name: v.optional(v.string()), domain: v.optional(v.unknown()) }),
  user: v.optional(Actor),
  group: v.optional(Actor),
  scope: v.looseObject({
    project: v.optional(Actor),
    domain: v.optional(v.looseObject({ id: v.string(), name: v.optional(v.string()) })),
    system: v.optional(v.record(v.string(), v.unknown())),
    'OS-INHERIT:inherited_to': v.optional(v.string()),
  }),
  links,
});
/** A role assignment: a role given to a user or group on a project, a domain or the system. */
export type RoleAssignment = v.InferOutput<typeof RoleAssignment>;

/** Schema of an access rule of an application credential: the service, method and path it may call. */
export const AccessRule = v.looseObject({
  id: v.optional(v.string()),
  path: v.optional(v.string()),
  method: v.optional(v.string()),
  service: v.optional(v.string()),
  links,
});
/** An access rule of an application credential: the service, method and path it may call. */
export type AccessRule = v.InferOutput<typeof AccessRule>;
const AccessRuleInput = v.union([
  v.object({ id: required('an access rule id') }),
  v.looseObject({ path: required('a path'), method: required('a method'), service: required('a service type') }),
]);

/** Schema of a Keystone application credential as the cloud returns it (loose: newer fields pass through). */
export const ApplicationCredential = v.looseObject({
  id: v.string(),
  name: v.string(),
  user_id: v.optional(v.string()),
  project_id: v.optional(v.nullable(v.string())),
  description: v.optional(v.nullable(v.string())),
  expires_at: v.optional(v.nullable(v.string())),
  unrestricted: v.optional(v.nullable(v.boolean())),
  roles: v.optional(v.array(v.looseObject({ id: v.string(), name: v.optional(v.string()) }))),
  access_rules: v.optional(v.nullable(v.array(AccessRule))),
  /** Only in the answer to create: Keystone never shows it again. */
  secret: v.optional(v.string()),
  links,
});
/** A Keystone application credential, as the cloud returns it. */
export type ApplicationCredential = v.InferOutput<typeof ApplicationCredential>;
/** Schema of a new Keystone application credential's attributes, checked before the create request is sent. */
export const ApplicationCredentialCreate = v.looseObject({
  name: required('a name'),
  description: v.optional(v.string()),
  /** Keystone generates one when left out. */
  secret: v.optional(v.string()),
  expires_at: v.optional(v.nullable(v.string())),
  /** A subset of the roles the user has on the token's project; all of them when left out. */
  roles: v.optional(v.array(v.union([v.object({ id: required('a role id') }), v.looseObject({ name: required('a role name') })]))),
  unrestricted: v.optional(v.boolean()),
  access_rules: v.optional(v.array(AccessRuleInput)),
});

/** Schema of a Keystone credential as the cloud returns it (loose: newer fields pass through). */
export const Credential = v.looseObject({
  id: v.string(),
  type: v.string(),
  user_id: v.string(),
  /** For `totp`, the base32 secret; for `ec2`, a JSON string. */
  blob: v.string(),
  project_id: v.optional(v.nullable(v.string())),
  links,
});
/** A Keystone credential, as the cloud returns it. */
export type Credential = v.InferOutput<typeof Credential>;
/** Schema of a new Keystone credential's attributes, checked before the create request is sent. */
export const CredentialCreate = v.looseObject({
  type: required('a type'),
  user_id: required('a user id'),
  blob: required('a blob'),
  project_id: v.optional(v.string()),
});
/** Schema of what an update of a Keystone credential can change, checked before the request is sent. */
export const CredentialUpdate = v.partial(CredentialCreate);

/** Schema of a Keystone region as the cloud returns it (loose: newer fields pass through). */
export const Region = v.looseObject({
  id: v.string(),
  description: v.optional(v.nullable(v.string())),
  parent_region_id: v.optional(v.nullable(v.string())),
  links,
});
/** A Keystone region, as the cloud returns it. */
export type Region = v.InferOutput<typeof Region>;
/** Schema of a new Keystone region's attributes, checked before the create request is sent. */
export const RegionCreate = v.looseObject({
  /** Keystone generates one when left out. */
  id: v.optional(v.pipe(v.string(), v.nonEmpty('an id cannot be empty'))),
  description: v.optional(v.string()),
  parent_region_id: v.optional(v.string()),
});
/** Schema of what an update of a Keystone region can change, checked before the request is sent. */
export const RegionUpdate = v.partial(v.omit(RegionCreate, ['id']));

/** Schema of a Keystone service as the cloud returns it (loose: newer fields pass through). */
export const Service = v.looseObject({
  id: v.string(),
  type: v.string(),
  name: v.optional(v.nullable(v.string())),
  description: v.optional(v.nullable(v.string())),
  enabled: v.optional(v.boolean()),
  links,
});
/** A Keystone service, as the cloud returns it. */
export type Service = v.InferOutput<typeof Service>;
/** Schema of a new Keystone service's attributes, checked before the create request is sent. */
export const ServiceCreate = v.looseObject({
  type: required('a type'),
  name: v.optional(v.string()),
  description: v.optional(v.string()),
  enabled: v.optional(v.boolean()),
});
/** Schema of what an update of a Keystone service can change, checked before the request is sent. */
export const ServiceUpdate = v.partial(ServiceCreate);

const InterfaceName = v.picklist(['public', 'internal', 'admin'], "must be 'public', 'internal' or 'admin'");
/** Schema of a Keystone endpoint as the cloud returns it (loose: newer fields pass through). */
export const Endpoint = v.looseObject({
  id: v.string(),
  interface: v.string(),
  service_id: v.string(),
  url: v.string(),
  region_id: v.optional(v.nullable(v.string())),
  region: v.optional(v.nullable(v.string())),
  enabled: v.optional(v.boolean()),
  links,
});
/** A Keystone endpoint, as the cloud returns it. */
export type Endpoint = v.InferOutput<typeof Endpoint>;
/** Schema of a new Keystone endpoint's attributes, checked before the create request is sent. */
export const EndpointCreate = v.looseObject({
  service_id: required('a service id'),
  interface: InterfaceName,
  url: v.pipe(v.string(), v.url('must be an absolute URL')),
  region_id: v.optional(v.string()),
  enabled: v.optional(v.boolean()),
});
/** Schema of what an update of a Keystone endpoint can change, checked before the request is sent. */
export const EndpointUpdate = v.partial(EndpointCreate);

const limitValue = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(-1, 'must be -1 (unlimited) or more'));
/** Schema of a Keystone registered limit as the cloud returns it (loose: newer fields pass through). */
export const RegisteredLimit = v.looseObject({
  id: v.string(),
  service_id: v.string(),
  resource_name: v.string(),
  default_limit: v.number(),
  region_id: v.optional(v.nullable(v.string())),
  description: v.optional(v.nullable(v.string())),
  links,
});
/** A Keystone registered limit, as the cloud returns it. */
export type RegisteredLimit = v.InferOutput<typeof RegisteredLimit>;
/** Schema of a new Keystone registered limit's attributes, checked before the create request is sent. */
export const RegisteredLimitCreate = v.looseObject({
  service_id: required('a service id'),
  resource_name: required('a resource name'),
  default_limit: limitValue,
  region_id: v.optional(v.string()),
  description: v.optional(v.string()),
});
/** Schema of what an update of a Keystone registered limit can change, checked before the request is sent. */
export const RegisteredLimitUpdate = v.partial(RegisteredLimitCreate);

/** Schema of a Keystone limit as the cloud returns it (loose: newer fields pass through). */
export const Limit = v.looseObject({
  id: v.string(),
  service_id: v.string(),
  resource_name: v.string(),
  resource_limit: v.number(),
  project_id: v.optional(v.nullable(v.string())),
  domain_id: v.optional(v.nullable(v.string())),
  region_id: v.optional(v.nullable(v.string())),
  description: v.optional(v.nullable(v.string())),
  links,
});
/** A Keystone limit, as the cloud returns it. */
export type Limit = v.InferOutput<typeof Limit>;
/** Schema of a new Keystone limit's attributes, checked before the create request is sent. */
export const LimitCreate = v.looseObject({
  service_id: required('a service id'),
  resource_name: required('a resource name'),
  resource_limit: limitValue,
  /** A project or a domain (one of them). */
  project_id: v.optional(v.string()),
  domain_id: v.optional(v.string()),
  region_id: v.optional(v.string()),
  description: v.optional(v.string()),
});
/** Schema of what an update of a Keystone limit can change, checked before the request is sent. */
export const LimitUpdate = v.partial(v.pick(LimitCreate, ['resource_limit', 'description']));
/** Schema of Keystone's enforcement model for limits (`flat` or `strict-two-level`). */
export const LimitModel = v.looseObject({ name: v.string(), description: v.optional(v.string()) });
/** Keystone's enforcement model for limits (`flat` or `strict-two-level`). */
export type LimitModel = v.InferOutput<typeof LimitModel>;

/** A system scope the current token may ask for (`GET /v3/auth/system`). */
export const SystemScope = v.record(v.string(), v.unknown());
