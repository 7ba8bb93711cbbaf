import type { ResourceDef } from '../../resource/proxy.js';
import * as s from './schemas/index.js';

/** Neutron replaces attributes with PUT. */
const neutron = { updateMethod: 'PUT' } as const;

export const networks = {
  name: 'network',
  path: '/networks',
  key: 'network',
  listKey: 'networks',
  schema: s.Network,
  createSchema: s.NetworkCreate,
  updateSchema: s.NetworkUpdate,
  ...neutron,
} satisfies ResourceDef;

export const subnets = {
  name: 'subnet',
  path: '/subnets',
  key: 'subnet',
  listKey: 'subnets',
  schema: s.Subnet,
  createSchema: s.SubnetCreate,
  updateSchema: s.SubnetUpdate,
  ...neutron,
} satisfies ResourceDef;

export const ports = {
  name: 'port',
  path: '/ports',
  key: 'port',
  listKey: 'ports',
  schema: s.Port,
  createSchema: s.PortCreate,
  updateSchema: s.PortUpdate,
  ...neutron,
} satisfies ResourceDef;

export const routers = {
  name: 'router',
  path: '/routers',
  key: 'router',
  listKey: 'routers',
  schema: s.Router,
  createSchema: s.RouterCreate,
  updateSchema: s.RouterUpdate,
  ...neutron,
} satisfies ResourceDef;

export const floatingIps = {
  name: 'floating IP',
  path: '/floatingips',
  key: 'floatingip',
  listKey: 'floatingips',
  schema: s.FloatingIp,
  createSchema: s.FloatingIpCreate,
  updateSchema: s.FloatingIpUpdate,
  // Floating IPs have no name: find() takes an id or an address.
  nameAttribute: 'floating_ip_address',
  ...neutron,
} satisfies ResourceDef;

export const securityGroups = {
  name: 'security group',
  path: '/security-groups',
  key: 'security_group',
  listKey: 'security_groups',
  schema: s.SecurityGroup,
  createSchema: s.SecurityGroupCreate,
  updateSchema: s.SecurityGroupUpdate,
  ...neutron,
} satisfies ResourceDef;

export const securityGroupRules = {
  name: 'security group rule',
  path: '/security-group-rules',
  key: 'security_group_rule',
  listKey: 'security_group_rules',
  schema: s.SecurityGroupRule,
  createSchema: s.SecurityGroupRuleCreate,
  nameFilter: 'id',
} satisfies ResourceDef;

export const subnetPools = {
  name: 'subnet pool',
  path: '/subnetpools',
  key: 'subnetpool',
  listKey: 'subnetpools',
  schema: s.SubnetPool,
  createSchema: s.SubnetPoolCreate,
  updateSchema: s.SubnetPoolUpdate,
  ...neutron,
} satisfies ResourceDef;

export const addressScopes = {
  name: 'address scope',
  path: '/address-scopes',
  key: 'address_scope',
  listKey: 'address_scopes',
  schema: s.AddressScope,
  createSchema: s.AddressScopeCreate,
  updateSchema: s.AddressScopeUpdate,
  ...neutron,
} satisfies ResourceDef;

export const rbacPolicies = {
  name: 'RBAC policy',
  path: '/rbac-policies',
  key: 'rbac_policy',
  listKey: 'rbac_policies',
  schema: s.RbacPolicy,
  createSchema: s.RbacPolicyCreate,
  updateSchema: s.RbacPolicyUpdate,
  nameFilter: 'id',
  ...neutron,
} satisfies ResourceDef;

export const quotas = {
  name: 'network quota',
  path: '/quotas',
  key: 'quota',
  listKey: 'quotas',
  schema: s.NetworkQuota,
  updateSchema: s.NetworkQuotaUpdate,
  ...neutron,
} satisfies ResourceDef;

export const quotaDetails = { ...quotas, schema: s.NetworkQuotaDetails } satisfies ResourceDef;

export const extensions = {
  name: 'network extension',
  path: '/extensions',
  key: 'extension',
  listKey: 'extensions',
  schema: s.NetworkExtension,
  // Extensions are reached by alias; their names are matched on the full list.
  nameFilter: null,
} satisfies ResourceDef;

export const availabilityZones = {
  name: 'network availability zone',
  path: '/availability_zones',
  key: 'availability_zone',
  listKey: 'availability_zones',
  schema: s.NetworkAvailabilityZone,
} satisfies ResourceDef;

export const agents = {
  name: 'network agent',
  path: '/agents',
  key: 'agent',
  listKey: 'agents',
  schema: s.NetworkAgent,
  updateSchema: s.NetworkAgentUpdate,
  ...neutron,
} satisfies ResourceDef;

/** Collections whose members carry tags (`/v2.0/<kind>/<id>/tags`). */
export type TaggableKind =
  | 'networks'
  | 'subnets'
  | 'ports'
  | 'routers'
  | 'floatingips'
  | 'security-groups'
  | 'subnetpools'
  | 'address-scopes'
  | 'qos/policies'
  | 'trunks'
  | 'network_segment_ranges';
