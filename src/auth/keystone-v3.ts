import * as v from 'valibot';
import { AuthError, UnauthorizedError, ValidationError } from '../base/errors.js';
import { issuePath } from '../base/validate.js';
import { CachedAuth } from './cached-auth.js';
import type { AuthState } from '../base/auth-state.js';
import { stateFromToken, TokenBody } from './token-body.js';

/** Where the token is scoped. Give at most one of project, domain, system; none means unscoped. */
export interface ScopeOptions {
  projectId?: string;
  projectName?: string;
  projectDomainId?: string;
  projectDomainName?: string;
  domainId?: string;
  domainName?: string;
  /** Scope to the whole deployment (`system: { all: true }`). */
  system?: boolean | 'all';
  /** Domain used when a user or project is given by name without its own domain. */
  defaultDomainId?: string;
  defaultDomainName?: string;
}

/** A user given by id, or by name plus domain. */
export interface UserOptions {
  userId?: string;
  username?: string;
  userDomainId?: string;
  userDomainName?: string;
}

/** What every Keystone v3 auth method takes: the auth URL, an auth receipt from a first factor, and how early to log in again. */
export interface KeystoneCommon {
  /** Keystone's URL, with or without `/v3`. */
  authUrl: string;
  /** An auth receipt from a first factor (`AuthReceiptRequiredError.receipt`). */
  receipt?: string;
  /** Log in again this many ms before expiry (default 120000). */
  refreshMarginMs?: number;
}

/** Keystone answered 401 with an auth receipt: more factors are needed. */
export class AuthReceiptRequiredError extends AuthError {
  override name = 'AuthReceiptRequiredError';
  /** Send back as `receipt` together with the missing methods. Valid for a few minutes. */
  readonly receipt: string;
  readonly methods: string[];
  readonly requiredMethods: string[][];
  constructor(receipt: string, methods: string[], requiredMethods: string[][]) {
    super(`Keystone needs more authentication methods: one of ${requiredMethods.map((m) => m.join('+')).join(' or ')}`);
    this.receipt = receipt;
    this.methods = methods;
    this.requiredMethods = requiredMethods;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), methods: this.methods, requiredMethods: this.requiredMethods };
  }
}

/** `http://h:5000`, `http://h:5000/`, `http://h:5000/v3/` all become `http://h:5000/v3`. */
export function normalizeAuthUrl(authUrl: unknown, field = 'auth.authUrl'): string {
  if (typeof authUrl !== 'string' || !authUrl.trim()) throw new ValidationError('an auth URL is required', field);
  let u: URL;
  try {
    u = new URL(authUrl.trim());
  } catch {
    throw new ValidationError(`'${authUrl}' is not an absolute URL`, field);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ValidationError(`'${authUrl}' is not an http(s) URL`, field);
  let path = u.pathname.replace(/\/+$/, '');
  if (/\/v2\.0$/.test(path)) path = path.replace(/\/v2\.0$/, '/v3');
  else if (!/\/v3$/.test(path)) path = `${path}/v3`;
  return `${u.origin}${path}`;
}

type Ref = { id: string } | { name: string; domain: { id: string } | { name: string } };

function domainRef(id: string | undefined, name: string | undefined, o: ScopeOptions, field: string) {
  if (id) return { id };
  if (name) return { name };
  if (o.defaultDomainId) return { id: o.defaultDomainId };
  if (o.defaultDomainName) return { name: o.defaultDomainName };
  throw new ValidationError('a name needs its domain (id or name), or a default domain', field);
}

export function userRef(o: UserOptions & ScopeOptions): Ref {
  if (o.userId) return { id: o.userId };
  if (o.username) return { name: o.username, domain: domainRef(o.userDomainId, o.userDomainName, o, 'auth.userDomainName') };
  throw new ValidationError('a user is required (userId, or username with its domain)', 'auth.username');
}

/** The `scope` part of the request, or undefined for an unscoped token. */
export function scopeOf(o: ScopeOptions): Record<string, unknown> | undefined {
  const project = o.projectId || o.projectName;
  const domain = o.domainId || o.domainName;
  const kinds = [project, domain, o.system].filter(Boolean).length;
  if (kinds > 1) throw new ValidationError('give only one scope: a project, a domain or the system', 'auth.projectId');
  if (!project && (o.projectDomainId || o.projectDomainName))
    throw new ValidationError('a project domain was given without a project (projectId or projectName)', 'auth.projectName');
  if (o.projectId) return { project: { id: o.projectId } };
  if (o.projectName)
    return { project: { name: o.projectName, domain: domainRef(o.projectDomainId, o.projectDomainName, o, 'auth.projectDomainName') } };
  if (o.domainId) return { domain: { id: o.domainId } };
  if (o.domainName) return { domain: { name: o.domainName } };
  if (o.system) return { system: { all: true } };
  return undefined;
}

/**
 * A Keystone v3 login (`POST /v3/auth/tokens`). Subclasses say which methods to send; this class
 * sends them, reads `X-Subject-Token`, and turns an auth receipt into {@link AuthReceiptRequiredError}.
 */
export abstract class KeystoneV3Auth<O extends KeystoneCommon> extends CachedAuth {
  readonly authUrl: string;
  protected readonly options: O;

  constructor(options: O) {
    super(options.refreshMarginMs);
    if (!options || typeof options !== 'object') throw new ValidationError('auth options are required', 'auth');
    this.options = options;
    this.authUrl = normalizeAuthUrl(options.authUrl);
  }

  /** `{ methods, <method>: {...} }` for the identity block. */
  protected abstract identity(): Promise<Record<string, unknown>>;
  /** The scope block, or undefined. */
  protected abstract scope(): Record<string, unknown> | undefined;

  protected async login(signal?: AbortSignal): Promise<AuthState> {
    const scope = this.scope();
    const body = { auth: { identity: await this.identity(), ...(scope ? { scope } : {}) } };
    const headers: Record<string, string> = {};
    if (this.options.receipt) headers['Openstack-Auth-Receipt'] = this.options.receipt;
    // A 401 may carry an auth receipt (more factors needed): read it off the raw response,
    // before error handling would mask it like any other secret header.
    const res = await this.context.request<unknown>({
      method: 'POST',
      path: `${this.authUrl}/auth/tokens`,
      body,
      headers,
      authenticated: false,
      signal,
      // Logging in twice is harmless: a login whose answer was lost is sent again.
      idempotent: true,
      okStatuses: [401],
    });
    if (res.status === 401) {
      const receipt = res.headers.get('openstack-auth-receipt');
      const b = res.data as { receipt?: { methods?: string[] }; required_auth_methods?: string[][]; error?: { message?: string } } | undefined;
      if (receipt) {
        this.context.redactor.add(receipt);
        throw new AuthReceiptRequiredError(receipt, b?.receipt?.methods ?? [], b?.required_auth_methods ?? []);
      }
      throw new UnauthorizedError({
        status: 401,
        method: 'POST',
        url: `${this.authUrl}/auth/tokens`,
        requestId: res.requestId,
        service: 'identity',
        cloudMessage: b?.error?.message ?? 'The credentials were not accepted',
        body: undefined,
      });
    }
    const token = res.headers.get('x-subject-token');
    if (!token)
      throw new AuthError(
        'Keystone issued a token but the X-Subject-Token header is not readable (in a browser, Keystone must list it in Access-Control-Expose-Headers)',
      );
    const parsed = v.safeParse(TokenBody, res.data);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      throw new AuthError(`Keystone's token body is not a v3 token: ${issue.message} at '${issuePath(issue)}'`);
    }
    return stateFromToken(token, parsed.output, this.authUrl);
  }
}
