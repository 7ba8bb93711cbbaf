/**
 * `openstack-sdk/object-store`: the objectStore service (Swift) as a plugin.
 *
 * @module openstack-sdk/object-store
 */
import { defineService } from '../../plugin.js';
import { ObjectStoreProxy } from './proxy.js';

/**
 * The Swift service as a plugin: `services: [objectStore]` adds `conn.objectStore` to a Connection from
 * `openstack-sdk/core` (the full `openstack-sdk` Connection has it built in).
 *
 * @example
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { objectStore } from 'openstack-sdk/object-store';
 * const conn = new Connection({ auth, services: [objectStore] });
 * await conn.objectStore.uploadObject({ container: 'photos', name: 'cat.jpg', data: file });
 * ```
 */
export const objectStore = defineService({
  name: 'objectStore',
  type: 'object-store',
  create: (ctx) => new ObjectStoreProxy(ctx),
});
export { ObjectStoreProxy };
export {
  ObjectStoreContainer,
  ObjectStoreObject,
  ObjectStorePseudoFolder,
  ObjectStoreListEntry,
  ObjectStoreInfo,
  isSwiftPseudoFolder,
} from './schemas.js';
export type {
  ContainerAttrs as ObjectStoreContainerAttrs,
  ContainerUpdate as ObjectStoreContainerUpdate,
  ObjectRef as ObjectStoreObjectRef,
} from './proxy.js';
export type { ContainerQuery as ObjectStoreContainerQuery, ObjectQuery as ObjectStoreObjectQuery } from './client.js';
export type { ObjectUpdate as ObjectStoreObjectUpdate } from './headers.js';
export type { ObjectStoreAccount, ObjectStoreContainerInfo, ObjectStoreObjectInfo } from './resources.js';
export type {
  UploadOptions as ObjectStoreUploadOptions,
  UploadProgress as ObjectStoreUploadProgress,
  UploadResult as ObjectStoreUploadResult,
} from './upload-options.js';
export type { UploadData as ObjectStoreUploadData } from './source.js';
export type { DownloadOptions as ObjectStoreDownloadOptions, ObjectStoreDownload } from './download.js';
export type { BulkDeleteResult as ObjectStoreBulkDeleteResult } from './bulk-result.js';
export type { TempUrlOptions as ObjectStoreTempUrlOptions } from './temp-url.js';
export type { FormPostOptions as ObjectStoreFormPostOptions, FormPostSignature as ObjectStoreFormPostSignature } from './form-post.js';
export type { DynamicLargeObjectOptions as ObjectStoreDynamicLargeObjectOptions } from './large-object.js';
export type { SignatureAlgorithm as ObjectStoreSignatureAlgorithm } from './hmac.js';
export type { Checksum, Download, HashAlgorithm } from '../../transfer/download.js';
export * from './deprecated.js';
