/**
 * The fault run: a seeded workload of mixed operations through the fault proxy, then a check against
 * the real services (without the proxy) that nothing was lost, corrupted, duplicated or leaked.
 *
 *   npm run faults -- --ops 3000 --seed 7 --concurrency 8
 */
import { createHash } from 'node:crypto';
import { Connection, OpenStackError, type ConnectionOptions, type LogEvent } from '../../src/index.js';
import { cloud, cloudOptions } from '../../test/helpers/cloud.js';
import { adminToken, createRunUser, deleteUser, revokeToken } from './admin.js';
import { FAULT_KINDS, prng, startFaultProxy, type FaultKind, type FaultProxy } from './proxy.js';

export interface RunOptions {
  ops: number;
  seed: number;
  concurrency: number;
  /** Share of requests that get a random fault (default 0.1). */
  rate?: number;
  /** Server create/delete cycles (slow on the fake driver; default 1 per 500 ops, at least 1). */
  servers?: number;
  /** Progress lines (default none). */
  progress?: (line: string) => void;
}

export interface Failure {
  op: string;
  name: string;
  typed: boolean;
  helpful: boolean;
  message: string;
}

export interface Figures {
  seed: number;
  ops: number;
  opsOk: number;
  opsFailedTyped: number;
  opsFailedUntyped: number;
  failuresUnhelpful: number;
  failuresByClass: Record<string, number>;
  opsByKind: Record<string, number>;
  faults: Record<FaultKind, number>;
  requestsThroughProxy: number;
  requestsElsewhere: number;
  retries: number;
  reauths: number;
  objectsVerified: number;
  imagesVerified: number;
  objectsMissing: number;
  bytesCorrupted: number;
  corruptedInRun: number;
  duplicates: number;
  unknownObjects: number;
  secretsLeaked: number;
  hung: number;
  slowestOpMs: number;
  durationMs: number;
  cleanupErrors: number;
  samples: {
    failures: Failure[];
    firstByClass: Record<string, Failure>;
    untyped: Failure[];
    unhelpful: Failure[];
    leaks: string[];
    problems: string[];
  };
}

const PER_ATTEMPT_TIMEOUT = 15_000;
const RETRY = { retries: 3, baseDelay: 200, maxDelay: 3_000 };

/** The longest a call may take: every attempt timing out, with the longest waits between them. */
const CALL_BUDGET = (RETRY.retries + 1) * PER_ATTEMPT_TIMEOUT + RETRY.retries * RETRY.maxDelay;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function bytesOf(seed: number, size: number): Uint8Array {
  const r = prng(seed);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += 4) {
    const x = (r() * 4294967296) >>> 0;
    out[i] = x & 255;
    if (i + 1 < size) out[i + 1] = (x >>> 8) & 255;
    if (i + 2 < size) out[i + 2] = (x >>> 16) & 255;
    if (i + 3 < size) out[i + 3] = x >>> 24;
  }
  return out;
}

type OpKind = 'upload' | 'download' | 'head' | 'metadata' | 'list' | 'delete' | 'slo' | 'network' | 'image' | 'tempurl' | 'account' | 'identity';
const MIX: [OpKind, number][] = [
  ['upload', 30],
  ['download', 20],
  ['head', 10],
  ['metadata', 8],
  ['list', 10],
  ['delete', 5],
  ['account', 5],
  ['slo', 2],
  ['network', 4],
  ['image', 2],
  ['tempurl', 4],
  ['identity', 2],
];

interface Obj {
  container: string;
  name: string;
  sha: string;
  size: number;
  /** stored: the SDK said so; maybe: an upload or a delete failed (it may or may not be there); deleted: the SDK said so */
  state: 'stored' | 'maybe' | 'deleted';
}

interface Created {
  kind: 'network' | 'port' | 'image' | 'server';
  name: string;
  /** The id the SDK returned (undefined when the create failed). */
  id?: string;
  /** The SDK deleted it. */
  deleted?: boolean;
  sha?: string;
}

export async function runFaults(o: RunOptions): Promise<Figures> {
  const started = Date.now();
  const say = o.progress ?? (() => {});
  const runId = `f${o.seed.toString(36)}${Date.now().toString(36)}`;
  const password = `Pw-${createHash('sha256').update(`${runId}-${o.seed}`).digest('hex').slice(0, 28)}`;
  const tempUrlKey = `tuk-${createHash('sha256').update(`key-${runId}`).digest('hex').slice(0, 24)}`;
  const containers = [0, 1, 2].map((i) => `${runId}-c${i}`);
  const figures: Figures = {
    seed: o.seed,
    ops: o.ops,
    opsOk: 0,
    opsFailedTyped: 0,
    opsFailedUntyped: 0,
    failuresUnhelpful: 0,
    failuresByClass: {},
    opsByKind: {},
    faults: {} as Record<FaultKind, number>,
    requestsThroughProxy: 0,
    requestsElsewhere: 0,
    retries: 0,
    reauths: 0,
    objectsVerified: 0,
    imagesVerified: 0,
    objectsMissing: 0,
    bytesCorrupted: 0,
    corruptedInRun: 0,
    duplicates: 0,
    unknownObjects: 0,
    secretsLeaked: 0,
    hung: 0,
    slowestOpMs: 0,
    durationMs: 0,
    cleanupErrors: 0,
    samples: {
      failures: [],
      firstByClass: {},
      untyped: [],
      unhelpful: [],
      leaks: [],
      problems: [],
    },
  };
  const problem = (s: string) => {
    if (figures.samples.problems.length < 50) figures.samples.problems.push(s);
  };

  const admin = await adminToken();
  const userName = `${runId}-user`;
  const userId = await createRunUser(admin, userName, password);
  const base = cloudOptions('local-demo');
  const authOf = (authUrl: string) =>
    ({
      ...(base.auth as Record<string, unknown>),
      authUrl,
      username: userName,
      password,
    }) as ConnectionOptions['auth'];
  // The real services, without the proxy: setup, verification and cleanup.
  const direct = new Connection({
    ...base,
    auth: authOf(cloud.authUrl),
    retry: { retries: 5 },
    timeout: 60_000,
  } as ConnectionOptions<[]>);

  let proxy: FaultProxy | undefined;
  const errors: unknown[] = [];
  const events: LogEvent[] = [];
  const objects = new Map<string, Obj>();
  const created: Created[] = [];
  const adminPasses: string[] = [];
  try {
    for (const c of containers) await direct.objectStore.createContainer(c);
    await direct.objectStore.setContainerTempUrlKey(containers[0], tempUrlKey);
    const image = await direct.compute.findImage('cirros-fake');
    const flavor = await direct.compute.findFlavor('m1.nano');
    if (!image || !flavor) throw new Error('the local cloud has no cirros-fake image or m1.nano flavor');

    proxy = await startFaultProxy({
      upstreams: {
        identity: 'http://127.0.0.1:5000',
        'object-store': 'http://127.0.0.1:8080',
        compute: 'http://127.0.0.1:8774',
        image: 'http://127.0.0.1:9292',
        network: 'http://127.0.0.1:9696',
      },
      seed: o.seed,
      rate: o.rate ?? 0.1,
      maxLifetimeMs: 60 * 60_000,
    });
    const p = proxy;
    const proxyOrigins = new Set(Object.values(p.origins));
    const conn = new Connection({
      ...base,
      auth: authOf(`${p.origins.identity}/v3`),
      retry: RETRY,
      timeout: PER_ATTEMPT_TIMEOUT,
      log: (e) => {
        events.push(e);
        if (e.type === 'retry') figures.retries++;
        if (e.type === 'auth') figures.reauths++;
      },
      fetch: (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (proxyOrigins.has(url.origin)) figures.requestsThroughProxy++;
        else {
          figures.requestsElsewhere++;
          problem(`request outside the proxy: ${url.origin}${url.pathname}`);
        }
        return fetch(input, init);
      },
    } as ConnectionOptions<[]>);
    const os = conn.objectStore;

    const kindRandom = prng(o.seed ^ 0x5bd1e995);
    const total = MIX.reduce((s, [, w]) => s + w, 0);
    const plan: OpKind[] = [];
    for (let i = 0; i < o.ops; i++) {
      let r = kindRandom() * total;
      plan.push(MIX.find(([, w]) => (r -= w) < 0)?.[0] ?? 'upload');
    }
    const serverCount = o.servers ?? Math.max(1, Math.round(o.ops / 500));
    const serverAt = new Set(Array.from({ length: serverCount }, (_, i) => Math.floor(((i + 0.5) * o.ops) / serverCount)));
    const revokeAt = new Set([Math.floor(o.ops / 3), Math.floor((2 * o.ops) / 3)]);
    const pickRandom = prng(o.seed ^ 0x27d4eb2d);
    const stored = () => [...objects.values()].filter((x) => x.state === 'stored');
    /** Records an object before its upload ('maybe' if the upload fails), 'stored' once the SDK says so. */
    async function track<T>(container: string, name: string, data: Uint8Array, upload: () => Promise<T>): Promise<T> {
      const obj: Obj = { container, name, sha: sha256(data), size: data.length, state: 'maybe' };
      objects.set(`${container}/${name}`, obj);
      const r = await upload();
      obj.state = 'stored';
      return r;
    }

    async function op(i: number, kind: OpKind | 'server'): Promise<void> {
      const name = `${runId}-${kind}-${i}`;
      const c = containers[i % containers.length];
      switch (kind) {
        case 'upload': {
          const data = bytesOf(o.seed * 1_000_003 + i, Math.floor(pickRandom() * 48 * 1024));
          const r = await track(c, name, data, () =>
            os.uploadObject({ container: c, name, data, contentType: 'application/octet-stream', metadata: { run: runId } }),
          );
          if (r.bytes !== data.length) problem(`upload ${name}: result says ${r.bytes} bytes, sent ${data.length}`);
          return;
        }
        case 'slo': {
          const data = bytesOf(o.seed * 1_000_003 + i, 150 * 1024 + Math.floor(pickRandom() * 200 * 1024));
          const r = await track(c, name, data, () =>
            os.uploadObject({ container: c, name, data: new Blob([data as Uint8Array<ArrayBuffer>]), segmentSize: 64 * 1024, concurrency: 2 }),
          );
          if (r.segments < 2) problem(`slo ${name}: ${r.segments} segments`);
          return;
        }
        case 'download': {
          const all = stored();
          if (!all.length) return op(i, 'list');
          const obj = all[Math.floor(pickRandom() * all.length)];
          const buf = new Uint8Array(await os.downloadObjectAsArrayBuffer(obj.container, obj.name));
          if (obj.state === 'stored' && sha256(buf) !== obj.sha) {
            figures.corruptedInRun += obj.size;
            problem(`download ${obj.name}: ${buf.length} bytes read, ${obj.size} stored, different SHA-256`);
          }
          return;
        }
        case 'head': {
          const all = stored();
          if (!all.length) return op(i, 'list');
          const obj = all[Math.floor(pickRandom() * all.length)];
          const info = await os.headObject(obj.container, obj.name);
          if (obj.state === 'stored' && info.bytes !== obj.size) problem(`head ${obj.name}: ${info.bytes} bytes, stored ${obj.size}`);
          return;
        }
        case 'metadata': {
          const all = stored();
          if (!all.length) return op(i, 'list');
          const obj = all[Math.floor(pickRandom() * all.length)];
          await os.setObjectMetadata(obj.container, obj.name, {
            run: runId,
            touched: String(i),
          });
          return;
        }
        case 'list': {
          const items = await os.objects(c, { prefix: runId }).toArray();
          const names = items.map((x) => ('name' in x ? x.name : ''));
          if (new Set(names).size !== names.length) problem(`listing of ${c} repeats a name`);
          return;
        }
        case 'identity': {
          // Keystone checks tokens itself (the other services cache them): a revoked token shows here first.
          const me = await conn.identity.getUser(userId);
          if (me.name !== userName) problem(`identity: got user ${me.name}`);
          return;
        }
        case 'account': {
          await os.containers({ prefix: runId }).toArray();
          return;
        }
        case 'delete': {
          const all = stored();
          if (!all.length) return op(i, 'list');
          const obj = all[Math.floor(pickRandom() * all.length)];
          obj.state = 'maybe';
          await os.deleteObject(obj.container, obj.name);
          obj.state = 'deleted';
          return;
        }
        case 'tempurl': {
          const all = stored().filter((x) => x.container === containers[0]);
          if (!all.length) return op(i, 'head');
          const obj = all[Math.floor(pickRandom() * all.length)];
          // Signing is local; the request is the SDK's only through generateTempUrl's endpoint lookup.
          await os.generateTempUrl({
            method: 'GET',
            container: obj.container,
            object: obj.name,
            expires: 300,
            key: tempUrlKey,
          });
          return;
        }
        case 'network': {
          const net: Created = { kind: 'network', name };
          created.push(net);
          const n = await conn.network.createNetwork({ name });
          net.id = n.id;
          const port: Created = { kind: 'port', name: `${name}-port` };
          created.push(port);
          const pt = await conn.network.createPort({
            name: port.name,
            network_id: n.id,
          });
          port.id = pt.id;
          await conn.network.deletePort(pt.id);
          port.deleted = true;
          await conn.network.deleteNetwork(n.id);
          net.deleted = true;
          return;
        }
        case 'image': {
          const data = bytesOf(o.seed * 7 + i, 1024 + Math.floor(pickRandom() * 16 * 1024));
          const img: Created = { kind: 'image', name, sha: sha256(data) };
          created.push(img);
          const made = await conn.image.createImage({
            name,
            disk_format: 'raw',
            container_format: 'bare',
          });
          img.id = made.id;
          await conn.image.uploadImage(made.id, new Blob([data as Uint8Array<ArrayBuffer>]));
          return;
        }
        case 'server': {
          const srv: Created = { kind: 'server', name };
          created.push(srv);
          const s = await conn.compute.createServer({
            name,
            image: image!.id,
            flavor: flavor!.id,
            networks: 'none',
          });
          if (s.adminPass) adminPasses.push(s.adminPass);
          srv.id = s.id;
          await conn.compute.waitForServer(s.id, {
            interval: 1000,
            maxInterval: 3000,
            timeout: 240_000,
          });
          await conn.compute.deleteServer(s.id);
          await conn.compute.waitForServerDelete(s.id, {
            interval: 1000,
            maxInterval: 3000,
            timeout: 240_000,
          });
          srv.deleted = true;
          return;
        }
      }
    }

    const budgetOf = (kind: string) =>
      kind === 'server' ? 900_000 : kind === 'slo' || kind === 'network' || kind === 'image' ? 4 * CALL_BUDGET : 2 * CALL_BUDGET;
    let next = 0;
    let done = 0;
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= o.ops) return;
        if (revokeAt.has(i) && p.lastToken) {
          if (await revokeToken(admin, p.lastToken))
            p.note('token-revoked', {
              method: 'DELETE',
              upstream: 'identity',
              path: '/v3/auth/tokens',
            });
        }
        const kind = serverAt.has(i) ? 'server' : plan[i];
        figures.opsByKind[kind] = (figures.opsByKind[kind] ?? 0) + 1;
        const t0 = Date.now();
        const budget = budgetOf(kind);
        let timer: ReturnType<typeof setTimeout> | undefined;
        try {
          await Promise.race([
            op(i, kind),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new HungError(`${kind} ${i} did not end within ${budget} ms`)), budget + 5_000);
            }),
          ]);
          figures.opsOk++;
        } catch (e) {
          if (e instanceof HungError) {
            figures.hung++;
            problem(e.message);
          } else {
            errors.push(e);
            const typed = e instanceof OpenStackError;
            const message = e instanceof Error ? e.message : String(e);
            const helpful = typed && isHelpful(e as OpenStackError);
            const f: Failure = {
              op: kind,
              name: `${runId}-${kind}-${i}`,
              typed,
              helpful,
              message,
            };
            const cls = e instanceof Error ? e.constructor.name : typeof e;
            figures.failuresByClass[cls] = (figures.failuresByClass[cls] ?? 0) + 1;
            figures.samples.firstByClass[cls] ??= f;
            if (typed) figures.opsFailedTyped++;
            else {
              figures.opsFailedUntyped++;
              if (figures.samples.untyped.length < 20)
                figures.samples.untyped.push({
                  ...f,
                  message: `${cls}: ${message}`,
                });
            }
            if (typed && !helpful) {
              figures.failuresUnhelpful++;
              if (figures.samples.unhelpful.length < 20) figures.samples.unhelpful.push(f);
            }
            if (figures.samples.failures.length < 40) figures.samples.failures.push(f);
          }
        } finally {
          clearTimeout(timer);
          const took = Date.now() - t0;
          figures.slowestOpMs = Math.max(figures.slowestOpMs, took);
          if (took > budget) {
            figures.hung++;
            problem(`${kind} ${i} took ${took} ms (budget ${budget} ms)`);
          }
          if (++done % 100 === 0) say(`${done}/${o.ops} ops, ${p.requests} requests, ${Object.values(p.counts).reduce((a, b) => a + b, 0)} faults`);
        }
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, worker));
    figures.faults = { ...p.counts };
    await p.close();

    // ---- verification against the real services, without the proxy
    say('verifying against the real services');
    for (const c of containers) {
      const listed = await direct.objectStore.objects(c).toArray();
      const names = listed.map((x) => ('name' in x ? x.name : ''));
      if (new Set(names).size !== names.length) {
        figures.duplicates += names.length - new Set(names).size;
        problem(`container ${c} lists a name twice`);
      }
      for (const n of names)
        if (!objects.has(`${c}/${n}`)) {
          figures.unknownObjects++;
          problem(`unknown object ${c}/${n}`);
        }
    }
    for (const obj of objects.values()) {
      let buf: Uint8Array | undefined;
      try {
        buf = new Uint8Array(await direct.objectStore.downloadObjectAsArrayBuffer(obj.container, obj.name));
      } catch (e) {
        if (!(e instanceof OpenStackError && 'status' in e && e.status === 404)) throw e;
      }
      if (obj.state === 'deleted') {
        if (buf) problem(`${obj.name}: deleted by the SDK but still there`);
        continue;
      }
      if (!buf) {
        if (obj.state === 'stored') {
          figures.objectsMissing++;
          problem(`${obj.name}: the SDK stored it, it is not there`);
        }
        continue;
      }
      // a 'maybe' object that exists must have exactly the bytes that were sent
      if (sha256(buf) === obj.sha) figures.objectsVerified++;
      else {
        figures.bytesCorrupted += Math.max(buf.length, obj.size);
        problem(`${obj.name}: ${buf.length} bytes read back, ${obj.size} sent, SHA-256 differs`);
      }
    }
    // Count by name: a retried POST would leave two of a name.
    const nets = await direct.network.networks().toArray();
    const ports = await direct.network.ports().toArray();
    const images = await direct.image.images().toArray();
    const servers = await direct.compute.servers({ name: runId }).toArray();
    const live: Record<Created['kind'], { id: string; name?: string | null }[]> = { network: nets, port: ports, image: images, server: servers } as never;
    for (const r of created) {
      const ids = new Set(live[r.kind].filter((x) => x.name === r.name).map((x) => x.id));
      if (r.id && r.deleted) ids.add(r.id);
      if (ids.size > 1) {
        figures.duplicates += ids.size - 1;
        problem(`${r.kind} ${r.name} exists ${ids.size} times`);
      }
      if (r.kind === 'image' && r.id && r.sha) {
        const img = images.find((x) => x.id === r.id);
        if (img?.status === 'active') {
          const dl = await direct.image.downloadImage(r.id);
          const buf = new Uint8Array(await new Response(dl.stream).arrayBuffer());
          if (sha256(buf) === r.sha) figures.imagesVerified++;
          else {
            figures.bytesCorrupted += buf.length;
            problem(`image ${r.name}: bytes differ`);
          }
        }
      }
    }

    // ---- secrets: the password, every token, the temp URL key, server admin passwords
    const secrets = [password, tempUrlKey, ...p.tokens, ...adminPasses].filter((s) => s && s.length >= 6);
    const texts: [string, string][] = [];
    for (const e of errors) {
      const err = e as Error & { cause?: unknown };
      texts.push(['message', String(err?.message)], ['json', safeJson(err)], ['stack', String(err?.stack)]);
      for (let c = err?.cause, n = 0; c && n < 5; c = (c as { cause?: unknown }).cause, n++) texts.push(['cause', String((c as Error).message ?? c)]);
    }
    for (const ev of events) texts.push(['log', safeJson(ev)]);
    for (const [where, t] of texts)
      for (const s of secrets)
        if (t.includes(s)) {
          figures.secretsLeaked++;
          if (figures.samples.leaks.length < 10) figures.samples.leaks.push(`${where}: ${t.slice(0, 300)}`);
        }
  } finally {
    await proxy?.close();
    say('cleaning up');
    const quiet = async (f: () => Promise<unknown>) => {
      try {
        await f();
      } catch {
        figures.cleanupErrors++;
      }
    };
    for (const c of containers) {
      await quiet(() =>
        direct.objectStore.deleteContainer(c, {
          recursive: true,
          ignoreMissing: true,
        }),
      );
      await quiet(() =>
        direct.objectStore.deleteContainer(`${c}_segments`, {
          recursive: true,
          ignoreMissing: true,
        }),
      );
    }
    await quiet(async () => {
      for (const s of await direct.compute.servers({ name: runId }).toArray()) await direct.compute.deleteServer(s.id, { ignoreMissing: true });
    });
    await quiet(async () => {
      for (const x of await direct.network.ports().toArray()) if (x.name?.startsWith(runId)) await direct.network.deletePort(x.id, { ignoreMissing: true });
    });
    await quiet(async () => {
      for (const x of await direct.network.networks().toArray())
        if (x.name?.startsWith(runId)) await direct.network.deleteNetwork(x.id, { ignoreMissing: true });
    });
    await quiet(async () => {
      for (const x of await direct.image.images().toArray()) if (x.name?.startsWith(runId)) await direct.image.deleteImage(x.id, { ignoreMissing: true });
    });
    await deleteUser(admin, userId);
    figures.durationMs = Date.now() - started;
  }
  return figures;
}

class HungError extends Error {}

function safeJson(x: unknown): string {
  try {
    return JSON.stringify(x) ?? '';
  } catch {
    return '';
  }
}

/** A failure says what to check: the call (method and URL) or the status, or what to wait for. */
function isHelpful(e: OpenStackError): boolean {
  const m = e.message;
  if (m.length < 15) return false;
  return /\b(GET|PUT|POST|DELETE|HEAD|PATCH)\b \S+|\b[1-5]\d\d\b|timed? ?out|check/i.test(m);
}

export function printFigures(f: Figures, out: (s: string) => void = console.log): void {
  out(`fault run, seed ${f.seed}: ${f.ops} ops in ${(f.durationMs / 1000).toFixed(1)} s`);
  out(
    `  ops ok ${f.opsOk}, failed with typed errors ${f.opsFailedTyped}, failed untyped ${f.opsFailedUntyped}, failures that do not say what to check ${f.failuresUnhelpful}`,
  );
  out(
    `  ops by kind: ${Object.entries(f.opsByKind)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  out(
    `  failures by class: ${
      Object.entries(f.failuresByClass)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }`,
  );
  out(
    `  faults injected: ${Object.entries(f.faults)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} (total ${Object.values(f.faults).reduce((a, b) => a + b, 0)})`,
  );
  out(
    `  requests through the proxy ${f.requestsThroughProxy}, elsewhere ${f.requestsElsewhere}; retries seen ${f.retries}; logins again after 401 ${f.reauths}`,
  );
  out(`  objects verified ${f.objectsVerified}, images verified ${f.imagesVerified}, objects missing ${f.objectsMissing}, unknown objects ${f.unknownObjects}`);
  out(
    `  duplicates ${f.duplicates}, bytes corrupted ${f.bytesCorrupted} (in-run downloads ${f.corruptedInRun}), secrets leaked ${f.secretsLeaked}, hung ${f.hung} (slowest op ${f.slowestOpMs} ms), cleanup errors ${f.cleanupErrors}`,
  );
  for (const p of f.samples.problems) out(`  problem: ${p}`);
  for (const [cls, u] of Object.entries(f.samples.firstByClass)) out(`  first ${cls}: ${u.op} ${u.name}: ${u.message.slice(0, 300)}`);
  for (const u of f.samples.failures.slice(0, 25)) out(`  failure: ${u.op} ${u.name}: ${u.message.slice(0, 300)}`);
  for (const u of f.samples.untyped.slice(0, 5)) out(`  untyped: ${u.op} ${u.name}: ${u.message.slice(0, 400)}`);
  for (const u of f.samples.unhelpful) out(`  unhelpful: ${u.op}: ${u.message}`);
  for (const l of f.samples.leaks) out(`  leak: ${l}`);
}

/** True when the figures show nothing lost, duplicated, corrupted, leaked, untyped or hung. */
export function clean(f: Figures): boolean {
  return (
    f.duplicates === 0 &&
    f.bytesCorrupted === 0 &&
    f.corruptedInRun === 0 &&
    f.objectsMissing === 0 &&
    f.unknownObjects === 0 &&
    f.secretsLeaked === 0 &&
    f.opsFailedUntyped === 0 &&
    f.failuresUnhelpful === 0 &&
    f.hung === 0 &&
    f.requestsElsewhere === 0
  );
}

export { FAULT_KINDS };

export async function main(argv: string[]): Promise<number> {
  const arg = (name: string, dflt: number) => {
    const i = argv.indexOf(`--${name}`);
    const v = i >= 0 ? Number(argv[i + 1]) : dflt;
    if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
    return v;
  };
  const f = await runFaults({
    ops: arg('ops', 1000),
    seed: arg('seed', 1),
    concurrency: arg('concurrency', 8),
    rate: arg('rate', 0.1),
    servers: argv.includes('--servers') ? arg('servers', 2) : undefined,
    progress: (l) => console.log(`[faults] ${l}`),
  });
  printFigures(f);
  const ok = clean(f);
  console.log(ok ? 'fault run: clean' : 'fault run: PROBLEMS (see above)');
  return ok ? 0 : 1;
}
