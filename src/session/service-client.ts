import type { Interface } from '../base/catalog.js';
import type { ServiceDescriptor, Session } from './session.js';
import type { CallOptions, OpenStackResponse, RequestSpec } from '../base/types.js';

/** What a service plugin's `create` receives. */
export interface ServiceContext {
  session: Session;
  descriptor: ServiceDescriptor;
  name: string;
  /**
   * Another service of the same Connection, by its property name (`image`): whatever plugin the
   * Connection registered under that name, so that a replaced service is the one used.
   */
  service<T = unknown>(name: string): T;
}

/** Options of a list call: those of every call, and `pageSize`. */
export type ListOptions = CallOptions & {
  /** Page size (the cloud's `limit`). Every page is still fetched while iterating. */
  pageSize?: number;
};

/**
 * Base of every service proxy: requests to the service, its endpoint and its microversion. A service
 * whose resources do not follow the usual JSON shape (Swift's are headers and names) builds on this
 * alone and so carries none of the generic operations of {@link ServiceProxy}.
 */
export class ServiceClient {
  readonly session: Session;
  readonly descriptor: ServiceDescriptor;
  /** The Connection property this proxy sits under (for per-service options). */
  readonly serviceName: string;
  readonly #service: ServiceContext['service'];

  constructor(ctx: ServiceContext) {
    this.session = ctx.session;
    this.descriptor = ctx.descriptor;
    this.serviceName = ctx.name;
    this.#service = ctx.service;
  }

  /** Another service of the same Connection, by its property name (`image`). */
  protected otherService<T>(name: string): T {
    return this.#service<T>(name);
  }

  /** Sends a request to this service; `path` is relative to its endpoint. */
  request<T = unknown>(spec: RequestSpec): Promise<OpenStackResponse<T>> {
    return this.session.request<T>(spec, this.descriptor, this.serviceName);
  }

  /** The endpoint this service is reached at. */
  endpoint(opts: { interface?: Interface; region?: string; signal?: AbortSignal } = {}): Promise<string> {
    return this.session.endpoint(this.descriptor, { ...opts, name: this.serviceName });
  }

  /** The microversion calls to this service send by default (undefined if it has none). */
  microversion(opts: CallOptions = {}): Promise<string | undefined> {
    return this.session.microversionFor(this.descriptor, opts, this.serviceName);
  }

  /** The cloud's microversion range for this service. */
  async microversionRange(opts: CallOptions = {}) {
    return this.session.microversionRange(this.descriptor, await this.endpoint(opts), opts.signal);
  }
}
