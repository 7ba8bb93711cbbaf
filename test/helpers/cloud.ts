import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection, fromCloudConfig, type ConnectionOptions } from '../../src/index.js';
import { loadCloudsFiles } from '../../src/node/clouds.js';

/** Where the local cloud keeps its state (clouds.yaml, cloud.json). */
export const STATE = process.env.OSSDK_CLOUD_STATE ?? '/tmp/openstack-sdk-cloud';

/** Facts about the local cloud written by e2e/cloud/up.sh (ids, passwords, app credential). */
export const cloud = JSON.parse(readFileSync(join(STATE, 'cloud.json'), 'utf8'));

export type CloudName = 'local-admin' | 'local-demo' | 'local-alt-demo' | 'local-appcred' | 'local-system-admin';

/** Connection options for one of the local cloud's clouds.yaml entries, read the way users read theirs. */
export function cloudOptions(name: CloudName): ConnectionOptions {
  const files = loadCloudsFiles({ OS_CLIENT_CONFIG_FILE: join(STATE, 'clouds.yaml') });
  return fromCloudConfig(files.clouds, name, files.secure);
}

/** A Connection (every built-in service) to a local cloud entry, with extra options merged in. */
export function connectTo(name: CloudName, extra: Omit<ConnectionOptions, 'auth'> & { auth?: ConnectionOptions['auth'] } = {}) {
  return new Connection({ ...cloudOptions(name), ...extra } as ConnectionOptions<[]>);
}

/** A name no other test run uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** True when the local cloud runs a service of this type. */
export function hasService(type: string): boolean {
  const services: string[] = cloud.services ?? [];
  return services.includes(type);
}
