import { ServiceProxy } from '../../session/proxy.js';

/** `conn.image`. */
export class ImageProxy extends ServiceProxy {}
