/**
 * `openstack-sdk/node`: conveniences for Node and Deno: `connect()` reading clouds.yaml and `OS_*`
 * variables. The core never imports this entry.
 *
 * @module openstack-sdk/node
 */
import { Connection } from '../index.js';
import { fromCloudConfig, fromEnv, type ConnectionOptions } from '../core-exports.js';
import { ValidationError } from '../base/errors.js';
import type { ServicePlugin } from '../plugin.js';
import { loadCloudsFiles } from './clouds.js';
import { useNodeHashes } from './hashes.js';

// Files and downloads are hashed by node:crypto, not WebAssembly: less CPU per byte.
useNodeHashes();

export { loadCloudsFiles, configDirs } from './clouds.js';
export { useNodeHashes } from './hashes.js';

/** Options of {@link connect}: the Connection options, with `auth` read from clouds.yaml or `OS_*` variables. */
export interface ConnectOptions<S extends readonly ServicePlugin[]> extends Omit<ConnectionOptions<S>, 'auth'> {
  /** A cloud in clouds.yaml; defaults to `OS_CLOUD`. Without either, `OS_*` variables are used. */
  cloud?: string;
  /** Variables to read (default `process.env`). */
  env?: Record<string, string | undefined>;
  auth?: ConnectionOptions<S>['auth'];
}

/** Connection options for a cloud from clouds.yaml (+ secure.yaml), or from `OS_*` variables. */
export function cloudOptions(opts: { cloud?: string; env?: Record<string, string | undefined> } = {}): ConnectionOptions {
  const env = opts.env ?? process.env;
  const cloud = opts.cloud ?? env.OS_CLOUD;
  if (cloud) {
    const files = loadCloudsFiles(env);
    if (!files.path) throw new ValidationError(`cloud '${cloud}' was asked for but no clouds.yaml was found`, 'cloud');
    return fromCloudConfig(files.clouds, cloud, files.secure);
  }
  if (env.OS_AUTH_URL) return fromEnv(env);
  throw new ValidationError('no cloud given: pass { cloud }, set OS_CLOUD, or set OS_AUTH_URL and friends', 'cloud');
}

/**
 * A Connection (every built-in service) to a cloud from clouds.yaml or `OS_*` variables.
 *
 * @example
 * ```ts
 * import { connect } from 'openstack-sdk/node';
 * const conn = connect({ cloud: 'mycloud' }); // or connect() for OS_CLOUD, or the OS_* variables
 * const { user, project } = await conn.auth.getAuthState();
 * ```
 */
export function connect<const S extends readonly ServicePlugin[] = []>(opts: ConnectOptions<S> = {}) {
  const { cloud, env, ...rest } = opts;
  const base = cloudOptions({ cloud, env });
  return new Connection<S>({ ...base, ...rest, auth: rest.auth ?? base.auth } as ConnectionOptions<S>);
}
export * from './object-store.js';
export * from './image.js';
export type { SavedDownload } from './save-stream.js';
