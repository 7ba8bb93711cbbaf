import * as v from 'valibot';
import { bool, links, metadata, MetadataInput, sizeGiB, str } from './common.js';

/** Where a volume is attached, as the volume tells it. */
export const VolumeAttachmentInfo = v.looseObject({
  id: v.optional(v.string()),
  attachment_id: str,
  volume_id: str,
  server_id: str,
  host_name: str,
  device: str,
  attached_at: str,
});

/** Schema of a Cinder volume as the cloud returns it (loose: newer fields pass through). */
export const Volume = v.looseObject({
  id: v.string(),
  name: v.nullable(v.string()),
  /** `creating`, `available`, `in-use`, `extending`, `error`, `deleting`... */
  status: v.string(),
  size: v.number(),
  availability_zone: str,
  description: str,
  volume_type: str,
  volume_type_id: str,
  snapshot_id: str,
  source_volid: str,
  backup_id: str,
  metadata,
  /** Cinder sends `"true"` or `"false"`. */
  bootable: v.optional(v.union([v.string(), v.boolean()])),
  encrypted: bool,
  multiattach: bool,
  attachments: v.optional(v.array(VolumeAttachmentInfo)),
  user_id: str,
  'os-vol-tenant-attr:tenant_id': str,
  'os-vol-host-attr:host': str,
  migration_status: str,
  replication_status: str,
  group_id: str,
  volume_image_metadata: v.optional(v.nullable(v.record(v.string(), v.unknown()))),
  created_at: str,
  updated_at: str,
  links,
});
/** A Cinder volume, as the cloud returns it. */
export type Volume = v.InferOutput<typeof Volume>;

/** Schema of a new Cinder volume's attributes, checked before the create request is sent. */
export const VolumeCreate = v.pipe(
  v.looseObject({
    /** GiB; may be left out when copying a snapshot, a volume or a backup (their size is used). */
    size: v.optional(sizeGiB),
    name: v.optional(v.string()),
    description: v.optional(v.string()),
    volume_type: v.optional(v.string()),
    availability_zone: v.optional(v.string()),
    /** Image to copy onto the volume (it then becomes bootable). */
    imageRef: v.optional(v.string()),
    snapshot_id: v.optional(v.string()),
    source_volid: v.optional(v.string()),
    /** 3.47+. */
    backup_id: v.optional(v.string()),
    metadata: v.optional(MetadataInput),
    multiattach: v.optional(v.boolean()),
    group_id: v.optional(v.string()),
  }),
  v.forward(
    v.check(
      (a) => a.size !== undefined || a.snapshot_id !== undefined || a.source_volid !== undefined || a.backup_id !== undefined,
      'a size is required (unless copying a snapshot, a volume or a backup)',
    ),
    ['size'],
  ),
);
/** Schema of what an update of a Cinder volume can change, checked before the request is sent. */
export const VolumeUpdate = v.looseObject({
  name: v.optional(v.string()),
  description: v.optional(v.string()),
  metadata: v.optional(MetadataInput),
});

/** A Cinder attachment record (`/attachments`, 3.27+). */
export const BlockStorageAttachment = v.looseObject({
  id: v.string(),
  status: v.string(),
  volume_id: v.string(),
  instance: str,
  attach_mode: str,
  attached_at: str,
  detached_at: str,
  connection_info: v.optional(v.nullable(v.record(v.string(), v.unknown()))),
});
export type BlockStorageAttachment = v.InferOutput<typeof BlockStorageAttachment>;
