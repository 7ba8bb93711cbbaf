/**
 * Deno and Bun (both from npm packages) running one script that imports the built ESM bundle against
 * the local cloud: login from clouds.yaml, a Blob up and back down, a listing, a typed error. They
 * resolve the SDK's dependencies from the repository's node_modules.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloud, STATE, uniqueName } from '../../test/helpers/cloud.js';
import { requireDist, ROOT } from '../browser/harness.js';

const script = join(import.meta.dirname, 'smoke.ts');
const runtimes: [string, string[], RegExp][] = [
  // No --allow-sys: the home directory is skipped in the clouds.yaml search when it cannot be read.
  ['deno', ['deno', 'run', '--no-lock', '--allow-net', '--allow-read', '--allow-env', script], /^deno 2\./],
  ['bun', ['bun', 'run', script], /^bun 1\./],
];

describe.each(runtimes)('the ESM bundle in %s', (name, args, version) => {
  it('logs in from clouds.yaml, uploads a Blob, lists, downloads, and types its errors', () => {
    requireDist('node.js');
    const r = spawnSync('npx', args, {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 180_000,
      env: {
        ...process.env,
        NO_COLOR: '1',
        OS_CLIENT_CONFIG_FILE: join(STATE, 'clouds.yaml'),
        OSSDK_TEST_CLOUD: 'local-demo',
        OSSDK_TEST_CONTAINER: uniqueName(name),
      },
    });
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}:\n${r.stderr}\n${r.stdout}`);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(out.runtime).toMatch(version);
    expect(out.project).toBe(cloud.users.demo.projectId);
    expect(out.bytes).toBeGreaterThan(0);
    expect(out.names).toEqual(['hello.txt']);
    expect(out.roundTrip).toBe(true);
    expect(out.wrongPassword).toEqual({ name: 'UnauthorizedError', typed: true });
  });
});
