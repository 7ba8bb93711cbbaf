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
export const SwiftObject = v.looseObject({
  name: v.string(),
  hash: v.string(),
  bytes: v.number(),
  content_type: v.string(),
  last_modified: v.string(),
  /** Set on Static Large Object manifests: the ETag of the whole object. */
  slo_etag: v.optional(v.string()),
});
export type SwiftObject = v.InferOutput<typeof SwiftObject>;

/** A pseudo-folder of a listing made with a `delimiter`: the shared prefix, ending with the delimiter. */
export const SwiftPseudoFolder = v.looseObject({ subdir: v.string() });
export type SwiftPseudoFolder = v.InferOutput<typeof SwiftPseudoFolder>;

/** A listing page: a JSON array. */
export const ListShape = v.array(v.unknown());

export const SwiftListEntry = v.union([SwiftObject, SwiftPseudoFolder]);
export type SwiftListEntry = v.InferOutput<typeof SwiftListEntry>;

/** True for a pseudo-folder entry of a listing made with a `delimiter`. */
export function isSwiftPseudoFolder(e: SwiftListEntry): e is SwiftPseudoFolder {
  return typeof e.subdir === 'string' && e.name === undefined;
}

/** `GET /info`: the cluster's capabilities; each middleware adds its own section. */
export const SwiftInfo = v.looseObject({
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
export type SwiftInfo = v.InferOutput<typeof SwiftInfo>;

/** Swift's documented default limits; a name or metadata outside them is refused before sending. */
export const LIMITS = {
  containerName: 256,
  objectName: 1024,
  metaName: 128,
  metaValue: 256,
  metaCount: 90,
  metaOverall: 4096,
} as const;

export const ContainerName = v.pipe(
  v.string('a container name is required'),
  v.nonEmpty('a container name is required'),
  v.maxBytes(LIMITS.containerName, `must be at most ${LIMITS.containerName} bytes`),
  v.check((s) => !s.includes('/'), "must not contain '/'"),
);

export const ObjectName = v.pipe(
  v.string('an object name is required'),
  v.nonEmpty('an object name is required'),
  v.maxBytes(LIMITS.objectName, `must be at most ${LIMITS.objectName} bytes (UTF-8)`),
);

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** User metadata: names are header tokens, values single-line strings, within Swift's limits. */
export const Metadata = v.pipe(
  v.record(
    v.pipe(
      v.string(),
      v.regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'metadata names must be header tokens (letters, digits, - _ . and the like)'),
      v.maxBytes(LIMITS.metaName, `metadata names must be at most ${LIMITS.metaName} bytes`),
    ),
    v.pipe(
      v.string('metadata values must be strings'),
      v.check((s) => !/[\r\n]/.test(s), 'metadata values must be one line'),
      v.maxBytes(LIMITS.metaValue, `metadata values must be at most ${LIMITS.metaValue} bytes`),
    ),
  ),
  v.check((m) => Object.keys(m).length <= LIMITS.metaCount, `at most ${LIMITS.metaCount} metadata items`),
  v.check(
    (m) => Object.entries(m).reduce((n, [k, val]) => n + utf8Length(k) + utf8Length(val), 0) <= LIMITS.metaOverall,
    `metadata must total at most ${LIMITS.metaOverall} bytes`,
  ),
);

const positiveInt = (what: string) => v.pipe(v.number(), v.integer(`${what} must be a whole number`), v.minValue(1, `${what} must be 1 or more`));

/** Numeric upload options. */
export const UploadLimits = v.object({
  segmentSize: v.optional(positiveInt('segmentSize')),
  concurrency: v.optional(positiveInt('concurrency')),
  largeObjectThreshold: v.optional(v.pipe(v.number(), v.minValue(0, 'must be 0 or more'))),
  deleteAfter: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0, 'must be 0 or more seconds'))),
});
