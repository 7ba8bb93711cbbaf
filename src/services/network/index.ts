/** `openstack-sdk/network`: the network service as a plugin. */
import { defineService } from '../../plugin.js';
import { NetworkProxy } from './proxy.js';

export const network = defineService({
  name: 'network',
  type: 'network',
  version: '2.0',
  create: (ctx) => new NetworkProxy(ctx),
});
export { NetworkProxy };
