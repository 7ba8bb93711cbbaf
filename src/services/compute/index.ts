/**
 * `openstack-sdk/compute`: the compute service (Nova) as a plugin.
 *
 * @module openstack-sdk/compute
 */
import { defineService } from '../../plugin.js';
import { ComputeProxy } from './proxy.js';

/**
 * The Nova service as a plugin: `services: [compute]` adds `conn.compute` to a Connection from
 * `openstack-sdk/core` (the full `openstack-sdk` Connection has it built in).
 *
 * @example
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { compute } from 'openstack-sdk/compute';
 * const conn = new Connection({ auth, services: [compute] });
 * const server = await conn.compute.createServer({ name: 'web', image, flavor, networks: [{ uuid: network.id }] });
 * await conn.compute.waitForServer(server, { status: 'ACTIVE', failures: ['ERROR'] });
 * ```
 */
export const compute = defineService({
  name: 'compute',
  type: 'compute',
  version: '2.1',
  // The newest microversion the schemas here model (server.flavor embedded from 2.47, ...).
  microversion: { headerType: 'compute', legacyHeader: 'X-OpenStack-Nova-API-Version', max: '2.93' },
  create: (ctx) => new ComputeProxy(ctx),
});
export { ComputeProxy };
export {
  ServerActionsProxy,
  type ServerImageAttrs,
  type ServerInterfaceAttrs,
  type ServerRebuildAttrs,
  type ServerVolumeAttachmentAttrs,
} from './server-actions.js';
export type {
  AggregateAttrs,
  AggregateUpdateAttrs,
  ComputeQuotaAttrs,
  ComputeQuotaUpdateAttrs,
  ComputeServiceAttrs,
  ComputeServiceUpdateAttrs,
  FlavorAttrs,
  KeypairAttrs,
  ServerGroupAttrs,
  ServerUpdateAttrs,
} from './proxy.js';
export { type ServerAttrs, type BlockDeviceMapping } from './server-create.js';
export { MAX_USER_DATA } from './user-data.js';
export * from './schemas.js';
