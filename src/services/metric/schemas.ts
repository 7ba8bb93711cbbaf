import * as v from 'valibot';

/** Gnocchi names archive policies, rules and resource types by name: `id` is that name, so they take a ref like any resource. */
const named = <S extends v.ObjectEntries>(entries: S) =>
  v.pipe(
    v.looseObject({ name: v.string(), ...entries }),
    v.transform((o) => ({ ...o, id: o.name as string })),
  );

/** One level of an archive policy: how fine (`granularity`) and for how long (`timespan` or `points`). */
export const ArchivePolicyItem = v.looseObject({
  /** `0:05:00` as Gnocchi answers; seconds or `5min` as it accepts. */
  granularity: v.union([v.string(), v.number()]),
  timespan: v.optional(v.nullable(v.union([v.string(), v.number()]))),
  points: v.optional(v.nullable(v.number())),
});

/** How long measures are kept at which granularity, and which aggregations are computed. */
export const ArchivePolicy = named({
  back_window: v.optional(v.number()),
  definition: v.array(ArchivePolicyItem),
  aggregation_methods: v.optional(v.array(v.string())),
});
export type ArchivePolicy = v.InferOutput<typeof ArchivePolicy>;

const granularityIn = v.union([v.pipe(v.string(), v.nonEmpty()), v.pipe(v.number(), v.minValue(0, 'must be more than 0'))]);
const ArchivePolicyItemIn = v.object({
  granularity: granularityIn,
  timespan: v.optional(granularityIn),
  points: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

/** A new archive policy (admin only by default). */
export const ArchivePolicyCreate = v.looseObject({
  name: v.pipe(v.string(), v.nonEmpty()),
  back_window: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  definition: v.pipe(v.array(ArchivePolicyItemIn), v.minLength(1, 'needs at least one level')),
  aggregation_methods: v.optional(v.array(v.string())),
});
/** What can change in an archive policy: its levels (same granularities), and its aggregation methods. */
export const ArchivePolicyUpdate = v.looseObject({
  definition: v.optional(v.pipe(v.array(ArchivePolicyItemIn), v.minLength(1))),
  aggregation_methods: v.optional(v.array(v.string())),
});

/** Which archive policy a new metric gets when none is named: the first rule whose pattern matches its name. */
export const ArchivePolicyRule = named({
  archive_policy_name: v.string(),
  metric_pattern: v.string(),
});
export type ArchivePolicyRule = v.InferOutput<typeof ArchivePolicyRule>;
/** A new archive policy rule: its name, the policy, and the pattern of metric names it applies to. */
export const ArchivePolicyRuleCreate = v.looseObject({
  name: v.pipe(v.string(), v.nonEmpty()),
  archive_policy_name: v.pipe(v.string(), v.nonEmpty()),
  metric_pattern: v.pipe(v.string(), v.nonEmpty()),
});
/** A rule can only be renamed. */
export const ArchivePolicyRuleUpdate = v.object({ name: v.pipe(v.string(), v.nonEmpty()) });

/** An attribute of a resource type: `{ type: 'string', required: false, max_length: 255 }`. */
export const MetricResourceTypeAttribute = v.looseObject({
  type: v.string(),
  required: v.optional(v.boolean()),
});

/** A kind of resource with its own attributes (`generic` has none). */
export const MetricResourceType = named({
  attributes: v.optional(v.record(v.string(), MetricResourceTypeAttribute)),
  state: v.optional(v.string()),
});
export type MetricResourceType = v.InferOutput<typeof MetricResourceType>;
/** A new resource type: its name and the attributes its resources carry. */
export const MetricResourceTypeCreate = v.looseObject({
  name: v.pipe(v.string(), v.regex(/^[a-zA-Z0-9_:-]+$/, 'letters, digits, "_", ":" and "-" only')),
  attributes: v.optional(v.record(v.string(), v.looseObject({ type: v.picklist(['string', 'uuid', 'number', 'bool', 'datetime']), required: v.optional(v.boolean()) }))),
});
/** One JSON patch operation on a resource type's attributes (`/attributes/<name>`). */
export const MetricResourceTypePatchOp = v.object({
  op: v.picklist(['add', 'remove']),
  path: v.pipe(v.string(), v.startsWith('/attributes/', 'must start with /attributes/')),
  value: v.optional(v.unknown()),
});
export type MetricResourceTypePatchOp = v.InferInput<typeof MetricResourceTypePatchOp>;

/** A Gnocchi resource; typed resources add their type's attributes. `metrics` maps names to metric ids. */
export const MetricResource = v.looseObject({
  id: v.string(),
  type: v.string(),
  /** The id the resource was created with when it was not a UUID (Gnocchi derives a UUID from it). */
  original_resource_id: v.optional(v.nullable(v.string())),
  project_id: v.optional(v.nullable(v.string())),
  user_id: v.optional(v.nullable(v.string())),
  started_at: v.optional(v.nullable(v.string())),
  ended_at: v.optional(v.nullable(v.string())),
  revision_start: v.optional(v.nullable(v.string())),
  revision_end: v.optional(v.nullable(v.string())),
  creator: v.optional(v.nullable(v.string())),
  metrics: v.optional(v.record(v.string(), v.string())),
});
export type MetricResource = v.InferOutput<typeof MetricResource>;

const NewMetric = v.looseObject({ archive_policy_name: v.optional(v.string()), unit: v.optional(v.string()) });
/** A new resource: its id (any string; not a UUID becomes one), its type's attributes, and metrics to create with it. */
export const MetricResourceCreate = v.looseObject({
  id: v.pipe(v.string(), v.nonEmpty()),
  /** Default `generic`. */
  type: v.optional(v.pipe(v.string(), v.nonEmpty())),
  project_id: v.optional(v.string()),
  user_id: v.optional(v.string()),
  started_at: v.optional(v.string()),
  ended_at: v.optional(v.nullable(v.string())),
  /** Metric name to an existing metric id, or to the archive policy of a new metric. */
  metrics: v.optional(v.record(v.string(), v.union([v.string(), NewMetric]))),
});
/** What an update of a resource can change: `ended_at`, its type's attributes, its metrics. */
export const MetricResourceUpdate = v.looseObject({
  ended_at: v.optional(v.nullable(v.string())),
  metrics: v.optional(v.record(v.string(), v.union([v.string(), NewMetric]))),
});

/** A metric: a series of measures kept as its archive policy says. */
export const Metric = v.looseObject({
  id: v.string(),
  name: v.optional(v.nullable(v.string())),
  unit: v.optional(v.nullable(v.string())),
  resource_id: v.optional(v.nullable(v.string())),
  creator: v.optional(v.nullable(v.string())),
  /** The policy's name (an expanded policy object in some versions' single-metric answers). */
  archive_policy_name: v.optional(v.string()),
  archive_policy: v.optional(v.looseObject({ name: v.string() })),
});
export type Metric = v.InferOutput<typeof Metric>;
/** A new metric: its archive policy (or the rules pick it from the name), name, unit and resource. */
export const MetricCreate = v.looseObject({
  /** Default: the archive policy rules decide from the name. */
  archive_policy_name: v.optional(v.pipe(v.string(), v.nonEmpty())),
  name: v.optional(v.string()),
  unit: v.optional(v.pipe(v.string(), v.maxLength(31))),
  resource_id: v.optional(v.string()),
});

/** What the measure processing daemon has still to do. */
export const MetricStatus = v.looseObject({
  storage: v.looseObject({
    summary: v.looseObject({ metrics: v.number(), measures: v.number() }),
  }),
  metricd: v.optional(v.looseObject({ processors: v.optional(v.nullable(v.array(v.string()))) })),
});
export type MetricStatus = v.InferOutput<typeof MetricStatus>;
