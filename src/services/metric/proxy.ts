import * as v from 'valibot';
import { declaredProxy, type DeleteOptions } from '../../resource/declare.js';
import type { ListOptions, Ref } from '../../resource/proxy.js';
import type { CallOptions, Query } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf, parseResponse, validateInput } from '../../base/validate.js';
import { measureQuery, Measures, measuresBody, pointsToMeasures, type Measure, type MeasureInput, type MeasureQuery } from './measures.js';
import * as r from './resources.js';
import * as s from './schemas.js';

/** The attributes of a new resource: the input of `MetricResourceCreate`. */
export type MetricResourceAttrs = v.InferInput<typeof s.MetricResourceCreate>;
/** What an update of a resource can change: the input of `MetricResourceUpdate`. */
export type MetricResourceChanges = v.InferInput<typeof s.MetricResourceUpdate>;
/** Options of the calls on one resource: its type when the resource is given by id (default `generic`). */
export type MetricResourceOptions = CallOptions & { type?: string };

/**
 * A metric given by id (or the metric itself), or by its name on a resource:
 * `{ resource: 'host-1', metric: 'cpu' }` (with `type` for a typed resource).
 */
export type MetricTarget = Ref | { resource: Ref | s.MetricResource; metric: string; type?: string };

/** What `aggregates` computes: Gnocchi's operations, over metrics by id, or over the resources a search finds. */
export interface AggregatesRequest extends MeasureQuery {
  /** `(aggregate mean (metric <id> mean))`, or the same as nested arrays. */
  operations: string | unknown[];
  /** A resource search (`{ '=': { project_id } }` or `project_id=...`): operations then name metrics by name. */
  search?: Record<string, unknown> | string;
  /** Resource type the search runs on (default `generic`). */
  resource_type?: string;
  /** Group the search's resources by these attributes. */
  groupby?: string | string[];
  /** Percent of points that must overlap across metrics (default 100). */
  needed_overlap?: number;
  /** Include the input series beside the result. */
  details?: boolean;
}

const ResourceMetricsIn = v.record(v.string(), v.union([v.string(), v.looseObject({ archive_policy_name: v.optional(v.string()), unit: v.optional(v.string()) })]));

/**
 * `conn.metric`: Gnocchi v1. Archive policies, their rules, resource types and metrics are declared
 * in `resources.ts`; resources (whose path holds their type), measures, batches, aggregates and
 * status are here. Timestamps are checked before anything is sent.
 */
export class MetricProxy extends declaredProxy(r) {
  /** Adds or removes attributes of a resource type (JSON patch, `/attributes/<name>`). */
  async updateResourceType(type: Ref, ops: readonly s.MetricResourceTypePatchOp[], opts?: CallOptions): Promise<s.MetricResourceType> {
    const body = validateInput(v.pipe(v.array(s.MetricResourceTypePatchOp), v.minLength(1, 'needs at least one operation')), ops, 'ops');
    const res = await this.request({
      ...opts,
      method: 'PATCH',
      path: `/resource_type/${seg(idOf(type, 'type'))}`,
      headers: { 'content-type': 'application/json-patch+json', ...opts?.headers },
      body,
    });
    return this.one(r.resourceTypes, res.data);
  }

  /** Resources of a type (`generic` unless `type` says), filtered on their attributes. */
  resources(filters: Query & { type?: string } = {}, opts?: ListOptions) {
    const { type, ...query } = filters;
    return this._list(r.resources, query, opts, typePath(type));
  }
  /**
   * Resources a search finds: `{ '=': { user_id } }`, `{ and: [...] }`, `{ like: { name: 'web-%' } }`,
   * or Gnocchi's string form `user_id=... and started_at>2024-01-01`.
   */
  searchResources(search: Record<string, unknown> | string, opts: ListOptions & { type?: string } = {}) {
    const { type, ...call } = opts;
    const query = validateInput(v.union([v.record(v.string(), v.unknown()), v.pipe(v.string(), v.nonEmpty())]), search, 'search');
    const byString = typeof query === 'string';
    return this._list(r.resources, byString ? { filter: query } : {}, { ...call, method: 'POST', body: byString ? {} : query } as ListOptions, `/search/resource/${seg(idOf(type ?? 'generic', 'type'))}`);
  }
  /** One resource by id (or original id); NotFoundError when it is missing. */
  getResource(resource: Ref | s.MetricResource, opts: MetricResourceOptions = {}) {
    const { type, ...call } = opts;
    return this._get(r.resources, resource, call, resourcePath(resource, type));
  }
  /** Creates a resource of `attrs.type` (default `generic`), with new metrics from `metrics`. */
  createResource(attrs: MetricResourceAttrs, opts?: CallOptions) {
    const body = validateInput(s.MetricResourceCreate, attrs, 'attrs');
    const { type, ...rest } = body;
    return this._create(r.resources, rest, opts, typePath(type));
  }
  /** Changes a resource's attributes (`ended_at`, its type's attributes, `metrics`). */
  updateResource(resource: Ref | s.MetricResource, changes: MetricResourceChanges, opts: MetricResourceOptions = {}) {
    const { type, ...call } = opts;
    return this._update(r.resources, resource, changes, call, resourcePath(resource, type));
  }
  /** Deletes a resource and its metrics. */
  deleteResource(resource: Ref | s.MetricResource, opts: DeleteOptions & { type?: string } = {}) {
    const { type, ...call } = opts;
    return this._delete(r.resources, resource, call, resourcePath(resource, type));
  }
  /** Every revision of a resource's attributes, oldest first. */
  resourceHistory(resource: Ref | s.MetricResource, filters: Query = {}, opts: ListOptions & { type?: string } = {}) {
    const { type, ...call } = opts;
    return this._list(r.resources, filters, call, `${resourcePath(resource, type)}/history`);
  }
  /** Adds metrics to a resource: name to a metric id, or to `{ archive_policy_name }` for a new one. Resolves to the resource's metrics. */
  async addResourceMetrics(resource: Ref | s.MetricResource, metrics: v.InferInput<typeof ResourceMetricsIn>, opts: MetricResourceOptions = {}): Promise<s.Metric[]> {
    const { type, ...call } = opts;
    const body = validateInput(ResourceMetricsIn, metrics, 'metrics');
    const res = await this.request({ ...call, method: 'POST', path: `${resourcePath(resource, type)}/metric`, body });
    return parseResponse(v.array(s.Metric), res.data, 'metric list');
  }

  /** Pushes measures to a metric (by id, or by name on a resource). Gnocchi aggregates them shortly after. */
  async addMeasures(metric: MetricTarget, measures: readonly MeasureInput[], opts?: CallOptions): Promise<void> {
    const body = measuresBody(measures, 'measures');
    await this.request({ ...opts, method: 'POST', path: `${metricPath(metric)}/measures`, body, responseType: 'none' });
  }
  /**
   * Aggregated measures of a metric: `[{ timestamp, granularity, value }]`, oldest first, for the
   * window, granularity and aggregation asked (`refresh: true` aggregates pending measures first).
   */
  async getMeasures(metric: MetricTarget, query: MeasureQuery = {}, opts?: CallOptions): Promise<Measure[]> {
    const res = await this.request({ ...opts, path: `${metricPath(metric)}/measures`, query: measureQuery(query) });
    return parseResponse(Measures, res.data, 'measures');
  }
  /** Pushes measures to many metrics at once, by metric id. */
  async addMeasuresBatch(byMetric: Record<string, readonly MeasureInput[]>, opts?: CallOptions): Promise<void> {
    const body = Object.fromEntries(Object.entries(checkRecord(byMetric, 'byMetric')).map(([id, m]) => [id, measuresBody(m, `byMetric.${id}`)]));
    await this.request({ ...opts, method: 'POST', path: '/batch/metrics/measures', body, responseType: 'none' });
  }
  /**
   * Pushes measures to many resources' metrics at once, by resource id and metric name. With
   * `createMetrics`, a missing metric is created (give `{ archive_policy_name, measures }` to choose its policy).
   */
  async addResourceMeasuresBatch(
    byResource: Record<string, Record<string, readonly MeasureInput[] | { archive_policy_name?: string; unit?: string; measures: readonly MeasureInput[] }>>,
    opts: CallOptions & { createMetrics?: boolean } = {},
  ): Promise<void> {
    const { createMetrics, ...call } = opts;
    const body: Record<string, Record<string, unknown>> = {};
    for (const [rid, metrics] of Object.entries(checkRecord(byResource, 'byResource'))) {
      body[rid] = {};
      for (const [name, m] of Object.entries(checkRecord(metrics, `byResource.${rid}`))) {
        const field = `byResource.${rid}.${name}`;
        body[rid][name] = Array.isArray(m) ? measuresBody(m, field) : { ...(m as object), measures: measuresBody((m as { measures?: unknown }).measures, `${field}.measures`) };
      }
    }
    await this.request({
      ...call,
      method: 'POST',
      path: '/batch/resources/metrics/measures',
      query: createMetrics ? { create_metrics: true } : undefined,
      body,
      responseType: 'none',
    });
  }
  /**
   * Computes across metrics: `aggregates({ operations: '(aggregate mean (metric (<id1> mean) (<id2> mean)))' })`.
   * Points come back as `{ timestamp, granularity, value }` wherever they are in the answer.
   */
  async aggregates(request: AggregatesRequest, opts?: CallOptions): Promise<Record<string, unknown> | unknown[]> {
    const { operations, search, resource_type, ...query } = validateInput(
      v.looseObject({ operations: v.union([v.pipe(v.string(), v.nonEmpty()), v.array(v.unknown())]), search: v.optional(v.union([v.record(v.string(), v.unknown()), v.string()])), resource_type: v.optional(v.string()) }),
      request,
      'request',
    ) as AggregatesRequest;
    const res = await this.request({
      ...opts,
      method: 'POST',
      path: '/aggregates',
      query: measureQuery(query as Record<string, unknown>),
      body: { operations, ...(search !== undefined ? { search, resource_type: resource_type ?? 'generic' } : {}) },
    });
    return pointsToMeasures(parseResponse(v.union([v.record(v.string(), v.unknown()), v.array(v.unknown())]), res.data, 'aggregates')) as Record<string, unknown> | unknown[];
  }

  /** How many measures wait to be aggregated (admin only by default). */
  async getStatus(opts?: CallOptions): Promise<s.MetricStatus> {
    const res = await this.request({ ...opts, path: '/status' });
    return parseResponse(s.MetricStatus, res.data, 'status');
  }
  /** The aggregation methods this Gnocchi offers. */
  async getCapabilities(opts?: CallOptions): Promise<{ aggregation_methods: string[] }> {
    const res = await this.request({ ...opts, path: '/capabilities' });
    return parseResponse(v.looseObject({ aggregation_methods: v.array(v.string()) }), res.data, 'capabilities');
  }
}

function typePath(type: string | undefined): string {
  return `/resource/${seg(idOf(type ?? 'generic', 'type'))}`;
}

function resourcePath(resource: Ref | s.MetricResource, type: string | undefined): string {
  const own = typeof resource === 'object' && 'type' in resource ? (resource as s.MetricResource).type : undefined;
  return `${typePath(type ?? own)}/${seg(idOf(resource, 'resource'))}`;
}

function metricPath(m: MetricTarget): string {
  if (typeof m === 'object' && m && 'metric' in m) return `${resourcePath(m.resource, m.type)}/metric/${seg(idOf(m.metric, 'metric'))}`;
  return `/metric/${seg(idOf(m, 'metric'))}`;
}

function checkRecord<T>(x: Record<string, T>, field: string): Record<string, T> {
  return validateInput(v.record(v.string(), v.unknown()), x, field) as Record<string, T>;
}
