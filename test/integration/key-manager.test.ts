import { afterAll, describe, expect, test } from 'vitest';
import { Connection } from '../../src/core.js';
import {
  BadRequestError,
  ConflictError,
  DuplicateResourceError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  ResourceFailureError,
  ValidationError,
} from '../../src/index.js';
import { keyManager, type KeyManagerContainer, type Secret } from '../../src/services/key-manager/index.js';
import { cloud, cloudOptions, connectTo, uniqueName } from '../helpers/cloud.js';

/** Barbican (key-manager) as a plugin on the core Connection, against the local cloud. */
const requests: string[] = [];
const counting: typeof fetch = (input, init) => {
  requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
  return fetch(input, init);
};
const demo = new Connection({ ...cloudOptions('local-demo'), services: [keyManager], fetch: counting });
const alt = new Connection({ ...cloudOptions('local-alt-demo'), services: [keyManager] });
// Deleting an order needs the admin role in its project: orders are made as admin, in admin's project.
const admin = new Connection({ ...cloudOptions('local-admin'), services: [keyManager] });

const secrets: string[] = [];
const containers: string[] = [];
const adminSecrets: string[] = [];
const adminContainers: string[] = [];
afterAll(async () => {
  for (const id of containers) await demo.keyManager.deleteContainer(id, { ignoreMissing: true });
  for (const id of secrets) await demo.keyManager.deleteSecret(id, { ignoreMissing: true });
  for (const id of adminContainers) await admin.keyManager.deleteContainer(id, { ignoreMissing: true });
  for (const id of adminSecrets) await admin.keyManager.deleteSecret(id, { ignoreMissing: true });
});

const km = demo.keyManager;
const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);
async function newSecret(attrs: Parameters<typeof km.createSecret>[0] = {}): Promise<Secret> {
  const s = await km.createSecret({ name: uniqueName('sdk-secret'), ...attrs });
  secrets.push(s.id);
  return s;
}
async function newContainer(attrs: Parameters<typeof km.createContainer>[0]): Promise<KeyManagerContainer> {
  const c = await km.createContainer(attrs);
  containers.push(c.id);
  return c;
}
const idOfRef = (ref: string) => ref.split('/').pop()!;
async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('secrets', () => {
  test('a text secret: stored, got by id, reference or object, found, listed, read back as text and as a stream, deleted', async () => {
    const text = 'héllo wörld ✓ 🔑';
    const s = await newSecret({ payload: text, payload_content_type: 'text/plain', secret_type: 'passphrase' });
    expect(s.id).toBe(idOfRef(s.secret_ref));
    expect(s).toMatchObject({ status: 'ACTIVE', secret_type: 'passphrase', content_types: { default: 'text/plain' } });

    expect((await km.getSecret(s.id)).secret_ref).toBe(s.secret_ref);
    expect((await km.getSecret(s.secret_ref)).id).toBe(s.id);
    expect((await km.getSecret(s)).name).toBe(s.name);
    expect((await km.findSecret(s.name!))?.id).toBe(s.id);
    expect((await km.findSecret(s.secret_ref))?.id).toBe(s.id);
    expect(await km.findSecret(uniqueName('missing'))).toBeUndefined();
    expect((await km.secrets({ name: s.name! }).toArray()).map((x) => x.id)).toEqual([s.id]);

    expect(await km.downloadSecretPayloadAsText(s)).toBe(text);
    const d = await km.downloadSecretPayload(s.secret_ref);
    expect(d).toMatchObject({ status: 200, checksum: undefined, size: new TextEncoder().encode(text).length, info: { id: s.id } });
    expect(d.contentType).toMatch(/^text\/plain/);
    expect(new TextDecoder().decode(await readAll(d.stream))).toBe(text);

    await km.deleteSecret(s.secret_ref);
    await expect(km.getSecret(s)).rejects.toBeInstanceOf(NotFoundError);
    await expect(km.deleteSecret(s)).rejects.toBeInstanceOf(NotFoundError);
    await km.deleteSecret(s, { ignoreMissing: true });
  });

  test('a binary secret of all 256 byte values, sent base64-encoded, reads back byte for byte', async () => {
    const s = await newSecret({ payload: allBytes, secret_type: 'opaque' });
    expect(s.content_types).toEqual({ default: 'application/octet-stream' });
    expect(await km.downloadSecretPayloadAsBytes(s)).toEqual(allBytes);
    expect(new Uint8Array(await km.downloadSecretPayloadAsArrayBuffer(s.id))).toEqual(allBytes);
    const blob = await km.downloadSecretPayloadAsBlob(s.secret_ref);
    expect(blob.type).toBe('application/octet-stream');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(allBytes);
    const d = await km.downloadSecretPayload(s);
    expect(d).toMatchObject({ size: 256, contentType: 'application/octet-stream' });
    expect(await readAll(d.stream)).toEqual(allBytes);

    // The same bytes given as base64 text, with the encoding said, and as an ArrayBuffer.
    const b64 = btoa(String.fromCharCode(...allBytes));
    const s2 = await newSecret({ payload: b64, payload_content_type: 'application/octet-stream', payload_content_encoding: 'base64' });
    expect(await km.downloadSecretPayloadAsBytes(s2)).toEqual(allBytes);
    const s3 = await newSecret({ payload: allBytes.slice().buffer });
    expect(await km.downloadSecretPayloadAsBytes(s3)).toEqual(allBytes);
  });

  test('metadata first, payload later: bytes and text; a payload cannot be replaced', async () => {
    const expires = new Date(Date.now() + 86_400_000);
    const s = await newSecret({ secret_type: 'opaque', algorithm: 'aes', bit_length: 256, mode: 'cbc', expiration: expires });
    expect(s).toMatchObject({ status: 'ACTIVE', algorithm: 'aes', bit_length: 256, mode: 'cbc' });
    expect(Date.parse(`${s.expiration!.replace(/Z$|[+-]\d\d:\d\d$/, '')}Z`)).toBe(expires.getTime());
    expect(s.content_types).toBeUndefined();
    const none = await km.downloadSecretPayloadAsText(s).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(NotFoundError);
    expect((none as NotFoundError).cloudMessage).toMatch(/no payload/);

    await km.uploadSecretPayload(s, allBytes);
    expect((await km.getSecret(s)).content_types).toEqual({ default: 'application/octet-stream' });
    expect(await km.downloadSecretPayloadAsBytes(s)).toEqual(allBytes);
    const again = await km.uploadSecretPayload(s, allBytes).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as ConflictError).cloudMessage).toMatch(/already has data/);

    const t = await newSecret();
    await km.uploadSecretPayload(t.secret_ref, 'line one\nlínea dos ✓', { contentType: 'text/plain' });
    expect(await km.downloadSecretPayloadAsText(t)).toBe('line one\nlínea dos ✓');
    expect((await km.downloadSecretPayload(t)).contentType).toMatch(/^text\/plain/);

    const b = await newSecret();
    await km.uploadSecretPayload(b, btoa(String.fromCharCode(...allBytes)), { contentType: 'application/octet-stream', contentEncoding: 'base64' });
    expect(await km.downloadSecretPayloadAsBytes(b)).toEqual(allBytes);
  });

  test('pages through Barbican next links; a name shared by several is a DuplicateResourceError', async () => {
    const name = uniqueName('sdk-paged');
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await newSecret({ name })).id);
    const pages: number[] = [];
    const listed: string[] = [];
    for await (const page of km.secrets({ name }, { pageSize: 2 }).pages()) {
      pages.push(page.length);
      listed.push(...page.map((x) => x.id));
    }
    expect(pages).toEqual([2, 2, 1]);
    expect(new Set(listed)).toEqual(ids);
    await expect(km.findSecret(name)).rejects.toBeInstanceOf(DuplicateResourceError);
  });

  test('metadata: set (replace), update (merge), delete a key', async () => {
    const s = await newSecret({ payload: 'x', payload_content_type: 'text/plain' });
    expect(await km.getSecretMetadata(s)).toEqual({});
    expect(await km.setSecretMetadata(s, { Env: 'prod', team: 'blue' })).toEqual({ env: 'prod', team: 'blue' });
    expect(await km.updateSecretMetadata(s.secret_ref, { team: 'green', owner: 'ops' })).toEqual({ env: 'prod', team: 'green', owner: 'ops' });
    expect(await km.setSecretMetadata(s, { only: 'this' })).toEqual({ only: 'this' });
    await km.updateSecretMetadata(s, { more: '1' });
    await km.deleteSecretMetadata(s, 'only');
    expect(await km.getSecretMetadata(s.id)).toEqual({ more: '1' });
    await km.deleteSecretMetadata(s, 'only'); // a key it does not have is no error
  });
});

describe('README', () => {
  test('the example runs', async () => {
    const conn = demo;
    // --- README example starts ---
    const secret = await conn.keyManager.createSecret({ name: 'db-password', payload: 's3cr3t', payload_content_type: 'text/plain' });
    console.log(await conn.keyManager.downloadSecretPayloadAsText(secret)); // s3cr3t

    // Bytes go up base64-encoded and come back byte for byte.
    const key = await conn.keyManager.createSecret({ name: 'disk-key', payload: crypto.getRandomValues(new Uint8Array(32)) });
    const bytes = await conn.keyManager.downloadSecretPayloadAsBytes(key.secret_ref); // an id, a reference or the secret

    // Metadata first, payload later; user metadata; a container naming secrets.
    const later = await conn.keyManager.createSecret({ name: 'tls-key', secret_type: 'private' });
    await conn.keyManager.uploadSecretPayload(later, bytes);
    await conn.keyManager.updateSecretMetadata(later, { owner: 'web' });
    const bundle = await conn.keyManager.createContainer({ name: 'web', type: 'generic', secret_refs: [{ name: 'key', secret_ref: later }] });
    // --- README example ends ---
    secrets.push(secret.id, key.id, later.id);
    containers.push(bundle.id);
    expect(await conn.keyManager.downloadSecretPayloadAsText(secret)).toBe('s3cr3t');
    expect(bytes.length).toBe(32);
    expect(await conn.keyManager.downloadSecretPayloadAsBytes(later)).toEqual(bytes);
    expect(await conn.keyManager.getSecretMetadata(later)).toEqual({ owner: 'web' });
    expect(bundle.secret_refs).toEqual([{ name: 'key', secret_ref: later.secret_ref }]);
  });
});

describe('bad input', () => {
  test('a content type Barbican does not take: BadRequestError with its message, nothing created', async () => {
    const name = uniqueName('sdk-bad');
    expect(await km.secrets({ name }).toArray()).toEqual([]);
    const err = await km.createSecret({ name, payload: '<b>hi</b>', payload_content_type: 'text/html' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).cloudMessage).toMatch(/payload_content_type is not one of/);
    expect((err as BadRequestError).message).toMatch(/payload_content_type is not one of/);
    // application/octet-stream sent as plain text, without the base64 encoding Barbican requires for it.
    const err2 = await km.createSecret({ name, payload: 'AAEC', payload_content_type: 'application/octet-stream' }).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(BadRequestError);
    expect((err2 as BadRequestError).cloudMessage).toMatch(/payload_content_encoding/);
    expect(await km.secrets({ name }).toArray()).toEqual([]);
  });

  test('a payload larger than Barbican allows: PayloadTooLargeError, nothing stored', async () => {
    const big = crypto.getRandomValues(new Uint8Array(15_000));
    const fits = await newSecret({ payload: big });
    expect(await km.downloadSecretPayloadAsBytes(fits)).toEqual(big);

    const name = uniqueName('sdk-big');
    const err = await km.createSecret({ name, payload: new Uint8Array(18_000) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PayloadTooLargeError);
    expect((err as PayloadTooLargeError).cloudMessage).toMatch(/too large/);
    expect(await km.secrets({ name }).toArray()).toEqual([]);

    const empty = await newSecret();
    await expect(km.uploadSecretPayload(empty, new Uint8Array(21_000))).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect((await km.getSecret(empty)).content_types).toBeUndefined();
  });

  test('what the SDK can tell is wrong is a ValidationError before any request', async () => {
    const fresh = new Connection({ ...cloudOptions('local-demo'), services: [keyManager], fetch: counting });
    const k = fresh.keyManager;
    requests.length = 0;
    const bad: [string, () => Promise<unknown>, string][] = [
      ['text payload without a content type', () => k.createSecret({ name: 'x', payload: 'hi' }), 'attrs.payload_content_type'],
      ['empty payload', () => k.createSecret({ payload: '', payload_content_type: 'text/plain' }), 'attrs.payload'],
      ['empty bytes', () => k.createSecret({ payload: new Uint8Array(0) }), 'attrs.payload'],
      ['an empty name', () => k.createSecret({ name: '' }), 'attrs.name'],
      ['an empty container name', () => k.createContainer({ name: '', type: 'generic' }), 'attrs.name'],
      ['an empty order name', () => k.createOrder({ type: 'key', meta: { name: '', algorithm: 'aes' } }), 'attrs.meta.name'],
      ['a number for a name', () => k.createSecret({ name: 42 as never }), 'attrs.name'],
      ['an unknown secret type', () => k.createSecret({ secret_type: '' as never }), 'attrs.secret_type'],
      ['a misspelt attribute', () => k.createSecret({ payload_content_typ: 'text/plain' } as never), 'attrs.payload_content_typ'],
      ['a content type with no payload', () => k.createSecret({ payload_content_type: 'text/plain' }), 'attrs.payload_content_type'],
      ['bytes with binary encoding', () => k.createSecret({ payload: allBytes, payload_content_encoding: 'binary' }), 'attrs.payload_content_encoding'],
      ['a fractional bit length', () => k.createSecret({ bit_length: 1.5 }), 'attrs.bit_length'],
      ['an empty id', () => k.getSecret(''), 'id'],
      ['a container reference for a secret', () => k.getSecret('http://127.0.0.1:9311/v1/containers/abc'), 'id'],
      ['text upload without a content type', () => k.uploadSecretPayload('abc', 'hi'), 'contentType'],
      ['base64 that is not', () => k.uploadSecretPayload('abc', '%%%', { contentEncoding: 'base64' }), 'payload'],
      ['an empty upload', () => k.uploadSecretPayload('abc', new Uint8Array(0)), 'payload'],
      ['a number as payload', () => k.uploadSecretPayload('abc', 7 as never), 'payload'],
      ['an empty Accept', () => k.downloadSecretPayloadAsText('abc', { contentType: '' }), 'contentType'],
      ['a metadata key with a space', () => k.setSecretMetadata('abc', { 'a b': 'x' }), 'metadata.a b'],
      ['a metadata value not a string', () => k.updateSecretMetadata('abc', { a: 1 as never }), 'metadata.a'],
      ['an empty metadata key to delete', () => k.deleteSecretMetadata('abc', ''), 'key'],
      ['an unknown container type', () => k.createContainer({ type: 'pem' as never }), 'attrs.type'],
      ['a container secret without a reference', () => k.createContainer({ type: 'generic', secret_refs: [{ name: 'a' } as never] }), 'attrs.secret_refs.0.secret_ref'],
      ['a consumer without URL', () => k.addContainerConsumer('abc', { name: 'x' } as never), 'consumer.URL'],
      ['a secret consumer without resource id', () => k.addSecretConsumer('abc', { service: 'image', resource_type: 'image', resource_id: '' }), 'consumer.resource_id'],
      ['an order without an algorithm', () => k.createOrder({ type: 'key', meta: { bit_length: 256 } } as never), 'attrs.meta.algorithm'],
      ['an unknown order type', () => k.createOrder({ type: 'password', meta: { algorithm: 'aes' } } as never), 'attrs.type'],
      ['an ACL with project_access misspelt', () => k.setSecretAcl('abc', { read: { project_access: false } } as never), 'acl.read.project_access'],
      ['an ACL user that is not a string', () => k.setContainerAcl('abc', { read: { users: [1 as never] } }), 'acl.read.users.0'],
      ['a quota below -1', () => k.setProjectQuotas('abc', { secrets: -2 }), 'quotas.secrets'],
      ['an empty order id to wait for', () => k.waitForOrder(''), 'id'],
    ];
    for (const [what, call, field] of bad) {
      const e = await call().then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e, what).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).field, what).toBe(field);
    }
    expect(requests).toEqual([]);
  });
});

describe('containers', () => {
  test('generic: created from secrets given as objects, references and ids; got, found, listed; secrets added and removed', async () => {
    const [a, b, c] = [await newSecret({ payload: 'a', payload_content_type: 'text/plain' }), await newSecret(), await newSecret()];
    const box = await newContainer({ name: uniqueName('sdk-box'), type: 'generic', secret_refs: [{ name: 'first', secret_ref: a }, { name: 'second', secret_ref: b.secret_ref }] });
    expect(box.id).toBe(idOfRef(box.container_ref));
    expect(box).toMatchObject({ type: 'generic', status: 'ACTIVE' });
    expect(Object.fromEntries(box.secret_refs.map((x) => [x.name, idOfRef(x.secret_ref)]))).toEqual({ first: a.id, second: b.id });
    expect((await km.getContainer(box.container_ref)).name).toBe(box.name);
    expect((await km.findContainer(box.name!))?.id).toBe(box.id);
    expect((await km.containers({ name: box.name!, type: 'generic' }).toArray()).map((x) => x.id)).toEqual([box.id]);

    const grown = await km.addContainerSecret(box, { name: 'third', secret_ref: c.id });
    expect(grown.secret_refs.map((x) => x.name).sort()).toEqual(['first', 'second', 'third']);
    expect(grown.secret_refs.find((x) => x.name === 'third')?.secret_ref).toBe(c.secret_ref);
    await km.removeContainerSecret(box.id, { name: 'first', secret_ref: a });
    expect((await km.getContainer(box)).secret_refs.map((x) => x.name).sort()).toEqual(['second', 'third']);
    await expect(km.removeContainerSecret(box, { name: 'first', secret_ref: a })).rejects.toBeInstanceOf(NotFoundError);
    await km.removeContainerSecret(box, { name: 'first', secret_ref: a }, { ignoreMissing: true });
    // A container's secrets read back through their references.
    expect(await km.downloadSecretPayloadAsText(grown.secret_refs.find((x) => x.name === 'first')!.secret_ref)).toBe('a');

    await km.deleteContainer(box.container_ref);
    await expect(km.getContainer(box)).rejects.toBeInstanceOf(NotFoundError);
    await km.deleteContainer(box, { ignoreMissing: true });
    expect((await km.getSecret(a)).id).toBe(a.id); // deleting a container keeps its secrets
  });

  test('rsa and certificate containers take only their own names', async () => {
    const [pub, priv, pass, cert, key, inter] = await Promise.all([0, 1, 2, 3, 4, 5].map(async () => newSecret({ payload: allBytes })));
    const rsa = await newContainer({ name: uniqueName('sdk-rsa'), type: 'rsa', secret_refs: [{ name: 'public_key', secret_ref: pub! }, { name: 'private_key', secret_ref: priv! }, { name: 'private_key_passphrase', secret_ref: pass! }] });
    expect(rsa.type).toBe('rsa');
    expect(rsa.secret_refs.map((x) => x.name).sort()).toEqual(['private_key', 'private_key_passphrase', 'public_key']);
    const certificate = await newContainer({ type: 'certificate', secret_refs: [{ name: 'certificate', secret_ref: cert! }, { name: 'private_key', secret_ref: key! }, { name: 'intermediates', secret_ref: inter! }] });
    expect(certificate).toMatchObject({ type: 'certificate', name: null });
    expect((await km.containers({ type: 'rsa' }).toArray()).map((x) => x.id)).toContain(rsa.id);

    const err = await km.createContainer({ type: 'rsa', secret_refs: [{ name: 'pub', secret_ref: pub! }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).cloudMessage).toMatch(/reference names are allowed for RSA/);
  });
});

describe('ACLs', () => {
  const altUser = cloud.users.altDemo.id as string;

  test('secret: read, set to one user, updated, deleted; the user of another project reads only while listed', async () => {
    const s = await newSecret({ payload: 'shared', payload_content_type: 'text/plain' });
    expect(await km.getSecretAcl(s)).toEqual({ read: { 'project-access': true } });
    await expect(alt.keyManager.downloadSecretPayloadAsText(s.secret_ref)).rejects.toBeInstanceOf(ForbiddenError);

    const set = await km.setSecretAcl(s, { read: { users: [altUser], 'project-access': false } });
    expect(set.read).toMatchObject({ users: [altUser], 'project-access': false });
    expect(await alt.keyManager.downloadSecretPayloadAsText(s.secret_ref)).toBe('shared');

    const updated = await km.updateSecretAcl(s.secret_ref, { read: { 'project-access': true } });
    expect(updated.read).toMatchObject({ users: [altUser], 'project-access': true });
    expect((await km.getSecretAcl(s.id)).read).toMatchObject({ users: [altUser], 'project-access': true });

    await km.deleteSecretAcl(s);
    expect(await km.getSecretAcl(s)).toEqual({ read: { 'project-access': true } });
    await expect(alt.keyManager.downloadSecretPayloadAsText(s.secret_ref)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(km.deleteSecretAcl(`${s.id}0`)).rejects.toBeInstanceOf(NotFoundError);
    await km.deleteSecretAcl(`${s.id}0`, { ignoreMissing: true });
  });

  test('container: read, set, updated, deleted', async () => {
    const box = await newContainer({ name: uniqueName('sdk-acl'), type: 'generic' });
    expect(await km.getContainerAcl(box)).toEqual({ read: { 'project-access': true } });
    await expect(alt.keyManager.getContainer(box.container_ref)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await km.setContainerAcl(box, { read: { users: [altUser] } })).read).toMatchObject({ users: [altUser], 'project-access': true });
    expect((await alt.keyManager.getContainer(box.container_ref)).id).toBe(box.id);
    expect((await km.updateContainerAcl(box.container_ref, { read: { 'project-access': false } })).read).toMatchObject({ users: [altUser], 'project-access': false });
    expect((await km.updateContainerAcl(box, { read: { users: [] } })).read).toMatchObject({ users: [], 'project-access': false });
    await km.deleteContainerAcl(box.id);
    expect(await km.getContainerAcl(box)).toEqual({ read: { 'project-access': true } });
    await km.deleteContainerAcl(`${box.id}0`, { ignoreMissing: true });
  });
});

describe('consumers', () => {
  test('container consumers: added, listed, removed', async () => {
    const box = await newContainer({ name: uniqueName('sdk-used'), type: 'generic' });
    const lb = { name: 'loadbalancer', URL: `http://127.0.0.1/lb/${uniqueName('lb')}` };
    const withOne = await km.addContainerConsumer(box, lb);
    expect(withOne.consumers).toEqual([lb]);
    await km.addContainerConsumer(box.container_ref, { name: 'other', URL: 'http://127.0.0.1/x' });
    const listed = await km.containerConsumers(box).toArray();
    expect(listed.map((c) => `${c.name} ${c.URL}`).sort()).toEqual([`loadbalancer ${lb.URL}`, 'other http://127.0.0.1/x']);
    expect(listed[0]).toMatchObject({ status: 'ACTIVE' });
    expect((await km.containerConsumers(box, {}, { pageSize: 1 }).toArray()).length).toBe(2);

    await km.removeContainerConsumer(box, lb);
    expect((await km.getContainer(box)).consumers).toEqual([{ name: 'other', URL: 'http://127.0.0.1/x' }]);
    await expect(km.removeContainerConsumer(box, lb)).rejects.toBeInstanceOf(NotFoundError);
    await km.removeContainerConsumer(box, lb, { ignoreMissing: true });
  });

  test('secret consumers (microversion 1.1): added, listed, removed', async () => {
    const s = await newSecret({ payload: 'k', payload_content_type: 'text/plain' });
    const img = { service: 'image', resource_type: 'image', resource_id: uniqueName('img') };
    const after = await km.addSecretConsumer(s, img);
    expect(after.id).toBe(s.id);
    expect(after.consumers).toEqual([img]);
    expect((await km.secretConsumers(s.secret_ref).toArray()).map(({ service, resource_type, resource_id }) => ({ service, resource_type, resource_id }))).toEqual([img]);
    await km.removeSecretConsumer(s, img);
    expect(await km.secretConsumers(s).toArray()).toEqual([]);
    await expect(km.removeSecretConsumer(s, img)).rejects.toBeInstanceOf(NotFoundError);
    await km.removeSecretConsumer(s, img, { ignoreMissing: true });

    // An older microversion asked for is refused before the call is sent.
    requests.length = 0;
    await expect(km.secretConsumers(s, {}, { microversion: '1.0' }).toArray()).rejects.toBeInstanceOf(ValidationError);
    expect(requests.filter((r) => r.includes('/consumers'))).toEqual([]);
  });
});

describe('orders', () => {
  const akm = admin.keyManager;

  test('a key order is waited for until ACTIVE; its secret is read; it is listed, deleted and waited away', async () => {
    const order = await akm.createOrder({ type: 'key', meta: { name: uniqueName('sdk-key'), algorithm: 'aes', bit_length: 256, mode: 'cbc', payload_content_type: 'application/octet-stream' } });
    expect(order.id).toBe(idOfRef(order.order_ref));
    const done = await akm.waitForOrder(order.order_ref, { interval: 200 });
    expect(done.status).toBe('ACTIVE');
    adminSecrets.push(idOfRef(done.secret_ref!));
    const key = await akm.getSecret(done.secret_ref!);
    expect(key).toMatchObject({ algorithm: 'aes', bit_length: 256, mode: 'cbc', secret_type: 'symmetric' });
    expect((await akm.downloadSecretPayloadAsBytes(key)).length).toBe(32);
    expect((await akm.getOrder(order)).secret_ref).toBe(done.secret_ref);
    expect((await akm.orders({}, { pageSize: 1 }).toArray()).map((o) => o.id)).toContain(order.id);

    await akm.deleteOrder(order.order_ref);
    await akm.waitForOrderDelete(order, { interval: 200 });
    await expect(akm.getOrder(order)).rejects.toBeInstanceOf(NotFoundError);
    await akm.deleteOrder(order, { ignoreMissing: true });
  });

  test('an asymmetric order gives an RSA container of a key pair', async () => {
    const order = await akm.createOrder({ type: 'asymmetric', meta: { name: uniqueName('sdk-pair'), algorithm: 'rsa', bit_length: 2048, payload_content_type: 'application/octet-stream' } });
    try {
      const done = await akm.waitForOrder(order, { interval: 200 });
      const pair = await akm.getContainer(done.container_ref!);
      adminContainers.push(pair.id);
      adminSecrets.push(...pair.secret_refs.map((x) => idOfRef(x.secret_ref)));
      expect(pair.type).toBe('rsa');
      expect(pair.secret_refs.map((x) => x.name).sort()).toEqual(['private_key', 'public_key']);
      const pub = await akm.downloadSecretPayloadAsText(pair.secret_refs.find((x) => x.name === 'public_key')!.secret_ref);
      expect(pub).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    } finally {
      await akm.deleteOrder(order, { ignoreMissing: true });
    }
  });

  test('an order Barbican cannot fulfil ends the wait with ResourceFailureError (status ERROR)', async () => {
    const order = await akm.createOrder({ type: 'key', meta: { name: uniqueName('sdk-bad'), algorithm: 'no-such-algorithm', bit_length: 256 } });
    try {
      const err = await akm.waitForOrder(order, { interval: 200 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ResourceFailureError);
      expect((err as ResourceFailureError).status).toBe('ERROR');
      expect((err as ResourceFailureError).resource).toMatchObject({ error_reason: expect.stringMatching(/plugin not found/) });
    } finally {
      await akm.deleteOrder(order, { ignoreMissing: true });
    }
  });

  test('deleting an order needs the admin role in its project: ForbiddenError for its creator', async () => {
    // The demo user (creator) orders and waits; only an admin of the demo project may delete.
    const order = await km.createOrder({ type: 'key', meta: { name: uniqueName('sdk-demo-key'), algorithm: 'aes', bit_length: 128 } });
    const identity = connectTo('local-admin').identity;
    const adminRole = (await identity.findRole('admin', { ignoreMissing: false }))!;
    const target = { user: cloud.users.admin.id as string, project: cloud.projects.demo.id as string };
    try {
      const done = await km.waitForOrder(order, { interval: 200 });
      secrets.push(idOfRef(done.secret_ref!));
      const err = await km.deleteOrder(order).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ForbiddenError);
      expect((err as ForbiddenError).cloudMessage).toMatch(/Order deletion attempt not allowed/);
      // Another project's admin does not see it at all.
      await expect(akm.deleteOrder(order.order_ref)).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      // Cleaned up by an admin of the demo project: admin, given the role for the occasion.
      const hadRole = await identity.checkRoleGrant(adminRole, target);
      if (!hadRole) await identity.grantRole(adminRole, target);
      try {
        const asAdmin = cloudOptions('local-admin');
        const inDemo = { ...asAdmin.auth, projectName: cloud.projects.demo.name } as typeof asAdmin.auth;
        const demoAdmin = new Connection({ ...asAdmin, auth: inDemo, services: [keyManager] });
        await demoAdmin.keyManager.deleteOrder(order);
        await expect(km.getOrder(order)).rejects.toBeInstanceOf(NotFoundError);
      } finally {
        if (!hadRole) await identity.revokeRole(adminRole, target, { ignoreMissing: true });
      }
    }
  });
});

describe('quotas', () => {
  test('the quotas in effect for the project', async () => {
    const q = await km.getQuotas();
    for (const kind of ['secrets', 'orders', 'containers', 'consumers', 'cas'] as const) expect(typeof q[kind]).toBe('number');
    expect(q.secrets).toBe(-1);
  });

  test('project quotas are refused without the key-manager:service-admin role', async () => {
    await expect(km.projectQuotas().toArray()).rejects.toBeInstanceOf(ForbiddenError);
    await expect(km.getProjectQuotas(cloud.projects.demo.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  test('project quotas with the key-manager:service-admin role: set, read, listed, deleted', async () => {
    // Barbican's role for project quotas (its system-scoped rule fails in Zed: a system token has
    // no project). Given to admin in its project for this test, then taken back.
    const identity = connectTo('local-admin').identity;
    const roleName = 'key-manager:service-admin';
    const existing = await identity.findRole(roleName);
    const role = existing ?? (await identity.createRole({ name: roleName }));
    const target = { user: cloud.users.admin.id as string, project: cloud.projects.admin.id as string };
    await identity.grantRole(role, target);
    try {
      const quotaAdmin = new Connection({ ...cloudOptions('local-admin'), services: [keyManager] }).keyManager;
      const project = cloud.projects.altDemo.id as string;
      await quotaAdmin.deleteProjectQuotas(project, { ignoreMissing: true });
      await expect(quotaAdmin.getProjectQuotas(project)).rejects.toBeInstanceOf(NotFoundError);

      const set = await quotaAdmin.setProjectQuotas(project, { secrets: 50, orders: 10, containers: -1 });
      expect(set).toMatchObject({ secrets: 50, orders: 10, containers: -1 });
      expect(await quotaAdmin.getProjectQuotas(project)).toMatchObject({ secrets: 50, orders: 10 });
      const listed = await quotaAdmin.projectQuotas({}, { pageSize: 1 }).toArray();
      expect(listed.find((p) => p.id === project)?.project_quotas).toMatchObject({ secrets: 50, orders: 10 });
      // The project itself sees them as its quotas in effect.
      expect(await alt.keyManager.getQuotas()).toMatchObject({ secrets: 50, orders: 10, containers: -1 });

      await quotaAdmin.deleteProjectQuotas(project);
      await expect(quotaAdmin.getProjectQuotas(project)).rejects.toBeInstanceOf(NotFoundError);
      await expect(quotaAdmin.deleteProjectQuotas(project)).rejects.toBeInstanceOf(NotFoundError);
      await quotaAdmin.deleteProjectQuotas(project, { ignoreMissing: true });
      expect((await alt.keyManager.getQuotas()).secrets).toBe(-1);
    } finally {
      await identity.revokeRole(role, target, { ignoreMissing: true });
      if (!existing) await identity.deleteRole(role, { ignoreMissing: true });
    }
  });
});

describe('microversions', () => {
  test("Barbican's range is learned from its version document (asked for with `key-manager latest`) and the newest is used", async () => {
    const fresh = new Connection({ ...cloudOptions('local-demo'), services: [keyManager] });
    expect(await fresh.keyManager.microversionRange()).toEqual({ min: '1.0', max: '1.1' });
    expect(await fresh.keyManager.microversion()).toBe('1.1');
  });
});
