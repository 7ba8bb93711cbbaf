import * as v from 'valibot';
import { num, str } from './common.js';

/** A project's limits; per-type keys (`volumes_<type>`) pass through. `-1` is unlimited. */
export const VolumeQuotaSet = v.looseObject({
  id: v.optional(v.string()),
  volumes: num,
  snapshots: num,
  gigabytes: num,
  backups: num,
  backup_gigabytes: num,
  per_volume_gigabytes: num,
  groups: num,
});
export type VolumeQuotaSet = v.InferOutput<typeof VolumeQuotaSet>;
/** Schema of a Cinder quota update: limits by name (-1 for unlimited). */
export const VolumeQuotaUpdate = v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(-1, 'must be -1 (unlimited) or more')));

/** Schema of one Cinder quota with its usage: limit, in use, reserved and allocated. */
export const VolumeQuotaUsage = v.looseObject({ limit: v.number(), in_use: v.number(), reserved: num, allocated: num });
/** Limits with usage: `{ volumes: { limit, in_use, reserved }, ... }`. */
export const VolumeQuotaSetUsage = v.objectWithRest({ id: v.optional(v.string()) }, VolumeQuotaUsage);
export type VolumeQuotaSetUsage = v.InferOutput<typeof VolumeQuotaSetUsage>;

/** Schema of Cinder's absolute limits and their usage (`GET /limits`). */
export const BlockStorageLimits = v.looseObject({
  rate: v.optional(v.array(v.unknown())),
  absolute: v.looseObject({
    maxTotalVolumes: num,
    maxTotalSnapshots: num,
    maxTotalVolumeGigabytes: num,
    maxTotalBackups: num,
    maxTotalBackupGigabytes: num,
    totalVolumesUsed: num,
    totalGigabytesUsed: num,
    totalSnapshotsUsed: num,
    totalBackupsUsed: num,
    totalBackupGigabytesUsed: num,
  }),
});
/** Cinder's absolute limits and their usage (`GET /limits`). */
export type BlockStorageLimits = v.InferOutput<typeof BlockStorageLimits>;

/** Schema of a Cinder volume availability zone as the cloud returns it (loose: newer fields pass through). */
export const VolumeAvailabilityZone = v.looseObject({
  zoneName: v.string(),
  zoneState: v.looseObject({ available: v.boolean() }),
});
/** A Cinder volume availability zone, as the cloud returns it. */
export type VolumeAvailabilityZone = v.InferOutput<typeof VolumeAvailabilityZone>;

/** Schema of a Cinder volume service as the cloud returns it (loose: newer fields pass through). */
export const VolumeService = v.looseObject({
  binary: v.string(),
  host: v.string(),
  zone: str,
  /** `enabled` or `disabled`. */
  status: v.string(),
  /** `up` or `down`. */
  state: v.string(),
  updated_at: str,
  disabled_reason: str,
  cluster: str,
  backend_state: str,
  replication_status: str,
  frozen: v.optional(v.nullable(v.boolean())),
});
/** A Cinder volume service, as the cloud returns it. */
export type VolumeService = v.InferOutput<typeof VolumeService>;
