import { EndpointNotFoundError } from './errors.js';
import type { CatalogEntry } from './auth-state.js';
import { typesFor } from './service-types.js';

/** Which endpoint of a catalog entry to use: `public` (the default), `internal` or `admin`. */
export type Interface = 'public' | 'internal' | 'admin';

export interface EndpointQuery {
  /** Service type; aliases from service-types-authority are tried too. */
  type: string;
  aliases?: readonly string[];
  interface?: Interface;
  region?: string | undefined;
}

/** Picks the endpoint URL for a service from a token's catalog, or explains what is there. */
export function findEndpoint(catalog: readonly CatalogEntry[], q: EndpointQuery): string {
  const wanted = typesFor(q.type, q.aliases);
  const iface = q.interface ?? 'public';
  for (const type of wanted) {
    for (const entry of catalog.filter((e) => e.type === type)) {
      const match = entry.endpoints.find(
        (ep) =>
          (ep.interface === iface || ep.interface === `${iface}URL`) &&
          (!q.region || ep.region_id === q.region || ep.region === q.region),
      );
      if (match) return match.url;
    }
  }
  const have = catalog.map(
    (e) =>
      `${e.type} (${[...new Set(e.endpoints.map((ep) => `${ep.interface}${ep.region_id || ep.region ? `@${ep.region_id ?? ep.region}` : ''}`))].join(', ')})`,
  );
  const where = `interface ${iface}${q.region ? `, region ${q.region}` : ''}`;
  throw new EndpointNotFoundError(
    `No endpoint for service type '${q.type}' (${where}) in the catalog. The catalog has: ${have.length ? have.join('; ') : 'nothing (is the token scoped to a project?)'}`,
  );
}
