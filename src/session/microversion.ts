import { ValidationError } from '../base/errors.js';

/** How a service takes microversions. */
export interface MicroversionSpec {
  /** The service name in `OpenStack-API-Version: <name> <version>` (`compute`, `volume`, `placement`). */
  headerType: string;
  /** An older header some services also read (Nova's `X-OpenStack-Nova-API-Version`). */
  legacyHeader?: string;
  /** The newest microversion the SDK's models understand. */
  max: string;
}

/** The microversions a service offers: its minimum and maximum. */
export interface MicroversionRange {
  min: string;
  max: string;
}

type Parsed = [number, number];

export function parseMicroversion(value: string, field = 'microversion'): Parsed {
  const m = /^(\d+)\.(\d+)$/.exec(String(value).trim());
  if (!m) throw new ValidationError(`'${value}' is not a microversion (expected MAJOR.MINOR, e.g. 2.60)`, field);
  return [Number(m[1]), Number(m[2])];
}

/** Compares two microversions (`2.9` < `2.60`): negative, zero or positive, like a sort comparator. */
export function compareMicroversions(a: string, b: string): number {
  const [a1, a2] = parseMicroversion(a);
  const [b1, b2] = parseMicroversion(b);
  return a1 - b1 || a2 - b2;
}
