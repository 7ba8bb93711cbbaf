import type { DeleteOptions, ListFilters } from '../../resource/declare.js';
import type { Paged } from '../../resource/paginate.js';
import type { ListOptions, Ref } from '../../resource/proxy.js';
import type { CallOptions } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf } from '../../base/validate.js';
import * as r from './resources.js';
import type * as s from './schemas.js';
import { UsersGroupsProxy } from './users-groups.js';

const priorPath = (prior: Ref) => `/roles/${seg(idOf(prior, 'prior'))}/implies`;
const impliesPath = (prior: Ref, implied: Ref) => `${priorPath(prior)}/${seg(idOf(implied, 'implied'))}`;

/** Inference rules: holding a prior role implies holding others. */
export class ImpliedRolesProxy extends UsersGroupsProxy {
  /** @deprecated The options come second: `roleInferences({}, opts)`. */
  roleInferences(opts: ListOptions): Paged<s.RoleInferences>;
  /** Every inference rule of the cloud, grouped by prior role. */
  roleInferences(filters?: ListFilters<s.RoleInferences>, opts?: ListOptions): Paged<s.RoleInferences>;
  roleInferences(filters?: object, opts?: ListOptions) {
    return this.listOf(r.roleInferences, filters, opts);
  }
  /** The roles `prior` implies. */
  async impliedRoles(prior: Ref, opts?: CallOptions): Promise<s.RoleInferences> {
    const res = await this.request({ ...opts, path: priorPath(prior) });
    return this.one(r.roleInferences, res.data);
  }
  /**
   * Makes holding `prior` imply holding `implied`: a link between two roles that exist, so `add`
   * like `addUserToGroup`, not a create.
   */
  async addImpliedRole(prior: Ref, implied: Ref, opts?: CallOptions) {
    const res = await this.request({ ...opts, method: 'PUT', path: impliesPath(prior, implied) });
    return this.one(r.impliedRoles, res.data);
  }
  /** @deprecated Use `addImpliedRole`: the same call. */
  async createImpliedRole(prior: Ref, implied: Ref, opts?: CallOptions) {
    return this.addImpliedRole(prior, implied, opts);
  }
  async getImpliedRole(prior: Ref, implied: Ref, opts?: CallOptions) {
    return this._get(r.impliedRoles, prior, opts, impliesPath(prior, implied));
  }
  /** True when `prior` implies `implied`. */
  async checkImpliedRole(prior: Ref, implied: Ref, opts?: CallOptions): Promise<boolean> {
    return this.check(impliesPath(prior, implied), opts);
  }
  async deleteImpliedRole(prior: Ref, implied: Ref, opts?: DeleteOptions) {
    return this._delete(r.impliedRoles, prior, opts, impliesPath(prior, implied));
  }
}
