import { afterAll, describe, expect, test } from 'vitest';
import { waitForDelete, waitForStatus, type Server } from '../../src/index.js';
import { cloud, connectTo, uniqueName } from '../helpers/cloud.js';

/** The demo project's network, read straight from Neutron so this file depends on compute and image only. */
async function privateNetworkId(conn: ReturnType<typeof connectTo>): Promise<string> {
  const res = await conn.session.request<{ networks: { id: string }[] }>({ path: '/v2.0/networks', query: { name: 'private' } }, { type: 'network' });
  return res.data.networks[0].id;
}

describe('the "create a server" story against Nova and Glance', () => {
  const conn = connectTo('local-demo');
  const FAST = { interval: 500, maxInterval: 2000, timeout: 180_000 };
  let server: Server;
  let snapshotId: string | undefined;

  afterAll(async () => {
    if (server) await conn.compute.deleteServer(server, { ignoreMissing: true });
    if (snapshotId) await conn.image.deleteImage(snapshotId, { ignoreMissing: true });
  });

  test('find image and flavor by name, create on the demo network, wait, read addresses', async () => {
    const image = await conn.compute.findImage('cirros-fake');
    const flavor = await conn.compute.findFlavor('m1.nano');
    expect(image?.status).toBe('active');
    expect(flavor?.id).toBe('42');
    const network = await privateNetworkId(conn);

    server = await conn.compute.createServer({ name: uniqueName('story'), image: image!.id, flavor: flavor!.id, networks: [{ uuid: network }] });
    expect(server.status).toBe('BUILD');
    server = await conn.compute.waitForServer(server, FAST);

    expect(server.status).toBe('ACTIVE');
    const addresses = server.addresses!.private;
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses[0].addr).toMatch(/^\d+\.\d+\.\d+\.\d+$|:/);
    // the negotiated microversion is 2.47 or newer here, so the flavor is embedded
    expect(server.flavor && 'original_name' in server.flavor && server.flavor.original_name).toBe('m1.nano');
    // pinned below 2.47, the same server shows a flavor reference
    const old = await conn.compute.getServer(server, { microversion: '2.46' });
    expect(old.flavor && !('original_name' in old.flavor) && old.flavor.id).toBe('42');
    // /ips gives the bare addresses (no MAC or type)
    const bare = addresses.map(({ addr, version }) => ({ addr, version }));
    expect(await conn.compute.getServerAddresses(server)).toEqual({ private: bare });
    expect(await conn.compute.getServerAddresses(server, { network: 'private' })).toEqual({ private: bare });
    expect((await conn.compute.findServer(server.name))?.id).toBe(server.id);
  });

  test('reboot, soft and hard', async () => {
    // Each reboot as sent, with the id Nova gave the request: Nova files its instance action under that id.
    const sent: { body: unknown; requestId: string | null }[] = [];
    const watched = connectTo('local-demo', {
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (init?.method === 'POST' && String(input).endsWith(`/servers/${server.id}/action`))
          sent.push({ body: JSON.parse(String(init.body)), requestId: res.headers.get('x-openstack-request-id') });
        return res;
      },
    });
    await watched.compute.rebootServer(server);
    server = await conn.compute.waitForServer(server, FAST);
    await watched.compute.rebootServer(server, 'HARD');
    server = await conn.compute.waitForServer(server, FAST);
    expect(server.status).toBe('ACTIVE');

    expect(sent.map((s) => s.body)).toEqual([{ reboot: { type: 'SOFT' } }, { reboot: { type: 'HARD' } }]);
    const ids = sent.map((s) => s.requestId!);
    expect(ids).toEqual([expect.stringMatching(/^req-/), expect.stringMatching(/^req-/)]);
    type Action = { action: string; request_id: string; events?: { event: string; result: string | null }[] };
    const actions = (await conn.compute.request<{ instanceActions: Action[] }>({ path: `/servers/${server.id}/os-instance-actions` })).data.instanceActions;
    expect(actions.filter((a) => ids.includes(a.request_id)).map((a) => [a.request_id, a.action])).toEqual(ids.map((id) => [id, 'reboot']).reverse());
    // The compute host's part of each reboot, finished (its result is filed just after the server is ACTIVE again).
    for (const id of ids) {
      const rebooted = await waitForStatus(
        async (signal) => {
          const { events = [] } = (await conn.compute.request<{ instanceAction: Action }>({ path: `/servers/${server.id}/os-instance-actions/${id}`, signal })).data.instanceAction;
          return { result: events.find((e) => e.event === 'compute_reboot_instance')?.result ?? 'not yet' };
        },
        `reboot ${id}`,
        { ...FAST, attribute: 'result', status: 'Success', failures: ['Error'] },
      );
      expect(rebooted).toEqual({ result: 'Success' });
    }
  });

  test('resize and revert, resize and confirm', async () => {
    const micro = (await conn.compute.findFlavor('m1.micro'))!;
    await conn.compute.resizeServer(server, micro);
    await conn.compute.waitForServer(server, { ...FAST, status: 'VERIFY_RESIZE' });
    await conn.compute.revertServerResize(server);
    server = await conn.compute.waitForServer(server, FAST);
    expect(server.flavor && 'original_name' in server.flavor && server.flavor.original_name).toBe('m1.nano');

    await conn.compute.resizeServer(server, micro);
    await conn.compute.waitForServer(server, { ...FAST, status: 'VERIFY_RESIZE' });
    await conn.compute.confirmServerResize(server);
    server = await conn.compute.waitForServer(server, FAST);
    expect(server.flavor && 'original_name' in server.flavor && server.flavor.original_name).toBe('m1.micro');
  });

  test('stop/start, pause, suspend, lock, rescue, metadata, console, interfaces, rebuild, shelve', async () => {
    const c = conn.compute;
    await c.stopServer(server);
    await c.waitForServer(server, { ...FAST, status: 'SHUTOFF' });
    await c.startServer(server);
    await c.waitForServer(server, FAST);
    await c.pauseServer(server);
    await c.waitForServer(server, { ...FAST, status: 'PAUSED' });
    await c.unpauseServer(server);
    await c.waitForServer(server, FAST);
    await c.suspendServer(server);
    await c.waitForServer(server, { ...FAST, status: 'SUSPENDED' });
    await c.resumeServer(server);
    await c.waitForServer(server, FAST);

    await c.lockServer(server, { reason: 'maintenance' });
    expect(await c.getServer(server)).toMatchObject({ locked: true, locked_reason: 'maintenance' });
    await c.unlockServer(server);
    expect((await c.getServer(server)).locked).toBe(false);

    const pass = await c.rescueServer(server);
    expect(typeof pass).toBe('string');
    await c.waitForServer(server, { ...FAST, status: 'RESCUE' });
    await c.unrescueServer(server);
    await c.waitForServer(server, FAST);

    expect(await c.setServerMetadata(server, { role: 'web', tier: '1' })).toEqual({ role: 'web', tier: '1' });
    await c.deleteServerMetadata(server, 'tier');
    expect(await c.getServerMetadata(server)).toEqual({ role: 'web' });
    expect(await c.setServerMetadata(server, { only: 'this' }, { replace: true })).toEqual({ only: 'this' });

    // the fake driver returns a fixed console log
    expect(await c.getServerConsoleOutput(server)).toContain('FAKE CONSOLE OUTPUT');

    const ports = await c.serverInterfaces(server).toArray();
    expect(ports.map((p) => p.fixed_ips?.[0]?.ip_address)).toContain(server.addresses!.private[0].addr);
    expect((await c.getServerInterface(server, ports[0].port_id)).net_id).toBe(ports[0].net_id);

    const image = (await c.findImage('cirros-fake'))!;
    const rebuilt = await c.rebuildServer(server, image, { name: `${server.name}-rebuilt` });
    expect(rebuilt.name).toBe(`${server.name}-rebuilt`);
    server = await c.waitForServer(server, FAST);

    await c.shelveServer(server);
    // Nova's default shelved_offload_time (0) offloads at once
    await c.waitForServer(server, { ...FAST, status: 'SHELVED_OFFLOADED' });
    await c.unshelveServer(server);
    server = await c.waitForServer(server, FAST);
  });

  test('volume attachments', async () => {
    // The local cloud always runs Cinder: without it, this is a broken cloud, not a test to leave out.
    expect(cloud.services, 'services of the local cloud (cloud.json)').toContain('cinder');
    // The volume is made and followed with raw Cinder calls so this file depends on compute only.
    const volumes = { type: 'block-storage', aliases: ['volumev3'] };
    const cinder = <T>(spec: Parameters<typeof conn.session.request>[0]) => conn.session.request<T>(spec, volumes).then((r) => r.data);
    const volume = (await cinder<{ volume: { id: string } }>({ method: 'POST', path: '/volumes', body: { volume: { size: 1, name: uniqueName('vol') } } })).volume;
    const volumeStatus = (status: string) =>
      waitForStatus((signal) => cinder<{ volume: { status: string } }>({ path: `/volumes/${volume.id}`, signal }).then((d) => d.volume), 'volume', { ...FAST, status });
    try {
      await volumeStatus('available');
      const attachment = await conn.compute.createVolumeAttachment(server, { volumeId: volume.id, delete_on_termination: false });
      expect(attachment).toMatchObject({ volumeId: volume.id, serverId: server.id });
      await volumeStatus('in-use');
      expect((await conn.compute.volumeAttachments(server).toArray()).map((a) => a.volumeId)).toEqual([volume.id]);
      expect((await conn.compute.getVolumeAttachment(server, volume.id)).delete_on_termination).toBe(false);
      await conn.compute.deleteVolumeAttachment(server, volume.id);
      await volumeStatus('available');
      expect(await conn.compute.volumeAttachments(server).toArray()).toEqual([]);
    } finally {
      await cinder({ method: 'DELETE', path: `/volumes/${volume.id}`, responseType: 'none', okStatuses: [404] });
      await waitForDelete((signal) => cinder({ path: `/volumes/${volume.id}`, signal }), 'volume', FAST);
    }
  });

  test('snapshot to an image: Nova returns its id and Glance shows it', async () => {
    const name = uniqueName('snap');
    const snapshot = await conn.compute.createServerImage(server, name, { metadata: { purpose: 'test' } });
    snapshotId = snapshot.id;
    expect(snapshot.name).toBe(name);
    expect((await conn.image.getImage(snapshot.id)).purpose).toBe('test');
    // The fake virt driver never uploads snapshot data: the image stays queued, so it is not waited for.
  });

  test('delete, then wait until it is gone', async () => {
    await conn.compute.deleteServer(server);
    await conn.compute.waitForServerDelete(server, FAST);
    expect(await conn.compute.findServer(server.id)).toBeUndefined();
    await conn.compute.deleteServer(server, { ignoreMissing: true });
  });
});
