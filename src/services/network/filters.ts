import type { QueryDialect } from '../../resource/query.js';

/** Neutron takes tag filters comma-separated; any other list repeats the key (matching any value). */
export const neutronQuery: QueryDialect = { commaLists: ['tags', 'tags-any', 'not-tags', 'not-tags-any'] };
