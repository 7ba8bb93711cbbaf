import * as v from 'valibot';
import type { FindOptions } from './find.js';
import { paginate, type Paged } from './paginate.js';
import { ServiceClient, type ListOptions } from '../session/service-client.js';
import type { CallOptions, Query, RequestSpec } from '../base/types.js';
import { lazy } from '../base/lazy.js';
import { seg } from '../base/url.js';
import { idOf, parseResponse, validateInput } from '../base/validate.js';
import type { WaitOptions } from './wait.js';

const listShape = v.array(v.unknown());

// Waiting and finding load on first use: services that never wait or find (Swift) never load them.
const waitHelpers = lazy('waiting', () => import('./wait.js'));
const findHelpers = lazy('finding by name', () => import('./find.js'));

export { ServiceClient, type ListOptions, type ServiceContext } from '../session/service-client.js';

/** How one kind of resource is reached: the declarations a service file is mostly made of. */
export interface ResourceDef<S extends v.GenericSchema = v.GenericSchema> {
  /** Human name for messages (`server`, `project`). */
  name: string;
  /** Collection path (`/servers`). */
  path: string;
  /** Path for listing when it differs (`/servers/detail`). */
  listPath?: string;
  /** Body key of one item (`server`); `null` when the body is the item itself. */
  key: string | null;
  /** Body key of a list (`servers`); `null` when the body is the array. */
  listKey: string | null;
  schema: S;
  /** Schema of `create*` attributes, checked before sending. */
  createSchema?: v.GenericSchema;
  /** Schema of `update*` attributes, checked before sending. */
  updateSchema?: v.GenericSchema;
  /** Default PATCH. */
  updateMethod?: 'PATCH' | 'PUT';
  /** Content type for updates (Glance wants JSON patch). */
  updateContentType?: string;
  /** Attribute `find*` matches besides the id (default `name`). */
  nameAttribute?: string;
  /** Query key for finding by name (default: `nameAttribute`); `null` to list everything and match here. */
  nameFilter?: string | null;
  /**
   * Lists without next links: `offset` pages by `limit` and `offset` (Nova's server groups),
   * `marker` by `limit` and the last item's id (Aodh).
   */
  paging?: 'offset' | 'marker';
}

/** A resource given by id, or as an object with an `id` (the resource itself). */
export type Ref = string | { id: string };
/** Options of the generic operations: any call option plus the request details services add. */
export type OperationOptions = CallOptions & Pick<RequestSpec, 'query' | 'minMicroversion' | 'okStatuses'>;

/** The resource type a {@link ResourceDef} describes, from its schema. */
export type Resource<D extends ResourceDef> = v.InferOutput<D['schema']>;

/**
 * Base of the proxies of JSON resource services: the generic list/get/find/create/update/delete/
 * wait operations that each service declares as one-liners.
 */
export class ServiceProxy extends ServiceClient {
  protected _list<D extends ResourceDef>(def: D, query: Query = {}, opts: ListOptions = {}, path?: string): Paged<Resource<D>> {
    const { pageSize, ...call } = opts;
    const q: Query = { ...query };
    if (pageSize !== undefined) q.limit = pageSize;
    return paginate<Resource<D>>({
      request: { ...call, path: path ?? def.listPath ?? def.path, query: q },
      send: (spec) => this.request(spec),
      key: def.listKey ?? undefined,
      offset: def.paging === 'offset',
      marker: def.paging === 'marker' ? (items) => (items[items.length - 1] as { id?: string } | undefined)?.id : undefined,
      items: (data) => {
        const list = def.listKey === null ? data : (data as Record<string, unknown> | undefined)?.[def.listKey];
        if (!Array.isArray(list)) return parseResponse(listShape, list, `${def.name} list`) as never;
        return list.map((x) => parseResponse(def.schema, x, def.name));
      },
    });
  }

  protected async _get<D extends ResourceDef>(def: D, ref: Ref, opts: OperationOptions = {}, path?: string): Promise<Resource<D>> {
    const res = await this.request({ ...opts, path: path ?? `${def.path}/${seg(idOf(ref))}` });
    return this.one(def, res.data);
  }

  protected async _find<D extends ResourceDef>(
    def: D,
    nameOrId: string,
    opts: FindOptions & CallOptions & { query?: Query } = {},
    path?: string,
  ): Promise<Resource<D> | undefined> {
    idOf(nameOrId, 'nameOrId');
    const { ignoreMissing = true, query, ...call } = opts;
    const attr = def.nameAttribute ?? 'name';
    const filter = def.nameFilter === undefined ? attr : def.nameFilter;
    const { findResource } = await findHelpers();
    return findResource<Resource<D>>(
      def.name,
      nameOrId,
      () => this._get(def, nameOrId, call, path ? `${path}/${seg(nameOrId)}` : undefined),
      () => this._list(def, { ...query, ...(filter ? { [filter]: nameOrId } : {}) }, call, path).toArray(),
      ignoreMissing,
      attr,
    );
  }

  protected async _create<D extends ResourceDef>(def: D, attrs: unknown, opts: OperationOptions = {}, path?: string): Promise<Resource<D>> {
    const body = def.createSchema ? validateInput(def.createSchema, attrs, 'attrs') : attrs;
    const res = await this.request({ ...opts, method: 'POST', path: path ?? def.path, body: def.key ? { [def.key]: body } : body });
    return this.one(def, res.data);
  }

  protected async _update<D extends ResourceDef>(def: D, ref: Ref, attrs: unknown, opts: OperationOptions = {}, path?: string): Promise<Resource<D>> {
    const id = idOf(ref);
    const body = def.updateSchema ? validateInput(def.updateSchema, attrs, 'attrs') : attrs;
    const headers = def.updateContentType ? { 'content-type': def.updateContentType, ...opts.headers } : opts.headers;
    const res = await this.request({
      ...opts,
      headers,
      method: def.updateMethod ?? 'PATCH',
      path: path ?? `${def.path}/${seg(id)}`,
      body: def.key && !def.updateContentType ? { [def.key]: body } : body,
    });
    return this.one(def, res.data);
  }

  protected async _delete(def: ResourceDef, ref: Ref, opts: OperationOptions & { ignoreMissing?: boolean } = {}, path?: string): Promise<void> {
    const { ignoreMissing = false, ...call } = opts;
    await this.request({
      ...call,
      method: 'DELETE',
      path: path ?? `${def.path}/${seg(idOf(ref))}`,
      okStatuses: ignoreMissing ? [404, ...(call.okStatuses ?? [])] : call.okStatuses,
      responseType: 'none',
    });
  }

  protected async _waitFor<D extends ResourceDef>(def: D, ref: Ref, opts: WaitOptions<Resource<D>>): Promise<Resource<D>> {
    const id = idOf(ref);
    return (await waitHelpers()).waitForStatus((signal) => this._get(def, id, { signal }), `${def.name} ${id}`, opts);
  }

  protected async _waitForDelete<D extends ResourceDef>(def: D, ref: Ref, opts: Omit<WaitOptions<Resource<D>>, 'status'> = {}): Promise<void> {
    const id = idOf(ref);
    return (await waitHelpers()).waitForDelete((signal) => this._get(def, id, { signal }), `${def.name} ${id}`, opts);
  }

  /** Parses one resource out of a body (`{key: {...}}` or the bare object). */
  protected one<D extends ResourceDef>(def: D, data: unknown): Resource<D> {
    const item = def.key ? (data as Record<string, unknown> | undefined)?.[def.key] : data;
    return parseResponse(def.schema, item, def.name);
  }
}
