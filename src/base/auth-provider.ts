import type { Redactor } from './redact.js';
import type { OpenStackResponse, RequestSpec } from './types.js';
import type { AuthState } from './auth-state.js';

/** What a Connection gives an auth provider: a way to send unauthenticated requests, and the redactor. */
export interface AuthContext {
  request<T = unknown>(spec: RequestSpec & { path: string }): Promise<OpenStackResponse<T>>;
  redactor: Redactor;
}

/** Options of {@link AuthProvider.getAuthState}: an abort signal, and whether to log in again. */
export interface GetAuthOptions {
  signal?: AbortSignal;
  /** Log in again even if the current token is still good. */
  forceRefresh?: boolean;
}

/**
 * The interface every auth method implements, built-in or from a plugin. A provider owns its
 * token: it logs in when asked, at most once at a time, and knows when the token runs out.
 */
export interface AuthProvider {
  /** The name this provider is registered under (`password`, `token`, ...). */
  readonly type: string;
  /** Keystone's v3 URL, used as the identity endpoint when the catalog has none. */
  readonly authUrl?: string | undefined;
  /** Called once by the Connection before first use. */
  bind(ctx: AuthContext): void;
  /** A valid token and what came with it, logging in if needed. */
  getAuthState(options?: GetAuthOptions): Promise<AuthState>;
  /** Forget `token` (after the cloud rejected it) so the next call logs in again. */
  invalidate(token?: string): void;
  /** Seed the provider with a state exported earlier, skipping a login while it is valid. */
  setAuthState(state: AuthState): void;
}

/** An auth method available by name in `auth: { type }` and clouds.yaml's `auth_type`. */
export interface AuthPlugin<O = any> {
  readonly kind: 'auth';
  /** Names it answers to, e.g. `['password', 'v3password']`. */
  readonly names: readonly string[];
  create(options: O): AuthProvider;
}

/** Declares an auth method plugin. */
export function defineAuth<O>(plugin: Omit<AuthPlugin<O>, 'kind'>): AuthPlugin<O> {
  return { kind: 'auth', ...plugin };
}
