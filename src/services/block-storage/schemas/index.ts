export * from './volume.js';
export * from './snapshot.js';
export * from './type.js';
export * from './backup.js';
export * from './admin.js';
export type { Filters as VolumeFilters } from './common.js';
