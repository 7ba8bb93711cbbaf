import { defineResource, filters } from '../../resource/declare.js';
import type { CinderFilters } from './schemas/common.js';
import * as s from './schemas/index.js';

/** Cinder replaces attributes with PUT, and its lists take sorting, `all_tenants` and metadata. */
const cinder = { updateMethod: 'PUT', filters: filters<CinderFilters>() } as const;

/** Statuses a volume ends up in when an operation failed. */
const VOLUME_FAILURES = ['error', 'error_extending', 'error_restoring', 'error_managing', 'error_backing-up'];

/**
 * Volumes, listed with details (`volumes({ status: 'available', metadata: { role: 'db' } })`). A new
 * one is empty (`size`) or copied from an image (`imageRef`), a snapshot (`snapshot_id`), another
 * volume (`source_volid`) or a backup (`backup_id`); it starts `creating`, and `waitForVolume`
 * follows it to `available` (or `status`, e.g. `'in-use'`), failing on an `error*` status.
 * `deleteVolume` is the proxy's own (cascade, force).
 */
export const volumes = defineResource({
  one: 'Volume',
  many: 'volumes',
  ops: ['list', 'get', 'find', 'create', 'update', 'waitFor', 'waitForDelete'],
  wait: { status: 'available', failures: VOLUME_FAILURES },
  name: 'volume',
  path: '/volumes',
  listPath: '/volumes/detail',
  key: 'volume',
  listKey: 'volumes',
  schema: s.Volume,
  createSchema: s.VolumeCreate,
  updateSchema: s.VolumeUpdate,
  ...cinder,
});

/** Snapshots of volumes: `createSnapshot` takes `force: true` for an attached volume; a new one starts `creating`. */
export const snapshots = defineResource({
  one: 'Snapshot',
  many: 'snapshots',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete', 'waitFor', 'waitForDelete'],
  wait: { status: 'available', failures: ['error'] },
  name: 'volume snapshot',
  path: '/snapshots',
  listPath: '/snapshots/detail',
  key: 'snapshot',
  listKey: 'snapshots',
  schema: s.VolumeSnapshot,
  createSchema: s.VolumeSnapshotCreate,
  updateSchema: s.VolumeSnapshotUpdate,
  ...cinder,
});

/**
 * Volume types: `getVolumeType` takes an id or a name. Creating (e.g. `{ name, extra_specs: {
 * volume_backend_name: 'fast' } }`), changing and deleting types is for admins; deleting one fails
 * with BadRequestError while volumes use it.
 */
export const types = defineResource({
  one: 'VolumeType',
  many: 'volumeTypes',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  name: 'volume type',
  path: '/types',
  key: 'volume_type',
  listKey: 'volume_types',
  schema: s.VolumeType,
  createSchema: s.VolumeTypeCreate,
  updateSchema: s.VolumeTypeUpdate,
  // Cinder reads a type by id or by name, but does not filter the list by name.
  nameFilter: null,
  ...cinder,
  filters: filters<CinderFilters & { is_public?: boolean | 'None' }>(),
});

/**
 * Backups of volumes. Create, update and delete are the proxy's own: Cinder answers a create with
 * the id only, updates need microversions, and deleting can force.
 */
export const backups = defineResource({
  one: 'Backup',
  many: 'backups',
  ops: ['list', 'get', 'find', 'waitFor', 'waitForDelete'],
  wait: { status: 'available', failures: ['error'] },
  name: 'volume backup',
  path: '/backups',
  listPath: '/backups/detail',
  key: 'backup',
  listKey: 'backups',
  schema: s.VolumeBackup,
  createSchema: s.VolumeBackupCreate,
  updateSchema: s.VolumeBackupUpdate,
  ...cinder,
});

/** Read by `attachments` and `getAttachment`, which need microversion 3.27. */
export const attachments = defineResource({
  one: 'Attachment',
  many: 'attachments',
  ops: [],
  name: 'volume attachment',
  path: '/attachments',
  listPath: '/attachments/detail',
  key: 'attachment',
  listKey: 'attachments',
  schema: s.BlockStorageAttachment,
});

/** A project's limits; setting them (`{ volumes: 20, gigabytes: -1 }`, `-1` is unlimited) and going back to the defaults are for admins. */
export const quotaSets = defineResource({
  one: 'QuotaSet',
  many: 'quotaSets',
  ops: ['get', 'update', 'delete'],
  name: 'volume quota set',
  path: '/os-quota-sets',
  key: 'quota_set',
  listKey: null,
  schema: s.VolumeQuotaSet,
  updateSchema: s.VolumeQuotaUpdate,
  ...cinder,
});

/** A quota set with usage, read by `getQuotaSetUsage`. */
export const quotaUsage = defineResource({ ...quotaSets, schema: s.VolumeQuotaSetUsage, ops: [] });

/** The current project's limits and usage, read by `getLimits`. */
export const limits = defineResource({
  one: 'Limits',
  many: 'limits',
  ops: [],
  name: 'block storage limits',
  path: '/limits',
  key: 'limits',
  listKey: null,
  schema: s.BlockStorageLimits,
});

/** Listed by `availabilityZones`. */
export const availabilityZones = defineResource({
  one: 'AvailabilityZone',
  many: 'availabilityZones',
  ops: [],
  name: 'volume availability zone',
  path: '/os-availability-zone',
  key: null,
  listKey: 'availabilityZoneInfo',
  schema: s.VolumeAvailabilityZone,
});

/** Cinder's services and their state (admin), e.g. `services({ binary: 'cinder-volume' })`. */
export const services = defineResource({
  one: 'Service',
  many: 'services',
  ops: ['list'],
  name: 'volume service',
  path: '/os-services',
  key: null,
  listKey: 'services',
  schema: s.VolumeService,
});
