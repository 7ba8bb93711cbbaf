import * as v from 'valibot';
import { CatalogEntry, type AuthState } from '../base/auth-state.js';

const Named = v.looseObject({ id: v.string(), name: v.optional(v.string()) });
const NamedInDomain = v.looseObject({
  id: v.string(),
  name: v.optional(v.string()),
  domain: v.optional(v.looseObject({ id: v.optional(v.string()), name: v.optional(v.string()) })),
});

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
