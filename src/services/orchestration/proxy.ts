import * as v from 'valibot';
import { declaredProxy, type DeleteOptions, type FindCallOptions, type ListFilters } from '../../resource/declare.js';
import { paginate, type Paged } from '../../resource/paginate.js';
import type { ListOptions, Ref, Resource, ResourceDef } from '../../resource/proxy.js';
import { toQuery } from '../../resource/query.js';
import type { WaitOptions } from '../../resource/wait.js';
import { NotFoundError } from '../../base/errors.js';
import { lazy } from '../../base/lazy.js';
import type { CallOptions, Query } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf, parseResponse, validateInput } from '../../base/validate.js';
import * as r from './resources.js';
import * as s from './schemas.js';

export type { StackQuery } from './resources.js';

// The shared wait helpers load on first use, as every other service's waits do.
const waiting = lazy('waiting', () => import('../../resource/wait.js'));

const ACTIONS = ['CREATE', 'UPDATE', 'ROLLBACK', 'SUSPEND', 'RESUME', 'ADOPT', 'CHECK', 'SNAPSHOT', 'RESTORE'] as const;
/** What `waitForStack` waits for unless told: the end of whatever the stack is doing. */
const DONE = ACTIONS.filter((a) => a !== 'ROLLBACK').map((a) => `${a}_COMPLETE`);
/** What ends a wait as a failure: every `*_FAILED`, and a rollback (a create or update that failed). */
const FAILED = [...ACTIONS, 'DELETE'].map((a) => `${a}_FAILED`).concat('ROLLBACK_COMPLETE');

/** Filters of `stackResources()`. */
export type StackResourceQuery = ListFilters<
  s.StackResource,
  {
    /** Resources of nested stacks this many levels down too. */
    nested_depth?: number;
    /** Each resource's attributes and properties as well. */
    with_detail?: boolean;
    /** Resource type(s), `OS::Neutron::Net`. */
    type?: string | readonly string[];
    /** Resource state(s): `COMPLETE`, `FAILED`... */
    status?: string | readonly string[];
    /** Resource name(s). */
    name?: string | readonly string[];
    action?: string | readonly string[];
  }
>;
/** Filters of `stackEvents()`. */
export type StackEventQuery = ListFilters<
  s.StackEvent,
  {
    resource_action?: string | readonly string[];
    resource_type?: string | readonly string[];
    /** Events of nested stacks this many levels down too. */
    nested_depth?: number;
    sort_keys?: 'event_time' | 'resource_type' | 'created_at';
    sort_dir?: 'asc' | 'desc';
  }
>;
/** Filters of `resourceTypes()`. */
export interface ResourceTypeQuery {
  /** A regular expression the type's name matches (`^OS::Neutron::`). */
  name?: string;
  /** Types available since this Heat version. */
  version?: string;
  /** `SUPPORTED`, `DEPRECATED`, `UNSUPPORTED`, `HIDDEN`. */
  support_status?: string;
  /** Each type's description as well. */
  with_description?: boolean;
}

/** A stack given by id or name, or as the stack itself (which has its `stack_name`: reached without a lookup). */
export type StackRef = string | { id: string; stack_name?: string };

/** True for a stack given with its name and id. */
function named(stack: StackRef): stack is { id: string; stack_name: string } {
  return typeof stack === 'object' && stack !== null && typeof stack.stack_name === 'string' && !!stack.stack_name;
}

function stackPath(stack: StackRef): string {
  if (named(stack)) return `/stacks/${seg(stack.stack_name)}/${seg(idOf(stack, 'stack'))}`;
  // Heat answers `/stacks/<name or id>` with a redirect to `/stacks/<name>/<id>`.
  return `/stacks/${seg(idOf(stack, 'stack'))}`;
}

/** The request body of a create, update or preview: tags go comma separated. */
function stackBody(attrs: Record<string, unknown>): Record<string, unknown> {
  const { existing: _existing, tags, ...body } = attrs;
  return tags === undefined ? body : { ...body, tags: (tags as string[]).join(',') };
}

/**
 * `conn.orchestration`: Heat v1. Stacks are made from a template (an object, its YAML or JSON text,
 * or a URL Heat fetches) with `files`, `environment` and `parameters`, then followed with
 * `waitForStack` until `*_COMPLETE` (a `*_FAILED` ends the wait with Heat's reason). A stack is
 * given by id or name, or as the stack object itself (which saves Heat's lookup redirect).
 */
export class OrchestrationProxy extends declaredProxy(r) {
  /** Every request of this service: Heat's own message goes into the error. */

  // --- Stacks ---

  /** One stack by id or name, with its outputs and parameters; NotFoundError when missing or deleted. */
  async getStack(stack: StackRef, opts: CallOptions = {}): Promise<s.Stack> {
    const res = await this.request({ ...opts, path: stackPath(stack) });
    const st = this.one(r.stacks, res.data);
    // Heat keeps a deleted stack readable by id, as DELETE_COMPLETE.
    if (st.stack_status === 'DELETE_COMPLETE')
      throw new NotFoundError({ status: 404, method: 'GET', url: res.url, requestId: res.requestId, service: this.serviceName, cloudMessage: `Stack ${st.stack_name} (${st.id}) was deleted` });
    return st;
  }

  /** By id, else by name (Heat looks up both itself, so `query` is not needed); undefined when missing, unless `ignoreMissing: false`. */
  async findStack(nameOrId: string, opts: FindCallOptions<r.StackQuery> = {}): Promise<s.Stack | undefined> {
    idOf(nameOrId, 'nameOrId');
    const { ignoreMissing = true, query: _query, ...call } = opts;
    try {
      return await this.getStack(nameOrId, call);
    } catch (e) {
      if (ignoreMissing && e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  /**
   * Starts making a stack from a template (an object, its YAML or JSON text, or `template_url`),
   * and resolves to it as it is then (`CREATE_IN_PROGRESS`): follow it with `waitForStack`.
   */
  async createStack(attrs: s.StackAttrs, opts: CallOptions = {}): Promise<s.Stack> {
    const body = validateInput(s.StackCreate, attrs, 'attrs');
    const res = await this.request({ ...opts, method: 'POST', path: '/stacks', body: stackBody(body) });
    const { id } = parseResponse(s.StackCreated, (res.data as { stack?: unknown } | undefined)?.stack, 'stack');
    return this.getStack({ id, stack_name: body.stack_name }, opts);
  }

  /**
   * Starts an update and resolves to the stack as it is then: with a new template the stack is
   * replaced (`PUT`; parameters not given return to their defaults), without one (or with
   * `existing: true`) only what is given changes (`PATCH`). Follow it with
   * `waitForStack(stack, { status: 'UPDATE_COMPLETE' })`.
   */
  async updateStack(stack: StackRef, attrs: s.StackUpdateAttrs, opts: CallOptions = {}): Promise<s.Stack> {
    const changes = validateInput(s.StackUpdate, attrs, 'attrs');
    const path = await this.locate(stack, opts);
    await this.request({ ...opts, method: this.updateMethod(changes), path, body: stackBody(changes), responseType: 'none' });
    return this.getStack(this.refOf(path), opts);
  }

  /** Starts deleting a stack and what it made (follow it with `waitForStackDelete`). */
  async deleteStack(stack: StackRef, opts: DeleteOptions = {}): Promise<void> {
    const { ignoreMissing = false, ...call } = opts;
    const path = await this.locateForDelete(stack, call, ignoreMissing);
    if (path) await this.request({ ...call, method: 'DELETE', path, okStatuses: ignoreMissing ? [404] : undefined, responseType: 'none' });
  }

  /**
   * Polls until the stack reaches `status` (by default, the end of whatever it is doing: any
   * `*_COMPLETE` but a rollback). Any `*_FAILED`, or `ROLLBACK_COMPLETE`, ends the wait with a
   * ResourceFailureError whose message holds Heat's `stack_status_reason`.
   */
  async waitForStack(stack: StackRef, opts: WaitOptions<s.Stack> = {}): Promise<s.Stack> {
    const { waitForStatus } = await waiting();
    let current: StackRef = stack;
    const get = async (signal?: AbortSignal) => (current = await this.getStack(current, { signal }));
    return waitForStatus(get, `stack ${this.label(stack)}`, { status: DONE, failures: FAILED, attribute: 'stack_status', reason: 'stack_status_reason', ...opts });
  }

  /** Polls until the stack is deleted; `DELETE_FAILED` ends the wait with Heat's reason. */
  async waitForStackDelete(stack: StackRef, opts: Omit<WaitOptions<s.Stack>, 'status'> = {}): Promise<void> {
    const { waitForDelete } = await waiting();
    let current: StackRef = stack;
    const get = async (signal?: AbortSignal) => (current = await this.getStack(current, { signal }));
    await waitForDelete(get, `stack ${this.label(stack)}`, { failures: ['DELETE_FAILED'], attribute: 'stack_status', reason: 'stack_status_reason', ...opts });
  }

  /** What a stack would be, made of what (every resource with its properties), without making it. */
  async previewStack(attrs: s.StackAttrs, opts: CallOptions = {}): Promise<s.StackPreview> {
    const body = validateInput(s.StackCreate, attrs, 'attrs');
    const res = await this.request({ ...opts, method: 'POST', path: '/stacks/preview', body: stackBody(body) });
    return parseResponse(s.StackPreview, (res.data as { stack?: unknown } | undefined)?.stack, 'stack preview');
  }

  /** Which resources an update would add, delete, replace, update or leave alone, without doing it. */
  async previewStackUpdate(stack: StackRef, attrs: s.StackUpdateAttrs, opts: CallOptions = {}): Promise<s.StackUpdatePreview> {
    const changes = validateInput(s.StackUpdate, attrs, 'attrs');
    const path = await this.locate(stack, opts);
    const res = await this.request({ ...opts, method: this.updateMethod(changes), path: `${path}/preview`, body: stackBody(changes) });
    return parseResponse(s.StackUpdatePreview, (res.data as { resource_changes?: unknown } | undefined)?.resource_changes, 'update preview');
  }

  /**
   * Deletes the stack but keeps what it made, and resolves to the data `adoptStack` takes back.
   * Clouds allow it only with `enable_stack_abandon` (a BadRequestError otherwise).
   */
  async abandonStack(stack: StackRef, opts: CallOptions = {}): Promise<Record<string, unknown>> {
    const path = await this.locate(stack, opts);
    const res = await this.request({ ...opts, method: 'DELETE', path: `${path}/abandon` });
    return parseResponse(v.record(v.string(), v.unknown()), res.data, 'abandoned stack');
  }

  /**
   * Makes a stack of resources that already exist, from what `abandonStack` returned. Clouds
   * allow it only with `enable_stack_adopt` (a BadRequestError otherwise).
   */
  async adoptStack(attrs: s.StackAdoptAttrs, opts: CallOptions = {}): Promise<s.Stack> {
    const body = validateInput(s.StackAdopt, attrs, 'attrs');
    const data = typeof body.adopt_stack_data === 'string' ? body.adopt_stack_data : JSON.stringify(body.adopt_stack_data);
    const res = await this.request({ ...opts, method: 'POST', path: '/stacks', body: { ...stackBody(body), adopt_stack_data: data } });
    const { id } = parseResponse(s.StackCreated, (res.data as { stack?: unknown } | undefined)?.stack, 'stack');
    return this.getStack({ id, stack_name: body.stack_name }, opts);
  }

  /** Suspends every resource that can be (`SUSPEND_COMPLETE` when done). */
  suspendStack(stack: StackRef, opts?: CallOptions): Promise<void> {
    return this.action(stack, { suspend: null }, opts);
  }
  /** Resumes a suspended stack (`RESUME_COMPLETE` when done). */
  resumeStack(stack: StackRef, opts?: CallOptions): Promise<void> {
    return this.action(stack, { resume: null }, opts);
  }
  /** Checks that every resource still exists as Heat thinks (`CHECK_COMPLETE` or `CHECK_FAILED`). */
  checkStack(stack: StackRef, opts?: CallOptions): Promise<void> {
    return this.action(stack, { check: null }, opts);
  }
  /** Stops an update in progress and rolls back to the previous template (or, with `rollback: false`, just stops). */
  cancelStackUpdate(stack: StackRef, opts: CallOptions & { rollback?: boolean } = {}): Promise<void> {
    const { rollback = true, ...call } = opts;
    return this.action(stack, rollback ? { cancel_update: null } : { cancel_without_rollback: null }, call);
  }

  /** The template a stack was made with, as Heat keeps it (parsed). */
  async getStackTemplate(stack: StackRef, opts: CallOptions = {}): Promise<Record<string, unknown>> {
    const res = await this.request({ ...opts, path: `${await this.locate(stack, opts)}/template` });
    return parseResponse(v.record(v.string(), v.unknown()), res.data, 'stack template');
  }
  /** The environment a stack was made with: its parameters, defaults and resource registry. */
  async getStackEnvironment(stack: StackRef, opts: CallOptions = {}): Promise<s.StackEnvironment> {
    const res = await this.request({ ...opts, path: `${await this.locate(stack, opts)}/environment` });
    return parseResponse(s.StackEnvironment, res.data, 'stack environment');
  }
  /** The files a stack was made with (`files` of the create), by name. */
  async getStackFiles(stack: StackRef, opts: CallOptions = {}): Promise<Record<string, string>> {
    const res = await this.request({ ...opts, path: `${await this.locate(stack, opts)}/files` });
    return parseResponse(v.record(v.string(), v.string()), res.data, 'stack files');
  }

  // --- Outputs, resources and events of a stack ---

  /** The outputs of a stack with their values (resolved by Heat when the stack is got). */
  stackOutputs(stack: StackRef, opts: ListOptions = {}): Paged<s.StackOutput> {
    const { pageSize: _pageSize, ...call } = opts;
    return paginate<s.StackOutput>({
      request: { ...call, path: stackPath(stack) },
      send: (spec) => this.request(spec),
      items: (data) => {
        const st = this.one(r.stacks, data);
        return (st.outputs ?? []).map((o) => parseResponse(s.StackOutput, o, 'stack output'));
      },
    });
  }
  /** One output of a stack, with its value (or `output_error` when Heat could not resolve it). */
  async getStackOutput(stack: StackRef, key: string, opts: CallOptions = {}): Promise<s.StackOutput> {
    const k = idOf(key, 'key');
    return this._get(r.outputs, k, opts, `${await this.locate(stack, opts)}/outputs/${seg(k)}`);
  }

  /** The resources of a stack (`nested_depth` reaches into nested stacks). */
  stackResources(stack: StackRef, filters?: StackResourceQuery, opts?: ListOptions): Paged<s.StackResource> {
    return this.heatList(r.resources, { stack, sub: '/resources' }, toQuery(filters), opts);
  }
  /** One resource of a stack by its name in the template, with its attributes. */
  async getStackResource(stack: StackRef, resourceName: string, opts: CallOptions = {}): Promise<s.StackResource> {
    const name = idOf(resourceName, 'resourceName');
    return this._get(r.resources, name, opts, `${await this.locate(stack, opts)}/resources/${seg(name)}`);
  }

  /** What happened to a stack and its resources, a page at a time (`resource_name` narrows it to one resource). */
  stackEvents(stack: StackRef, filters?: StackEventQuery, opts?: ListOptions): Paged<s.StackEvent> {
    return this.heatList(r.events, { stack, sub: '/events' }, toQuery(filters), opts, true);
  }

  // --- Snapshots ---

  /** Starts a snapshot of every resource's data (`IN_PROGRESS`; follow it with `waitForStackSnapshot`). */
  async createStackSnapshot(stack: StackRef, attrs: s.StackSnapshotAttrs = {}, opts: CallOptions = {}): Promise<s.StackSnapshot> {
    const body = validateInput(s.StackSnapshotCreate, attrs, 'attrs');
    const path = await this.locate(stack, opts);
    const res = await this.request({ ...opts, method: 'POST', path: `${path}/snapshots`, body });
    return parseResponse(s.StackSnapshot, res.data, 'stack snapshot');
  }
  /** The snapshots of a stack. */
  stackSnapshots(stack: StackRef, opts?: ListOptions): Paged<s.StackSnapshot> {
    return this.heatList(r.snapshots, { stack, sub: '/snapshots' }, {}, opts);
  }
  /** One snapshot of a stack, with its data. */
  async getStackSnapshot(stack: StackRef, snapshot: Ref, opts: CallOptions = {}): Promise<s.StackSnapshot> {
    const id = idOf(snapshot, 'snapshot');
    return this._get(r.snapshots, id, opts, `${await this.locate(stack, opts)}/snapshots/${seg(id)}`);
  }
  /** Polls until the snapshot is `COMPLETE`; `FAILED` ends the wait with Heat's reason. */
  async waitForStackSnapshot(stack: StackRef, snapshot: Ref, opts: WaitOptions<s.StackSnapshot> = {}): Promise<s.StackSnapshot> {
    const { waitForStatus } = await waiting();
    const [get, what] = await this.snapshotPoll(stack, snapshot, opts);
    return waitForStatus(get, what, { status: 'COMPLETE', failures: ['FAILED'], reason: 'status_reason', ...opts });
  }
  /** Starts deleting a snapshot of a stack: Heat removes it in the background (follow it with `waitForStackSnapshotDelete`). */
  async deleteStackSnapshot(stack: StackRef, snapshot: Ref, opts: DeleteOptions = {}): Promise<void> {
    const { ignoreMissing = false, ...call } = opts;
    const path = await this.locateForDelete(stack, call, ignoreMissing);
    if (path) await this._delete(r.snapshots, snapshot, opts, `${path}/snapshots/${seg(idOf(snapshot, 'snapshot'))}`);
  }
  /** Polls until the snapshot is gone; `FAILED` ends the wait with Heat's reason. */
  async waitForStackSnapshotDelete(stack: StackRef, snapshot: Ref, opts: Omit<WaitOptions<s.StackSnapshot>, 'status'> = {}): Promise<void> {
    const { waitForDelete } = await waiting();
    const [get, what] = await this.snapshotPoll(stack, snapshot, opts);
    await waitForDelete(get, what, { failures: ['FAILED'], reason: 'status_reason', ...opts });
  }
  /** What the snapshot waits poll (the stack located once) and how they name it. */
  private async snapshotPoll(stack: StackRef, snapshot: Ref, opts: CallOptions): Promise<[(signal?: AbortSignal) => Promise<s.StackSnapshot>, string]> {
    const path = await this.locate(stack, opts);
    return [(signal) => this.getStackSnapshot(this.refOf(path), snapshot, { signal }), `snapshot ${idOf(snapshot, 'snapshot')} of stack ${this.label(stack)}`];
  }
  /** Starts bringing the stack back to a snapshot (`RESTORE_COMPLETE` when done). */
  async restoreStackSnapshot(stack: StackRef, snapshot: Ref, opts: CallOptions = {}): Promise<void> {
    const id = idOf(snapshot, 'snapshot');
    const path = await this.locate(stack, opts);
    await this.request({ ...opts, method: 'POST', path: `${path}/snapshots/${seg(id)}/restore`, responseType: 'none' });
  }

  // --- Software configs ---

  /** Stores a software config (Heat takes it unwrapped and answers it wrapped). */
  async createSoftwareConfig(attrs: s.SoftwareConfigAttrs, opts: CallOptions = {}): Promise<s.SoftwareConfig> {
    const body = validateInput(s.SoftwareConfigCreate, attrs, 'attrs');
    const res = await this.request({ ...opts, method: 'POST', path: '/software_configs', body });
    return this.one(r.softwareConfigs, res.data);
  }
  /** Software configs of the project, a page at a time. */
  softwareConfigs(filters?: ListFilters<s.SoftwareConfig>, opts?: ListOptions): Paged<s.SoftwareConfig> {
    return this.heatList(r.softwareConfigs, '/software_configs', toQuery(filters), opts, true);
  }

  // --- Templates and resource types ---

  /** Checks a template (with its files, environment and parameters) without making anything. */
  async validateTemplate(attrs: s.TemplateValidateAttrs, opts: CallOptions = {}): Promise<s.TemplateValidation> {
    const body = validateInput(s.TemplateValidate, attrs, 'attrs');
    const res = await this.request({ ...opts, method: 'POST', path: '/validate', body });
    return parseResponse(s.TemplateValidation, res.data, 'template validation');
  }

  /** The resource types the cloud offers (`name` takes a regular expression). */
  resourceTypes(filters: ResourceTypeQuery = {}, opts: ListOptions = {}): Paged<s.ResourceTypeSummary> {
    const { pageSize: _pageSize, ...call } = opts;
    return paginate<s.ResourceTypeSummary>({
      request: { ...call, path: '/resource_types', query: toQuery(filters as Record<string, unknown>) },
      send: (spec) => this.request(spec),
      items: (data) => {
        const list = parseResponse(v.object({ resource_types: v.array(v.unknown()) }), data, 'resource type list').resource_types;
        // Names only, unless `with_description` asked for objects.
        return list.map((x) => parseResponse(s.ResourceTypeSummary, typeof x === 'string' ? { resource_type: x } : x, 'resource type'));
      },
    });
  }
  /** A resource type's schema: its properties, attributes and support status. */
  async getResourceType(type: string, opts: CallOptions & { withDescription?: boolean } = {}): Promise<s.ResourceType> {
    const { withDescription, ...call } = opts;
    const res = await this.request({ ...call, path: `/resource_types/${seg(idOf(type, 'type'))}`, query: { with_description: withDescription || undefined } });
    return parseResponse(s.ResourceType, res.data, 'resource type');
  }
  /** A template that makes one resource of this type, every property a parameter. */
  async getResourceTypeTemplate(type: string, opts: CallOptions & { templateType?: 'hot' | 'cfn' } = {}): Promise<Record<string, unknown>> {
    const { templateType = 'hot', ...call } = opts;
    const res = await this.request({ ...call, path: `/resource_types/${seg(idOf(type, 'type'))}/template`, query: { template_type: templateType } });
    return parseResponse(v.record(v.string(), v.unknown()), res.data, 'resource type template');
  }

  /** The template formats the cloud reads (`heat_template_version.2018-08-31`...). */
  templateVersions(opts?: ListOptions): Paged<s.TemplateVersion> {
    return this._list(r.templateVersions, {}, opts);
  }
  /** The functions a template version offers. */
  templateFunctions(version: string, opts?: ListOptions): Paged<s.TemplateFunction> {
    return this._list(r.templateFunctions, {}, opts, `/template_versions/${seg(idOf(version, 'version'))}/functions`);
  }

  // --- Helpers ---

  /**
   * A list under a stack (looked up on the first page when given by id or name: Heat redirects
   * only some sub-paths) or at a path; paged by next links, or by `marker` (the last item's id)
   * where Heat sends none.
   */
  private heatList<D extends ResourceDef>(
    def: D,
    where: string | { stack: StackRef; sub: string },
    query: Query,
    opts: ListOptions = {},
    byMarker = false,
  ): Paged<Resource<D>> {
    const { pageSize, ...call } = opts;
    const q: Query = { ...query };
    if (pageSize !== undefined) q.limit = pageSize;
    const first = typeof where === 'string' ? where : where.sub;
    if (typeof where !== 'string') idOf(where.stack, 'stack');
    let base: Promise<string> | undefined;
    const locate = (stack: StackRef) => (base ??= this.locate(stack, call).catch((e: unknown) => ((base = undefined), Promise.reject(e))));
    return paginate<Resource<D>>({
      request: { ...call, path: first, query: q },
      send: async (spec) =>
        this.request(typeof where !== 'string' && spec.path === first ? { ...spec, path: `${await locate(where.stack)}${first}` } : spec),
      key: def.listKey ?? undefined,
      marker: byMarker ? (items) => (pageSize !== undefined ? (items[items.length - 1] as { id?: string } | undefined)?.id : undefined) : undefined,
      items: (data) => {
        const list = parseResponse(v.array(v.unknown()), (data as Record<string, unknown> | undefined)?.[def.listKey!], `${def.name} list`);
        return list.map((x) => parseResponse(def.schema, x, def.name));
      },
    });
  }
  /** The path of a stack as `/stacks/<name>/<id>`, looked up when given by id or name (deleted stacks are NotFoundError). */
  private async locate(stack: StackRef, opts: CallOptions): Promise<string> {
    if (named(stack)) return stackPath(stack);
    return stackPath(await this.getStack(stack, opts));
  }
  /** The stack's path, or undefined when it is missing and that is no error. */
  private async locateForDelete(stack: StackRef, opts: CallOptions, ignoreMissing: boolean): Promise<string | undefined> {
    try {
      return await this.locate(stack, opts);
    } catch (e) {
      if (ignoreMissing && e instanceof NotFoundError) return undefined;
      throw e;
    }
  }
  private refOf(path: string): StackRef {
    const [, , name, id] = path.split('/');
    return { id: decodeURIComponent(id!), stack_name: decodeURIComponent(name!) };
  }
  private updateMethod(changes: { existing?: boolean; template?: unknown; template_url?: unknown }): 'PUT' | 'PATCH' {
    const existing = changes.existing ?? (changes.template === undefined && changes.template_url === undefined);
    return existing ? 'PATCH' : 'PUT';
  }
  private async action(stack: StackRef, body: Record<string, null>, opts: CallOptions = {}): Promise<void> {
    const path = await this.locate(stack, opts);
    await this.request({ ...opts, method: 'POST', path: `${path}/actions`, body, responseType: 'none' });
  }
  private label(stack: StackRef): string {
    return typeof stack === 'string' ? stack : (stack.stack_name ?? stack.id);
  }
}

