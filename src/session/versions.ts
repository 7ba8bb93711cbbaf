/**
 * Version discovery and microversion negotiation. Loaded on first use, by the services that have
 * versions to discover or microversions to negotiate: an app using only Swift never loads it.
 *
 * Discovery: when the catalog gives a service's root (`http://host:9292`) rather than a versioned
 * URL, the version document says where the wanted major version lives.
 */
import { ConnectionError, OpenStackError, ValidationError } from '../base/errors.js';
import { compareMicroversions, parseMicroversion, type MicroversionRange, type MicroversionSpec } from './microversion.js';
import type { OpenStackResponse, RequestSpec } from '../base/types.js';
import { isVersionSegment } from '../base/url.js';

type Send = (spec: RequestSpec & { path: string }) => Promise<OpenStackResponse<unknown>>;

/** GETs a version document; undefined when the service has none (any HTTP error), throws when unreachable. */
async function versionDoc(send: Send, url: string, signal?: AbortSignal, headers?: Record<string, string>): Promise<unknown> {
  try {
    return (await send({ path: url, signal, okStatuses: [300], headers })).data;
  } catch (e) {
    if (e instanceof OpenStackError && !(e instanceof ConnectionError)) return undefined;
    throw e;
  }
}

/** The catalog URL plus the path of the wanted major version, guessed as `v<major>` without a document. */
export async function discoverVersion(send: Send, url: string, major: string, signal?: AbortSignal): Promise<string> {
  const seg = versionSegmentFromDoc(await versionDoc(send, `${url}/`, signal), major);
  return `${url}/${seg ?? `v${major}`}`;
}

/**
 * The microversion range offered at a version root: its own document, else the service root's.
 * The document is asked for with `<headerType> latest`: Barbican states its range only then.
 */
export async function fetchRange(send: Send, root: string, major: string | undefined, signal?: AbortSignal, headerType?: string): Promise<MicroversionRange | undefined> {
  const headers = headerType ? { 'openstack-api-version': `${headerType} latest` } : undefined;
  for (const url of [`${root}/`, `${new URL(root).origin}/`]) {
    const r = rangeFromVersionDoc(await versionDoc(send, url, signal, headers), major);
    if (r) return r;
  }
  return undefined;
}

/** The microversion a call sends: chosen from the range, and checked against what the call needs. */
export function negotiate(
  spec: MicroversionSpec,
  service: string,
  range: MicroversionRange | undefined,
  requested: string | undefined,
  minMicroversion: string | undefined,
): string | undefined {
  const chosen = chooseMicroversion(spec, range, requested, service);
  if (minMicroversion && (!chosen || compareMicroversions(chosen, minMicroversion) < 0)) {
    const why = range ? `the cloud offers up to ${range.max}` : 'the cloud does not say which it offers';
    throw new ValidationError(
      `this call needs ${service} microversion ${minMicroversion} or newer; ${requested ? `${requested} was asked for` : why}`,
      'microversion',
    );
  }
  return chosen;
}

/** The URL cut just after its version segment (`/v3/abc` becomes `/v3`), or its root when it has none. */
export function versionRoot(url: string): string {
  const u = new URL(url);
  const parts = u.pathname.split('/');
  const i = parts.findIndex(isVersionSegment);
  return `${u.origin}${i >= 0 ? parts.slice(0, i + 1).join('/') : u.pathname.replace(/\/+$/, '')}`;
}

type VersionEntry = Record<string, unknown>;

/**
 * The entries of a version document whose major version is `major` (all of them without one): a
 * service root lists `{versions: [...]}` (Keystone: `{versions: {values: [...]}}`), a version root
 * describes itself as `{version}`.
 */
function versionsIn(doc: unknown, major: string | undefined): VersionEntry[] {
  const d = doc as { version?: unknown; versions?: unknown } | undefined;
  const list: VersionEntry[] = [];
  if (d?.version && typeof d.version === 'object') list.push(d.version as VersionEntry);
  const vs = Array.isArray(d?.versions) ? d.versions : (d?.versions as { values?: unknown[] } | undefined)?.values;
  if (Array.isArray(vs)) list.push(...(vs as VersionEntry[]));
  const want = major?.split('.')[0];
  return want === undefined ? list : list.filter((x) => String(x.id ?? '').replace(/^v/, '').split('.')[0] === want);
}

/**
 * From a version document, the path segment of the wanted major version (`v2`, `v2.0`), taken
 * from its `self` link but rebased onto the catalog URL (links often name an internal host).
 */
export function versionSegmentFromDoc(doc: unknown, major: string): string | undefined {
  const matches = versionsIn(doc, major);
  const rank = (s: unknown) => (['CURRENT', 'stable'].includes(String(s)) ? 0 : String(s) === 'SUPPORTED' ? 1 : 2);
  matches.sort((a, b) => rank(a.status) - rank(b.status));
  for (const m of matches) {
    const links = Array.isArray(m.links) ? (m.links as { rel?: string; href?: string }[]) : [];
    const self = links.find((l) => l.rel === 'self')?.href;
    if (self) {
      try {
        const seg = new URL(self, 'http://x/').pathname.split('/').filter(Boolean).pop();
        if (seg && isVersionSegment(seg)) return seg;
      } catch {
        /* fall through */
      }
    }
    if (m.id) return String(m.id).split('.').length > 1 && major.includes('.') ? String(m.id) : `v${major.split('.')[0]}`;
  }
  return undefined;
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

/** Reads the microversion range from a version document (`{version}` or `{versions: [...]}`). */
export function rangeFromVersionDoc(doc: unknown, major: string | undefined): MicroversionRange | undefined {
  for (const c of versionsIn(doc, major)) {
    const max = (c.version || c.max_version) as string | undefined;
    const min = (c.min_version || '') as string;
    if (max && /^\d+\.\d+$/.test(max)) return { min: /^\d+\.\d+$/.test(min) ? min : max, max };
  }
  return undefined;
}
