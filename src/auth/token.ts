import { ValidationError } from '../base/errors.js';
import type { AuthContext } from '../base/auth-provider.js';
import { KeystoneV3Auth, scopeOf, type KeystoneCommon, type ScopeOptions } from './keystone-v3.js';

export interface TokenAuthOptions extends KeystoneCommon, ScopeOptions {
  /** An existing token, exchanged for a new (possibly rescoped) one. */
  token: string;
}

/** Keystone v3 token login (`auth_type: token` / `v3token`): rescopes or renews an existing token. */
export class TokenAuth extends KeystoneV3Auth<TokenAuthOptions> {
  readonly type = 'token';
  constructor(options: TokenAuthOptions) {
    super(options);
    if (typeof options.token !== 'string' || !options.token) throw new ValidationError('a token is required', 'auth.token');
    scopeOf(options);
  }
  protected override registerSecrets(ctx: AuthContext): void {
    ctx.redactor.add(this.options.token);
  }
  protected async identity() {
    return { methods: ['token'], token: { id: this.options.token } };
  }
  protected scope() {
    return scopeOf(this.options);
  }
}
