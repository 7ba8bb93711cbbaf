/**
 * Drives examples/browser (the UMD bundle, no build step) in Chromium against the local cloud:
 * a failed and a good login, a new container, uploads by the file picker and by drag and drop with
 * a progress bar, paging, download and delete, a reload that keeps the session, and a logout that
 * revokes the token. Screenshots go to e2e/.tmp/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloud, connectTo, uniqueName } from '../../test/helpers/cloud.js';
import { launchBrowser, requireDist, ROOT, serveStatic, TMP, type Browser, type StaticServer } from './harness.js';

const SHOTS = join(TMP, 'screenshots');
const MiB = 1024 * 1024;
const demo = cloud.users.demo;

describe('examples/browser in Chromium', () => {
  let site: StaticServer;
  let browser: Browser;
  const container = uniqueName('example');
  const shot = (name: string) =>
    browser.page.screenshot({
      path: join(SHOTS, `${name}.png`),
      fullPage: true,
    });

  beforeAll(async () => {
    requireDist();
    mkdirSync(SHOTS, { recursive: true });
    site = await serveStatic(ROOT);
    browser = await launchBrowser();
    // The app asks before deleting.
    browser.page.on('dialog', (d) => void d.accept());
    await browser.page.goto(`${site.origin}/examples/browser/`);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    const conn = connectTo('local-demo');
    for (const c of [container, `${container}_segments`])
      await conn.objectStore.deleteContainer(c, {
        recursive: true,
        ignoreMissing: true,
      });
  });

  /** Waits for an upload to be listed; a failed upload fails at once with what the app shows. */
  async function listed(name: string, timeout = 60_000) {
    const row = `#objects tr[data-name="${name}"]`;
    await browser.page.waitForSelector(`${row}, .upload.failed`, { timeout });
    const failed = await browser.page.$$eval('.upload.failed', (rows) => rows.map((r) => r.textContent));
    if (failed.length) throw new Error(`upload failed in the app: ${failed.join('; ')}`);
    await browser.page.waitForSelector(row, { timeout });
  }

  async function fillPasswordLogin(password: string) {
    const page = browser.page;
    await page.fill('input[name=authUrl]', cloud.authUrl);
    await page.check('input[name=method][value=password]');
    await page.fill('input[name=username]', demo.name);
    await page.fill('input[name=password]', password);
    await page.fill('input[name=projectName]', demo.projectName);
    await page.click('#login button[type=submit]');
  }

  it('shows a wrong password as the SDK error', async () => {
    await fillPasswordLogin('not-the-password');
    await browser.page.waitForSelector('#login-error:not(:empty)');
    expect(await browser.page.textContent('#login-error')).toMatch(/^UnauthorizedError: .*401/);
    await shot('01-login-error');
  });

  it('logs in with a password and lists containers', async () => {
    await fillPasswordLogin(demo.password);
    await browser.page.waitForSelector('#store-view:not([hidden])');
    expect(await browser.page.textContent('#whoami')).toContain(demo.projectName);
  });

  it('creates a container and uploads a file with the file picker', async () => {
    const page = browser.page;
    await page.fill('#new-container input[name=name]', container);
    await page.click('#new-container button');
    await page.waitForSelector(`#containers button.active:has-text("${container}")`);
    await page.setInputFiles('#file-input', {
      name: 'hello.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello from the example app\n'),
    });
    await listed('hello.txt');
  });

  it('uploads a dropped 48 MiB file in segments with a progress bar, then lists it', async () => {
    const page = browser.page;
    // A slower uplink (8 MiB/s, six seconds for this file) so that the screenshot catches the upload running.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 5,
      downloadThroughput: -1,
      uploadThroughput: 8 * MiB,
    });
    // A real drop event carrying a File, as the browser sends it when a file is dragged onto the zone.
    const dataTransfer = await page.evaluateHandle((size) => {
      const bytes = new Uint8Array(size);
      for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)));
      const dt = new DataTransfer();
      dt.items.add(
        new File([bytes], 'big-upload.bin', {
          type: 'application/octet-stream',
        }),
      );
      return dt;
    }, 48 * MiB);
    await page.dispatchEvent('#dropzone', 'dragover', { dataTransfer });
    await page.dispatchEvent('#dropzone', 'drop', { dataTransfer });
    // Part of the segments are up, not all.
    await page.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('.upload progress');
      return document.querySelector('.upload.failed') || (!!bar && bar.value > 0 && bar.value < bar.max);
    });
    const failed = await page.$$eval('.upload.failed', (rows) => rows.map((r) => r.textContent));
    if (failed.length) throw new Error(`upload failed in the app: ${failed.join('; ')}`);
    const progress = await page.$eval('.upload progress', (p) => ({
      value: (p as HTMLProgressElement).value,
      max: (p as HTMLProgressElement).max,
    }));
    await shot('02-upload-in-progress');
    expect(progress.value).toBeGreaterThan(0);
    expect(progress.value).toBeLessThan(progress.max);
    await listed('big-upload.bin', 120_000);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    expect(await page.textContent('#objects tr[data-name="big-upload.bin"] td.num')).toBe('48 MB');
    await shot('03-object-listed');

    // Stored as a Static Large Object: its manifest lists six 8 MiB segments, each of them an object
    // in <container>_segments with the size and ETag the manifest gives it.
    const store = connectTo('local-demo').objectStore;
    const head = await store.headObject(container, 'big-upload.bin');
    expect(head).toMatchObject({ static_large_object: true, bytes: 48 * MiB });
    const res = await store.request<{ name: string; bytes: number; hash: string }[]>({
      path: `/${encodeURIComponent(container)}/big-upload.bin`,
      query: { 'multipart-manifest': 'get' },
    });
    const manifest = res.data;
    expect(manifest.map((m) => m.bytes)).toEqual(Array(6).fill(8 * MiB));
    const prefix = `/${container}_segments/big-upload.bin/`;
    for (const m of manifest) expect(m.name.startsWith(prefix), m.name).toBe(true);
    const stored = await store.objects(`${container}_segments`, { prefix: 'big-upload.bin/' }).toArray();
    expect(stored.map((o) => ({ name: `/${container}_segments/${o.name}`, bytes: o.bytes, hash: o.hash })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      manifest.map((m) => ({ name: m.name, bytes: m.bytes, hash: m.hash })).sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('pages through the objects, ten at a time', async () => {
    const page = browser.page;
    const files = Array.from({ length: 12 }, (_, i) => ({
      name: `page-${String(i + 1).padStart(2, '0')}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(`object ${i + 1}\n`),
    }));
    await page.setInputFiles('#file-input', files);
    await page.waitForSelector('.pager:not([hidden])');
    // 14 objects, sorted by name: big-upload.bin, hello.txt, page-01..page-12.
    expect(await page.locator('#objects tbody tr').count()).toBe(10);
    expect(await page.isDisabled('#prev')).toBe(true);
    await page.click('#next');
    await page.waitForSelector('#objects tr[data-name="page-12.txt"]');
    const second = await page.$$eval('#objects tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.name));
    expect(second).toEqual(['page-09.txt', 'page-10.txt', 'page-11.txt', 'page-12.txt']);
    expect(await page.isDisabled('#next')).toBe(true);
    await shot('04-second-page');
    await page.click('#prev');
    await page.waitForSelector('#objects tr[data-name="big-upload.bin"]');
  });

  it('downloads an object', async () => {
    const page = browser.page;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#objects tr[data-name="hello.txt"] button:has-text("Download")'),
    ]);
    expect(download.suggestedFilename()).toBe('hello.txt');
    expect(readFileSync((await download.path())!, 'utf8')).toBe('hello from the example app\n');
  });

  it('deletes an object, large ones with their segments', async () => {
    const page = browser.page;
    const conn = connectTo('local-demo');
    const segments = () => conn.objectStore.objects(`${container}_segments`).toArray();
    expect((await segments()).map((o) => String(o.name).split('/')[0])).toEqual(Array(6).fill('big-upload.bin'));
    await page.click('#objects tr[data-name="big-upload.bin"] button:has-text("Delete")');
    await page.waitForSelector('#objects tr[data-name="big-upload.bin"]', {
      state: 'detached',
    });
    // The segments container stays, empty: any failure to list it fails the test.
    expect(await segments()).toEqual([]);
    await shot('05-after-delete');
  });

  /** Where the app keeps the auth state in sessionStorage. */
  const SAVED = 'openstack-sdk-example/authState';
  const savedState = () => browser.page.evaluate((key) => sessionStorage.getItem(key), SAVED);

  it('keeps the session across a reload: the containers come back without a login', async () => {
    const page = browser.page;
    const logins: string[] = [];
    const onRequest = (r: { method(): string; url(): string }) => void (r.method() === 'POST' && /\/auth\/tokens$/.test(r.url()) && logins.push(r.url()));
    page.on('request', onRequest);
    try {
      await page.reload();
      await page.waitForSelector(`#containers button:has-text("${container}")`);
      expect(await page.isHidden('#login-view')).toBe(true);
      expect(await page.textContent('#whoami')).toContain(demo.projectName);
      expect(logins).toEqual([]);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('logs out by revoking the token; an expired saved state brings back the login form with the reason', async () => {
    const page = browser.page;
    const saved = await savedState();
    const token = JSON.parse(saved!).token as string;
    expect(await connectTo('local-demo').identity.checkToken(token)).toBe(true);
    await page.click('#logout');
    await page.waitForSelector('#login-view:not([hidden])');
    expect(await savedState()).toBeNull();
    expect(await connectTo('local-demo').identity.checkToken(token)).toBe(false);
    // A state whose token has expired, as a tab left open overnight would have it. (A revoked one
    // may still pass at services that cache validated tokens for a few minutes, as Swift does.)
    const expired = { ...JSON.parse(saved!), expiresAt: new Date(Date.now() - 60_000).toISOString() };
    await page.evaluate(([key, state]) => sessionStorage.setItem(key!, state!), [SAVED, JSON.stringify(expired)]);
    await page.reload();
    await page.waitForSelector('#login-error:not(:empty)');
    expect(await page.textContent('#login-error')).toMatch(/^AuthError: The saved token has expired or was rejected/);
    await shot('06-session-expired');
    expect(await page.isHidden('#store-view')).toBe(true);
    expect(await page.inputValue('input[name=authUrl]')).toBe(expired.authUrl);
    expect(await savedState()).toBeNull();
  });

  it('logs in again with an application credential', async () => {
    const page = browser.page;
    await page.fill('input[name=authUrl]', cloud.authUrl);
    await page.check('input[name=method][value=applicationCredential]');
    await page.fill('input[name=applicationCredentialId]', cloud.appCredential.id);
    await page.fill('input[name=applicationCredentialSecret]', cloud.appCredential.secret);
    await page.click('#login button[type=submit]');
    await page.waitForSelector(`#containers button:has-text("${container}")`);
    expect(await page.textContent('#whoami')).toContain(demo.projectName);
  });
});
