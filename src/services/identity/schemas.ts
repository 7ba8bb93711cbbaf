import * as v from 'valibot';

/** Fields every Keystone resource may carry; schemas are loose so newer fields pass through. */
const links = v.optional(v.record(v.string(), v.nullable(v.string())));

export const Domain = v.looseObject({
  id: v.string(),
  name: v.string(),
  description: v.optional(v.nullable(v.string())),
  enabled: v.optional(v.boolean()),
  tags: v.optional(v.array(v.string())),
  links,
});
export type Domain = v.InferOutput<typeof Domain>;
export const DomainCreate = v.looseObject({
  name: v.pipe(v.string(), v.nonEmpty('a name is required')),
  description: v.optional(v.string()),
  enabled: v.optional(v.boolean()),
  tags: v.optional(v.array(v.string())),
});
export const DomainUpdate = v.partial(DomainCreate);

export const Project = v.looseObject({
  id: v.string(),
  name: v.string(),
  domain_id: v.string(),
  description: v.optional(v.nullable(v.string())),
  enabled: v.optional(v.boolean()),
  is_domain: v.optional(v.boolean()),
  parent_id: v.optional(v.nullable(v.string())),
  tags: v.optional(v.array(v.string())),
  links,
});
export type Project = v.InferOutput<typeof Project>;
export const ProjectCreate = v.looseObject({
  name: v.pipe(v.string(), v.nonEmpty('a name is required')),
  domain_id: v.optional(v.string()),
  parent_id: v.optional(v.string()),
  description: v.optional(v.string()),
  enabled: v.optional(v.boolean()),
  is_domain: v.optional(v.boolean()),
  tags: v.optional(v.array(v.string())),
});
export const ProjectUpdate = v.partial(v.omit(ProjectCreate, ['domain_id', 'parent_id', 'is_domain']));

export const User = v.looseObject({
  id: v.string(),
  name: v.string(),
  domain_id: v.string(),
  enabled: v.optional(v.boolean()),
  default_project_id: v.optional(v.nullable(v.string())),
  description: v.optional(v.nullable(v.string())),
  email: v.optional(v.nullable(v.string())),
  password_expires_at: v.optional(v.nullable(v.string())),
  options: v.optional(v.record(v.string(), v.unknown())),
  links,
});
export type User = v.InferOutput<typeof User>;
export const UserCreate = v.looseObject({
  name: v.pipe(v.string(), v.nonEmpty('a name is required')),
  domain_id: v.optional(v.string()),
  password: v.optional(v.string()),
  default_project_id: v.optional(v.string()),
  description: v.optional(v.string()),
  email: v.optional(v.string()),
  enabled: v.optional(v.boolean()),
  options: v.optional(v.record(v.string(), v.unknown())),
});
export const UserUpdate = v.partial(UserCreate);
