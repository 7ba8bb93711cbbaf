/** `openstack-sdk/image`: the image service (Glance v2) as a plugin. */
import { defineService } from '../../plugin.js';
import { ImageProxy } from './proxy.js';

export const image = defineService({
  name: 'image',
  type: 'image',
  version: '2',
  create: (ctx) => new ImageProxy(ctx),
});
export { ImageProxy };
export type { ImageQuery, ImageChanges } from './proxy.js';
export * from './schemas.js';
export type { ImageDataSource, ImageDownload, ImageUploadOptions, ExpectedHash } from './image-data.js';
export type { ImageImportMethod, ImageImportOptions } from './image-import.js';
export type { Checksum, Download, HashAlgorithm } from '../../transfer/download.js';
