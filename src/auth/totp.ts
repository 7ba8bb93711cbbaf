import { ValidationError } from '../base/errors.js';
import type { AuthContext } from '../base/auth-provider.js';
import { KeystoneV3Auth, scopeOf, userRef, type KeystoneCommon, type ScopeOptions, type UserOptions } from './keystone-v3.js';

/** A passcode, or a function giving a fresh one for each login (codes are short-lived). */
export type Passcode = string | (() => string | Promise<string>);

export interface TotpAuthOptions extends KeystoneCommon, ScopeOptions, UserOptions {
  passcode: Passcode;
}

export interface MultiFactorAuthOptions extends KeystoneCommon, ScopeOptions, UserOptions {
  password: string;
  passcode: Passcode;
}

async function code(p: Passcode): Promise<string> {
  return typeof p === 'function' ? p() : p;
}

function checkPasscode(p: unknown): void {
  if (typeof p !== 'function' && (typeof p !== 'string' || !p)) throw new ValidationError('a passcode is required', 'auth.passcode');
}

/** Keystone v3 TOTP login (`v3totp`): alone, or as the second factor with a `receipt`. */
export class TotpAuth extends KeystoneV3Auth<TotpAuthOptions> {
  readonly type = 'totp';
  constructor(options: TotpAuthOptions) {
    super(options);
    checkPasscode(options.passcode);
    userRef(options);
    scopeOf(options);
  }
  protected override registerSecrets(ctx: AuthContext): void {
    ctx.redactor.add(this.options.receipt);
  }
  protected async identity() {
    return { methods: ['totp'], totp: { user: { ...userRef(this.options), passcode: await code(this.options.passcode) } } };
  }
  protected scope() {
    return scopeOf(this.options);
  }
}

/** Password and TOTP in one request (`v3multifactor`), for users whose MFA rules need both. */
export class MultiFactorAuth extends KeystoneV3Auth<MultiFactorAuthOptions> {
  readonly type = 'multiFactor';
  constructor(options: MultiFactorAuthOptions) {
    super(options);
    if (!options.password) throw new ValidationError('a password is required', 'auth.password');
    checkPasscode(options.passcode);
    userRef(options);
    scopeOf(options);
  }
  protected override registerSecrets(ctx: AuthContext): void {
    ctx.redactor.add(this.options.password);
    ctx.redactor.add(this.options.receipt);
  }
  protected async identity() {
    const user = userRef(this.options);
    return {
      methods: ['password', 'totp'],
      password: { user: { ...user, password: this.options.password } },
      totp: { user: { ...user, passcode: await code(this.options.passcode) } },
    };
  }
  protected scope() {
    return scopeOf(this.options);
  }
}
