/**
 * `openstack-sdk/image`: the image service (Glance v2) as a plugin.
 *
 * @module openstack-sdk/image
 */
import { defineService } from '../../plugin.js';
import { ImageProxy } from './proxy.js';

/**
 * The Glance v2 service as a plugin: `services: [image]` adds `conn.image` to a Connection from
 * `openstack-sdk/core` (the full `openstack-sdk` Connection has it built in).
 *
 * @example
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { image } from 'openstack-sdk/image';
 * const conn = new Connection({ auth, services: [image] });
 * for await (const img of conn.image.images({ visibility: 'public' })) console.log(img.name);
 * ```
 */
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
