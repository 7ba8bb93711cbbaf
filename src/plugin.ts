import type { ServiceContext } from './session/service-client.js';
import type { ServiceDescriptor } from './session/session.js';

/**
 * A service as a plugin: the built-in services are declared exactly this way, so a third party can
 * add a service, or replace or extend a built-in one (same `name`, a subclass of its proxy).
 */
export interface ServicePlugin<N extends string = string, P = unknown> extends ServiceDescriptor {
  readonly kind: 'service';
  /** The Connection property it appears under (`objectStore`). */
  readonly name: N;
  create(ctx: ServiceContext): P;
}

/** Declares a service plugin. */
export function defineService<const N extends string, P>(plugin: Omit<ServicePlugin<N, P>, 'kind'> & { kind?: 'service' }): ServicePlugin<N, P> {
  return { ...plugin, kind: 'service' };
}

/** `{ objectStore: ObjectStoreProxy, ... }` for a list of plugins. */
export type ServicesOf<S extends readonly ServicePlugin[]> = {
  readonly [P in S[number] as P['name']]: ReturnType<P['create']>;
};

/** Services of `Base`, with those of `Extra` added or replacing same-named ones. */
export type MergeServices<Base extends readonly ServicePlugin[], Extra extends readonly ServicePlugin[]> = Omit<
  ServicesOf<Base>,
  Extra[number]['name']
> &
  ServicesOf<Extra>;
