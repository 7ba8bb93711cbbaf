import { ValidationError } from '../../base/errors.js';
import type { DeleteOptions, ListFilters } from '../../resource/declare.js';
import type { Paged } from '../../resource/paginate.js';
import type { ListOptions, Ref } from '../../resource/proxy.js';
import type { CallOptions } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf } from '../../base/validate.js';
import { ImpliedRolesProxy } from './implied-roles.js';
import * as r from './resources.js';
import type * as s from './schemas.js';

/**
 * Who holds a role, and where: a user or a group, on a project, a domain or the whole system.
 * Exactly one of `user`/`group` and one of `project`/`domain`/`system`.
 */
export interface GrantTarget {
  user?: Ref;
  group?: Ref;
  project?: Ref;
  domain?: Ref;
  /** The whole deployment (Keystone's only system is `all`). */
  system?: boolean | 'all';
}

/** `/projects/{p}/users/{u}/roles`: where Keystone keeps the roles of one grant target. */
export function grantPath(target: GrantTarget): string {
  if (!target || typeof target !== 'object') throw new ValidationError('a grant target is required', 'target');
  const actors = (['user', 'group'] as const).filter((k) => target[k] !== undefined);
  if (actors.length !== 1) throw new ValidationError('give exactly one of user or group', 'target.user');
  const scopes = (['project', 'domain', 'system'] as const).filter((k) => target[k] !== undefined && target[k] !== false);
  if (scopes.length !== 1) throw new ValidationError('give exactly one of project, domain or system', 'target.project');
  const actor = actors[0]!;
  const scope = scopes[0]!;
  const actorPart = `${actor}s/${seg(idOf(target[actor], `target.${actor}`))}`;
  if (scope === 'system') return `/system/${actorPart}/roles`;
  return `/${scope}s/${seg(idOf(target[scope] as Ref, `target.${scope}`))}/${actorPart}/roles`;
}

/** Where Keystone keeps one role of a grant target. */
const grantRolePath = (role: Ref, target: GrantTarget) => `${grantPath(target)}/${seg(idOf(role, 'role'))}`;

/** Filters of `GET /v3/role_assignments`, in this SDK's shorthand; Keystone's own keys pass through too. */
export interface RoleAssignmentQuery {
  user?: Ref;
  group?: Ref;
  role?: Ref;
  project?: Ref;
  domain?: Ref;
  /** Assignments on the system. */
  system?: boolean | 'all';
  /** Expand group memberships and implied roles into the user's effective roles. */
  effective?: boolean;
  /** Add names of users, groups, roles, projects and domains. */
  include_names?: boolean;
  /** With `project`: include assignments on its subprojects. */
  include_subtree?: boolean;
  /** Keystone's own keys (`scope.OS-INHERIT:inherited_to`, ...). */
  [key: string]: string | boolean | Ref | undefined;
}

/** Keystone's dotted query keys (`user.id`, `scope.project.id`) for a {@link RoleAssignmentQuery}. */
export function assignmentQuery(q: RoleAssignmentQuery): Record<string, string | boolean | undefined> {
  const out: Record<string, string | boolean | undefined> = {};
  const ids: Record<string, string> = {
    user: 'user.id',
    group: 'group.id',
    role: 'role.id',
    project: 'scope.project.id',
    domain: 'scope.domain.id',
  };
  for (const [k, value] of Object.entries(q ?? {})) {
    if (value === undefined) continue;
    if (ids[k]) out[ids[k]] = idOf(value as Ref, `query.${k}`);
    else if (k === 'system') {
      if (value) out['scope.system'] = 'all';
    } else if (typeof value === 'object') throw new ValidationError('must be a string or a boolean', `query.${k}`);
    // Keystone treats a flag as set whatever its value except '0': leave out false ones.
    else if (value !== false) out[k] = value;
  }
  return out;
}

/** Role grants to users and groups, and the role assignments that result. */
export class GrantsProxy extends ImpliedRolesProxy {
  /**
   * Role assignments, e.g. `{ user, project, effective: true, include_names: true }`
   * (`GET /v3/role_assignments`).
   */
  roleAssignments(query: RoleAssignmentQuery = {}, opts?: ListOptions) {
    return this._list(r.roleAssignments, assignmentQuery(query), opts);
  }
  /** Gives `role` to a user or group on a project, a domain or the system. */
  async grantRole(role: Ref, target: GrantTarget, opts?: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'PUT', path: grantRolePath(role, target), responseType: 'none' });
  }
  /** True when the user or group holds `role` directly there (not through groups or implied roles). */
  async checkRoleGrant(role: Ref, target: GrantTarget, opts?: CallOptions): Promise<boolean> {
    return this.check(grantRolePath(role, target), opts);
  }
  async revokeRole(role: Ref, target: GrantTarget, opts?: DeleteOptions) {
    return this._delete(r.roles, role, opts, grantRolePath(role, target));
  }
  /** @deprecated The options come third: `grantedRoles(target, {}, opts)`. */
  grantedRoles(target: GrantTarget, opts: ListOptions): Paged<s.Role>;
  /** The roles granted directly to a user or group on a project, a domain or the system. */
  grantedRoles(target: GrantTarget, filters?: ListFilters<s.Role>, opts?: ListOptions): Paged<s.Role>;
  grantedRoles(target: GrantTarget, filters?: object, opts?: ListOptions) {
    return this.listOf(r.roles, filters, opts, grantPath(target));
  }
}
