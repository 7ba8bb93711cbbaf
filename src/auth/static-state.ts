import { AuthError } from '../base/errors.js';
import { CachedAuth } from './cached-auth.js';
import type { AuthState } from '../base/auth-state.js';

/**
 * Uses a state exported earlier (`conn.auth.getAuthState()`) and nothing else: a web app keeping
 * its session across page loads without keeping the password. Fails once the token has expired.
 */
export class StaticStateAuth extends CachedAuth {
  readonly type = 'state';
  readonly authUrl: string | undefined;
  constructor(private readonly initial: AuthState) {
    super(0);
    this.authUrl = initial.authUrl;
    this.setAuthState(initial);
  }
  protected async login(): Promise<AuthState> {
    throw new AuthError('The saved token has expired or was rejected, and no credentials were given to log in again');
  }
}
