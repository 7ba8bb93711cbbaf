/**
 * `openstack-sdk/network`: the Network service (Neutron v2.0) as a plugin.
 *
 * @module openstack-sdk/network
 */
import { defineService } from '../../plugin.js';
import { NetworkProxy } from './proxy.js';

/**
 * The Neutron service as a plugin: `services: [network]` adds `conn.network` to a Connection from
 * `openstack-sdk/core` (the full `openstack-sdk` Connection has it built in).
 *
 * @example
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { network } from 'openstack-sdk/network';
 * const conn = new Connection({ auth, services: [network] });
 * const net = await conn.network.createNetwork({ name: 'private' });
 * await conn.network.createSubnet({ network_id: net.id, ip_version: 4, cidr: '10.0.0.0/24' });
 * ```
 */
export const network = defineService({
  name: 'network',
  type: 'network',
  version: '2.0',
  create: (ctx) => new NetworkProxy(ctx),
});
export { NetworkProxy };
export * from './schemas/index.js';
export type { TaggableKind } from './resources.js';
export type {
  AddressScopeAttrs,
  FloatingIpAttrs,
  NetworkAttrs,
  PortAttrs,
  RbacPolicyAttrs,
  RouterAttrs,
  RouterRoute,
  RouterUpdateAttrs,
  SecurityGroupAttrs,
  SecurityGroupRuleAttrs,
  SubnetAttrs,
  SubnetPoolAttrs,
} from './proxy.js';
