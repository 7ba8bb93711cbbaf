/**
 * `openstack-sdk/metric`: the metric service (Gnocchi v1) as a plugin.
 *
 * @module openstack-sdk/metric
 */
import { defineService } from '../../plugin.js';
import { MetricProxy } from './proxy.js';

/**
 * The Gnocchi v1 service as a plugin: `services: [metric]` adds `conn.metric` to a Connection from
 * `openstack-sdk/core` (the full `openstack-sdk` Connection has it built in).
 *
 * @example
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { metric } from 'openstack-sdk/metric';
 * const conn = new Connection({ auth, services: [metric] });
 * const host = await conn.metric.createResource({ id: 'host-1', metrics: { cpu: { archive_policy_name: 'low' } } });
 * await conn.metric.addMeasures({ resource: host, metric: 'cpu' }, [{ timestamp: new Date(), value: 42 }]);
 * console.log(await conn.metric.getMeasures({ resource: host, metric: 'cpu' }, { refresh: true }));
 * ```
 */
export const metric = defineService({
  name: 'metric',
  type: 'metric',
  version: '1',
  create: (ctx) => new MetricProxy(ctx),
});
export { MetricProxy };
export type { AggregatesRequest, MetricTarget, MetricResourceAttrs, MetricResourceChanges, MetricResourceOptions } from './proxy.js';
export type { Measure, MeasureInput, MeasureQuery, Timestamp } from './measures.js';
export * from './schemas.js';
