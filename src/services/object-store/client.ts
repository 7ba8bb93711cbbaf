import type { CallOptions, OpenStackResponse, RequestSpec } from '../../base/types.js';
import type { Paged } from '../../resource/paginate.js';
import type { ListOptions } from '../../session/service-client.js';
import type { Session } from '../../session/session.js';
import type { ObjectStoreObjectInfo } from './resources.js';
import type { ObjectStoreInfo, ObjectStoreListEntry } from './schemas.js';

/** Filters of a object store container listing. */
export interface ContainerQuery {
  prefix?: string;
  /** Start after this name. */
  marker?: string;
  /** Stop before this name. */
  endMarker?: string;
}

/** Filters of a object store object listing. */
export interface ObjectQuery extends ContainerQuery {
  /** Roll names up to the first `delimiter` after the prefix into pseudo-folder entries (`{ subdir }`). */
  delimiter?: string;
  /** Only the objects directly under this pseudo-folder path. */
  path?: string;
}

/**
 * What the code loaded on demand (uploads, downloads, bulk delete, signing...) uses of the object
 * store. It takes this instead of ObjectStoreProxy, so that the proxy, which loads that code, is not
 * imported back by it.
 */
export interface ObjectStoreClient {
  /** For the Connection's retry policy, which resends follow. */
  readonly session: Pick<Session, 'retryPolicy'>;
  request<T = unknown>(spec: RequestSpec): Promise<OpenStackResponse<T>>;
  endpoint(opts?: CallOptions): Promise<string>;
  info(opts?: CallOptions): Promise<ObjectStoreInfo>;
  objects(container: string, query?: ObjectQuery, opts?: ListOptions): Paged<ObjectStoreListEntry>;
  headObject(container: string, name: string, opts?: CallOptions): Promise<ObjectStoreObjectInfo>;
  deleteObject(container: string, name: string, opts?: CallOptions & { ignoreMissing?: boolean }): Promise<void>;
  deleteContainer(name: string, opts?: CallOptions & { ignoreMissing?: boolean }): Promise<void>;
}
