import type * as v from 'valibot';
import type { CallOptions, Query } from '../base/types.js';
import type { ServiceContext } from '../session/service-client.js';
import type { FindOptions } from './find.js';
import type { Paged } from './paginate.js';
import { ServiceProxy, type ListOptions, type Ref, type Resource, type ResourceDef } from './proxy.js';
import { toQuery, type QueryDialect } from './query.js';
import type { WaitOptions } from './wait.js';

/** The standard operations a resource can offer. */
export type Operation = 'list' | 'get' | 'find' | 'create' | 'update' | 'delete' | 'waitFor' | 'waitForDelete';

/**
 * A resource with the standard operations its proxy offers: the method names come from `one`
 * and `many` (`Network`, `networks` give `networks()`, `getNetwork()`, `findNetwork()`,
 * `createNetwork()`, `updateNetwork()`, `deleteNetwork()`, `waitForNetwork()`,
 * `waitForNetworkDelete()`), and only the operations in `ops` exist.
 */
export interface DeclaredResource<S extends v.GenericSchema = v.GenericSchema> extends ResourceDef<S> {
  /** The singular in method names (`Network`, `FloatingIp`). */
  one: string;
  /** The list method (`networks`, `floatingIps`). */
  many: string;
  ops: readonly Operation[];
  /** What `waitFor<One>` waits for unless told otherwise (`{ status: 'ACTIVE', failures: ['ERROR'] }`), in which field (default `status`), and the field that says why it failed. */
  wait?: { status: string; failures: readonly string[]; attribute?: string; reason?: string };
  /** Filters the list takes besides the resource's own attributes; a type only, see {@link filters}. */
  filters?: object;
}

/** Declares a resource; its names and operations are kept as literal types for the method names. */
export function defineResource<const D extends DeclaredResource>(def: D): D {
  return def;
}

/** Declares a list's extra filters as a type (no value is kept at run time). */
export function filters<F extends object>(): F | undefined {
  return undefined;
}

/** Options of `delete*`: a missing resource is not an error with `ignoreMissing`. */
export type DeleteOptions = CallOptions & { ignoreMissing?: boolean };
/** Options of `find*`; `query` narrows the listing a name is looked up in. */
export type FindCallOptions<Q = Query> = FindOptions & CallOptions & { query?: Q };

type Scalar = string | number | boolean;
/**
 * Filters of a list: any scalar attribute of the resource (a list of values matches any of them),
 * the service's extra filters, and whatever else the cloud accepts.
 */
export type ListFilters<T, Extra = unknown> = {
  [K in keyof T as T[K] extends Scalar | null | undefined ? K : never]?: Scalar | null | readonly Scalar[];
} & Extra & { [filter: string]: unknown };

type In<S> = S extends v.GenericSchema ? v.InferInput<S> : Record<string, unknown>;
type Has<D extends DeclaredResource, O extends Operation> = O extends D['ops'][number] ? true : false;
type Filters<D extends DeclaredResource> = ListFilters<Resource<D>, Exclude<D['filters'], undefined>>;
/** `attrs` is optional when every attribute is. */
type CreateFn<A, R> = {} extends A ? (attrs?: A, opts?: CallOptions) => Promise<R> : (attrs: A, opts?: CallOptions) => Promise<R>;

type List<D extends DeclaredResource> = {
  /** Every one the filters match, fetched a page at a time as it is iterated (`.pages()`, `.toArray()`). */
  [K in D['many']]: (filters?: Filters<D>, opts?: ListOptions) => Paged<Resource<D>>;
};
type Get<D extends DeclaredResource> = {
  /** One by id (or the object itself); NotFoundError when it is missing. */
  [K in `get${D['one']}`]: (ref: Ref, opts?: CallOptions) => Promise<Resource<D>>;
};
type Find<D extends DeclaredResource> = {
  /** By id, else by exact name; undefined when missing (unless `ignoreMissing: false`), DuplicateResourceError when several match. */
  [K in `find${D['one']}`]: (nameOrId: string, opts?: FindCallOptions<Filters<D>>) => Promise<Resource<D> | undefined>;
};
type Create<D extends DeclaredResource> = {
  /** Creates one from its attributes, checked before anything is sent. */
  [K in `create${D['one']}`]: CreateFn<In<D['createSchema']>, Resource<D>>;
};
type Update<D extends DeclaredResource> = {
  /** Changes the given attributes, checked before anything is sent. */
  [K in `update${D['one']}`]: (ref: Ref, attrs: In<D['updateSchema']>, opts?: CallOptions) => Promise<Resource<D>>;
};
type Delete<D extends DeclaredResource> = {
  /** Deletes one; NotFoundError when it is missing, unless `ignoreMissing`. */
  [K in `delete${D['one']}`]: (ref: Ref, opts?: DeleteOptions) => Promise<void>;
};
type WaitFor<D extends DeclaredResource> = {
  /** Polls until the status is reached (the resource's usual goal unless `status` says); a failure status ends the wait with ResourceFailureError. */
  [K in `waitFor${D['one']}`]: (ref: Ref, opts?: WaitOptions<Resource<D>>) => Promise<Resource<D>>;
};
type WaitForDelete<D extends DeclaredResource> = {
  /** Polls until the resource is gone (NotFoundError from the cloud). */
  [K in `waitFor${D['one']}Delete`]: (ref: Ref, opts?: Omit<WaitOptions<Resource<D>>, 'status'>) => Promise<void>;
};

/** The methods a declared resource gives its proxy. */
export type ResourceMethods<D extends DeclaredResource> = (Has<D, 'list'> extends true ? List<D> : {}) &
  (Has<D, 'get'> extends true ? Get<D> : {}) &
  (Has<D, 'find'> extends true ? Find<D> : {}) &
  (Has<D, 'create'> extends true ? Create<D> : {}) &
  (Has<D, 'update'> extends true ? Update<D> : {}) &
  (Has<D, 'delete'> extends true ? Delete<D> : {}) &
  (Has<D, 'waitFor'> extends true ? WaitFor<D> : {}) &
  (Has<D, 'waitForDelete'> extends true ? WaitForDelete<D> : {});

type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** The methods of every declared resource in a module of definitions (others are ignored). */
export type MethodsOf<R> = Intersect<{ [K in keyof R]: R[K] extends DeclaredResource ? ResourceMethods<R[K]> : {} }[keyof R]>;

function isDeclared(x: unknown): x is DeclaredResource {
  return !!x && typeof x === 'object' && Array.isArray((x as DeclaredResource).ops);
}

/**
 * The base class of a service proxy whose resources are declared: every standard operation of
 * every declared resource in `resources` (a module of definitions) becomes a method of the
 * proxy (list filters sent in the service's query `dialect`), typed from the resource's schemas. The proxy class adds what is not standard.
 *
 * ```ts
 * export class NetworkProxy extends declaredProxy(r, neutronQuery) { ... }
 * ```
 */
export function declaredProxy<const R extends object>(
  resources: R,
  dialect: QueryDialect = {},
): new (ctx: ServiceContext) => ServiceProxy & MethodsOf<R> {
  class Declared extends ServiceProxy {
    // Inside the class body: the generated methods call the protected generic operations.
    static {
      const proto = Declared.prototype as unknown as Record<string, unknown>;
      for (const def of Object.values(resources)) {
        if (!isDeclared(def)) continue;
        const { one, many } = def;
        const methods: Record<Operation, [string, (this: Declared, ...a: any[]) => unknown]> = {
          list: [many, function (filters?: Record<string, unknown>, opts?: ListOptions) { return this._list(def, toQuery(filters, dialect), opts); }],
          get: [`get${one}`, function (ref: Ref, opts?: CallOptions) { return this._get(def, ref, opts); }],
          find: [`find${one}`, function (nameOrId: string, opts: FindCallOptions<Record<string, unknown>> = {}) {
            const { query, ...rest } = opts;
            return this._find(def, nameOrId, query ? { ...rest, query: toQuery(query, dialect) } : rest);
          }],
          create: [`create${one}`, function (attrs: unknown = {}, opts?: CallOptions) { return this._create(def, attrs, opts); }],
          update: [`update${one}`, function (ref: Ref, attrs: unknown, opts?: CallOptions) { return this._update(def, ref, attrs, opts); }],
          delete: [`delete${one}`, function (ref: Ref, opts?: DeleteOptions) { return this._delete(def, ref, opts); }],
          waitFor: [`waitFor${one}`, function (ref: Ref, opts: WaitOptions = {}) { return this._waitFor(def, ref, { ...def.wait, ...opts }); }],
          waitForDelete: [`waitFor${one}Delete`, function (ref: Ref, opts?: WaitOptions) { return this._waitForDelete(def, ref, opts); }],
        };
        for (const op of def.ops) {
          const [name, fn] = methods[op];
          if (name in proto) throw new Error(`${name} is declared twice`);
          proto[name] = fn;
        }
      }
    }
  }
  return Declared as never;
}
