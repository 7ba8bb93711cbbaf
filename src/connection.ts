import { builtinAuthPlugins, type AuthOptions } from './auth/builtin.js';
import { findEndpoint, type Interface } from './base/catalog.js';
import type { AuthPlugin, AuthProvider } from './base/auth-provider.js';
import { StaticStateAuth } from './auth/static-state.js';
import type { AuthState } from './base/auth-state.js';
import type { MergeServices, ServicePlugin } from './plugin.js';
import { ValidationError } from './base/errors.js';
import { Redactor } from './base/redact.js';
import type { RetryOptions } from './session/retry.js';
import { Session } from './session/session.js';
import type { FetchLike, LogHook } from './base/types.js';

export interface ConnectionOptions<S extends readonly ServicePlugin[] = readonly ServicePlugin[]> {
  /** An auth provider, or `{ type, authUrl, ... }` resolved by name (built-ins plus `authTypes`). */
  auth?: AuthProvider | AuthOptions;
  /** A state from `conn.auth.getAuthState()`: used until it expires, skipping a login. */
  authState?: AuthState;
  /** Extra auth methods, usable by name in `auth.type` and clouds.yaml's `auth_type`. */
  authTypes?: readonly AuthPlugin[];
  /** Services to add (or to replace built-ins of the same name). */
  services?: S;
  region?: string;
  interface?: Interface;
  /** A fetch to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: FetchLike;
  /** Per service type or name: use this URL instead of the catalog's (`%(project_id)s` allowed). */
  endpointOverrides?: Record<string, string>;
  /** Per service type or name: a microversion to send on every call. */
  microversions?: Record<string, string>;
  /** Per service type or name: the catalog interface to use. */
  interfaces?: Record<string, Interface>;
  retry?: RetryOptions;
  /** Per-attempt timeout in ms for every request (none by default). */
  timeout?: number;
  /** Sees a summary of every request and response, secrets masked. */
  log?: LogHook;
  /** Headers sent on every request (e.g. a User-Agent suffix). */
  headers?: Record<string, string>;
}

/** `conn.auth`: the token and what came with it. */
export class AuthHandle {
  constructor(
    /** The provider doing the work. */
    readonly provider: AuthProvider,
  ) {}
  /** A valid token, logging in first if needed. */
  async getToken(opts: { signal?: AbortSignal } = {}): Promise<string> {
    return (await this.provider.getAuthState(opts)).token;
  }
  /** Token, expiry, user, scope, roles and catalog. Plain JSON, safe to store and hand back as `authState`. */
  getAuthState(opts: { signal?: AbortSignal; forceRefresh?: boolean } = {}): Promise<AuthState> {
    return this.provider.getAuthState(opts);
  }
  /** A service's catalog URL (as the catalog has it, before version discovery). */
  async getEndpoint(serviceType: string, opts: { interface?: Interface; region?: string; signal?: AbortSignal } = {}): Promise<string> {
    const state = await this.provider.getAuthState({ signal: opts.signal });
    return findEndpoint(state.catalog, { type: serviceType, interface: opts.interface, region: opts.region });
  }
  /** Forget the current token; the next request logs in again. */
  invalidate(): void {
    this.provider.invalidate();
  }
}

function resolveAuth(o: ConnectionOptions<readonly ServicePlugin[]>): AuthProvider {
  const auth = o.auth;
  if (!auth) {
    if (o.authState) return new StaticStateAuth(o.authState);
    throw new ValidationError('auth options (or an authState) are required', 'auth');
  }
  if (typeof (auth as AuthProvider).getAuthState === 'function') return auth as AuthProvider;
  const type = (auth as { type?: unknown }).type ?? 'password';
  if (typeof type !== 'string') throw new ValidationError('must be a string', 'auth.type');
  const plugins = [...(o.authTypes ?? []), ...builtinAuthPlugins];
  const plugin = plugins.find((p) => p.names.includes(type));
  if (!plugin)
    throw new ValidationError(`unknown auth type '${type}'; known: ${[...new Set(plugins.flatMap((p) => p.names))].join(', ')}`, 'auth.type');
  return plugin.create(auth);
}

/**
 * One connection to one cloud: authentication, the request pipeline, and a property per service.
 * Service proxies are created on first use.
 */
export class ConnectionCore {
  readonly session: Session;
  readonly auth: AuthHandle;
  readonly #proxies = new Map<string, unknown>();

  constructor(options: ConnectionOptions<readonly ServicePlugin[]>, builtins: readonly ServicePlugin[] = []) {
    if (!options || typeof options !== 'object') throw new ValidationError('options are required', 'options');
    const provider = resolveAuth(options);
    const redactor = new Redactor();
    this.session = new Session({ ...options, auth: provider, redactor });
    if (options.authState && options.auth) provider.setAuthState(options.authState);
    this.auth = new AuthHandle(provider);
    const plugins = new Map<string, ServicePlugin>();
    for (const p of [...builtins, ...(options.services ?? [])]) {
      if (!p || p.kind !== 'service' || typeof p.create !== 'function' || !p.name || !p.type)
        throw new ValidationError('each service must come from defineService()', 'services');
      plugins.set(p.name, p);
    }
    const service = <T>(name: string): T => {
      if (!plugins.has(name)) throw new ValidationError(`this Connection has no '${name}' service; add its plugin to \`services\``, 'services');
      return (this as unknown as Record<string, T>)[name]!;
    };
    for (const p of plugins.values()) {
      Object.defineProperty(this, p.name, {
        enumerable: true,
        configurable: true,
        get: () => {
          if (!this.#proxies.has(p.name)) this.#proxies.set(p.name, p.create({ session: this.session, descriptor: p, name: p.name, service }));
          return this.#proxies.get(p.name);
        },
      });
    }
  }
}

/** A Connection class typed by the services it holds. */
export interface ConnectionClass<Base extends readonly ServicePlugin[]> {
  new <const S extends readonly ServicePlugin[] = []>(options: ConnectionOptions<S>): ConnectionCore & MergeServices<Base, S>;
  readonly prototype: ConnectionCore;
}

/** Makes a Connection class that always holds `builtins` (the full entry uses every built-in service). */
export function connectionWith<const B extends readonly ServicePlugin[]>(builtins: B): ConnectionClass<B> {
  return class Connection extends ConnectionCore {
    constructor(options: ConnectionOptions<readonly ServicePlugin[]>) {
      super(options, builtins);
    }
  } as unknown as ConnectionClass<B>;
}
