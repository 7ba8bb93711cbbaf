import * as v from 'valibot';

/** Glance v2 image statuses. */
export type ImageStatus = 'queued' | 'saving' | 'uploading' | 'importing' | 'active' | 'deactivated' | 'killed' | 'deleted' | 'pending_delete';

/**
 * A Glance v2 image. Custom properties (`os_distro`, `hw_disk_bus`...) are top-level keys and pass
 * through because the schema is loose.
 */
export const Image = v.looseObject({
  id: v.string(),
  name: v.nullable(v.string()),
  status: v.string(),
  visibility: v.optional(v.string()),
  protected: v.optional(v.boolean()),
  os_hidden: v.optional(v.boolean()),
  owner: v.optional(v.nullable(v.string())),
  tags: v.optional(v.array(v.string())),
  container_format: v.optional(v.nullable(v.string())),
  disk_format: v.optional(v.nullable(v.string())),
  size: v.optional(v.nullable(v.number())),
  virtual_size: v.optional(v.nullable(v.number())),
  /** MD5 of the data (legacy, still set by most clouds). */
  checksum: v.optional(v.nullable(v.string())),
  /** Algorithm of `os_hash_value` (the cloud's `hashing_algorithm`, sha512 by default). */
  os_hash_algo: v.optional(v.nullable(v.string())),
  os_hash_value: v.optional(v.nullable(v.string())),
  min_disk: v.optional(v.number()),
  min_ram: v.optional(v.number()),
  created_at: v.optional(v.string()),
  updated_at: v.optional(v.string()),
  /** Stores holding the data (multi-store clouds), comma separated. */
  stores: v.optional(v.string()),
  self: v.optional(v.string()),
  file: v.optional(v.string()),
  schema: v.optional(v.string()),
});
export type Image = v.InferOutput<typeof Image>;

const visibility = v.picklist(['public', 'private', 'shared', 'community']);

/** Attributes of a new image; any other key becomes a custom property. */
export const ImageCreate = v.looseObject({
  name: v.optional(v.string()),
  id: v.optional(v.string()),
  container_format: v.optional(v.string()),
  disk_format: v.optional(v.string()),
  visibility: v.optional(visibility),
  protected: v.optional(v.boolean()),
  os_hidden: v.optional(v.boolean()),
  tags: v.optional(v.array(v.string())),
  min_disk: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  min_ram: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
/** The attributes of a new Glance image: the input of `ImageCreate`. */
export type ImageAttrs = v.InferInput<typeof ImageCreate>;

/** One JSON patch operation on an image (`application/openstack-images-v2.1-json-patch`). */
export const ImagePatchOp = v.union([
  v.object({ op: v.picklist(['add', 'replace']), path: v.pipe(v.string(), v.startsWith('/')), value: v.unknown() }),
  v.object({ op: v.literal('remove'), path: v.pipe(v.string(), v.startsWith('/')) }),
]);
export type ImagePatchOp = v.InferOutput<typeof ImagePatchOp>;
/** Schema of a JSON patch of an image (RFC 6902 operations), as Glance's update takes it. */
export const ImagePatch = v.array(ImagePatchOp);

/** A project an image is shared with. */
export const ImageMember = v.looseObject({
  image_id: v.string(),
  member_id: v.string(),
  status: v.string(),
  created_at: v.optional(v.string()),
  updated_at: v.optional(v.string()),
  schema: v.optional(v.string()),
});
export type ImageMember = v.InferOutput<typeof ImageMember>;

/** `GET /v2/info/import`: which interoperable import methods the cloud enables. */
export const ImageImportInfo = v.looseObject({
  'import-methods': v.looseObject({
    description: v.optional(v.string()),
    type: v.optional(v.string()),
    value: v.array(v.string()),
  }),
});
export type ImageImportInfo = v.InferOutput<typeof ImageImportInfo>;

const flag = v.pipe(v.union([v.boolean(), v.string()]), v.transform((x) => x === true || x === 'true'));

/** A backing store of a multi-store cloud (`GET /v2/info/stores`). */
export const ImageStore = v.looseObject({
  id: v.string(),
  description: v.optional(v.string()),
  /** Glance sends `"true"` as a string here; read as a boolean. */
  default: v.optional(flag),
  read_only: v.optional(flag),
});
export type ImageStore = v.InferOutput<typeof ImageStore>;
