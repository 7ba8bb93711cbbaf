/**
 * `openstack-sdk/core`: the Connection with no services built in. Add the ones you use:
 *
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { objectStore } from 'openstack-sdk/object-store';
 * const conn = new Connection({ auth, services: [objectStore] });
 * ```
 *
 * @module openstack-sdk/core
 */
import { connectionWith, type ConnectionCore } from './connection.js';
import type { MergeServices, ServicePlugin } from './plugin.js';

/** A Connection holding only the services passed in `services`. */
export const Connection = connectionWith([]);
/** A Connection holding the services `S`. */
export type Connection<S extends readonly ServicePlugin[] = []> = ConnectionCore & MergeServices<[], S>;

export * from './core-exports.js';
