/**
 * Deno and Bun (both from npm packages) running one script that imports the built ESM bundle against
 * the local cloud: login from clouds.yaml, a Blob up and back down with progress, a 256 MiB file
 * uploaded to Swift and to Glance in less memory than its size, a listing, a typed error. They
 * resolve the SDK's dependencies from the repository's node_modules.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloud, STATE, uniqueName } from '../../test/helpers/cloud.js';
import { requireDist, ROOT } from '../browser/harness.js';

const script = join(import.meta.dirname, 'smoke.ts');
const runtimes: [string, string[], RegExp][] = [
  // No --allow-sys: the home directory is skipped in the clouds.yaml search when it cannot be read.
  ['deno', ['deno', 'run', '--no-lock', '--allow-net', '--allow-read', '--allow-env', script], /^deno 2\./],
  ['bun', ['bun', 'run', script], /^bun 1\./],
];

const MiB = 1024 * 1024;
const FILE_SIZE = 256 * MiB;
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ossdk-runtime-'));
  writeFileSync(join(dir, 'file.bin'), Buffer.alloc(FILE_SIZE, 'openstack'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(runtimes)('the ESM bundle in %s', (name, args, version) => {
  it('logs in from clouds.yaml, uploads a Blob with progress and a file in little memory, lists, downloads, and types its errors', () => {
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
        OSSDK_TEST_FILE: join(dir, 'file.bin'),
      },
    });
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}:\n${r.stderr}\n${r.stdout}`);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(out.runtime).toMatch(version);
    expect(out.project).toBe(cloud.users.demo.projectId);
    expect(out.bytes).toBeGreaterThan(0);
    expect(out.bigBytes).toBe(4 * 1024 * 1024);
    console.log(
      `${name}: ${out.progressSteps} progress events while 4 MiB were sent; a 256 MiB file uploaded at peak RSS ` +
        `${out.fileUpload.peakRssMiB} MiB to Swift, ${out.imageUpload.peakRssMiB} MiB to Glance`,
    );
    // Sent as a stream, a Blob's progress moves while it is sent, not only at its start and end.
    expect(out.progressSteps).toBeGreaterThanOrEqual(3);
    expect(out.fileUpload.bytes).toBe(FILE_SIZE);
    expect(out.fileUpload.peakRssMiB).toBeLessThan(FILE_SIZE / MiB);
    expect(out.imageUpload).toMatchObject({ bytes: FILE_SIZE, status: 'active' });
    expect(out.imageUpload.peakRssMiB).toBeLessThan(FILE_SIZE / MiB);
    expect(out.names).toEqual(['file.bin', 'four-mib.bin', 'hello.txt']);
    expect(out.roundTrip).toBe(true);
    expect(out.wrongPassword).toEqual({ name: 'UnauthorizedError', typed: true });
  });
});
