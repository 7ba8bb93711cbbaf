import { ServiceProxy } from '../../session/proxy.js';

/** `conn.objectStore`. */
export class ObjectStoreProxy extends ServiceProxy {}
