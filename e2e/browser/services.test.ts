/**
 * The services that came after the first six, from the UMD bundle in real Chromium on another
 * origin than the cloud: stacks listed, messages posted and read back (Zaqar's Client-ID header
 * must pass the preflight), a secret stored and read, measures pushed and read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloud, uniqueName } from '../../test/helpers/cloud.js';
import { launchBrowser, requireDist, ROOT, serveStatic, umdPage, type Browser, type StaticServer } from './harness.js';

const demo = cloud.users.demo;

describe('orchestration, message, key manager and metric from a browser', () => {
  let site: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    requireDist();
    site = await serveStatic(ROOT, { '/umd.html': umdPage() });
    browser = await launchBrowser();
    await browser.page.goto(`${site.origin}/umd.html`);
    await browser.page.waitForFunction(() => typeof (window as any).OpenStack?.Connection === 'function');
    await browser.page.evaluate(
      ({ authUrl, user }) => {
        const { Connection } = (window as any).OpenStack;
        (window as any).conn = new Connection({
          auth: { type: 'password', authUrl, username: user.name, password: user.password, userDomainName: user.userDomainName, projectName: user.projectName, projectDomainName: user.projectDomainName },
        });
      },
      { authUrl: cloud.authUrl, user: demo },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('lists stacks, including one it made from a YAML template', async () => {
    const name = uniqueName('browser-stack');
    const r = await browser.page.evaluate(async (name) => {
      const conn = (window as any).conn;
      const template = 'heat_template_version: 2018-08-31\nresources:\n  v:\n    type: OS::Heat::Value\n    properties: { value: from-the-browser }\noutputs:\n  v: { value: { get_attr: [v, value] } }\n';
      const stack = await conn.orchestration.createStack({ stack_name: name, template });
      try {
        const ready = await conn.orchestration.waitForStack(stack, { status: 'CREATE_COMPLETE', interval: 500, timeout: 120000 });
        const listed = (await conn.orchestration.stacks().toArray()).map((s: any) => s.stack_name);
        const out = await conn.orchestration.getStackOutput(ready, 'v');
        return { listed, status: ready.stack_status, value: out.output_value };
      } finally {
        await conn.orchestration.deleteStack(stack, { ignoreMissing: true });
      }
    }, name);
    expect(r.listed).toContain(name);
    expect(r).toMatchObject({ status: 'CREATE_COMPLETE', value: 'from-the-browser' });
  }, 180_000);

  it('posts messages and reads them back, claimed and deleted', async () => {
    const queue = uniqueName('browser-q');
    const r = await browser.page.evaluate(async (queue) => {
      const conn = (window as any).conn;
      await conn.message.createQueue({ name: queue });
      try {
        const ids = await conn.message.postMessages(queue, [{ body: { n: 1 } }, { body: { n: 2 } }, { body: { n: 3 } }]);
        const read = (await conn.message.messages(queue, { echo: true }).toArray()).map((m: any) => m.body.n);
        const claim = await conn.message.createClaim(queue, { ttl: 60, limit: 10 });
        for (const m of claim.messages) await conn.message.deleteMessage(queue, m, { claimId: claim.id });
        const stats = await conn.message.getQueueStats(queue);
        return { ids: ids.length, read, claimed: claim.messages.length, left: stats.messages.total };
      } finally {
        await conn.message.deleteQueue(queue, { ignoreMissing: true });
      }
    }, queue);
    expect(r).toEqual({ ids: 3, read: [1, 2, 3], claimed: 3, left: 0 });
  }, 120_000);

  it('stores a binary secret and reads it back byte for byte; pushes and reads measures', async () => {
    const name = uniqueName('browser');
    const r = await browser.page.evaluate(async (name) => {
      const conn = (window as any).conn;
      const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
      const secret = await conn.keyManager.createSecret({ name, payload: bytes });
      const host = await conn.metric.createResource({ id: name, metrics: { cpu: { archive_policy_name: 'low' } } });
      try {
        const back: Uint8Array = await conn.keyManager.downloadSecretPayloadAsBytes(secret);
        await conn.metric.addMeasures({ resource: host, metric: 'cpu' }, [{ timestamp: new Date('2026-06-01T12:00:00Z'), value: 7 }]);
        const points = await conn.metric.getMeasures({ resource: host, metric: 'cpu' }, { refresh: true });
        return { same: back.length === 256 && back.every((b, i) => b === i), values: points.map((p: any) => p.value) };
      } finally {
        await conn.keyManager.deleteSecret(secret, { ignoreMissing: true });
        await conn.metric.deleteResource(host, { ignoreMissing: true });
      }
    }, name);
    expect(r).toEqual({ same: true, values: [7] });
  }, 120_000);
});
