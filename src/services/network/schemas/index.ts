export * from './network.js';
export * from './l3.js';
export * from './security.js';
export * from './admin.js';
export type { Filters, TagFilters } from './common.js';
