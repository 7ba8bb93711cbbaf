import { ApplicationCredentialAuth, type ApplicationCredentialAuthOptions } from './application-credential.js';
import { PasswordAuth, type PasswordAuthOptions } from './password.js';
import { defineAuth, type AuthPlugin } from '../base/auth-provider.js';
import { TokenAuth, type TokenAuthOptions } from './token.js';
import { MultiFactorAuth, TotpAuth, type MultiFactorAuthOptions, type TotpAuthOptions } from './totp.js';

/** The auth methods every Connection knows; names match openstacksdk's `auth_type` values too. */
export const builtinAuthPlugins: readonly AuthPlugin[] = [
  defineAuth<PasswordAuthOptions>({ names: ['password', 'v3password'], create: (o) => new PasswordAuth(o) }),
  defineAuth<TokenAuthOptions>({ names: ['token', 'v3token'], create: (o) => new TokenAuth(o) }),
  defineAuth<ApplicationCredentialAuthOptions>({
    names: ['applicationCredential', 'v3applicationcredential', 'application_credential'],
    create: (o) => new ApplicationCredentialAuth(o),
  }),
  defineAuth<TotpAuthOptions>({ names: ['totp', 'v3totp'], create: (o) => new TotpAuth(o) }),
  defineAuth<MultiFactorAuthOptions>({ names: ['multiFactor', 'v3multifactor'], create: (o) => new MultiFactorAuth(o) }),
];

/** The `auth` option as a plain object: `{ type, authUrl, ... }`. */
export type AuthOptions =
  | ({ type: 'password' | 'v3password' } & PasswordAuthOptions)
  | ({ type: 'token' | 'v3token' } & TokenAuthOptions)
  | ({ type: 'applicationCredential' | 'v3applicationcredential' } & ApplicationCredentialAuthOptions)
  | ({ type: 'totp' | 'v3totp' } & TotpAuthOptions)
  | ({ type: 'multiFactor' | 'v3multifactor' } & MultiFactorAuthOptions)
  | ({ type: string } & Record<string, unknown>);
