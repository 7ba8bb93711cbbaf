// Serves the repository root so that the page can load ../../dist/openstack-sdk.umd.min.js.
//   npm run build && node examples/browser/serve.mjs   then open the printed URL.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const port = Number(process.env.PORT ?? 8000);
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': `${types[extname(file)] ?? 'application/octet-stream'}; charset=utf-8`,
  });
  createReadStream(file).pipe(res);
}).listen(port, 'localhost', () => console.log(`http://localhost:${port}/examples/browser/`));
