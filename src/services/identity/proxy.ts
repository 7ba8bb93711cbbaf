import * as v from 'valibot';
import { CatalogEntry } from '../../base/auth-state.js';
import { TokenBody } from '../../auth/token-body.js';
import type { FindOptions } from '../../resource/find.js';
import { ServiceProxy, type ListOptions, type Ref, type Resource, type ResourceDef } from '../../resource/proxy.js';
import type { CallOptions, Query } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { ValidationError } from '../../base/errors.js';
import { idOf, parseResponse, validateInput } from '../../base/validate.js';
import * as d from './defs.js';
import { assignmentQuery, grantPath, type GrantTarget, type RoleAssignmentQuery } from './grants.js';
import * as s from './schemas.js';

/** The attributes of a new Keystone domain: the input of `DomainCreate`. */
export type DomainAttrs = v.InferInput<typeof s.DomainCreate>;
/** The attributes of a new Keystone project: the input of `ProjectCreate`. */
export type ProjectAttrs = v.InferInput<typeof s.ProjectCreate>;
/** What an update of a Keystone project can change: the input of `ProjectUpdate`. */
export type ProjectUpdateAttrs = v.InferInput<typeof s.ProjectUpdate>;
/** The attributes of a new Keystone user: the input of `UserCreate`. */
export type UserAttrs = v.InferInput<typeof s.UserCreate>;
/** The attributes of a new Keystone group: the input of `GroupCreate`. */
export type GroupAttrs = v.InferInput<typeof s.GroupCreate>;
/** What an update of a Keystone group can change: the input of `GroupUpdate`. */
export type GroupUpdateAttrs = v.InferInput<typeof s.GroupUpdate>;
/** The attributes of a new Keystone role: the input of `RoleCreate`. */
export type RoleAttrs = v.InferInput<typeof s.RoleCreate>;
/** What an update of a Keystone role can change: the input of `RoleUpdate`. */
export type RoleUpdateAttrs = v.InferInput<typeof s.RoleUpdate>;
/** The attributes of a new Keystone application credential: the input of `ApplicationCredentialCreate`. */
export type ApplicationCredentialAttrs = v.InferInput<typeof s.ApplicationCredentialCreate>;
/** The attributes of a new Keystone credential: the input of `CredentialCreate`. */
export type CredentialAttrs = v.InferInput<typeof s.CredentialCreate>;
/** The attributes of a new Keystone region: the input of `RegionCreate`. */
export type RegionAttrs = v.InferInput<typeof s.RegionCreate>;
/** What an update of a Keystone region can change: the input of `RegionUpdate`. */
export type RegionUpdateAttrs = v.InferInput<typeof s.RegionUpdate>;
/** The attributes of a new Keystone service: the input of `ServiceCreate`. */
export type ServiceAttrs = v.InferInput<typeof s.ServiceCreate>;
/** The attributes of a new Keystone endpoint: the input of `EndpointCreate`. */
export type EndpointAttrs = v.InferInput<typeof s.EndpointCreate>;
/** The attributes of a new Keystone registered limit: the input of `RegisteredLimitCreate`. */
export type RegisteredLimitAttrs = v.InferInput<typeof s.RegisteredLimitCreate>;
/** The attributes of a new Keystone limit: the input of `LimitCreate`. */
export type LimitAttrs = v.InferInput<typeof s.LimitCreate>;
/** What an update of a Keystone limit can change: the input of `LimitUpdate`. */
export type LimitUpdateAttrs = v.InferInput<typeof s.LimitUpdate>;
/** The body of a v3 token, as `GET /v3/auth/tokens` returns it. */
export type Token = TokenBody['token'];

type DeleteOptions = CallOptions & { ignoreMissing?: boolean };
type Filters<K extends string> = { [P in K]?: string | boolean | undefined } & Query;
/** Filters for listing Keystone projects, as the API names them. */
export type ProjectQuery = Filters<'domain_id' | 'parent_id' | 'name' | 'enabled' | 'is_domain' | 'tags' | 'tags-any' | 'not-tags' | 'not-tags-any'>;
/** Filters for listing Keystone users, as the API names them. */
export type UserQuery = Filters<'domain_id' | 'name' | 'enabled' | 'idp_id' | 'protocol_id' | 'unique_id' | 'password_expires_at'>;

const TagList = v.looseObject({ tags: v.array(v.string()) });
const CatalogBody = v.looseObject({ catalog: v.array(CatalogEntry) });
const SystemBody = v.looseObject({ system: v.array(s.SystemScope) });
const LimitModelBody = v.looseObject({ model: s.LimitModel });

/**
 * `conn.identity`: Keystone v3. Works with an unscoped token too: Keystone is then reached at the
 * URL the Connection logged in with.
 */
export class IdentityProxy extends ServiceProxy {
  // ---- domains -------------------------------------------------------------------------------
  /** Domains (`GET /v3/domains`). */
  domains(query: Filters<'name' | 'enabled'> = {}, opts?: ListOptions) {
    return this._list(d.domains, query, opts);
  }
  async getDomain(domain: Ref, opts?: CallOptions) {
    return this._get(d.domains, domain, opts);
  }
  async findDomain(nameOrId: string, opts?: FindOptions) {
    return this._find(d.domains, nameOrId, opts);
  }
  async createDomain(attrs: DomainAttrs, opts?: CallOptions) {
    return this._create(d.domains, attrs, opts);
  }
  async updateDomain(domain: Ref, attrs: Partial<DomainAttrs>, opts?: CallOptions) {
    return this._update(d.domains, domain, attrs, opts);
  }
  /** Keystone deletes only disabled domains: disable it first with `updateDomain(d, { enabled: false })`. */
  async deleteDomain(domain: Ref, opts?: DeleteOptions) {
    return this._delete(d.domains, domain, opts);
  }

  // ---- projects ------------------------------------------------------------------------------
  /** Projects; `{ parent_id }` lists a project's children, `tags`/`tags-any` filter by tags. */
  projects(query: ProjectQuery = {}, opts?: ListOptions) {
    return this._list(d.projects, query, opts);
  }
  /**
   * A project. `parents`/`subtree` add its ancestors/descendants: `'list'` as projects (only those
   * the caller has a role on, Keystone's rule), `'ids'` as nested ids (all of them).
   */
  async getProject(project: Ref, opts: CallOptions & { parents?: 'list' | 'ids'; subtree?: 'list' | 'ids' } = {}) {
    const { parents, subtree, ...call } = opts;
    const query: Query = {};
    if (parents) query[`parents_as_${parents}`] = true;
    if (subtree) query[`subtree_as_${subtree}`] = true;
    return this._get(d.projects, project, { ...call, query });
  }
  async findProject(nameOrId: string, opts?: FindOptions & { query?: { domain_id?: string } }) {
    return this._find(d.projects, nameOrId, opts);
  }
  async createProject(attrs: ProjectAttrs, opts?: CallOptions) {
    return this._create(d.projects, attrs, opts);
  }
  async updateProject(project: Ref, attrs: ProjectUpdateAttrs, opts?: CallOptions) {
    return this._update(d.projects, project, attrs, opts);
  }
  /** Keystone refuses to delete a project that still has children. */
  async deleteProject(project: Ref, opts?: DeleteOptions) {
    return this._delete(d.projects, project, opts);
  }

  /** A project's tags. */
  async projectTags(project: Ref, opts?: CallOptions): Promise<string[]> {
    const res = await this.request({ ...opts, path: `${this.projectPath(project)}/tags` });
    return parseResponse(TagList, res.data, 'tag list').tags;
  }
  /** Replaces every tag of a project (an empty list removes them all). */
  async replaceProjectTags(project: Ref, tags: string[], opts?: CallOptions): Promise<string[]> {
    const body = validateInput(v.array(s.ProjectTag), tags, 'tags');
    const res = await this.request({ ...opts, method: 'PUT', path: `${this.projectPath(project)}/tags`, body: { tags: body } });
    return parseResponse(TagList, res.data, 'tag list').tags;
  }
  /** Adds one tag (no change if the project has it already). */
  async addProjectTag(project: Ref, tag: string, opts?: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'PUT', path: this.tagPath(project, tag), responseType: 'none' });
  }
  /** True when the project has this tag. */
  async checkProjectTag(project: Ref, tag: string, opts?: CallOptions): Promise<boolean> {
    return this.check(this.tagPath(project, tag), opts);
  }
  async removeProjectTag(project: Ref, tag: string, opts?: DeleteOptions) {
    return this._delete(d.projects, project, opts, this.tagPath(project, tag));
  }

  // ---- users ---------------------------------------------------------------------------------
  /** Users, filtered by `domain_id`, `name`, `enabled`... */
  users(query: UserQuery = {}, opts?: ListOptions) {
    return this._list(d.users, query, opts);
  }
  async getUser(user: Ref, opts?: CallOptions) {
    return this._get(d.users, user, opts);
  }
  async findUser(nameOrId: string, opts?: FindOptions & { query?: { domain_id?: string } }) {
    return this._find(d.users, nameOrId, opts);
  }
  async createUser(attrs: UserAttrs, opts?: CallOptions) {
    this.session.redactor.add(attrs?.password);
    return this._create(d.users, attrs, opts);
  }
  /** Updates a user; an administrator may set `password` here without knowing the old one. */
  async updateUser(user: Ref, attrs: Partial<UserAttrs>, opts?: CallOptions) {
    this.session.redactor.add(attrs?.password);
    return this._update(d.users, user, attrs, opts);
  }
  async deleteUser(user: Ref, opts?: DeleteOptions) {
    return this._delete(d.users, user, opts);
  }
  /**
   * A user changes their own password (`POST /v3/users/{id}/password`). Keystone then revokes the
   * user's tokens: a Connection logged in as this user needs the new password to go on.
   */
  async changePassword(user: Ref, attrs: { originalPassword: string; password: string }, opts?: CallOptions): Promise<void> {
    const id = idOf(user, 'user');
    const p = validateInput(s.PasswordChange, attrs, 'attrs');
    this.session.redactor.add(p.originalPassword);
    this.session.redactor.add(p.password);
    await this.request({
      ...opts,
      method: 'POST',
      path: `/users/${seg(id)}/password`,
      body: { user: { original_password: p.originalPassword, password: p.password } },
      responseType: 'none',
    });
  }
  /** The projects a user has a role on. */
  userProjects(user: Ref, query: ProjectQuery = {}, opts?: ListOptions) {
    return this._list(d.projects, query, opts, `/users/${seg(idOf(user, 'user'))}/projects`);
  }
  /** The groups a user is a member of. */
  userGroups(user: Ref, query: Filters<'name'> = {}, opts?: ListOptions) {
    return this._list(d.groups, query, opts, `/users/${seg(idOf(user, 'user'))}/groups`);
  }

  // ---- groups --------------------------------------------------------------------------------
  groups(query: Filters<'domain_id' | 'name'> = {}, opts?: ListOptions) {
    return this._list(d.groups, query, opts);
  }
  async getGroup(group: Ref, opts?: CallOptions) {
    return this._get(d.groups, group, opts);
  }
  async findGroup(nameOrId: string, opts?: FindOptions & { query?: { domain_id?: string } }) {
    return this._find(d.groups, nameOrId, opts);
  }
  async createGroup(attrs: GroupAttrs, opts?: CallOptions) {
    return this._create(d.groups, attrs, opts);
  }
  async updateGroup(group: Ref, attrs: GroupUpdateAttrs, opts?: CallOptions) {
    return this._update(d.groups, group, attrs, opts);
  }
  async deleteGroup(group: Ref, opts?: DeleteOptions) {
    return this._delete(d.groups, group, opts);
  }
  /** The members of a group. */
  groupUsers(group: Ref, query: UserQuery = {}, opts?: ListOptions) {
    return this._list(d.users, query, opts, `/groups/${seg(idOf(group, 'group'))}/users`);
  }
  async addUserToGroup(group: Ref, user: Ref, opts?: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'PUT', path: this.memberPath(group, user), responseType: 'none' });
  }
  /** True when the user is a member of the group. */
  async checkUserInGroup(group: Ref, user: Ref, opts?: CallOptions): Promise<boolean> {
    return this.check(this.memberPath(group, user), opts);
  }
  async removeUserFromGroup(group: Ref, user: Ref, opts?: DeleteOptions) {
    return this._delete(d.groups, group, opts, this.memberPath(group, user));
  }

  // ---- roles ---------------------------------------------------------------------------------
  /** Roles; `{ domain_id }` lists a domain's own roles. */
  roles(query: Filters<'name' | 'domain_id'> = {}, opts?: ListOptions) {
    return this._list(d.roles, query, opts);
  }
  async getRole(role: Ref, opts?: CallOptions) {
    return this._get(d.roles, role, opts);
  }
  async findRole(nameOrId: string, opts?: FindOptions & { query?: { domain_id?: string } }) {
    return this._find(d.roles, nameOrId, opts);
  }
  async createRole(attrs: RoleAttrs, opts?: CallOptions) {
    return this._create(d.roles, attrs, opts);
  }
  async updateRole(role: Ref, attrs: RoleUpdateAttrs, opts?: CallOptions) {
    return this._update(d.roles, role, attrs, opts);
  }
  async deleteRole(role: Ref, opts?: DeleteOptions) {
    return this._delete(d.roles, role, opts);
  }

  // ---- implied roles -------------------------------------------------------------------------
  /** Every inference rule of the cloud, grouped by prior role. */
  roleInferences(opts?: ListOptions) {
    return this._list(d.roleInferences, {}, opts);
  }
  /** The roles `prior` implies. */
  async impliedRoles(prior: Ref, opts?: CallOptions): Promise<Resource<typeof d.roleInferences>> {
    const res = await this.request({ ...opts, path: `/roles/${seg(idOf(prior, 'prior'))}/implies` });
    return this.one(d.roleInferences, res.data);
  }
  /** Makes holding `prior` imply holding `implied`. */
  async createImpliedRole(prior: Ref, implied: Ref, opts?: CallOptions) {
    const res = await this.request({ ...opts, method: 'PUT', path: this.impliesPath(prior, implied) });
    return this.one(d.roleInference, res.data);
  }
  async getImpliedRole(prior: Ref, implied: Ref, opts?: CallOptions) {
    return this._get(d.roleInference, prior, opts, this.impliesPath(prior, implied));
  }
  /** True when `prior` implies `implied`. */
  async checkImpliedRole(prior: Ref, implied: Ref, opts?: CallOptions): Promise<boolean> {
    return this.check(this.impliesPath(prior, implied), opts);
  }
  async deleteImpliedRole(prior: Ref, implied: Ref, opts?: DeleteOptions) {
    return this._delete(d.roleInference, prior, opts, this.impliesPath(prior, implied));
  }

  // ---- role assignments ----------------------------------------------------------------------
  /**
   * Role assignments, e.g. `{ user, project, effective: true, include_names: true }`
   * (`GET /v3/role_assignments`).
   */
  roleAssignments(query: RoleAssignmentQuery = {}, opts?: ListOptions) {
    return this._list(d.roleAssignments, assignmentQuery(query), opts);
  }
  /** Gives `role` to a user or group on a project, a domain or the system. */
  async grantRole(role: Ref, target: GrantTarget, opts?: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'PUT', path: this.grantRolePath(role, target), responseType: 'none' });
  }
  /** True when the user or group holds `role` directly there (not through groups or implied roles). */
  async checkRoleGrant(role: Ref, target: GrantTarget, opts?: CallOptions): Promise<boolean> {
    return this.check(this.grantRolePath(role, target), opts);
  }
  async revokeRole(role: Ref, target: GrantTarget, opts?: DeleteOptions) {
    return this._delete(d.roles, role, opts, this.grantRolePath(role, target));
  }
  /** The roles granted directly to a user or group on a project, a domain or the system. */
  grantedRoles(target: GrantTarget, opts?: ListOptions) {
    return this._list(d.roles, {}, opts, grantPath(target));
  }

  // ---- application credentials and access rules ---------------------------------------------
  applicationCredentials(user: Ref, query: Filters<'name'> = {}, opts?: ListOptions) {
    return this._list(d.applicationCredentials, query, opts, this.appCredPath(user));
  }
  async getApplicationCredential(user: Ref, appCred: Ref, opts?: CallOptions) {
    return this._get(d.applicationCredentials, appCred, opts, `${this.appCredPath(user)}/${seg(idOf(appCred, 'appCred'))}`);
  }
  async findApplicationCredential(user: Ref, nameOrId: string, opts?: FindOptions) {
    return this._find(d.applicationCredentials, nameOrId, opts, this.appCredPath(user));
  }
  /**
   * Creates an application credential for the token's project. Its `secret` is only in this answer.
   * `roles` (by id or name) limit it to some of the user's roles, `access_rules` to some API calls.
   */
  async createApplicationCredential(user: Ref, attrs: ApplicationCredentialAttrs, opts?: CallOptions) {
    const path = this.appCredPath(user);
    this.session.redactor.add(attrs?.secret);
    const created = await this._create(d.applicationCredentials, attrs, opts, path);
    this.session.redactor.add(created.secret);
    return created;
  }
  /** Application credentials cannot be changed in Keystone: delete and create instead. */
  async deleteApplicationCredential(user: Ref, appCred: Ref, opts?: DeleteOptions) {
    return this._delete(d.applicationCredentials, appCred, opts, `${this.appCredPath(user)}/${seg(idOf(appCred, 'appCred'))}`);
  }
  /** The access rules of a user's application credentials. */
  accessRules(user: Ref, opts?: ListOptions) {
    return this._list(d.accessRules, {}, opts, this.accessRulePath(user));
  }
  async getAccessRule(user: Ref, rule: Ref, opts?: CallOptions) {
    return this._get(d.accessRules, rule, opts, `${this.accessRulePath(user)}/${seg(idOf(rule, 'rule'))}`);
  }
  /** Keystone refuses while an application credential still uses the rule. */
  async deleteAccessRule(user: Ref, rule: Ref, opts?: DeleteOptions) {
    return this._delete(d.accessRules, rule, opts, `${this.accessRulePath(user)}/${seg(idOf(rule, 'rule'))}`);
  }

  // ---- credentials ---------------------------------------------------------------------------
  /** Credentials (EC2, TOTP, certificates...), filtered by `user_id` and `type`. */
  credentials(query: Filters<'user_id' | 'type'> = {}, opts?: ListOptions) {
    return this._list(d.credentials, query, opts);
  }
  async getCredential(credential: Ref, opts?: CallOptions) {
    return this._get(d.credentials, credential, opts);
  }
  /** For a TOTP secret: `{ type: 'totp', user_id, blob: base32Secret }`. */
  async createCredential(attrs: CredentialAttrs, opts?: CallOptions) {
    return this._create(d.credentials, attrs, opts);
  }
  async updateCredential(credential: Ref, attrs: Partial<CredentialAttrs>, opts?: CallOptions) {
    return this._update(d.credentials, credential, attrs, opts);
  }
  async deleteCredential(credential: Ref, opts?: DeleteOptions) {
    return this._delete(d.credentials, credential, opts);
  }

  // ---- regions, services, endpoints ----------------------------------------------------------
  regions(query: Filters<'parent_region_id'> = {}, opts?: ListOptions) {
    return this._list(d.regions, query, opts);
  }
  async getRegion(region: Ref, opts?: CallOptions) {
    return this._get(d.regions, region, opts);
  }
  async createRegion(attrs: RegionAttrs = {}, opts?: CallOptions) {
    return this._create(d.regions, attrs, opts);
  }
  async updateRegion(region: Ref, attrs: RegionUpdateAttrs, opts?: CallOptions) {
    return this._update(d.regions, region, attrs, opts);
  }
  async deleteRegion(region: Ref, opts?: DeleteOptions) {
    return this._delete(d.regions, region, opts);
  }

  /** Catalog services, filtered by `type` or `name`. */
  services(query: Filters<'type' | 'name'> = {}, opts?: ListOptions) {
    return this._list(d.services, query, opts);
  }
  async getService(service: Ref, opts?: CallOptions) {
    return this._get(d.services, service, opts);
  }
  async findService(nameOrId: string, opts?: FindOptions) {
    return this._find(d.services, nameOrId, opts);
  }
  async createService(attrs: ServiceAttrs, opts?: CallOptions) {
    return this._create(d.services, attrs, opts);
  }
  async updateService(service: Ref, attrs: Partial<ServiceAttrs>, opts?: CallOptions) {
    return this._update(d.services, service, attrs, opts);
  }
  /** Deletes the service and its endpoints. */
  async deleteService(service: Ref, opts?: DeleteOptions) {
    return this._delete(d.services, service, opts);
  }

  /** Catalog endpoints, filtered by `service_id`, `interface`, `region_id`. */
  endpoints(query: Filters<'service_id' | 'interface' | 'region_id'> = {}, opts?: ListOptions) {
    return this._list(d.endpoints, query, opts);
  }
  /** A catalog endpoint resource (for the URL a service is called at, see `conn.auth.getEndpoint`). */
  async getEndpoint(endpoint: Ref, opts?: CallOptions) {
    return this._get(d.endpoints, endpoint, opts);
  }
  async createEndpoint(attrs: EndpointAttrs, opts?: CallOptions) {
    return this._create(d.endpoints, attrs, opts);
  }
  async updateEndpoint(endpoint: Ref, attrs: Partial<EndpointAttrs>, opts?: CallOptions) {
    return this._update(d.endpoints, endpoint, attrs, opts);
  }
  async deleteEndpoint(endpoint: Ref, opts?: DeleteOptions) {
    return this._delete(d.endpoints, endpoint, opts);
  }

  // ---- unified limits ------------------------------------------------------------------------
  registeredLimits(query: Filters<'service_id' | 'region_id' | 'resource_name'> = {}, opts?: ListOptions) {
    return this._list(d.registeredLimits, query, opts);
  }
  async getRegisteredLimit(limit: Ref, opts?: CallOptions) {
    return this._get(d.registeredLimits, limit, opts);
  }
  /** Creates one registered limit (a default for every project). */
  async createRegisteredLimit(attrs: RegisteredLimitAttrs, opts?: CallOptions) {
    validateInput(s.RegisteredLimitCreate, attrs, 'attrs');
    return (await this.createRegisteredLimits([attrs], opts))[0]!;
  }
  /** Creates several registered limits in one request (all or none). */
  async createRegisteredLimits(list: RegisteredLimitAttrs[], opts?: CallOptions) {
    return this.createMany(d.registeredLimits, 'registered_limits', list, opts);
  }
  async updateRegisteredLimit(limit: Ref, attrs: Partial<RegisteredLimitAttrs>, opts?: CallOptions) {
    return this._update(d.registeredLimits, limit, attrs, opts);
  }
  async deleteRegisteredLimit(limit: Ref, opts?: DeleteOptions) {
    return this._delete(d.registeredLimits, limit, opts);
  }

  limits(query: Filters<'service_id' | 'region_id' | 'resource_name' | 'project_id' | 'domain_id'> = {}, opts?: ListOptions) {
    return this._list(d.limits, query, opts);
  }
  async getLimit(limit: Ref, opts?: CallOptions) {
    return this._get(d.limits, limit, opts);
  }
  /** Creates one project (or domain) limit; a registered limit for the resource must exist. */
  async createLimit(attrs: LimitAttrs, opts?: CallOptions) {
    validateInput(s.LimitCreate, attrs, 'attrs');
    return (await this.createLimits([attrs], opts))[0]!;
  }
  /** Creates several limits in one request (all or none). */
  async createLimits(list: LimitAttrs[], opts?: CallOptions) {
    return this.createMany(d.limits, 'limits', list, opts);
  }
  async updateLimit(limit: Ref, attrs: LimitUpdateAttrs, opts?: CallOptions) {
    return this._update(d.limits, limit, attrs, opts);
  }
  async deleteLimit(limit: Ref, opts?: DeleteOptions) {
    return this._delete(d.limits, limit, opts);
  }
  /** How the cloud enforces limits across a project hierarchy (`flat`, `strict-two-level`). */
  async limitModel(opts?: CallOptions): Promise<s.LimitModel> {
    const res = await this.request({ ...opts, path: '/limits/model' });
    return parseResponse(LimitModelBody, res.data, 'limit model').model;
  }

  // ---- tokens --------------------------------------------------------------------------------
  /** Validates a token and returns its body (user, scope, roles, catalog, expiry). */
  async validateToken(token: string, opts: CallOptions & { nocatalog?: boolean; allowExpired?: boolean } = {}): Promise<Token> {
    const { nocatalog, allowExpired, ...call } = opts;
    const query: Query = {};
    if (nocatalog) query.nocatalog = true;
    if (allowExpired) query.allow_expired = true;
    const res = await this.request({ ...call, path: '/auth/tokens', query, headers: this.subject(token, call.headers) });
    return parseResponse(TokenBody, res.data, 'token').token;
  }
  /** True when the token is valid (not expired, not revoked). */
  async checkToken(token: string, opts: CallOptions = {}): Promise<boolean> {
    return this.check('/auth/tokens', { ...opts, headers: this.subject(token, opts.headers) });
  }
  /** Revokes a token; every service rejects it from then on. */
  async revokeToken(token: string, opts: DeleteOptions = {}): Promise<void> {
    const { ignoreMissing = false, ...call } = opts;
    await this.request({
      ...call,
      method: 'DELETE',
      path: '/auth/tokens',
      headers: this.subject(token, call.headers),
      okStatuses: ignoreMissing ? [404] : undefined,
      responseType: 'none',
    });
  }

  // ---- what the current token can reach ------------------------------------------------------
  /** The projects the current user may scope a token to (works with an unscoped token). */
  authProjects(opts?: ListOptions) {
    return this._list(d.authProjects, {}, opts);
  }
  /** The domains the current user may scope a token to. */
  authDomains(opts?: ListOptions) {
    return this._list(d.authDomains, {}, opts);
  }
  /** The system scopes the current user may ask for (`[{ all: true }]` or `[]`). */
  async authSystem(opts?: CallOptions): Promise<Record<string, unknown>[]> {
    const res = await this.request({ ...opts, path: '/auth/system' });
    return parseResponse(SystemBody, res.data, 'system scope list').system;
  }
  /** The current token's service catalog, as Keystone serves it now (project-scoped tokens). */
  async authCatalog(opts?: CallOptions): Promise<CatalogEntry[]> {
    const res = await this.request({ ...opts, path: '/auth/catalog' });
    return parseResponse(CatalogBody, res.data, 'catalog').catalog;
  }

  // ---- paths and shared steps ----------------------------------------------------------------
  /** HEAD that answers 204 when something exists and 404 when not. */
  private async check(path: string, opts: CallOptions = {}): Promise<boolean> {
    const res = await this.request({ ...opts, method: 'HEAD', path, okStatuses: [404], responseType: 'none' });
    return res.status !== 404;
  }

  private async createMany<D extends ResourceDef>(def: D, bodyKey: string, list: unknown[], opts?: CallOptions) {
    const items = validateInput(v.pipe(v.array(def.createSchema!), v.minLength(1, 'at least one is required')), list, bodyKey);
    const res = await this.request({ ...opts, method: 'POST', path: def.path, body: { [bodyKey]: items } });
    const out = parseResponse(v.looseObject({ [bodyKey]: v.array(def.schema) }), res.data, `${def.name} list`);
    return out[bodyKey] as Resource<D>[];
  }

  private subject(token: string, headers?: Record<string, string>): Record<string, string> {
    if (typeof token !== 'string' || !token) throw new ValidationError('a token is required', 'token');
    // A token handed in is as secret as our own: keep it out of messages and logs.
    this.session.redactor.add(token);
    return { ...headers, 'x-subject-token': token };
  }

  private projectPath(project: Ref): string {
    return `/projects/${seg(idOf(project, 'project'))}`;
  }
  private tagPath(project: Ref, tag: string): string {
    return `${this.projectPath(project)}/tags/${seg(validateInput(s.ProjectTag, tag, 'tag'))}`;
  }
  private memberPath(group: Ref, user: Ref): string {
    return `/groups/${seg(idOf(group, 'group'))}/users/${seg(idOf(user, 'user'))}`;
  }
  private impliesPath(prior: Ref, implied: Ref): string {
    return `/roles/${seg(idOf(prior, 'prior'))}/implies/${seg(idOf(implied, 'implied'))}`;
  }
  private grantRolePath(role: Ref, target: GrantTarget): string {
    return `${grantPath(target)}/${seg(idOf(role, 'role'))}`;
  }
  private appCredPath(user: Ref): string {
    return `/users/${seg(idOf(user, 'user'))}/application_credentials`;
  }
  private accessRulePath(user: Ref): string {
    return `/users/${seg(idOf(user, 'user'))}/access_rules`;
  }
}
