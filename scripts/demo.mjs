// `npm run demo`: builds the bundles if needed, starts (or reuses) the local cloud unless you
// point at your own with OS_CLOUD or OS_AUTH_URL, then runs examples/quickstart.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status || 1);
}

if (!existsSync('dist/node.js')) run('npm', ['run', '-s', 'build']);
const env = { ...process.env };
if (!env.OS_CLOUD && !env.OS_AUTH_URL) {
  run('bash', ['e2e/cloud/up.sh']);
  const state = env.OSSDK_CLOUD_STATE ?? '/tmp/openstack-sdk-cloud';
  env.OS_CLIENT_CONFIG_FILE = `${state}/clouds.yaml`;
  env.OS_CLOUD = 'local-demo';
  console.log(`\nusing the local cloud (${env.OS_CLIENT_CONFIG_FILE}, cloud ${env.OS_CLOUD})\n`);
}
run('node', ['examples/quickstart.mjs'], env);
