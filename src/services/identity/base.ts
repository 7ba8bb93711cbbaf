import { declaredProxy } from '../../resource/declare.js';
import type { Ref } from '../../resource/proxy.js';
import type { CallOptions } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf } from '../../base/validate.js';
import * as r from './resources.js';

/** The standard operations of every resource declared in resources.ts, and the steps the other methods share. */
export class IdentityBase extends declaredProxy(r) {
  /** HEAD that answers 204 when something exists and 404 when not. */
  protected async check(path: string, opts: CallOptions = {}): Promise<boolean> {
    const res = await this.request({ ...opts, method: 'HEAD', path, okStatuses: [404], responseType: 'none' });
    return res.status !== 404;
  }
}

export const userPath = (user: Ref) => `/users/${seg(idOf(user, 'user'))}`;
