/**
 * `openstack-sdk/core`: the Connection with no services built in. Add the ones you use:
 *
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { objectStore } from 'openstack-sdk/object-store';
 * const conn = new Connection({ auth, services: [objectStore] });
 * ```
 */
import { connectionWith } from './connection.js';

/** A Connection holding only the services passed in `services`. */
export const Connection = connectionWith([]);
export type Connection = InstanceType<typeof Connection>;

export * from './core-exports.js';
