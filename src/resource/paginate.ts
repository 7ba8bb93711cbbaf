import type { OpenStackResponse, Query, RequestSpec } from '../base/types.js';

/**
 * One paginator for every OpenStack dialect. A page's next link is found in (first match wins):
 * `<key>_links` (Nova, Cinder), `links` as a list (api-wg, Neutron) or as Keystone's dict,
 * Glance's `next`, the RFC 5988 `Link` header; Swift-style marker paging is driven by the caller's
 * `marker` function, and offset paging by `offset`. Next links are parsed, not appended, and rebased onto the endpoint in use.
 */
export interface PageSpec<T> {
  /** The first request (path relative to the service, query holds filters and `limit`). */
  request: RequestSpec & { path: string };
  /** Sends a request (bound to the service). */
  send: (spec: RequestSpec) => Promise<OpenStackResponse<unknown>>;
  /** Items of a page. */
  items: (data: unknown, res: OpenStackResponse<unknown>) => T[];
  /** Body key of the items (`servers`), used to find `<key>_links`. */
  key?: string;
  /** For marker-only APIs (Swift): the marker after a page, or undefined to stop. */
  marker?: (items: T[], res: OpenStackResponse<unknown>) => string | undefined;
  /**
   * For offset-paged APIs without next links (Nova's server groups): each page starts after the
   * items seen so far, until a short page (or, without a `limit`, an empty one).
   */
  offset?: boolean;
}

/** An async iterable of items, with whole pages and a collect-all helper. */
export interface Paged<T> extends AsyncIterable<T> {
  /** Pages as the cloud sends them. */
  pages(): AsyncIterable<T[]>;
  /** Every item, all pages fetched. */
  toArray(): Promise<T[]>;
}

/** Lists pages lazily from a {@link PageSpec}: what every list call of a service returns. */
export function paginate<T>(spec: PageSpec<T>): Paged<T> {
  async function* pages(): AsyncGenerator<T[]> {
    let req: RequestSpec & { path: string } = spec.request;
    const seen = new Set<string>();
    for (;;) {
      const res = await spec.send(req);
      const items = spec.items(res.data, res);
      if (items.length) yield items;
      const next = spec.marker ? markerNext(spec, req, items, res) : spec.offset ? offsetNext(req, items) : linkNext(spec, req, res);
      if (!next || !items.length) return;
      // Loop protection: a cloud that hands back a link already followed would page forever.
      const id = `${next.path}?${JSON.stringify(next.query ?? {})}`;
      if (seen.has(id)) return;
      seen.add(id);
      req = next;
    }
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page;
    },
    async toArray() {
      const all: T[] = [];
      for await (const page of pages()) all.push(...page);
      return all;
    },
  };
}

/** Fewer items than the `limit` asked for: the last page of a marker or offset listing. */
function shortPage(req: RequestSpec, items: unknown[]): boolean {
  const limit = Number(req.query?.limit);
  return limit > 0 && items.length < limit;
}

function markerNext<T>(spec: PageSpec<T>, req: RequestSpec & { path: string }, items: T[], res: OpenStackResponse<unknown>) {
  if (shortPage(req, items)) return undefined;
  const marker = spec.marker!(items, res);
  if (marker === undefined) return undefined;
  return { ...req, query: { ...req.query, marker } };
}

function offsetNext(req: RequestSpec & { path: string }, items: unknown[]) {
  if (shortPage(req, items)) return undefined;
  return { ...req, query: { ...req.query, offset: (Number(req.query?.offset) || 0) + items.length } };
}

function linkNext<T>(spec: PageSpec<T>, req: RequestSpec & { path: string }, res: OpenStackResponse<unknown>) {
  const href = nextHref(res, spec.key);
  if (!href) return undefined;
  const next = new URL(href, res.url);
  const current = new URL(res.url);
  const query: Query = {};
  for (const k of new Set(next.searchParams.keys())) {
    const all = next.searchParams.getAll(k);
    query[k] = all.length > 1 ? all : all[0];
  }
  return { ...req, path: rebase(current, next), query };
}

/**
 * Clouds behind proxies often hand out next links naming an internal host or a path without the
 * proxy's prefix. When the link's path ends like the current request's, the current URL is kept
 * and only the query changes.
 */
function rebase(current: URL, next: URL): string {
  const cur = current.pathname.split('/').filter(Boolean);
  const nxt = next.pathname.split('/').filter(Boolean);
  if (nxt.length && cur.length && cur[cur.length - 1] === nxt[nxt.length - 1]) return `${current.origin}${current.pathname}`;
  if (next.origin !== current.origin) return `${current.origin}${next.pathname}`;
  return `${next.origin}${next.pathname}`;
}

function nextHref(res: OpenStackResponse<unknown>, key?: string): string | undefined {
  const d = (res.data ?? {}) as Record<string, unknown>;
  const fromList = (links: unknown) =>
    Array.isArray(links) ? (links as { rel?: string; href?: string }[]).find((l) => l?.rel === 'next')?.href : undefined;
  if (key) {
    const h = fromList(d[`${key}_links`]);
    if (h) return h;
  }
  const links = d.links;
  if (Array.isArray(links)) {
    const h = fromList(links);
    if (h) return h;
  } else if (links && typeof links === 'object' && typeof (links as { next?: unknown }).next === 'string') {
    return (links as { next: string }).next;
  }
  if (typeof d.next === 'string' && d.next) return d.next;
  const link = res.headers.get('link');
  if (link) {
    for (const part of link.split(',')) {
      const m = /<([^>]+)>\s*;[^,]*rel="?next"?/i.exec(part);
      if (m) return m[1];
    }
  }
  return undefined;
}
