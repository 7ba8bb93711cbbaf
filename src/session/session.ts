import type { AuthContext, AuthProvider } from '../base/auth-provider.js';
import { findEndpoint, type Interface } from '../base/catalog.js';
import type { AuthState } from '../base/auth-state.js';
import {
  ConnectionError,
  EndpointNotFoundError,
  httpErrorFor,
  OpenStackError,
  ResponseError,
  TimeoutError,
  ValidationError,
} from '../base/errors.js';
import type { MicroversionRange, MicroversionSpec } from './microversion.js';
import { Redactor } from '../base/redact.js';
import { requestIdOf } from './request-id.js';
import { lazy } from '../base/lazy.js';
import { isBrowser } from '../base/runtime.js';
import { DEFAULT_RETRY, isReplayable, retryDelay, type RetryOptions } from './retry.js';
import { abortReason, sleep, withTimeout } from '../base/signals.js';
import { createTransport, type Transport } from './transport.js';
import type { FetchLike, LogEvent, LogHook, OpenStackResponse, RequestSpec } from '../base/types.js';
import { hasVersionSegment, joinUrl, withQuery } from '../base/url.js';
import { checkNumber } from '../base/validate.js';

/** What the Session needs to know about a service to reach it. */
export interface ServiceDescriptor {
  /** Official service type (`compute`, `object-store`, ...). */
  type: string;
  /** Extra catalog types to accept besides service-types-authority's aliases. */
  aliases?: readonly string[];
  /** The major API version the SDK speaks; found by discovery when the catalog URL has none. */
  version?: string;
  microversion?: MicroversionSpec;
  /**
   * Where to go when the catalog has no entry for this service: `authUrl` for Keystone, which an
   * unscoped token (whose catalog is empty) still reaches where it logged in.
   */
  catalogFallback?: 'authUrl';
}

/** Options of a {@link Session}: auth, endpoint choice, retries, timeout, microversions and the log hook. */
export interface SessionOptions {
  auth: AuthProvider;
  fetch?: FetchLike | undefined;
  region?: string | undefined;
  interface?: Interface | undefined;
  /** Per service type (or Connection name): a URL used instead of the catalog's. */
  endpointOverrides?: Record<string, string> | undefined;
  /** Per service type (or name): a microversion sent on every call. */
  microversions?: Record<string, string> | undefined;
  /** Per service type (or name): interface override. */
  interfaces?: Record<string, Interface> | undefined;
  retry?: RetryOptions | undefined;
  /** Default per-attempt timeout in ms (none by default). */
  timeout?: number | undefined;
  log?: LogHook | undefined;
  headers?: Record<string, string> | undefined;
  redactor?: Redactor | undefined;
}

/**
 * The request pipeline every service uses: endpoint resolution, token, microversion, retries,
 * timeout, request ids, logging, and typed errors.
 */
export class Session {
  readonly auth: AuthProvider;
  readonly redactor: Redactor;
  readonly #transport: Transport;
  readonly #retry: Required<RetryOptions>;
  readonly #endpoints = new Map<string, Promise<string>>();
  readonly #ranges = new Map<string, Promise<MicroversionRange | undefined>>();

  constructor(readonly options: SessionOptions) {
    this.auth = options.auth;
    this.redactor = options.redactor ?? new Redactor();
    this.#transport = createTransport(options.fetch);
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    checkNumber(this.#retry.retries, 'retry.retries', 0, true);
    checkNumber(options.timeout, 'timeout', 0);
    const ctx: AuthContext = {
      request: (spec) => this.request({ ...spec, authenticated: false }),
      redactor: this.redactor,
    };
    this.auth.bind(ctx);
  }

  /**
   * The Connection's retry policy, for the callers that resend a body themselves (a segment read
   * again from its source after the session could not replay its stream).
   */
  get retryPolicy(): Readonly<Required<RetryOptions>> {
    return this.#retry;
  }

  /** The endpoint a service is reached at, after overrides, catalog lookup and version discovery. */
  endpoint(svc: ServiceDescriptor, opts: { interface?: Interface; region?: string; name?: string; signal?: AbortSignal } = {}): Promise<string> {
    const iface = opts.interface ?? this.#pick(this.options.interfaces, svc, opts.name) ?? this.options.interface ?? 'public';
    const region = opts.region ?? this.options.region;
    const key = `${svc.type}|${iface}|${region ?? ''}`;
    let p = this.#endpoints.get(key);
    if (!p) {
      p = this.#resolveEndpoint(svc, iface, region, opts).catch((e) => {
        this.#endpoints.delete(key);
        throw e;
      });
      this.#endpoints.set(key, p);
    }
    return p;
  }

  #pick<T>(map: Record<string, T> | undefined, svc: ServiceDescriptor, name?: string): T | undefined {
    if (!map) return undefined;
    return map[svc.type] ?? (name ? map[name] : undefined) ?? svc.aliases?.map((a) => map[a]).find((x) => x !== undefined);
  }

  async #resolveEndpoint(
    svc: ServiceDescriptor,
    iface: Interface,
    region: string | undefined,
    opts: { name?: string; signal?: AbortSignal },
  ): Promise<string> {
    const override = this.#pick(this.options.endpointOverrides, svc, opts.name);
    const state = await this.auth.getAuthState({ signal: opts.signal });
    let url: string;
    if (override) url = substitute(override, state);
    else {
      try {
        url = findEndpoint(state.catalog, { type: svc.type, aliases: svc.aliases, interface: iface, region });
      } catch (e) {
        if (svc.catalogFallback === 'authUrl' && e instanceof EndpointNotFoundError && this.auth.authUrl) url = this.auth.authUrl;
        else throw e;
      }
    }
    url = url.replace(/\/+$/, '');
    if (svc.version && !hasVersionSegment(url)) url = await (await versions()).discoverVersion(this.#send, url, svc.version, opts.signal);
    return url;
  }

  /** How the lazily loaded version code sends its requests. */
  readonly #send = (spec: RequestSpec & { path: string }) => this.request<unknown>(spec);

  /** The microversion range the cloud offers for a service (from its version document, cached). */
  async microversionRange(svc: ServiceDescriptor, endpoint: string, signal?: AbortSignal): Promise<MicroversionRange | undefined> {
    const m = await versions();
    const root = m.versionRoot(endpoint);
    let p = this.#ranges.get(root);
    if (!p) {
      const major = svc.version ?? /\/v(\d+(?:\.\d+)?)$/.exec(root)?.[1];
      p = m.fetchRange(this.#send, root, major, signal, svc.microversion?.headerType).catch((e) => {
        this.#ranges.delete(root);
        throw e;
      });
      this.#ranges.set(root, p);
    }
    return p;
  }

  /** The microversion a call will send for `svc` (undefined for services without them). */
  async microversionFor(svc: ServiceDescriptor, spec: { microversion?: string; minMicroversion?: string; signal?: AbortSignal }, name?: string): Promise<string | undefined> {
    const mv = svc.microversion;
    if (!mv) {
      if (spec.microversion) throw new ValidationError(`the ${svc.type} service has no microversions`, 'microversion');
      return undefined;
    }
    const endpoint = await this.endpoint(svc, { name, signal: spec.signal });
    const range = await this.microversionRange(svc, endpoint, spec.signal);
    const requested = spec.microversion ?? this.#pick(this.options.microversions, svc, name);
    return (await versions()).negotiate(mv, svc.type, range, requested, spec.minMicroversion);
  }

  /** Sends one request for a service (or to an absolute URL when `svc` is undefined). */
  async request<T = unknown>(spec: RequestSpec, svc?: ServiceDescriptor, name?: string): Promise<OpenStackResponse<T>> {
    const method = (spec.method ?? 'GET').toUpperCase();
    let base = '';
    if (!/^https?:\/\//i.test(spec.path ?? '')) {
      if (!svc) throw new ValidationError('a relative path needs a service', 'path');
      base = await this.endpoint(svc, { name, signal: spec.signal });
    }
    const url = withQuery(joinUrl(base, spec.path), spec.query);
    const headers = new Headers(this.options.headers);
    headers.set('accept', 'application/json');
    const mvSpec = svc?.microversion;
    const mv = svc && (await this.microversionFor(svc, spec, name));
    if (mv && mvSpec) {
      headers.set('openstack-api-version', `${mvSpec.headerType} ${mv}`);
      if (mvSpec.legacyHeader) headers.set(mvSpec.legacyHeader, mv);
    }
    for (const [k, v] of Object.entries(spec.headers ?? {})) if (v !== undefined) headers.set(k, v);

    const authenticated = spec.authenticated !== false;
    const replayable = isReplayable(method, spec.body, spec.idempotent);
    const maxRetries = spec.retries ?? this.#retry.retries;
    let reauthed = false;
    // Set once an attempt failed without an answer: the cloud may have done it all the same.
    let answerLost = false;
    for (let attempt = 1; ; attempt++) {
      let token: string | undefined;
      if (authenticated) {
        token = (await this.auth.getAuthState({ signal: spec.signal })).token;
        headers.set('x-auth-token', token);
      }
      const started = Date.now();
      // Without a log hook, `log?.(...)` skips its arguments too: no redacted header copies per request.
      const log = this.options.log && ((e: Omit<LogEvent, 'method' | 'url' | 'service' | 'attempt'>) => this.#log({ method, url, service: svc?.type, attempt, ...e }));
      log?.({ type: 'request', headers: this.redactor.headers(headers) });
      const { signal, dispose, clearTimer } = withTimeout(spec.signal, spec.timeout ?? this.options.timeout);
      let res: Response;
      try {
        res = await this.#transport(url, { method, headers, body: spec.body, signal });
      } catch (e) {
        dispose();
        const err = this.#connectionError(e, method, url, spec.signal);
        if (err instanceof ConnectionError && replayable && attempt <= maxRetries) {
          answerLost = true;
          const delay = retryDelay(attempt, null, this.#retry);
          log?.({ type: 'retry', delayMs: delay, message: err.message });
          await sleep(delay, spec.signal);
          continue;
        }
        log?.({ type: 'error', message: err instanceof Error ? err.message : String(err) });
        throw err;
      }
      const requestId = requestIdOf(res.headers);
      log?.({ type: 'response', status: res.status, requestId, durationMs: Date.now() - started, headers: this.redactor.headers(res.headers) });
      // A DELETE sent again after its answer was lost finds nothing: the first one did it.
      const alreadyDone = answerLost && method === 'DELETE' && res.status === 404;
      const ok = res.status < 400 || spec.okStatuses?.includes(res.status) || alreadyDone;
      if (!ok) {
        if (res.status === 401 && authenticated && !reauthed) {
          // A stream cannot be sent again, but the rejected token is still dropped, so that the
          // caller's own retry (a segment re-read from its source) goes out with a fresh one.
          if (spec.body && typeof spec.body === 'object' && 'getReader' in spec.body) {
            this.auth.invalidate(token);
            throw await this.#httpError(res, method, url, svc?.type, requestId, spec.signal, answerLost).finally(dispose);
          }
          // The token may have been revoked or expired early: log in again once and resend.
          await discard(res);
          dispose();
          reauthed = true;
          this.auth.invalidate(token);
          log?.({ type: 'auth', message: 'token rejected; logging in again' });
          attempt--;
          continue;
        }
        if (this.#retry.statuses.includes(res.status) && replayable && attempt <= maxRetries) {
          const delay = retryDelay(attempt, res.headers.get('retry-after'), this.#retry);
          await discard(res);
          dispose();
          log?.({ type: 'retry', status: res.status, delayMs: delay });
          await sleep(delay, spec.signal);
          continue;
        }
        const err = await this.#httpError(res, method, url, svc?.type, requestId, spec.signal, answerLost).finally(dispose);
        throw err;
      }
      try {
        const data = (alreadyDone ? await discard(res) : await this.#readBody(res, spec, method, url)) as T;
        return { status: res.status, headers: res.headers, data, url, requestId };
      } catch (e) {
        throw this.#cutOff(e, method, url, spec.signal);
      } finally {
        // A stream is read later by the caller: the timeout must not cut it off, the signal still may.
        if (spec.responseType === 'stream') clearTimer();
        else dispose();
      }
    }
  }

  async #readBody(res: Response, spec: RequestSpec, method: string, url: string): Promise<unknown> {
    const type = spec.responseType ?? 'json';
    if (method === 'HEAD' || type === 'none' || res.status === 204) {
      if (type === 'stream' && res.body) return typedStream(res.body, (e) => this.#cutOff(e, method, url, spec.signal));
      await discard(res);
      return undefined;
    }
    switch (type) {
      case 'stream':
        return res.body && typedStream(res.body, (e) => this.#cutOff(e, method, url, spec.signal));
      case 'text':
        return res.text();
      case 'blob':
        return res.blob();
      case 'arrayBuffer':
        return res.arrayBuffer();
      default: {
        const text = await res.text();
        if (!text.trim()) return undefined;
        try {
          return JSON.parse(text);
        } catch {
          throw new ResponseError(
            `Expected JSON from ${method} ${this.redactor.url(url)} but got: ${this.redactor.text(text.slice(0, 200))}`,
          );
        }
      }
    }
  }

  async #httpError(res: Response, method: string, url: string, service: string | undefined, requestId: string | undefined, signal: AbortSignal | undefined, answerLost: boolean) {
    let body: unknown;
    try {
      const text = await res.text();
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
    } catch (e) {
      if (signal?.aborted) throw abortReason(signal);
      body = undefined;
    }
    // Without the parser (its chunk could not load) the error still says its status.
    const message = (await errorMessages().catch(() => undefined))?.cloudMessage(body);
    return httpErrorFor({
      status: res.status,
      method,
      url: this.redactor.url(url),
      requestId,
      service,
      cloudMessage: message ? this.redactor.text(message) : undefined,
      body: this.redactor.value(body),
      headers: this.redactor.headers(res.headers),
      answerLost,
    });
  }

  /** Turns what fetch threw into the SDK's errors; aborts by the caller pass through as they are. */
  #connectionError(e: unknown, method: string, url: string, callerSignal?: AbortSignal): unknown {
    if (e instanceof OpenStackError && !(e instanceof TimeoutError)) return e;
    if (callerSignal?.aborted) return abortReason(callerSignal);
    const cause = (e as { cause?: unknown })?.cause ?? e;
    if (e instanceof TimeoutError || cause instanceof TimeoutError) return cause instanceof TimeoutError ? cause : e;
    const safeUrl = this.redactor.url(url);
    const detail = describeCause(e);
    const hint =
      isBrowser()
        ? ' In a browser this also happens when the server does not allow this origin (CORS): check the service\'s CORS settings and that it is reachable.'
        : '';
    return new ConnectionError(`Could not reach ${method} ${safeUrl}: ${this.redactor.text(detail)}.${hint}`, method, safeUrl, { cause });
  }

  /** The answer started but did not arrive whole (a reset, a truncated body): a ConnectionError that says so. */
  #cutOff(e: unknown, method: string, url: string, callerSignal?: AbortSignal): unknown {
    if (e instanceof OpenStackError || callerSignal?.aborted) return this.#connectionError(e, method, url, callerSignal);
    const safeUrl = this.redactor.url(url);
    return new ConnectionError(`The answer to ${method} ${safeUrl} was cut off: ${this.redactor.text(describeCause(e))}.`, method, safeUrl, { cause: e });
  }

  #log(e: LogEvent): void {
    if (!this.options.log) return;
    try {
      this.options.log({ ...e, url: this.redactor.url(e.url), message: e.message && this.redactor.text(e.message) });
    } catch {
      /* a broken log hook must not break requests */
    }
  }
}

/** Reading the cloud's message out of an error body is only needed once there is an error. */
const errorMessages = lazy('error messages', () => import('../base/error-message.js'));

/** Discovery and negotiation live in their own chunk: only services with versions load it. */
const versions = lazy('version discovery', () => import('./versions.js'));

/** "fetch failed" says little: the underlying cause (ECONNREFUSED, a reset...) is what helps. */
function describeCause(e: unknown): string {
  const parts: string[] = [];
  for (let c: unknown = e, i = 0; c && i < 5; c = (c as { cause?: unknown }).cause, i++) {
    // ofetch's own wrapper repeats the method and URL the message already names.
    if ((c as { cause?: unknown }).cause && c instanceof Error && /^\[[A-Z]+\] "/.test(c.message)) continue;
    const msg = c instanceof Error ? c.message : String(c);
    const code = (c as { code?: unknown }).code;
    const text = typeof code === 'string' && !msg.includes(code) ? `${msg} (${code})` : msg;
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.join(': ') || 'network error';
}

/**
 * The body as the caller reads it, with a read that fails midway (a reset, a truncated body) turned
 * into the SDK's error instead of the runtime's (`TypeError: terminated`).
 */
function typedStream(body: ReadableStream<Uint8Array>, toError: (e: unknown) => unknown): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (e) {
          controller.error(toError(e));
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

async function discard(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {
    /* already consumed */
  }
}

/** `%(project_id)s` and `{project_id}` in endpoint overrides, as the catalog would have them. */
function substitute(url: string, state: AuthState): string {
  const project = state.project?.id ?? '';
  return url.replace(/%\(project_id\)s|%\(tenant_id\)s|\{project_id\}/g, project);
}
