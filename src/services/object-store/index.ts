/** `openstack-sdk/object-store`: the objectStore service (Swift) as a plugin. */
import { defineService } from '../../plugin.js';
import { ObjectStoreProxy } from './proxy.js';

export const objectStore = defineService({
  name: 'objectStore',
  type: 'object-store',
  create: (ctx) => new ObjectStoreProxy(ctx),
});
export { ObjectStoreProxy };
export {
  ObjectStoreContainer,
  SwiftObject,
  SwiftPseudoFolder,
  SwiftListEntry,
  SwiftInfo,
  isSwiftPseudoFolder,
} from './schemas.js';
export type { ContainerAttrs as ObjectStoreContainerAttrs, ContainerUpdate as ObjectStoreContainerUpdate, SwiftObjectRef } from './proxy.js';
export type { ContainerQuery as ObjectStoreContainerQuery, ObjectQuery as SwiftObjectQuery } from './client.js';
export type { ObjectUpdate as SwiftObjectUpdate } from './headers.js';
export type { ObjectStoreAccount, ObjectStoreContainerInfo, SwiftObjectInfo } from './resources.js';
export type { UploadOptions as SwiftUploadOptions, UploadProgress as SwiftUploadProgress, UploadResult as SwiftUploadResult } from './upload-options.js';
export type { UploadData as SwiftUploadData } from './source.js';
export type { DownloadOptions as SwiftDownloadOptions, SwiftDownload } from './download.js';
export type { BulkDeleteResult as SwiftBulkDeleteResult } from './bulk.js';
export type { TempUrlOptions as SwiftTempUrlOptions } from './temp-url.js';
export type { FormPostOptions as SwiftFormPostOptions, FormPostSignature as SwiftFormPostSignature } from './form-post.js';
export type { DynamicLargeObjectOptions as SwiftDynamicLargeObjectOptions } from './large-object.js';
export type { SignatureAlgorithm as SwiftSignatureAlgorithm } from './hmac.js';
export type { Checksum, Download, HashAlgorithm } from '../../transfer/download.js';
