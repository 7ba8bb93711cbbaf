import { afterAll, describe, expect, test } from 'vitest';
import { NotFoundError, ValidationError, type Volume, type VolumeSnapshot } from '../../src/index.js';
import { connectTo, uniqueName } from '../helpers/cloud.js';

const fast = { interval: 500, maxInterval: 2000, timeout: 120_000 };

// A volume's life against Cinder (tests run in order): create, update, extend, attach to a server
// booted from another volume, detach, snapshot, copy, delete.
describe('block storage: volumes against Cinder', () => {
  let sent: string[] = [];
  const conn = connectTo('local-demo', { log: (e) => e.type === 'request' && sent.push(`${e.method} ${e.url} ${e.headers?.['openstack-api-version'] ?? ''}`) });
  const bs = conn.blockStorage;
  const name = uniqueName('sdk-vol');
  let volume: Volume;
  let snapshot: VolumeSnapshot | undefined;
  let serverId: string | undefined;
  const volumes: string[] = [];

  afterAll(async () => {
    if (serverId) {
      await conn.compute.deleteServer(serverId, { ignoreMissing: true });
      await conn.compute.waitForServerDelete(serverId, fast).catch(() => undefined);
    }
    if (snapshot) {
      await bs.deleteSnapshot(snapshot, { ignoreMissing: true });
      await bs.waitForSnapshotDelete(snapshot, fast).catch(() => undefined);
    }
    for (const id of volumes) await bs.deleteVolume(id, { ignoreMissing: true }).catch(() => undefined);
    for (const id of volumes) await bs.waitForVolumeDelete(id, fast).catch(() => undefined);
  });

  test('creates an empty volume, sending the volume microversion, and waits for it', async () => {
    sent = [];
    const created = await bs.createVolume({ size: 1, name, description: 'made by the SDK tests', metadata: { role: 'data' } });
    volumes.push(created.id);
    expect(created.status).toBe('creating');
    expect(sent.some((s) => s.startsWith('POST') && /volume 3\.\d+$/.test(s))).toBe(true);
    volume = await bs.waitForVolume(created, fast);
    expect(volume).toMatchObject({ status: 'available', size: 1, name, metadata: { role: 'data' } });
  });

  test('finds, lists with filters, and updates it', async () => {
    expect((await bs.findVolume(name))?.id).toBe(volume.id);
    expect((await bs.findVolume(volume.id))?.name).toBe(name);
    expect(await bs.findVolume(uniqueName('missing'))).toBeUndefined();
    expect((await bs.volumes({ name, status: 'available' }).toArray()).map((v) => v.id)).toEqual([volume.id]);
    expect((await bs.volumes({ metadata: { role: 'data' }, name }).toArray()).map((v) => v.id)).toEqual([volume.id]);
    expect(await bs.volumes({ name, status: 'error' }).toArray()).toEqual([]);
    const updated = await bs.updateVolume(volume, { description: 'updated' });
    expect(updated.description).toBe('updated');
  });

  test('metadata: merge, read, delete a key, replace', async () => {
    expect(await bs.setVolumeMetadata(volume, { tier: 'gold' })).toEqual({ role: 'data', tier: 'gold' });
    await bs.deleteVolumeMetadata(volume, 'role');
    expect(await bs.volumeMetadata(volume)).toEqual({ tier: 'gold' });
    expect(await bs.replaceVolumeMetadata(volume, { a: '1' })).toEqual({ a: '1' });
    await expect(bs.deleteVolumeMetadata(volume, 'nope')).rejects.toBeInstanceOf(NotFoundError);
    await bs.deleteVolumeMetadata(volume, 'nope', { ignoreMissing: true });
  });

  test('bootable and read-only flags', async () => {
    await bs.setVolumeBootable(volume, true);
    expect(String((await bs.getVolume(volume)).bootable)).toBe('true');
    await bs.setVolumeBootable(volume, false);
    expect(String((await bs.getVolume(volume)).bootable)).toBe('false');
    await bs.setVolumeReadOnly(volume, true);
    expect((await bs.getVolume(volume)).metadata?.readonly).toMatch(/true/i);
    await bs.setVolumeReadOnly(volume, false);
  });

  test('extends it', async () => {
    await bs.extendVolume(volume, 2);
    volume = await bs.waitForVolume(volume, fast);
    expect(volume.size).toBe(2);
  });

  test('bad input: typed errors naming the field, nothing sent, nothing created', async () => {
    sent = [];
    const errors = await Promise.all(
      [bs.createVolume({ size: 0, name }), bs.createVolume({ size: 1.5, name }), bs.createVolume({ name }), bs.extendVolume(volume, 0)].map((p) =>
        p.catch((e: unknown) => e),
      ),
    );
    for (const e of errors) expect(e).toBeInstanceOf(ValidationError);
    expect(errors.map((e) => (e as ValidationError).field)).toEqual(['attrs.size', 'attrs.size', 'attrs.size', 'newSize']);
    expect(sent).toEqual([]);
    expect((await bs.volumes({ name }).toArray()).length).toBe(1);
    // What only Cinder can refuse: shrinking.
    await expect(bs.extendVolume(volume, 1)).rejects.toMatchObject({ status: 400 });
  });

  test('boots a server from a new volume made from an image', async () => {
    const flavor = await conn.compute.findFlavor('m1.nano', { ignoreMissing: false });
    const image = await conn.compute.findImage('cirros-fake', { ignoreMissing: false });
    const boot = await bs.createVolume({ size: 1, name: `${name}-boot`, imageRef: image!.id });
    volumes.push(boot.id);
    const ready = await bs.waitForVolume(boot, fast);
    // Cinder marks a volume made from an image bootable and keeps the image's properties.
    expect(ready.bootable).toBe('true');
    expect(ready.volume_image_metadata?.image_id).toBe(image!.id);
    const server = await conn.compute.createServer({
      name: `${name}-server`,
      flavor: flavor!,
      networks: 'none',
      block_device_mapping_v2: [{ source_type: 'volume', destination_type: 'volume', uuid: boot.id, boot_index: 0, delete_on_termination: false }],
    });
    serverId = server.id;
    await conn.compute.waitForServer(server, { ...fast, timeout: 240_000 });
    const inUse = await bs.getVolume(boot);
    expect(inUse.status).toBe('in-use');
    expect(inUse.attachments?.[0]?.server_id).toBe(server.id);
  });

  test('attaching to a missing server fails and leaves the volume available', async () => {
    await expect(conn.compute.createVolumeAttachment('00000000-0000-0000-0000-000000000000', { volumeId: volume.id })).rejects.toBeInstanceOf(NotFoundError);
    const after = await bs.getVolume(volume);
    expect(after.status).toBe('available');
    expect(after.attachments).toEqual([]);
  });

  test('attaches the volume to the server (in-use), then detaches it', async () => {
    await conn.compute.createVolumeAttachment(serverId!, { volumeId: volume.id });
    const attached = await bs.waitForVolume(volume, { ...fast, status: 'in-use' });
    expect(attached.attachments?.map((a) => a.server_id)).toEqual([serverId]);
    const records = await bs.attachments({ volume_id: volume.id }).toArray();
    expect(records.map((a) => a.status)).toEqual(['attached']);
    expect((await bs.getAttachment(records[0]!)).volume_id).toBe(volume.id);
    // An attached volume can be extended (microversion 3.42, sent by default); it stays in-use.
    await bs.extendVolume(volume, 3);
    expect((await bs.waitForVolume(volume, { ...fast, status: 'in-use' })).size).toBe(3);
    await conn.compute.deleteVolumeAttachment(serverId!, volume);
    const detached = await bs.waitForVolume(volume, fast);
    expect(detached.attachments).toEqual([]);
    expect(await bs.attachments({ volume_id: volume.id }).toArray()).toEqual([]);
  });

  test('snapshots it and makes a volume from the snapshot, and a copy of the volume', async () => {
    snapshot = await bs.createSnapshot({ volume_id: volume.id, name: `${name}-snap`, metadata: { kind: 'test' } });
    snapshot = await bs.waitForSnapshot(snapshot, fast);
    expect(snapshot).toMatchObject({ status: 'available', size: 3, volume_id: volume.id });
    expect((await bs.findSnapshot(`${name}-snap`))?.id).toBe(snapshot.id);
    expect((await bs.snapshots({ volume_id: volume.id }).toArray()).map((s) => s.id)).toEqual([snapshot.id]);
    expect((await bs.updateSnapshot(snapshot, { description: 'before changes' })).description).toBe('before changes');
    expect(await bs.snapshotMetadata(snapshot)).toEqual({ kind: 'test' });

    const fromSnap = await bs.createVolume({ snapshot_id: snapshot.id, name: `${name}-from-snap` });
    volumes.push(fromSnap.id);
    const clone = await bs.createVolume({ source_volid: volume.id, name: `${name}-clone` });
    volumes.push(clone.id);
    const [a, b] = await Promise.all([bs.waitForVolume(fromSnap, fast), bs.waitForVolume(clone, fast)]);
    expect(a).toMatchObject({ status: 'available', size: 3, snapshot_id: snapshot.id });
    expect(b).toMatchObject({ status: 'available', size: 3, source_volid: volume.id });
  });

  test('lists page by page', async () => {
    const all = await bs.volumes({ sort: 'created_at:asc' }).toArray();
    expect(all.length).toBeGreaterThanOrEqual(4);
    sent = [];
    const sizes: number[] = [];
    const paged: string[] = [];
    for await (const page of bs.volumes({ sort: 'created_at:asc' }, { pageSize: 2 }).pages()) {
      sizes.push(page.length);
      paged.push(...page.map((v) => v.id));
    }
    expect(paged).toEqual(all.map((v) => v.id));
    expect(sizes.every((n) => n <= 2)).toBe(true);
    expect(sent.length).toBeGreaterThanOrEqual(Math.ceil(all.length / 2));
  });

  test('everything deleted and waited for', async () => {
    await conn.compute.deleteServer(serverId!);
    await conn.compute.waitForServerDelete(serverId!, { ...fast, timeout: 240_000 });
    serverId = undefined;
    await bs.deleteSnapshot(snapshot!);
    await bs.waitForSnapshotDelete(snapshot!, fast);
    snapshot = undefined;
    // The boot volume is freed once the server is gone.
    await bs.waitForVolume(volumes[1]!, fast);
    for (const id of volumes) await bs.deleteVolume(id);
    await Promise.all(volumes.map((id) => bs.waitForVolumeDelete(id, fast)));
    for (const id of volumes) expect(await bs.findVolume(id)).toBeUndefined();
    await expect(bs.deleteVolume(volume)).rejects.toBeInstanceOf(NotFoundError);
    await bs.deleteVolume(volume, { ignoreMissing: true });
    volumes.length = 0;
  });
});
