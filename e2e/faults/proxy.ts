/**
 * A small HTTP fault proxy for the fault run: one loopback listener per upstream service, bounded in
 * time and in requests (it closes itself), with seeded, reproducible faults. Keystone's answers are
 * rewritten so that every URL of the catalog (and every absolute link in any JSON answer) names the
 * proxy, so that the SDK never sees the real services.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const FAULT_KINDS = [
  'reset-before-response',
  'reset-mid-response',
  'reset-mid-request',
  '503-retry-after-seconds',
  '429-retry-after-date',
  '500-after-post',
  'slow-body',
  'truncated-body',
  'duplicated-header',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number] | 'token-revoked';

/** Mulberry32: a tiny seeded PRNG (the run never uses Math.random). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ScheduledFault {
  kind: (typeof FAULT_KINDS)[number];
  /** Only requests with this method (default any). */
  method?: string;
  /** Only requests whose path matches (default any). */
  path?: RegExp;
  /** How many requests get it (default 1). */
  times?: number;
  /** For `duplicated-header`: which response header (default one drawn at random). */
  header?: string;
}

export interface FaultProxyOptions {
  /** Upstream origins, e.g. `{ identity: 'http://127.0.0.1:5000' }`. */
  upstreams: Record<string, string>;
  seed: number;
  /** Probability that a request gets a random fault (default 0: only scheduled faults). */
  rate?: number;
  /** Fault kinds drawn at random (default all). */
  kinds?: readonly (typeof FAULT_KINDS)[number][];
  /** The proxy closes itself after this many ms (default 30 min). */
  maxLifetimeMs?: number;
  /** ...or after this many requests (default 200,000). */
  maxRequests?: number;
  /** Paths never faulted at random (e.g. the login, to keep a run from being all logins). */
  spare?: (method: string, path: string, upstream: string) => boolean;
}

export interface FaultRecord {
  kind: FaultKind;
  method: string;
  upstream: string;
  path: string;
}

export interface FaultProxy {
  /** Proxy origin per upstream name. */
  origins: Record<string, string>;
  /** Faults injected so far, by kind. */
  counts: Record<FaultKind, number>;
  faults: FaultRecord[];
  requests: number;
  /** Token values seen in X-Auth-Token and X-Subject-Token (to check that none leaks). */
  tokens: Set<string>;
  /** The last X-Auth-Token a client sent. */
  lastToken: string | undefined;
  /** Makes the next matching request(s) get a given fault, before any random one. */
  schedule(f: ScheduledFault): void;
  setRate(rate: number): void;
  /** Counts a fault done outside the proxy (the token revocation). */
  note(kind: FaultKind, info?: Partial<FaultRecord>): void;
  close(): Promise<void>;
}

const NO_BODY_STATUS = new Set([204, 304]);
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'proxy-connection', 'upgrade', 'te', 'trailer']);

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function reset(socket: Socket): void {
  if (typeof (socket as Socket & { resetAndDestroy?: () => void }).resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

function isTextual(contentType: string | undefined): boolean {
  return !!contentType && /json|text|xml/i.test(contentType);
}

export async function startFaultProxy(o: FaultProxyOptions): Promise<FaultProxy> {
  const random = prng(o.seed);
  let rate = o.rate ?? 0;
  const kinds = o.kinds ?? FAULT_KINDS;
  const maxRequests = o.maxRequests ?? 200_000;
  const scheduled: (ScheduledFault & { times: number })[] = [];
  const counts = Object.fromEntries([...FAULT_KINDS, 'token-revoked'].map((k) => [k, 0])) as Record<FaultKind, number>;
  const servers: http.Server[] = [];
  const origins: Record<string, string> = {};
  // upstream origin -> proxy origin, for rewriting absolute URLs in answers
  const rewrites: [string, string][] = [];
  const proxy: FaultProxy = {
    origins,
    counts,
    faults: [],
    requests: 0,
    tokens: new Set(),
    lastToken: undefined,
    schedule: (f) => void scheduled.push({ times: 1, ...f }),
    setRate: (r) => (rate = r),
    note: (kind, info = {}) => {
      counts[kind]++;
      proxy.faults.push({
        kind,
        method: info.method ?? '',
        upstream: info.upstream ?? '',
        path: info.path ?? '',
      });
    },
    close: async () => {
      clearTimeout(lifetime);
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((r) => {
              s.close(() => r());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };

  function rewrite(text: string): string {
    let out = text;
    for (const [from, to] of rewrites) {
      out = out.split(from).join(to);
      // JSON may escape the slashes
      out = out.split(from.replace(/\//g, '\\/')).join(to.replace(/\//g, '\\/'));
    }
    return out;
  }

  /** The fault for this request: a scheduled one first, else a seeded random draw. */
  function pick(method: string, path: string, upstream: string, hasBody: boolean): { kind?: (typeof FAULT_KINDS)[number]; header?: string } {
    for (let i = 0; i < scheduled.length; i++) {
      const s = scheduled[i];
      if (s.method && s.method !== method) continue;
      if (s.path && !s.path.test(path)) continue;
      if (--s.times <= 0) scheduled.splice(i, 1);
      return { kind: s.kind, header: s.header };
    }
    // Always draw the same number of values, so one request's draw does not shift on its own shape.
    const r1 = random();
    const r2 = random();
    if (rate <= 0 || r1 >= rate) return {};
    if (o.spare?.(method, path, upstream)) return {};
    const fitting = kinds.filter((k) => (k === 'reset-mid-request' ? hasBody : k === '500-after-post' ? method === 'POST' || method === 'PATCH' : true));
    return { kind: fitting[Math.floor(r2 * fitting.length)] };
  }

  async function handle(upstreamName: string, upstream: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    proxy.requests++;
    if (proxy.requests > maxRequests) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('fault proxy: request budget spent');
      void proxy.close();
      return;
    }
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const auth = req.headers['x-auth-token'];
    if (typeof auth === 'string') {
      proxy.tokens.add(auth);
      proxy.lastToken = auth;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunked = /chunked/i.test(String(req.headers['transfer-encoding'] ?? ''));
    const { kind: fault, header: dupHeader } = pick(method, path, upstreamName, declared > 1 || chunked);
    const record = (kind: FaultKind) => proxy.note(kind, { method, upstream: upstreamName, path });

    if (fault === 'reset-mid-request') {
      // Read a part of the body, then cut the connection: the upstream never sees the request.
      let seen = 0;
      const limit = Math.max(1, Math.floor((declared || 2) / 2));
      record(fault);
      await new Promise<void>((resolve) => {
        req.on('data', (c: Buffer) => {
          seen += c.length;
          if (seen >= limit) {
            reset(req.socket);
            resolve();
          }
        });
        req.on('end', () => {
          reset(req.socket);
          resolve();
        });
        req.on('error', () => resolve());
      });
      return;
    }
    const body = await readBody(req);
    if (fault === '503-retry-after-seconds' || fault === '429-retry-after-date') {
      record(fault);
      const is503 = fault === '503-retry-after-seconds';
      const retryAfter = is503 ? '1' : new Date(Date.now() + 1500).toUTCString();
      const text = JSON.stringify({
        error: {
          code: is503 ? 503 : 429,
          message: is503 ? 'Service Unavailable (fault proxy)' : 'Too Many Requests (fault proxy)',
        },
      });
      res
        .writeHead(is503 ? 503 : 429, {
          'content-type': 'application/json',
          'retry-after': retryAfter,
          'content-length': Buffer.byteLength(text),
        })
        .end(text);
      return;
    }

    // Forward to the real service.
    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && k !== 'host' && k !== 'accept-encoding' && v !== undefined) headers[k] = v;
    const target = new URL(upstream);
    headers.host = target.host;
    let up: { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
    try {
      up = await new Promise((resolve, reject) => {
        const r = http.request(
          {
            host: target.hostname,
            port: target.port,
            method,
            path,
            headers: { ...headers, 'content-length': String(body.length) },
          },
          (ur) => {
            readBody(ur).then(
              (b) =>
                resolve({
                  status: ur.statusCode ?? 502,
                  headers: ur.headers,
                  body: b,
                }),
              reject,
            );
          },
        );
        r.on('error', reject);
        r.setTimeout(120_000, () => r.destroy(new Error('upstream timeout')));
        r.end(body);
      });
    } catch (e) {
      const text = `fault proxy: upstream ${upstreamName} failed: ${(e as Error).message}`;
      res
        .writeHead(502, {
          'content-type': 'text/plain',
          'content-length': Buffer.byteLength(text),
        })
        .end(text);
      return;
    }
    const subject = up.headers['x-subject-token'];
    if (typeof subject === 'string') proxy.tokens.add(subject);

    let out = up.body;
    if (isTextual(up.headers['content-type'] as string | undefined) && out.length) out = Buffer.from(rewrite(out.toString('utf8')), 'utf8');
    const outHeaders: [string, string][] = [];
    for (const [k, v] of Object.entries(up.headers)) {
      if (HOP.has(k) || v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) outHeaders.push([k, k === 'location' ? rewrite(one) : one]);
    }
    const hasBody = method !== 'HEAD' && !NO_BODY_STATUS.has(up.status) && up.status >= 200;
    if (hasBody) outHeaders.push(['content-length', String(out.length)]);
    else if (method === 'HEAD' && up.headers['content-length']) outHeaders.push(['content-length', String(up.headers['content-length'])]);

    const flat = (hs: [string, string][]) => hs.flat();
    const withBody = hasBody && out.length > 1;
    switch (fault) {
      case 'reset-before-response':
        record(fault);
        reset(req.socket);
        return;
      case '500-after-post': {
        record(fault);
        const text = JSON.stringify({
          error: {
            code: 500,
            message: 'Internal Server Error (fault proxy, after the upstream did the work)',
          },
        });
        res
          .writeHead(500, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
          })
          .end(text);
        return;
      }
      case 'reset-mid-response':
      case 'truncated-body':
        if (!withBody) break;
        record(fault);
        res.writeHead(up.status, flat(outHeaders));
        res.write(out.subarray(0, Math.floor(out.length / 2)));
        if (fault === 'reset-mid-response') setTimeout(() => reset(req.socket), 20);
        // truncated: the headers promised more, the connection just ends
        else setTimeout(() => req.socket.end(), 20);
        return;
      case 'slow-body': {
        if (!withBody) break;
        record(fault);
        res.writeHead(up.status, flat(outHeaders));
        const pieces = 4;
        const size = Math.ceil(out.length / pieces);
        for (let i = 0; i < pieces; i++) {
          if (res.destroyed) return;
          res.write(out.subarray(i * size, (i + 1) * size));
          await new Promise((r) => setTimeout(r, 150));
        }
        res.end();
        return;
      }
      case 'duplicated-header': {
        const candidates = outHeaders.filter(([k]) => k !== 'content-length' && (!dupHeader || k === dupHeader.toLowerCase()));
        if (!candidates.length) break;
        record(fault);
        const dup = candidates[Math.floor(random() * candidates.length)];
        res.writeHead(up.status, flat([...outHeaders, dup]));
        res.end(hasBody ? out : undefined);
        return;
      }
      default:
        break;
    }
    res.writeHead(up.status, flat(outHeaders));
    res.end(hasBody ? out : undefined);
  }

  for (const [name, upstream] of Object.entries(o.upstreams)) {
    const server = http.createServer((req, res) => {
      handle(name, upstream, req, res).catch(() => {
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
    });
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    servers.push(server);
    origins[name] = `http://127.0.0.1:${port}`;
    const u = new URL(upstream);
    rewrites.push([`http://${u.host}`, origins[name]]);
    if (u.hostname === '127.0.0.1') rewrites.push([`http://localhost:${u.port}`, origins[name]]);
  }
  const lifetime = setTimeout(() => void proxy.close(), o.maxLifetimeMs ?? 30 * 60_000);
  lifetime.unref();
  return proxy;
}
