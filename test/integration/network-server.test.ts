import { afterAll, describe, expect, test, vi } from 'vitest';
import { connectTo, uniqueName } from '../helpers/cloud.js';

const fast = { interval: 500, maxInterval: 2000, timeout: 240_000 };

describe('network and compute: a server reachable through a floating IP', () => {
  const conn = connectTo('local-demo');
  let serverId: string | undefined;
  let fipId: string | undefined;
  afterAll(async () => {
    if (fipId) await conn.network.deleteFloatingIp(fipId, { ignoreMissing: true });
    if (serverId) {
      await conn.compute.deleteServer(serverId, { ignoreMissing: true });
      await conn.compute.waitForServerDelete(serverId, fast).catch(() => undefined);
    }
  });

  test('a floating IP given to a server shows in server.addresses, and leaves it when taken back', async () => {
    const [privateNet, publicNet, image, flavor] = await Promise.all([
      conn.network.findNetwork('private', { ignoreMissing: false }),
      conn.network.findNetwork('public', { ignoreMissing: false }),
      conn.compute.findImage('cirros-fake', { ignoreMissing: false }),
      conn.compute.findFlavor('m1.nano', { ignoreMissing: false }),
    ]);
    const created = await conn.compute.createServer({ name: uniqueName('sdk-fip'), image: image!.id, flavor: flavor!, networks: [{ uuid: privateNet!.id }] });
    serverId = created.id;
    await conn.compute.waitForServer(created, fast);

    const [port] = await conn.network.ports({ device_id: created.id }).toArray();
    expect(port?.network_id).toBe(privateNet!.id);
    const fip = await conn.network.createFloatingIp({ floating_network_id: publicNet!.id });
    fipId = fip.id;
    await conn.network.associateFloatingIp(fip, port!);

    const floating = async () =>
      ((await conn.compute.getServer(created.id)).addresses?.private ?? [])
        .filter((a: { [k: string]: unknown }) => a['OS-EXT-IPS:type'] === 'floating')
        .map((a: { addr: string }) => a.addr);
    await vi.waitFor(async () => expect(await floating()).toEqual([fip.floating_ip_address]), { timeout: 90_000, interval: 1000 });

    await conn.network.disassociateFloatingIp(fip);
    await vi.waitFor(async () => expect(await floating()).toEqual([]), { timeout: 90_000, interval: 1000 });
  });
});
