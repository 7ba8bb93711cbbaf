/**
 * `openstack-sdk`: the full SDK, a Connection with every built-in service.
 *
 * ```ts
 * import { Connection } from 'openstack-sdk';
 * const conn = new Connection({ auth: { type: 'password', authUrl, username, password, ... } });
 * for await (const project of conn.identity.projects()) console.log(project.name);
 * ```
 *
 * @module openstack-sdk
 */
import { connectionWith, type ConnectionCore } from './connection.js';
import type { MergeServices, ServicePlugin } from './plugin.js';
import { builtinServices } from './services/builtins.js';

/** A Connection with every built-in service; `services` adds or replaces some. */
export const Connection = connectionWith(builtinServices);
/** A Connection with every built-in service, plus (or replacing) the services `S`. */
export type Connection<S extends readonly ServicePlugin[] = []> = ConnectionCore & MergeServices<typeof builtinServices, S>;

export * from './core-exports.js';
export { builtinServices };
export * from './services/identity/index.js';
export * from './services/object-store/index.js';
export * from './services/compute/index.js';
export * from './services/image/index.js';
export * from './services/network/index.js';
export * from './services/block-storage/index.js';
export * from './services/metric/index.js';
export * from './services/alarm/index.js';
export * from './services/message/index.js';
export * from './services/orchestration/index.js';
export * from './services/key-manager/index.js';
export * from './services/clustering/index.js';
export * from './services/database/index.js';
