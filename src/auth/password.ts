import { ValidationError } from '../base/errors.js';
import type { AuthContext } from '../base/auth-provider.js';
import { KeystoneV3Auth, scopeOf, userRef, type KeystoneCommon, type ScopeOptions, type UserOptions } from './keystone-v3.js';

export interface PasswordAuthOptions extends KeystoneCommon, ScopeOptions, UserOptions {
  password: string;
}

/** Keystone v3 password login (`auth_type: password` / `v3password`). */
export class PasswordAuth extends KeystoneV3Auth<PasswordAuthOptions> {
  readonly type = 'password';
  constructor(options: PasswordAuthOptions) {
    super(options);
    if (typeof options.password !== 'string' || !options.password)
      throw new ValidationError('a password is required', 'auth.password');
    userRef(options);
    scopeOf(options);
  }
  protected override registerSecrets(ctx: AuthContext): void {
    ctx.redactor.add(this.options.password);
  }
  protected async identity() {
    return { methods: ['password'], password: { user: { ...userRef(this.options), password: this.options.password } } };
  }
  protected scope() {
    return scopeOf(this.options);
  }
}
