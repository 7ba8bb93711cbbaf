import { ConflictError, NotFoundError } from '../../base/errors.js';
import { paginate, type Paged } from '../../resource/paginate.js';
import { ServiceClient, type ListOptions } from '../../session/service-client.js';
import { sleep } from '../../base/signals.js';
import type { CallOptions } from '../../base/types.js';
import { parseResponse } from '../../base/validate.js';
import { readBulk, type BulkDeleteResult } from './bulk-result.js';
import type { ContainerQuery, ObjectQuery, ObjectStoreClient } from './client.js';
import type { DownloadOptions, ObjectStoreDownload } from './download.js';
import type { FormPostOptions, FormPostSignature } from './form-post.js';
import { metaHeaders, objectHeaders, type ObjectUpdate } from './headers.js';
import type { DynamicLargeObjectOptions } from './large-object.js';
import { containerPath, objectPath } from './names.js';
import { bulk, downloads, formPosts, largeObjects, tempUrls, uploadsFor } from './on-demand.js';
import { toAccount, toContainer, toObject, type ObjectStoreAccount, type ObjectStoreContainerInfo, type ObjectStoreObjectInfo } from './resources.js';
import * as s from './schemas.js';
import type { TempUrlOptions } from './temp-url.js';
import type { UploadOptions, UploadResult } from './upload-options.js';

/** A new container: its name and attributes. */
export interface ContainerAttrs {
  name: string;
  metadata?: Record<string, string>;
  /** `X-Container-Read`, e.g. `.r:*,.rlistings` for a public container. */
  readAcl?: string;
  /** `X-Container-Write`. */
  writeAcl?: string;
  /** Storage policy name (only when creating). */
  storagePolicy?: string;
  /** Keeps every version of each object (`X-Versions-Enabled`). */
  versions?: boolean;
  /** Any other headers (`X-Container-Meta-Quota-Bytes`, `X-History-Location`...). */
  headers?: Record<string, string>;
}

/** Changes to a container; `null` removes an ACL. */
export interface ContainerUpdate extends Omit<ContainerAttrs, 'name' | 'storagePolicy' | 'readAcl' | 'writeAcl'> {
  readAcl?: string | null;
  writeAcl?: string | null;
  /** Metadata names to remove. */
  removeMetadata?: readonly string[];
}

/** A object store object given by its container and name. */
export type ObjectRef = { container: string; name: string };

const HEADERS_KEPT_ON_UPDATE = [
  'content-disposition',
  'content-encoding',
  'content-language',
  'cache-control',
  'expires',
  'x-delete-at',
  'x-object-manifest',
  'x-robots-tag',
];

/**
 * `conn.objectStore`: Swift. Containers and objects are reached by name; object names may hold any
 * character (`/`, spaces, `?`, `#`, `%`, unicode...). Uploads stream and switch to Static Large
 * Objects for large inputs; downloads are streams checked against the object's MD5.
 */
export class ObjectStoreProxy extends ServiceClient implements ObjectStoreClient {
  #infoCache: Promise<s.ObjectStoreInfo> | undefined;

  // ---- account ----

  /** The cluster's capabilities and limits (`GET /info`), fetched once. */
  info(opts: CallOptions = {}): Promise<s.ObjectStoreInfo> {
    this.#infoCache ??= (async () => {
      const endpoint = await this.endpoint(opts);
      const root = endpoint.replace(/\/v1(\/[^/]*)?\/?$/, '');
      const res = await this.request({ ...opts, path: `${root}/info`, authenticated: false });
      return parseResponse(s.ObjectStoreInfo, res.data, 'object store info');
    })().catch((e) => {
      this.#infoCache = undefined;
      throw e;
    });
    return this.#infoCache;
  }

  /** Counts, bytes used, metadata and quotas of the account. */
  async getAccount(opts: CallOptions = {}): Promise<ObjectStoreAccount> {
    const res = await this.request({ ...opts, method: 'HEAD', path: '' });
    return toAccount(res.headers);
  }

  async getAccountMetadata(opts: CallOptions = {}): Promise<Record<string, string>> {
    return (await this.getAccount(opts)).metadata;
  }

  /** Sets account metadata; names not given are left as they are. */
  async setAccountMetadata(metadata: Record<string, string>, opts: CallOptions = {}): Promise<void> {
    await this.#post('', { ...metaHeaders('account', metadata), ...opts.headers }, opts);
  }

  async deleteAccountMetadata(names: readonly string[], opts: CallOptions = {}): Promise<void> {
    await this.#post('', { ...metaHeaders('account', {}, names), ...opts.headers }, opts);
  }

  /** Sets the account's temp URL key (or its second key, for rotation); also used for form POSTs. */
  async setAccountTempUrlKey(key: string, opts: CallOptions & { secondary?: boolean } = {}): Promise<void> {
    this.session.redactor.add(key);
    await this.#post('', { [`x-account-meta-temp-url-key${opts.secondary ? '-2' : ''}`]: key }, opts);
  }

  // ---- containers ----

  /** Containers of the account, in name order; `pageSize` is Swift's `limit`. */
  containers(query: ContainerQuery = {}, opts: ListOptions = {}): Paged<s.ObjectStoreContainer> {
    return this.#listing('', query, opts, (x) => parseResponse(s.ObjectStoreContainer, x, 'container'));
  }

  /** Creates a container (or updates the headers of an existing one) and returns it. */
  createContainer(attrs: ContainerAttrs, opts?: CallOptions): Promise<ObjectStoreContainerInfo>;
  /** @deprecated Pass the name with the attributes: `createContainer({ name, ...attrs }, opts)`. This form goes in the next release. */
  createContainer(name: string, attrs?: Omit<ContainerAttrs, 'name'>, opts?: CallOptions): Promise<ObjectStoreContainerInfo>;
  async createContainer(attrs: ContainerAttrs | string, more?: CallOptions | Omit<ContainerAttrs, 'name'>, last?: CallOptions): Promise<ObjectStoreContainerInfo> {
    if (typeof attrs === 'string') return this.createContainer({ ...more, name: attrs }, last);
    const { name } = attrs;
    const opts: CallOptions = more ?? {};
    const headers: Record<string, string> = { ...metaHeaders('container', attrs.metadata) };
    if (attrs.readAcl !== undefined) headers['x-container-read'] = attrs.readAcl;
    if (attrs.writeAcl !== undefined) headers['x-container-write'] = attrs.writeAcl;
    if (attrs.storagePolicy !== undefined) headers['x-storage-policy'] = attrs.storagePolicy;
    if (attrs.versions !== undefined) headers['x-versions-enabled'] = String(attrs.versions);
    await this.request({ ...opts, method: 'PUT', path: containerPath(name), headers: { ...headers, ...attrs.headers, ...opts.headers }, responseType: 'none' });
    return this.getContainer(name, opts);
  }

  /** Object count, bytes, metadata, ACLs, policy and versioning of a container. */
  async getContainer(name: string, opts: CallOptions = {}): Promise<ObjectStoreContainerInfo> {
    const res = await this.request({ ...opts, method: 'HEAD', path: containerPath(name) });
    return toContainer(name, res.headers);
  }

  /** Changes metadata, ACLs or versioning of a container. */
  async updateContainer(name: string, update: ContainerUpdate, opts: CallOptions = {}): Promise<void> {
    const headers: Record<string, string> = { ...metaHeaders('container', update.metadata, update.removeMetadata) };
    for (const [key, acl] of [['read', update.readAcl], ['write', update.writeAcl]] as const) {
      if (acl === null) headers[`x-remove-container-${key}`] = 'x';
      else if (acl !== undefined) headers[`x-container-${key}`] = acl;
    }
    if (update.versions !== undefined) headers['x-versions-enabled'] = String(update.versions);
    await this.#post(containerPath(name), { ...headers, ...update.headers, ...opts.headers }, opts);
  }

  async getContainerMetadata(name: string, opts: CallOptions = {}): Promise<Record<string, string>> {
    return (await this.getContainer(name, opts)).metadata;
  }

  async setContainerMetadata(name: string, metadata: Record<string, string>, opts: CallOptions = {}): Promise<void> {
    await this.updateContainer(name, { metadata }, opts);
  }

  async deleteContainerMetadata(name: string, names: readonly string[], opts: CallOptions = {}): Promise<void> {
    await this.updateContainer(name, { removeMetadata: names }, opts);
  }

  /** Sets a container's own temp URL key (or its second key), usable without the account key. */
  async setContainerTempUrlKey(name: string, key: string, opts: CallOptions & { secondary?: boolean } = {}): Promise<void> {
    this.session.redactor.add(key);
    await this.#post(containerPath(name), { [`x-container-meta-temp-url-key${opts.secondary ? '-2' : ''}`]: key }, opts);
  }

  /**
   * Deletes a container. Swift refuses a non-empty one (ConflictError) unless `recursive` is set:
   * then its objects are bulk-deleted first. Segments of large objects live in their own container
   * (`<name>_segments`), which is deleted the same way.
   */
  async deleteContainer(name: string, opts: CallOptions & { recursive?: boolean; ignoreMissing?: boolean } = {}): Promise<void> {
    const { recursive, ignoreMissing, ...call } = opts;
    const path = containerPath(name);
    for (let attempt = 1; ; attempt++) {
      try {
        if (recursive) await (await bulk()).emptyContainer(this, name, call);
        await this.request({ ...call, method: 'DELETE', path, responseType: 'none' });
        return;
      } catch (e) {
        if (e instanceof NotFoundError && ignoreMissing) return;
        // Listings can lag behind deletes for a moment: list and delete again.
        if (!(e instanceof ConflictError) || !recursive || attempt >= 3) throw e;
        await sleep(500 * attempt, call.signal);
      }
    }
  }

  // ---- objects ----

  /**
   * Objects of a container in name order. With a `delimiter`, names are rolled up into pseudo-folder
   * entries `{ subdir }` (test with `'subdir' in entry`).
   */
  objects(container: string, query: ObjectQuery = {}, opts: ListOptions = {}): Paged<s.ObjectStoreListEntry> {
    // A pseudo-folder is told by its `subdir` (a branch here costs less than a schema union).
    const entry = (x: unknown): s.ObjectStoreListEntry =>
      (x as { subdir?: unknown } | null)?.subdir !== undefined ? parseResponse(s.ObjectStorePseudoFolder, x, 'pseudo-folder') : parseResponse(s.ObjectStoreObject, x, 'object');
    return this.#listing(containerPath(container), query, opts, entry);
  }

  /** Size, ETag, content type, dates, metadata and large-object details of an object. */
  async headObject(container: string, name: string, opts: CallOptions = {}): Promise<ObjectStoreObjectInfo> {
    const res = await this.request({ ...opts, method: 'HEAD', path: objectPath(container, name) });
    return toObject(container, name, res.headers);
  }

  async getObjectMetadata(container: string, name: string, opts: CallOptions = {}): Promise<Record<string, string>> {
    return (await this.headObject(container, name, opts)).metadata;
  }

  async setObjectMetadata(container: string, name: string, metadata: Record<string, string>, opts: CallOptions = {}): Promise<void> {
    await this.updateObject(container, name, { metadata }, opts);
  }

  async deleteObjectMetadata(container: string, name: string, names: readonly string[], opts: CallOptions = {}): Promise<void> {
    await this.updateObject(container, name, { removeMetadata: names }, opts);
  }

  /**
   * Changes an object's metadata, content type, disposition or expiry. Swift's object POST replaces
   * everything, so the current values are read first and sent again with the changes.
   */
  async updateObject(container: string, name: string, update: ObjectUpdate, opts: CallOptions = {}): Promise<void> {
    const path = objectPath(container, name);
    metaHeaders('object', update.metadata, update.removeMetadata);
    const current = await this.headObject(container, name, opts);
    const metadata = { ...current.metadata, ...update.metadata };
    for (const k of update.removeMetadata ?? []) delete metadata[k.toLowerCase()];
    const headers: Record<string, string> = { ...metaHeaders('object', metadata) };
    for (const h of HEADERS_KEPT_ON_UPDATE) {
      const val = current.headers.get(h);
      if (val !== null) headers[h] = val;
    }
    Object.assign(headers, objectHeaders(update));
    if (update.deleteAt === null) delete headers['x-delete-at'];
    await this.#post(path, { ...headers, ...opts.headers }, opts);
  }

  /**
   * Copies an object on the server. Its metadata comes along unless `freshMetadata`; `metadata` is
   * added. `manifest: true` copies a Static Large Object's manifest instead of its content.
   */
  async copyObject(
    from: ObjectRef,
    to: ObjectRef,
    opts: CallOptions & { metadata?: Record<string, string>; freshMetadata?: boolean; contentType?: string; manifest?: boolean } = {},
  ): Promise<void> {
    const source = objectPath(from.container, from.name);
    const headers: Record<string, string> = { 'x-copy-from': source, 'content-length': '0', ...metaHeaders('object', opts.metadata) };
    if (opts.freshMetadata) headers['x-fresh-metadata'] = 'true';
    if (opts.contentType) headers['content-type'] = opts.contentType;
    await this.request({
      ...opts,
      method: 'PUT',
      path: objectPath(to.container, to.name),
      query: opts.manifest ? { 'multipart-manifest': 'get' } : undefined,
      headers: { ...headers, ...opts.headers },
      body: new Uint8Array(0),
      responseType: 'none',
    });
  }

  /**
   * Deletes an object. A Static Large Object is deleted with its segments; `keepSegments` deletes
   * only the manifest.
   */
  async deleteObject(container: string, name: string, opts: CallOptions & { ignoreMissing?: boolean; keepSegments?: boolean } = {}): Promise<void> {
    const { ignoreMissing, keepSegments, ...call } = opts;
    const path = objectPath(container, name);
    if (!keepSegments) {
      const res = await this.request({ ...call, method: 'DELETE', path, query: { 'multipart-manifest': 'delete' } });
      const r = readBulk(res.data, 'DELETE', res.url);
      if (r.status < 400) {
        if (r.deleted || ignoreMissing) return;
        if (r.notFound) throw new NotFoundError({ status: 404, method: 'DELETE', url: this.session.redactor.url(res.url), service: 'object-store' });
      }
      // Not a Static Large Object: an ordinary delete follows.
    }
    await this.request({ ...call, method: 'DELETE', path, okStatuses: ignoreMissing ? [404] : undefined, responseType: 'none' });
  }

  /**
   * Deletes many objects of a container (all of them without `names`), in batches of the bulk
   * middleware's `max_deletes_per_request`. Per-name failures are returned, not thrown. Swift's bulk
   * delete removes a large object's manifest but not its segments: delete those with
   * {@link deleteObject}, or a whole container with `deleteContainer(name, { recursive: true })`.
   */
  async bulkDelete(container: string, names?: Iterable<string> | AsyncIterable<string>, opts: CallOptions = {}): Promise<BulkDeleteResult> {
    return (await bulk()).bulkDelete(this, container, names, opts);
  }

  /**
   * Uploads a Blob, File, stream, bytes or string; large inputs become Static Large Objects.
   *
   * @example
   * ```ts
   * const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
   * const file = input.files![0]!;
   * await conn.objectStore.uploadObject({
   *   container: 'photos',
   *   name: file.name,
   *   data: file,
   *   onProgress: ({ loaded, total }) => console.log(`${loaded} of ${total ?? '?'} bytes`),
   * });
   * ```
   */
  async uploadObject(opts: UploadOptions): Promise<UploadResult> {
    return (await uploadsFor(opts)).uploadObject(this, opts);
  }

  /** Downloads an object as a stream, checked against its MD5 while read (ordinary objects). */
  async downloadObject(container: string, name: string, opts: DownloadOptions = {}): Promise<ObjectStoreDownload> {
    return (await downloads()).downloadObject(this, container, name, opts);
  }

  async downloadObjectAsBlob(container: string, name: string, opts: DownloadOptions = {}): Promise<Blob> {
    const d = await this.downloadObject(container, name, opts);
    return new Response(d.stream).blob().then((b) => (d.contentType ? new Blob([b], { type: d.contentType }) : b));
  }

  async downloadObjectAsArrayBuffer(container: string, name: string, opts: DownloadOptions = {}): Promise<ArrayBuffer> {
    return new Response((await this.downloadObject(container, name, opts)).stream).arrayBuffer();
  }

  async downloadObjectAsText(container: string, name: string, opts: DownloadOptions = {}): Promise<string> {
    return new Response((await this.downloadObject(container, name, opts)).stream).text();
  }

  /** Writes a Dynamic Large Object manifest: the object reads as the concatenation of `<segmentContainer>/<prefix>*`. */
  async createDynamicLargeObject(opts: DynamicLargeObjectOptions): Promise<void> {
    return (await largeObjects()).createDynamicLargeObject(this, opts);
  }

  /** A URL giving time-limited access to an object (or every object under a prefix) without a token. */
  async generateTempUrl(opts: TempUrlOptions): Promise<string> {
    return (await tempUrls()).generateTempUrl(this, opts);
  }

  /** The URL and form fields for a browser to upload files by form POST, without a token. */
  async generateFormPostSignature(opts: FormPostOptions): Promise<FormPostSignature> {
    return (await formPosts()).generateFormPostSignature(this, opts);
  }

  /** `/<container>/<object>` as this service's requests use it (encoded). */
  objectPath(container: string, name: string): string {
    return objectPath(container, name);
  }

  // ---- shared ----

  async #post(path: string, headers: Record<string, string>, opts: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'POST', path, headers, responseType: 'none' });
  }

  #listing<T>(path: string, query: ObjectQuery, opts: ListOptions, parse: (x: unknown) => T): Paged<T> {
    const { pageSize, ...call } = opts;
    const { endMarker, ...rest } = query;
    return paginate<T>({
      request: { ...call, path, query: { ...rest, end_marker: endMarker, format: 'json', limit: pageSize } },
      send: (spec) => this.request(spec),
      items: (data) => parseResponse(s.ListShape, data ?? [], 'listing').map(parse),
      marker: (items) => {
        const last = items[items.length - 1] as { name?: string; subdir?: string } | undefined;
        return last?.name ?? last?.subdir;
      },
    });
  }
}
