import * as v from 'valibot';

/** An alarm's state: `ok`, `alarm` or `insufficient data`. */
export const AlarmState = v.picklist(['ok', 'alarm', 'insufficient data']);
export type AlarmState = v.InferOutput<typeof AlarmState>;

/** The alarm types of Aodh with Gnocchi (the plain `threshold` type is gone). */
export const ALARM_TYPES = [
  'gnocchi_resources_threshold',
  'gnocchi_aggregation_by_metrics_threshold',
  'gnocchi_aggregation_by_resources_threshold',
  'composite',
  'event',
  'loadbalancer_member_health',
] as const;

/**
 * An Aodh alarm; its rule is under `<type>_rule` (`gnocchi_resources_threshold_rule`,
 * `composite_rule`...). `id` is Aodh's `alarm_id`, so that it takes a ref like any resource.
 */
export const Alarm = v.pipe(
  v.looseObject({
    alarm_id: v.string(),
    name: v.string(),
    type: v.string(),
    state: v.string(),
    state_reason: v.optional(v.nullable(v.string())),
    state_timestamp: v.optional(v.nullable(v.string())),
    enabled: v.optional(v.boolean()),
    severity: v.optional(v.string()),
    description: v.optional(v.nullable(v.string())),
    repeat_actions: v.optional(v.boolean()),
    alarm_actions: v.optional(v.array(v.string())),
    ok_actions: v.optional(v.array(v.string())),
    insufficient_data_actions: v.optional(v.array(v.string())),
    project_id: v.optional(v.nullable(v.string())),
    user_id: v.optional(v.nullable(v.string())),
    timestamp: v.optional(v.nullable(v.string())),
  }),
  v.transform((a) => ({ ...a, id: a.alarm_id })),
);
export type Alarm = v.InferOutput<typeof Alarm>;

const comparison = v.picklist(['lt', 'le', 'eq', 'ne', 'ge', 'gt']);
const thresholdFields = {
  threshold: v.pipe(v.number(), v.finite()),
  comparison_operator: v.optional(comparison),
  aggregation_method: v.pipe(v.string(), v.nonEmpty()),
  granularity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  evaluation_periods: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
};
/** Compares one metric of one resource to a threshold. */
export const ResourcesThresholdRule = v.looseObject({
  metric: v.pipe(v.string(), v.nonEmpty()),
  resource_id: v.pipe(v.string(), v.nonEmpty()),
  resource_type: v.pipe(v.string(), v.nonEmpty()),
  ...thresholdFields,
});
/** Compares metrics (by id), aggregated together, to a threshold. */
export const MetricsThresholdRule = v.looseObject({
  metrics: v.pipe(v.array(v.string()), v.minLength(1)),
  ...thresholdFields,
});
/** Compares a metric aggregated across the resources a search finds to a threshold. */
export const ResourcesAggregationThresholdRule = v.looseObject({
  metric: v.pipe(v.string(), v.nonEmpty()),
  resource_type: v.pipe(v.string(), v.nonEmpty()),
  /** A Gnocchi resource search, as JSON text. */
  query: v.string(),
  ...thresholdFields,
});

/** A new alarm: a name, a type and that type's `<type>_rule`; the rule is checked before anything is sent. */
export const AlarmCreate = v.pipe(
  v.looseObject({
    name: v.pipe(v.string(), v.nonEmpty()),
    type: v.picklist(ALARM_TYPES),
    description: v.optional(v.string()),
    enabled: v.optional(v.boolean()),
    state: v.optional(AlarmState),
    severity: v.optional(v.picklist(['low', 'moderate', 'critical'])),
    repeat_actions: v.optional(v.boolean()),
    alarm_actions: v.optional(v.array(v.string())),
    ok_actions: v.optional(v.array(v.string())),
    insufficient_data_actions: v.optional(v.array(v.string())),
    gnocchi_resources_threshold_rule: v.optional(ResourcesThresholdRule),
    gnocchi_aggregation_by_metrics_threshold_rule: v.optional(MetricsThresholdRule),
    gnocchi_aggregation_by_resources_threshold_rule: v.optional(ResourcesAggregationThresholdRule),
    /** `{ or: [rule, { and: [rule, rule] }] }`, each rule with its own `type`. */
    composite_rule: v.optional(v.record(v.string(), v.unknown())),
    event_rule: v.optional(v.looseObject({ event_type: v.optional(v.string()), query: v.optional(v.array(v.unknown())) })),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const key = `${dataset.value.type}_rule`;
    if (dataset.value.type !== 'loadbalancer_member_health' && (dataset.value as Record<string, unknown>)[key] === undefined)
      addIssue({ message: `a ${dataset.value.type} alarm needs its rule`, path: [{ type: 'object', origin: 'value', input: dataset.value, key, value: undefined }] });
  }),
);
/** The attributes of a new alarm: the input of `AlarmCreate`. */
export type AlarmAttrs = v.InferInput<typeof AlarmCreate>;

/** One change in an alarm's history: its creation, a rule change, a state transition, its deletion. */
export const AlarmChange = v.looseObject({
  event_id: v.string(),
  alarm_id: v.string(),
  type: v.string(),
  /** JSON text of what changed (`{"state": "alarm", "state_reason": "..."}`). */
  detail: v.optional(v.nullable(v.string())),
  timestamp: v.optional(v.nullable(v.string())),
  user_id: v.optional(v.nullable(v.string())),
  project_id: v.optional(v.nullable(v.string())),
  on_behalf_of: v.optional(v.nullable(v.string())),
});
export type AlarmChange = v.InferOutput<typeof AlarmChange>;

/** A project's alarm quota: `limit` -1 means no limit. */
export const AlarmQuotas = v.looseObject({
  project_id: v.string(),
  quotas: v.array(v.looseObject({ resource: v.string(), limit: v.number() })),
});
export type AlarmQuotas = v.InferOutput<typeof AlarmQuotas>;
