import * as v from 'valibot';

export const CatalogEndpoint = v.looseObject({
  id: v.optional(v.string()),
  interface: v.string(),
  region: v.optional(v.nullable(v.string())),
  region_id: v.optional(v.nullable(v.string())),
  url: v.string(),
});
export const CatalogEntry = v.looseObject({
  id: v.optional(v.string()),
  type: v.string(),
  name: v.optional(v.string()),
  endpoints: v.array(CatalogEndpoint),
});
/** A service's entry in the token's catalog: its type, name and endpoints. */
export type CatalogEntry = v.InferOutput<typeof CatalogEntry>;

/**
 * Everything a Connection knows after logging in. Plain JSON: it can be stored (a web app's
 * sessionStorage) and handed to a new Connection's `authState` to skip a login.
 */
export interface AuthState {
  token: string;
  /** ISO 8601; undefined for tokens that do not expire (rare). */
  expiresAt?: string | undefined;
  issuedAt?: string | undefined;
  methods: string[];
  user?: { id: string; name?: string | undefined; domain?: { id?: string | undefined; name?: string | undefined } | undefined } | undefined;
  project?: { id: string; name?: string | undefined; domain?: { id?: string | undefined; name?: string | undefined } | undefined } | undefined;
  domain?: { id: string; name?: string | undefined } | undefined;
  system?: Record<string, unknown> | undefined;
  roles: { id: string; name?: string | undefined }[];
  catalog: CatalogEntry[];
  /** The Keystone v3 URL the token came from. */
  authUrl?: string | undefined;
}
