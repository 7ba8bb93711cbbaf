import { identity } from './identity/index.js';

/** Every built-in service, in the order the full entry registers them. */
export const builtinServices = [identity] as const;
