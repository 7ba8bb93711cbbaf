import { defineResource, filters } from '../../resource/declare.js';
import type { NeutronFilters } from './schemas/common.js';
import * as s from './schemas/index.js';

/** Neutron replaces attributes with PUT, and every list takes tags, sorting and `fields`. */
const neutron = { updateMethod: 'PUT', filters: filters<NeutronFilters>() } as const;

export const networks = defineResource({
  one: 'Network',
  many: 'networks',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  name: 'network',
  path: '/networks',
  key: 'network',
  listKey: 'networks',
  schema: s.Network,
  createSchema: s.NetworkCreate,
  updateSchema: s.NetworkUpdate,
  ...neutron,
});

export const subnets = defineResource({
  one: 'Subnet',
  many: 'subnets',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  name: 'subnet',
  path: '/subnets',
  key: 'subnet',
  listKey: 'subnets',
  schema: s.Subnet,
  createSchema: s.SubnetCreate,
  updateSchema: s.SubnetUpdate,
  ...neutron,
});

export const ports = defineResource({
  one: 'Port',
  many: 'ports',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  name: 'port',
  path: '/ports',
  key: 'port',
  listKey: 'ports',
  schema: s.Port,
  createSchema: s.PortCreate,
  updateSchema: s.PortUpdate,
  ...neutron,
});

export const routers = defineResource({
  one: 'Router',
  many: 'routers',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  name: 'router',
  path: '/routers',
  key: 'router',
  listKey: 'routers',
  schema: s.Router,
  createSchema: s.RouterCreate,
  updateSchema: s.RouterUpdate,
  ...neutron,
});

export const floatingIps = defineResource({
  one: 'FloatingIp',
  many: 'floatingIps',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
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
});

export const securityGroups = defineResource({
  one: 'SecurityGroup',
  many: 'securityGroups',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  name: 'security group',
  path: '/security-groups',
  key: 'security_group',
  listKey: 'security_groups',
  schema: s.SecurityGroup,
  createSchema: s.SecurityGroupCreate,
  updateSchema: s.SecurityGroupUpdate,
  ...neutron,
});

export const securityGroupRules = defineResource({
  one: 'SecurityGroupRule',
  many: 'securityGroupRules',
  ops: ['list', 'get', 'find', 'create', 'delete'],
  name: 'security group rule',
  path: '/security-group-rules',
  key: 'security_group_rule',
  listKey: 'security_group_rules',
  schema: s.SecurityGroupRule,
  createSchema: s.SecurityGroupRuleCreate,
  nameFilter: 'id',
});

export const subnetPools = defineResource({
  one: 'SubnetPool',
  many: 'subnetPools',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  name: 'subnet pool',
  path: '/subnetpools',
  key: 'subnetpool',
  listKey: 'subnetpools',
  schema: s.SubnetPool,
  createSchema: s.SubnetPoolCreate,
  updateSchema: s.SubnetPoolUpdate,
  ...neutron,
});

export const addressScopes = defineResource({
  one: 'AddressScope',
  many: 'addressScopes',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  name: 'address scope',
  path: '/address-scopes',
  key: 'address_scope',
  listKey: 'address_scopes',
  schema: s.AddressScope,
  createSchema: s.AddressScopeCreate,
  updateSchema: s.AddressScopeUpdate,
  ...neutron,
});

export const rbacPolicies = defineResource({
  one: 'RbacPolicy',
  many: 'rbacPolicies',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  name: 'RBAC policy',
  path: '/rbac-policies',
  key: 'rbac_policy',
  listKey: 'rbac_policies',
  schema: s.RbacPolicy,
  createSchema: s.RbacPolicyCreate,
  updateSchema: s.RbacPolicyUpdate,
  nameFilter: 'id',
  ...neutron,
});

export const quotas = defineResource({
  one: 'Quota',
  many: 'quotas',
  ops: ['list', 'get', 'update', 'delete'],
  name: 'network quota',
  path: '/quotas',
  key: 'quota',
  listKey: 'quotas',
  schema: s.NetworkQuota,
  updateSchema: s.NetworkQuotaUpdate,
  ...neutron,
});

/** A quota with usage, read by `getQuotaDetails` (no methods of its own). */
export const quotaDetails = defineResource({ ...quotas, schema: s.NetworkQuotaDetails, ops: [] });

export const extensions = defineResource({
  one: 'Extension',
  many: 'extensions',
  ops: ['list', 'get', 'find'],
  name: 'network extension',
  path: '/extensions',
  key: 'extension',
  listKey: 'extensions',
  schema: s.NetworkExtension,
  // Extensions are reached by alias; their names are matched on the full list.
  nameFilter: null,
});

export const availabilityZones = defineResource({
  one: 'AvailabilityZone',
  many: 'availabilityZones',
  ops: ['list'],
  name: 'network availability zone',
  path: '/availability_zones',
  key: 'availability_zone',
  listKey: 'availability_zones',
  schema: s.NetworkAvailabilityZone,
});

export const agents = defineResource({
  one: 'Agent',
  many: 'agents',
  ops: ['list', 'get', 'update', 'delete'],
  name: 'network agent',
  path: '/agents',
  key: 'agent',
  listKey: 'agents',
  schema: s.NetworkAgent,
  updateSchema: s.NetworkAgentUpdate,
  ...neutron,
});

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
