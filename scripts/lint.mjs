// Project rules no compiler checks: the core runs on the web platform alone.
// Node-only code lives in src/node/, which the core never imports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const NODE_ONLY = /from ['"](node:|fs['"]|path['"]|os['"]|http['"]|https['"]|stream['"]|crypto['"]|buffer['"]|child_process['"])|\brequire\(|\bBuffer\.|\bprocess\.|\b__dirname\b/;
const problems = [];

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.ts')) check(p);
  }
}
function check(file) {
  const rel = relative(root, file);
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (/^\s*(\/\/|\/?\*)/.test(line)) return;
    if (!rel.startsWith('src/node/') && NODE_ONLY.test(line)) problems.push(`${rel}:${i + 1}: Node-only API in the core: ${line.trim()}`);
    if (!rel.startsWith('src/node/') && /from ['"]\.\.?\/(\.\.\/)*node\//.test(line)) problems.push(`${rel}:${i + 1}: the core imports the Node entry`);
    if (/\bconsole\.log\(/.test(line)) problems.push(`${rel}:${i + 1}: console.log in library code`);
  });
}
walk(join(root, 'src'));
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('lint: src/ is clean (no Node built-ins outside src/node/, no console.log)');
