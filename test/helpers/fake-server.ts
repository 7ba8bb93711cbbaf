import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage & { body: string }, res: ServerResponse) => unknown;

export interface FakeServer {
  url: string;
  /** Every request seen: method, path with query, headers, body. */
  requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

/**
 * A local node:http server for faults a real cloud will not produce on demand (resets, 503 with
 * Retry-After, malformed bodies). Routes are tried in order; the first whose pattern matches
 * `METHOD /path` handles the request.
 */
export async function fakeServer(routes: [RegExp, Handler][]): Promise<FakeServer> {
  const requests: FakeServer['requests'] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    const key = `${req.method} ${req.url}`;
    const route = routes.find(([re]) => re.test(key));
    if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"no route"}}');
      return;
    }
    try {
      await route[1](Object.assign(req, { body }), res);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** A Keystone token route whose catalog points every listed service type at `base + path`. */
export function keystoneRoute(base: () => string, services: Record<string, string>, token = 'tok-secret-1234'): [RegExp, Handler] {
  let n = 0;
  return [
    /^POST \/v3\/auth\/tokens/,
    (_req, res) => {
      n++;
      const expires = new Date(Date.now() + 3600_000).toISOString();
      json(
        res,
        201,
        {
          token: {
            methods: ['password'],
            expires_at: expires,
            issued_at: new Date().toISOString(),
            user: { id: 'u1', name: 'demo', domain: { id: 'default' } },
            project: { id: 'p1', name: 'demo', domain: { id: 'default' } },
            roles: [{ id: 'r1', name: 'member' }],
            catalog: Object.entries(services).map(([type, path]) => ({
              type,
              endpoints: [{ interface: 'public', region_id: 'RegionOne', region: 'RegionOne', url: base() + path }],
            })),
          },
        },
        { 'x-subject-token': `${token}-${n}` },
      );
    },
  ];
}

export const PASSWORD = 'pa55-word-very-secret';

/** Password auth options for a fake Keystone at `url`. */
export function fakeAuth(url: string) {
  return {
    type: 'password' as const,
    authUrl: url,
    username: 'demo',
    password: PASSWORD,
    userDomainId: 'default',
    projectName: 'demo',
    projectDomainId: 'default',
  };
}
