import type { ListFilters, DeleteOptions } from '../../resource/declare.js';
import type { ListOptions, Ref } from '../../resource/proxy.js';
import type { CallOptions, Query } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf, validateInput } from '../../base/validate.js';
import { userPath } from './base.js';
import { ProjectsProxy } from './projects.js';
import * as r from './resources.js';
import * as s from './schemas.js';
import type { ProjectQuery, UserAttrs, UserQuery, UserUpdateAttrs } from './types.js';

const groupPath = (group: Ref) => `/groups/${seg(idOf(group, 'group'))}`;
const memberPath = (group: Ref, user: Ref) => `${groupPath(group)}/users/${seg(idOf(user, 'user'))}`;

/** Users with their passwords, and group membership. */
export class UsersGroupsProxy extends ProjectsProxy {
  /** Creates a user; the password is kept out of logs and error messages. */
  async createUser(attrs: UserAttrs, opts?: CallOptions) {
    this.session.redactor.add(attrs?.password);
    return this._create(r.users, attrs, opts);
  }
  /** Updates a user; an administrator may set `password` here without knowing the old one. */
  async updateUser(user: Ref, attrs: UserUpdateAttrs, opts?: CallOptions) {
    this.session.redactor.add(attrs?.password);
    return this._update(r.users, user, attrs, opts);
  }
  /**
   * A user changes their own password (`POST /v3/users/{id}/password`). Keystone then revokes the
   * user's tokens: a Connection logged in as this user needs the new password to go on.
   */
  async changePassword(user: Ref, attrs: { originalPassword: string; password: string }, opts?: CallOptions): Promise<void> {
    const path = `${userPath(user)}/password`;
    const p = validateInput(s.PasswordChange, attrs, 'attrs');
    this.session.redactor.add(p.originalPassword);
    this.session.redactor.add(p.password);
    await this.request({
      ...opts,
      method: 'POST',
      path,
      body: { user: { original_password: p.originalPassword, password: p.password } },
      responseType: 'none',
    });
  }
  /** The projects a user has a role on. */
  userProjects(user: Ref, filters: ProjectQuery = {}, opts?: ListOptions) {
    return this._list(r.projects, filters as Query, opts, `${userPath(user)}/projects`);
  }
  /** The groups a user is a member of. */
  userGroups(user: Ref, filters: ListFilters<s.Group> = {}, opts?: ListOptions) {
    return this._list(r.groups, filters as Query, opts, `${userPath(user)}/groups`);
  }

  /** The members of a group. */
  groupUsers(group: Ref, filters: UserQuery = {}, opts?: ListOptions) {
    return this._list(r.users, filters as Query, opts, `${groupPath(group)}/users`);
  }
  async addUserToGroup(group: Ref, user: Ref, opts?: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'PUT', path: memberPath(group, user), responseType: 'none' });
  }
  /** True when the user is a member of the group. */
  async checkUserInGroup(group: Ref, user: Ref, opts?: CallOptions): Promise<boolean> {
    return this.check(memberPath(group, user), opts);
  }
  async removeUserFromGroup(group: Ref, user: Ref, opts?: DeleteOptions) {
    return this._delete(r.groups, group, opts, memberPath(group, user));
  }
}
