import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  ConflictError,
  ConnectionError,
  defineService,
  ServerError,
  ServiceProxy,
  TimeoutError,
  type LogEvent,
} from '../../src/index.js';
import { Connection } from '../../src/core.js';
import { fakeAuth, fakeServer, json, keystoneRoute, type FakeServer } from '../helpers/fake-server.js';

const thing = defineService({ name: 'thing', type: 'thing', create: (ctx) => new ServiceProxy(ctx) });
let srv: FakeServer;
afterEach(() => {
  vi.useRealTimers();
  return srv?.close();
});

function connect(extra: Record<string, unknown> = {}) {
  const events: LogEvent[] = [];
  const conn = new Connection({
    auth: fakeAuth(srv.url),
    services: [thing],
    retry: { baseDelay: 10 },
    log: (e) => events.push(e),
    ...extra,
  });
  return { conn, events };
}
const hits = (re: RegExp) => srv.requests.filter((r) => re.test(`${r.method} ${r.url}`)).length;

describe('retries', () => {
  test('a reset connection is retried for GET and succeeds', async () => {
    let n = 0;
    srv = await fakeServer([
      keystoneRoute(() => srv.url, { thing: '/thing' }),
      [/^GET \/thing\/x/, (req, res) => (++n === 1 ? req.socket.destroy() : json(res, 200, { ok: true }))],
    ]);
    const { conn } = connect();
    const res = await conn.thing.request({ path: '/x' });
    expect(res.data).toEqual({ ok: true });
    expect(hits(/^GET \/thing\/x/)).toBe(2);
  });

  test('a reset connection is not retried for POST', async () => {
    srv = await fakeServer([
      keystoneRoute(() => srv.url, { thing: '/thing' }),
      [/^POST \/thing\/x/, (req) => req.socket.destroy()],
    ]);
    const { conn } = connect();
    await expect(conn.thing.request({ method: 'POST', path: '/x', body: { a: 1 } })).rejects.toBeInstanceOf(ConnectionError);
    expect(hits(/^POST \/thing\/x/)).toBe(1);
  });

  test('503 with Retry-After is retried for GET after the delay the server asked for', async () => {
    let n = 0;
    srv = await fakeServer([
      keystoneRoute(() => srv.url, { thing: '/thing' }),
      [/^GET \/thing\/x/, (_q, res) => (++n === 1 ? json(res, 503, { message: 'busy' }, { 'retry-after': '1' }) : json(res, 200, [1]))],
    ]);
    // The clock is fake and moves only when the test moves it: the gap between the two sends is the
    // time the client waited, however fast or slow the machine is.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const sent: number[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      if (/\/thing\/x/.test(String(input instanceof Request ? input.url : input))) sent.push(Date.now());
      return fetch(input, init);
    };
    let retrying!: () => void;
    const retried = new Promise<void>((r) => (retrying = r));
    const events: LogEvent[] = [];
    const { conn } = connect({
      fetch: recordingFetch,
      log: (e: LogEvent) => {
        events.push(e);
        if (e.type === 'retry') retrying();
      },
    });
    const response = conn.thing.request({ path: '/x' });
    // The 503 is in and the client has started its wait.
    await retried;
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(sent, 'sent again before the second the server asked for').toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]! - sent[0]!).toBeGreaterThanOrEqual(1000);
    expect((await response).data).toEqual([1]);
    expect(hits(/^GET \/thing\/x/)).toBe(2);
    expect(events.filter((e) => e.type === 'retry').map((e) => [e.status, e.delayMs])).toEqual([[503, 1000]]);
  });

  test('Retry-After is capped by maxDelay', async () => {
    let n = 0;
    srv = await fakeServer([
      keystoneRoute(() => srv.url, { thing: '/thing' }),
      [/^GET \/thing\/x/, (_q, res) => (++n === 1 ? json(res, 429, {}, { 'retry-after': '3600' }) : json(res, 200, {}))],
    ]);
    const { conn, events } = connect({ retry: { maxDelay: 50 } });
    await conn.thing.request({ path: '/x' });
    expect(events.find((e) => e.type === 'retry')?.delayMs).toBe(50);
  });

  test('503 is not retried for POST', async () => {
    srv = await fakeServer([
      keystoneRoute(() => srv.url, { thing: '/thing' }),
      [/^POST \/thing\/x/, (_q, res) => json(res, 503, { message: 'busy' }, { 'retry-after': '0' })],
    ]);
    const { conn } = connect();
    const err = await conn.thing.request({ method: 'POST', path: '/x', body: {} }).catch((e) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err.status).toBe(503);
    expect(hits(/^POST \/thing\/x/)).toBe(1);
  });

  test('409 is never retried, even for PUT', async () => {
    srv = await fakeServer([
      keystoneRoute(() => srv.url, { thing: '/thing' }),
      [/^PUT \/thing\/x/, (_q, res) => json(res, 409, { conflictingRequest: { message: 'in use', code: 409 } })],
    ]);
    const { conn } = connect();
    const err = await conn.thing.request({ method: 'PUT', path: '/x', body: {} }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.cloudMessage).toBe('in use');
    expect(hits(/^PUT \/thing\/x/)).toBe(1);
  });

  test('retries give up after the configured number and surface the last error', async () => {
    srv = await fakeServer([
      keystoneRoute(() => srv.url, { thing: '/thing' }),
      [/^GET \/thing\/x/, (_q, res) => json(res, 502, { message: 'bad gateway' })],
    ]);
    const { conn } = connect({ retry: { retries: 3, baseDelay: 1 } });
    await expect(conn.thing.request({ path: '/x' })).rejects.toBeInstanceOf(ServerError);
    expect(hits(/^GET \/thing\/x/)).toBe(4);
  });
});

describe('timeout and abort', () => {
  const slow = async () => {
    srv = await fakeServer([
      keystoneRoute(() => srv.url, { thing: '/thing' }),
      [/^GET \/thing\/slow/, (_q, res) => void setTimeout(() => json(res, 200, {}), 3000)],
    ]);
  };

  test('the timeout aborts a request with TimeoutError', async () => {
    await slow();
    const { conn } = connect({ retry: { retries: 0 } });
    await expect(conn.thing.request({ path: '/slow', timeout: 100 })).rejects.toBeInstanceOf(TimeoutError);
  });

  test("the caller's signal aborts a request, even with a timeout set", async () => {
    await slow();
    const { conn } = connect({ timeout: 10_000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const err = await conn.thing.request({ path: '/slow', signal: ac.signal }).catch((e) => e);
    expect(err.name).toBe('AbortError');
  });

  test('an already aborted signal sends nothing', async () => {
    await slow();
    const { conn } = connect();
    await conn.auth.getToken();
    const before = srv.requests.length;
    const err = await conn.thing.request({ path: '/slow', signal: AbortSignal.abort() }).catch((e) => e);
    expect(err.name).toBe('AbortError');
    expect(srv.requests.length).toBe(before);
  });
});

describe('fetch options', () => {
  test("every request bypasses the browser's HTTP cache (listings carry Last-Modified)", async () => {
    srv = await fakeServer([keystoneRoute(() => srv.url, { thing: '/thing' }), [/^GET \/thing\/x/, (_q, res) => json(res, 200, {}, { 'last-modified': new Date(0).toUTCString() })]]);
    const modes: (RequestCache | undefined)[] = [];
    const spy = (input: RequestInfo | URL, init?: RequestInit) => {
      modes.push(init?.cache);
      return fetch(input, init);
    };
    const { conn } = connect({ fetch: spy });
    await conn.thing.request({ path: '/x' });
    expect(modes).toEqual(['no-store', 'no-store']);
  });
});

describe('retry and timeout options', () => {
  test('are checked when the Connection is made, naming the option', () => {
    const auth = fakeAuth('http://127.0.0.1:9');
    const made = (extra: Record<string, unknown>) => () => new Connection({ auth, ...extra });
    expect(made({ retry: { retries: 1.5 } })).toThrow(expect.objectContaining({ name: 'ValidationError', field: 'retry.retries' }));
    expect(made({ retry: { retries: -1 } })).toThrow(/retry\.retries: must be 0 or more/);
    expect(made({ timeout: -5 })).toThrow(expect.objectContaining({ name: 'ValidationError', field: 'timeout' }));
    expect(made({ timeout: Number.NaN })).toThrow(/timeout: must be a number/);
    expect(made({ retry: { retries: 0 }, timeout: 0 })).not.toThrow();
  });
});
