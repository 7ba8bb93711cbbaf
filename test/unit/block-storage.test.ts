import { afterEach, describe, expect, test } from 'vitest';
import { Connection, ValidationError } from '../../src/core.js';
import { blockStorage } from '../../src/services/block-storage/index.js';
import { cinderQuery } from '../../src/services/block-storage/filters.js';
import { toQuery } from '../../src/resource/query.js';
import { fakeAuth, fakeServer, json, keystoneRoute, type FakeServer } from '../helpers/fake-server.js';

let srv: FakeServer;
afterEach(() => srv?.close());

const VERSIONS = { versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.66', min_version: '3.0', links: [{ rel: 'self', href: 'http://x/v3/' }] }] };
const VOL = { id: 'v1', name: 'data', status: 'available', size: 1 };

async function cinder(routes: Parameters<typeof fakeServer>[0] = [], options: { microversions?: Record<string, string> } = {}) {
  srv = await fakeServer([
    keystoneRoute(() => srv.url, { 'block-storage': '/v3/p1' }),
    [/^GET \/v3\/$/, (_q, res) => json(res, 200, VERSIONS)],
    ...routes,
  ]);
  return new Connection({ auth: fakeAuth(srv.url), services: [blockStorage], ...options }).blockStorage;
}
const calls = () => srv.requests.filter((r) => r.url.startsWith('/v3/p1'));
const action = (res: import('node:http').ServerResponse): void => void res.writeHead(202).end();

describe('microversions', () => {
  test('min(cloud, SDK) is sent as `volume`, or the pinned one', async () => {
    const bs = await cinder([[/^GET \/v3\/p1\/volumes\/v1$/, (_q, res) => json(res, 200, { volume: VOL })]]);
    await bs.getVolume('v1');
    expect(calls()[0]!.headers['openstack-api-version']).toBe('volume 3.66');
    await bs.getVolume('v1', { microversion: '3.10' });
    expect(calls()[1]!.headers['openstack-api-version']).toBe('volume 3.10');
  });

  test('a call needing a newer microversion than pinned fails before sending', async () => {
    const bs = await cinder([], { microversions: { 'block-storage': '3.5' } });
    const e = await bs.updateBackup('b1', { name: 'x' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toBe('microversion');
    await expect(bs.attachments().toArray()).rejects.toBeInstanceOf(ValidationError);
    expect(calls()).toEqual([]);
  });
});

describe('volume actions', () => {
  test('are POSTed to /action with Cinder\'s names', async () => {
    const bs = await cinder([[/^POST \/v3\/p1\/volumes\/v1\/action$/, (_q, res) => action(res)]]);
    await bs.extendVolume('v1', 3);
    await bs.setVolumeBootable({ id: 'v1' }, true);
    await bs.setVolumeReadOnly('v1', false);
    await bs.retypeVolume('v1', { name: 'fast' }, { migrationPolicy: 'on-demand' });
    await bs.resetVolumeStatus('v1', { status: 'available', attach_status: 'detached' });
    expect(calls().map((c) => JSON.parse(c.body))).toEqual([
      { 'os-extend': { new_size: 3 } },
      { 'os-set_bootable': { bootable: true } },
      { 'os-update_readonly_flag': { readonly: false } },
      { 'os-retype': { new_type: 'fast', migration_policy: 'on-demand' } },
      { 'os-reset_status': { status: 'available', attach_status: 'detached' } },
    ]);
  });

  test('delete passes cascade and force', async () => {
    const bs = await cinder([[/^DELETE \/v3\/p1\/volumes\/v1/, (_q, res) => action(res)]]);
    await bs.deleteVolume('v1', { cascade: true });
    await bs.deleteVolume('v1');
    expect(calls().map((c) => c.url)).toEqual(['/v3/p1/volumes/v1?cascade=true', '/v3/p1/volumes/v1']);
  });
});

describe('lists', () => {
  test('volumes are read from /volumes/detail, paged through volumes_links', async () => {
    const bs = await cinder([
      [
        /^GET \/v3\/p1\/volumes\/detail/,
        (req, res) => {
          const marker = new URL(req.url!, 'http://x').searchParams.get('marker');
          if (!marker) json(res, 200, { volumes: [VOL, { ...VOL, id: 'v2' }], volumes_links: [{ rel: 'next', href: 'http://internal:8776/v3/p1/volumes/detail?limit=2&marker=v2' }] });
          else json(res, 200, { volumes: [{ ...VOL, id: 'v3' }] });
        },
      ],
    ]);
    const all = await bs.volumes({ status: 'available', metadata: { role: 'db' } }, { pageSize: 2 }).toArray();
    expect(all.map((v) => v.id)).toEqual(['v1', 'v2', 'v3']);
    const first = new URL(calls()[0]!.url, 'http://x').searchParams;
    expect(first.get('metadata')).toBe('{"role":"db"}');
    expect(first.get('limit')).toBe('2');
    expect(calls()[1]!.url).toBe('/v3/p1/volumes/detail?limit=2&marker=v2');
  });

  test('availability zones take (filters, opts); call options first still work (deprecated)', async () => {
    const bs = await cinder([[/^GET \/v3\/p1\/os-availability-zone/, (_q, res) => json(res, 200, { availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true } }] })]]);
    expect((await bs.availabilityZones({}, { microversion: '3.10' }).toArray()).map((z) => z.zoneName)).toEqual(['nova']);
    expect((await bs.availabilityZones({ microversion: '3.11' }).toArray()).map((z) => z.zoneName)).toEqual(['nova']);
    expect(calls().map((c) => [c.url, c.headers['openstack-api-version']])).toEqual([
      ['/v3/p1/os-availability-zone', 'volume 3.10'],
      ['/v3/p1/os-availability-zone', 'volume 3.11'],
    ]);
  });

  test('metadata filters are sent as a dict', () => {
    expect(toQuery({ metadata: { a: '1' }, status: 'available', bootable: undefined }, cinderQuery)).toEqual({ metadata: '{"a":"1"}', status: 'available' });
  });
});

describe('backups', () => {
  test('are read back after create, since Cinder answers only the id', async () => {
    const bs = await cinder([
      [/^POST \/v3\/p1\/backups$/, (_q, res) => json(res, 202, { backup: { id: 'b1', name: 'n', links: [] } })],
      [/^GET \/v3\/p1\/backups\/b1$/, (_q, res) => json(res, 200, { backup: { id: 'b1', name: 'n', status: 'creating', volume_id: 'v1' } })],
    ]);
    expect(await bs.createBackup({ volume_id: 'v1', name: 'n' })).toMatchObject({ id: 'b1', status: 'creating' });
  });
});

describe('bad input is refused before anything is sent', () => {
  const cases: [string, (bs: Awaited<ReturnType<typeof cinder>>) => Promise<unknown>, string][] = [
    ['size 0', (b) => b.createVolume({ size: 0 }), 'attrs.size'],
    ['fractional size', (b) => b.createVolume({ size: 1.5 }), 'attrs.size'],
    ['no size and no source', (b) => b.createVolume({ name: 'x' }), 'attrs.size'],
    ['metadata values', (b) => b.createVolume({ size: 1, metadata: { a: 1 as unknown as string } }), 'attrs.metadata.a'],
    ['extend to 0', (b) => b.extendVolume('v1', 0), 'newSize'],
    ['bootable not a boolean', (b) => b.setVolumeBootable('v1', 'yes' as unknown as boolean), 'bootable'],
    ['retype without a type', (b) => b.retypeVolume('v1', ''), 'type'],
    ['reset without a status', (b) => b.resetVolumeStatus('v1', {} as { status: string }), 'state.status'],
    ['snapshot without a volume', (b) => b.createSnapshot({ volume_id: '' }), 'attrs.volume_id'],
    ['type without a name', (b) => b.createVolumeType({ name: '' }), 'attrs.name'],
    ['extra spec not a string', (b) => b.setVolumeTypeExtraSpecs('t1', { a: true as unknown as string }), 'specs.a'],
    ['quota below -1', (b) => b.updateQuotaSet('p1', { volumes: -3 }), 'attrs.volumes'],
    ['missing id', (b) => b.getVolume(''), 'id'],
    ['missing project', (b) => b.getDefaultQuotaSet(''), 'project'],
  ];
  for (const [what, call, field] of cases)
    test(what, async () => {
      const bs = await cinder();
      const e = await call(bs).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).field).toBe(field);
      expect(calls()).toEqual([]);
    });

  test('copies may leave the size out', async () => {
    const bs = await cinder([[/^POST \/v3\/p1\/volumes$/, (req, res) => json(res, 202, { volume: { ...VOL, status: 'creating', ...JSON.parse(req.body).volume } })]]);
    expect((await bs.createVolume({ snapshot_id: 's1' })).snapshot_id).toBe('s1');
    expect(JSON.parse(calls()[0]!.body)).toEqual({ volume: { snapshot_id: 's1' } });
  });
});
