import { ServiceProxy } from '../../session/proxy.js';

/** `conn.network`. */
export class NetworkProxy extends ServiceProxy {}
