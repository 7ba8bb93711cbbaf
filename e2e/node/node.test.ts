/**
 * The package as npm publishes it: `npm pack`, unpacked into an app folder's node_modules, then
 * imported with ESM `import` and CommonJS `require` by plain Node against the local cloud. The app
 * folder sits inside the repository so that the SDK's dependencies resolve from the repository's
 * node_modules without a network.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloud, STATE, uniqueName } from '../../test/helpers/cloud.js';
import { requireDist, ROOT, TMP } from '../browser/harness.js';

const APP = join(TMP, 'node-app');

function run(file: string) {
  const r = spawnSync(process.execPath, [file], {
    cwd: APP,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      OS_CLIENT_CONFIG_FILE: join(STATE, 'clouds.yaml'),
      OSSDK_TEST_CLOUD: 'local-demo',
      OSSDK_TEST_CONTAINER: uniqueName('node'),
    },
  });
  if (r.status !== 0) throw new Error(`node ${file} exited ${r.status}:\n${r.stderr}\n${r.stdout}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

describe('the packed package in Node', () => {
  beforeAll(() => {
    requireDist('index.cjs', 'node.js', 'node.cjs');
    rmSync(APP, { recursive: true, force: true });
    const pkgDir = join(APP, 'node_modules/openstack-sdk');
    mkdirSync(pkgDir, { recursive: true });
    // Its own package.json, or Node would resolve `openstack-sdk` to the repository itself (self-reference).
    writeFileSync(join(APP, 'package.json'), JSON.stringify({ name: 'ossdk-node-app', private: true }));
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', APP], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ) as { filename: string }[];
    execFileSync('tar', ['-xzf', join(APP, packed[0]!.filename), '-C', pkgDir, '--strip-components=1']);
    for (const f of ['smoke.mjs', 'smoke.cjs']) copyFileSync(join(import.meta.dirname, 'scripts', f), join(APP, f));
  });

  it('resolves openstack-sdk to the unpacked tarball, through the exports map', () => {
    const script = `console.log(JSON.stringify({ esm: import.meta.resolve('openstack-sdk'), cjs: require.resolve('openstack-sdk'), node: require.resolve('openstack-sdk/node') }))`;
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/'); ${script}`,
      ],
      {
        cwd: APP,
        encoding: 'utf8',
      },
    );
    const r = JSON.parse(out) as Record<string, string>;
    expect(r.esm).toMatch(/node-app\/node_modules\/openstack-sdk\/dist\/index\.js$/);
    expect(r.cjs).toMatch(/node-app\/node_modules\/openstack-sdk\/dist\/index\.cjs$/);
    expect(r.node).toMatch(/node-app\/node_modules\/openstack-sdk\/dist\/node\.cjs$/);
  });

  it.each(['smoke.mjs', 'smoke.cjs'])('%s: clouds.yaml login, object round trip, typed errors', (file) => {
    const r = run(file);
    expect(r.project).toBe(cloud.users.demo.projectId);
    expect(r.names).toEqual(['hello.txt']);
    expect(r.roundTrip).toBe(true);
    expect(r.wrongPassword).toEqual({
      name: 'UnauthorizedError',
      typed: true,
    });
  });
});
