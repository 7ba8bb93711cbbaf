import type { DeleteOptions, FindCallOptions, ListFilters } from '../../resource/declare.js';
import type { Paged } from '../../resource/paginate.js';
import type { ListOptions, Ref } from '../../resource/proxy.js';
import type { CallOptions, Query } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf } from '../../base/validate.js';
import { userPath } from './base.js';
import { GrantsProxy } from './grants.js';
import * as r from './resources.js';
import type * as s from './schemas.js';
import type { ApplicationCredentialAttrs } from './types.js';

type AppCredFilters = ListFilters<s.ApplicationCredential>;

const appCredsPath = (user: Ref) => `${userPath(user)}/application_credentials`;
const appCredPath = (user: Ref, appCred: Ref) => `${appCredsPath(user)}/${seg(idOf(appCred, 'appCred'))}`;
const rulesPath = (user: Ref) => `${userPath(user)}/access_rules`;
const rulePath = (user: Ref, rule: Ref) => `${rulesPath(user)}/${seg(idOf(rule, 'rule'))}`;

/** A user's application credentials and the access rules that limit them, all under `/users/{id}`. */
export class ApplicationCredentialsProxy extends GrantsProxy {
  applicationCredentials(user: Ref, filters: AppCredFilters = {}, opts?: ListOptions) {
    return this._list(r.applicationCredentials, filters as Query, opts, appCredsPath(user));
  }
  async getApplicationCredential(user: Ref, appCred: Ref, opts?: CallOptions) {
    return this._get(r.applicationCredentials, appCred, opts, appCredPath(user, appCred));
  }
  async findApplicationCredential(user: Ref, nameOrId: string, opts?: FindCallOptions<AppCredFilters>) {
    return this._find(r.applicationCredentials, nameOrId, opts as FindCallOptions, appCredsPath(user));
  }
  /**
   * Creates an application credential for the token's project. Its `secret` is only in this answer.
   * `roles` (by id or name) limit it to some of the user's roles, `access_rules` to some API calls.
   */
  async createApplicationCredential(user: Ref, attrs: ApplicationCredentialAttrs, opts?: CallOptions) {
    const path = appCredsPath(user);
    this.session.redactor.add(attrs?.secret);
    const created = await this._create(r.applicationCredentials, attrs, opts, path);
    this.session.redactor.add(created.secret);
    return created;
  }
  /** Application credentials cannot be changed in Keystone: delete and create instead. */
  async deleteApplicationCredential(user: Ref, appCred: Ref, opts?: DeleteOptions) {
    return this._delete(r.applicationCredentials, appCred, opts, appCredPath(user, appCred));
  }

  /** @deprecated The options come third: `accessRules(user, {}, opts)`. */
  accessRules(user: Ref, opts: ListOptions): Paged<s.AccessRule>;
  /** The access rules of a user's application credentials. */
  accessRules(user: Ref, filters?: ListFilters<s.AccessRule>, opts?: ListOptions): Paged<s.AccessRule>;
  accessRules(user: Ref, filters?: object, opts?: ListOptions) {
    return this.listOf(r.accessRules, filters, opts, rulesPath(user));
  }
  async getAccessRule(user: Ref, rule: Ref, opts?: CallOptions) {
    return this._get(r.accessRules, rule, opts, rulePath(user, rule));
  }
  /** Keystone refuses while an application credential still uses the rule. */
  async deleteAccessRule(user: Ref, rule: Ref, opts?: DeleteOptions) {
    return this._delete(r.accessRules, rule, opts, rulePath(user, rule));
  }
}
