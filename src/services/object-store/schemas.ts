import * as v from 'valibot';

/**
 * Swift's shapes. Listings are JSON (`format=json`) and keep Swift's field names; HEAD results are
 * built from headers into objects that reuse those names where they overlap (`name`, `bytes`,
 * `hash`, `content_type`, `last_modified`).
 */

/** One entry of an account listing. */
export const ObjectStoreContainer = v.looseObject({
  name: v.string(),
  count: v.number(),
  bytes: v.number(),
  last_modified: v.optional(v.string()),
});
export type ObjectStoreContainer = v.InferOutput<typeof ObjectStoreContainer>;

/** One object of a container listing. */
export const ObjectStoreObject = v.looseObject({
  name: v.string(),
  hash: v.string(),
  bytes: v.number(),
  content_type: v.string(),
  last_modified: v.string(),
  /** Set on Static Large Object manifests: the ETag of the whole object. */
  slo_etag: v.optional(v.string()),
});
export type ObjectStoreObject = v.InferOutput<typeof ObjectStoreObject>;

/** A pseudo-folder of a listing made with a `delimiter`: the shared prefix, ending with the delimiter. */
export const ObjectStorePseudoFolder = v.looseObject({ subdir: v.string() });
export type ObjectStorePseudoFolder = v.InferOutput<typeof ObjectStorePseudoFolder>;

/** A listing page: a JSON array. */
export const ListShape = v.array(v.unknown());

/** An entry of a container listing: an object, or a pseudo-folder when listing with a delimiter. */
export const ObjectStoreListEntry = v.union([ObjectStoreObject, ObjectStorePseudoFolder]);
export type ObjectStoreListEntry = v.InferOutput<typeof ObjectStoreListEntry>;

/** True for a pseudo-folder entry of a listing made with a `delimiter`. */
export function isSwiftPseudoFolder(e: ObjectStoreListEntry): e is ObjectStorePseudoFolder {
  return typeof e.subdir === 'string' && e.name === undefined;
}

/** `GET /info`: the cluster's capabilities; each middleware adds its own section. */
export const ObjectStoreInfo = v.looseObject({
  swift: v.optional(
    v.looseObject({
      version: v.optional(v.string()),
      max_file_size: v.optional(v.number()),
      max_object_name_length: v.optional(v.number()),
      max_meta_name_length: v.optional(v.number()),
      max_meta_value_length: v.optional(v.number()),
      max_meta_count: v.optional(v.number()),
      max_meta_overall_size: v.optional(v.number()),
      container_listing_limit: v.optional(v.number()),
    }),
  ),
  slo: v.optional(
    v.looseObject({
      max_manifest_segments: v.optional(v.number()),
      min_segment_size: v.optional(v.number()),
    }),
  ),
  bulk_delete: v.optional(v.looseObject({ max_deletes_per_request: v.optional(v.number()) })),
  tempurl: v.optional(v.looseObject({ methods: v.optional(v.array(v.string())), allowed_digests: v.optional(v.array(v.string())) })),
  formpost: v.optional(v.looseObject({ allowed_digests: v.optional(v.array(v.string())) })),
});
export type ObjectStoreInfo = v.InferOutput<typeof ObjectStoreInfo>;

/** Swift's documented default limits; a name or metadata outside them is refused before sending (names.ts, headers.ts). */
export const LIMITS = {
  containerName: 256,
  objectName: 1024,
  metaName: 128,
  metaValue: 256,
  metaCount: 90,
  metaOverall: 4096,
} as const;
