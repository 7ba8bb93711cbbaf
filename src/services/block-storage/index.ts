/**
 * `openstack-sdk/block-storage`: the Block Storage service (Cinder v3) as a plugin.
 *
 * @module openstack-sdk/block-storage
 */
import { defineService } from '../../plugin.js';
import { BlockStorageProxy } from './proxy.js';

/**
 * The Cinder v3 service as a plugin: `services: [blockStorage]` adds `conn.blockStorage` to a Connection from
 * `openstack-sdk/core` (the full `openstack-sdk` Connection has it built in).
 *
 * @example
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { blockStorage } from 'openstack-sdk/block-storage';
 * const conn = new Connection({ auth, services: [blockStorage] });
 * const volume = await conn.blockStorage.createVolume({ name: 'data', size: 10 });
 * await conn.blockStorage.waitForVolume(volume, { status: 'available', failures: ['error'] });
 * ```
 */
export const blockStorage = defineService({
  name: 'blockStorage',
  type: 'block-storage',
  version: '3',
  microversion: { headerType: 'volume', max: '3.70' },
  create: (ctx) => new BlockStorageProxy(ctx),
});
export { BlockStorageProxy };
export * from './schemas/index.js';
export type {
  VolumeAttrs,
  VolumeBackupAttrs,
  VolumeBackupUpdateAttrs,
  VolumeQuotaUpdateAttrs,
  VolumeSnapshotAttrs,
  VolumeSnapshotUpdateAttrs,
  VolumeTypeAttrs,
  VolumeTypeUpdateAttrs,
  VolumeUpdateAttrs,
} from './proxy.js';
