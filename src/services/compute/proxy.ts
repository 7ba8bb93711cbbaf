import { ServiceProxy } from '../../session/proxy.js';

/** `conn.compute`. */
export class ComputeProxy extends ServiceProxy {}
