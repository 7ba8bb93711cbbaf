import * as v from 'valibot';
import { bool, cidr, num, standard, str } from './common.js';

/** Schema of a Neutron security group rule as the cloud returns it (loose: newer fields pass through). */
export const SecurityGroupRule = v.looseObject({
  id: v.string(),
  security_group_id: v.string(),
  direction: v.string(),
  ethertype: str,
  protocol: str,
  port_range_min: num,
  port_range_max: num,
  remote_ip_prefix: str,
  remote_group_id: str,
  remote_address_group_id: str,
  normalized_cidr: str,
  belongs_to_default_sg: bool,
  ...standard,
});
/** A Neutron security group rule, as the cloud returns it. */
export type SecurityGroupRule = v.InferOutput<typeof SecurityGroupRule>;

// For ICMP the range holds a type and a code, which may come in any order.
const isIcmp = (p: unknown) => p === 1 || p === 58 || /icmp/i.test(String(p));
const port = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535)));
/** Schema of a new Neutron security group rule's attributes, checked before the create request is sent. */
export const SecurityGroupRuleCreate = v.pipe(
  v.looseObject({
    security_group_id: v.pipe(v.string(), v.nonEmpty('a security group id is required')),
    direction: v.picklist(['ingress', 'egress'], "must be 'ingress' or 'egress'"),
    ethertype: v.optional(v.picklist(['IPv4', 'IPv6'], "must be 'IPv4' or 'IPv6'")),
    /** A name (`tcp`, `icmp`...) or an IP protocol number; null for any. */
    protocol: v.optional(v.nullable(v.union([v.string(), v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255))]))),
    port_range_min: v.optional(port),
    port_range_max: v.optional(port),
    remote_ip_prefix: v.optional(v.nullable(cidr)),
    remote_group_id: v.optional(v.nullable(v.string())),
    remote_address_group_id: v.optional(v.nullable(v.string())),
    description: v.optional(v.string()),
    project_id: v.optional(v.string()),
  }),
  v.forward(
    v.check(
      (r) => r.port_range_min == null || r.port_range_max == null || r.port_range_min <= r.port_range_max || isIcmp(r.protocol),
      'must not be below port_range_min',
    ),
    ['port_range_max'],
  ),
);

/** Schema of a Neutron security group as the cloud returns it (loose: newer fields pass through). */
export const SecurityGroup = v.looseObject({
  id: v.string(),
  name: v.string(),
  security_group_rules: v.optional(v.array(SecurityGroupRule)),
  stateful: bool,
  shared: bool,
  ...standard,
});
/** A Neutron security group, as the cloud returns it. */
export type SecurityGroup = v.InferOutput<typeof SecurityGroup>;

/** Schema of a new Neutron security group's attributes, checked before the create request is sent. */
export const SecurityGroupCreate = v.looseObject({
  name: v.optional(v.string()),
  description: v.optional(v.string()),
  stateful: v.optional(v.boolean()),
  project_id: v.optional(v.string()),
});
/** Schema of what an update of a Neutron security group can change, checked before the request is sent. */
export const SecurityGroupUpdate = v.partial(v.omit(SecurityGroupCreate, ['project_id']));
