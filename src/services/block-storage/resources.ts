import type { ResourceDef } from '../../resource/proxy.js';
import * as s from './schemas/index.js';

/** Cinder replaces attributes with PUT. */
const cinder = { updateMethod: 'PUT' } as const;

export const volumes = {
  name: 'volume',
  path: '/volumes',
  listPath: '/volumes/detail',
  key: 'volume',
  listKey: 'volumes',
  schema: s.Volume,
  createSchema: s.VolumeCreate,
  updateSchema: s.VolumeUpdate,
  ...cinder,
} satisfies ResourceDef;

export const snapshots = {
  name: 'volume snapshot',
  path: '/snapshots',
  listPath: '/snapshots/detail',
  key: 'snapshot',
  listKey: 'snapshots',
  schema: s.VolumeSnapshot,
  createSchema: s.VolumeSnapshotCreate,
  updateSchema: s.VolumeSnapshotUpdate,
  ...cinder,
} satisfies ResourceDef;

export const types = {
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
} satisfies ResourceDef;

export const backups = {
  name: 'volume backup',
  path: '/backups',
  listPath: '/backups/detail',
  key: 'backup',
  listKey: 'backups',
  schema: s.VolumeBackup,
  createSchema: s.VolumeBackupCreate,
  updateSchema: s.VolumeBackupUpdate,
  ...cinder,
} satisfies ResourceDef;

export const attachments = {
  name: 'volume attachment',
  path: '/attachments',
  listPath: '/attachments/detail',
  key: 'attachment',
  listKey: 'attachments',
  schema: s.BlockStorageAttachment,
} satisfies ResourceDef;

export const quotaSets = {
  name: 'volume quota set',
  path: '/os-quota-sets',
  key: 'quota_set',
  listKey: null,
  schema: s.VolumeQuotaSet,
  updateSchema: s.VolumeQuotaUpdate,
  ...cinder,
} satisfies ResourceDef;

export const quotaUsage = { ...quotaSets, schema: s.VolumeQuotaSetUsage } satisfies ResourceDef;

export const limits = {
  name: 'block storage limits',
  path: '/limits',
  key: 'limits',
  listKey: null,
  schema: s.BlockStorageLimits,
} satisfies ResourceDef;

export const availabilityZones = {
  name: 'volume availability zone',
  path: '/os-availability-zone',
  key: null,
  listKey: 'availabilityZoneInfo',
  schema: s.VolumeAvailabilityZone,
} satisfies ResourceDef;

export const services = {
  name: 'volume service',
  path: '/os-services',
  key: null,
  listKey: 'services',
  schema: s.VolumeService,
} satisfies ResourceDef;
