import { AuthError } from '../base/errors.js';
import type { AuthContext, AuthProvider, GetAuthOptions } from '../base/auth-provider.js';
import type { AuthState } from '../base/auth-state.js';

/**
 * The part every token-based provider shares: one login at a time (concurrent callers wait for
 * the same promise), a fresh login ahead of expiry, and forgetting a token the cloud rejected.
 */
export abstract class CachedAuth implements AuthProvider {
  abstract readonly type: string;
  abstract readonly authUrl: string | undefined;
  protected ctx: AuthContext | undefined;
  #state: AuthState | undefined;
  #inflight: Promise<AuthState> | undefined;

  /** Log in again this many ms before the token expires. */
  constructor(protected readonly refreshMarginMs = 120_000) {}

  bind(ctx: AuthContext): void {
    this.ctx = ctx;
    this.registerSecrets(ctx);
  }

  /** Subclasses register their secrets with `ctx.redactor` here. */
  protected registerSecrets(_ctx: AuthContext): void {}

  protected get context(): AuthContext {
    if (!this.ctx) throw new AuthError('Auth provider used before it was bound to a Connection');
    return this.ctx;
  }

  /** Performs the actual login. */
  protected abstract login(signal?: AbortSignal): Promise<AuthState>;

  async getAuthState(options: GetAuthOptions = {}): Promise<AuthState> {
    if (!options.forceRefresh && this.#state && !this.#expiresSoon(this.#state)) return this.#state;
    // Single flight: the first caller logs in, everyone else awaits the same promise.
    this.#inflight ??= this.login(options.signal)
      .then((s) => {
        this.#state = s;
        this.ctx?.redactor.add(s.token);
        return s;
      })
      .finally(() => {
        this.#inflight = undefined;
      });
    return this.#inflight;
  }

  invalidate(token?: string): void {
    if (!token || this.#state?.token === token) this.#state = undefined;
  }

  setAuthState(state: AuthState): void {
    this.#state = state;
    this.ctx?.redactor.add(state.token);
  }

  #expiresSoon(s: AuthState): boolean {
    if (!s.expiresAt) return false;
    const left = Date.parse(s.expiresAt) - Date.now();
    const lifetime = s.issuedAt ? Date.parse(s.expiresAt) - Date.parse(s.issuedAt) : Infinity;
    // Short-lived tokens refresh at a tenth of their life rather than a fixed margin.
    return left <= Math.min(this.refreshMarginMs, lifetime / 10);
  }
}
