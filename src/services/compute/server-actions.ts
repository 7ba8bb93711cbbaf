import * as v from 'valibot';
import { ResponseError } from '../../base/errors.js';
import { declaredProxy, type DeleteOptions } from '../../resource/declare.js';
import type { Paged } from '../../resource/paginate.js';
import type { ListOptions, Ref } from '../../resource/proxy.js';
import type { CallOptions, RequestSpec } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf, parseResponse, validateInput } from '../../base/validate.js';
import type { ImageProxy } from '../image/proxy.js';
import * as r from './resources.js';
import * as s from './schemas.js';
import { encodeUserData } from './user-data.js';

/** Attributes of a new server image, checked before the create is sent. */
export type ServerImageAttrs = v.InferInput<typeof s.ServerImageCreate>;
/** Attributes of a new server interface, checked before the create is sent. */
export type ServerInterfaceAttrs = v.InferInput<typeof s.ServerInterfaceCreate>;
/** Attributes of a new server volume attachment, checked before the create is sent. */
export type ServerVolumeAttachmentAttrs = v.InferInput<typeof s.ServerVolumeAttachmentCreate>;

type Metadata = Record<string, string>;
const Metadata = v.record(v.string(), v.string());

/** Attributes of `rebuildServer` besides the image. */
export interface ServerRebuildAttrs {
  name?: string;
  adminPass?: string;
  metadata?: Metadata;
  description?: string | null;
  /** 2.54+. */
  key_name?: string | null;
  /** 2.57+; raw, base64-encoded by the SDK. */
  user_data?: string | Uint8Array;
  preserve_ephemeral?: boolean;
  [key: string]: unknown;
}

/**
 * The server actions (`POST /servers/{id}/action`) and a server's sub-resources: metadata,
 * addresses, interface and volume attachments, with the standard operations of every resource
 * declared in `resources.ts`. {@link ComputeProxy} adds everything else.
 */
export class ServerActionsProxy extends declaredProxy(r) {
  /** The Connection's image service (images are Glance's since compute 2.36). */
  protected get imageService(): ImageProxy {
    return this.otherService<ImageProxy>('image');
  }

  /** Sends one server action; most answer 202 with no body. */
  protected serverAction<T = unknown>(server: Ref, action: Record<string, unknown>, opts: CallOptions & Pick<RequestSpec, 'minMicroversion'> = {}) {
    return this.request<T>({ ...opts, method: 'POST', path: `${this.serverPath(server)}/action`, body: action });
  }
  protected serverPath(server: Ref): string {
    return `/servers/${seg(idOf(server, 'server'))}`;
  }

  /** Reboots: `SOFT` (the guest is asked, default) or `HARD` (power cycle). */
  async rebootServer(server: Ref, type: 'SOFT' | 'HARD' = 'SOFT', opts?: CallOptions): Promise<void> {
    await this.serverAction(server, { reboot: { type: validateInput(v.picklist(['SOFT', 'HARD']), type, 'type') } }, opts);
  }
  async startServer(server: Ref, opts?: CallOptions): Promise<void> {
    await this.serverAction(server, { 'os-start': null }, opts);
  }
  async stopServer(server: Ref, opts?: CallOptions): Promise<void> {
    await this.serverAction(server, { 'os-stop': null }, opts);
  }
  async pauseServer(server: Ref, opts?: CallOptions): Promise<void> {
    await this.serverAction(server, { pause: null }, opts);
  }
  async unpauseServer(server: Ref, opts?: CallOptions): Promise<void> {
    await this.serverAction(server, { unpause: null }, opts);
  }
  async suspendServer(server: Ref, opts?: CallOptions): Promise<void> {
    await this.serverAction(server, { suspend: null }, opts);
  }
  async resumeServer(server: Ref, opts?: CallOptions): Promise<void> {
    await this.serverAction(server, { resume: null }, opts);
  }
  /** Locks against changes by non-admins; a `reason` needs microversion 2.73. */
  async lockServer(server: Ref, opts: CallOptions & { reason?: string } = {}): Promise<void> {
    const { reason, ...call } = opts;
    if (reason === undefined) await this.serverAction(server, { lock: null }, call);
    else await this.serverAction(server, { lock: { locked_reason: reason } }, { ...call, minMicroversion: '2.73' });
  }
  async unlockServer(server: Ref, opts?: CallOptions): Promise<void> {
    await this.serverAction(server, { unlock: null }, opts);
  }
  /** Boots the server from a rescue image (status `RESCUE`); returns the rescue admin password. */
  async rescueServer(server: Ref, opts: CallOptions & { adminPass?: string; image?: Ref } = {}): Promise<string | undefined> {
    const { adminPass, image, ...call } = opts;
    const rescue: Record<string, unknown> = {};
    if (adminPass !== undefined) rescue.adminPass = adminPass;
    if (image !== undefined) rescue.rescue_image_ref = idOf(image, 'image');
    const res = await this.serverAction<{ adminPass?: string } | undefined>(server, { rescue }, call);
    return res.data?.adminPass;
  }
  async unrescueServer(server: Ref, opts?: CallOptions): Promise<void> {
    await this.serverAction(server, { unrescue: null }, opts);
  }
  /** Starts a resize; the server reaches `VERIFY_RESIZE`, then confirm or revert it. */
  async resizeServer(server: Ref, flavor: Ref, opts?: CallOptions): Promise<void> {
    await this.serverAction(server, { resize: { flavorRef: idOf(flavor, 'flavor') } }, opts);
  }
  async confirmServerResize(server: Ref, opts?: CallOptions): Promise<void> {
    await this.serverAction(server, { confirmResize: null }, opts);
  }
  async revertServerResize(server: Ref, opts?: CallOptions): Promise<void> {
    await this.serverAction(server, { revertResize: null }, opts);
  }
  /** Reinstalls the server from an image (status `REBUILD`, then `ACTIVE`). */
  async rebuildServer(server: Ref, image: Ref, attrs: ServerRebuildAttrs = {}, opts?: CallOptions): Promise<s.Server> {
    const { user_data, ...rest } = attrs;
    const rebuild: Record<string, unknown> = { ...rest, imageRef: idOf(image, 'image') };
    if (user_data !== undefined) rebuild.user_data = encodeUserData(user_data);
    const res = await this.serverAction(server, { rebuild }, opts);
    return parseResponse(s.Server, (res.data as { server?: unknown } | undefined)?.server, 'server');
  }
  /**
   * Snapshots the server to a new Glance image (`{ name, metadata }`) and returns that image as
   * Glance shows it right away (usually `queued` or `saving`): `conn.image.waitForImage` follows it
   * to `active`.
   */
  createServerImage(server: Ref, attrs: ServerImageAttrs, opts?: CallOptions): ReturnType<ImageProxy['getImage']>;
  /** @deprecated Pass the name and metadata as one object: `createServerImage(server, { name, metadata }, opts)`. */
  createServerImage(server: Ref, name: string, opts?: CallOptions & { metadata?: Metadata }): ReturnType<ImageProxy['getImage']>;
  async createServerImage(server: Ref, attrs: ServerImageAttrs | string, opts: CallOptions & { metadata?: Metadata } = {}) {
    const { metadata, ...call } = opts;
    // Released as (server, name, { metadata }): still taken, for one release.
    const createImage = validateInput(s.ServerImageCreate, typeof attrs === 'string' ? { name: attrs, metadata } : attrs, 'attrs');
    const res = await this.serverAction<{ image_id?: string } | undefined>(server, { createImage }, call);
    // 2.45+ answers with the id; older microversions only give it in the Location header.
    const id = res.data?.image_id ?? res.headers.get('location')?.split('/').pop();
    if (!id) throw new ResponseError('Nova did not say which image the snapshot created');
    return this.imageService.getImage(id, { signal: call.signal });
  }
  /** Shelves the server (`SHELVED`, or `SHELVED_OFFLOADED` once its host is freed). */
  async shelveServer(server: Ref, opts?: CallOptions): Promise<void> {
    await this.serverAction(server, { shelve: null }, opts);
  }
  /** Unshelves; an `availabilityZone` needs microversion 2.77. */
  async unshelveServer(server: Ref, opts: CallOptions & { availabilityZone?: string } = {}): Promise<void> {
    const { availabilityZone, ...call } = opts;
    if (availabilityZone === undefined) await this.serverAction(server, { unshelve: null }, call);
    else await this.serverAction(server, { unshelve: { availability_zone: availabilityZone } }, { ...call, minMicroversion: '2.77' });
  }
  /** The console log, the last `length` lines when given. */
  async getServerConsoleOutput(server: Ref, opts: CallOptions & { length?: number } = {}): Promise<string> {
    const { length, ...call } = opts;
    const res = await this.serverAction<unknown>(server, { 'os-getConsoleOutput': length === undefined ? {} : { length } }, call);
    return parseResponse(v.looseObject({ output: v.string() }), res.data, 'console output').output;
  }

  async getServerMetadata(server: Ref, opts?: CallOptions): Promise<Metadata> {
    const res = await this.request({ ...opts, path: `${this.serverPath(server)}/metadata` });
    return parseResponse(v.looseObject({ metadata: Metadata }), res.data, 'server metadata').metadata;
  }
  /** Sets metadata keys (others are kept), or replaces all of it with `replace: true`. Returns the result. */
  async setServerMetadata(server: Ref, metadata: Metadata, opts: CallOptions & { replace?: boolean } = {}): Promise<Metadata> {
    const { replace = false, ...call } = opts;
    const res = await this.request({
      ...call,
      method: replace ? 'PUT' : 'POST',
      path: `${this.serverPath(server)}/metadata`,
      body: { metadata: validateInput(Metadata, metadata, 'metadata') },
    });
    return parseResponse(v.looseObject({ metadata: Metadata }), res.data, 'server metadata').metadata;
  }
  /** Deletes one key or several. */
  async deleteServerMetadata(server: Ref, keys: string | readonly string[], opts?: DeleteOptions): Promise<void> {
    for (const key of [keys].flat()) await this._delete(r.servers, key, opts, `${this.serverPath(server)}/metadata/${seg(idOf(key, 'key'))}`);
  }

  /** The server's addresses by network name, or those on one network. */
  async getServerAddresses(server: Ref, opts: CallOptions & { network?: string } = {}): Promise<s.ServerAddresses> {
    const { network, ...call } = opts;
    const path = `${this.serverPath(server)}/ips${network === undefined ? '' : `/${seg(idOf(network, 'network'))}`}`;
    const res = await this.request({ ...call, path });
    const data = res.data as { addresses?: unknown } | undefined;
    return parseResponse(s.ServerAddresses, network === undefined ? data?.addresses : data, 'server addresses');
  }

  /** Ports attached to the server (the list takes no filters). */
  serverInterfaces(server: Ref, filters?: Record<string, never>, opts?: ListOptions): Paged<s.ServerInterface>;
  /** @deprecated Call options go third now: `serverInterfaces(server, {}, opts)`. */
  serverInterfaces(server: Ref, opts: CallOptions): Paged<s.ServerInterface>;
  serverInterfaces(server: Ref, filters?: object, opts?: ListOptions) {
    // Nothing filters this list, so a first argument alone is call options: the released form, deprecated.
    return this._list(r.interfaces, {}, opts ?? filters, `${this.serverPath(server)}/os-interface`);
  }
  getServerInterface(server: Ref, port: string, opts?: CallOptions) {
    return this._get(r.interfaces, port, opts, `${this.serverPath(server)}/os-interface/${seg(idOf(port, 'port'))}`);
  }
  /** Attaches a port (`port_id`) or a new port on a network (`net_id`). */
  createServerInterface(server: Ref, attrs: ServerInterfaceAttrs, opts?: CallOptions) {
    return this._create(r.interfaces, attrs, opts, `${this.serverPath(server)}/os-interface`);
  }
  deleteServerInterface(server: Ref, port: string, opts?: DeleteOptions) {
    return this._delete(r.interfaces, port, opts, `${this.serverPath(server)}/os-interface/${seg(idOf(port, 'port'))}`);
  }

  /** Volumes attached to the server (the list takes no filters). */
  volumeAttachments(server: Ref, filters?: Record<string, never>, opts?: ListOptions): Paged<s.ServerVolumeAttachment>;
  /** @deprecated Call options go third now: `volumeAttachments(server, {}, opts)`. */
  volumeAttachments(server: Ref, opts: CallOptions): Paged<s.ServerVolumeAttachment>;
  volumeAttachments(server: Ref, filters?: object, opts?: ListOptions) {
    // Nothing filters this list, so a first argument alone is call options: the released form, deprecated.
    return this._list(r.volumeAttachments, {}, opts ?? filters, `${this.serverPath(server)}/os-volume_attachments`);
  }
  getVolumeAttachment(server: Ref, volume: Ref, opts?: CallOptions) {
    return this._get(r.volumeAttachments, volume, opts, `${this.serverPath(server)}/os-volume_attachments/${seg(idOf(volume, 'volume'))}`);
  }
  /** Attaches a volume; the volume goes `in-use` once attached (follow it in the block storage service). */
  createVolumeAttachment(server: Ref, attrs: ServerVolumeAttachmentAttrs, opts?: CallOptions) {
    const mv = attrs?.delete_on_termination === undefined ? {} : { minMicroversion: '2.79' };
    return this._create(r.volumeAttachments, attrs, { ...opts, ...mv } as CallOptions, `${this.serverPath(server)}/os-volume_attachments`);
  }
  deleteVolumeAttachment(server: Ref, volume: Ref, opts?: DeleteOptions) {
    return this._delete(r.volumeAttachments, volume, opts, `${this.serverPath(server)}/os-volume_attachments/${seg(idOf(volume, 'volume'))}`);
  }
}
