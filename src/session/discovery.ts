/**
 * Version discovery: when the catalog gives a service's root (`http://host:9292`) rather than a
 * versioned URL, the version document says where the wanted major version lives.
 */

/** True when a URL already names an API version (`/v2.1`, `/v3/<project>`, `/v2.0`). */
export function hasVersionSegment(url: string): boolean {
  return new URL(url).pathname.split('/').some((s) => /^v\d+(\.\d+)?$/.test(s));
}

/** The URL cut just after its version segment (`/v3/abc` becomes `/v3`), or its root when it has none. */
export function versionRoot(url: string): string {
  const u = new URL(url);
  const parts = u.pathname.split('/');
  const i = parts.findIndex((s) => /^v\d+(\.\d+)?$/.test(s));
  return `${u.origin}${i >= 0 ? parts.slice(0, i + 1).join('/') : u.pathname.replace(/\/+$/, '')}`;
}

/**
 * From a version document, the path segment of the wanted major version (`v2`, `v2.0`), taken
 * from its `self` link but rebased onto the catalog URL (links often name an internal host).
 */
export function versionSegmentFromDoc(doc: unknown, major: string): string | undefined {
  const d = doc as { versions?: unknown; version?: unknown };
  let list: Record<string, unknown>[] = [];
  if (Array.isArray(d?.versions)) list = d.versions as Record<string, unknown>[];
  else if (d?.versions && Array.isArray((d.versions as { values?: unknown }).values))
    list = (d.versions as { values: Record<string, unknown>[] }).values;
  else if (d?.version && typeof d.version === 'object') list = [d.version as Record<string, unknown>];
  const wantMajor = major.split('.')[0];
  const matches = list.filter((x) => String(x.id ?? '').replace(/^v/, '').split('.')[0] === wantMajor);
  const rank = (s: unknown) => (['CURRENT', 'stable'].includes(String(s)) ? 0 : String(s) === 'SUPPORTED' ? 1 : 2);
  matches.sort((a, b) => rank(a.status) - rank(b.status));
  for (const m of matches) {
    const links = Array.isArray(m.links) ? (m.links as { rel?: string; href?: string }[]) : [];
    const self = links.find((l) => l.rel === 'self')?.href;
    if (self) {
      try {
        const seg = new URL(self, 'http://x/').pathname.split('/').filter(Boolean).pop();
        if (seg && /^v\d+(\.\d+)?$/.test(seg)) return seg;
      } catch {
        /* fall through */
      }
    }
    if (m.id) return String(m.id).split('.').length > 1 && major.includes('.') ? String(m.id) : `v${wantMajor}`;
  }
  return undefined;
}
