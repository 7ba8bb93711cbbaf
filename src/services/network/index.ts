/** `openstack-sdk/network`: the Network service (Neutron v2.0) as a plugin. */
import { defineService } from '../../plugin.js';
import { NetworkProxy } from './proxy.js';

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
