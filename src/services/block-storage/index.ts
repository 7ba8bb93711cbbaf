/** `openstack-sdk/block-storage`: the blockStorage service as a plugin. */
import { defineService } from '../../plugin.js';
import { BlockStorageProxy } from './proxy.js';

export const blockStorage = defineService({
  name: 'blockStorage',
  type: 'block-storage',
  version: '3',
  microversion: { headerType: 'volume', max: '3.70' },
  create: (ctx) => new BlockStorageProxy(ctx),
});
export { BlockStorageProxy };
