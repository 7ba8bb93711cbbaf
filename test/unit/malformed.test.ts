/**
 * Malformed answers, generated: every response parser and the paginator, given whatever a broken
 * cloud or a proxy in the way might send (wrong types, missing fields, huge numbers, invalid JSON,
 * HTML error pages, next links to another origin, markers that do not advance), either give a
 * result or reject with a typed OpenStackError. Never a TypeError, never an endless listing, and
 * never a request (with the token) to an origin the catalog does not name.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Connection, OpenStackError, StaticStateAuth, type AuthState } from '../../src/index.js';

const CLOUD = 'http://cloud.test';
const types: [string, string][] = [
  ['identity', `${CLOUD}/identity/v3`],
  ['object-store', `${CLOUD}/swift/v1/AUTH_p`],
  ['compute', `${CLOUD}/compute/v2.1`],
  ['image', `${CLOUD}/image/v2`],
  ['network', `${CLOUD}/network/v2.0`],
  ['block-storage', `${CLOUD}/volume/v3/p`],
  ['orchestration', `${CLOUD}/heat/v1/p`],
  ['key-manager', `${CLOUD}/barbican/v1`],
  ['messaging', `${CLOUD}/zaqar/v2`],
  ['metric', `${CLOUD}/gnocchi/v1`],
  ['alarming', `${CLOUD}/aodh/v2`],
];
const state: AuthState = {
  token: 'tok-never-elsewhere',
  methods: ['password'],
  roles: [],
  project: { id: 'p' },
  authUrl: `${CLOUD}/identity/v3`,
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  catalog: types.map(([type, url]) => ({ type, endpoints: [{ interface: 'public', url }] })),
};

/** One answer: a status, headers, and a body that may or may not be what the call expects. */
type Answer = { status: number; headers: Record<string, string>; body: string };

const link = fc.constantFrom(
  `${CLOUD}/compute/v2.1/servers?marker=same`,
  'http://evil.test/steal?marker=x',
  'http://evil.test/v2.0/networks?marker=x',
  '/relative/next?marker=y',
  'not a url at all',
  `${CLOUD}/network/v2.0/networks?marker=z`,
);
const item = fc.dictionary(
  fc.constantFrom('id', 'name', 'status', 'size', 'bytes', 'count', 'links', 'created_at', 'metadata', 'stack_status', 'secret_ref', 'alarm_id', 'href', 'body'),
  fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.boolean(), fc.constant(1e308), fc.constant(-1), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 })),
);
// An item most schemas accept (every usual field, of the usual type), so that listings go on to
// their next link instead of stopping at the first parse error.
const plausible = fc.record({
  id: fc.uuid(),
  name: fc.string({ maxLength: 8 }),
  status: fc.constantFrom('ACTIVE', 'available', 'active'),
  stack_name: fc.string({ minLength: 1, maxLength: 8 }),
  stack_status: fc.constant('CREATE_COMPLETE'),
  creation_time: fc.constant('2026-01-01T00:00:00Z'),
  alarm_id: fc.uuid(),
  type: fc.constant('generic'),
  state: fc.constant('ok'),
  secret_ref: fc.uuid().map((u) => `${CLOUD}/barbican/v1/secrets/${u}`),
  href: fc.uuid().map((u) => `/v2/queues/q/messages/${u}`),
  body: fc.jsonValue(),
  ttl: fc.constant(300),
  age: fc.constant(1),
  bytes: fc.nat(),
  count: fc.nat(),
  hash: fc.constant('d41d8cd98f00b204e9800998ecf8427e'),
  last_modified: fc.constant('2026-01-01T00:00:00.000000'),
  domain_id: fc.constant('default'),
  enabled: fc.boolean(),
  visibility: fc.constant('public'),
  tags: fc.constant([]),
});
const listKey = fc.constantFrom('projects', 'servers', 'images', 'networks', 'volumes', 'stacks', 'secrets', 'queues', 'messages', 'alarms', 'containers', 'items');
const body = (key: string) =>
  fc.oneof(
    fc.json(),
    fc.constantFrom('', ' ', 'not json {', '{"truncated": ', '<html><body><h1>502 Bad Gateway</h1></body></html>', 'null', '[]', '{}', '12345678901234567890123456789'),
    // Listings, often of the key the call reads: they go on to their next link.
    {
      weight: 4,
      arbitrary: fc
        .record({ key: fc.oneof(listKey, fc.constant(key), fc.constant(key)), items: fc.oneof({ weight: 3, arbitrary: fc.array(plausible, { minLength: 1, maxLength: 3 }) }, fc.array(fc.oneof(item, plausible), { maxLength: 3 })), next: link })
        .map(({ key, items, next }) => JSON.stringify({ [key]: items, [`${key}_links`]: [{ rel: 'next', href: next }], links: [{ rel: 'next', href: next }], next })),
    },
    { weight: 2, arbitrary: fc.array(fc.oneof(item, plausible), { maxLength: 3 }).map((a) => JSON.stringify(a)) },
    fc.oneof(item, plausible).map((o) => JSON.stringify(o)),
    fc.record({ key: fc.constantFrom('server', 'project', 'network', 'volume', 'stack', 'image'), value: fc.oneof(item, plausible) }).map(({ key, value }) => JSON.stringify({ [key]: value })),
  );
const answer = (key: string): fc.Arbitrary<Answer> => fc.record({
  status: fc.oneof({ weight: 6, arbitrary: fc.constant(200) }, fc.constantFrom(201, 202, 204, 300, 400, 401, 403, 404, 409, 413, 500, 503)),
  headers: fc.record(
    {
      'content-type': fc.constantFrom('application/json', 'text/html', 'text/plain', 'application/octet-stream', ''),
      link: link.map((l) => `<${l}>; rel="next"`),
      'x-openstack-request-id': fc.constantFrom('req-1', ''),
      'content-length': fc.constantFrom('0', '5', '999999999999', 'abc'),
      etag: fc.constantFrom('d41d8cd98f00b204e9800998ecf8427e', 'nonsense', ''),
      'x-container-object-count': fc.constantFrom('3', '-1', 'many'),
    },
    { requiredKeys: ['content-type'] },
  ),
  body: body(key),
});

/** The calls under test: every service's list and get parsers, and a few of each one's own. */
type Conn = InstanceType<typeof Connection>;
const calls: [string, (c: Conn) => Promise<unknown>, string][] = [
  ['identity.projects', (c) => c.identity.projects().toArray(), 'projects'],
  ['identity.getProject', (c) => c.identity.getProject('p'), 'project'],
  ['identity.findProject', (c) => c.identity.findProject('p'), 'projects'],
  ['identity.createProject', (c) => c.identity.createProject({ name: 'p' }), 'project'],
  ['objectStore.containers', (c) => c.objectStore.containers().toArray(), 'items'],
  ['objectStore.objects', (c) => c.objectStore.objects('c').toArray(), 'items'],
  ['objectStore.getContainer', (c) => c.objectStore.getContainer('c'), 'items'],
  ['objectStore.headObject', (c) => c.objectStore.headObject('c', 'o'), 'items'],
  ['objectStore.downloadObjectAsText', (c) => c.objectStore.downloadObjectAsText('c', 'o'), 'items'],
  ['compute.servers', (c) => c.compute.servers().toArray(), 'servers'],
  ['compute.getServer', (c) => c.compute.getServer('s'), 'server'],
  ['compute.flavors', (c) => c.compute.flavors().toArray(), 'flavors'],
  ['image.images', (c) => c.image.images().toArray(), 'images'],
  ['image.getImage', (c) => c.image.getImage('i'), 'image'],
  ['network.networks', (c) => c.network.networks({}, { pageSize: 2 }).toArray(), 'networks'],
  ['network.createNetwork', (c) => c.network.createNetwork({ name: 'n' }), 'network'],
  ['blockStorage.volumes', (c) => c.blockStorage.volumes().toArray(), 'volumes'],
  ['blockStorage.getVolume', (c) => c.blockStorage.getVolume('v'), 'volume'],
  ['orchestration.stacks', (c) => c.orchestration.stacks().toArray(), 'stacks'],
  ['orchestration.getStack', (c) => c.orchestration.getStack('s'), 'stack'],
  ['keyManager.secrets', (c) => c.keyManager.secrets().toArray(), 'secrets'],
  ['keyManager.downloadSecretPayloadAsText', (c) => c.keyManager.downloadSecretPayloadAsText('s'), 'secrets'],
  ['message.queues', (c) => c.message.queues().toArray(), 'queues'],
  ['message.messages', (c) => c.message.messages('q').toArray(), 'messages'],
  ['metric.resources', (c) => c.metric.resources().toArray(), 'items'],
  ['metric.getMeasures', (c) => c.metric.getMeasures('m'), 'items'],
  ['alarm.alarms', (c) => c.alarm.alarms().toArray(), 'items'],
  ['alarm.getAlarmState', (c) => c.alarm.getAlarmState('a'), 'items'],
];

/** Runs one call against a cloud that answers `answers` in turn (the last one again and again). */
async function run(call: (c: Conn) => Promise<unknown>, answers: Answer[]) {
  const sent: string[] = [];
  // Recorded, not thrown: the session would turn a throw into a ConnectionError.
  const wrong: string[] = [];
  const conn = new Connection({
    auth: new StaticStateAuth(state),
    retry: { retries: 0 },
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      sent.push(url);
      if (new URL(url).origin !== CLOUD) wrong.push(`a request went to ${url}`);
      if (new Headers(init?.headers).get('x-auth-token') !== state.token) wrong.push(`${url} went without the token`);
      if (sent.length > 200) wrong.push('more than 200 requests: an endless listing');
      if (wrong.length) throw new Error(wrong[0]);
      const a = answers[Math.min(sent.length - 1, answers.length - 1)]!;
      const noBody = a.status === 204 || init?.method === 'HEAD';
      return new Response(noBody ? null : a.body, { status: a.status, headers: a.headers });
    },
  });
  try {
    return { ok: true as const, value: await call(conn), sent, wrong };
  } catch (error) {
    return { ok: false as const, error, sent, wrong };
  }
}

describe('malformed answers give a result or a typed error, never a crash or an endless listing', () => {
  for (const [name, call, key] of calls) {
    test(name, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(answer(key), { minLength: 1, maxLength: 4 }), async (answers) => {
          const r = await run(call, answers);
          expect(r.wrong).toEqual([]);
          if (!r.ok && !(r.error instanceof OpenStackError)) throw r.error;
        }),
        { numRuns: 15, seed: 20261207 },
      );
    });
  }

  test('a listing whose next link never advances stops after one repeat; one to another origin stays on the catalog\'s', async () => {
    const page = (marker: string) => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ servers: [{ id: marker, name: marker, status: 'ACTIVE' }], servers_links: [{ rel: 'next', href: `${CLOUD}/compute/v2.1/servers?marker=same` }] }),
    });
    const r = await run((c) => c.compute.servers().toArray(), [page('a'), page('b'), page('c')]);
    expect(r.ok).toBe(true);
    // The first page, then the link once; the same link again ends the listing. (Compute also
    // reads its version document for the microversion range.)
    expect(r.sent.filter((u) => u.includes("/servers"))).toEqual([`${CLOUD}/compute/v2.1/servers/detail`, `${CLOUD}/compute/v2.1/servers?marker=same`]);
    expect(r.value).toHaveLength(2);
    const evil = {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ networks: [{ id: 'n1', name: 'x' }], networks_links: [{ rel: 'next', href: 'http://evil.test/v2.0/networks?marker=n1' }] }),
    };
    const empty = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"networks": []}' };
    const r2 = await run((c) => c.network.networks().toArray(), [evil, empty]);
    expect(r2.ok).toBe(true);
    expect(r2.sent.map((u) => new URL(u).origin)).toEqual([CLOUD, CLOUD]);
    expect(r2.wrong).toEqual([]);
  });
});
