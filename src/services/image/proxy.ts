import * as v from 'valibot';
import { ConflictError } from '../../base/errors.js';
import { declaredProxy } from '../../resource/declare.js';
import type { Ref } from '../../resource/proxy.js';
import type { CallOptions } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf, parseResponse, validateInput } from '../../base/validate.js';
import { toDownload, uploadHeaders, type ImageDataSource, type ImageDownload, type ImageUploadOptions } from './image-data.js';
import { importBody, type ImageImportMethod, type ImageImportOptions } from './image-import.js';
import { patchOps } from './patch.js';
import * as r from './resources.js';
import * as s from './schemas.js';

export type { ImageQuery } from './resources.js';

/** Changes for {@link ImageProxy.updateImage}: a value sets an attribute, `null` removes a custom property. */
export type ImageChanges = Record<string, unknown> & Partial<Omit<s.ImageAttrs, 'id'>>;

/**
 * `conn.image`: Glance v2. Images are listed, got, found, created, deleted and waited for as
 * declared in `resources.ts` (lists page through Glance's `next` links); what is particular to
 * Glance is here.
 */
export class ImageProxy extends declaredProxy(r) {
  /**
   * Updates through a JSON patch: give either plain changes (`{ name: 'x', os_distro: null }`),
   * turned into `add`/`remove` operations, or the operations themselves.
   */
  updateImage(image: Ref, changes: ImageChanges | s.ImagePatchOp[], opts?: CallOptions) {
    const ops = Array.isArray(changes) ? changes : patchOps(validateInput(v.record(v.string(), v.unknown()), changes, 'changes'));
    return this._update(r.images, image, ops, opts);
  }

  async addImageTag(image: Ref, tag: string, opts?: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'PUT', path: `${this.imagePath(image)}/tags/${seg(idOf(tag, 'tag'))}`, responseType: 'none' });
  }
  async removeImageTag(image: Ref, tag: string, opts?: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'DELETE', path: `${this.imagePath(image)}/tags/${seg(idOf(tag, 'tag'))}`, responseType: 'none' });
  }
  /** Makes the data unreadable to non-admins (admin only by default policy). */
  async deactivateImage(image: Ref, opts?: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'POST', path: `${this.imagePath(image)}/actions/deactivate`, responseType: 'none' });
  }
  async reactivateImage(image: Ref, opts?: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'POST', path: `${this.imagePath(image)}/actions/reactivate`, responseType: 'none' });
  }

  /** Projects an image is shared with (the image's visibility must be `shared`). */
  imageMembers(image: Ref, opts?: CallOptions) {
    return this._list(r.members, {}, opts, `${this.imagePath(image)}/members`);
  }
  getImageMember(image: Ref, project: string, opts?: CallOptions) {
    return this._get(r.members, project, opts, `${this.imagePath(image)}/members/${seg(idOf(project, 'project'))}`);
  }
  /** Shares an image with a project; the member status starts `pending`. */
  addImageMember(image: Ref, project: string, opts?: CallOptions) {
    return this._create(r.members, { member: idOf(project, 'project') }, opts, `${this.imagePath(image)}/members`);
  }
  /** The consumer project accepts or rejects a shared image. */
  async updateImageMember(image: Ref, project: string, status: 'accepted' | 'rejected' | 'pending', opts?: CallOptions) {
    const st = validateInput(v.picklist(['accepted', 'rejected', 'pending']), status, 'status');
    const res = await this.request({ ...opts, method: 'PUT', path: `${this.imagePath(image)}/members/${seg(idOf(project, 'project'))}`, body: { status: st } });
    return parseResponse(s.ImageMember, res.data, 'image member');
  }
  removeImageMember(image: Ref, project: string, opts?: CallOptions & { ignoreMissing?: boolean }) {
    return this._delete(r.members, project, opts, `${this.imagePath(image)}/members/${seg(idOf(project, 'project'))}`);
  }

  /**
   * Uploads the data of a `queued` image (`PUT /file`), streamed from a Blob, File or
   * ReadableStream. Glance computes the checksums; the image becomes `active`.
   */
  async uploadImage(image: Ref, data: ImageDataSource, opts: CallOptions & ImageUploadOptions = {}): Promise<void> {
    const { size, store, ...call } = opts;
    try {
      await this.request({
        ...call,
        method: 'PUT',
        path: `${this.imagePath(image)}/file`,
        headers: { ...uploadHeaders(data, { size, store }), ...call.headers },
        body: data,
        responseType: 'none',
      });
    } catch (e) {
      // Sent again after the answer to the first upload was lost, the data is refused (409): the
      // first one went through if the image is now active with this data's size.
      if (!(e instanceof ConflictError && e.answerLost)) throw e;
      const img = await this.getImage(image, call);
      const expected = size ?? (data instanceof Blob ? data.size : undefined);
      if (img.status !== 'active' || expected === undefined || img.size !== expected) throw e;
    }
  }

  /**
   * Downloads the data as a stream, verified while it streams against `os_hash_value` (or the
   * MD5 `checksum`): a mismatch errors the stream at its end with ChecksumMismatchError.
   * `verify: false` skips the check.
   */
  async downloadImage(image: Ref, opts: CallOptions & { verify?: boolean } = {}): Promise<ImageDownload> {
    const { verify = true, ...call } = opts;
    const img = await this.getImage(image, call);
    const res = await this.request<ReadableStream<Uint8Array> | undefined>({
      ...call,
      path: `${this.imagePath(img)}/file`,
      headers: { accept: 'application/octet-stream', ...call.headers },
      responseType: 'stream',
    });
    return toDownload(img, res, verify);
  }

  /** Which interoperable import methods the cloud enables (`GET /v2/info/import`). */
  async getImportInfo(opts?: CallOptions) {
    const res = await this.request({ ...opts, path: '/info/import' });
    return parseResponse(s.ImageImportInfo, res.data, 'import info');
  }
  /** Uploads data to the staging area, for a later `importImage(image, { name: 'glance-direct' })`. */
  async stageImage(image: Ref, data: ImageDataSource, opts: CallOptions & Omit<ImageUploadOptions, 'store'> = {}): Promise<void> {
    const { size, ...call } = opts;
    await this.request({
      ...call,
      method: 'PUT',
      path: `${this.imagePath(image)}/stage`,
      headers: { ...uploadHeaders(data, { size }), ...call.headers },
      body: data,
      responseType: 'none',
    });
  }
  /** Starts an interoperable import; it runs in the background: `waitForImage` follows it. */
  async importImage(image: Ref, method: ImageImportMethod, opts: CallOptions & ImageImportOptions = {}): Promise<void> {
    const { stores: inStores, allStores, allStoresMustSucceed, ...call } = opts;
    const body = importBody(method, { stores: inStores, allStores, allStoresMustSucceed });
    await this.request({ ...call, method: 'POST', path: `${this.imagePath(image)}/import`, body, responseType: 'none' });
  }
  /** Backing stores of a multi-store cloud (a 404 from single-store clouds). */
  stores(opts?: CallOptions) {
    return this._list(r.stores, {}, opts);
  }

  private imagePath(image: Ref): string {
    return `/images/${seg(idOf(image, 'image'))}`;
  }
}
