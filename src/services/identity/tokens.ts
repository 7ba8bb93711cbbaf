import * as v from 'valibot';
import { CatalogEntry } from '../../base/auth-state.js';
import { ValidationError } from '../../base/errors.js';
import { TokenBody } from '../../auth/token-body.js';
import type { DeleteOptions, ListFilters } from '../../resource/declare.js';
import type { Paged } from '../../resource/paginate.js';
import type { ListOptions } from '../../resource/proxy.js';
import type { CallOptions, Query } from '../../base/types.js';
import { parseResponse } from '../../base/validate.js';
import { LimitsProxy } from './limits.js';
import * as r from './resources.js';
import * as s from './schemas.js';
import type { Token } from './types.js';

const CatalogBody = v.looseObject({ catalog: v.array(CatalogEntry) });
const SystemBody = v.looseObject({ system: v.array(s.SystemScope) });

/** Tokens handed in (validate, check, revoke), and what the current token can reach. */
export class TokensProxy extends LimitsProxy {
  /** Validates a token and returns its body (user, scope, roles, catalog, expiry). */
  async validateToken(token: string, opts: CallOptions & { nocatalog?: boolean; allowExpired?: boolean } = {}): Promise<Token> {
    const { nocatalog, allowExpired, ...call } = opts;
    const query: Query = {};
    if (nocatalog) query.nocatalog = true;
    if (allowExpired) query.allow_expired = true;
    const res = await this.request({ ...call, path: '/auth/tokens', query, headers: this.subject(token, call.headers) });
    return parseResponse(TokenBody, res.data, 'token').token;
  }
  /** True when the token is valid (not expired, not revoked). */
  async checkToken(token: string, opts: CallOptions = {}): Promise<boolean> {
    return this.check('/auth/tokens', { ...opts, headers: this.subject(token, opts.headers) });
  }
  /** Revokes a token; every service rejects it from then on. */
  async revokeToken(token: string, opts: DeleteOptions = {}): Promise<void> {
    const { ignoreMissing = false, ...call } = opts;
    await this.request({
      ...call,
      method: 'DELETE',
      path: '/auth/tokens',
      headers: this.subject(token, call.headers),
      okStatuses: ignoreMissing ? [404] : undefined,
      responseType: 'none',
    });
  }

  /** @deprecated The options come second: `authProjects({}, opts)`. */
  authProjects(opts: ListOptions): Paged<s.Project>;
  /** The projects the current user may scope a token to (works with an unscoped token). */
  authProjects(filters?: ListFilters<s.Project>, opts?: ListOptions): Paged<s.Project>;
  authProjects(filters?: object, opts?: ListOptions) {
    return this.listOf(r.authProjects, filters, opts);
  }
  /** @deprecated The options come second: `authDomains({}, opts)`. */
  authDomains(opts: ListOptions): Paged<s.Domain>;
  /** The domains the current user may scope a token to. */
  authDomains(filters?: ListFilters<s.Domain>, opts?: ListOptions): Paged<s.Domain>;
  authDomains(filters?: object, opts?: ListOptions) {
    return this.listOf(r.authDomains, filters, opts);
  }
  /** The system scopes the current user may ask for (`[{ all: true }]` or `[]`). */
  async authSystem(opts?: CallOptions): Promise<Record<string, unknown>[]> {
    const res = await this.request({ ...opts, path: '/auth/system' });
    return parseResponse(SystemBody, res.data, 'system scope list').system;
  }
  /** The current token's service catalog, as Keystone serves it now (project-scoped tokens). */
  async authCatalog(opts?: CallOptions): Promise<CatalogEntry[]> {
    const res = await this.request({ ...opts, path: '/auth/catalog' });
    return parseResponse(CatalogBody, res.data, 'catalog').catalog;
  }

  private subject(token: string, headers?: Record<string, string>): Record<string, string> {
    if (typeof token !== 'string' || !token) throw new ValidationError('a token is required', 'token');
    // A token handed in is as secret as our own: keep it out of messages and logs.
    this.session.redactor.add(token);
    return { ...headers, 'x-subject-token': token };
  }
}
