import * as v from 'valibot';
import { bool, links, metadata, MetadataInput, num, str } from './common.js';

/** Schema of a Cinder volume backup as the cloud returns it (loose: newer fields pass through). */
export const VolumeBackup = v.looseObject({
  id: v.string(),
  name: v.nullable(v.string()),
  /** `creating`, `available`, `restoring`, `deleting`, `error`... */
  status: v.string(),
  size: num,
  volume_id: v.string(),
  snapshot_id: str,
  description: str,
  container: str,
  availability_zone: str,
  object_count: num,
  is_incremental: bool,
  has_dependent_backups: bool,
  fail_reason: str,
  data_timestamp: str,
  metadata,
  'os-backup-project-attr:project_id': str,
  user_id: str,
  created_at: str,
  updated_at: str,
  links,
});
/** A Cinder volume backup, as the cloud returns it. */
export type VolumeBackup = v.InferOutput<typeof VolumeBackup>;

/** Schema of a new Cinder volume backup's attributes, checked before the create request is sent. */
export const VolumeBackupCreate = v.looseObject({
  volume_id: v.pipe(v.string(), v.nonEmpty('a volume id is required')),
  name: v.optional(v.string()),
  description: v.optional(v.string()),
  container: v.optional(v.string()),
  incremental: v.optional(v.boolean()),
  /** Back up an attached (`in-use`) volume. */
  force: v.optional(v.boolean()),
  snapshot_id: v.optional(v.string()),
  /** 3.43+. */
  metadata: v.optional(MetadataInput),
  availability_zone: v.optional(v.string()),
});
/** 3.9+ (metadata 3.43+). */
export const VolumeBackupUpdate = v.looseObject({
  name: v.optional(v.string()),
  description: v.optional(v.string()),
  metadata: v.optional(MetadataInput),
});
/** What creating or updating a backup answers: the id and name only. */
export const VolumeBackupSummary = v.looseObject({ id: v.string(), name: str });

/** Schema of what a backup restore takes: the volume to restore onto (a new one when left out) and its name. */
export const VolumeBackupRestore = v.looseObject({
  /** Restore onto this volume; a new one is made when left out. */
  volume_id: v.optional(v.string()),
  name: v.optional(v.string()),
});
/** Schema of Cinder's answer to a backup restore. */
export const VolumeBackupRestoreResult = v.looseObject({
  restore: v.looseObject({ backup_id: v.string(), volume_id: v.string(), volume_name: str }),
});
/** What a backup restore answers: the backup, and the volume restored onto. */
export type VolumeBackupRestoreResult = v.InferOutput<typeof VolumeBackupRestoreResult>['restore'];
