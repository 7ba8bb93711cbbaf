import * as v from 'valibot';
import { declaredProxy, type DeleteOptions } from '../../resource/declare.js';
import type { Paged } from '../../resource/paginate.js';
import type { ListOptions, Ref, ResourceDef } from '../../resource/proxy.js';
import type { CallOptions, RequestSpec } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf, parseResponse, validateInput } from '../../base/validate.js';
import { toQuery } from '../../resource/query.js';
import { cinderQuery } from './filters.js';
import * as r from './resources.js';
import { MetadataBody, MetadataInput, sizeGiB, type Filters } from './schemas/common.js';
import * as s from './schemas/index.js';

/** The attributes of a new Cinder volume: the input of `VolumeCreate`. */
export type VolumeAttrs = v.InferInput<typeof s.VolumeCreate>;
/** Changes to a volume, checked before the update is sent. */
export type VolumeUpdateAttrs = v.InferInput<typeof s.VolumeUpdate>;
/** Attributes of a new volume snapshot, checked before the create is sent. */
export type VolumeSnapshotAttrs = v.InferInput<typeof s.VolumeSnapshotCreate>;
/** Changes to a volume snapshot, checked before the update is sent. */
export type VolumeSnapshotUpdateAttrs = v.InferInput<typeof s.VolumeSnapshotUpdate>;
/** Attributes of a new volume type, checked before the create is sent. */
export type VolumeTypeAttrs = v.InferInput<typeof s.VolumeTypeCreate>;
/** Changes to a volume type, checked before the update is sent. */
export type VolumeTypeUpdateAttrs = v.InferInput<typeof s.VolumeTypeUpdate>;
/** Attributes of a new volume backup, checked before the create is sent. */
export type VolumeBackupAttrs = v.InferInput<typeof s.VolumeBackupCreate>;
/** Changes to a volume backup, checked before the update is sent. */
export type VolumeBackupUpdateAttrs = v.InferInput<typeof s.VolumeBackupUpdate>;
/** Changes to a volume quota, checked before the update is sent. */
export type VolumeQuotaUpdateAttrs = v.InferInput<typeof s.VolumeQuotaUpdate>;

const ActionStatus = v.object({ status: v.pipe(v.string(), v.nonEmpty('a status is required')) }, 'a status is required');

/**
 * `conn.blockStorage`: Cinder v3. Calls send the newest microversion both sides know
 * (`OpenStack-API-Version: volume 3.x`); a few methods need a minimum and say so before sending.
 * The standard operations of volumes, snapshots, volume types, backups, quota sets and services
 * come from their declarations in `resources.ts`; what is particular to Cinder is here.
 */
export class BlockStorageProxy extends declaredProxy(r, cinderQuery) {
  /** `POST /<collection>/<id>/action` with one action; Cinder answers 202 with no body. */
  private async action(def: ResourceDef, ref: Ref, body: Record<string, unknown>, opts: RequestSpec = {}): Promise<void> {
    await this.request({ ...opts, method: 'POST', path: `${def.path}/${seg(idOf(ref))}/action`, body, responseType: 'none' });
  }

  // --- Volumes ---

  /**
   * Starts deleting a volume (follow it with `waitForVolumeDelete`). `cascade` deletes its
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
  async deleteVolumeTypeExtraSpec(type: Ref, key: string, opts?: DeleteOptions): Promise<void> {
    return this._delete(r.types, key, opts, `/types/${seg(idOf(type, 'type'))}/extra_specs/${seg(idOf(key, 'key'))}`);
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

  /**
   * Backs up a volume (needs a backup service; `force` for an attached one). Cinder answers with
   * the id only, so the backup is read back: it starts `creating`, follow it with `waitForBackup`.
   */
  async createBackup(attrs: VolumeBackupAttrs, opts: CallOptions = {}) {
    const spec: RequestSpec = { ...opts, ...(attrs?.metadata ? { minMicroversion: '3.43' } : {}) };
    const created = await this._create({ ...r.backups, schema: s.VolumeBackupSummary }, attrs, spec);
    return this.getBackup(created.id, { signal: opts.signal });
  }
  /** 3.9+ (metadata 3.43+). Answers the backup as read back after the change. */
  async updateBackup(backup: Ref, attrs: VolumeBackupUpdateAttrs, opts: CallOptions = {}) {
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
  /** Restores onto a new volume, or onto `volume_id`; follow the volume with `waitForVolume`. */
  async restoreBackup(backup: Ref, target: v.InferInput<typeof s.VolumeBackupRestore> = {}, opts: CallOptions = {}) {
    const body = { restore: validateInput(s.VolumeBackupRestore, target, 'target') };
    const res = await this.request({ ...opts, method: 'POST', path: `/backups/${seg(idOf(backup, 'backup'))}/restore`, body });
    return parseResponse(s.VolumeBackupRestoreResult, res.data, 'backup restore').restore;
  }
  // --- Attachments ---

  /**
   * Cinder's attachment records (3.27+), e.g. `attachments({ volume_id })`. Attach and detach
   * through the compute service's volume attachments, which create and remove these.
   */
  attachments(filters?: Filters<s.BlockStorageAttachment>, opts: ListOptions = {}) {
    return this._list(r.attachments, toQuery(filters, cinderQuery), { ...opts, minMicroversion: '3.27' } as ListOptions);
  }
  /** One attachment record by id (3.27+). */
  getAttachment(attachment: Ref, opts: CallOptions = {}) {
    const spec: RequestSpec = { ...opts, minMicroversion: '3.27' };
    return this._get(r.attachments, attachment, spec);
  }

  // --- Quotas, limits, zones, services ---

  /** A project's limits with usage: `{ volumes: { limit, in_use, reserved }, ... }`. */
  getQuotaSetUsage(project: Ref, opts: CallOptions = {}) {
    return this._get(r.quotaUsage, project, { ...opts, query: { usage: true } });
  }
  /** The limits a project gets unless told otherwise. */
  async getDefaultQuotaSet(project: Ref, opts?: CallOptions) {
    return this._get(r.quotaSets, project, opts, `/os-quota-sets/${seg(idOf(project, 'project'))}/defaults`);
  }
  /** Limits and usage of the current project. */
  async getLimits(opts: CallOptions = {}) {
    const res = await this.request({ ...opts, path: '/limits' });
    return this.one(r.limits, res.data);
  }
  /** Cinder's availability zones (the list takes no filters). */
  availabilityZones(filters?: Record<string, never>, opts?: ListOptions): Paged<s.VolumeAvailabilityZone>;
  /** @deprecated Call options go second now: `availabilityZones({}, opts)`. */
  availabilityZones(opts: CallOptions): Paged<s.VolumeAvailabilityZone>;
  availabilityZones(filters?: object, opts?: ListOptions) {
    // Nothing filters this list, so a first argument alone is call options: the released form, deprecated.
    return this._list(r.availabilityZones, {}, opts ?? filters);
  }

  // --- Metadata helpers shared by volumes and snapshots ---

  private async metadata(def: ResourceDef, ref: Ref, method: string, metadata: unknown, opts: CallOptions = {}): Promise<Record<string, string>> {
    const body = metadata === undefined ? undefined : { metadata: validateInput(MetadataInput, metadata, 'metadata') };
    const res = await this.request({ ...opts, method, path: `${def.path}/${seg(idOf(ref))}/metadata`, body });
    return parseResponse(MetadataBody, res.data, `${def.name} metadata`).metadata;
  }
  private async deleteMetadataKey(def: ResourceDef, ref: Ref, key: string, opts?: DeleteOptions): Promise<void> {
    return this._delete(def, key, opts, `${def.path}/${seg(idOf(ref))}/metadata/${seg(idOf(key, 'key'))}`);
  }
}
