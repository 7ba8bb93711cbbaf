/** `openstack-sdk/image`: the image service as a plugin. */
import { defineService } from '../../plugin.js';
import { ImageProxy } from './proxy.js';

export const image = defineService({
  name: 'image',
  type: 'image',
  version: '2',
  create: (ctx) => new ImageProxy(ctx),
});
export { ImageProxy };
