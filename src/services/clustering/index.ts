/**
 * `openstack-sdk/clustering`: the clustering service (Senlin) as a plugin.
 *
 * @module openstack-sdk/clustering
 */
import { defineService } from '../../plugin.js';
import { ClusteringProxy } from './proxy.js';

/**
 * The Senlin v1 service as a plugin: `services: [clustering]` adds `conn.clustering` to a Connection
 * from `openstack-sdk/core` (the full `openstack-sdk` Connection has it built in). Changes Senlin
 * carries out in the background resolve to something with an `action_id`; `waitForAction` waits for it.
 *
 * @example
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { clustering } from 'openstack-sdk/clustering';
 * const conn = new Connection({ auth, services: [clustering] });
 * const profile = await conn.clustering.createProfile({
 *   name: 'stack',
 *   spec: { type: 'os.heat.stack', version: '1.0', properties: { template } },
 * });
 * const cluster = await conn.clustering.createCluster({ name: 'web', profile_id: profile.id, desired_capacity: 1 });
 * await conn.clustering.waitForAction(cluster);
 * await conn.clustering.waitForAction(await conn.clustering.scaleOutCluster(cluster, 2));
 * ```
 */
export const clustering = defineService({
  name: 'clustering',
  type: 'clustering',
  version: '1',
  // The newest microversion the schemas here model (Senlin of the Zed release offers 1.14).
  microversion: { headerType: 'clustering', max: '1.14' },
  create: (ctx) => new ClusteringProxy(ctx),
});
export { ClusteringProxy, actionIdOf, type ActionLike, type ForceDeleteOptions } from './proxy.js';
export type { SenlinListFilters } from './resources.js';
export * from './schemas.js';
