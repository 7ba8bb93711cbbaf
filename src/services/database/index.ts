/**
 * `openstack-sdk/database`: the Database service (Trove v1.0) as a plugin.
 *
 * @module openstack-sdk/database
 */
import { defineService } from '../../plugin.js';
import { DatabaseProxy } from './proxy.js';

/**
 * The Trove service as a plugin: `services: [database]` adds `conn.database` to a Connection from
 * `openstack-sdk/core` (the full `openstack-sdk` Connection has it built in).
 *
 * @example
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { database } from 'openstack-sdk/database';
 * const conn = new Connection({ auth, services: [database] });
 * const flavor = await conn.database.findFlavor('m1.small', { ignoreMissing: false });
 * const db = await conn.database.createInstance({
 *   name: 'orders',
 *   flavorRef: flavor!.id,
 *   volume: { size: 1 },
 *   datastore: { type: 'mysql', version: '5.7.29' },
 *   databases: [{ name: 'orders' }],
 *   users: [{ name: 'app', password: 'change-me', databases: ['orders'] }],
 * });
 * await conn.database.waitForInstance(db);
 * ```
 */
export const database = defineService({
  name: 'database',
  type: 'database',
  version: '1.0',
  create: (ctx) => new DatabaseProxy(ctx),
});
export { DatabaseProxy };
export type { DatabaseRef, UserRef, FlavorRef } from './proxy.js';
export type { InstanceQuery, BackupQuery } from './resources.js';
export * from './schemas.js';
