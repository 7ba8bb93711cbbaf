import * as v from 'valibot';
import type { FindOptions } from '../../resource/find.js';
import { ServiceProxy, type ListOptions, type Ref, type ResourceDef } from '../../resource/proxy.js';
import type { CallOptions, RequestSpec } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf, parseResponse, validateInput } from '../../base/validate.js';
import type { WaitOptions } from '../../resource/wait.js';
import { toQuery } from './filters.js';
import * as r from './resources.js';
import { MetadataBody, MetadataInput, sizeGiB, type Filters } from './schemas/common.js';
import * as s from './schemas/index.js';

/** The attributes of a new Cinder volume: the input of `VolumeCreate`. */
export type VolumeAttrs = v.InferInput<typeof s.VolumeCreate>;
/** The attributes of a new Cinder volume snapshot: the input of `VolumeSnapshotCreate`. */
export type VolumeSnapshotAttrs = v.InferInput<typeof s.VolumeSnapshotCreate>;
/** The attributes of a new Cinder volume type: the input of `VolumeTypeCreate`. */
export type VolumeTypeAttrs = v.InferInput<typeof s.VolumeTypeCreate>;
/** The attributes of a new Cinder volume backup: the input of `VolumeBackupCreate`. */
export type VolumeBackupAttrs = v.InferInput<typeof s.VolumeBackupCreate>;

type DeleteOptions = CallOptions & { ignoreMissing?: boolean };
type Find = FindOptions & CallOptions;

/** Statuses a volume ends up in when an operation failed. */
const VOLUME_FAILURES = ['error', 'error_extending', 'error_restoring', 'error_managing', 'error_backing-up'];
const ActionStatus = v.object({ status: v.pipe(v.string(), v.nonEmpty('a status is required')) }, 'a status is required');

/**
 * `conn.blockStorage`: Cinder v3. Calls send the newest microversion both sides know
 * (`OpenStack-API-Version: volume 3.x`); a few methods need a minimum and say so before sending.
 */
export class BlockStorageProxy extends ServiceProxy {
  private list<D extends ResourceDef>(def: D, filters: Record<string, unknown> | undefined, opts?: ListOptions) {
    return this._list(def, toQuery(filters), opts);
  }

  /** `POST /<collection>/<id>/action` with one action; Cinder answers 202 with no body. */
  private async action(def: ResourceDef, ref: Ref, body: Record<string, unknown>, opts: RequestSpec = {}): Promise<void> {
    await this.request({ ...opts, method: 'POST', path: `${def.path}/${seg(idOf(ref))}/action`, body, responseType: 'none' });
  }

  // --- Volumes ---

  /** Volumes with details, e.g. `volumes({ status: 'available', metadata: { role: 'db' } }, { pageSize: 50 })`. */
  volumes(filters?: Filters<s.Volume>, opts?: ListOptions) {
    return this.list(r.volumes, filters, opts);
  }
  getVolume(volume: Ref, opts?: CallOptions) {
    return this._get(r.volumes, volume, opts);
  }
  findVolume(nameOrId: string, opts?: Find & { query?: { all_tenants?: boolean } }) {
    return this._find(r.volumes, nameOrId, opts);
  }
  /**
   * A new volume, empty (`size`) or copied from an image (`imageRef`), a snapshot (`snapshot_id`),
   * another volume (`source_volid`) or a backup (`backup_id`). It starts `creating`: follow it
   * with {@link waitForVolume}.
   */
  createVolume(attrs: VolumeAttrs, opts?: CallOptions) {
    return this._create(r.volumes, attrs, opts);
  }
  updateVolume(volume: Ref, attrs: v.InferInput<typeof s.VolumeUpdate>, opts?: CallOptions) {
    return this._update(r.volumes, volume, attrs, opts);
  }
  /**
   * Starts deleting a volume (follow it with {@link waitForVolumeDelete}). `cascade` deletes its
   * snapshots too; `force` (admin, 3.23+) deletes it whatever its status.
   */
  deleteVolume(volume: Ref, opts: DeleteOptions & { cascade?: boolean; force?: boolean } = {}) {
    const { cascade, force, ...call } = opts;
    const spec: RequestSpec & { ignoreMissing?: boolean } = {
      ...call,
      query: { cascade: cascade || undefined, force: force || undefined },
      ...(force ? { minMicroversion: '3.23' } : {}),
    };
    return this._delete(r.volumes, volume, spec);
  }
  /** Polls until the volume is `available` (or `opts.status`, e.g. `'in-use'`); an `error*` status fails. */
  waitForVolume(volume: Ref, opts: WaitOptions<s.Volume> = {}) {
    return this._waitFor(r.volumes, volume, { status: 'available', failures: VOLUME_FAILURES, ...opts });
  }
  waitForVolumeDelete(volume: Ref, opts?: Omit<WaitOptions<s.Volume>, 'status'>) {
    return this._waitForDelete(r.volumes, volume, opts);
  }
  /** Grows a volume to `newSize` GiB (attached volumes need 3.42, sent by default); it goes `extending`, then back. */
  async extendVolume(volume: Ref, newSize: number, opts?: CallOptions) {
    const size = validateInput(sizeGiB, newSize, 'newSize');
    return this.action(r.volumes, volume, { 'os-extend': { new_size: size } }, opts);
  }
  async setVolumeBootable(volume: Ref, bootable: boolean, opts?: CallOptions) {
    return this.action(r.volumes, volume, { 'os-set_bootable': { bootable: validateInput(v.boolean(), bootable, 'bootable') } }, opts);
  }
  async setVolumeReadOnly(volume: Ref, readOnly: boolean, opts?: CallOptions) {
    return this.action(r.volumes, volume, { 'os-update_readonly_flag': { readonly: validateInput(v.boolean(), readOnly, 'readOnly') } }, opts);
  }
  /**
   * Changes the volume's type (it goes `retyping`, then back). `migrationPolicy: 'on-demand'` lets
   * Cinder move the data when the new type lives on another backend.
   */
  async retypeVolume(volume: Ref, type: string | { name: string }, opts: CallOptions & { migrationPolicy?: 'never' | 'on-demand' } = {}) {
    const { migrationPolicy = 'never', ...call } = opts;
    const newType = typeof type === 'string' ? type : type?.name;
    idOf(newType, 'type');
    return this.action(r.volumes, volume, { 'os-retype': { new_type: newType, migration_policy: migrationPolicy } }, call);
  }
  /** Sets the recorded status without doing anything (admin; for volumes stuck in a transition). */
  async resetVolumeStatus(volume: Ref, state: { status: string; attach_status?: 'attached' | 'detached'; migration_status?: string }, opts?: CallOptions) {
    validateInput(ActionStatus, { status: state?.status }, 'state');
    return this.action(r.volumes, volume, { 'os-reset_status': state }, opts);
  }
  volumeMetadata(volume: Ref, opts?: CallOptions) {
    return this.metadata(r.volumes, volume, 'GET', undefined, opts);
  }
  /** Adds or changes these keys, keeping the others; answers the whole metadata. */
  setVolumeMetadata(volume: Ref, metadata: Record<string, string>, opts?: CallOptions) {
    return this.metadata(r.volumes, volume, 'POST', metadata, opts);
  }
  /** Replaces the whole metadata. */
  replaceVolumeMetadata(volume: Ref, metadata: Record<string, string>, opts?: CallOptions) {
    return this.metadata(r.volumes, volume, 'PUT', metadata, opts);
  }
  deleteVolumeMetadata(volume: Ref, key: string, opts?: DeleteOptions) {
    return this.deleteMetadataKey(r.volumes, volume, key, opts);
  }

  // --- Snapshots ---

  snapshots(filters?: Filters<s.VolumeSnapshot>, opts?: ListOptions) {
    return this.list(r.snapshots, filters, opts);
  }
  getSnapshot(snapshot: Ref, opts?: CallOptions) {
    return this._get(r.snapshots, snapshot, opts);
  }
  findSnapshot(nameOrId: string, opts?: Find) {
    return this._find(r.snapshots, nameOrId, opts);
  }
  /** Snapshots a volume (`force: true` for an attached one); it starts `creating`. */
  createSnapshot(attrs: VolumeSnapshotAttrs, opts?: CallOptions) {
    return this._create(r.snapshots, attrs, opts);
  }
  updateSnapshot(snapshot: Ref, attrs: v.InferInput<typeof s.VolumeSnapshotUpdate>, opts?: CallOptions) {
    return this._update(r.snapshots, snapshot, attrs, opts);
  }
  deleteSnapshot(snapshot: Ref, opts?: DeleteOptions) {
    return this._delete(r.snapshots, snapshot, opts);
  }
  waitForSnapshot(snapshot: Ref, opts: WaitOptions<s.VolumeSnapshot> = {}) {
    return this._waitFor(r.snapshots, snapshot, { status: 'available', failures: ['error'], ...opts });
  }
  waitForSnapshotDelete(snapshot: Ref, opts?: Omit<WaitOptions<s.VolumeSnapshot>, 'status'>) {
    return this._waitForDelete(r.snapshots, snapshot, opts);
  }
  snapshotMetadata(snapshot: Ref, opts?: CallOptions) {
    return this.metadata(r.snapshots, snapshot, 'GET', undefined, opts);
  }
  setSnapshotMetadata(snapshot: Ref, metadata: Record<string, string>, opts?: CallOptions) {
    return this.metadata(r.snapshots, snapshot, 'POST', metadata, opts);
  }
  deleteSnapshotMetadata(snapshot: Ref, key: string, opts?: DeleteOptions) {
    return this.deleteMetadataKey(r.snapshots, snapshot, key, opts);
  }

  // --- Volume types ---

  volumeTypes(filters?: Filters<s.VolumeType> & { is_public?: boolean | 'None' }, opts?: ListOptions) {
    return this.list(r.types, filters, opts);
  }
  /** By id or by name. */
  getVolumeType(type: Ref, opts?: CallOptions) {
    return this._get(r.types, type, opts);
  }
  findVolumeType(nameOrId: string, opts?: Find) {
    return this._find(r.types, nameOrId, opts);
  }
  /** A new type (admin), e.g. `{ name, extra_specs: { volume_backend_name: 'fast' } }`. */
  createVolumeType(attrs: VolumeTypeAttrs, opts?: CallOptions) {
    return this._create(r.types, attrs, opts);
  }
  updateVolumeType(type: Ref, attrs: v.InferInput<typeof s.VolumeTypeUpdate>, opts?: CallOptions) {
    return this._update(r.types, type, attrs, opts);
  }
  /** Fails with BadRequestError while volumes use the type. */
  deleteVolumeType(type: Ref, opts?: DeleteOptions) {
    return this._delete(r.types, type, opts);
  }
  async volumeTypeExtraSpecs(type: Ref, opts: CallOptions = {}): Promise<Record<string, string>> {
    const res = await this.request({ ...opts, path: `/types/${seg(idOf(type, 'type'))}/extra_specs` });
    return parseResponse(s.VolumeTypeExtraSpecsBody, res.data, 'extra specs').extra_specs;
  }
  /** Adds or changes these extra specs (admin); answers the ones sent. */
  async setVolumeTypeExtraSpecs(type: Ref, specs: Record<string, string>, opts: CallOptions = {}): Promise<Record<string, string>> {
    const body = { extra_specs: validateInput(s.VolumeTypeExtraSpecs, specs, 'specs') };
    const res = await this.request({ ...opts, method: 'POST', path: `/types/${seg(idOf(type, 'type'))}/extra_specs`, body });
    return parseResponse(s.VolumeTypeExtraSpecsBody, res.data, 'extra specs').extra_specs;
  }
  async deleteVolumeTypeExtraSpec(type: Ref, key: string, opts: DeleteOptions = {}): Promise<void> {
    const { ignoreMissing = false, ...call } = opts;
    await this.request({
      ...call,
      method: 'DELETE',
      path: `/types/${seg(idOf(type, 'type'))}/extra_specs/${seg(idOf(key, 'key'))}`,
      okStatuses: ignoreMissing ? [404] : undefined,
      responseType: 'none',
    });
  }
  /** Projects that may use a private type (admin). */
  async volumeTypeAccess(type: Ref, opts: CallOptions = {}): Promise<s.VolumeTypeAccess[]> {
    const res = await this.request({ ...opts, path: `/types/${seg(idOf(type, 'type'))}/os-volume-type-access` });
    const body = parseResponse(v.looseObject({ volume_type_access: v.array(s.VolumeTypeAccess) }), res.data, 'volume type access');
    return body.volume_type_access;
  }
  async addVolumeTypeAccess(type: Ref, project: Ref, opts?: CallOptions) {
    return this.action(r.types, type, { addProjectAccess: { project: idOf(project, 'project') } }, opts);
  }
  async removeVolumeTypeAccess(type: Ref, project: Ref, opts?: CallOptions) {
    return this.action(r.types, type, { removeProjectAccess: { project: idOf(project, 'project') } }, opts);
  }

  // --- Backups ---

  backups(filters?: Filters<s.VolumeBackup>, opts?: ListOptions) {
    return this.list(r.backups, filters, opts);
  }
  getBackup(backup: Ref, opts?: CallOptions) {
    return this._get(r.backups, backup, opts);
  }
  findBackup(nameOrId: string, opts?: Find) {
    return this._find(r.backups, nameOrId, opts);
  }
  /**
   * Backs up a volume (needs a backup service; `force` for an attached one). Cinder answers with
   * the id only, so the backup is read back: it starts `creating`, follow it with {@link waitForBackup}.
   */
  async createBackup(attrs: VolumeBackupAttrs, opts: CallOptions = {}) {
    const spec: RequestSpec = { ...opts, ...(attrs?.metadata ? { minMicroversion: '3.43' } : {}) };
    const created = await this._create({ ...r.backups, schema: s.VolumeBackupSummary }, attrs, spec);
    return this.getBackup(created.id, { signal: opts.signal });
  }
  /** 3.9+ (metadata 3.43+). Answers the backup as read back after the change. */
  async updateBackup(backup: Ref, attrs: v.InferInput<typeof s.VolumeBackupUpdate>, opts: CallOptions = {}) {
    const spec: RequestSpec = { ...opts, minMicroversion: attrs?.metadata ? '3.43' : '3.9' };
    const updated = await this._update({ ...r.backups, schema: s.VolumeBackupSummary }, backup, attrs, spec);
    return this.getBackup(updated.id, { signal: opts.signal });
  }
  /** `force` deletes it whatever its status (admin). */
  async deleteBackup(backup: Ref, opts: DeleteOptions & { force?: boolean } = {}) {
    const { force, ignoreMissing, ...call } = opts;
    if (!force) return this._delete(r.backups, backup, { ...call, ignoreMissing });
    return this.action(r.backups, backup, { 'os-force_delete': {} }, { ...call, okStatuses: ignoreMissing ? [404] : undefined });
  }
  /** Restores onto a new volume, or onto `volume_id`; follow the volume with {@link waitForVolume}. */
  async restoreBackup(backup: Ref, target: v.InferInput<typeof s.VolumeBackupRestore> = {}, opts: CallOptions = {}) {
    const body = { restore: validateInput(s.VolumeBackupRestore, target, 'target') };
    const res = await this.request({ ...opts, method: 'POST', path: `/backups/${seg(idOf(backup, 'backup'))}/restore`, body });
    return parseResponse(s.VolumeBackupRestoreResult, res.data, 'backup restore').restore;
  }
  waitForBackup(backup: Ref, opts: WaitOptions<s.VolumeBackup> = {}) {
    return this._waitFor(r.backups, backup, { status: 'available', failures: ['error'], ...opts });
  }
  waitForBackupDelete(backup: Ref, opts?: Omit<WaitOptions<s.VolumeBackup>, 'status'>) {
    return this._waitForDelete(r.backups, backup, opts);
  }

  // --- Attachments ---

  /**
   * Cinder's attachment records (3.27+), e.g. `attachments({ volume_id })`. Attach and detach
   * through the compute service's volume attachments, which create and remove these.
   */
  attachments(filters?: Filters<s.BlockStorageAttachment>, opts: ListOptions = {}) {
    return this.list(r.attachments, filters, { ...opts, minMicroversion: '3.27' } as ListOptions);
  }
  getAttachment(attachment: Ref, opts: CallOptions = {}) {
    const spec: RequestSpec = { ...opts, minMicroversion: '3.27' };
    return this._get(r.attachments, attachment, spec);
  }

  // --- Quotas, limits, zones, services ---

  /** A project's limits. */
  getQuotaSet(project: Ref, opts?: CallOptions) {
    return this._get(r.quotaSets, project, opts);
  }
  /** A project's limits with usage: `{ volumes: { limit, in_use, reserved }, ... }`. */
  getQuotaSetUsage(project: Ref, opts: CallOptions = {}) {
    return this._get(r.quotaUsage, project, { ...opts, query: { usage: true } });
  }
  async getDefaultQuotaSet(project: Ref, opts?: CallOptions) {
    return this._get(r.quotaSets, project, opts, `/os-quota-sets/${seg(idOf(project, 'project'))}/defaults`);
  }
  /** Sets some limits (admin), e.g. `{ volumes: 20, gigabytes: -1 }`. */
  updateQuotaSet(project: Ref, quotas: Record<string, number>, opts?: CallOptions) {
    return this._update(r.quotaSets, project, quotas, opts);
  }
  /** Back to the defaults (admin). */
  deleteQuotaSet(project: Ref, opts?: DeleteOptions) {
    return this._delete(r.quotaSets, project, opts);
  }
  /** Limits and usage of the current project. */
  async getLimits(opts: CallOptions = {}) {
    const res = await this.request({ ...opts, path: '/limits' });
    return this.one(r.limits, res.data);
  }
  availabilityZones(opts?: CallOptions) {
    return this._list(r.availabilityZones, {}, opts);
  }
  /** Cinder's services and their state (admin), e.g. `services({ binary: 'cinder-volume' })`. */
  services(filters: { host?: string; binary?: string } = {}, opts?: CallOptions) {
    return this.list(r.services, filters, opts);
  }

  // --- Metadata helpers shared by volumes and snapshots ---

  private async metadata(def: ResourceDef, ref: Ref, method: string, metadata: unknown, opts: CallOptions = {}): Promise<Record<string, string>> {
    const body = metadata === undefined ? undefined : { metadata: validateInput(MetadataInput, metadata, 'metadata') };
    const res = await this.request({ ...opts, method, path: `${def.path}/${seg(idOf(ref))}/metadata`, body });
    return parseResponse(MetadataBody, res.data, `${def.name} metadata`).metadata;
  }
  private async deleteMetadataKey(def: ResourceDef, ref: Ref, key: string, opts: DeleteOptions = {}): Promise<void> {
    const { ignoreMissing = false, ...call } = opts;
    await this.request({
      ...call,
      method: 'DELETE',
      path: `${def.path}/${seg(idOf(ref))}/metadata/${seg(idOf(key, 'key'))}`,
      okStatuses: ignoreMissing ? [404] : undefined,
      responseType: 'none',
    });
  }
}
