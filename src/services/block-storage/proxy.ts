import { ServiceProxy } from '../../session/proxy.js';

/** `conn.blockStorage`. */
export class BlockStorageProxy extends ServiceProxy {}
