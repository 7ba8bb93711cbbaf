import * as v from 'valibot';
import { ResponseError, ValidationError } from '../../base/errors.js';
import type { CallOptions, OpenStackResponse, Query } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf, parseResponse, validateInput } from '../../base/validate.js';
import { declaredProxy, type DeleteOptions, type ListFilters } from '../../resource/declare.js';
import { paginate, type Paged } from '../../resource/paginate.js';
import type { ListOptions, OperationOptions, Ref, Resource, ResourceDef } from '../../resource/proxy.js';
import { toQuery } from '../../resource/query.js';
import type { WaitOptions } from '../../resource/wait.js';
import type { Download } from '../../transfer/download.js';
import { base64, bytesOf, checkNotEmpty, fromBase64, isBinary } from './payload.js';
import { barbicanId, URL_LIKE } from './refs.js';
import * as r from './resources.js';
import * as s from './schemas.js';

/** A download of a secret's payload: `info` is the secret. Barbican keeps no checksum, so `checksum` is undefined. */
export interface SecretDownload extends Download<s.Secret> {
  stream: ReadableStream<Uint8Array>;
}

/** Options of a payload download: the content type to ask for (`Accept`). */
export interface SecretPayloadOptions extends CallOptions {
  /** Default: the secret's own content type (`content_types.default`). */
  contentType?: string;
}

/** Options of {@link KeyManagerProxy.uploadSecretPayload}: how the payload is described. */
export interface SecretUploadOptions extends CallOptions {
  /** `Content-Type` of the payload: needed for text, `application/octet-stream` for bytes by default. */
  contentType?: string;
  /** `base64` when a text payload is the base64 of binary data (decoded and sent as bytes). */
  contentEncoding?: 'base64';
}

/** Call options of the calls that remove something; `ignoreMissing` makes a missing one no error. */
export type KeyManagerRemoveOptions = CallOptions & { ignoreMissing?: boolean };

const listShape = v.array(v.unknown());

/** A list page whose `next` link carries the request's filters again (Barbican leaves them out). */
function withFilters(res: OpenStackResponse<unknown>, query: Query | undefined): OpenStackResponse<unknown> {
  const data = res.data as Record<string, unknown> | undefined;
  if (!query || typeof data?.next !== 'string') return res;
  const next = new URL(data.next, res.url);
  for (const [k, val] of Object.entries(query)) {
    if (val === undefined || val === null || next.searchParams.has(k)) continue;
    for (const x of Array.isArray(val) ? val : [val]) next.searchParams.append(k, String(x));
  }
  return { ...res, data: { ...data, next: next.toString() } };
}

const collectionOf = (def: ResourceDef) => def.path.replace(/^\/+/, '') || undefined;
const MetadataKey = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(255), v.regex(/^[A-Za-z0-9._~-]+$/, 'must be URL-safe'));

/**
 * `conn.keyManager`: Barbican v1. Secrets, containers and orders are listed, got, found, deleted
 * and waited for as declared in `resources.ts`; every one of them takes an id, a reference URL
 * (`secret_ref`, `container_ref`, `order_ref`) or the resource itself. Under Barbican's default
 * policy, storing anything needs the `creator` role, and deleting an order the `admin` role in
 * its project.
 */
export class KeyManagerProxy extends declaredProxy(r) {
  // References are accepted wherever an id is: the generic operations see ids only.
  protected override async _get<D extends ResourceDef>(def: D, ref: Ref, opts?: OperationOptions, path?: string): Promise<Resource<D>> {
    return super._get(def, path ? ref : barbicanId(ref, 'id', collectionOf(def)), opts, path);
  }
  protected override async _delete(def: ResourceDef, ref: Ref, opts?: OperationOptions & { ignoreMissing?: boolean }, path?: string): Promise<void> {
    return super._delete(def, path ? ref : barbicanId(ref, 'id', collectionOf(def)), opts, path);
  }
  protected override async _waitFor<D extends ResourceDef>(def: D, ref: Ref, opts: WaitOptions<Resource<D>>): Promise<Resource<D>> {
    return super._waitFor(def, barbicanId(ref, 'id', collectionOf(def)), opts);
  }
  protected override async _waitForDelete<D extends ResourceDef>(def: D, ref: Ref, opts?: Omit<WaitOptions<Resource<D>>, 'status'>): Promise<void> {
    return super._waitForDelete(def, barbicanId(ref, 'id', collectionOf(def)), opts);
  }

  /**
   * Lists page by page. Barbican's `next` links drop the list's filters (`?limit=2&offset=2`), so
   * they are put back before the link is followed.
   */
  protected override _list<D extends ResourceDef>(def: D, query: Query = {}, opts: ListOptions = {}, path?: string): Paged<Resource<D>> {
    const { pageSize, ...call } = opts;
    const q: Query = { ...query };
    if (pageSize !== undefined) q.limit = pageSize;
    return paginate<Resource<D>>({
      request: { ...call, path: path ?? def.listPath ?? def.path, query: q },
      send: async (spec) => withFilters(await this.request(spec), spec.query),
      key: def.listKey ?? undefined,
      items: (data) => {
        const list = (data as Record<string, unknown> | undefined)?.[def.listKey!];
        if (!Array.isArray(list)) return parseResponse(listShape, list, `${def.name} list`) as never;
        return list.map((x) => parseResponse(def.schema, x, def.name));
      },
    });
  }

  // --- Secrets ---

  /**
   * Stores a secret: with `payload`, the secret and its payload at once; without, only its
   * metadata (add the payload with {@link uploadSecretPayload}). Bytes are sent base64-encoded.
   * Resolves to the stored secret.
   */
  async createSecret(attrs: s.SecretAttrs, opts: CallOptions = {}): Promise<s.Secret> {
    const a = validateInput(s.SecretCreate, attrs, 'attrs');
    const body: Record<string, unknown> = { ...a };
    if (a.payload !== undefined) {
      if (isBinary(a.payload)) {
        const bytes = await bytesOf(a.payload);
        checkNotEmpty(bytes.length, 'attrs.payload');
        if (a.payload_content_encoding === 'binary') throw new ValidationError("bytes are sent base64-encoded: leave it out or give 'base64'", 'attrs.payload_content_encoding');
        body.payload = base64(bytes);
        body.payload_content_type = a.payload_content_type ?? 'application/octet-stream';
        body.payload_content_encoding = 'base64';
      } else {
        checkNotEmpty(a.payload.length, 'attrs.payload');
        if (!a.payload_content_type) throw new ValidationError("is required with a text payload ('text/plain', or 'application/octet-stream' with base64)", 'attrs.payload_content_type');
      }
    } else if (a.payload_content_type || a.payload_content_encoding) {
      throw new ValidationError('describes a payload, but there is none', a.payload_content_type ? 'attrs.payload_content_type' : 'attrs.payload_content_encoding');
    }
    const res = await this.request({ ...opts, method: 'POST', path: '/secrets', body });
    return this.getSecret(parseResponse(s.SecretRefBody, res.data, 'secret reference').secret_ref, opts);
  }

  /**
   * Adds the payload of a secret stored without one (a secret's payload cannot be changed).
   * Text needs `contentType`; bytes and Blobs are sent as they are (`application/octet-stream`).
   */
  async uploadSecretPayload(secret: Ref, payload: s.SecretPayload, opts: SecretUploadOptions = {}): Promise<void> {
    const { contentType, contentEncoding, ...call } = opts;
    if (contentType !== undefined && (typeof contentType !== 'string' || !contentType)) throw new ValidationError('must be a content type', 'contentType');
    if (contentEncoding !== undefined && contentEncoding !== 'base64') throw new ValidationError("must be 'base64'", 'contentEncoding');
    let body: string | Uint8Array;
    if (contentEncoding === 'base64') {
      // Decoded here and sent as bytes: no Content-Encoding header, which CORS setups rarely allow.
      if (typeof payload !== 'string') throw new ValidationError('must be base64 text with contentEncoding base64', 'payload');
      body = fromBase64(payload, 'payload');
    } else if (typeof payload === 'string') {
      if (!contentType) throw new ValidationError("is required with a text payload ('text/plain')", 'contentType');
      body = payload;
    } else {
      body = await bytesOf(validateInput(s.SecretPayloadInput, payload, 'payload') as Exclude<s.SecretPayload, string>);
    }
    checkNotEmpty(body.length, 'payload');
    const headers: Record<string, string> = { 'content-type': contentType ?? 'application/octet-stream' };
    await this.request({
      ...call,
      method: 'PUT',
      path: this.secretPath(secret),
      headers: { ...headers, ...call.headers },
      body,
      responseType: 'none',
    });
  }

  /**
   * Downloads a secret's payload as a stream, asked for in the secret's own content type unless
   * `contentType` says otherwise. `info` is the secret.
   */
  async downloadSecretPayload(secret: Ref, opts: SecretPayloadOptions = {}): Promise<SecretDownload> {
    const { contentType, ...call } = opts;
    const info = await this.getSecret(secret, call);
    const accept = contentType ?? info.content_types?.default ?? 'application/octet-stream';
    const res = await this.payload<ReadableStream<Uint8Array> | undefined>(info, accept, 'stream', call);
    if (!res.data) throw new ResponseError(`secret ${info.id} answered its payload with no body`);
    const length = Number(res.headers.get('content-length') ?? NaN);
    return {
      stream: res.data,
      size: Number.isFinite(length) ? length : undefined,
      checksum: undefined,
      contentType: res.headers.get('content-type') ?? undefined,
      status: res.status,
      info,
    };
  }

  /** The payload as text (`Accept: text/plain`). */
  async downloadSecretPayloadAsText(secret: Ref, opts: SecretPayloadOptions = {}): Promise<string> {
    const { contentType = 'text/plain', ...call } = opts;
    return (await this.payload<string>(secret, contentType, 'text', call)).data;
  }

  /** The payload's bytes (`Accept: application/octet-stream`). */
  async downloadSecretPayloadAsBytes(secret: Ref, opts: SecretPayloadOptions = {}): Promise<Uint8Array> {
    return new Uint8Array(await this.downloadSecretPayloadAsArrayBuffer(secret, opts));
  }

  /** The payload's bytes as an ArrayBuffer (`Accept: application/octet-stream`). */
  async downloadSecretPayloadAsArrayBuffer(secret: Ref, opts: SecretPayloadOptions = {}): Promise<ArrayBuffer> {
    const { contentType = 'application/octet-stream', ...call } = opts;
    return (await this.payload<ArrayBuffer>(secret, contentType, 'arrayBuffer', call)).data;
  }

  /** The payload as a Blob typed with the content type Barbican answers. */
  async downloadSecretPayloadAsBlob(secret: Ref, opts: SecretPayloadOptions = {}): Promise<Blob> {
    const { contentType = 'application/octet-stream', ...call } = opts;
    return (await this.payload<Blob>(secret, contentType, 'blob', call)).data;
  }

  // --- Secret metadata (user metadata: string keys and values) ---

  /** A secret's user metadata. */
  async getSecretMetadata(secret: Ref, opts: CallOptions = {}): Promise<Record<string, string>> {
    const res = await this.request({ ...opts, path: `${this.secretPath(secret)}/metadata` });
    return parseResponse(s.SecretMetadataBody, res.data, 'secret metadata').metadata;
  }

  /** Replaces the whole metadata of a secret; resolves to what is stored (keys lower-cased). */
  async setSecretMetadata(secret: Ref, metadata: Record<string, string>, opts: CallOptions = {}): Promise<Record<string, string>> {
    const body = { metadata: validateInput(s.SecretMetadataInput, metadata, 'metadata') };
    await this.request({ ...opts, method: 'PUT', path: `${this.secretPath(secret)}/metadata`, body, responseType: 'none' });
    return this.getSecretMetadata(secret, opts);
  }

  /** Adds or changes these keys, keeping the others; resolves to the whole metadata. */
  async updateSecretMetadata(secret: Ref, metadata: Record<string, string>, opts: CallOptions = {}): Promise<Record<string, string>> {
    const entries = Object.entries(validateInput(s.SecretMetadataInput, metadata, 'metadata'));
    const base = `${this.secretPath(secret)}/metadata`;
    for (const [k, value] of entries) {
      const key = k.toLowerCase();
      const res = await this.request({ ...opts, method: 'PUT', path: `${base}/${seg(key)}`, body: { key, value }, okStatuses: [404], responseType: 'none' });
      // A key the secret does not have yet is added, not changed.
      if (res.status === 404) await this.request({ ...opts, method: 'POST', path: base, body: { key, value }, responseType: 'none' });
    }
    return this.getSecretMetadata(secret, opts);
  }

  /** Removes one key of a secret's metadata (a key it does not have is no error). */
  async deleteSecretMetadata(secret: Ref, key: string, opts: CallOptions = {}): Promise<void> {
    const k = validateInput(MetadataKey, key, 'key').toLowerCase();
    await this.request({ ...opts, method: 'DELETE', path: `${this.secretPath(secret)}/metadata/${seg(k)}`, responseType: 'none' });
  }

  // --- ACLs ---

  /** Who may read a secret besides its project's readers. */
  async getSecretAcl(secret: Ref, opts?: CallOptions): Promise<s.KeyManagerAcl> {
    return this.acl('GET', this.secretPath(secret), undefined, opts);
  }
  /** Replaces a secret's ACL (users left out lose access); resolves to the new ACL. */
  async setSecretAcl(secret: Ref, acl: s.KeyManagerAclAttrs, opts?: CallOptions): Promise<s.KeyManagerAcl> {
    return this.acl('PUT', this.secretPath(secret), acl, opts);
  }
  /** Changes only what is given in a secret's ACL (`users` given replaces the list); resolves to the ACL. */
  async updateSecretAcl(secret: Ref, acl: s.KeyManagerAclAttrs, opts?: CallOptions): Promise<s.KeyManagerAcl> {
    return this.acl('PATCH', this.secretPath(secret), acl, opts);
  }
  /** Removes a secret's ACL: back to project access only. */
  async deleteSecretAcl(secret: Ref, opts: DeleteOptions = {}): Promise<void> {
    const { ignoreMissing, ...call } = opts;
    await this.request({ ...call, method: 'DELETE', path: `${this.secretPath(secret)}/acl`, okStatuses: ignoreMissing ? [404] : [], responseType: 'none' });
  }
  /** Who may read a container besides its project's readers. */
  async getContainerAcl(container: Ref, opts?: CallOptions): Promise<s.KeyManagerAcl> {
    return this.acl('GET', this.containerPath(container), undefined, opts);
  }
  /** Replaces a container's ACL; resolves to the new ACL. */
  async setContainerAcl(container: Ref, acl: s.KeyManagerAclAttrs, opts?: CallOptions): Promise<s.KeyManagerAcl> {
    return this.acl('PUT', this.containerPath(container), acl, opts);
  }
  /** Changes only what is given in a container's ACL; resolves to the ACL. */
  async updateContainerAcl(container: Ref, acl: s.KeyManagerAclAttrs, opts?: CallOptions): Promise<s.KeyManagerAcl> {
    return this.acl('PATCH', this.containerPath(container), acl, opts);
  }
  /** Removes a container's ACL: back to project access only. */
  async deleteContainerAcl(container: Ref, opts: DeleteOptions = {}): Promise<void> {
    const { ignoreMissing, ...call } = opts;
    await this.request({ ...call, method: 'DELETE', path: `${this.containerPath(container)}/acl`, okStatuses: ignoreMissing ? [404] : [], responseType: 'none' });
  }

  // --- Containers ---

  /**
   * Creates a container of named secrets: `generic` (any names), `rsa` (`public_key`,
   * `private_key`, `private_key_passphrase`) or `certificate` (`certificate`, `private_key`,
   * `private_key_passphrase`, `intermediates`). A secret is given as itself, its reference or its id.
   */
  async createContainer(attrs: s.KeyManagerContainerAttrs, opts: CallOptions = {}): Promise<s.KeyManagerContainer> {
    const a = validateInput(s.KeyManagerContainerCreate, attrs, 'attrs');
    const body: Record<string, unknown> = { ...a };
    if (a.secret_refs) {
      body.secret_refs = await Promise.all(
        a.secret_refs.map(async (x, i) => ({ ...x, secret_ref: await this.secretHref(x.secret_ref as s.SecretRefInput, `attrs.secret_refs.${i}.secret_ref`, opts) })),
      );
    }
    const res = await this.request({ ...opts, method: 'POST', path: '/containers', body });
    return this.getContainer(parseResponse(s.KeyManagerContainerRefBody, res.data, 'container reference').container_ref, opts);
  }

  /** Adds a secret to a generic container; resolves to the container. */
  async addContainerSecret(container: Ref, secret: s.KeyManagerContainerSecretAttrs, opts: CallOptions = {}): Promise<s.KeyManagerContainer> {
    const body = await this.containerSecretBody(secret, opts);
    await this.request({ ...opts, method: 'POST', path: `${this.containerPath(container)}/secrets`, body, responseType: 'none' });
    return this.getContainer(container, opts);
  }

  /** Removes a secret (under its name) from a generic container. */
  async removeContainerSecret(container: Ref, secret: s.KeyManagerContainerSecretAttrs, opts: KeyManagerRemoveOptions = {}): Promise<void> {
    const { ignoreMissing, ...call } = opts;
    const body = await this.containerSecretBody(secret, call);
    await this.request({ ...call, method: 'DELETE', path: `${this.containerPath(container)}/secrets`, body, okStatuses: ignoreMissing ? [404] : [], responseType: 'none' });
  }

  // --- Consumers ---

  /** The consumers registered on a container. */
  containerConsumers(container: Ref, filters?: ListFilters<s.KeyManagerContainerConsumer>, opts?: ListOptions): Paged<s.KeyManagerContainerConsumer> {
    return this._list(r.containerConsumers, toQuery(filters), opts, `${this.containerPath(container)}/consumers`);
  }
  /** Registers a consumer of a container (`{ name, URL }`: the service and its resource); resolves to the container. */
  async addContainerConsumer(container: Ref, consumer: s.KeyManagerContainerConsumerAttrs, opts: CallOptions = {}): Promise<s.KeyManagerContainer> {
    const body = validateInput(s.KeyManagerContainerConsumerInput, consumer, 'consumer');
    const res = await this.request({ ...opts, method: 'POST', path: `${this.containerPath(container)}/consumers`, body });
    return parseResponse(s.KeyManagerContainer, res.data, 'container');
  }
  /** Removes a consumer of a container. */
  async removeContainerConsumer(container: Ref, consumer: s.KeyManagerContainerConsumerAttrs, opts: KeyManagerRemoveOptions = {}): Promise<void> {
    const { ignoreMissing, ...call } = opts;
    const body = validateInput(s.KeyManagerContainerConsumerInput, consumer, 'consumer');
    await this.request({ ...call, method: 'DELETE', path: `${this.containerPath(container)}/consumers`, body, okStatuses: ignoreMissing ? [404] : [], responseType: 'none' });
  }

  /** The consumers registered on a secret (microversion 1.1). */
  secretConsumers(secret: Ref, filters?: ListFilters<s.SecretConsumer>, opts: ListOptions = {}): Paged<s.SecretConsumer> {
    return this._list(r.secretConsumers, toQuery(filters), this.consumerCall(opts), `${this.secretPath(secret)}/consumers`);
  }
  /** Registers a consumer of a secret (microversion 1.1); resolves to the secret. */
  async addSecretConsumer(secret: Ref, consumer: s.SecretConsumerAttrs, opts: CallOptions = {}): Promise<s.Secret> {
    const body = validateInput(s.SecretConsumerInput, consumer, 'consumer');
    const res = await this.request({ ...this.consumerCall(opts), method: 'POST', path: `${this.secretPath(secret)}/consumers`, body });
    return parseResponse(s.Secret, res.data, 'secret');
  }
  /** Removes a consumer of a secret (microversion 1.1). */
  async removeSecretConsumer(secret: Ref, consumer: s.SecretConsumerAttrs, opts: KeyManagerRemoveOptions = {}): Promise<void> {
    const { ignoreMissing, ...call } = opts;
    const body = validateInput(s.SecretConsumerInput, consumer, 'consumer');
    await this.request({
      ...this.consumerCall(call),
      method: 'DELETE',
      path: `${this.secretPath(secret)}/consumers`,
      body,
      okStatuses: ignoreMissing ? [404] : [],
      responseType: 'none',
    });
  }

  // --- Orders ---

  /**
   * Orders a key (`type: 'key'`, giving a secret) or a key pair (`type: 'asymmetric'`, giving an
   * RSA container); `waitForOrder` waits until it is ACTIVE.
   */
  async createOrder(attrs: s.KeyManagerOrderAttrs, opts: CallOptions = {}): Promise<s.KeyManagerOrder> {
    const body = validateInput(s.KeyManagerOrderCreate, attrs, 'attrs');
    const res = await this.request({ ...opts, method: 'POST', path: '/orders', body });
    return this.getOrder(parseResponse(s.KeyManagerOrderRefBody, res.data, 'order reference').order_ref, opts);
  }

  // --- Quotas ---

  /** The quotas in effect for the caller's project (-1: unlimited). */
  async getQuotas(opts: CallOptions = {}): Promise<s.KeyManagerQuotas> {
    const res = await this.request({ ...opts, path: '/quotas' });
    return parseResponse(s.KeyManagerQuotasBody, res.data, 'quotas').quotas;
  }
  /** Projects with quotas of their own (needs the `key-manager:service-admin` role). */
  projectQuotas(filters?: Record<string, never>, opts?: ListOptions): Paged<s.KeyManagerProjectQuotas> {
    return this._list(r.projectQuotas, toQuery(filters), opts);
  }
  /** A project's own quotas (those it has configured; NotFoundError when it has none). */
  async getProjectQuotas(project: Ref, opts: CallOptions = {}): Promise<s.KeyManagerQuotas> {
    const res = await this.request({ ...opts, path: `/project-quotas/${seg(idOf(project, 'project'))}` });
    return parseResponse(s.KeyManagerProjectQuotasBody, res.data, 'project quotas').project_quotas;
  }
  /** Configures a project's quotas; resolves to them. */
  async setProjectQuotas(project: Ref, quotas: s.KeyManagerProjectQuotasAttrs, opts: CallOptions = {}): Promise<s.KeyManagerQuotas> {
    const body = { project_quotas: validateInput(s.KeyManagerProjectQuotasInput, quotas, 'quotas') };
    await this.request({ ...opts, method: 'PUT', path: `/project-quotas/${seg(idOf(project, 'project'))}`, body, responseType: 'none' });
    return this.getProjectQuotas(project, opts);
  }
  /** Removes a project's own quotas: the defaults apply again. */
  async deleteProjectQuotas(project: Ref, opts: DeleteOptions = {}): Promise<void> {
    await this._delete(r.projectQuotas, project, opts, `/project-quotas/${seg(idOf(project, 'project'))}`);
  }

  // --- Helpers ---

  private secretPath(secret: Ref): string {
    return `/secrets/${seg(barbicanId(secret, 'secret', 'secrets'))}`;
  }
  private containerPath(container: Ref): string {
    return `/containers/${seg(barbicanId(container, 'container', 'containers'))}`;
  }

  private payload<T>(secret: Ref, accept: string, responseType: 'stream' | 'text' | 'arrayBuffer' | 'blob', call: CallOptions) {
    if (typeof accept !== 'string' || !accept) throw new ValidationError('must be a content type', 'contentType');
    return this.request<T>({ ...call, path: `${this.secretPath(secret)}/payload`, headers: { accept, ...call.headers }, responseType });
  }

  private async acl(method: string, path: string, acl: unknown, opts: CallOptions = {}): Promise<s.KeyManagerAcl> {
    if (method !== 'GET') {
      const body = validateInput(s.KeyManagerAclInput, acl, 'acl');
      await this.request({ ...opts, method, path: `${path}/acl`, body, responseType: 'none' });
    }
    const res = await this.request({ ...opts, path: `${path}/acl` });
    return parseResponse(s.KeyManagerAcl, res.data, 'ACL');
  }

  /** Secret consumers came with microversion 1.1: asked for unless the call names another. */
  private consumerCall<O extends CallOptions>(opts: O): O & { minMicroversion: string } {
    return { ...opts, microversion: opts.microversion ?? '1.1', minMicroversion: '1.1' };
  }

  /** A secret's reference URL, built on this service's endpoint when only its id is given. */
  private async secretHref(x: s.SecretRefInput, field: string, opts: CallOptions): Promise<string> {
    if (typeof x === 'object' && x && 'secret_ref' in x && typeof x.secret_ref === 'string') return x.secret_ref;
    const given = typeof x === 'string' ? x : (x as { id: string }).id;
    if (URL_LIKE.test(given)) {
      barbicanId(given, field, 'secrets');
      return given;
    }
    const endpoint = await this.endpoint({ signal: opts.signal });
    return `${endpoint.replace(/\/+$/, '')}/secrets/${seg(barbicanId(given, field))}`;
  }

  private async containerSecretBody(secret: s.KeyManagerContainerSecretAttrs, opts: CallOptions) {
    const a = validateInput(s.KeyManagerContainerSecretInput, secret, 'secret');
    return { ...a, secret_ref: await this.secretHref(a.secret_ref as s.SecretRefInput, 'secret.secret_ref', opts) };
  }
}
