/** `openstack-sdk/object-store`: the objectStore service as a plugin. */
import { defineService } from '../../plugin.js';
import { ObjectStoreProxy } from './proxy.js';

export const objectStore = defineService({
  name: 'objectStore',
  type: 'object-store',
  create: (ctx) => new ObjectStoreProxy(ctx),
});
export { ObjectStoreProxy };
