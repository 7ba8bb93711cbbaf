/** `openstack-sdk/compute`: the compute service as a plugin. */
import { defineService } from '../../plugin.js';
import { ComputeProxy } from './proxy.js';

export const compute = defineService({
  name: 'compute',
  type: 'compute',
  version: '2.1',
  microversion: { headerType: 'compute', legacyHeader: 'X-OpenStack-Nova-API-Version', max: '2.93' },
  create: (ctx) => new ComputeProxy(ctx),
});
export { ComputeProxy };
