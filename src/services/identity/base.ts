import { declaredProxy } from '../../resource/declare.js';
import type { ListOptions, Ref, ResourceDef } from '../../resource/proxy.js';
import type { CallOptions, Query } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf } from '../../base/validate.js';
import * as r from './resources.js';

const listOptionKeys = ['pageSize', 'signal', 'timeout', 'microversion', 'headers'];

/** The standard operations of every resource declared in resources.ts, and the steps the other methods share. */
export class IdentityBase extends declaredProxy(r) {
  /** HEAD that answers 204 when something exists and 404 when not. */
  protected async check(path: string, opts: CallOptions = {}): Promise<boolean> {
    const res = await this.request({ ...opts, method: 'HEAD', path, okStatuses: [404], responseType: 'none' });
    return res.status !== 404;
  }

  /**
   * A list that takes `(filters, opts)` but once took its options alone: called the old way, with
   * one object whose every key is an option's, that object is read as the options.
   */
  protected listOf<D extends ResourceDef>(def: D, filters: object = {}, opts?: ListOptions, path?: string) {
    const old = opts === undefined && Object.keys(filters).every((k) => listOptionKeys.includes(k));
    return old ? this._list(def, {}, filters, path) : this._list(def, filters as Query, opts, path);
  }
}

/** `/users/{id}`, under which a user's own collections are. */
export const userPath = (user: Ref) => `/users/${seg(idOf(user, 'user'))}`;
