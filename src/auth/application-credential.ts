import { ValidationError } from '../base/errors.js';
import type { AuthContext } from '../base/auth-provider.js';
import { KeystoneV3Auth, userRef, type KeystoneCommon, type UserOptions } from './keystone-v3.js';

export interface ApplicationCredentialAuthOptions extends KeystoneCommon, UserOptions {
  applicationCredentialId?: string;
  /** With a user (id, or name plus domain) instead of the credential's id. */
  applicationCredentialName?: string;
  applicationCredentialSecret: string;
}

/** Keystone v3 application credential login (`v3applicationcredential`). Always scoped to its project. */
export class ApplicationCredentialAuth extends KeystoneV3Auth<ApplicationCredentialAuthOptions> {
  readonly type = 'applicationCredential';
  constructor(options: ApplicationCredentialAuthOptions) {
    super(options);
    if (!options.applicationCredentialSecret)
      throw new ValidationError('an application credential secret is required', 'auth.applicationCredentialSecret');
    if (!options.applicationCredentialId && !options.applicationCredentialName)
      throw new ValidationError('an application credential id, or a name with its user, is required', 'auth.applicationCredentialId');
    if (!options.applicationCredentialId) userRef(options);
  }
  protected override registerSecrets(ctx: AuthContext): void {
    ctx.redactor.add(this.options.applicationCredentialSecret);
  }
  protected async identity() {
    const o = this.options;
    const cred = o.applicationCredentialId
      ? { id: o.applicationCredentialId, secret: o.applicationCredentialSecret }
      : { name: o.applicationCredentialName, user: userRef(o), secret: o.applicationCredentialSecret };
    return { methods: ['application_credential'], application_credential: cred };
  }
  protected scope() {
    return undefined;
  }
}
