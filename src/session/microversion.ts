import { ValidationError } from './errors.js';

/** How a service takes microversions. */
export interface MicroversionSpec {
  /** The service name in `OpenStack-API-Version: <name> <version>` (`compute`, `volume`, `placement`). */
  headerType: string;
  /** An older header some services also read (Nova's `X-OpenStack-Nova-API-Version`). */
  legacyHeader?: string;
  /** The newest microversion the SDK's models understand. */
  max: string;
}

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

export function compareMicroversions(a: string, b: string): number {
  const [a1, a2] = parseMicroversion(a);
  const [b1, b2] = parseMicroversion(b);
  return a1 - b1 || a2 - b2;
}

/** The version to send: the caller's (checked against the cloud's range) or min(cloud max, SDK max). */
export function chooseMicroversion(
  spec: MicroversionSpec,
  range: MicroversionRange | undefined,
  requested: string | undefined,
  service: string,
): string | undefined {
  if (requested) {
    parseMicroversion(requested);
    if (range && (compareMicroversions(requested, range.max) > 0 || compareMicroversions(requested, range.min) < 0))
      throw new ValidationError(
        `${service} microversion ${requested} is outside what the cloud offers (${range.min} to ${range.max})`,
        'microversion',
      );
    return requested;
  }
  if (!range) return undefined;
  return compareMicroversions(range.max, spec.max) < 0 ? range.max : spec.max;
}

/** The microversion headers for one request. */
export function microversionHeaders(spec: MicroversionSpec, version: string): Record<string, string> {
  const h: Record<string, string> = { 'OpenStack-API-Version': `${spec.headerType} ${version}` };
  if (spec.legacyHeader) h[spec.legacyHeader] = version;
  return h;
}

/** Reads the microversion range from a version document (`{version}` or `{versions: [...]}`). */
export function rangeFromVersionDoc(doc: unknown, major: string | undefined): MicroversionRange | undefined {
  const d = doc as { version?: unknown; versions?: unknown } | undefined;
  const candidates: Record<string, unknown>[] = [];
  if (d?.version && typeof d.version === 'object') candidates.push(d.version as Record<string, unknown>);
  const vs = Array.isArray(d?.versions) ? d.versions : (d?.versions as { values?: unknown[] } | undefined)?.values;
  if (Array.isArray(vs)) candidates.push(...(vs as Record<string, unknown>[]));
  const matching = candidates.filter((c) => !major || String(c.id ?? '').replace(/^v/, '').split('.')[0] === major.split('.')[0]);
  for (const c of matching) {
    const max = (c.version || c.max_version) as string | undefined;
    const min = (c.min_version || '') as string;
    if (max && /^\d+\.\d+$/.test(max)) return { min: /^\d+\.\d+$/.test(min) ? min : max, max };
  }
  return undefined;
}
