/**
 * `openstack-sdk/alarm`: the alarming service (Aodh v2) as a plugin.
 *
 * @module openstack-sdk/alarm
 */
import { defineService } from '../../plugin.js';
import { AlarmProxy } from './proxy.js';

/**
 * The Aodh v2 service as a plugin: `services: [alarm]` adds `conn.alarm` to a Connection from
 * `openstack-sdk/core` (the full `openstack-sdk` Connection has it built in).
 *
 * @example
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { alarm } from 'openstack-sdk/alarm';
 * const conn = new Connection({ auth, services: [alarm] });
 * const hot = await conn.alarm.createAlarm({
 *   name: 'cpu-high',
 *   type: 'gnocchi_resources_threshold',
 *   gnocchi_resources_threshold_rule: { metric: 'cpu', resource_id, resource_type: 'generic', threshold: 90, comparison_operator: 'gt', aggregation_method: 'mean', granularity: 300 },
 * });
 * await conn.alarm.waitForAlarm(hot, { status: 'alarm' });
 * ```
 */
export const alarm = defineService({
  name: 'alarm',
  type: 'alarm',
  version: '2',
  create: (ctx) => new AlarmProxy(ctx),
});
export { AlarmProxy };
export type { AlarmChanges } from './proxy.js';
export type { AlarmQuery } from './resources.js';
export * from './schemas.js';
