/**
 * The object store's former `Swift*` names, kept for one release. Each is the `ObjectStore*` name
 * given after `Use`.
 */
import type { BulkDeleteResult } from './bulk-result.js';
import type { ObjectQuery } from './client.js';
import type { DownloadOptions, ObjectStoreDownload } from './download.js';
import type { FormPostOptions, FormPostSignature } from './form-post.js';
import type { ObjectUpdate } from './headers.js';
import type { SignatureAlgorithm } from './hmac.js';
import type { DynamicLargeObjectOptions } from './large-object.js';
import type { ObjectRef } from './proxy.js';
import type { ObjectStoreObjectInfo } from './resources.js';
import { ObjectStoreInfo, ObjectStoreListEntry, ObjectStoreObject, ObjectStorePseudoFolder } from './schemas.js';
import type { UploadData } from './source.js';
import type { TempUrlOptions } from './temp-url.js';
import type { UploadOptions, UploadProgress, UploadResult } from './upload-options.js';

/** @deprecated Use `ObjectStoreObject`; this name goes in the next release. */
export const SwiftObject = ObjectStoreObject;
/** @deprecated Use `ObjectStoreObject`; this name goes in the next release. */
export type SwiftObject = ObjectStoreObject;
/** @deprecated Use `ObjectStorePseudoFolder`; this name goes in the next release. */
export const SwiftPseudoFolder = ObjectStorePseudoFolder;
/** @deprecated Use `ObjectStorePseudoFolder`; this name goes in the next release. */
export type SwiftPseudoFolder = ObjectStorePseudoFolder;
/** @deprecated Use `ObjectStoreListEntry`; this name goes in the next release. */
export const SwiftListEntry = ObjectStoreListEntry;
/** @deprecated Use `ObjectStoreListEntry`; this name goes in the next release. */
export type SwiftListEntry = ObjectStoreListEntry;
/** @deprecated Use `ObjectStoreInfo`; this name goes in the next release. */
export const SwiftInfo = ObjectStoreInfo;
/** @deprecated Use `ObjectStoreInfo`; this name goes in the next release. */
export type SwiftInfo = ObjectStoreInfo;

/** @deprecated Use `ObjectStoreObjectInfo`; this name goes in the next release. */
export type SwiftObjectInfo = ObjectStoreObjectInfo;
/** @deprecated Use `ObjectStoreObjectQuery`; this name goes in the next release. */
export type SwiftObjectQuery = ObjectQuery;
/** @deprecated Use `ObjectStoreObjectRef`; this name goes in the next release. */
export type SwiftObjectRef = ObjectRef;
/** @deprecated Use `ObjectStoreObjectUpdate`; this name goes in the next release. */
export type SwiftObjectUpdate = ObjectUpdate;
/** @deprecated Use `ObjectStoreUploadOptions`; this name goes in the next release. */
export type SwiftUploadOptions = UploadOptions;
/** @deprecated Use `ObjectStoreUploadProgress`; this name goes in the next release. */
export type SwiftUploadProgress = UploadProgress;
/** @deprecated Use `ObjectStoreUploadResult`; this name goes in the next release. */
export type SwiftUploadResult = UploadResult;
/** @deprecated Use `ObjectStoreUploadData`; this name goes in the next release. */
export type SwiftUploadData = UploadData;
/** @deprecated Use `ObjectStoreDownloadOptions`; this name goes in the next release. */
export type SwiftDownloadOptions = DownloadOptions;
/** @deprecated Use `ObjectStoreDownload`; this name goes in the next release. */
export type SwiftDownload = ObjectStoreDownload;
/** @deprecated Use `ObjectStoreBulkDeleteResult`; this name goes in the next release. */
export type SwiftBulkDeleteResult = BulkDeleteResult;
/** @deprecated Use `ObjectStoreTempUrlOptions`; this name goes in the next release. */
export type SwiftTempUrlOptions = TempUrlOptions;
/** @deprecated Use `ObjectStoreFormPostOptions`; this name goes in the next release. */
export type SwiftFormPostOptions = FormPostOptions;
/** @deprecated Use `ObjectStoreFormPostSignature`; this name goes in the next release. */
export type SwiftFormPostSignature = FormPostSignature;
/** @deprecated Use `ObjectStoreDynamicLargeObjectOptions`; this name goes in the next release. */
export type SwiftDynamicLargeObjectOptions = DynamicLargeObjectOptions;
/** @deprecated Use `ObjectStoreSignatureAlgorithm`; this name goes in the next release. */
export type SwiftSignatureAlgorithm = SignatureAlgorithm;
