import * as v from 'valibot';
import { links, metadata, MetadataInput, str } from './common.js';

/** Schema of a Cinder volume snapshot as the cloud returns it (loose: newer fields pass through). */
export const VolumeSnapshot = v.looseObject({
  id: v.string(),
  name: v.nullable(v.string()),
  /** `creating`, `available`, `deleting`, `error`... */
  status: v.string(),
  size: v.number(),
  volume_id: v.string(),
  description: str,
  metadata,
  user_id: str,
  group_snapshot_id: str,
  'os-extended-snapshot-attributes:progress': str,
  'os-extended-snapshot-attributes:project_id': str,
  created_at: str,
  updated_at: str,
  links,
});
/** A Cinder volume snapshot, as the cloud returns it. */
export type VolumeSnapshot = v.InferOutput<typeof VolumeSnapshot>;

/** Schema of a new Cinder volume snapshot's attributes, checked before the create request is sent. */
export const VolumeSnapshotCreate = v.looseObject({
  volume_id: v.pipe(v.string(), v.nonEmpty('a volume id is required')),
  name: v.optional(v.string()),
  description: v.optional(v.string()),
  /** Snapshot an attached (`in-use`) volume. */
  force: v.optional(v.boolean()),
  metadata: v.optional(MetadataInput),
});
/** Schema of what an update of a Cinder volume snapshot can change, checked before the request is sent. */
export const VolumeSnapshotUpdate = v.looseObject({
  name: v.optional(v.string()),
  description: v.optional(v.string()),
});
