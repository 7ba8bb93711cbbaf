/**
 * The object store from a web page, with the built bundles: the UMD bundle from a <script> tag, and
 * the ESM build (slim `core` + `object-store` entries) from <script type="module"> with an import map.
 * A File chosen in an <input> goes up as a Static Large Object in parallel segments, comes back with
 * the same SHA-256, a temp URL serves it to an anonymous fetch, and an aborted upload leaves nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloud, uniqueName } from '../../test/helpers/cloud.js';
import { esmPage, launchBrowser, requireDist, ROOT, serveStatic, TMP, umdPage, type Browser, type StaticServer } from './harness.js';

const MiB = 1024 * 1024;
const SIZE = 64 * MiB;
const SEGMENT = 8 * MiB;

/** A 64 MiB file of random bytes (kept between runs) and its SHA-256. */
function bigFile(): { path: string; sha256: string } {
  mkdirSync(TMP, { recursive: true });
  const path = join(TMP, 'upload-64mib.bin');
  if (!existsSync(path) || statSync(path).size !== SIZE) {
    const fd = openSync(path, 'w');
    for (let i = 0; i < SIZE / MiB; i++) writeSync(fd, randomBytes(MiB));
    closeSync(fd);
  }
  return {
    path,
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
  };
}

const body = '<input type="file" id="file">';

// Each page defines `window.connect(auth, extra)`: the full Connection, or the slim one with the object store plugin.
const pages: Record<string, string> = {
  '/umd.html': umdPage(`${body}<script>window.connect = (auth, extra) => new OpenStack.Connection({ auth, ...extra });</script>`),
  '/esm-slim.html': esmPage(
    `${body}<script type="module">
      import { Connection } from '/dist/core.js';
      import { objectStore } from '/dist/object-store.js';
      window.connect = (auth, extra) => new Connection({ auth, services: [objectStore], ...extra });
    </script>`,
    { OpenStack: '/dist/core.js' },
  ),
};

const demo = cloud.users.demo;
const auth = {
  type: 'password',
  authUrl: cloud.authUrl as string,
  username: demo.name as string,
  password: demo.password as string,
  userDomainName: 'Default',
  projectName: demo.projectName as string,
  projectDomainName: 'Default',
};

describe.each([
  ['UMD bundle via <script>', '/umd.html'],
  ['ESM core + object-store via <script type="module">', '/esm-slim.html'],
])('object store in Chromium: %s', (_label, pagePath) => {
  let site: StaticServer;
  let browser: Browser;
  let file: { path: string; sha256: string };
  const container = uniqueName('browser');

  beforeAll(async () => {
    requireDist('core.js', 'object-store.js');
    file = bigFile();
    site = await serveStatic(ROOT, pages);
    browser = await launchBrowser();
    await browser.page.goto(site.origin + pagePath);
    await browser.page.waitForFunction(() => typeof (window as any).connect === 'function');
  });

  afterAll(async () => {
    await browser?.page
      .evaluate(
        async ({ auth, container }) => {
          const conn = (window as any).connect(auth);
          for (const c of [container, `${container}_segments`])
            await conn.objectStore.deleteContainer(c, {
              recursive: true,
              ignoreMissing: true,
            });
        },
        { auth, container },
      )
      .catch((e) => console.warn('cleanup failed:', e));
    await browser?.close();
    await site?.close();
  });

  it('creates and lists containers', async () => {
    const r = await browser.page.evaluate(
      async ({ auth, container }) => {
        const conn = (window as any).connect(auth);
        await conn.objectStore.createContainer({ name: container });
        const names: string[] = [];
        for await (const c of conn.objectStore.containers()) names.push(c.name);
        return names;
      },
      { auth, container },
    );
    expect(r).toContain(container);
  });

  it('uploads a 64 MiB File from an <input> in parallel 8 MiB segments with progress, and downloads the same bytes', async () => {
    await browser.page.setInputFiles('#file', file.path);
    const r = await browser.page.evaluate(
      async ({ auth, container, segmentSize }) => {
        // Counts segment PUTs in flight to show that they go up in parallel.
        let inFlight = 0;
        let maxInFlight = 0;
        const countingFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
          const put = (init?.method ?? 'GET').toUpperCase() === 'PUT';
          if (put) maxInFlight = Math.max(maxInFlight, ++inFlight);
          try {
            return await fetch(input, init);
          } finally {
            if (put) inFlight--;
          }
        };
        const conn = (window as any).connect(auth, { fetch: countingFetch });
        const picked = (document.getElementById('file') as HTMLInputElement).files![0]!;
        const progress: {
          loaded: number;
          total: number | undefined;
          segment?: unknown;
        }[] = [];
        const started = performance.now();
        const result = await conn.objectStore.uploadObject({
          container,
          name: picked.name,
          data: picked,
          segmentSize,
          concurrency: 4,
          onProgress: (p: any) =>
            progress.push({
              loaded: p.loaded,
              total: p.total,
              segment: p.segment,
            }),
        });
        const uploadMs = performance.now() - started;
        // The same bytes by a bare fetch PUT in the same page: the figure the SDK's is read against.
        const { token } = await conn.auth.getAuthState();
        const rawStarted = performance.now();
        const raw = await fetch(`${await conn.objectStore.endpoint()}/${encodeURIComponent(container)}/raw-put.bin`, { method: 'PUT', body: picked, headers: { 'x-auth-token': token } });
        const rawMs = performance.now() - rawStarted;
        const listed: any[] = [];
        for await (const o of conn.objectStore.objects(container)) listed.push(o);
        const blob: Blob = await conn.objectStore.downloadObjectAsBlob(container, picked.name);
        const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
        const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
        return {
          name: picked.name,
          fileSize: picked.size,
          result,
          progress,
          maxInFlight,
          listed,
          downloaded: blob.size,
          sha256,
          uploadMs,
          rawStatus: raw.status,
          rawMs,
        };
      },
      { auth, container, segmentSize: SEGMENT },
    );
    expect(r.fileSize).toBe(SIZE);
    expect(r.result).toMatchObject({ container, name: r.name, bytes: SIZE });
    expect(r.result.segments).toBe(SIZE / SEGMENT);
    expect(r.maxInFlight, 'segment PUTs in flight at once').toBeGreaterThanOrEqual(2);
    expect(r.progress.length).toBeGreaterThanOrEqual(SIZE / SEGMENT);
    const last = r.progress.at(-1)!;
    expect(last).toMatchObject({ loaded: SIZE, total: SIZE });
    for (let i = 1; i < r.progress.length; i++) expect(r.progress[i]!.loaded).toBeGreaterThanOrEqual(r.progress[i - 1]!.loaded);
    expect(r.listed.map((o) => o.name)).toContain(r.name);
    expect(r.downloaded).toBe(SIZE);
    expect(r.sha256).toBe(file.sha256);
    expect(r.rawStatus, 'the raw fetch PUT beside it').toBe(201);
    const mibps = (ms: number) => SIZE / 1024 / 1024 / (ms / 1000);
    console.log(
      `Chromium, 64 MiB from a File: SDK as an SLO of ${SIZE / SEGMENT} segments (${r.maxInFlight} PUTs at once) ${mibps(r.uploadMs).toFixed(0)} MiB/s; ` +
        `raw fetch single PUT ${mibps(r.rawMs).toFixed(0)} MiB/s; ratio ${(mibps(r.uploadMs) / mibps(r.rawMs)).toFixed(2)} (one run, not asserted)`,
    );
  });

  it('a temp URL serves the object to an anonymous cross-origin fetch', async () => {
    const r = await browser.page.evaluate(
      async ({ auth, container }) => {
        const conn = (window as any).connect(auth);
        await conn.objectStore.uploadObject({
          container,
          name: 'hello.txt',
          data: 'hello from a temp URL',
          contentType: 'text/plain',
        });
        const key = crypto.randomUUID();
        await conn.objectStore.setContainerTempUrlKey(container, key);
        const url: string = await conn.objectStore.generateTempUrl({
          method: 'GET',
          container,
          object: 'hello.txt',
          expires: 300,
          key,
        });
        const res = await fetch(url);
        return { url, status: res.status, text: await res.text() };
      },
      { auth, container },
    );
    expect(r.url).toMatch(/temp_url_sig=/);
    expect(r).toMatchObject({ status: 200, text: 'hello from a temp URL' });
  });

  it('an upload aborted halfway rejects with an AbortError and leaves no object and no segments', async () => {
    await browser.page.setInputFiles('#file', file.path);
    const r = await browser.page.evaluate(
      async ({ auth, container, segmentSize }) => {
        const conn = (window as any).connect(auth);
        const picked = (document.getElementById('file') as HTMLInputElement).files![0]!;
        const name = `aborted-${picked.name}`;
        const controller = new AbortController();
        let abortedAt = 0;
        let error: { name: string; message: string } | undefined;
        try {
          await conn.objectStore.uploadObject({
            container,
            name,
            data: picked,
            segmentSize,
            concurrency: 2,
            signal: controller.signal,
            onProgress: (p: any) => {
              if (!abortedAt && p.loaded >= picked.size / 2) {
                abortedAt = p.loaded;
                controller.abort();
              }
            },
          });
        } catch (e: any) {
          error = { name: e.name, message: e.message };
        }
        const left: string[] = [];
        for await (const o of conn.objectStore.objects(container)) if (o.name?.startsWith(name)) left.push(o.name);
        try {
          for await (const o of conn.objectStore.objects(`${container}_segments`))
            if (o.name?.startsWith(name)) left.push(`${container}_segments/${o.name}`);
        } catch (e: any) {
          if (e.name !== 'NotFoundError') throw e;
        }
        return { abortedAt, size: picked.size, error, left };
      },
      { auth, container, segmentSize: SEGMENT },
    );
    expect(r.abortedAt).toBeGreaterThan(0);
    expect(r.abortedAt).toBeLessThan(r.size);
    expect(r.error?.name).toBe('AbortError');
    expect(r.left).toEqual([]);
  });

  // The ESM build loads the upload code from a chunk on first use; the UMD bundle holds all its code.
  it.each([
    ['one byte: MD5', 1, {}, ['md5-wasm']],
    ['a Blob larger than its segments: MD5 and the large-object code', 2 * MiB, { segmentSize: MiB }, ['md5-wasm', 'large-object']],
  ])('a first upload of %s, fetched at the same time as the upload code, not after it', async (_, size, options, chunks) => {
    const page = await browser.context.newPage();
    try {
      const asked = new Set<string>();
      let allAsked!: (yes: boolean) => void;
      const together = new Promise<boolean>((resolve) => (allAsked = resolve));
      for (const chunk of chunks)
        await page.route(`**/dist/chunks/${chunk}-*.js`, (route) => {
          asked.add(chunk);
          if (asked.size === chunks.length) allAsked(true);
          return route.continue();
        });
      // The page imports this module right after calling uploadObject, in the same task: the browser
      // asks for it after every module that call asked for. By the time it is asked for, the chunks
      // loaded together with the upload code have been asked for too; the upload chunk is held until
      // then, so chunks that only its code asks for cannot have been.
      await page.route('**/after-upload-call.js', (route) => {
        allAsked(asked.size === chunks.length);
        return route.fulfill({ contentType: 'text/javascript', body: 'export {};' });
      });
      let uploadChunk = 'not asked for';
      await page.route('**/dist/chunks/upload-*.js', async (route) => {
        uploadChunk = (await together) ? 'sent after the others were asked for' : 'sent, the others not asked for yet';
        return route.continue();
      });
      await page.goto(site.origin + pagePath);
      await page.waitForFunction(() => typeof (window as any).connect === 'function');
      const stored = await page.evaluate(
        async ({ auth, container, size, options }) => {
          const data = new Blob([new Uint8Array(size).fill(120)]); // "xxx..."
          const upload = (window as any).connect(auth).objectStore.uploadObject({ container, name: `first-upload-${size}`, data, ...options });
          // (A dynamic import written here would be rewritten by the test runner's transform.)
          await new Function('return import("/after-upload-call.js")')();
          const r = await upload;
          return { hash: r.hash, segments: r.segments };
        },
        { auth, container, size, options },
      );
      if (size === 1) expect(stored).toEqual({ hash: '9dd4e461268c8034f5c8564e155c67a6', segments: 0 }); // MD5 of "x"
      else expect(stored.segments).toBe(2);
      if (pagePath === '/umd.html') expect([uploadChunk, ...asked]).toEqual(['not asked for']);
      else expect(uploadChunk).toBe('sent after the others were asked for');
    } finally {
      await page.close();
    }
  });

  it('with the upload chunk unreachable, ESM uploads fail as a ConnectionError that says what to check and store nothing; UMD needs no chunk', async () => {
    const page = await browser.context.newPage();
    try {
      let refused = 0;
      await page.route('**/dist/chunks/upload-*.js', (route) => {
        refused++;
        return route.abort('internetdisconnected');
      });
      await page.goto(site.origin + pagePath);
      await page.waitForFunction(() => typeof (window as any).connect === 'function');
      const r = await page.evaluate(
        async ({ auth, container }) => {
          const conn = (window as any).connect(auth);
          const name = 'upload-chunk.txt';
          let error: Record<string, unknown> | undefined;
          try {
            await conn.objectStore.uploadObject({ container, name, data: 'x' });
          } catch (e: any) {
            error = { name: e.name, message: String(e.message), sdk: e instanceof (window as any).OpenStack.OpenStackError };
          }
          const stored: string[] = [];
          for await (const o of conn.objectStore.objects(container, { prefix: name })) stored.push(o.name);
          return error ? { error, stored } : { stored };
        },
        { auth, container },
      );
      if (pagePath === '/umd.html') {
        expect(refused).toBe(0);
        expect(r).toEqual({ stored: ['upload-chunk.txt'] });
        return;
      }
      expect(refused).toBeGreaterThan(0);
      expect(r.error).toMatchObject({ name: 'ConnectionError', sdk: true });
      expect(r.error?.message).toContain("the SDK's code for uploads");
      expect(r.error?.message).toMatch(/serves the SDK's chunks/);
      expect(r.stored).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
