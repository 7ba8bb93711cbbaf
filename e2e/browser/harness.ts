/**
 * What the browser tests share: a static server on its own origin (http://localhost:<port>, while the
 * cloud answers on http://127.0.0.1, so every API call is a real cross-origin request), and a headless
 * Chromium from the system (Debian's `chromium` package).
 */
import { existsSync, mkdtempSync, rmSync, statSync, createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
/** Files the tests leave for people to look at (screenshots), and big inputs. */
export const TMP = join(ROOT, 'e2e/.tmp');

/** The end-to-end tests exercise the built bundles: they need `npm run build` first. */
export function requireDist(...files: string[]): void {
  for (const f of ['openstack-sdk.umd.min.js', 'index.js', ...files])
    if (!existsSync(join(DIST, f))) throw new Error(`dist/${f} is missing: run \`npm run build\` before the e2e tests.`);
}

export const CHROMIUM = process.env.OSSDK_CHROMIUM ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves files under `root` and the in-memory `pages` (path -> HTML) on http://localhost:<port>. */
export async function serveStatic(root: string, pages: Record<string, string> = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (pages[path] !== undefined) {
      res.writeHead(200, {
        'content-type': TYPES['.html']!,
        'cache-control': 'no-store',
      });
      res.end(pages[path]);
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Errors and console messages of the page, for failure messages. */
  logs: string[];
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile, and one page in it. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium).`);
  const profile = mkdtempSync(join(tmpdir(), 'ossdk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1100, height: 760 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const logs: string[] = [];
  page.on('console', (m) => logs.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
  return {
    context,
    page,
    logs,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * An import map for dist/*.js in a browser without a bundler: the SDK's dependencies (and ofetch's
 * own, destr and ufo) point to their browser builds in node_modules.
 */
export const IMPORT_MAP = {
  imports: {
    ofetch: '/node_modules/ofetch/dist/index.mjs',
    destr: '/node_modules/destr/dist/index.mjs',
    ufo: '/node_modules/ufo/dist/index.mjs',
    valibot: '/node_modules/valibot/dist/index.mjs',
    'hash-wasm': '/node_modules/hash-wasm/dist/index.esm.js',
  },
};

/** A page loading the UMD bundle with a plain <script> tag (`window.OpenStack`). */
export function umdPage(body = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>umd</title>
<script src="/dist/openstack-sdk.umd.min.js"></script></head><body>${body}</body></html>`;
}

/** A page loading the ESM build with <script type="module"> and an import map; sets `window.OpenStack`. */
export function esmPage(body = '', entries: Record<string, string> = { OpenStack: '/dist/index.js' }): string {
  const imports = Object.entries(entries)
    .map(([name, url], i) => `import * as m${i} from ${JSON.stringify(url)}; window.${name} = m${i};`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>esm</title>
<script type="importmap">${JSON.stringify(IMPORT_MAP)}</script>
<script type="module">${imports}\nwindow.__ready = true;</script></head><body>${body}</body></html>`;
}
