/**
 * `openstack-sdk`: the full SDK, a Connection with every built-in service.
 *
 * ```ts
 * import { Connection } from 'openstack-sdk';
 * const conn = new Connection({ auth: { type: 'password', authUrl, username, password, ... } });
 * for await (const project of conn.identity.projects()) console.log(project.name);
 * ```
 */
import { connectionWith } from './connection.js';
import { builtinServices } from './services/builtins.js';

/** A Connection with every built-in service; `services` adds or replaces some. */
export const Connection = connectionWith(builtinServices);
export type Connection = InstanceType<typeof Connection>;

export * from './core-exports.js';
export { builtinServices };
export * from './services/identity/index.js';
export * from './services/object-store/index.js';
export * from './services/compute/index.js';
export * from './services/image/index.js';
export * from './services/network/index.js';
export * from './services/block-storage/index.js';
