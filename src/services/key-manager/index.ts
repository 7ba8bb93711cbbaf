/**
 * `openstack-sdk/key-manager`: the Key Manager service (Barbican v1) as a plugin.
 *
 * @module openstack-sdk/key-manager
 */
import { defineService } from '../../plugin.js';
import { KeyManagerProxy } from './proxy.js';
import { barbicanId } from './refs.js';

/**
 * The Barbican service as a plugin: `services: [keyManager]` adds `conn.keyManager` to a Connection
 * from `openstack-sdk/core`.
 *
 * @example
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { keyManager } from 'openstack-sdk/key-manager';
 * const conn = new Connection({ auth, services: [keyManager] });
 * const secret = await conn.keyManager.createSecret({ name: 'db-password', payload: 's3cr3t', payload_content_type: 'text/plain' });
 * console.log(await conn.keyManager.downloadSecretPayloadAsText(secret));
 * ```
 */
export const keyManager = defineService({
  name: 'keyManager',
  type: 'key-manager',
  version: '1',
  microversion: { headerType: 'key-manager', max: '1.1' },
  create: (ctx) => new KeyManagerProxy(ctx),
});
export { KeyManagerProxy, barbicanId };
export type { KeyManagerRemoveOptions, SecretDownload, SecretPayloadOptions, SecretUploadOptions } from './proxy.js';
export type { KeyManagerContainerQuery, SecretQuery } from './resources.js';
export * from './schemas.js';
export type { Checksum, Download } from '../../transfer/download.js';
