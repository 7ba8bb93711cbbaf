import * as v from 'valibot';

const Named = v.looseObject({ id: v.string(), name: v.optional(v.string()) });
const NamedInDomain = v.looseObject({
  id: v.string(),
  name: v.optional(v.string()),
  domain: v.optional(v.looseObject({ id: v.optional(v.string()), name: v.optional(v.string()) })),
});

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

/** Keystone's v3 token body (`POST /v3/auth/tokens`, `GET /v3/auth/tokens`). */
export const TokenBody = v.looseObject({
  token: v.looseObject({
    methods: v.array(v.string()),
    expires_at: v.string(),
    issued_at: v.optional(v.string()),
    user: NamedInDomain,
    project: v.optional(NamedInDomain),
    domain: v.optional(Named),
    system: v.optional(v.looseObject({})),
    roles: v.optional(v.array(Named)),
    catalog: v.optional(v.array(CatalogEntry)),
    application_credential: v.optional(v.unknown()),
    audit_ids: v.optional(v.array(v.string())),
  }),
});
export type TokenBody = v.InferOutput<typeof TokenBody>;

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

export function stateFromToken(token: string, body: TokenBody, authUrl: string | undefined): AuthState {
  const t = body.token;
  return {
    token,
    expiresAt: t.expires_at,
    issuedAt: t.issued_at,
    methods: t.methods,
    user: t.user,
    project: t.project,
    domain: t.domain,
    system: t.system,
    roles: t.roles ?? [],
    catalog: t.catalog ?? [],
    authUrl,
  };
}
