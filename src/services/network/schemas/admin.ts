import * as v from 'valibot';
import { bool, cidr, ipVersion, num, standard, str } from './common.js';

/** Neutron has sent prefix lengths both as numbers and as strings. */
const prefixLen = v.optional(v.nullable(v.union([v.number(), v.string()])));

/** Schema of a Neutron subnet pool as the cloud returns it (loose: newer fields pass through). */
export const SubnetPool = v.looseObject({
  id: v.string(),
  name: v.string(),
  prefixes: v.array(v.string()),
  ip_version: num,
  default_prefixlen: prefixLen,
  min_prefixlen: prefixLen,
  max_prefixlen: prefixLen,
  default_quota: num,
  address_scope_id: str,
  is_default: bool,
  shared: bool,
  ...standard,
});
/** A Neutron subnet pool, as the cloud returns it. */
export type SubnetPool = v.InferOutput<typeof SubnetPool>;

const len = v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(128)));
const subnetPoolCommon = {
  description: v.optional(v.string()),
  default_prefixlen: len,
  min_prefixlen: len,
  max_prefixlen: len,
  default_quota: v.optional(v.nullable(v.number())),
  address_scope_id: v.optional(v.nullable(v.string())),
  is_default: v.optional(v.boolean()),
};
/** Schema of a new Neutron subnet pool's attributes, checked before the create request is sent. */
export const SubnetPoolCreate = v.looseObject({
  name: v.pipe(v.string(), v.nonEmpty('a name is required')),
  prefixes: v.pipe(v.array(cidr), v.minLength(1, 'at least one prefix is required')),
  shared: v.optional(v.boolean()),
  project_id: v.optional(v.string()),
  ...subnetPoolCommon,
});
/** Prefixes can only be added: the new list must contain the old one. */
export const SubnetPoolUpdate = v.partial(v.looseObject({ name: v.string(), prefixes: v.array(cidr), ...subnetPoolCommon }));

/** Schema of a Neutron address scope as the cloud returns it (loose: newer fields pass through). */
export const AddressScope = v.looseObject({
  id: v.string(),
  name: v.string(),
  ip_version: v.number(),
  shared: bool,
  ...standard,
});
/** A Neutron address scope, as the cloud returns it. */
export type AddressScope = v.InferOutput<typeof AddressScope>;
/** Schema of a new Neutron address scope's attributes, checked before the create request is sent. */
export const AddressScopeCreate = v.looseObject({
  name: v.pipe(v.string(), v.nonEmpty('a name is required')),
  ip_version: ipVersion,
  shared: v.optional(v.boolean()),
  project_id: v.optional(v.string()),
});
/** Schema of what an update of a Neutron address scope can change, checked before the request is sent. */
export const AddressScopeUpdate = v.partial(v.looseObject({ name: v.string(), shared: v.boolean() }));

/** Schema of a Neutron RBAC policy as the cloud returns it (loose: newer fields pass through). */
export const RbacPolicy = v.looseObject({
  id: v.string(),
  object_type: v.string(),
  object_id: v.string(),
  action: v.string(),
  target_tenant: v.string(),
  target_project: str,
  project_id: str,
  tenant_id: str,
});
/** A Neutron RBAC policy, as the cloud returns it. */
export type RbacPolicy = v.InferOutput<typeof RbacPolicy>;
/** Schema of a new Neutron RBAC policy's attributes, checked before the create request is sent. */
export const RbacPolicyCreate = v.looseObject({
  /** `network`, `qos_policy`, `security_group`, `address_scope`, `subnetpool`, `address_group`. */
  object_type: v.pipe(v.string(), v.nonEmpty('an object type is required')),
  object_id: v.pipe(v.string(), v.nonEmpty('an object id is required')),
  action: v.picklist(['access_as_shared', 'access_as_external'], "must be 'access_as_shared' or 'access_as_external'"),
  /** A project id, or `*` for every project. */
  target_tenant: v.pipe(v.string(), v.nonEmpty('a target project (or *) is required')),
  project_id: v.optional(v.string()),
});
/** Schema of what an update of a Neutron RBAC policy can change, checked before the request is sent. */
export const RbacPolicyUpdate = v.looseObject({ target_tenant: v.pipe(v.string(), v.nonEmpty()) });

/** A project's quota: a limit per resource (`-1` is unlimited). */
export const NetworkQuota = v.looseObject({
  /** Set in the list of every project's quotas. */
  project_id: str,
  network: num,
  subnet: num,
  port: num,
  router: num,
  floatingip: num,
  security_group: num,
  security_group_rule: num,
  subnetpool: num,
  rbac_policy: num,
});
export type NetworkQuota = v.InferOutput<typeof NetworkQuota>;
/** Schema of a Neutron quota update: limits by name (-1 for unlimited). */
export const NetworkQuotaUpdate = v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(-1, 'must be -1 (unlimited) or more')));

/** Quota with usage: `{ network: { limit, used, reserved }, ... }`. */
export const NetworkQuotaDetails = v.record(v.string(), v.looseObject({ limit: v.number(), used: v.number(), reserved: num }));
export type NetworkQuotaDetails = v.InferOutput<typeof NetworkQuotaDetails>;

/** Schema of a Neutron API extension the cloud has loaded. */
export const NetworkExtension = v.looseObject({
  alias: v.string(),
  name: v.string(),
  description: str,
  updated: str,
});
/** A Neutron API extension the cloud has loaded. */
export type NetworkExtension = v.InferOutput<typeof NetworkExtension>;

/** Schema of a Neutron network availability zone as the cloud returns it (loose: newer fields pass through). */
export const NetworkAvailabilityZone = v.looseObject({
  name: v.string(),
  /** `network` or `router`. */
  resource: v.string(),
  /** `available` or `unavailable`. */
  state: v.string(),
});
/** A Neutron network availability zone, as the cloud returns it. */
export type NetworkAvailabilityZone = v.InferOutput<typeof NetworkAvailabilityZone>;

/** Schema of a Neutron network agent as the cloud returns it (loose: newer fields pass through). */
export const NetworkAgent = v.looseObject({
  id: v.string(),
  agent_type: v.string(),
  binary: str,
  host: v.string(),
  topic: str,
  admin_state_up: bool,
  alive: bool,
  availability_zone: str,
  configurations: v.optional(v.nullable(v.record(v.string(), v.unknown()))),
  description: str,
  heartbeat_timestamp: str,
  started_at: str,
  created_at: str,
  resources_synced: bool,
});
/** A Neutron network agent, as the cloud returns it. */
export type NetworkAgent = v.InferOutput<typeof NetworkAgent>;
/** Schema of what an update of a Neutron agent can change: `admin_state_up` and its description. */
export const NetworkAgentUpdate = v.partial(v.looseObject({ admin_state_up: v.boolean(), description: v.string() }));
