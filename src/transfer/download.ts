/** What downloads are checked against. */
import type { HashAlgorithm } from './hash.js';

export type { HashAlgorithm } from './hash.js';

/** A digest that data is checked against. */
export interface Checksum {
  algorithm: HashAlgorithm;
  /** Lower-case hex digest. */
  value: string;
}
