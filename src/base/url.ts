import type { Query } from './types.js';

/** Joins an endpoint and a path without doubling or losing slashes. */
export function joinUrl(base: string, path: string | undefined): string {
  if (!path) return base;
  if (/^https?:\/\//i.test(path)) return path;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Adds query parameters; arrays repeat the key, undefined and null are left out. */
export function withQuery(url: string, query: Query | undefined): string {
  if (!query) return url;
  const u = new URL(url);
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      u.searchParams.delete(k);
      for (const item of v) u.searchParams.append(k, String(item));
    } else u.searchParams.set(k, String(v));
  }
  return u.toString();
}

/** Encodes one path segment (object names, ids) so `?`, `#`, `%` and spaces survive. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}

/** True for a path segment that names an API version (`v2.1`, `v3`, `v2.0`). */
export const isVersionSegment = (s: string): boolean => /^v\d+(\.\d+)?$/.test(s);

/** True when a URL already names an API version (`/v2.1`, `/v3/<project>`, `/v2.0`). */
export function hasVersionSegment(url: string): boolean {
  return new URL(url).pathname.split('/').some(isVersionSegment);
}
