import { afterAll, describe, expect, test } from 'vitest';
import { Connection } from '../../src/core.js';
import { BadRequestError, ForbiddenError, NotFoundError, ValidationError } from '../../src/base/errors.js';
import { message, type Message } from '../../src/services/message/index.js';
import { cloud, cloudOptions, uniqueName } from '../helpers/cloud.js';

// The local Zaqar serves one request at a time (messages and claims in Swift): every call here is
// sequential, and the timeouts are generous.
const T = 600_000;

/** Every request a Connection sends, counted (to prove that bad input sends nothing). */
let sent = 0;
const counting: typeof fetch = (input, init) => {
  sent++;
  return fetch(input, init);
};
const connect = () => new Connection({ ...cloudOptions('local-demo'), services: [message], fetch: counting });
const demo = connect();
const made = new Set<string>();
/** A queue name no other run uses (Zaqar allows `_`, `-`, `.`, 64 characters). */
const qname = (p: string) => {
  const n = uniqueName(`sdk-${p}`).replace(/[^a-zA-Z0-9_.-]/g, '-');
  made.add(n);
  return n;
};
afterAll(async () => {
  for (const q of made) await demo.message.deleteQueue(q, { ignoreMissing: true });
}, T);

const seqOf = (m: Message) => (m.body as { seq: number }).seq;

describe('the message service', () => {
  test("the descriptor (type `message`) resolves to the catalog's `messaging` entry, version 2 found by discovery", async () => {
    expect(cloud.endpoints.messaging).toBe('http://127.0.0.1:8888');
    expect(await demo.message.endpoint()).toBe('http://127.0.0.1:8888/v2');
    // One Client-ID per Connection, a UUID, the same on every call.
    expect(demo.message.clientId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(connect().message.clientId).not.toBe(demo.message.clientId);
  });
});

describe('queues', () => {
  test('create with metadata, find, list in pages, metadata get/set/delete, stats, purge, delete', async () => {
    const prefix = qname('q');
    made.delete(prefix);
    const names = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`];
    names.forEach((n) => made.add(n));
    const q = await demo.message.createQueue({ name: names[0]!, metadata: { color: 'blue', _default_message_ttl: 600 } });
    expect(q.name).toBe(names[0]);
    expect(q.metadata).toMatchObject({ color: 'blue', _default_message_ttl: 600, _max_messages_post_size: 262144 });
    for (const n of names.slice(1)) await demo.message.createQueue({ name: n });

    expect(await demo.message.findQueue(names[0]!)).toMatchObject({ name: names[0], metadata: { color: 'blue' } });
    expect(await demo.message.findQueue(`${prefix}-none`)).toBeUndefined();
    await expect(demo.message.findQueue(`${prefix}-none`, { ignoreMissing: false })).rejects.toBeInstanceOf(NotFoundError);

    // Pages of one queue each, through Zaqar's `links` (rel next, marker): all three, once each.
    const pages: string[][] = [];
    for await (const page of demo.message.queues({}, { pageSize: 1 }).pages()) pages.push(page.map((x) => x.name));
    expect(pages.every((p) => p.length === 1)).toBe(true);
    const listed = pages.flat();
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.filter((n) => n.startsWith(prefix))).toEqual(names);
    const detailed = (await demo.message.queues({ detailed: true }).toArray()).find((x) => x.name === names[0]);
    expect(detailed?.metadata).toMatchObject({ color: 'blue' });

    expect(await demo.message.getQueueMetadata(names[0]!)).toMatchObject({ color: 'blue', _default_message_ttl: 600 });
    const set = await demo.message.setQueueMetadata(q, { color: 'green', size: { w: 2 }, 'a/b~c': 1 });
    expect(set).toMatchObject({ color: 'green', size: { w: 2 }, 'a/b~c': 1, _default_message_ttl: 600 });
    // Keys removed whether they are set or not.
    const removed = await demo.message.deleteQueueMetadata(q, ['size', 'a/b~c', 'never-set']);
    expect(removed).not.toHaveProperty('size');
    expect(removed).not.toHaveProperty('a/b~c');
    expect(await demo.message.getQueueMetadata(q)).toMatchObject({ color: 'green', _default_message_ttl: 600 });
    // Removing a reserved key puts its default back.
    expect(await demo.message.deleteQueueMetadata(q, ['_default_message_ttl'])).toMatchObject({ color: 'green', _default_message_ttl: 3600 });
    // The cloud checks the reserved keys' values.
    await expect(demo.message.setQueueMetadata(q, { _default_message_ttl: 30 })).rejects.toThrow(/_default_message_ttl can not exceed/);

    expect(await demo.message.getQueueStats(q)).toEqual({ messages: { claimed: 0, free: 0, total: 0 } });
    await demo.message.postMessages(q, [{ body: 1 }, { body: 2 }]);
    expect((await demo.message.getQueueStats(q)).messages).toMatchObject({ free: 2, total: 2, oldest: { href: expect.any(String) } });
    await demo.message.createSubscription(q, { subscriber: 'mailto:purge@example.com' });
    await demo.message.purgeQueue(q, { resourceTypes: ['messages'] });
    expect((await demo.message.getQueueStats(q)).messages.total).toBe(0);
    expect(await demo.message.subscriptions(q).toArray()).toHaveLength(1);
    await demo.message.purgeQueue(q);
    expect(await demo.message.subscriptions(q).toArray()).toHaveLength(0);
    expect(await demo.message.findQueue(names[0]!)).toBeDefined();

    for (const n of names) await demo.message.deleteQueue(n);
    expect(await demo.message.findQueue(names[0]!)).toBeUndefined();
    // Zaqar answers 204 to deleting a queue that is not there.
    await demo.message.deleteQueue(names[0]!);
  }, T);

  test("a missing queue: NotFoundError with Zaqar's message where Zaqar has one", async () => {
    const q = qname('missing');
    made.delete(q);
    const err = await demo.message.setQueueMetadata(q, { a: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).cloudMessage).toBe(`Not found: Queue ${q} does not exist for project ${cloud.projects.demo.id}`);
    await expect(demo.message.getMessage(q, 'd1ed3bbe-f1cf-11f1-ab2d-02fc00000001')).rejects.toThrow(`Queue ${q} does not exist`);
    await expect(demo.message.getClaim(q, '0dda936a-0f15-4d72-8eef-551e0321870e')).rejects.toBeInstanceOf(NotFoundError);
    // Zaqar v2 makes queues on first use: a read of a missing queue answers its defaults.
    expect(await demo.message.getQueueMetadata(q)).toMatchObject({ _default_message_ttl: 3600 });
    expect(await demo.message.getQueueStats(q)).toEqual({ messages: { claimed: 0, free: 0, total: 0 } });
    expect(await demo.message.messages(q, { echo: true }).toArray()).toEqual([]);
    expect(await demo.message.findQueue(q)).toBeUndefined();
  }, T);
});

describe('bad input is a ValidationError, and nothing is sent', () => {
  test('queue names, batches, ttl, grace, limit, subscribers, client ids', async () => {
    await demo.message.endpoint(); // log in first, so that only the calls below could send
    const before = sent;
    const bad: [string, () => unknown][] = [
      ['queue', () => demo.message.getQueueStats('bad name!')],
      ['queue', () => demo.message.postMessages('ü', [{ body: 1 }])],
      ['queue', () => demo.message.messages('a'.repeat(65))],
      ['queue', () => demo.message.deleteQueue('')],
      ['attrs.name', () => demo.message.createQueue({ name: 'x'.repeat(65) })],
      ['messages', () => demo.message.postMessages('ok', [])],
      ['messages.0.ttl', () => demo.message.postMessages('ok', [{ body: 1, ttl: 59 }])],
      ['messages.1.body', () => demo.message.postMessages('ok', [{ body: 1 }, { ttl: 60 } as never])],
      ['messages.0.delay', () => demo.message.postMessages('ok', [{ body: 1, delay: -1 }])],
      ['batchSize', () => demo.message.postMessages('ok', [{ body: 1 }], { batchSize: 0 })],
      ['attrs.ttl', () => demo.message.createClaim('ok', { ttl: 10 })],
      ['attrs.grace', () => demo.message.createClaim('ok', { grace: 1.5 })],
      ['attrs.limit', () => demo.message.createClaim('ok', { limit: 0 })],
      ['changes.ttl', () => demo.message.updateClaim('ok', 'c', { ttl: 30 })],
      ['changes', () => demo.message.updateClaim('ok', 'c', {})],
      ['attrs.subscriber', () => demo.message.createSubscription('ok', { subscriber: 'not a uri' })],
      ['attrs.ttl', () => demo.message.createSubscription('ok', { subscriber: 'mailto:a@example.com', ttl: 59 })],
      ['ids', () => demo.message.getMessages('ok', [])],
      ['ids', () => demo.message.deleteMessages('ok', [])],
      ['message', () => demo.message.getMessage('ok', '')],
      ['clientId', () => demo.message.queues({}, { clientId: '' }).toArray()],
      ['resourceTypes.0', () => demo.message.purgeQueue('ok', { resourceTypes: ['claims' as never] })],
    ];
    for (const [field, call] of bad) {
      let err: unknown;
      try {
        await call();
      } catch (e) {
        err = e;
      }
      expect(err, field).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field, String(err)).toBe(field);
    }
    expect(sent).toBe(before);
  }, T);

  test('what only the cloud knows: a subscriber scheme it does not take, a claim limit over its cap', async () => {
    const q = qname('cloud-checks');
    await expect(demo.message.createSubscription(q, { subscriber: 'ftp://example.com/x' })).rejects.toThrow(
      /subscriber type of subscription must be supported/,
    );
    await expect(demo.message.createClaim(q, { limit: 21 })).rejects.toBeInstanceOf(BadRequestError);
  }, T);
});

describe('messages', () => {
  test('post, get one, get by ids, list with echo and include_claimed, delete by ids and one, per-call Client-ID', async () => {
    const q = qname('msg');
    const ids = await demo.message.postMessages(q, [{ body: { seq: 0 } }, { body: { seq: 1 }, ttl: 120 }, { body: 'text', ttl: 300 }, { body: [1, 2] }]);
    expect(ids).toHaveLength(4);

    const one = await demo.message.getMessage(q, ids[1]!);
    expect(one).toMatchObject({ id: ids[1], body: { seq: 1 }, ttl: 120 });
    expect((await demo.message.getMessages(q, [ids[2]!, 'f0000000-0000-11f1-0000-000000000000', ids[0]!])).map((m) => m.body)).toEqual(['text', { seq: 0 }]);
    await expect(demo.message.getMessage(q, 'f0000000-0000-11f1-0000-000000000000')).rejects.toBeInstanceOf(NotFoundError);

    // Zaqar leaves out the caller's own messages unless echo; another client sees them.
    expect(await demo.message.messages(q).toArray()).toEqual([]);
    expect((await demo.message.messages(q, { echo: true }).toArray()).map((m) => m.id).sort()).toEqual([...ids].sort());
    const other = crypto.randomUUID();
    expect(await demo.message.messages(q, {}, { clientId: other }).toArray()).toHaveLength(4);

    // Messages posted under another Client-ID are not this client's own.
    const theirs = await demo.message.postMessages(q, [{ body: 'from-other' }], { clientId: other });
    expect((await demo.message.messages(q).toArray()).map((m) => m.id)).toEqual(theirs);

    // A claimed message is listed only with include_claimed.
    const claim = (await demo.message.createClaim(q, { limit: 1, ttl: 60, grace: 60 }))!;
    const claimedId = claim.messages[0]!.id;
    const unclaimed = await demo.message.messages(q, { echo: true }).toArray();
    expect(unclaimed.map((m) => m.id)).not.toContain(claimedId);
    expect((await demo.message.messages(q, { echo: true, include_claimed: true }).toArray()).map((m) => m.id)).toContain(claimedId);

    // Without its claim a claimed message cannot be deleted; with it, it can.
    const forbidden = await demo.message.deleteMessage(q, claimedId).catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    expect((forbidden as ForbiddenError).cloudMessage).toMatch(/This message is claimed/);
    await demo.message.deleteMessage(q, claim.messages[0]!); // the claim is read from its href
    await expect(demo.message.getMessage(q, claimedId)).rejects.toBeInstanceOf(NotFoundError);

    const rest = [...ids, ...theirs].filter((id) => id !== claimedId);
    await demo.message.deleteMessage(q, rest[0]!);
    await demo.message.deleteMessages(q, rest.slice(1));
    expect((await demo.message.getQueueStats(q)).messages.total).toBe(0);
    await demo.message.deleteMessage(q, rest[0]!, { ignoreMissing: true });
  }, T);

  test('a batch larger than batchSize or maxBatchBytes goes in several posts, ids in order', async () => {
    const q = qname('batch');
    let posts = 0;
    const conn = new Connection({
      ...cloudOptions('local-demo'),
      services: [message],
      log: (e) => {
        if (e.type === 'request' && e.method === 'POST' && e.url.endsWith('/messages')) posts++;
      },
    });
    const big = 'x'.repeat(1000);
    const ids = await conn.message.postMessages(q, Array.from({ length: 7 }, (_, i) => ({ body: { seq: i, big } })), { batchSize: 3 });
    expect(posts).toBe(3);
    const bytes = await conn.message.postMessages(q, Array.from({ length: 5 }, (_, i) => ({ body: { seq: 7 + i, big } })), { maxBatchBytes: 2500 });
    expect(posts).toBe(3 + 3);
    const all = [...ids, ...bytes];
    expect((await conn.message.getMessages(q, all)).map(seqOf)).toEqual([...Array(12).keys()]);
  }, T);

  test("Zaqar caps a post by bytes (262144 by default), not by count: postMessages splits to fit", async () => {
    const q = qname('bytes');
    const big = 'y'.repeat(25_000);
    const msgs = Array.from({ length: 12 }, (_, seq) => ({ body: { seq, big } }));
    // One request of ~300 KB: the cloud refuses it.
    const err = await demo.message.postMessages(q, msgs, { maxBatchBytes: 10_000_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).cloudMessage).toMatch(/Message collection size is too large/);
    // By default the same 12 go in requests under the cap (20 messages would not fit in one).
    const ids = await demo.message.postMessages(q, msgs);
    expect((await demo.message.getMessages(q, ids)).map(seqOf)).toEqual([...Array(12).keys()]);
    // And 30 small ones go in one request of 30: there is no count cap at this cloud.
    let posts = 0;
    const conn = new Connection({
      ...cloudOptions('local-demo'),
      services: [message],
      log: (e) => {
        if (e.type === 'request' && e.method === 'POST' && e.url.endsWith('/messages')) posts++;
      },
    });
    expect(await conn.message.postMessages(q, Array.from({ length: 30 }, (_, seq) => ({ body: seq })), { batchSize: 30 })).toHaveLength(30);
    expect(posts).toBe(1);
  }, T);

  test('250 messages: posted in batches, listed in pages with none lost or repeated, claimed by two consumers with none handed to both, deleted with the claim id', async () => {
    const q = qname('250');
    const producer = demo;
    const ids = await producer.message.postMessages(q, Array.from({ length: 250 }, (_, seq) => ({ body: { seq }, ttl: 3600 })));
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    // The ids come back in the order of the bodies.
    const sample = [0, 19, 20, 21, 137, 249];
    expect((await producer.message.getMessages(q, sample.map((i) => ids[i]!))).map(seqOf)).toEqual(sample);

    const before = await producer.message.getQueueStats(q);
    expect(before.messages).toMatchObject({ free: 250, claimed: 0, total: 250 });

    // Pages of 20 through the next links: each body's sequence number exactly once.
    const sizes: number[] = [];
    const seqs: number[] = [];
    for await (const page of producer.message.messages(q, { echo: true }, { pageSize: 20 }).pages()) {
      sizes.push(page.length);
      seqs.push(...page.map(seqOf));
    }
    expect(sizes).toEqual([...Array(12).fill(20), 10]);
    expect(seqs).toHaveLength(250);
    expect([...seqs].sort((a, b) => a - b)).toEqual([...Array(250).keys()]);

    // Two consumers, each its own Connection and so its own Client-ID, claiming in turns.
    const a = connect();
    const b = connect();
    expect(a.message.clientId).not.toBe(b.message.clientId);
    const got = { a: [] as Message[], b: [] as Message[] };
    const claims = { a: [] as string[], b: [] as string[] };
    for (let done = { a: false, b: false }; !(done.a && done.b); ) {
      for (const [who, conn] of [['a', a], ['b', b]] as const) {
        if (done[who]) continue;
        const claim = await conn.message.createClaim(q, { ttl: 600, grace: 600, limit: 20 });
        if (!claim) {
          done[who] = true;
          continue;
        }
        expect(claim.messages.length).toBeGreaterThan(0);
        expect(claim.messages.length).toBeLessThanOrEqual(20);
        claims[who].push(claim.id);
        got[who].push(...claim.messages);
      }
    }
    const seqA = got.a.map(seqOf);
    const seqB = got.b.map(seqOf);
    expect(seqA.length).toBeGreaterThan(0);
    expect(seqB.length).toBeGreaterThan(0);
    expect(seqA.filter((s) => seqB.includes(s))).toEqual([]);
    expect([...seqA, ...seqB].sort((x, y) => x - y)).toEqual([...Array(250).keys()]);
    const during = await producer.message.getQueueStats(q);
    expect(during.messages).toMatchObject({ free: 0, claimed: 250, total: 250 });

    // A claim's messages as the claim itself reads them back.
    const first = await a.message.getClaim(q, claims.a[0]!);
    expect(first.id).toBe(claims.a[0]);
    expect(first.messages.map((m) => m.id).sort()).toEqual(got.a.slice(0, first.messages.length).map((m) => m.id).sort());

    // Consumer a deletes one by one with the claim id; b in bulk by claim.
    for (const m of got.a) await a.message.deleteMessage(q, m.id, { claimId: /claim_id=([^&]+)/.exec(m.href!)![1]! });
    for (const claimId of claims.b) {
      const held = got.b.filter((m) => m.href!.endsWith(`claim_id=${claimId}`)).map((m) => m.id);
      await b.message.deleteMessages(q, held, { claimId });
    }
    const after = await producer.message.getQueueStats(q);
    expect(after.messages).toEqual({ free: 0, claimed: 0, total: 0 });
  }, T);
});

describe('claims', () => {
  test('create with ttl/grace/limit, get, update, release; nothing to claim is undefined', async () => {
    const q = qname('claim');
    expect(await demo.message.createClaim(q)).toBeUndefined();
    await demo.message.postMessages(q, Array.from({ length: 5 }, (_, seq) => ({ body: { seq } })));
    const claim = await demo.message.createClaim(q, { ttl: 120, grace: 60, limit: 3 });
    expect(claim).toBeDefined();
    expect(claim!.messages).toHaveLength(3);
    expect(claim!.ttl).toBe(120);
    expect(claim!.messages.every((m) => m.href?.endsWith(`claim_id=${claim!.id}`))).toBe(true);

    const got = await demo.message.getClaim(q, claim!);
    expect(got.id).toBe(claim!.id);
    expect(got.ttl).toBeLessThanOrEqual(120);
    expect(got.messages.map((m) => m.id).sort()).toEqual(claim!.messages.map((m) => m.id).sort());

    await demo.message.updateClaim(q, claim!, { ttl: 900, grace: 120 });
    expect((await demo.message.getClaim(q, claim!.id)).ttl).toBeGreaterThan(800);

    // The other two are still free; the claimed three are not.
    expect((await demo.message.getQueueStats(q)).messages).toMatchObject({ claimed: 3, free: 2 });
    await demo.message.deleteClaim(q, claim!);
    await expect(demo.message.getClaim(q, claim!)).rejects.toBeInstanceOf(NotFoundError);
    expect((await demo.message.getQueueStats(q)).messages).toMatchObject({ claimed: 0, free: 5 });
    // Released messages can be claimed again.
    const again = await demo.message.createClaim(q, { limit: 20 });
    expect(again!.messages).toHaveLength(5);
    await demo.message.deleteClaim(q, again!);
    await demo.message.deleteClaim(q, again!, { ignoreMissing: true });
  }, T);
});

describe('subscriptions', () => {
  test('create (webhook and mailto), list in pages, get, update, delete', async () => {
    const q = qname('sub');
    await demo.message.createQueue({ name: q });
    const hook = await demo.message.createSubscription(q, { subscriber: 'http://127.0.0.1:1/x', ttl: 3600, options: { note: 'a' } });
    expect(hook).toMatchObject({ subscriber: 'http://127.0.0.1:1/x', ttl: 3600, options: { note: 'a' }, source: q, confirmed: false });
    const mail = await demo.message.createSubscription(q, { subscriber: 'mailto:ops@example.com' });
    expect(mail.subscriber).toBe('mailto:ops@example.com');
    // The same subscriber again: Zaqar hands back the one there.
    expect((await demo.message.createSubscription(q, { subscriber: 'mailto:ops@example.com' })).id).toBe(mail.id);

    const pages: number[] = [];
    const listed: string[] = [];
    for await (const page of demo.message.subscriptions(q, { pageSize: 1 }).pages()) {
      pages.push(page.length);
      listed.push(...page.map((x) => x.id));
    }
    expect(pages).toEqual([1, 1]);
    expect(listed.sort()).toEqual([hook.id, mail.id].sort());

    expect(await demo.message.getSubscription(q, hook.id)).toMatchObject({ id: hook.id, subscriber: 'http://127.0.0.1:1/x' });
    const changed = await demo.message.updateSubscription(q, hook, { ttl: 7200, options: { note: 'b' } });
    expect(changed).toMatchObject({ id: hook.id, ttl: 7200, options: { note: 'b' } });

    await demo.message.deleteSubscription(q, hook);
    await expect(demo.message.getSubscription(q, hook.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(demo.message.updateSubscription(q, hook.id, { ttl: 120 })).rejects.toBeInstanceOf(NotFoundError);
    await demo.message.deleteSubscription(q, hook, { ignoreMissing: true });
    expect((await demo.message.subscriptions(q).toArray()).map((x) => x.id)).toEqual([mail.id]);
    await demo.message.deleteSubscription(q, mail);
  }, T);
});

describe('the README example', () => {
  test('a work queue: create, post, claim, delete with the claim', async () => {
    const conn = demo;
    const jobs = qname('jobs');
    const done: unknown[] = [];
    const handle = async (body: unknown) => void done.push(body);
    // README
    await conn.message.createQueue({ name: jobs, metadata: { _default_message_ttl: 3600 } });
    const ids = await conn.message.postMessages(jobs, [{ body: { task: 'resize', id: 42 } }, { body: { task: 'backup', id: 7 } }]);

    const claim = await conn.message.createClaim(jobs, { ttl: 120, limit: 10 });
    for (const msg of claim?.messages ?? []) {
      await handle(msg.body); // { task: 'resize', id: 42 }, ...
      await conn.message.deleteMessage(jobs, msg, { claimId: claim!.id });
    }
    const { messages } = await conn.message.getQueueStats(jobs); // { free: 0, claimed: 0, total: 0 }
    // /README
    expect(ids).toHaveLength(2);
    expect(done).toEqual(expect.arrayContaining([{ task: 'resize', id: 42 }, { task: 'backup', id: 7 }]));
    expect(messages).toEqual({ free: 0, claimed: 0, total: 0 });
  }, T);
});
