import type { QueryDialect } from '../../resource/query.js';

/** Cinder reads a `metadata` filter as a JSON-like dict. */
export const cinderQuery: QueryDialect = { jsonObjects: true };
