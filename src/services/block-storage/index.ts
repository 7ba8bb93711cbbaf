/** `openstack-sdk/block-storage`: the Block Storage service (Cinder v3) as a plugin. */
import { defineService } from '../../plugin.js';
import { BlockStorageProxy } from './proxy.js';

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
